import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Steps shared by `npm start`, `npm run dev` and the end-to-end tests: a session secret, the
 * data folders, the database migrated (never `db push` on a user's data).
 */

/** SESSION_SECRET from the environment, else one generated once into data/session.secret. */
export function ensureSessionSecret(dataDir = "data"): void {
  if (process.env.SESSION_SECRET) return;
  const file = path.resolve(dataDir, "session.secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  process.env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}

/** The SQLite file's folder (none for PostgreSQL) and the uploads folder. */
export function ensureDataFolders(databaseFile: string | null, uploadDir: string): void {
  if (databaseFile) fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  fs.mkdirSync(uploadDir, { recursive: true });
}

/**
 * The database migrated: `prisma migrate deploy` for SQLite, our own runner of
 * prisma/migrations-postgresql for PostgreSQL, which `prisma migrate` cannot migrate here
 * (docs/decisions/131).
 */
export async function migrate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { databaseProvider } = await import("../utils/database-url");
  if (databaseProvider(env.DATABASE_URL) !== "postgresql") return migrateDeploy(env);
  const { migratePostgresql } = await import("../utils/postgresql-migrations.server");
  await migratePostgresql(env.DATABASE_URL!, { log: (line) => console.log(`  ${line}`) });
}

/** `prisma migrate deploy` on DATABASE_URL; throws with Prisma's output when it fails. */
export function migrateDeploy(env: NodeJS.ProcessEnv = process.env): void {
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], { env, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Written after a production build. `npm run dev` (remix watch) rewrites the build in development
 * mode without it, so a production start or the tests that follow build again rather than serve
 * a development build.
 */
const PRODUCTION_STAMP = path.resolve("build", "production.stamp");

/** Builds the portal when there is no production build or a source file is newer than it. */
export function buildIfNeeded(): void {
  const built = path.resolve("build", "index.js");
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const stampedAt = fs.existsSync(PRODUCTION_STAMP) ? fs.statSync(PRODUCTION_STAMP).mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(max, newest(full));
      return Math.max(max, fs.statSync(full).mtimeMs);
    }, 0);
  const sourcesAt = Math.max(newest(path.resolve("app")), fs.statSync(path.resolve("remix.config.js")).mtimeMs);
  if (builtAt > sourcesAt && stampedAt >= builtAt) return;
  console.log("Construction du portail (remix build)…");
  const result = spawnSync(path.resolve("node_modules", ".bin", "remix"), ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("remix build failed");
  fs.writeFileSync(PRODUCTION_STAMP, `${new Date().toISOString()}\n`);
}

export const DEMO_ACCOUNTS = [
  { email: "admin@vivier.test", role: "administrateur", space: "/admin" },
  { email: "dgs@vivier.test", role: "employeur (DGS d’une commune)", space: "/employeur" },
  { email: "consultant@vivier.test", role: "consultant d’un cabinet", space: "/cabinet" },
  { email: "candidat@vivier.test", role: "candidat", space: "/candidat" },
] as const;
export const DEMO_PASSWORD = "vivier-demo";
