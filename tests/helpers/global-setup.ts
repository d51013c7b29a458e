import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { closeSearchClient, createSearchClient } from "../../search/client";
import { startMeilisearch, type MeiliProcess } from "../../search/meili-process";
import { prepareSearchServer } from "../../search/server-setup";

/**
 * Integration tests: a fresh SQLite database (migrated with `prisma migrate deploy`, as in
 * production) and an embedded Meilisearch with its own data, both under tests/.tmp/, for the
 * whole run. The values come from the project's env (tests/vitest.config.ts), which Vitest also
 * puts in the test processes' process.env.
 */

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliMasterKey: string;
  }
}

let meili: MeiliProcess | undefined;
let runDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const env = project.config.env as Record<string, string>;
  runDir = env.VIVIER_TEST_RUN_DIR;
  if (!runDir || !env.DATABASE_URL || !env.MEILI_URL || !env.MEILI_MASTER_KEY) {
    throw new Error("The integration project's env is incomplete; see tests/vitest.config.ts.");
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(env.UPLOAD_DIR, { recursive: true });

  const root = project.config.root;
  // Asynchronous, with a timeout: a Prisma CLI that lingers (as `db push` did, issue 18) fails
  // the setup with a message instead of freezing Vitest's main process.
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
    encoding: "utf8",
    timeout: 120_000,
    killSignal: "SIGKILL",
  }).catch((error: { killed?: boolean; stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`prisma migrate deploy ${error.killed ? "was killed after 120 s" : "failed"}:\n${error.stdout ?? ""}\n${error.stderr ?? error.message}`);
  });

  meili = await startMeilisearch({
    dataDir: env.MEILI_DATA_DIR,
    port: Number(new URL(env.MEILI_URL).port),
    masterKey: env.MEILI_MASTER_KEY,
  });
  // As the portal's start does: searches go through the search-only key (getSearchReader).
  const client = createSearchClient({ url: meili.url, masterKey: meili.masterKey });
  await prepareSearchServer(client);
  await closeSearchClient(client);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliMasterKey", meili.masterKey);
}

export async function teardown(): Promise<void> {
  await meili?.stop();
  // VIVIER_KEEP_TEST_DATA=1 keeps the database and index data for a look after a failure.
  if (runDir && !process.env.VIVIER_KEEP_TEST_DATA) fs.rmSync(runDir, { recursive: true, force: true });
}
