import { randomBytes } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import { db } from "~/utils/db.server";
import { getSearchClient } from "../../search/client";
import { enqueue } from "../../search/outbox";
import type { IndexName } from "../../search/settings";

/**
 * Helpers for integration tests of search: their own rows (unique names and e-mails, since the
 * files share the database), written the way domain code writes them (change + outbox row in
 * one transaction), and searches that wait for Meilisearch.
 */

export { db };

export function searchClient(): Meilisearch {
  return getSearchClient();
}

/** A short random tag to make names, e-mails and pseudonyms unique to a test. */
export function uniqueTag(): string {
  return randomBytes(5).toString("hex");
}

export type CandidateInput = {
  visibility?: "HIDDEN" | "ANONYMOUS" | "VISIBLE";
  name?: string;
  currentFunction?: string;
  currentEmployerName?: string;
  competencies?: string[];
  homeCommuneCode?: string;
  categorie?: string;
  filiere?: string;
  cadreEmplois?: string;
  hiddenFrom?: Array<{ officialKey: string; name: string }>;
};

/** A CANDIDATE user and their profile, with the outbox row, in one transaction. */
export async function createCandidate(input: CandidateInput = {}) {
  const tag = uniqueTag();
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: `candidat-${tag}@test.vivier`,
        name: input.name ?? `Camille Test ${tag}`,
        role: "CANDIDATE",
        passwordHash: "not-a-real-hash",
      },
    });
    const profile = await tx.candidateProfile.create({
      data: {
        userId: user.id,
        pseudonym: `Candidat-${tag}`,
        visibility: input.visibility ?? "ANONYMOUS",
        currentFunction: input.currentFunction ?? "Chargé de mission",
        currentEmployerName: input.currentEmployerName ?? null,
        competencies: JSON.stringify(input.competencies ?? []),
        homeCommuneCode: input.homeCommuneCode ?? "69123",
        categorie: input.categorie ?? "A",
        filiere: input.filiere ?? "administrative",
        cadreEmplois: input.cadreEmplois ?? "attaches",
        hiddenFrom: input.hiddenFrom ? { create: input.hiddenFrom } : undefined,
      },
    });
    await enqueue(tx, "candidates", profile.id);
    return { user, profile, tag };
  });
}

/** Changes a profile the way domain code does: the update and its outbox row together. */
export async function updateCandidate(profileId: string, data: Parameters<typeof db.candidateProfile.update>[0]["data"]) {
  await db.$transaction(async (tx) => {
    await tx.candidateProfile.update({ where: { id: profileId }, data });
    await enqueue(tx, "candidates", profileId);
  });
}

/** Polls until check() returns a truthy value, or fails after timeoutMs. */
export async function waitUntil<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 5000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Ids of the documents that match, in ranking order. */
export async function searchIds(
  client: Meilisearch,
  index: IndexName | string,
  q: string,
  options: { filter?: string | string[]; limit?: number } = {},
): Promise<string[]> {
  const res = await client.index(index).search(q, { filter: options.filter, limit: options.limit ?? 100, attributesToRetrieve: ["id"] });
  return res.hits.map((h) => h.id as string);
}

/** Outbox rows of the given entities (to check that none is lost). */
export function outboxRows(indexName: IndexName, entityIds: string[]) {
  return db.searchOutbox.findMany({ where: { indexName, entityId: { in: entityIds } }, orderBy: { id: "asc" } });
}
