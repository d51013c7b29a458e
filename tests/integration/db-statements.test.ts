import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { createDb, KEPT_STATEMENTS } from "~/utils/db.server";

/**
 * The SQLite connection keeps its prepared statements (app/utils/db.server.ts, decision 148):
 * each SQL text is prepared once and run again with each call's own parameters. These fail if
 * a statement is prepared again at each call, kept its first call's parameters, if a write or a
 * transaction stopped working through a kept statement, if the least recently used were not the
 * one dropped past KEPT_STATEMENTS, or if a kept statement outlived a change of its table; and,
 * through a TypeError, if an upgrade of the adapter stopped preparing the way the wrapper
 * expects. better-sqlite3's own prepare is watched (not replaced) to count what SQLite prepares.
 */

const prepared = vi.spyOn(Database.prototype, "prepare");
const preparesOf = (sql: string) => prepared.mock.calls.filter(([text]) => text === sql).length;
const db = createDb();
const table = `statement_probe_${process.pid}_${Date.now()}`;
afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
  await db.$disconnect();
  prepared.mockRestore();
});

describe("kept prepared statements", () => {
  it("run the same SQL with each call's parameters, reads and writes alike", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL)`);
    const insert = (id: number, label: string) => db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} ("id", "label") VALUES (${id}, ${label})`;
    const read = (id: number) => db.$queryRaw<{ id: number; label: string }[]>`SELECT "id", "label" FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id}`;

    expect(await insert(1, "un")).toBe(1);
    expect(await insert(2, "deux")).toBe(1);
    expect(await insert(3, "trois")).toBe(1);
    expect((await read(2)).map((r) => r.label)).toEqual(["deux"]);
    expect((await read(1)).map((r) => r.label)).toEqual(["un"]);
    expect((await read(3)).map((r) => r.label)).toEqual(["trois"]);
    expect(await read(4)).toEqual([]);
    // The same statement, now called by Prisma's own queries inside and outside a transaction.
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "label" <> ?`, "deux");
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it("work inside a transaction, whose rollback undoes what it wrote through them", async () => {
    const count = async (client: Pick<typeof db, "$queryRawUnsafe">) => Number((await client.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS "n" FROM "${table}"`))[0]!.n);
    const before = await count(db);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "${table}" ("id", "label") VALUES (?, ?)`, 10, "dix");
        expect(await count(tx)).toBe(before + 1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await count(db)).toBe(before);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "${table}" ("id", "label") VALUES (?, ?)`, 11, "onze");
    });
    expect(await count(db)).toBe(before + 1);
  });

  it("are prepared once however often they run", async () => {
    const sql = `SELECT "label" FROM "${table}" WHERE "id" = ?`;
    for (const id of [1, 2, 3, 1, 2]) await db.$queryRawUnsafe(sql, id);
    expect(preparesOf(sql)).toBe(1);
  });

  it("drop the least recently used past the number kept, and prepare it again when it comes back", async () => {
    const one = async (i: number | string) => (await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT ${typeof i === "number" ? i : `'${i}'`} AS "n"`))[0]!.n;
    const [cold, hot] = [`SELECT 'froid' AS "n"`, `SELECT 'chaud' AS "n"`];
    expect(await one("froid")).toBe("froid");
    expect(await one("chaud")).toBe("chaud");
    for (let i = 1; i <= KEPT_STATEMENTS + 20; i++) {
      expect(Number(await one(i))).toBe(i);
      // Used every fifty statements: never the least recently used.
      if (i % 50 === 0) expect(await one("chaud")).toBe("chaud");
    }
    expect(await one("froid")).toBe("froid");
    expect(await one("chaud")).toBe("chaud");
    expect(preparesOf(cold)).toBe(2);
    expect(preparesOf(hot)).toBe(1);
  });

  it("follow a change of the table they read", async () => {
    const all = () => db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}" WHERE "id" = 1`);
    expect(Object.keys((await all())[0]!)).toEqual(["id", "label"]);
    await db.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN "note" TEXT DEFAULT 'ajoutée'`);
    expect(await all()).toEqual([{ id: 1, label: "un", note: "ajoutée" }]);
  });
});
