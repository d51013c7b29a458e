import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Migrations are written from a diff of schema.prisma (README, "Decisions"); this checks that
 * applying them all gives the database the schema describes, so that a forgotten or hand-edited
 * migration fails here rather than in production.
 */

const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-migrations-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function prisma(file: string, args: string[]) {
  const run = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
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

describe("the migrations", () => {
  it("build the database that prisma/schema.prisma describes", () => {
    const migrated = path.join(dir, "migrated.db");
    const pushed = path.join(dir, "pushed.db");
    prisma(migrated, ["migrate", "deploy"]);
    prisma(pushed, ["db", "push", "--skip-generate"]);
    const fromMigrations = shape(migrated);
    expect(Object.keys(fromMigrations).length).toBeGreaterThan(10);
    expect(fromMigrations).toEqual(shape(pushed));
  });
});
