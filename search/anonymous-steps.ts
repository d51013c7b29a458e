import { cardSteps, K_ANONYMITY, type QuasiFacts } from "../app/access/anonymous-card";
import { anonymousPoolWhere } from "../app/access/rules";
import { getCommune } from "../app/reference/territory.server";
import type { Db } from "../app/utils/db.server";

/**
 * Keeps CandidateProfile.anonymousStep true to the pool (the gate's rule 14,
 * app/access/anonymous-card.ts): a card's step depends on the other anonymous profiles, so a
 * profile that joins, leaves or changes can make another's card too fine (the fifth attaché of
 * Lozère goes: the four others must stop showing Lozère). Called before documents are built
 * (search/outbox.ts syncEntities, search/reindex.ts): it reads the quasi-identifiers of every
 * anonymous profile of the pool, computes every step, writes those that changed and returns
 * their ids, so that their documents are sent again with the ones asked for.
 */

const factsSelect = {
  id: true, anonymousStep: true, laureateCadre: true, currentFunction: true, status: true, filiere: true, categorie: true, cadreEmplois: true, yearsExperience: true, homeCommuneCode: true,
} as const;

export function quasiFacts(row: { currentFunction: string | null; status: string | null; filiere: string | null; categorie: string | null; cadreEmplois: string | null; yearsExperience: number | null; homeCommuneCode: string | null; laureateCadre?: string | null }): QuasiFacts {
  const commune = row.homeCommuneCode ? getCommune(row.homeCommuneCode) : undefined;
  return {
    currentFunction: row.currentFunction,
    status: row.status,
    filiere: row.filiere,
    categorie: row.categorie,
    cadreEmplois: row.cadreEmplois,
    yearsExperience: row.yearsExperience,
    departementCode: commune?.departementCode ?? null,
    regionCode: commune?.regionCode ?? null,
    laureate: !!row.laureateCadre,
  };
}

/** SQLite's limit on bound values is far above this; batches keep each statement small. */
const UPDATE_BATCH = 500;

/**
 * Recomputes the steps of the whole anonymous pool, stores those that changed (a profile out of
 * the anonymous pool gets null) and returns the ids whose step changed. Written with plain SQL so
 * that updatedAt, which the profile's own edits keep, does not move.
 */
export async function refreshAnonymousSteps(db: Db, k: number = K_ANONYMITY): Promise<string[]> {
  const rows = await db.candidateProfile.findMany({ where: anonymousPoolWhere, select: factsSelect });
  const steps = cardSteps(rows.map((r) => ({ id: r.id, ...quasiFacts(r) })), k);
  const byStep = new Map<number | null, string[]>();
  for (const r of rows) {
    const step = steps.get(r.id) ?? null;
    if (step !== r.anonymousStep) (byStep.get(step) ?? byStep.set(step, []).get(step)!).push(r.id);
  }
  // Profiles that left the anonymous pool keep no step.
  const gone = await db.candidateProfile.findMany({ where: { anonymousStep: { not: null }, NOT: anonymousPoolWhere }, select: { id: true } });
  if (gone.length) byStep.set(null, [...(byStep.get(null) ?? []), ...gone.map((g) => g.id)]);
  const changed: string[] = [];
  for (const [step, ids] of byStep) {
    for (let i = 0; i < ids.length; i += UPDATE_BATCH) {
      const batch = ids.slice(i, i + UPDATE_BATCH);
      await db.$executeRawUnsafe(`UPDATE "CandidateProfile" SET "anonymousStep" = ? WHERE "id" IN (${batch.map(() => "?").join(", ")})`, step, ...batch);
    }
    changed.push(...ids);
  }
  return changed;
}
