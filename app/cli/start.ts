/**
 * `npm start` and `npm run dev`: migrate, seed an empty database, start (or reach) Meilisearch,
 * index, build if needed, serve on PORT (in WEB_CONCURRENCY processes), and keep the search outbox
 * draining. Ctrl+C stops it all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildIfNeeded, DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDataFolders, ensureSessionSecret, migrate } from "./prepare";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
ensureSessionSecret();

const { EnvError, parseEnv, secureCookies } = await import("../utils/env.server");
let config;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const { databaseProvider, databaseUrl } = await import("../utils/database-url");
const sqlite = databaseProvider(config.DATABASE_URL) === "sqlite";
ensureDataFolders(sqlite ? databaseUrl(config.DATABASE_URL).replace(/^file:/, "") : null, path.resolve(config.UPLOAD_DIR));

console.log("Base de données : migrations…");
await migrate();

const { db } = await import("../utils/db.server");
if (sqlite) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
if ((await db.user.count()) === 0) {
  console.log("Base vide : chargement des données de démonstration…");
  const { seed } = await import("../../prisma/seed");
  await seed(db);
}

console.log("Moteur de recherche…");
const { resolveSearchConfig } = await import("../../search/meili-process");
const search = await resolveSearchConfig({ env: config });
process.env.MEILI_URL = search.url;
process.env.MEILI_MASTER_KEY = search.masterKey;
const { getSearchClient } = await import("../../search/client");
const { ensureIndexes } = await import("../../search/reindex");
const { startOutboxWorker } = await import("../../search/outbox");
const { startFreshnessTimer } = await import("../../search/freshness");
const { prepareSearchServer, SearchServerError } = await import("../../search/server-setup");
const client = getSearchClient();
try {
  // The version first: nothing is written to a server Vivier was not tested with.
  const prepared = await prepareSearchServer(client);
  if (prepared.warning) console.warn(`  ${prepared.warning}`);
} catch (error) {
  if (error instanceof SearchServerError) {
    console.error(error.message);
    await search.stop();
    process.exit(1);
  }
  throw error;
}
// Instances started together build the indexes one after the other: the first does the work,
// the next find nothing left to do (docs/decisions/140).
const { withLease } = await import("../utils/lease.server");
await withLease(db, "search-setup", () => ensureIndexes({ db, client, log: (line: string) => console.log(`  ${line}`) }));
const worker = startOutboxWorker({ db, client });
// Availability buckets are relative to the day of indexing: refresh those that went stale.
const freshness = startFreshnessTimer({ db });
// Anonymous cards' steps follow the pool (the gate's rule 14): every minute the pool changed.
const { startAnonymousStepsTimer } = await import("../../search/anonymous-steps");
const anonymousSteps = startAnonymousStepsTimer({ db });
// Daily jobs (follow-up reminders, the notifications digest): a first run now catches up what came due while stopped.
const { startDailyJobs } = await import("./jobs");
const jobs = startDailyJobs();

let watcher: ChildProcess | undefined;
if (dev) {
  buildIfNeeded();
  watcher = spawn(path.resolve("node_modules", ".bin", "remix"), ["watch"], { stdio: "inherit" });
} else {
  buildIfNeeded();
}

// One process serves and runs the background work above; with WEB_CONCURRENCY > 1 (production
// only), that many processes serve and this one keeps only the background work (decision 144).
const webProcesses = dev ? 1 : config.WEB_CONCURRENCY;
let closeWeb: () => Promise<void>;
if (webProcesses === 1) {
  const { createApp, listen } = await import("./server");
  const server = await listen(createApp({ dev, secure: secureCookies(config), trustProxy: config.TRUST_PROXY }), config.PORT);
  closeWeb = async () => void server.close();
} else {
  const { startWebProcesses } = await import("./web-processes");
  closeWeb = (await startWebProcesses(webProcesses, { onGiveUp: () => void stop("Échec des processus web", 1) })).stop;
}

console.log(`
Vivier est prêt : http://localhost:${config.PORT}${webProcesses > 1 ? ` (${webProcesses} processus web)` : ""}
Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :
${DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(24)} ${a.role} → ${a.space}`).join("\n")}
${search.embedded ? `Meilisearch intégré : ${search.url} (données dans ${config.MEILI_DATA_DIR})` : `Meilisearch externe : ${search.url}`}
Ctrl+C pour arrêter.`);

let stopping = false;
async function stop(reason: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason} : arrêt…`);
  watcher?.kill("SIGTERM");
  // The pages finish while the background work stops: within the service manager's grace.
  await Promise.all([closeWeb(), freshness.stop(), anonymousSteps.stop(), jobs.stop(), worker.stop()]);
  await search.stop();
  await db.$disconnect();
  process.exit(exitCode);
}
process.on("SIGINT", () => void stop("SIGINT reçu"));
process.on("SIGTERM", () => void stop("SIGTERM reçu"));
