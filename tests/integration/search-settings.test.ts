import { describe, expect, it } from "vitest";
import { drainOutbox } from "../../search/outbox";
import { applySettings, indexSettings } from "../../search/settings";
import { createCandidate, db, searchClient, searchIds } from "../helpers/meili";

const client = searchClient();

describe("index settings", () => {
  it("applies the settings once, then finds nothing left to change", async () => {
    await applySettings(client);
    const again = await applySettings(client);
    expect(again).toEqual({ candidates: [], positions: [] });

    const settings = await client.index("candidates").getSettings();
    expect(settings.rankingRules?.at(-1)).toBe("lastActivityAt:desc");
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["fra"] }]);
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(["visibility", "hiddenFrom", "homeCommuneCode"]));
    expect(settings.filterableAttributes).not.toContain("_geo");
    expect(settings.displayedAttributes).not.toContain("hiddenFrom");
    expect((await client.index("positions").getSettings()).rankingRules?.at(-1)).toBe("publishedAt:desc");
  });

  it("puts back a setting changed by hand on the server", async () => {
    await applySettings(client);
    await client.index("positions").updateSettings({ sortableAttributes: ["title"] }).waitTask();
    const changed = await applySettings(client);
    expect(changed.positions).toEqual(["sortableAttributes"]);
    expect((await client.index("positions").getSettings()).sortableAttributes?.sort()).toEqual(
      [...(indexSettings.positions.sortableAttributes ?? [])].sort(),
    );
  });

  it("understands the trade's abbreviations", async () => {
    await applySettings(client);
    // VISIBLE: an anonymous document holds a family of functions, not these titles (rule 14).
    const drh = await createCandidate({ visibility: "VISIBLE", currentFunction: "Directrice des ressources humaines" });
    const dgs = await createCandidate({ visibility: "VISIBLE", currentFunction: "Secrétaire de mairie" });
    const dst = await createCandidate({ visibility: "VISIBLE", currentFunction: "Directeur des services techniques" });
    const daf = await createCandidate({ visibility: "VISIBLE", currentFunction: "Directeur administratif et financier" });
    const urba = await createCandidate({ visibility: "VISIBLE", currentFunction: "Cheffe de projet aménagement du territoire" });
    await drainOutbox({ db, client });

    expect(await searchIds(client, "candidates", "DRH")).toContain(drh.profile.id);
    expect(await searchIds(client, "candidates", "RH")).toContain(drh.profile.id);
    expect(await searchIds(client, "candidates", "DGS")).toContain(dgs.profile.id);
    expect(await searchIds(client, "candidates", "DST")).toContain(dst.profile.id);
    expect(await searchIds(client, "candidates", "DGST")).toContain(dst.profile.id);
    expect(await searchIds(client, "candidates", "DAF")).toContain(daf.profile.id);
    expect(await searchIds(client, "candidates", "urbanisme")).toContain(urba.profile.id);
    expect(await searchIds(client, "candidates", "directeur des services techniques")).toContain(dst.profile.id);
  });
});
