import fs from "node:fs";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSearchClient, createSearchClient } from "../../search/client";
import { findFreePort, startMeilisearch, type MeiliProcess } from "../../search/meili-process";
import { drainOutbox, startOutboxWorker } from "../../search/outbox";
import { applySettings } from "../../search/settings";
import { createCandidate, db, outboxRows, searchIds, uniqueTag, updateCandidate, waitUntil } from "../helpers/meili";
import { startChild, type Child } from "../helpers/processes";

/**
 * Faults between the database and the search index, with real processes: a Meilisearch of this
 * file's own killed with SIGKILL in the middle of a burst of edits, and the portal's outbox
 * worker, in a child process, killed with SIGKILL while the outbox holds rows.
 */

const dataDir = path.join(process.env.VIVIER_TEST_RUN_DIR!, `meili-faults-${uniqueTag()}`);
let port: number;
let meili: MeiliProcess | undefined;
let client: Meilisearch;
const children: Child[] = [];

beforeAll(async () => {
  port = await findFreePort();
  meili = await startMeilisearch({ dataDir, port });
  client = createSearchClient({ url: meili.url, masterKey: meili.masterKey });
  await applySettings(client);
});

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await closeSearchClient(client);
  await meili?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function killMeilisearch(): Promise<void> {
  process.kill(meili!.pid, "SIGKILL");
  await meili!.stop(); // waits for the exit and forgets the process
  meili = undefined;
}

/**
 * The version each profile's document carries in the index now (`… vN`), or null. The profiles
 * of these tests are VISIBLE: an anonymous document holds a family of functions, not the title
 * that carries the version (the gate's rule 14).
 */
async function indexedVersions(ids: string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const res = await client.index("candidates").getDocuments({ ids, limit: ids.length, fields: ["id", "currentFunction"] });
  for (const id of ids) out.set(id, null);
  for (const doc of res.results) {
    const m = / v(\d+)$/.exec(String(doc.currentFunction ?? ""));
    out.set(String(doc.id), m ? Number(m[1]) : 0);
  }
  return out;
}

describe("Meilisearch killed during a burst of 200 profile edits", () => {
  it("delivers every edit once it is back, and never an older state after a newer one", async () => {
    const tag = uniqueTag();
    const candidates = await Promise.all(Array.from({ length: 40 }, () => createCandidate({ visibility: "VISIBLE", currentFunction: `Chargé de mission ${tag} v0` })));
    const ids = candidates.map((c) => c.profile.id);
    await drainOutbox({ db, client });

    const worker = startOutboxWorker({ db, client, intervalMs: 100, log: { warn: () => {}, info: () => {} } });
    // What the index says of each profile, read every 100 ms while it answers.
    const seen = new Map<string, number[]>(ids.map((id) => [id, []]));
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        try {
          for (const [id, v] of await indexedVersions(ids)) if (v !== null) seen.get(id)!.push(v);
        } catch {
          // Meilisearch is down: nothing to read.
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    let edits = 0;
    try {
      for (let version = 1; version <= 5; version++) {
        for (const id of ids) {
          await updateCandidate(id, { currentFunction: `Responsable urbanisme${tag} v${version}` });
          edits++;
          if (edits === 60) await killMeilisearch();
        }
      }
      expect(edits).toBe(200);
      // While it is down, the edits wait in the outbox.
      expect((await outboxRows("candidates", ids)).length).toBeGreaterThan(0);

      meili = await startMeilisearch({ dataDir, port });
      await waitUntil(async () => (await outboxRows("candidates", ids)).length === 0, 90_000, "the outbox to drain after the restart");
      await waitUntil(async () => [...(await indexedVersions(ids)).values()].every((v) => v === 5), 30_000, "every profile's last edit in the index");
    } finally {
      watching = false;
      await watcher;
      await worker.stop();
    }

    // Every profile ends at its last edit: the text of the last edit finds all 40.
    expect((await searchIds(client, "candidates", `urbanisme${tag}`)).sort()).toEqual([...ids].sort());
    // Each profile's document only ever moved forward (a change may be skipped, since the worker
    // sends the current state, but an older state never comes back after a newer one).
    for (const [id, versions] of seen) {
      const backwards = versions.filter((v, i) => i > 0 && v < versions[i - 1]!);
      expect(backwards, `profile ${id}: ${versions.join(",")}`).toEqual([]);
    }
    // The watcher saw the index move: first states, then the last one after the restart.
    expect([...seen.values()].every((v) => v[0]! < 5 && v.at(-1) === 5)).toBe(true);
  }, 180_000);
});

describe("the portal killed while the outbox holds rows", () => {
  it("leaves them in the outbox, and a restarted portal sends them", async () => {
    meili ??= await startMeilisearch({ dataDir, port });
    const env = { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey };
    const tag = uniqueTag();

    // The portal's worker runs in its own process, and sends what is written.
    const first = startChild(["outbox"], env);
    children.push(first);
    await first.line(/worker-ready/);
    const early = await createCandidate({ visibility: "VISIBLE", currentFunction: `Géomaticien${tag}` });
    await waitUntil(async () => (await searchIds(client, "candidates", `Géomaticien${tag}`)).includes(early.profile.id), 30_000, "the first child to index a profile");

    // Meilisearch stops: the edits pile up in the outbox, the worker retrying them.
    await killMeilisearch();
    const candidates = await Promise.all(Array.from({ length: 30 }, () => createCandidate({ visibility: "VISIBLE", currentFunction: `Archiviste${tag}` })));
    const ids = candidates.map((c) => c.profile.id);
    await waitUntil(async () => (await outboxRows("candidates", ids)).some((r) => r.attempts > 0), 30_000, "the worker to try and fail");

    // The portal is killed, no chance to finish anything.
    first.kill("SIGKILL");
    await first.exited();
    expect(first.process.signalCode).toBe("SIGKILL");
    expect(await outboxRows("candidates", ids)).toHaveLength(30);

    // Everything comes back: Meilisearch, then the portal.
    meili = await startMeilisearch({ dataDir, port });
    const second = startChild(["outbox"], env);
    children.push(second);
    await second.line(/worker-ready/);
    await waitUntil(async () => (await outboxRows("candidates", ids)).length === 0, 90_000, "the restarted worker to drain the outbox");
    await waitUntil(async () => (await searchIds(client, "candidates", `Archiviste${tag}`)).length === 30, 30_000, "the 30 profiles in the index");
    expect((await searchIds(client, "candidates", `Archiviste${tag}`)).sort()).toEqual([...ids].sort());

    second.kill("SIGTERM");
    await second.exited();
  }, 240_000);
});
