import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeSearchClient, createSearchClient } from "../../search/client";
import { findFreePort, startMeilisearch, type MeiliProcess } from "../../search/meili-process";
import { drainOutbox } from "../../search/outbox";
import { applySettings } from "../../search/settings";
import { createCandidate, db, outboxRows, searchIds, uniqueTag, updateCandidate, waitUntil } from "../helpers/meili";

// A Meilisearch of this file's own, so that stopping it does not disturb the other tests.
const dataDir = path.join(process.env.VIVIER_TEST_RUN_DIR!, `meili-resilience-${uniqueTag()}`);
let meili: MeiliProcess | undefined;

afterAll(async () => {
  await meili?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("when Meilisearch stops", () => {
  it("keeps every change in the outbox and delivers them all once it is back", async () => {
    const port = await findFreePort();
    meili = await startMeilisearch({ dataDir, port });
    const { masterKey } = meili;
    const client = createSearchClient({ url: meili.url, masterKey });
    await applySettings(client);

    // VISIBLE: an anonymous document holds a family of functions, not the title edited below.
    const candidates = await Promise.all(Array.from({ length: 20 }, () => createCandidate({ visibility: "VISIBLE" })));
    const ids = candidates.map((c) => c.profile.id);
    await drainOutbox({ db, client });

    await meili.stop();
    const tag = uniqueTag();
    for (const id of ids) await updateCandidate(id, { currentFunction: `Responsable urbanisme${tag}` });

    const failed = await drainOutbox({ db, client });
    expect(failed.failed).toBeGreaterThanOrEqual(20);
    const waiting = await outboxRows("candidates", ids);
    expect(waiting).toHaveLength(20);
    expect(waiting.every((r) => r.attempts === 1 && r.lastError && r.nextAttemptAt > r.createdAt)).toBe(true);

    // Same data dir, same port: the key is read back from the data dir.
    meili = await startMeilisearch({ dataDir, port });
    expect(meili.masterKey).toBe(masterKey);

    await waitUntil(async () => {
      await drainOutbox({ db, client });
      return (await outboxRows("candidates", ids)).length === 0;
    }, 15_000, "the outbox to empty");
    expect((await searchIds(client, "candidates", `urbanisme${tag}`)).sort()).toEqual([...ids].sort());
    await closeSearchClient(client);
  });

  it("refuses to start a second server on a port in use, and says why", async () => {
    const port = Number(new URL(process.env.MEILI_URL!).port);
    await expect(startMeilisearch({ dataDir: path.join(dataDir, "other"), port })).rejects.toThrow(/port \d+ .* already in use/);
  });
});
