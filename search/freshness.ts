import type { Db } from "../app/utils/db.server";
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
 */
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
}): { stop(): void } {
  let since = new Date(Date.now() - catchUpMs);
  const run = async () => {
    const now = new Date();
    try {
      await enqueueAvailabilityChanges(db, since, now);
      since = now;
    } catch (error) {
      log.warn(`search freshness: ${String(error)}`);
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
