import { canEnter, type Space } from "~/access/spaces";
import { db } from "~/utils/db.server";
import { storeCv } from "~/utils/uploads.server";
import { pdfBytes } from "../helpers/candidate-requests";
import { ACTORS, ROLE, type Actor, type Scene } from "./route-walk-fixtures";

/**
 * The route walk's table (tests/integration/route-walk.test.ts): for each route of app/routes,
 * the address asked with the scene's identifiers, its space, the actors for whom its object is
 * theirs, the cells that differ, and the form its action is posted with. The form fuzz
 * (form-fuzz.test.ts) posts to each action as an actor the table lets through.
 */

/** What a cell expects: a status, the sign-in redirect, or « passed the guard » for an action. */
export type Expect = number | "sign-in" | "passed";

export type RouteSpec = {
  /** The path asked, with the scene's identifiers. */
  url: (s: Scene) => string;
  /** null: public. */
  space: Space | null;
  /** The actors of the space for whom the object is theirs (default: all who enter the space); the others get 404. */
  owners?: readonly Actor[];
  /** Cells of the loader that differ from what the space and the owners say. */
  cells?: Partial<Record<Actor, Expect>>;
  /** The action's form (beside the CSRF field), and cells of its own. */
  post?: { form?: (s: Scene) => Record<string, string>; cells?: Partial<Record<Actor, Expect>>; after?: (s: Scene) => Promise<void> };
  /** Its action ends the session (sign-out): the actor signs in again after it. */
  endsSession?: boolean;
};

const CANDIDATE: readonly Actor[] = ["le candidat"];
const EMPLOYER: readonly Actor[] = ["employeur de la collectivité"];
const MISSION: readonly Actor[] = ["consultant du cabinet mandaté", "responsable du cabinet mandaté"];
const FINALISTS: readonly Actor[] = ["employeur de la collectivité", "membre du comité"];
/** Employer pages a committee member's account reaches (docs/decisions/050-committee-accounts.md). */
const COMMITTEE_TOO: Partial<Record<Actor, Expect>> = { "membre du comité": 200 };

function everyone(status: Expect): Partial<Record<Actor, Expect>> {
  return Object.fromEntries(ACTORS.map((a) => [a, status]));
}
const NOT_LEADS: Partial<Record<Actor, Expect>> = { "consultant du cabinet mandaté": 403, "consultant du même cabinet, hors mission": 403 };
const SIGNED_IN_GO_HOME: Partial<Record<Actor, Expect>> = Object.fromEntries(ACTORS.filter((a) => a !== "anonyme").map((a) => [a, 302]));

async function reopenMission(s: Scene) {
  await db.mission.update({ where: { id: s.mission.id }, data: { status: "ACTIVE" } });
}

async function resendApplication(s: Scene) {
  await db.application.update({ where: { id: s.application.id }, data: { state: "SENT", withdrawnAt: null, cvFile: await storeCv(Buffer.from(pdfBytes())) } });
}

const m = (s: Scene) => `/cabinet/missions/${s.mission.id}`;
const p = (s: Scene) => `/employeur/postes/${s.position.id}`;

export const ROUTES: Record<string, RouteSpec> = {
  "routes/_index": { url: () => "/", space: null },
  "routes/confidentialite": { url: () => "/confidentialite", space: null },
  // The public service's pages of the footer.
  "routes/mentions-legales": { url: () => "/mentions-legales", space: null },
  "routes/donnees-personnelles": { url: () => "/donnees-personnelles", space: null },
  "routes/accessibilite": { url: () => "/accessibilite", space: null },
  "routes/plan-du-site": { url: () => "/plan-du-site", space: null },
  // Signing in or up again: a signed-in user is sent to their home.
  "routes/connexion": { url: () => "/connexion", space: null, cells: SIGNED_IN_GO_HOME },
  "routes/inscription": { url: () => "/inscription", space: null, cells: SIGNED_IN_GO_HOME },
  "routes/mot-de-passe-oublie": { url: () => "/mot-de-passe-oublie", space: null },
  "routes/mot-de-passe.$token": { url: (s) => `/mot-de-passe/${s.resetToken}`, space: null },
  "routes/invitation.$token": { url: (s) => `/invitation/${s.invitationToken}`, space: null },
  // Signing out is a POST; the address itself leads home.
  "routes/deconnexion": { url: () => "/deconnexion", space: null, endsSession: true, cells: everyone(302) },
  "routes/healthz": { url: () => "/healthz", space: null },
  "routes/api.communes": { url: () => "/api/communes?q=lyon", space: null },
  // The organisations' names, for the forms of signed-in users only.
  "routes/api.organisations": { url: () => "/api/organisations?q=lyon", space: null, cells: { "anonyme": 401 } },
  "routes/offres._index": { url: () => "/offres", space: null },
  "routes/offres.$id": { url: (s) => `/offres/${s.position.id}`, space: null },
  // Applying is the candidate's: the public offer's address, the candidate space's rules.
  "routes/offres.$id_.postuler": { url: (s) => `/offres/${s.position.id}/postuler`, space: "candidat", post: { form: () => ({ letter: "Madame, Monsieur, je me porte candidate." }) } },

  "routes/admin": { url: () => "/admin", space: "admin" },
  "routes/admin._index": { url: () => "/admin", space: "admin" },
  "routes/admin.courriels": { url: () => "/admin/courriels", space: "admin" },
  "routes/admin.journal": { url: () => "/admin/journal", space: "admin" },
  "routes/admin.organisations": { url: () => "/admin/organisations", space: "admin" },

  "routes/cabinet": { url: () => "/cabinet", space: "cabinet" },
  "routes/cabinet._index": { url: () => "/cabinet", space: "cabinet" },
  // The lead's page: a consultant who is not a lead is refused the page, as another space.
  "routes/cabinet.consultants": { url: () => "/cabinet/consultants", space: "cabinet", cells: NOT_LEADS, post: { cells: NOT_LEADS } },
  "routes/cabinet.contacts": { url: () => "/cabinet/contacts", space: "cabinet" },
  "routes/cabinet.recherches": { url: () => "/cabinet/recherches", space: "cabinet" },
  // « Ajouter à la mission »: the mission's consultants only (she is on it already: refused for that, after the guard).
  "routes/cabinet.vivier": {
    url: () => "/cabinet/vivier", space: "cabinet",
    post: { form: (s) => ({ missionId: s.mission.id, profileId: s.candidate.profile.id }), cells: { "consultant du même cabinet, hors mission": 404, "consultant d’un autre cabinet": 404 } },
  },
  "routes/cabinet.missions._index": { url: () => "/cabinet/missions", space: "cabinet" },
  "routes/cabinet.missions.$id": { url: m, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.suggestions": { url: (s) => `${m(s)}/suggestions`, space: "cabinet", owners: MISSION, post: { form: (s) => ({ profileId: s.candidate.profile.id }) } },
  // Closing the mission (reopened after each try, for the routes that follow).
  "routes/cabinet.missions.$id_.finalistes": { url: (s) => `${m(s)}/finalistes`, space: "cabinet", owners: MISSION, post: { form: () => ({ intent: "close" }), after: reopenMission } },
  "routes/cabinet.missions.$id_.candidats.$entryId": {
    url: (s) => `${m(s)}/candidats/${s.entry.id}`, space: "cabinet", owners: MISSION,
    post: { form: () => ({ intent: "interview", heldAt: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), form: "TELEPHONE", competences: "Un appel de plus.", comportement: "", adhesion: "" }) },
  },
  "routes/cabinet.missions.$id_.candidats.$entryId_.cv": { url: (s) => `${m(s)}/candidats/${s.entry.id}/cv`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.presentation.$entryId": { url: (s) => `${m(s)}/presentation/${s.entry.id}`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.messages.$profileId": { url: (s) => `${m(s)}/messages/${s.candidate.profile.id}`, space: "cabinet", owners: MISSION, post: { form: () => ({ body: "Bonjour, où en êtes-vous ?" }) } },
  "routes/cabinet.missions.$id_.ajouter": { url: (s) => `${m(s)}/ajouter`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.approche": { url: (s) => `${m(s)}/approche`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.cadrage": { url: (s) => `${m(s)}/cadrage`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.faisabilite": { url: (s) => `${m(s)}/faisabilite`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.messages._index": { url: (s) => `${m(s)}/messages`, space: "cabinet", owners: MISSION },
  "routes/cabinet.missions.$id_.sortie": { url: (s) => `${m(s)}/sortie?vers=WITHDREW&ids=${s.entry.id}`, space: "cabinet", owners: MISSION },
  // The export is a POST: its address answers 404 to anyone who asks it.
  "routes/cabinet.missions.$id_.export": { url: (s) => `${m(s)}/export`, space: "cabinet", owners: MISSION, cells: everyone(404) },
  // The CV of a person met elsewhere: the scene's candidate came through the portal.
  "routes/cabinet.missions.$id_.cv.$entryId": { url: (s) => `${m(s)}/cv/${s.entry.id}`, space: "cabinet", owners: MISSION, cells: { "consultant du cabinet mandaté": 404, "responsable du cabinet mandaté": 404 } },
  "routes/cabinet.modeles": { url: () => "/cabinet/modeles", space: "cabinet" },
  "routes/cabinet.modeles.$id": { url: (s) => `/cabinet/modeles/${s.template.id}`, space: "cabinet", owners: ["consultant du cabinet mandaté", "responsable du cabinet mandaté", "consultant du même cabinet, hors mission"] },
  "routes/cabinet.notifications": { url: () => "/cabinet/notifications", space: "cabinet" },
  "routes/candidat.notifications": { url: () => "/candidat/notifications", space: "candidat" },
  "routes/employeur.notifications": { url: () => "/employeur/notifications", space: "employeur", cells: COMMITTEE_TOO, post: { cells: { "membre du comité": "passed" } } },
  "routes/employeur.postes.$id_.declaration": { url: (s) => `${p(s)}/declaration`, space: "employeur", owners: EMPLOYER },
  "routes/employeur.postes.$id_.declaration[.csv]": { url: (s) => `${p(s)}/declaration.csv`, space: "employeur", owners: EMPLOYER },
  // An unknown unsubscribe link: 404, to anyone.
  "routes/desabonnement.$token": { url: () => "/desabonnement/lien-inconnu", space: null, cells: everyone(404), post: { cells: everyone(404) } },
  "routes/invitation-candidat.$token": { url: () => "/invitation-candidat/lien-inconnu", space: null },

  "routes/candidat": { url: () => "/candidat", space: "candidat" },
  "routes/candidat._index": { url: () => "/candidat", space: "candidat" },
  "routes/candidat.profil": { url: () => "/candidat/profil", space: "candidat" },
  "routes/candidat.profil._index": { url: () => "/candidat/profil", space: "candidat" },
  "routes/candidat.profil.cv": { url: () => "/candidat/profil/cv", space: "candidat" },
  "routes/candidat.profil.visibilite": { url: () => "/candidat/profil/visibilite", space: "candidat" },
  // The CV of the candidate's profile: the other candidate has none.
  "routes/candidat.cv": { url: () => "/candidat/cv", space: "candidat", cells: { "un autre candidat": 404 } },
  "routes/candidat.candidatures._index": { url: () => "/candidat/candidatures", space: "candidat" },
  // Withdrawing the application (sent again after each try, for the routes that follow).
  "routes/candidat.candidatures.$id": { url: (s) => `/candidat/candidatures/${s.application.id}`, space: "candidat", owners: CANDIDATE, post: { form: () => ({ intent: "withdraw" }), after: resendApplication } },
  "routes/candidat.candidatures.$id_.cv": { url: (s) => `/candidat/candidatures/${s.application.id}/cv`, space: "candidat", owners: CANDIDATE },
  "routes/candidat.candidatures.$id_.messages": { url: (s) => `/candidat/candidatures/${s.application.id}/messages`, space: "candidat", owners: CANDIDATE, post: { form: () => ({ body: "Bonjour, je reste disponible." }) } },
  "routes/candidat.contacts": { url: () => "/candidat/contacts", space: "candidat" },
  "routes/candidat.donnees": { url: () => "/candidat/donnees", space: "candidat" },
  "routes/candidat.donnees.export": { url: () => "/candidat/donnees/export", space: "candidat" },
  "routes/candidat.journal": { url: () => "/candidat/journal", space: "candidat" },
  "routes/candidat.messages._index": { url: () => "/candidat/messages", space: "candidat" },
  "routes/candidat.messages.$missionId": { url: (s) => `/candidat/messages/${s.mission.id}`, space: "candidat", owners: CANDIDATE, post: { form: () => ({ body: "Merci, je reste disponible." }) } },
  "routes/candidat.missions": { url: () => "/candidat/missions", space: "candidat" },
  "routes/candidat.presentations": { url: () => "/candidat/presentations", space: "candidat" },
  "routes/candidat.references": { url: () => "/candidat/references", space: "candidat" },

  "routes/employeur": { url: () => "/employeur", space: "employeur", cells: COMMITTEE_TOO },
  "routes/employeur._index": { url: () => "/employeur", space: "employeur" },
  "routes/employeur.comite": { url: () => "/employeur/comite", space: "employeur", cells: COMMITTEE_TOO },
  "routes/employeur.postes._index": { url: () => "/employeur/postes", space: "employeur" },
  "routes/employeur.postes.nouveau": { url: () => "/employeur/postes/nouveau", space: "employeur" },
  "routes/employeur.postes.$id": { url: p, space: "employeur", owners: EMPLOYER, post: { form: () => ({ intent: "duplicate" }) } },
  "routes/employeur.postes.$id_.modifier": { url: (s) => `${p(s)}/modifier`, space: "employeur", owners: EMPLOYER },
  "routes/employeur.postes.$id_.candidatures": { url: (s) => `${p(s)}/candidatures`, space: "employeur", owners: EMPLOYER },
  // Inviting a member of the committee to an account.
  "routes/employeur.postes.$id_.comite": { url: (s) => `${p(s)}/comite`, space: "employeur", owners: EMPLOYER, post: { form: (s) => ({ memberId: s.members.contribute.id, email: `contribue-${s.position.id}@test.vivier` }) } },
  "routes/employeur.candidatures.$applicationId": { url: (s) => `/employeur/candidatures/${s.application.id}`, space: "employeur", owners: EMPLOYER },
  "routes/employeur.candidatures.$applicationId_.cv": { url: (s) => `/employeur/candidatures/${s.application.id}/cv`, space: "employeur", owners: EMPLOYER },
  "routes/employeur.candidatures.$applicationId_.messages": { url: (s) => `/employeur/candidatures/${s.application.id}/messages`, space: "employeur", owners: EMPLOYER, post: { form: () => ({ body: "Bonjour, pouvons-nous nous parler ?" }) } },
  "routes/employeur.candidatures.$applicationId_.entretien": { url: (s) => `/employeur/candidatures/${s.application.id}/entretien`, space: "employeur", owners: EMPLOYER },
  "routes/employeur.postes.$id_.finalistes": { url: (s) => `${p(s)}/finalistes`, space: "employeur", owners: FINALISTS },
  "routes/employeur.postes.$id_.finalistes_.comparaison": { url: (s) => `${p(s)}/finalistes/comparaison`, space: "employeur", owners: FINALISTS },
  "routes/employeur.postes.$id_.finalistes_.comparaison[.csv]": { url: (s) => `${p(s)}/finalistes/comparaison.csv`, space: "employeur", owners: FINALISTS },
  // A member's scorecard, left empty: refused for that, after the guard (the employer does not score: 403).
  "routes/employeur.postes.$id_.finalistes_.$presentationId": {
    url: (s) => `${p(s)}/finalistes/${s.presentation.id}`, space: "employeur", owners: FINALISTS,
    post: { form: () => ({ intent: "score" }) },
  },
  "routes/employeur.postes.$id_.finalistes_.$presentationId_.cv": { url: (s) => `${p(s)}/finalistes/${s.presentation.id}/cv`, space: "employeur", owners: FINALISTS },
  "routes/employeur.postes.$id_.finalistes_.$presentationId_.dossier": { url: (s) => `${p(s)}/finalistes/${s.presentation.id}/dossier`, space: "employeur", owners: FINALISTS },
};

export const SIGN_IN = /^\/connexion\?redirectTo=/;

/** What the actor gets from the route's own loader (or action), as the space, the owners and the cells say. */
export function expected(spec: RouteSpec, actor: Actor, kind: "loader" | "action", guessed = false): Expect {
  // A guessed identifier keeps only the cells that already say « not found ».
  const cell = kind === "action" ? spec.post?.cells?.[actor] : spec.cells?.[actor];
  if (cell !== undefined && (!guessed || cell === 404)) return cell;
  const ok: Expect = kind === "action" ? "passed" : 200;
  if (!spec.space) return guessed ? 404 : ok;
  const role = ROLE[actor];
  if (!role) return "sign-in";
  if (!canEnter(role, spec.space)) return 403;
  // A committee member's account enters the employer space, but only its finalists pages let it in.
  if (role === "COMMITTEE" && !spec.owners?.includes(actor)) return 403;
  if (guessed) return 404;
  return !spec.owners || spec.owners.includes(actor) ? ok : 404;
}
