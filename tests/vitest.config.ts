import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type ViteUserConfig } from "vitest/config";

/**
 * Three projects: `unit` (pure code, parallel), `integration` (real SQLite + real Meilisearch,
 * one file at a time because they share both) and `e2e` (the real portal in Chromium).
 *
 * The integration environment is decided here, before anything runs, and handed to the test
 * processes through the project's `env` (Vitest sets it in process.env before a test file is
 * imported, so app/utils/db.server.ts sees it). tests/helpers/global-setup.ts reads the same
 * values from project.config.env to create the database and start Meilisearch.
 */

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const e2eSetup = path.join(root, "tests", "helpers", "e2e-setup.ts");

/**
 * Integration files that test SQLite itself, left out when `npm run test:postgres`
 * (tests/run-postgres.ts) runs the suite on PostgreSQL; the runner prints them with their reason.
 */
export const SQLITE_ONLY: Record<string, string> = {
  "tests/integration/db-statements.test.ts": "the SQLite connection's kept prepared statements (decision 148)",
  "tests/integration/faults-sqlite-busy.test.ts": "SQLite's write lock and busy timeout (BEGIN IMMEDIATE, decision 091)",
  "tests/integration/form-fuzz.test.ts": "counts the portal's commits with SQLite's data_version",
  "tests/integration/migrations.test.ts": "the SQLite migrations (the PostgreSQL ones: migrations-postgresql.test.ts)",
};

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const runDir = path.join(root, "tests", ".tmp", `integration-${process.pid}`);
  // tests/run-postgres.ts gives an empty PostgreSQL database; otherwise a SQLite file of the run's own.
  const postgresUrl = process.env.VIVIER_TEST_POSTGRES_URL;
  const integrationEnv = {
    NODE_ENV: "test" as const,
    DATABASE_URL: postgresUrl ?? `file:${path.join(runDir, "test.db")}`,
    UPLOAD_DIR: path.join(runDir, "uploads"),
    MEILI_URL: `http://127.0.0.1:${await findFreePort()}`,
    MEILI_MASTER_KEY: randomBytes(24).toString("hex"),
    MEILI_DATA_DIR: path.join(runDir, "meili"),
    VIVIER_TEST_RUN_DIR: runDir,
  };

  return {
    root,
    resolve: { alias: [{ find: /^~\//, replacement: `${path.join(root, "app")}/` }] },
    test: {
      projects: [
        {
          extends: true,
          test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
        },
        {
          extends: true,
          test: {
            name: "integration",
            include: ["tests/integration/**/*.test.ts"],
            exclude: postgresUrl ? Object.keys(SQLITE_ONLY) : [],
            environment: "node",
            env: integrationEnv,
            globalSetup: ["tests/helpers/global-setup.ts"],
            // The files share one database and one Meilisearch: one file at a time.
            fileParallelism: false,
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: "e2e",
            include: ["tests/e2e/**/*.test.ts"],
            environment: "node",
            // Starts the real portal (tests/helpers/e2e-setup.ts, when present) on free ports.
            globalSetup: fs.existsSync(e2eSetup) ? [e2eSetup] : [],
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 300_000,
          },
        },
      ],
    },
  };
});
