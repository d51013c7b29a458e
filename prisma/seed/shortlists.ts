import { createHash } from "node:crypto";
import { Faker, base, fr } from "@faker-js/faker";
import { CABINETS, DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./dates";
import type { ApplicationPlan, CandidatePlan, PositionPlan, UserPlan } from "./plan";
import { FAKER_SEED, stableId } from "./random";

/**
 * The missions' side of the demo: who of the cabinet works on each mission, the brief written
 * with the collectivité, the cabinet's approach templates, and a shortlist at every stage of the
 * search (with its story, the proposals behind it, a few scorecards and one request for
 * references) — enough for every page of a mission to show something to consultant@.
 *
 * Its own faker, seeded apart: adding to the missions' demo never changes the rest of the seed.
 */

type Stage = "IDENTIFIED" | "APPROACHED" | "INTERESTED" | "CABINET_INTERVIEW" | "EVALUATED" | "NOT_RETAINED" | "WITHDREW";
type Source = "SEARCH" | "CONTACT" | "APPLICATION" | "MANUAL";

export type EntryPlan = {
  id: string;
  positionId: string;
  cabinetKey: string;
  /** The candidate's e-mail, or null for a person met elsewhere. */
  email: string | null;
  externalName: string | null;
  externalEmail: string | null;
  inviteTokenHash: string | null;
  invitedAt: Date | null;
  source: Source;
  stage: Stage;
  stageChangedAt: Date;
  exitReason: string | null;
  feedback: string;
  createdByEmail: string | null;
  createdAt: Date;
  events: Array<{ id: string; fromStage: Stage | null; toStage: Stage; reason: string; at: Date; actorEmail: string | null }>;
  scorecards: Array<{ id: string; consultantEmail: string; scores: string; total: number; at: Date }>;
  consents: Array<{ id: string; kind: "REFERENCES"; requestedByEmail: string; requestedAt: Date }>;
};

export type ContactPlan = { id: string; email: string; positionId: string; cabinetKey: string; consultantEmail: string; status: "PENDING" | "ACCEPTED" | "DECLINED"; message: string; createdAt: Date; answeredAt: Date | null };

export type BriefPlan = {
  id: string; positionId: string; cabinetKey: string; version: number; authorEmail: string; createdAt: Date;
  context: string; transformation: string; offer: string; targetFunctions: string; targetCollectiviteTypes: string; targetSizes: string;
  targetRegions: string; priorityCompetencies: string; careerPaths: string; atypicalWelcome: boolean; atypicalTerms: string;
};

export type ShortlistsPlan = {
  staffing: Array<{ id: string; positionId: string; cabinetKey: string; email: string }>;
  missions: Array<{ positionId: string; cabinetKey: string; presentationPlannedAt: Date | null; briefSharedAt: Date | null; briefAgreedAt: Date | null; briefAgreedByName: string | null }>;
  briefs: BriefPlan[];
  entries: EntryPlan[];
  contacts: ContactPlan[];
  templates: Array<{ id: string; cabinetKey: string; name: string; body: string; createdAt: Date }>;
};

const PIPELINE: readonly Stage[] = ["IDENTIFIED", "APPROACHED", "INTERESTED", "CABINET_INTERVIEW", "EVALUATED"];

/** The stages of a mission's pool candidates, in the order they are handed out. */
const STAGE_MIX: Record<"large" | "small", readonly Stage[]> = {
  large: ["IDENTIFIED", "IDENTIFIED", "IDENTIFIED", "APPROACHED", "APPROACHED", "APPROACHED", "INTERESTED", "INTERESTED", "CABINET_INTERVIEW", "CABINET_INTERVIEW", "EVALUATED", "EVALUATED", "NOT_RETAINED", "WITHDREW"],
  small: ["IDENTIFIED", "IDENTIFIED", "APPROACHED", "APPROACHED", "INTERESTED", "INTERESTED", "CABINET_INTERVIEW", "EVALUATED", "NOT_RETAINED", "WITHDREW"],
};

const FEEDBACK =
  "Merci pour nos échanges et pour le temps que vous avez consacré à cette démarche. Votre parcours est solide, mais la collectivité " +
  "recherche une expérience plus longue de direction générale dans une commune de cette taille ; nous ne poursuivons donc pas pour ce poste. " +
  "Nous gardons votre profil en tête pour des missions plus proches de votre expérience.";

const TEMPLATES = [
  {
    name: "Première approche",
    body:
      "Bonjour,\n\nJe mène pour {collectivite} la recherche d’un(e) « {poste} », basé(e) à {commune}. Votre parcours a retenu mon attention.\n\n" +
      "Le poste est rémunéré {salaire} (IFSE : {ifse}), avec {logement} et {teletravail} de télétravail.\n\n" +
      "Seriez-vous d’accord pour en parler, en toute confidentialité ? Votre identité ne sera transmise à personne sans votre accord.\n\n{consultant}, {cabinet}",
  },
  {
    name: "Suite à notre entretien",
    body:
      "Bonjour,\n\nMerci encore pour notre entretien au sujet du poste « {poste} ». Comme convenu, je reviens vers vous avant le {date_limite} " +
      "pour la suite de la démarche.\n\nBien cordialement,\n{consultant}, {cabinet}",
  },
] as const;

function spread(start: Date, end: Date, fraction: number): Date {
  const t = start.getTime() + Math.max(0, Math.min(1, fraction)) * (end.getTime() - start.getTime());
  // To the minute: the same instant on every run of the same day.
  return new Date(Math.floor(t / 60_000) * 60_000);
}

/** The path to a stage, from where the entry came in. */
function path(to: Stage, from: Stage): Stage[] {
  if (to === "NOT_RETAINED") return [...path("CABINET_INTERVIEW", from), "NOT_RETAINED"];
  if (to === "WITHDREW") return [...path("APPROACHED", from), "WITHDREW"];
  return PIPELINE.slice(PIPELINE.indexOf(from), PIPELINE.indexOf(to) + 1);
}

const REASON: Partial<Record<Stage, string>> = {
  APPROACHED: "Proposition envoyée",
  INTERESTED: "Proposition acceptée par le candidat",
  CABINET_INTERVIEW: "Entretien fixé",
  EVALUATED: "Grille d’évaluation remplie",
  NOT_RETAINED: "Expérience insuffisante sur les enjeux du poste",
  WITHDREW: "A décliné la proposition — Proposition déclinée par le candidat",
};

/**
 * The candidates seed/presentations.ts takes, as it takes them from the database: the first three
 * visible ones by e-mail (byte order, as SQLite sorts) who hide from none of `keys`, the demo
 * candidate aside — two finalists on the demo search, then a hire at Moirans-en-Montagne.
 */
export function presentationReserved(candidates: readonly CandidatePlan[], keys: readonly string[]): string[] {
  return candidates
    .filter((c) => c.profile.visibility === "VISIBLE" && c.user.email !== DEMO_ACCOUNTS.candidate && !c.profile.hiddenFrom.some((h) => keys.includes(h.officialKey)))
    .map((c) => c.user.email)
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    .slice(0, 3);
}

export function generateShortlists(args: {
  clock: Clock;
  positions: readonly PositionPlan[];
  candidates: readonly CandidatePlan[];
  applications: readonly ApplicationPlan[];
  users: readonly UserPlan[];
  /** Candidates whose story on these missions another part of the seed writes: left out here. */
  reserved: ReadonlySet<string>;
}): ShortlistsPlan {
  const { clock, positions, candidates, applications, users, reserved } = args;
  const faker = new Faker({ locale: [fr, base], seed: FAKER_SEED + 11 });
  const now = clock.days(0, 8);
  const plan: ShortlistsPlan = { staffing: [], missions: [], briefs: [], entries: [], contacts: [], templates: [] };
  const cabinet = CABINETS[0];
  const lead = DEMO_ACCOUNTS.consultant;
  const colleague = users.find((u) => u.orgKey === cabinet.officialKey && u.role === "CONSULTANT" && !u.isCabinetLead)?.email;
  if (!colleague) throw new Error("Seed: the first cabinet lost its second consultant");

  for (const t of TEMPLATES) plan.templates.push({ id: stableId("template", `${cabinet.officialKey}:${t.name}`), cabinetKey: cabinet.officialKey, name: t.name, body: t.body, createdAt: clock.days(-120, 10) });

  const mandated = positions.filter((p) => p.missionCabinetKey === cabinet.officialKey && p.missionCreatedAt);
  mandated.forEach((position, index) => {
    const first = index === 0;
    const start = position.missionCreatedAt!;
    const at = (f: number) => spread(start, now, f);
    const missionKey = { positionId: position.id, cabinetKey: cabinet.officialKey };

    // The lead on every mission; the colleague on the first one only (the lead staffs them).
    plan.staffing.push({ id: stableId("staff", `${position.id}:${lead}`), ...missionKey, email: lead });
    if (first) plan.staffing.push({ id: stableId("staff", `${position.id}:${colleague}`), ...missionKey, email: colleague });

    // The brief: two versions and the collectivité's agreement on the first mission, a draft on the other.
    const briefBase = {
      context: first
        ? "Commune-centre d’un bassin rural de Lozère, en pleine transition : départ en retraite du DGS après vingt ans, projet de maison de santé, reprise de la compétence eau par l’intercommunalité."
        : "Ville préfecture de la Creuse ; le DGS part pour une autre collectivité. Recherche confidentielle : l’équipe n’est pas encore informée.",
      transformation: first ? "Structurer une direction resserrée autour de trois pôles et moderniser la gestion budgétaire (passage à la M57 réussi, prospective à construire)." : "Redonner une ligne claire à l’organisation des services après deux réorganisations.",
      offer: first ? "Logement de fonction possible, proximité de la gare de Langogne, soutien fort du maire pour des projets structurants." : "",
      targetFunctions: JSON.stringify(first ? ["Directeur général des services", "Secrétaire général de mairie", "Directeur des finances"] : ["Directeur général des services", "Directeur général adjoint"]),
      targetCollectiviteTypes: JSON.stringify(first ? ["COMMUNE", "EPCI"] : ["COMMUNE"]),
      targetSizes: JSON.stringify(first ? ["moins de 2 000 habitants", "2 000 à 10 000 habitants"] : ["10 000 à 20 000 habitants"]),
      targetRegions: JSON.stringify(first ? ["76"] : ["75", "84"]),
      priorityCompetencies: JSON.stringify(first ? ["Finances locales", "Management d'équipe"] : ["Management d'équipe", "Conduite du changement"]),
      careerPaths: first ? "Secrétaire général d’une commune de 2 000 à 5 000 habitants, responsable des finances d’un EPCI rural." : "",
      atypicalWelcome: first,
      atypicalTerms: first ? "Un cadre de l’État ou d’une chambre consulaire, s’il s’engage à suivre la formation statutaire dans l’année." : "",
    };
    plan.briefs.push({ id: stableId("brief", `${position.id}:1`), ...missionKey, version: 1, authorEmail: lead, createdAt: at(0.1), ...briefBase,
      ...(first ? { targetRegions: JSON.stringify(["76", "84"]), priorityCompetencies: JSON.stringify(["Finances locales"]) } : {}) });
    if (first) plan.briefs.push({ id: stableId("brief", `${position.id}:2`), ...missionKey, version: 2, authorEmail: colleague, createdAt: at(0.2), ...briefBase });
    plan.missions.push({
      ...missionKey,
      presentationPlannedAt: first ? clock.days(21, 12) : null,
      briefSharedAt: first ? at(0.22) : null,
      briefAgreedAt: first ? at(0.3) : null,
      briefAgreedByName: first ? "Hélène Bonnal" : null,
    });

    // Who comes in: the running applications to the position, then candidates of the pool.
    const applied = applications.filter((a) => a.positionId === position.id && a.state !== "WITHDRAWN");
    const taken = new Set(applied.map((a) => a.email));
    const actors = first ? [lead, colleague] : [lead];
    const entry = (email: string | null, key: string, source: Source, stage: Stage, from: Stage, begin: number) => {
      const stages = path(stage, from);
      const step = (0.95 - begin) / Math.max(1, stages.length);
      const events = stages.map((s, i) => ({
        id: stableId("entry-event", `${key}:${i}`),
        fromStage: i === 0 ? null : stages[i - 1],
        toStage: s,
        reason: i === 0 ? (source === "APPLICATION" ? "Candidature reçue" : source === "CONTACT" ? "Proposition envoyée" : source === "MANUAL" ? "Ajouté hors plateforme ; invitation envoyée" : "") : REASON[s] ?? "",
        at: at(begin + i * step),
        actorEmail: source === "APPLICATION" && i === 0 ? null : s === "INTERESTED" || s === "WITHDREW" ? null : actors[i % actors.length],
      }));
      const e: EntryPlan = {
        id: stableId("entry", key), ...missionKey, email, externalName: null, externalEmail: null, inviteTokenHash: null, invitedAt: null,
        source, stage, stageChangedAt: events[events.length - 1].at,
        exitReason: stage === "NOT_RETAINED" ? "EXPERIENCE" : stage === "WITHDREW" ? "DECLINED" : null,
        feedback: stage === "NOT_RETAINED" ? FEEDBACK : "",
        createdByEmail: events[0].actorEmail, createdAt: events[0].at, events, scorecards: [], consents: [],
      };
      plan.entries.push(e);
      return e;
    };

    // The demo candidate's entry, evaluated, is seed/evaluation.ts's.
    for (const a of applied.filter((x) => x.email !== DEMO_ACCOUNTS.candidate && !reserved.has(x.email))) {
      const begin = Math.max(0.05, (a.createdAt.getTime() - start.getTime()) / Math.max(1, now.getTime() - start.getTime()));
      entry(a.email, `${position.id}:${a.email}`, "APPLICATION", "INTERESTED", "INTERESTED", Math.min(0.8, begin));
    }

    const hidesFrom = (c: CandidatePlan) => c.profile.hiddenFrom.some((h) => h.officialKey === cabinet.officialKey || h.officialKey === position.orgKey);
    const pool = candidates
      .filter((c) => c.profile.visibility !== "HIDDEN" && !taken.has(c.user.email) && !reserved.has(c.user.email) && c.user.email !== DEMO_ACCOUNTS.candidate && !hidesFrom(c))
      .filter((c) => c.profile.filiere === position.filiere && (c.profile.categorie === "A" || c.profile.categorie === "A+"))
      .sort((x, y) => x.user.email.localeCompare(y.user.email));
    const mix = STAGE_MIX[first ? "large" : "small"];
    const chosen = faker.helpers.arrayElements(pool, Math.min(pool.length, mix.length));
    chosen.forEach((c, i) => {
      const stage = mix[i];
      const source: Source = stage === "IDENTIFIED" || i % 3 !== 0 ? "SEARCH" : "CONTACT";
      const e = entry(c.user.email, `${position.id}:${c.user.email}`, source, stage, source === "CONTACT" ? "APPROACHED" : "IDENTIFIED", 0.3 + (i % 4) * 0.05);
      const approached = e.events.find((ev) => ev.toStage === "APPROACHED");
      if (approached) {
        const answer = e.events.find((ev) => ev.toStage === "INTERESTED" || ev.toStage === "WITHDREW");
        plan.contacts.push({
          id: stableId("contact", `${c.user.email}:${position.id}`), email: c.user.email, ...missionKey, consultantEmail: approached.actorEmail ?? lead,
          status: !answer ? "PENDING" : answer.toStage === "WITHDREW" ? "DECLINED" : "ACCEPTED",
          message: `Bonjour, je mène pour une collectivité la recherche d’un(e) « ${position.title} ». Votre parcours a retenu mon attention : seriez-vous d’accord pour en parler ?`,
          createdAt: approached.at, answeredAt: answer?.at ?? null,
        });
      }
      if (stage === "EVALUATED" || stage === "NOT_RETAINED") {
        const scores = position.criteria.map((k) => ({ criterionId: k.id, score: faker.number.int({ min: stage === "EVALUATED" ? 2 : 1, max: 4 }), comment: "" }));
        const weight = position.criteria.reduce((s, k) => s + k.weight, 0) || 1;
        const total = Math.round((position.criteria.reduce((s, k, j) => s + k.weight * scores[j].score, 0) / (4 * weight)) * 100);
        e.scorecards.push({ id: stableId("scorecard", `${e.id}:${lead}`), consultantEmail: lead, scores: JSON.stringify(scores), total, at: e.stageChangedAt });
      }
    });
    // One evaluated candidate's referees wait on their consent.
    const evaluated = plan.entries.find((e) => e.positionId === position.id && e.stage === "EVALUATED");
    if (evaluated) evaluated.consents.push({ id: stableId("consent", `${evaluated.id}:references`), kind: "REFERENCES", requestedByEmail: lead, requestedAt: evaluated.stageChangedAt });

    if (first) {
      // A person met at a professional meeting, invited to create her space.
      const key = `${position.id}:hors-plateforme`;
      const e = entry(null, key, "MANUAL", "APPROACHED", "APPROACHED", 0.7);
      e.externalName = "Sophie Castanier";
      e.externalEmail = "sophie.castanier@exemple-perso.fr";
      e.invitedAt = e.createdAt;
      e.inviteTokenHash = createHash("sha256").update(stableId("invite", key)).digest("hex");
    }
  });
  return plan;
}
