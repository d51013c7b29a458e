/**
 * `npm run db:migration:postgresql`: the PostgreSQL migration that goes with the newest SQLite
 * migration (docs/decisions/131). prisma/migrations/ stays the history written by hand from a
 * diff of schema.prisma (README); prisma/migrations-postgresql/ follows it: a migration of the
 * same name, whose SQL is `prisma migrate diff` from the schema the PostgreSQL migrations reached
 * so far (prisma/migrations-postgresql/schema.prisma, a copy of schema.prisma as it was) to
 * today's, both in their PostgreSQL copy (app/cli/postgresql-schema.ts). The first one, from
 * nothing, is the baseline named after the SQLite migration that was newest then.
 *
 * `--check` writes nothing and fails when the PostgreSQL migrations are behind (run by
 * tests/integration/migrations-postgresql.test.ts).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresqlSchema } from "./postgresql-schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SQLITE_DIR = path.join(root, "prisma", "migrations");
export const POSTGRESQL_DIR = path.join(root, "prisma", "migrations-postgresql");
/** schema.prisma as the PostgreSQL migrations leave the database. */
const REACHED = path.join(POSTGRESQL_DIR, "schema.prisma");
const SCHEMA = path.join(root, "prisma", "schema.prisma");

const migrationsIn = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
        .map((e) => e.name)
        .sort()
    : [];

/** The PostgreSQL SQL from one version of schema.prisma (null: nothing) to another. */
export function postgresqlDiff(from: string | null, to: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-pg-diff-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    fs.writeFileSync(toFile, postgresqlSchema(to));
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(dir, "from.prisma")];
    if (from !== null) fs.writeFileSync(path.join(dir, "from.prisma"), postgresqlSchema(from));
    return execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", toFile, "--script"], {
      cwd: root,
      // The CLI opens no database for a diff of two schemas; the config's adapter wants a URL.
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "scratch.db")}`, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the SQL changes nothing (Prisma writes a comment for an empty diff). */
const isEmpty = (sql: string) => sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));

/** What is missing, in words for the developer; empty when the PostgreSQL migrations are up to date. */
export function postgresqlMigrationProblems(): string[] {
  const newest = migrationsIn(SQLITE_DIR).at(-1);
  const problems: string[] = [];
  if (newest && !migrationsIn(POSTGRESQL_DIR).includes(newest)) {
    problems.push(`The SQLite migration ${newest} has no PostgreSQL migration: run \`npm run db:migration:postgresql\` and commit prisma/migrations-postgresql/.`);
  }
  if (!fs.existsSync(REACHED) || !isEmpty(postgresqlDiff(fs.readFileSync(REACHED, "utf8"), fs.readFileSync(SCHEMA, "utf8")))) {
    problems.push(
      "prisma/schema.prisma differs from the schema the PostgreSQL migrations reach: write its SQLite migration (README), then run `npm run db:migration:postgresql`.",
    );
  }
  return problems;
}

function write(): void {
  const newest = migrationsIn(SQLITE_DIR).at(-1);
  if (!newest) throw new Error("prisma/migrations/ has no migration.");
  const target = path.join(POSTGRESQL_DIR, newest, "migration.sql");
  const schema = fs.readFileSync(SCHEMA, "utf8");
  const reached = fs.existsSync(REACHED) ? fs.readFileSync(REACHED, "utf8") : null;
  if (fs.existsSync(target)) {
    const left = reached === null ? "" : postgresqlDiff(reached, schema);
    if (reached !== null && isEmpty(left)) return console.log(`prisma/migrations-postgresql/${newest} is up to date.`);
    throw new Error(
      `prisma/migrations-postgresql/${newest} exists but schema.prisma changed since: write a new SQLite migration for the change first (README), then run this again.`,
    );
  }
  const sql = postgresqlDiff(reached, schema);
  const header = [
    `-- PostgreSQL migration for prisma/migrations/${newest}: written by \`npm run db:migration:postgresql\``,
    `-- (${reached === null ? "the whole schema, from nothing" : "prisma migrate diff from the schema the previous migrations reached"}). Do not edit once applied.`,
    "",
  ].join("\n");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, header + sql);
  fs.writeFileSync(REACHED, schema);
  console.log(`Wrote prisma/migrations-postgresql/${newest}/migration.sql; commit it with prisma/migrations-postgresql/schema.prisma.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const problems = postgresqlMigrationProblems();
    for (const p of problems) console.error(p);
    if (problems.length === 0) console.log("The PostgreSQL migrations are up to date.");
    process.exit(problems.length === 0 ? 0 : 1);
  }
  write();
}
