import { publicOfferWhere, talentPoolWhere } from "../app/access/rules";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Meilisearch, EnqueuedTaskPromise } from "meilisearch";
import type { Db } from "../app/utils/db.server";
import { candidateDocument, candidateDocumentInclude, positionDocument, positionDocumentInclude } from "./documents";
import { refreshAnonymousSteps } from "./anonymous-steps";
import { drainOutbox, REINDEX_MARKER } from "./outbox";
import {
  applyIndexSettings,
  applySettings,
  indexExists,
  INDEX_NAMES,
  pendingSettings,
  SETTINGS_NEEDING_REBUILD,
  type IndexName,
} from "./settings";
import { waitForSuccess } from "./tasks";

/**
 * Rebuilds the indexes from the database without a moment where a search fails or sees an
 * empty or partial index:
 *
 * 1. A marker row is written into the outbox. Its id splits the changes in two: those before
 *    it are committed, so the rebuild (which reads the database after writing it) sees them;
 *    those after it may or may not be seen. While the marker stands, drainOutbox still sends
 *    the later changes to the live index but keeps their rows instead of deleting them.
 * 2. `<index>_new` is created with the settings and filled from the database in batches,
 *    while searches keep hitting the live index.
 * 3. swapIndexes exchanges the two atomically; the old one (now `<index>_new`) is deleted.
 * 4. The marker is removed and the kept rows are made due at once and drained: every change
 *    made during the rebuild is sent again, from the database's current state, into the new
 *    live index.
 *
 * Simply draining the outbox after the swap would not be enough: the portal's outbox worker
 * runs during the rebuild, sends those changes to the *old* index and deletes their rows, and
 * the rebuild may have read the entity before the change.
 */

const LEASE_MS = 10 * 60_000;

export type ReindexProgress = { index: IndexName; done: number; total: number };
/** Called after each batch is read and sent; a returned promise is awaited. */
export type ProgressCallback = (p: ReindexProgress) => void | Promise<void>;
export type ReindexSummary = Record<
  IndexName,
  {
    /** Documents in the new index (rows the mappers accepted). */
    documents: number;
    /** Rows read from the database. */
    rows: number;
    /** Outbox rows of this index still waiting after the replay (0 unless Meilisearch refused some). */
    pending: number;
    ms: number;
  }
>;

type Page = { rows: number; docs: Record<string, unknown>[]; lastId: string | undefined };

async function readPage(db: Db, name: IndexName, afterId: string | undefined, take: number, now: Date): Promise<Page> {
  const page = { take, orderBy: { id: "asc" as const }, ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}) };
  if (name === "candidates") {
    const rows = await db.candidateProfile.findMany({ ...page, include: candidateDocumentInclude });
    return { rows: rows.length, docs: rows.map((r) => candidateDocument(r, now)).filter((d) => d !== null), lastId: rows.at(-1)?.id };
  }
  const rows = await db.position.findMany({ ...page, include: positionDocumentInclude });
  return { rows: rows.length, docs: rows.map((r) => positionDocument(r)).filter((d) => d !== null), lastId: rows.at(-1)?.id };
}

function countRows(db: Db, name: IndexName): Promise<number> {
  return name === "candidates" ? db.candidateProfile.count() : db.position.count();
}

/** How many rows the mappers would accept, without loading them (for ensureIndexes). */
function countIndexable(db: Db, name: IndexName): Promise<number> {
  return name === "candidates"
    ? db.candidateProfile.count({ where: talentPoolWhere })
    : db.position.count({ where: publicOfferWhere });
}

async function reindexOne(
  { db, client, batchSize, onProgress }: { db: Db; client: Meilisearch; batchSize: number; onProgress?: ProgressCallback },
  name: IndexName,
): Promise<{ documents: number; rows: number; pending: number }> {
  const tmp = `${name}_new`;
  const marker = await db.searchOutbox.create({
    data: { indexName: REINDEX_MARKER, entityId: name, nextAttemptAt: new Date(Date.now() + LEASE_MS) },
  });
  let rows = 0;
  let documents = 0;
  try {
    // A rebuild that crashed may have left its index behind.
    if (await indexExists(client, tmp)) await waitForSuccess(client.deleteIndex(tmp));
    await applyIndexSettings(client, name, tmp);

    // Every anonymous card's step, from the pool as it is now (the gate's rule 14).
    if (name === "candidates") await refreshAnonymousSteps(db);
    const total = await countRows(db, name);
    const now = new Date();
    const tasks: EnqueuedTaskPromise[] = [];
    let afterId: string | undefined;
    await onProgress?.({ index: name, done: 0, total });
    for (;;) {
      const page = await readPage(db, name, afterId, batchSize, now);
      if (page.rows === 0) break;
      if (page.docs.length) tasks.push(client.index(tmp).addDocuments(page.docs, { primaryKey: "id" }));
      rows += page.rows;
      documents += page.docs.length;
      afterId = page.lastId;
      await db.searchOutbox.update({ where: { id: marker.id }, data: { nextAttemptAt: new Date(Date.now() + LEASE_MS) } });
      await onProgress?.({ index: name, done: rows, total: Math.max(total, rows) });
      // Keep at most a few batches in flight: Meilisearch queues them, memory stays flat.
      if (tasks.length >= 4) await waitForSuccess(tasks.shift()!, LEASE_MS);
    }
    for (const task of tasks) await waitForSuccess(task, LEASE_MS);

    if (await indexExists(client, name)) {
      await waitForSuccess(client.swapIndexes([{ indexes: [name, tmp], rename: false }]));
      await waitForSuccess(client.deleteIndex(tmp));
    } else {
      await waitForSuccess(client.swapIndexes([{ indexes: [tmp, name], rename: true }]));
    }
  } finally {
    // Whether the rebuild succeeded or not, the changes kept for it become ordinary rows again.
    await db.searchOutbox.deleteMany({ where: { id: marker.id } });
    await db.searchOutbox.updateMany({ where: { indexName: name, id: { gt: marker.id } }, data: { nextAttemptAt: new Date() } });
  }
  // Replay what changed during the rebuild into the new live index. Rows that fail here stay in
  // the outbox (the worker retries them); the summary counts them.
  for (let i = 0; i < 100; i++) {
    const r = await drainOutbox({ db, client });
    if (r.sent + r.held === 0) break;
  }
  const pending = await db.searchOutbox.count({ where: { indexName: name } });
  return { documents, rows, pending };
}

/** Rebuilds the given indexes (both by default) one after the other. */
export async function reindexAll({
  db,
  client,
  onProgress,
  indexes = INDEX_NAMES,
  batchSize = 1000,
}: {
  db: Db;
  client: Meilisearch;
  onProgress?: ProgressCallback;
  indexes?: readonly IndexName[];
  batchSize?: number;
}): Promise<Partial<ReindexSummary>> {
  const summary: Partial<ReindexSummary> = {};
  for (const name of indexes) {
    const started = Date.now();
    const result = await reindexOne({ db, client, batchSize, onProgress }, name);
    summary[name] = { ...result, ms: Date.now() - started };
  }
  return summary;
}

/**
 * At portal start: brings both indexes to their settings, and rebuilds an index (without
 * interrupting searches) when it is missing, when it is empty while the database has rows for
 * it, or when a setting that changes how documents are cut into words differs. Other settings
 * are patched in place. Returns the indexes rebuilt.
 */
export async function ensureIndexes({
  db,
  client,
  log = () => {},
}: {
  db: Db;
  client: Meilisearch;
  log?: (line: string) => void;
}): Promise<IndexName[]> {
  const rebuild: IndexName[] = [];
  for (const name of INDEX_NAMES) {
    const exists = await indexExists(client, name);
    const docs = exists ? (await client.index(name).getStats()).numberOfDocuments : 0;
    const pending = await pendingSettings(client, name);
    const retokenise = pending.filter((k) => SETTINGS_NEEDING_REBUILD.includes(k));
    if (docs === 0 && (await countIndexable(db, name)) > 0) {
      rebuild.push(name);
    } else if (docs > 0 && retokenise.length) {
      log(`index ${name} : reconstruction pour appliquer ${retokenise.join(", ")}`);
      rebuild.push(name);
    } else if (pending.length) {
      await applyIndexSettings(client, name);
      log(`index ${name} : réglages appliqués (${pending.join(", ")})`);
    }
  }
  if (rebuild.length) {
    const summary = await reindexAll({ db, client, indexes: rebuild });
    for (const [name, s] of Object.entries(summary)) log(`index ${name} : ${s.documents} documents indexés en ${(s.ms / 1000).toFixed(1)} s`);
  }
  return rebuild;
}

// ---------------------------------------------------------------------------------------------
// npm run search:reindex

async function main(): Promise<void> {
  // The environment must be complete before db.server.ts is loaded: it reads it on import.
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const { ensureSessionSecret } = await import("../app/cli/prepare");
  ensureSessionSecret();
  const [{ default: cliProgress }, { db }, { resolveSearchConfig }, { createSearchClient, closeSearchClient }] = await Promise.all([
    import("cli-progress"),
    import("../app/utils/db.server"),
    import("./meili-process"),
    import("./client"),
  ]);

  const started = Date.now();
  // Beside a running portal, its embedded server is used; otherwise one is started for the run.
  const search = await resolveSearchConfig({ attachIfRunning: true });
  console.log(search.embedded ? `Meilisearch démarré pour la réindexation (${search.url}).` : `Meilisearch : ${search.url}`);
  const client = createSearchClient({ url: search.url, masterKey: search.masterKey });

  const bars = new cliProgress.MultiBar(
    { format: " {index} [{bar}] {value}/{total} lignes", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byIndex = new Map<IndexName, ReturnType<typeof bars.create>>();
  try {
    await applySettings(client);
    const summary = await reindexAll({
      db,
      client,
      onProgress: ({ index, done, total }) => {
        let bar = byIndex.get(index);
        if (!bar) {
          bar = bars.create(total, 0, { index: index.padEnd(10) });
          byIndex.set(index, bar);
        }
        bar.setTotal(total);
        bar.update(done, { index: index.padEnd(10) });
      },
    });
    bars.stop();
    console.log("\nRéindexation terminée :");
    for (const [name, s] of Object.entries(summary)) {
      console.log(`  ${name.padEnd(10)} ${String(s.documents).padStart(7)} documents indexés sur ${s.rows} lignes, en ${(s.ms / 1000).toFixed(1)} s`);
      if (s.pending) console.log(`             ${s.pending} ${s.pending > 1 ? "modifications" : "modification"} en attente dans la file (voir SearchOutbox.lastError)`);
    }
    console.log(`  total      ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    bars.stop();
    await closeSearchClient(client);
    await db.$disconnect();
    await search.stop();
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(`La réindexation a échoué : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
