import type { Faker } from "@faker-js/faker";
import { distanceKm, getCommune } from "~/reference/territory.server";
import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./dates";
import type { ApplicationPlan, ApplicationState, CandidatePlan, PositionPlan } from "./plan";
import { positionId } from "./positions";
import { weighted } from "./random";

/**
 * Applications from the seed's candidates to public positions: a candidate applies only to
 * positions of the filières and catégories they wish for, within reach of home, and never to an organisation
 * they hide from.
 */

/** Mende, whose direction of finances the demo candidate applies to. */
const MENDE = "214800955";

const STATES: ReadonlyArray<readonly [ApplicationState, number]> = [["SENT", 40], ["REVIEWING", 25], ["INTERVIEW", 15], ["REJECTED", 12], ["WITHDRAWN", 8]];

const NOTES: Record<ApplicationState, readonly string[]> = {
  SENT: [""],
  REVIEWING: ["Parcours cohérent, à comparer avec les autres candidatures.", "Expérience solide ; vérifier la disponibilité.", "Bon profil technique, management à confirmer.", ""],
  INTERVIEW: ["Entretien à caler avec le maire.", "Très bonne impression au premier échange téléphonique.", "Convoqué(e) au jury ; préparer une mise en situation.", "Profil solide sur les finances, à creuser sur le management."],
  // Set by prisma/seed/application-interviews.ts, never drawn here.
  INTERVIEW_PROPOSED: ["Créneaux proposés ; attendre son choix."],
  INTERVIEW_BOOKED: ["Entretien fixé avec le maire."],
  ACCEPTED: ["Candidature retenue par le jury ; arrêté de nomination en préparation."],
  REJECTED: ["Expérience insuffisante sur le cœur du poste.", "Prétentions salariales hors de la grille.", "Profil intéressant mais moins adapté que les candidats retenus pour l'entretien."],
  WITHDRAWN: [""],
};

function letterFor(p: PositionPlan, orgName: string): string {
  const title = p.title.replace(/ \(H\/F\)$/, "");
  return (
    `Madame, Monsieur,\n\n` +
    `Votre offre de poste « ${title} » a retenu toute mon attention. ` +
    `Mon parcours en collectivité et les compétences que j'y ai développées correspondent aux missions décrites, ` +
    `et le projet porté par ${orgName} me donne envie de m'engager à vos côtés.\n\n` +
    `Je me tiens à votre disposition pour un entretien.\n\nBien cordialement.`
  );
}

function compatibleCategorie(profile: string, position: string): boolean {
  const rank = (c: string) => (c === "A+" ? 3 : c === "A" ? 2 : c === "B" ? 1 : 0);
  return rank(position) === rank(profile) || (rank(position) === rank(profile) + 1 && rank(profile) >= 1) || (profile === "A+" && position === "A");
}

export function generateApplications(args: {
  faker: Faker;
  clock: Clock;
  candidates: readonly CandidatePlan[];
  positions: readonly PositionPlan[];
  orgNames: ReadonlyMap<string, string>;
  demoCollectiviteKey: string;
}): ApplicationPlan[] {
  const { faker, clock, candidates, positions, orgNames, demoCollectiviteKey } = args;
  const out: ApplicationPlan[] = [];
  const applied = new Set<string>();
  const add = (a: ApplicationPlan) => {
    const key = `${a.email}|${a.positionId}`;
    if (applied.has(key)) return;
    applied.add(key);
    out.push(a);
  };
  const since = (maxDays: number) => clock.days(-faker.number.int({ min: 1, max: Math.max(1, maxDays) }), faker.number.int({ min: 8, max: 20 }));
  const daysAgo = (d: Date) => Math.floor((clock.today.getTime() - d.getTime()) / 86_400_000);

  // The demo candidate: the DGS of Langogne (being reviewed) and the finances of Mende.
  const demo = candidates.find((c) => c.user.email === DEMO_ACCOUNTS.candidate);
  const langogneDgs = positions.find((p) => p.id === positionId(demoCollectiviteKey, "dgs"));
  const mendeFinances = positions.find((p) => p.id === positionId(MENDE, "finances"));
  if (!demo || !langogneDgs || !mendeFinances) throw new Error("Seed: demo candidate's applications lost their positions");
  for (const [p, state, note] of [[langogneDgs, "REVIEWING", "Profil très solide en finances ; à rencontrer avec le maire."], [mendeFinances, "SENT", ""]] as const) {
    const createdAt = clock.days(-Math.min(3, daysAgo(p.publishedAt!)), 18);
    add({ email: demo.user.email, positionId: p.id, letter: letterFor(p, orgNames.get(p.orgKey) ?? ""), state, internalNote: note, score: null, withdrawnAt: null, createdAt, updatedAt: createdAt });
  }

  const open = positions.filter((p) => p.state === "PUBLISHED" && !p.confidential);
  const ended = positions.filter((p) => p.state === "FILLED" || p.state === "CLOSED");
  for (const p of [...open, ...ended]) {
    const place = getCommune(p.communeCode);
    if (!place) continue;
    const eligible = candidates.filter((c) => {
      const pr = c.profile;
      if (c.user.email === DEMO_ACCOUNTS.candidate) return false;
      if (pr.hiddenFrom.some((h) => h.officialKey === p.orgKey)) return false;
      if (pr.currentEmployerKey === p.orgKey) return false;
      const filieres = JSON.parse(pr.wishedFilieres) as string[];
      const categories = JSON.parse(pr.wishedCategories) as string[];
      if (!filieres.includes(p.filiere) || !categories.some((k) => compatibleCategorie(k, p.categorie))) return false;
      const home = getCommune(pr.homeCommuneCode);
      return !!home && (pr.willingToRelocate || distanceKm(home, place) <= pr.maxDistanceKm);
    });
    const count = p.state === "PUBLISHED" ? Math.min(eligible.length, faker.number.int({ min: 0, max: 3 })) : Math.min(eligible.length, 3);
    const chosen = faker.helpers.arrayElements(eligible, count);
    chosen.forEach((c, i) => {
      let state: ApplicationState;
      if (p.state === "FILLED") state = i === 0 ? "ACCEPTED" : "REJECTED";
      else if (p.state === "CLOSED") state = i === 0 ? "WITHDRAWN" : "REJECTED";
      else state = weighted(faker, STATES);
      const window = p.state === "PUBLISHED" ? daysAgo(p.publishedAt!) : 30;
      const createdAt = p.state === "PUBLISHED" ? since(window - 1) : clock.days(-daysAgo(p.publishedAt!) + faker.number.int({ min: 2, max: 30 }), 14);
      const later = new Date(Math.min(clock.today.getTime() + 8 * 3_600_000, createdAt.getTime() + faker.number.int({ min: 1, max: 10 }) * 86_400_000));
      const updatedAt = state === "SENT" || later < createdAt ? createdAt : later;
      const note = faker.helpers.arrayElement(NOTES[state]);
      add({
        email: c.user.email,
        positionId: p.id,
        letter: letterFor(p, orgNames.get(p.orgKey) ?? ""),
        state,
        internalNote: note,
        score: state === "INTERVIEW" || state === "ACCEPTED" || state === "REJECTED" ? faker.number.int({ min: state === "ACCEPTED" ? 75 : 40, max: state === "REJECTED" ? 70 : 92 }) : null,
        withdrawnAt: state === "WITHDRAWN" ? updatedAt : null,
        createdAt,
        updatedAt,
      });
    });
  }
  return out;
}
