import { describe, expect, it } from "vitest";
import { drainOutbox, enqueue } from "../../search/outbox";
import { ensureIndexes, reindexAll } from "../../search/reindex";
import { competencyKey } from "../../search/competency-keys";
import { applySettings, indexExists, indexSettings } from "../../search/settings";
import { meiliString } from "~/access/rules";
import { db, outboxRows, searchClient, searchIds, uniqueTag, updateCandidate } from "../helpers/meili";

const client = searchClient();

/** Many candidates at once, sharing one competency, written with their outbox rows. */
async function createManyCandidates(count: number, skill: string): Promise<string[]> {
  const tag = uniqueTag();
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const user = await tx.user.create({
        data: { email: `lot-${tag}-${i}@test.vivier`, name: `Lot ${tag} ${i}`, role: "CANDIDATE", passwordHash: "x" },
      });
      const profile = await tx.candidateProfile.create({
        data: {
          userId: user.id,
          pseudonym: `Lot-${tag}-${i}`,
          visibility: "ANONYMOUS",
          currentFunction: "Chargé de mission",
          competencies: JSON.stringify([skill]),
          homeCommuneCode: "13055",
        },
      });
      ids.push(profile.id);
    }
    await enqueue(tx, "candidates", ids);
    return ids;
  });
}

describe("rebuilding the indexes", () => {
  it("never fails a search nor shows a partial index, and keeps the changes made meanwhile", async () => {
    await applySettings(client);
    const skill = `Compétence${uniqueTag()}`;
    const ids = await createManyCandidates(300, skill);
    await drainOutbox({ db, client });
    expect(await searchIds(client, "candidates", skill, { limit: 1000 })).toHaveLength(300);

    let running = true;
    let searches = 0;
    const failures: string[] = [];
    const loop = (async () => {
      while (running) {
        try {
          const res = await client.index("candidates").search(skill, { limit: 0 });
          if (res.estimatedTotalHits !== 300) failures.push(`saw ${res.estimatedTotalHits} hits`);
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
        searches += 1;
      }
    })();

    // While the new index is being filled, an already-read profile changes and the portal's
    // worker sends the change (to the old index) before the swap.
    const edited = ids[0];
    const marker = `Archiviste${uniqueTag()}`;
    let heldDuringRebuild = 0;
    try {
      const summary = await reindexAll({
        db,
        client,
        batchSize: 1000,
        onProgress: async ({ index, done }) => {
          if (index !== "candidates" || done === 0 || heldDuringRebuild) return;
          // A competency: an anonymous document keeps them (not the title: the gate's rule 14).
          await updateCandidate(edited, { competencies: JSON.stringify([skill, marker]) });
          heldDuringRebuild = (await drainOutbox({ db, client })).held;
        },
      });
      expect(summary.candidates?.documents).toBeGreaterThanOrEqual(300);
      expect(summary.candidates?.pending).toBe(0);
    } finally {
      running = false;
      await loop;
    }

    expect(searches).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    expect(heldDuringRebuild).toBe(1);
    expect(await searchIds(client, "candidates", marker)).toEqual([edited]);
    expect(await outboxRows("candidates", [edited])).toHaveLength(0);
    expect(await indexExists(client, "candidates_new")).toBe(false);
    expect(await indexExists(client, "positions_new")).toBe(false);
    // Wide: 300 profiles written, sent, then rebuilt under a loop of searches, on a shared machine.
  }, 120_000);

  it("rebuilds at start an index that is missing while the database has rows for it", async () => {
    const skill = `Compétence${uniqueTag()}`;
    const ids = await createManyCandidates(5, skill);
    await db.searchOutbox.deleteMany({ where: { indexName: "candidates", entityId: { in: ids } } });
    await client.deleteIndex("candidates").waitTask();

    const rebuilt = await ensureIndexes({ db, client });

    expect(rebuilt).toEqual(["candidates"]);
    expect((await searchIds(client, "candidates", skill)).sort()).toEqual([...ids].sort());
    expect(await ensureIndexes({ db, client })).toEqual([]);
  });

  it("rebuilds at start an index whose filterable attributes changed, so that its documents get the new field", async () => {
    await applySettings(client);
    const skill = `filtre${uniqueTag()}`;
    const [id] = await createManyCandidates(1, skill);
    await drainOutbox({ db, client });
    // As an index built before homeCommuneCode existed: documents without it, _geo filterable.
    await client.index("candidates").updateDocuments([{ id, homeCommuneCode: null }]).waitTask();
    await client.index("candidates").updateSettings({ filterableAttributes: ["visibility", "hiddenFrom", "_geo"] }).waitTask();

    expect(await ensureIndexes({ db, client })).toEqual(["candidates"]);
    expect(await client.index("candidates").getDocument(id)).toMatchObject({ homeCommuneCode: "13055" });
    const { hits } = await client.index("candidates").search(skill, { filter: `homeCommuneCode = "13055"` });
    expect(hits.map((h) => h.id)).toEqual([id]);
  });

  it("rebuilds at start an index built before competency keys, and one whose synonyms changed (the keys are written with them)", async () => {
    await applySettings(client);
    const skill = `Gestion budgétaire ${uniqueTag()}`;
    const [id] = await createManyCandidates(1, skill);
    await drainOutbox({ db, client });
    const key = competencyKey(skill);
    expect(key).toMatch(/^gestion finance /);
    // As an index of the version before: documents without competencyKeys, which was not filterable.
    const { competencyKeys: _, ...before } = await client.index("candidates").getDocument(id);
    await client.index("candidates").addDocuments([before]).waitTask();
    const filterable = indexSettings.candidates.filterableAttributes!.filter((a) => a !== "competencyKeys");
    await client.index("candidates").updateSettings({ filterableAttributes: filterable }).waitTask();

    expect(await ensureIndexes({ db, client })).toEqual(["candidates"]);
    expect(await client.index("candidates").getDocument(id)).toMatchObject({ competencyKeys: [key] });
    expect(await searchIds(client, "candidates", "", { filter: `competencyKeys = ${meiliString(key)}` })).toEqual([id]);

    await client.index("candidates").updateSettings({ synonyms: { budget: ["argent"] } }).waitTask();
    expect(await ensureIndexes({ db, client })).toEqual(["candidates"]);
    expect(await ensureIndexes({ db, client })).toEqual([]);
  });

  it("rebuilds at start an index whose word-cutting settings changed", async () => {
    await applySettings(client);
    await client.index("candidates").updateSettings({ stopWords: ["le"] }).waitTask();
    expect(await ensureIndexes({ db, client })).toEqual(["candidates"]);
    expect(await ensureIndexes({ db, client })).toEqual([]);
  });
});
