import type { Meilisearch } from "meilisearch";
import type { Prisma } from "../app/generated/prisma/client";
import type { Db } from "../app/utils/db.server";
import { acquireLease, releaseLease } from "../app/utils/lease.server";
import { searchErrorMessage } from "./client";
import { candidateDocument, candidateDocumentInclude, positionDocument, positionDocumentInclude } from "./documents";
import { INDEX_NAMES, type IndexName } from "./settings";
import { SearchTaskError, waitForSuccess } from "./tasks";

/**
 * The transactional outbox between the database and Meilisearch.
 *
 * Domain code calls enqueue() inside the transaction that changes a profile or a position, so
 * the change and "this entity must be re-indexed" commit together. drainOutbox() sends the
 * entity's *current* state (or a deletion) and deletes the rows only once Meilisearch reports
 * the task succeeded; on failure the rows stay, with a growing delay. Nothing is lost if
 * Meilisearch or the portal stops at any point: at worst a document is sent twice.
 *
 * Several portal instances may share the database: only the holder of the OUTBOX_LEASE drains
 * (startOutboxWorker), so that each row is sent by one instance, in order (docs/decisions/142).
 */

/** The JobLease row of the instance that drains the outbox. */
export const OUTBOX_LEASE = "search-outbox";

/** A Prisma client or the `tx` of an interactive transaction. */
export type OutboxWriter = Pick<Prisma.TransactionClient, "searchOutbox">;

/**
 * A row of this name, written by a running reindex (see reindex.ts), asks drainOutbox to keep
 * the rows of one index that arrive after it: they are sent as usual but kept, so that the
 * reindex can replay them into the new index after the swap. Its nextAttemptAt is a lease: a
 * marker left by a crashed reindex stops counting once it has passed.
 */
export const REINDEX_MARKER = "__reindex__";

const MAX_BACKOFF_MS = 30_000;
const FIRST_BACKOFF_MS = 500;

/** Delay before the next attempt after `attempts` failures (500 ms, 1 s, 2 s… capped at 30 s). */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

/** Records that the entity must be re-indexed. Call it with the transaction's `tx`. */
export async function enqueue(tx: OutboxWriter, indexName: IndexName, entityId: string | string[]): Promise<void> {
  const ids = Array.isArray(entityId) ? entityId : [entityId];
  if (ids.length === 0) return;
  await tx.searchOutbox.createMany({ data: ids.map((id) => ({ indexName, entityId: id })) });
}

/**
 * Sends the current state of the given entities to the index `uid`: a document for each entity
 * the mapper accepts, a deletion for the others (including those no longer in the database).
 */
export async function syncEntities(
  { db, client }: { db: Db; client: Meilisearch },
  indexName: IndexName,
  ids: string[],
  uid: string = indexName,
): Promise<{ added: number; deleted: number }> {
  const docs: Record<string, unknown>[] = [];
  if (indexName === "candidates") {
    // An anonymous profile's document holds its card at the step stored (the gate's rule 14),
    // which search/anonymous-steps.ts keeps true to the pool, outside the drain.
    const rows = [];
    // In slices: a pass of the anonymous steps can send every anonymous card at once.
    for (let i = 0; i < ids.length; i += 5000) {
      rows.push(...(await db.candidateProfile.findMany({ where: { id: { in: ids.slice(i, i + 5000) } }, include: candidateDocumentInclude })));
    }
    const now = new Date();
    for (const row of rows) {
      const doc = candidateDocument(row, now);
      if (doc) docs.push(doc);
    }
  } else {
    const rows = await db.position.findMany({ where: { id: { in: ids } }, include: positionDocumentInclude });
    for (const row of rows) {
      const doc = positionDocument(row);
      if (doc) docs.push(doc);
    }
  }
  const kept = new Set(docs.map((d) => d.id as string));
  const toDelete = ids.filter((id) => !kept.has(id));
  const index = client.index(uid);
  // Both tasks are enqueued before waiting: Meilisearch processes them in order, often together.
  const pending = [];
  // addDocuments replaces whole documents: a field the mapper no longer writes does not linger.
  if (docs.length) pending.push(index.addDocuments(docs, { primaryKey: "id" }));
  if (toDelete.length) pending.push(index.deleteDocuments(toDelete));
  for (const task of pending) await waitForSuccess(task);
  return { added: docs.length, deleted: toDelete.length };
}

export type DrainResult = {
  /** Rows whose change reached the index and that were deleted. */
  sent: number;
  /** Rows whose change reached the index and that are kept for a running reindex. */
  held: number;
  /** Rows that failed and were rescheduled. */
  failed: number;
  /** The first error met, for logging. */
  error?: string;
  /** The ids of the rows counted in `sent` and `held` (tests check that each is sent once). */
  sentIds: number[];
};

type OutboxRow = { id: number; indexName: string; entityId: string; attempts: number };

async function activeHolds(db: Db, now: Date): Promise<Map<string, { markerId: number; until: Date }>> {
  const holds = new Map<string, { markerId: number; until: Date }>();
  for (const marker of await db.searchOutbox.findMany({ where: { indexName: REINDEX_MARKER } })) {
    if (marker.nextAttemptAt < now) await db.searchOutbox.deleteMany({ where: { id: marker.id } });
    else holds.set(marker.entityId, { markerId: marker.id, until: marker.nextAttemptAt });
  }
  return holds;
}

/**
 * Processes up to batchSize due outbox rows (oldest first). Never throws for a Meilisearch
 * failure: the rows are rescheduled and the result says so.
 */
export async function drainOutbox({ db, client, batchSize = 500 }: { db: Db; client: Meilisearch; batchSize?: number }): Promise<DrainResult> {
  const now = new Date();
  const holds = await activeHolds(db, now);
  const rows: OutboxRow[] = await db.searchOutbox.findMany({
    where: { indexName: { in: [...INDEX_NAMES] }, nextAttemptAt: { lte: now } },
    orderBy: { id: "asc" },
    take: batchSize,
  });
  const result: DrainResult = { sent: 0, held: 0, failed: 0, sentIds: [] };

  const succeeded = async (indexName: IndexName, group: OutboxRow[]) => {
    const hold = holds.get(indexName);
    const held = hold ? group.filter((r) => r.id > hold.markerId) : [];
    const done = hold ? group.filter((r) => r.id <= hold.markerId) : group;
    if (done.length) await db.searchOutbox.deleteMany({ where: { id: { in: done.map((r) => r.id) } } });
    if (hold && held.length) {
      await db.searchOutbox.updateMany({ where: { id: { in: held.map((r) => r.id) } }, data: { nextAttemptAt: hold.until } });
    }
    result.sent += done.length;
    result.held += held.length;
    result.sentIds.push(...group.map((r) => r.id));
  };

  const failed = async (group: OutboxRow[], error: unknown) => {
    const message = searchErrorMessage(error);
    result.error ??= message;
    result.failed += group.length;
    const at = Date.now();
    await db.$transaction(
      group.map((r) =>
        db.searchOutbox.update({
          where: { id: r.id },
          data: { attempts: r.attempts + 1, nextAttemptAt: new Date(at + backoffMs(r.attempts + 1)), lastError: message.slice(0, 1000) },
        }),
      ),
    );
  };

  const sendGroup = async (indexName: IndexName, group: OutboxRow[]): Promise<void> => {
    const ids = [...new Set(group.map((r) => r.entityId))];
    try {
      await syncEntities({ db, client }, indexName, ids);
    } catch (error) {
      // A task Meilisearch refused (a bad document) fails the whole batch: retry one entity at
      // a time so that a single bad row is delayed, not everybody's changes.
      if (error instanceof SearchTaskError && ids.length > 1) {
        for (const id of ids) await sendGroup(indexName, group.filter((r) => r.entityId === id));
        return;
      }
      await failed(group, error);
      return;
    }
    await succeeded(indexName, group);
  };

  for (const indexName of INDEX_NAMES) {
    const group = rows.filter((r) => r.indexName === indexName);
    if (group.length) await sendGroup(indexName, group);
  }
  return result;
}

export type OutboxWorker = {
  /** Runs a drain as soon as possible (after an edit, to skip the wait for the next tick). */
  wake(): void;
  /** Stops polling and waits for the drain in progress, if any. */
  stop(): Promise<void>;
};

/**
 * Polls the outbox every intervalMs; one drain at a time, a full batch is followed by another
 * at once. Logs when index updates start failing and when they recover, not at every retry.
 *
 * Before each batch the worker takes or renews the OUTBOX_LEASE for leaseMs, and renews it every
 * third of that while a batch is long (Meilisearch slow to answer); an instance that does not
 * hold it only tries again, every leaseRetryMs. A stopped worker gives the lease back; a killed
 * one's is taken over once it expires, leaseMs later at most.
 */
export function startOutboxWorker({
  db,
  client,
  intervalMs = 250,
  batchSize = 500,
  leaseMs = 15_000,
  leaseRetryMs = 1000,
  log = console,
  onSent,
}: {
  db: Db;
  client: Meilisearch;
  intervalMs?: number;
  batchSize?: number;
  leaseMs?: number;
  leaseRetryMs?: number;
  log?: Pick<Console, "warn" | "info">;
  /** Told the ids of the rows this worker sent (tests across instances). */
  onSent?: (rowIds: number[]) => void;
}): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failing = false;
  let wakeRequested = false;
  let holding = false;
  let heldSince = 0;
  const heartbeat = setInterval(() => {
    if (!holding || !running) return;
    const at = Date.now();
    acquireLease(db, OUTBOX_LEASE, leaseMs, { now: new Date(at) }).then(
      (held) => {
        holding = held;
        if (held) heldSince = at;
      },
      () => {},
    );
  }, leaseMs / 3);
  heartbeat.unref();

  const schedule = (ms: number) => {
    if (stopped) return;
    if (running) {
      if (ms === 0) wakeRequested = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  };

  function run() {
    timer = undefined;
    if (stopped || running) return;
    running = (async () => {
      for (;;) {
        // Renewed once a third of it has passed, not at every batch: a write per tick would
        // take SQLite's write lock four times a second for nothing.
        if (!holding || Date.now() > heldSince + leaseMs / 3) {
          const at = Date.now();
          holding = await acquireLease(db, OUTBOX_LEASE, leaseMs, { now: new Date(at) });
          if (holding) heldSince = at;
        }
        if (!holding) break;
        const r = await drainOutbox({ db, client, batchSize });
        if (r.sentIds.length) onSent?.(r.sentIds);
        if (r.failed > 0 && !failing) {
          failing = true;
          log.warn(`[search] index updates are failing, will retry: ${r.error}`);
        } else if (r.failed === 0 && r.sent + r.held > 0 && failing) {
          failing = false;
          log.info("[search] index updates are flowing again");
        }
        if (stopped || r.sent + r.held + r.failed < batchSize) break;
      }
    })()
      .catch((error: unknown) => {
        // The database itself failed (locked, gone): the rows are untouched, try again later.
        if (!failing) log.warn(`[search] outbox drain failed, will retry: ${searchErrorMessage(error)}`);
        failing = true;
      })
      .finally(() => {
        running = undefined;
        const next = !holding ? leaseRetryMs : wakeRequested ? 0 : intervalMs;
        wakeRequested = false;
        schedule(next);
      });
  }

  schedule(0);
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      await running;
      if (holding) await releaseLease(db, OUTBOX_LEASE).catch(() => {});
    },
  };
}
