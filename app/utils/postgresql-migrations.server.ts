import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The PostgreSQL migrations (docs/decisions/131). `prisma migrate deploy` cannot apply them: the
 * JavaScript schema engine fails on PostgreSQL (« Column type 'name' could not be deserialized »)
 * and the native one cannot be downloaded. So prisma/migrations-postgresql/<name>/migration.sql,
 * written by `npm run db:migration:postgresql` from schema.prisma, are applied here: in name
 * order, each in its own transaction with its row in `_vivier_migrations`, under an advisory lock
 * so that two portal instances starting together migrate once. A file changed after it was
 * applied is refused: the database would no longer be what the files say.
 */

export const POSTGRESQL_MIGRATIONS_DIR = path.resolve("prisma", "migrations-postgresql");

/** Any constant of our own: the advisory lock held while migrating. */
const MIGRATION_LOCK = 7_130_131;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = POSTGRESQL_MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class ChangedMigrationError extends Error {}

/** Applies the migrations not yet applied; returns their names. */
export async function migratePostgresql(connectionString: string, { dir = POSTGRESQL_MIGRATIONS_DIR, log = (_line: string) => {} } = {}): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_vivier_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_vivier_migrations"`)).rows.map((r) => [r.name, r.checksum]),
    );
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined && checksum !== m.checksum) {
        throw new ChangedMigrationError(
          `The PostgreSQL migration ${m.name} was changed after it was applied to this database: restore its migration.sql and write the change as a new migration (npm run db:migration:postgresql).`,
        );
      }
    }
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      log(`migration ${m.name}`);
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_vivier_migrations" ("name", "checksum") VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`The PostgreSQL migration ${m.name} failed (nothing of it was applied): ${(error as Error).message}`, { cause: error });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
