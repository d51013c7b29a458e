import { randomBytes } from "node:crypto";
import { db } from "~/utils/db.server";
import { refreshAnonymousSteps } from "../../search/anonymous-steps";
import { drainOutbox, enqueue } from "../../search/outbox";
import { Browser, createCabinet, createUser } from "../helpers/http";
import { searchClient } from "../helpers/meili";

/**
 * Data of the talent search tests: cabinets with a signed-in consultant, collectivités with a
 * position entrusted to a cabinet, and candidates written the way domain code writes them (the
 * profile and its outbox row in one transaction), then pushed to Meilisearch with drainOutbox.
 * Every name, key and competency carries a random tag: the test files share one database and one
 * index.
 */

export const MULHOUSE = "68224";
export const SAINT_LOUIS = "68297"; // 23 km from Mulhouse
export const COLMAR = "68066"; // 40 km from Mulhouse
export const STRASBOURG = "67482"; // 97 km from Mulhouse
export const PARIS = "75056"; // 389 km from Mulhouse

export function tag(): string {
  return randomBytes(5).toString("hex");
}

/** A cabinet, and a consultant of it signed in through a browser. */
export async function consultant() {
  const cabinet = await createCabinet();
  const user = await createUser("CONSULTANT", { organizationId: cabinet.id });
  const browser = await Browser.create();
  await browser.signInAs(user.id);
  return { cabinet, user, browser };
}

export async function collectivite(name = "Commune") {
  const t = tag();
  return db.organization.create({
    data: { kind: "COLLECTIVITE", name: `${name} ${t}`, officialKey: `TEST-${t}`, collectiviteType: "COMMUNE", communeCode: MULHOUSE, population: 5000 },
  });
}

export type PositionInput = {
  filiere?: string;
  categorie?: string;
  cadresEmplois?: string[];
  grades?: string[];
  competencies?: Array<{ label: string; level: "INDISPENSABLE" | "IMPORTANT" | "APPRECIABLE" }>;
  communeCode?: string;
  housing?: string;
  missionStatus?: "ACTIVE" | "CLOSED";
};

/** A published position of a collectivité, entrusted to the cabinet. */
export async function missionFor(cabinetId: string, organizationId: string, input: PositionInput = {}) {
  const position = await db.position.create({
    data: {
      organizationId,
      state: "PUBLISHED",
      publishedAt: new Date(),
      title: `Poste ${tag()}`,
      filiere: input.filiere ?? "administrative",
      categorie: input.categorie ?? "A",
      cadresEmplois: JSON.stringify(input.cadresEmplois ?? []),
      grades: JSON.stringify(input.grades ?? []),
      competencies: JSON.stringify(input.competencies ?? []),
      communeCode: input.communeCode ?? MULHOUSE,
      housing: input.housing ?? "NONE",
    },
  });
  const mission = await db.mission.create({ data: { positionId: position.id, cabinetId, status: input.missionStatus ?? "ACTIVE" } });
  // The cabinet's consultants so far are on the mission (as its lead would staff it).
  const consultants = await db.user.findMany({ where: { organizationId: cabinetId, role: "CONSULTANT" }, select: { id: true } });
  await db.missionConsultant.createMany({ data: consultants.map((c) => ({ missionId: mission.id, userId: c.id })) });
  return { position, mission };
}

export type ProfileInput = {
  visibility?: "HIDDEN" | "ANONYMOUS" | "VISIBLE";
  name?: string;
  currentFunction?: string;
  currentEmployerName?: string | null;
  competencies?: string[];
  homeCommuneCode?: string;
  filiere?: string;
  categorie?: string;
  cadreEmplois?: string | null;
  grade?: string | null;
  status?: string;
  needsHousing?: boolean;
  willingToRelocate?: boolean;
  salaryExpectation?: number | null;
  lastActivityAt?: Date;
  hiddenFrom?: string[];
  yearsExperience?: number | null;
};

/** A candidate and their profile (anonymous, in Mulhouse, by default), with the outbox row. */
export async function candidate(input: ProfileInput = {}) {
  const t = tag();
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: `talent-${t}@test.vivier`, name: input.name ?? `Dominique Talent ${t}`, role: "CANDIDATE", passwordHash: "not-a-real-hash" },
    });
    const profile = await tx.candidateProfile.create({
      data: {
        userId: user.id,
        pseudonym: `Talent-${t}`,
        visibility: input.visibility ?? "ANONYMOUS",
        currentFunction: input.currentFunction ?? "Chargé de mission",
        currentEmployerName: input.currentEmployerName === undefined ? `Mairie de Testville ${t}` : input.currentEmployerName,
        competencies: JSON.stringify(input.competencies ?? []),
        homeCommuneCode: input.homeCommuneCode ?? MULHOUSE,
        filiere: input.filiere ?? "administrative",
        categorie: input.categorie ?? "A",
        cadreEmplois: input.cadreEmplois === undefined ? "attaches" : input.cadreEmplois,
        grade: input.grade === undefined ? null : input.grade,
        status: input.status ?? "TITULAIRE",
        needsHousing: input.needsHousing ?? false,
        willingToRelocate: input.willingToRelocate ?? false,
        salaryExpectation: input.salaryExpectation ?? null,
        lastActivityAt: input.lastActivityAt ?? new Date(),
        yearsExperience: input.yearsExperience ?? null,
        hiddenFrom: input.hiddenFrom?.length ? { create: input.hiddenFrom.map((officialKey) => ({ officialKey, name: officialKey })) } : undefined,
      },
    });
    await enqueue(tx, "candidates", profile.id);
    return { user, profile, tag: t };
  });
}

/**
 * Sends every pending change to Meilisearch (and waits for it), as the outbox's drain does: each
 * anonymous card at its stored step (the last one for a new profile). `{ pass: true }` first runs
 * the portal's pass over the anonymous pool (search/anonymous-steps.ts).
 */
export async function pushToIndex({ pass = false }: { pass?: boolean } = {}): Promise<void> {
  if (pass) await refreshAnonymousSteps(db, { enqueue: true });
  for (let i = 0; i < 20; i++) {
    const r = await drainOutbox({ db, client: searchClient() });
    if (r.failed) throw new Error(`Indexing failed: ${r.error}`);
    if (r.sent + r.held === 0) return;
  }
}

/**
 * Stores the finest anonymous step for these profiles, as the pass does for a class of at least
 * five (the gate's rule 14): for tests of what a card shows when the pool is thick enough, not
 * of the rule itself (tests/integration/anonymous-cards.test.ts). Call it before pushToIndex.
 */
export async function atFinestStep(...profiles: Array<{ profile: { id: string } }>): Promise<void> {
  await db.candidateProfile.updateMany({ where: { id: { in: profiles.map((p) => p.profile.id) } }, data: { anonymousStep: 0 } });
}
