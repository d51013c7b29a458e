import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresqlDiff, postgresqlMigrationProblems } from "~/cli/postgresql-migration";
import { ChangedMigrationError, migratePostgresql } from "~/utils/postgresql-migrations.server";
import { scratchPostgres, type PostgresServer } from "../helpers/postgres";

/**
 * The PostgreSQL migrations (prisma/migrations-postgresql, docs/decisions/131): they follow the
 * SQLite ones, and applying them with our runner gives the database that schema.prisma describes
 * (compared with one built from `prisma migrate diff --from-empty`: `prisma migrate diff
 * --from-url` cannot read a PostgreSQL database through the JavaScript engine). Under
 * `npm run test:postgres` the suite's server holds the scratch databases; under `npm test` this
 * file starts a server of its own.
 */

const root = path.resolve(__dirname, "..", "..");
const migrationsDir = path.join(root, "prisma", "migrations-postgresql");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-pg-migrations-"));

let server: PostgresServer;
let urlOf: (database: string) => string;
let createDatabase: (database: string) => Promise<void>;

beforeAll(async () => {
  server = await scratchPostgres();
  urlOf = server.url;
  createDatabase = server.createDatabase;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(database: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Tables with their columns, indexes and constraints, in an order that does not depend on history. */
async function shape(database: string) {
  const mine = `NOT IN ('_vivier_migrations')`;
  const [columns, indexes, constraints] = await Promise.all([
    query(
      database,
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name ${mine} ORDER BY table_name, column_name`,
    ),
    query(database, `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename ${mine} ORDER BY tablename, indexname`),
    query(
      database,
      `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%_vivier_migrations%' ORDER BY 1, 2`,
    ),
  ]);
  return { columns, indexes, constraints };
}

describe("PostgreSQL migrations", () => {
  it("follow the SQLite migrations and today's schema", () => {
    expect(postgresqlMigrationProblems()).toEqual([]);
  });

  it("give, applied in order, the database that schema.prisma describes", async () => {
    await createDatabase("vivier_migrated");
    await createDatabase("vivier_described");
    const applied = await migratePostgresql(urlOf("vivier_migrated"), { dir: migrationsDir });
    expect(applied.length).toBeGreaterThan(0);
    await query("vivier_described", postgresqlDiff(null, fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8")));

    const migrated = await shape("vivier_migrated");
    expect(migrated.columns.length).toBeGreaterThan(100);
    expect(migrated).toEqual(await shape("vivier_described"));
    // A second start applies nothing.
    expect(await migratePostgresql(urlOf("vivier_migrated"), { dir: migrationsDir })).toEqual([]);
  });

  it("refuse a migration changed after it was applied", async () => {
    const dir = path.join(scratch, "changed");
    fs.mkdirSync(path.join(dir, "20260101000000_first"), { recursive: true });
    fs.writeFileSync(path.join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);`);
    await createDatabase("vivier_changed");
    expect(await migratePostgresql(urlOf("vivier_changed"), { dir })).toEqual(["20260101000000_first"]);

    fs.writeFileSync(path.join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "First" ("id" TEXT PRIMARY KEY, "name" TEXT);`);
    await expect(migratePostgresql(urlOf("vivier_changed"), { dir })).rejects.toThrow(ChangedMigrationError);
  });

  it("apply each migration whole or not at all", async () => {
    const dir = path.join(scratch, "broken");
    fs.mkdirSync(path.join(dir, "20260101000000_first"), { recursive: true });
    fs.mkdirSync(path.join(dir, "20260102000000_broken"), { recursive: true });
    fs.writeFileSync(path.join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);`);
    fs.writeFileSync(path.join(dir, "20260102000000_broken", "migration.sql"), `CREATE TABLE "Second" ("id" TEXT PRIMARY KEY);\nALTER TABLE "Nowhere" ADD COLUMN "x" TEXT;`);
    await createDatabase("vivier_broken");

    await expect(migratePostgresql(urlOf("vivier_broken"), { dir })).rejects.toThrow(/20260102000000_broken failed/);
    const tables = (await query<{ table_name: string }>("vivier_broken", `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
      (t) => t.table_name,
    );
    expect(tables).toEqual(["First", "_vivier_migrations"]);
    expect(await query("vivier_broken", `SELECT "name" FROM "_vivier_migrations"`)).toEqual([{ name: "20260101000000_first" }]);
  });
});
