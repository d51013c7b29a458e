import { afterAll, describe, expect, it } from "vitest";
import { action as profileAction } from "~/routes/candidat.profil._index";
import { DATABASE_BUSY_MESSAGE } from "~/utils/db.server";
import { call, db, profileOf, signedInCandidate, validProfileFields } from "../helpers/candidate-requests";
import { createCandidate, uniqueTag } from "../helpers/meili";
import { startChild, type Child } from "../helpers/processes";

/**
 * SQLite busy under concurrent writers, with real processes sharing the test database: writers
 * in three child processes and this one, and a process that holds the write lock. A transaction
 * waits for the lock (BEGIN IMMEDIATE, up to the 5 s busy timeout: app/utils/db.server.ts), then
 * either commits whole or is refused whole with the French 503.
 */

const children: Child[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

function child(args: string[]): Child {
  const c = startChild(args);
  children.push(c);
  return c;
}

type WriterResult = { ok: number; failed: number; errors: string[] };

describe("SQLite busy under concurrent writers", () => {
  it("makes concurrent read-then-write transactions of several processes wait their turn: none lost, none half-written, a refusal in French", async () => {
    const tag = uniqueTag();
    const profiles = await Promise.all(Array.from({ length: 4 }, () => createCandidate()));
    const ids = profiles.map((p) => p.profile.id);
    await db.candidateProfile.updateMany({ where: { id: { in: ids } }, data: { yearsExperience: 0 } });
    await db.searchOutbox.deleteMany({ where: { entityId: { in: ids } } });

    const writers = [0, 1, 2].map((w) => child(["writer", ids.join(","), "10", `Writer${w}${tag}`]));
    await Promise.all(writers.map((w) => w.line(/writer-ready/)));
    // Someone else (a reindex, a command) holds the write lock for a second and a half meanwhile.
    const locker = child(["lock", "1500"]);
    await locker.line(/locked/);
    // And this process writes too, the same way.
    let mine = 0;
    for (let i = 0; i < 10; i++) {
      for (const id of ids) {
        await db.$transaction(async (tx) => {
          const p = await tx.candidateProfile.findUniqueOrThrow({ where: { id }, select: { yearsExperience: true } });
          await tx.candidateProfile.update({ where: { id }, data: { yearsExperience: (p.yearsExperience ?? 0) + 1 } });
          await tx.searchOutbox.create({ data: { indexName: "candidates", entityId: id } });
        });
        mine++;
      }
    }
    await locker.line(/released/);

    const results: WriterResult[] = [];
    for (const w of writers) results.push(JSON.parse((await w.line(/^result /, 120_000)).slice("result ".length)) as WriterResult);
    // Each transaction committed, or was refused with the French message (a writer starved for
    // longer than the waits, which a loaded machine can do): nothing else.
    for (const r of results) {
      expect(r.ok + r.failed).toBe(40);
      expect(r.ok).toBeGreaterThan(0);
      for (const e of r.errors) expect(e).toBe(`503 ${JSON.stringify({ error: DATABASE_BUSY_MESSAGE })}`);
    }
    expect(mine).toBe(40);

    // Every committed increment counted (no transaction read a stale value and overwrote
    // another's), and each has its outbox row: the change and its row together, or neither.
    let total = 0;
    for (const id of ids) {
      const p = await db.candidateProfile.findUniqueOrThrow({ where: { id } });
      expect(await db.searchOutbox.count({ where: { entityId: id } })).toBe(p.yearsExperience);
      total += p.yearsExperience ?? 0;
    }
    expect(total).toBe(mine + results.reduce((n, r) => n + r.ok, 0));
  }, 180_000);

  it("refuses a request with a French message when the lock outlasts the wait, writing nothing; the same request then succeeds", async () => {
    const { browser, user } = await signedInCandidate();
    const before = await db.searchOutbox.count();

    // Longer than the two waits of 5 s (BEGIN IMMEDIATE, then the first write).
    const locker = child(["lock", "14000"]);
    await locker.line(/locked/);
    const refused = await call(profileAction, browser.post("/candidat/profil", validProfileFields()));
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toBe(DATABASE_BUSY_MESSAGE);
    expect(DATABASE_BUSY_MESSAGE).toMatch(/Réessayez/);
    // Nothing of the save: no profile, no outbox row.
    expect(await profileOf(user.id)).toBeNull();
    expect(await db.searchOutbox.count()).toBe(before);
    await locker.line(/released/, 30_000);

    const saved = await call(profileAction, browser.post("/candidat/profil", validProfileFields()));
    expect(saved.status).toBe(200);
    expect((await profileOf(user.id))?.currentFunction).toBe("Directrice des finances");
  }, 120_000);
});
