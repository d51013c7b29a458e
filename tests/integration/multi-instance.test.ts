import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_NAMES, jobLeaseName } from "~/cli/jobs";
import { FRESHNESS_LEASE } from "../../search/freshness";
import { OUTBOX_LEASE } from "../../search/outbox";
import { createUser, TEST_PASSWORD } from "../helpers/http";
import { createCandidate, db, searchClient, uniqueTag, waitUntil } from "../helpers/meili";
import { startChild, type Child } from "../helpers/processes";

/**
 * Two portal instances on one database and one Meilisearch (issue 17): two processes
 * (tests/helpers/fault-child.ts `instance`) each running the outbox worker and the periodic jobs
 * under their leases, and signing in through the domain, on the integration run's database — a
 * SQLite file in WAL mode here; the same test runs on PostgreSQL once the portal runs there.
 */

const LEASES = [OUTBOX_LEASE, FRESHNESS_LEASE, ...JOB_NAMES.map(jobLeaseName)];
let a: Child;
let b: Child;

/** A client address no other test uses (the counters are kept in the run's database). */
const freshAddress = () => `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 250) + 1).join(".")}`;

/** The `sent` row ids an instance printed. */
function sentBy(child: Child): number[] {
  return child
    .output()
    .split("\n")
    .filter((l) => l.startsWith("sent "))
    .flatMap((l) => l.slice(5).split(",").map(Number));
}

/** Sends a command and waits for its answer among the lines printed after it (answers repeat). */
async function answer(child: Child, command: string, pattern: RegExp): Promise<string> {
  const before = child.output().split("\n").length - 1;
  child.send(command);
  await waitUntil(async () => child.output().split("\n").slice(before).some((l) => pattern.test(l)), 60_000, `${command} to be answered`);
  return child.output().split("\n").slice(before).find((l) => pattern.test(l))!;
}

beforeAll(async () => {
  // Several processes on one SQLite file: WAL, as app/cli/start.ts sets it (it is kept in the file).
  // (Under `npm run test:postgres` there is no file: nothing to set.)
  if (process.env.DATABASE_URL?.startsWith("file:")) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.jobLease.deleteMany({ where: { name: { in: LEASES } } });
  a = startChild(["instance"]);
  b = startChild(["instance"]);
  await Promise.all([a.line(/instance-ready/), b.line(/instance-ready/)]);
}, 120_000);

afterAll(async () => {
  for (const child of [a, b]) {
    child?.kill("SIGTERM");
    await child?.exited();
  }
  // A lease left by an instance would hold another test file's job or worker back.
  await db.jobLease.deleteMany({ where: { name: { in: LEASES } } });
}, 60_000);

describe("two portal instances on one database and one Meilisearch", () => {
  it("deliver 200 profile edits spread over both to the index, each once, never an older state after a newer one", async () => {
    const tag = uniqueTag();
    // The profiles exist and are indexed before the instances start editing. Visible ones: an
    // anonymous profile's document holds no exact function (the gate's rule 14) to follow.
    const candidates = await Promise.all(Array.from({ length: 40 }, () => createCandidate({ currentFunction: `Chargé de mission ${tag} v0`, visibility: "VISIBLE" })));
    const ids = candidates.map((c) => c.profile.id);
    await waitUntil(async () => (await db.searchOutbox.count({ where: { entityId: { in: ids } } })) === 0, 60_000, "the instances to index the new profiles");

    // What the index says of each profile, read while the edits flow.
    const client = searchClient();
    const seen = new Map<string, number[]>(ids.map((id) => [id, []]));
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const res = await client.index("candidates").getDocuments({ ids, limit: ids.length, fields: ["id", "currentFunction"] });
        for (const doc of res.results) {
          const m = / v(\d+)$/.exec(String(doc.currentFunction ?? ""));
          if (m) seen.get(String(doc.id))!.push(Number(m[1]));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    // Each instance edits half of the profiles, five times each: 200 edits, at the same time.
    const [onA, onB] = [ids.slice(0, 20), ids.slice(20)];
    const edited = await Promise.all([answer(a, `edit ${onA.join(",")} 5 Urbaniste${tag}`, /^edited /), answer(b, `edit ${onB.join(",")} 5 Urbaniste${tag}`, /^edited /)]);
    expect(edited.map((line) => line.split(" ")[1])).toEqual(["100", "100"]);
    // The outbox rows the 200 edits wrote, as each instance read them back in its transaction.
    const written = edited.flatMap((line) => line.split(" ")[2]!.split(",").map(Number));
    expect(new Set(written).size).toBe(200);

    try {
      await waitUntil(async () => (await db.searchOutbox.count({ where: { entityId: { in: ids } } })) === 0, 120_000, "the outbox to drain");
      await waitUntil(async () => [...seen.values()].every((v) => v.at(-1) === 5), 60_000, "every profile's last edit in the index");
    } finally {
      watching = false;
      await watcher;
    }

    // Each of the 200 rows was delivered by one instance, once. (The `sent` lines are printed
    // once a batch is done, a moment after its rows are deleted: wait for them.)
    const sentOf200 = () => [...sentBy(a), ...sentBy(b)].filter((id) => written.includes(id));
    await waitUntil(async () => new Set(sentOf200()).size === 200, 30_000, "every row's `sent` line");
    expect(sentOf200().sort((x, y) => x - y)).toEqual([...written].sort((x, y) => x - y));
    // The last edit of every profile is what the index holds, and no state went backwards.
    const docs = await client.index("candidates").getDocuments({ ids, limit: ids.length, fields: ["id", "currentFunction"] });
    expect(docs.results.map((d) => d.currentFunction)).toEqual(ids.map(() => `Urbaniste${tag} v5`));
    for (const [id, versions] of seen) {
      expect(versions.filter((v, i) => i > 0 && v < versions[i - 1]!), `profile ${id}: ${versions.join(",")}`).toEqual([]);
    }
  }, 300_000);

  it("run each periodic job once in its period, however often both try it", async () => {
    await Promise.all([answer(a, "jobs 200", /^jobs-started$/), answer(b, "jobs 200", /^jobs-started$/)]);
    const tries = (child: Child, job: string) => child.output().split("\n").filter((l) => l.startsWith(`tried ${job} `));
    // Both instances try every job many times (every 200 ms; the period is a day, or a quarter of an hour).
    await waitUntil(async () => JOB_NAMES.every((job) => tries(a, job).length >= 5 && tries(b, job).length >= 5), 120_000, "both instances to try every job five times");
    for (const job of JOB_NAMES) {
      const ran = [...tries(a, job), ...tries(b, job)].filter((l) => l.endsWith(" yes"));
      expect(ran, job).toHaveLength(1);
    }
    // The lease says who ran it, until the end of its period.
    const leases = await db.jobLease.findMany({ where: { name: { in: JOB_NAMES.map(jobLeaseName) } } });
    expect(leases).toHaveLength(JOB_NAMES.length);
    expect(leases.every((l) => l.expiresAt.getTime() > Date.now() + 10 * 60 * 1000)).toBe(true);
  }, 180_000);

  it("count the sign-in failures made on both against the limit: the fifth from one address blocks the account there, on both", async () => {
    const user = await createUser("CANDIDATE");
    const address = freshAddress();
    const statuses: string[] = [];
    for (const [instance, i] of [[a, 1], [b, 2], [a, 3], [b, 4], [a, 5]] as const) {
      statuses.push(await answer(instance, `login ${user.email} ${address} mauvais-${i}-xxxxxxxx`, /^login /));
    }
    expect(statuses).toEqual(Array(5).fill("login 401"));
    // Neither instance lets the right password in from that address now…
    expect(await answer(a, `login ${user.email} ${address} ${TEST_PASSWORD}`, /^login /)).toBe("login 429");
    expect(await answer(b, `login ${user.email} ${address} ${TEST_PASSWORD}`, /^login /)).toBe("login 429");
    // …while the owner still signs in from elsewhere, through either.
    expect(await answer(b, `login ${user.email} ${freshAddress()} ${TEST_PASSWORD}`, /^login /)).toBe("login 200");
  }, 120_000);

  it("count failures made at the same moment on both instances, none lost", async () => {
    const user = await createUser("CANDIDATE");
    const address = freshAddress();
    const before = [a, b].map((c) => c.output().split("\n").length);
    // Four on each, sent together (fewer than 5 per instance would pass if each counted alone).
    for (let i = 0; i < 4; i++) {
      a.send(`login ${user.email} ${address} mauvais-a${i}-xxxxxxxx`);
      b.send(`login ${user.email} ${address} mauvais-b${i}-xxxxxxxx`);
    }
    const answered = (c: Child, i: number) => c.output().split("\n").slice(before[i]! - 1).filter((l) => l.startsWith("login ")).length;
    await waitUntil(async () => answered(a, 0) >= 4 && answered(b, 1) >= 4, 60_000, "the eight attempts");
    const counters = await db.rateLimitBucket.findMany({ where: { key: { contains: address } } });
    const pair = counters.find((c) => c.key.startsWith("login-account-address"));
    const perAddress = counters.find((c) => c.key.startsWith("login-address"));
    expect(pair?.points).toBe(8);
    expect(perAddress?.points).toBe(8);
    expect(await answer(a, `login ${user.email} ${address} ${TEST_PASSWORD}`, /^login /)).toBe("login 429");
  }, 120_000);
});
