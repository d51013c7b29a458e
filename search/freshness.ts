import type { Db } from "../app/utils/db.server";
import { acquireLease, releaseLease } from "../app/utils/lease.server";
import { addMonths } from "./documents";
import { enqueue } from "./outbox";

/**
 * A candidate document's `availability` bucket ("immediate", "3mois", "6mois", "plus") is
 * relative to the day it was indexed, so it goes stale as time passes although the profile does
 * not change. The profiles whose bucket changed between `since` and `now` are those whose
 * availability date crossed one of the bucket limits meanwhile: it lies in (since, now], or in
 * the same window moved 3 or 6 months ahead. They go back through the outbox.
 */
export async function enqueueAvailabilityChanges(db: Db, since: Date, now: Date = new Date()): Promise<number> {
  if (since >= now) return 0;
  const windows = [0, 3, 6].map((months) => ({ availableFrom: { gt: addMonths(since, months), lte: addMonths(now, months) } }));
  const profiles = await db.candidateProfile.findMany({
    where: { visibility: { not: "HIDDEN" }, OR: windows },
    select: { id: true },
  });
  if (profiles.length) await db.$transaction((tx) => enqueue(tx, "candidates", profiles.map((p) => p.id)));
  return profiles.length;
}

/**
 * Runs enqueueAvailabilityChanges every `intervalMs` (hourly by default) in the portal's process.
 * At start it covers the last `catchUpMs` (30 days), for a portal that was stopped meanwhile:
 * re-sending a profile that did not change is harmless.
 *
 * With several portal instances, one lease per interval (docs/decisions/140) lets one of them
 * run it. Each instance's `since` moves only when it runs, so whichever runs covers at least the
 * time since the last run, anyone's.
 */
export const FRESHNESS_LEASE = "job:search-freshness";

export function startFreshnessTimer({
  db,
  intervalMs = 60 * 60 * 1000,
  catchUpMs = 30 * 24 * 60 * 60 * 1000,
  log = console,
}: {
  db: Db;
  intervalMs?: number;
  catchUpMs?: number;
  log?: Pick<Console, "warn">;
}): { stop(): Promise<void> } {
  let since = new Date(Date.now() - catchUpMs);
  let running: Promise<void> | undefined;
  const run = async () => {
    const now = new Date();
    try {
      if (!(await acquireLease(db, FRESHNESS_LEASE, intervalMs, { renew: false }))) return;
      try {
        await enqueueAvailabilityChanges(db, since, now);
        since = now;
      } catch (error) {
        await releaseLease(db, FRESHNESS_LEASE);
        throw error;
      }
    } catch (error) {
      log.warn(`search freshness: ${String(error)}`);
    }
  };
  const tick = () => { running ??= run().finally(() => { running = undefined; }); };
  tick();
  // Tried every minute, run once per interval across instances.
  const timer = setInterval(tick, Math.min(intervalMs, 60_000));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await releaseLease(db, FRESHNESS_LEASE).catch(() => {});
    },
  };
}
