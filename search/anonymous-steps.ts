import { anonymousCard, cardKey, cardSteps, K_ANONYMITY } from "../app/access/anonymous-card";
import { anonymousPoolWhere } from "../app/access/rules";
import { isPostgresql, type Db } from "../app/utils/db.server";
import { enqueue } from "./outbox";
import { quasiFacts } from "./quasi-facts";
import { acquireLease, releaseLease } from "../app/utils/lease.server";

export { quasiFacts };

/**
 * Keeps CandidateProfile.anonymousStep true to the pool (the gate's rule 14,
 * app/access/anonymous-card.ts): a card's step depends on the other anonymous profiles, so a
 * profile that joins, leaves or changes can make another's card too fine (the fifth attaché of
 * Lozère goes: the four others must stop showing Lozère).
 *
 * Computed over the whole pool, so never in the outbox's drain (it would read every anonymous
 * profile at every edit: the drain fell behind, and with it every search): by a timer of the
 * portal (startAnonymousStepsTimer, every minute, only when the pool changed), which sends the
 * documents of the profiles whose step moved back through the outbox, and by the reindex,
 * before it builds every document. Between two passes the drain writes each document with the
 * step stored: a new profile, or one whose card at its step changed (saveProfile, setVisibility
 * reset it), has none and shows the last step, which fits the whole pool (fail closed).
 */

const factsSelect = {
  id: true, anonymousStep: true, laureateCadre: true, currentFunction: true, status: true, filiere: true, categorie: true, cadreEmplois: true, yearsExperience: true, homeCommuneCode: true,
} as const;

/** Ids a statement: under the driver's limit on bound values, and each statement small. */
const BATCH = 500;

/** A profile's facts as the finest card shows them: equal fingerprints, same class at every step. */
function fingerprint(row: Parameters<typeof quasiFacts>[0]): string {
  return cardKey(anonymousCard(quasiFacts(row), 0));
}

/**
 * Recomputes the steps of the whole anonymous pool, stores those that changed (a profile out of
 * the anonymous pool gets null) and returns the ids whose step changed. Written with plain SQL so
 * that updatedAt, which the profile's own edits keep, does not move. The pool is read and the
 * steps computed outside any transaction (a second at 100,000 profiles: writers are not held);
 * then, in one transaction, the facts of the profiles to write are read again, and a profile
 * whose card changed meanwhile is left as its edit left it (`deferred`: its step reset, or
 * computed at the next pass), since its step would have been computed from facts it no longer
 * has. With `enqueue`, the changed profiles go into the outbox in that transaction, so that no
 * document keeps a card finer than the pool now allows.
 */
export async function refreshAnonymousSteps(
  db: Db,
  { k = K_ANONYMITY, enqueue: send = false }: { k?: number; enqueue?: boolean } = {},
): Promise<{ changed: string[]; deferred: number }> {
  const rows = await db.candidateProfile.findMany({ where: anonymousPoolWhere, select: factsSelect });
  const steps = cardSteps(rows.map((r) => ({ id: r.id, ...quasiFacts(r) })), k);
  const wanted = new Map<string, { step: number; read: string }>();
  for (const r of rows) {
    const step = steps.get(r.id)!;
    if (step !== r.anonymousStep) wanted.set(r.id, { step, read: fingerprint(r) });
  }
  return db.$transaction(
    async (tx) => {
      const byStep = new Map<number | null, string[]>();
      const add = (step: number | null, id: string) => (byStep.get(step) ?? byStep.set(step, []).get(step)!).push(id);
      // Profiles that left the anonymous pool keep no step.
      for (const g of await tx.candidateProfile.findMany({ where: { anonymousStep: { not: null }, NOT: anonymousPoolWhere }, select: { id: true } })) add(null, g.id);
      let deferred = 0;
      const ids = [...wanted.keys()];
      for (let i = 0; i < ids.length; i += BATCH) {
        const current = await tx.candidateProfile.findMany({ where: { AND: [{ id: { in: ids.slice(i, i + BATCH) } }, anonymousPoolWhere] }, select: factsSelect });
        for (const r of current) {
          const w = wanted.get(r.id)!;
          if (fingerprint(r) === w.read) add(w.step, r.id);
          else deferred++;
        }
      }
      const changed: string[] = [];
      for (const [step, stepIds] of byStep) {
        for (let i = 0; i < stepIds.length; i += BATCH) {
          const batch = stepIds.slice(i, i + BATCH);
          // Raw, so that the profiles' updatedAt (the pool's signature) does not move; in each
          // database's dialect (docs/decisions/132).
          if (isPostgresql()) await tx.$executeRaw`UPDATE "CandidateProfile" SET "anonymousStep" = ${step} WHERE "id" = ANY(${batch}::text[])`;
          else await tx.$executeRaw`UPDATE "CandidateProfile" SET "anonymousStep" = ${step} WHERE "id" IN (SELECT value FROM json_each(${JSON.stringify(batch)}))`;
        }
        changed.push(...stepIds);
      }
      if (send) await enqueue(tx, "candidates", changed);
      return { changed, deferred };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** What the pool looked like at the last pass: a pass with the same signature has nothing to do. */
async function poolSignature(db: Db): Promise<string> {
  const a = await db.candidateProfile.aggregate({ where: anonymousPoolWhere, _max: { updatedAt: true }, _count: { _all: true } });
  return `${a._count._all}:${a._max.updatedAt?.getTime() ?? 0}`;
}

/**
 * Runs refreshAnonymousSteps, with the outbox, every `intervalMs` (a minute) in the portal's
 * process, and once at start; a pass is skipped while no profile of the anonymous pool was
 * created, edited or deleted and none joined or left it since the last (the pool's number and
 * its latest updatedAt tell: joining or leaving is an edit of the visibility, which moves
 * updatedAt, or a deletion). A visible profile's edit changes no card, so it does not count. A
 * minute is the longest a card can stay finer than the pool allows after a profile leaves it;
 * computing takes about a second at 100,000 profiles (tests/integration/anonymous-cards.test.ts).
 */
const STEPS_LEASE = "anonymous-steps";
/** Longer than a pass over a large pool; given back as soon as the pass ends. */
const STEPS_LEASE_MS = 10 * 60 * 1000;

export function startAnonymousStepsTimer({
  db,
  intervalMs = 60 * 1000,
  log = console,
}: {
  db: Db;
  intervalMs?: number;
  log?: Pick<Console, "warn">;
}): { runNow(): Promise<number | null>; stop(): Promise<void> } {
  let last: string | null = null;
  let running: Promise<number | null> | null = null;
  // The number of profiles whose step moved, or null when the pool had not changed (or it failed).
  const run = () => {
    running ??= (async () => {
      let leased = false;
      try {
        const signature = await poolSignature(db);
        if (signature === last) return null;
        // One instance computes at a time (decision 140): the others skip this turn.
        leased = await acquireLease(db, STEPS_LEASE, STEPS_LEASE_MS);
        if (!leased) return null;
        const { changed, deferred } = await refreshAnonymousSteps(db, { enqueue: true });
        // A profile edited during the pass waits for the next one, which must then compute.
        if (deferred === 0) last = signature;
        return changed.length;
      } catch (error) {
        log.warn(`anonymous cards: ${String(error)}`);
        return null;
      } finally {
        if (leased) await releaseLease(db, STEPS_LEASE).catch(() => undefined);
        running = null;
      }
    })();
    return running;
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    runNow: run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
