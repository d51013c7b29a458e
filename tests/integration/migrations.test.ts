import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Migrations are written from a diff of schema.prisma (README, "Decisions"); this checks that
 * applying them all gives the database the schema describes, so that a forgotten or hand-edited
 * migration fails here rather than in production.
 *
 * The database the schema describes is built from the SQL of `prisma migrate diff --from-empty`,
 * applied to a fresh file, not with `prisma db push`: on a machine without internet, `db push`
 * was seen finishing its work in ~140 ms and then keeping its process alive 60 s (issue 18).
 * The Prisma CLI does not call process.exit() after a successful command, it waits for its event
 * loop to drain, so any handle left open keeps it alive; the checkpoint request is not it (a
 * detached, unref'd child with its stdio ignored; CHECKPOINT_DISABLE=1 did not help either), and
 * the linger could not be reproduced here (a fresh HOME and a DNS server that never answers:
 * `db push` exits in under 3 s). Whatever holds it, `migrate deploy` and `migrate diff` exit at
 * once, and they run asynchronously with a timeout, so nothing can freeze the test worker.
 */

const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-migrations-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const execFileAsync = promisify(execFile);

/** The Prisma CLI on a database file; its standard output. Killed if it outlives the timeout. */
async function prisma(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(path.join(root, "node_modules", ".bin", "prisma"), args, {
      cwd: root,
      // The JavaScript schema engine opens DATABASE_URL through the driver adapter (prisma.config.ts).
      env: { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      timeout: 60_000,
      killSignal: "SIGKILL",
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { killed?: boolean; stdout?: string; stderr?: string; message: string };
    const why = e.killed ? "was killed after 60 s" : "failed";
    throw new Error(`prisma ${args.join(" ")} ${why}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`, { cause: error });
  }
}

/** Tables with their columns, indexes and foreign keys, in an order that does not depend on history. */
function shape(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => {
        const columns = sqlite.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`).all(table);
        const indexes = (sqlite.prepare(`SELECT name, "unique" FROM pragma_index_list(?) ORDER BY name`).all(table) as Array<{ name: string; unique: number }>).map(
          (i) => ({ ...i, columns: sqlite.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(i.name) }),
        );
        const foreignKeys = sqlite
          .prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`)
          .all(table);
        return [table, { columns, indexes, foreignKeys }];
      }),
    );
  } finally {
    sqlite.close();
  }
}

/** A fresh database built by the SQL that creates, from nothing, what schema.prisma describes. */
async function databaseFromSchema(file: string): Promise<void> {
  // `migrate diff` opens DATABASE_URL without writing to it: a scratch file of its own.
  const sql = await prisma(path.join(dir, "diff-scratch.db"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
  expect(sql).toContain("CREATE TABLE");
  const sqlite = new Database(file);
  try {
    sqlite.exec(sql);
  } finally {
    sqlite.close();
  }
}

describe("the migrations", () => {
  it("build the database that prisma/schema.prisma describes", async () => {
    const migrated = path.join(dir, "migrated.db");
    const fromSchema = path.join(dir, "from-schema.db");
    await Promise.all([prisma(migrated, ["migrate", "deploy"]), databaseFromSchema(fromSchema)]);
    const fromMigrations = shape(migrated);
    expect(Object.keys(fromMigrations).length).toBeGreaterThan(10);
    expect(fromMigrations).toEqual(shape(fromSchema));
  });
});
