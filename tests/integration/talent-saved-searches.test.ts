import { beforeAll, describe, expect, it } from "vitest";
import { action as savedAction, loader as savedLoader } from "~/routes/cabinet.recherches";
import { loader as vivierLoader } from "~/routes/cabinet.vivier";
import { db } from "~/utils/db.server";
import { applySettings } from "../../search/settings";
import { call } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { MULHOUSE, candidate, collectivite, consultant, missionFor, pushToIndex, tag } from "./talent-fixtures";

type Saved = { id: string; name: string; query: string; lastRunAt: string; newCount: number | null; description: string[] };

async function savedSearches(browser: Awaited<ReturnType<typeof consultant>>["browser"]): Promise<Saved[]> {
  const res = await call(savedLoader, browser.get("/cabinet/recherches"));
  expect(res.status).toBe(200);
  return ((await res.json()) as { searches: Saved[] }).searches;
}

async function save(browser: Awaited<ReturnType<typeof consultant>>["browser"], name: string, query: string) {
  return call(savedAction, browser.post("/cabinet/recherches", { intent: "create", name, query }));
}

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("saved searches", () => {
  it("saves a search under a name, in its canonical form, and lists it with its criteria", async () => {
    const { browser, user } = await consultant();
    const res = await save(browser, "Urbanisme autour de Mulhouse", `?page=3&radius=50&commune=${MULHOUSE}&q=urbanisme&categorie=B&bogus=1`);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/cabinet/recherches?ok=enregistree");

    const [saved] = await savedSearches(browser);
    expect(saved.name).toBe("Urbanisme autour de Mulhouse");
    expect(saved.query).toBe(`q=urbanisme&categorie=B&commune=${MULHOUSE}&radius=50`);
    expect(saved.description).toEqual(["« urbanisme »", "à 50 km de Mulhouse", "catégorie B"]);
    expect(saved.newCount).toBe(0);
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a search without a name, and a form without its CSRF token", async () => {
    const { browser } = await consultant();
    const res = await save(browser, "   ", "q=rh");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/nom/);
    const forged = await call(savedAction, browser.post("/cabinet/recherches", { intent: "create", name: "x", query: "q=rh" }, { withCsrf: false }));
    expect(forged.status).toBe(403);
  });

  it("counts the new profiles since the last run, re-runs in one click and starts counting again", async () => {
    const { browser } = await consultant();
    const word = `veille${tag()}`;
    const before = await candidate({ competencies: [word], lastActivityAt: new Date(Date.now() - 86_400_000) });
    await pushToIndex();
    await save(browser, "Veille", `q=${word}`);
    let [saved] = await savedSearches(browser);
    expect(saved.newCount).toBe(0);

    // Two profiles of the search appear, one that does not match arrives too.
    await new Promise((r) => setTimeout(r, 10));
    const fresh1 = await candidate({ competencies: [word] });
    const fresh2 = await candidate({ competencies: [word] });
    await candidate({ competencies: [`autre${tag()}`] });
    await pushToIndex();
    [saved] = await savedSearches(browser);
    expect(saved.newCount).toBe(2);

    await new Promise((r) => setTimeout(r, 10));
    const run = await call(savedAction, browser.post("/cabinet/recherches", { intent: "run", id: saved.id }));
    expect(run.status).toBe(302);
    const location = new URL(run.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/cabinet/vivier");
    expect(location.searchParams.get("q")).toBe(word);
    expect(Number(location.searchParams.get("depuis"))).toBe(new Date(saved.lastRunAt).getTime());

    // The URL it lands on shows the results, the new ones marked as such by the page.
    const page = await call(vivierLoader, browser.get(location.pathname + location.search));
    const data = (await page.json()) as { since: number; result: { hits: Array<{ id: string; lastActivityAt: number }> } };
    expect(data.result.hits.map((h) => h.id).sort()).toEqual([before, fresh1, fresh2].map((c) => c.profile.id).sort());
    expect(data.result.hits.filter((h) => h.lastActivityAt > data.since).map((h) => h.id).sort()).toEqual([fresh1, fresh2].map((c) => c.profile.id).sort());

    [saved] = await savedSearches(browser);
    expect(saved.newCount).toBe(0);
  });

  it("keeps each consultant's searches to themselves", async () => {
    const owner = await consultant();
    await save(owner.browser, "Mienne", "q=finances");
    const [saved] = await savedSearches(owner.browser);
    const other = await consultant();
    expect(await savedSearches(other.browser)).toEqual([]);
    expect((await call(savedAction, other.browser.post("/cabinet/recherches", { intent: "run", id: saved.id }))).status).toBe(404);
    expect((await call(savedAction, other.browser.post("/cabinet/recherches", { intent: "delete", id: saved.id }))).status).toBe(404);
    expect(await db.savedSearch.count({ where: { id: saved.id } })).toBe(1);

    const deleted = await call(savedAction, owner.browser.post("/cabinet/recherches", { intent: "delete", id: saved.id }));
    expect(deleted.status).toBe(302);
    expect(await db.savedSearch.count({ where: { id: saved.id } })).toBe(0);
  });

  it("refuses to save a search for another cabinet's mission", async () => {
    const { browser } = await consultant();
    const rival = await consultant();
    const { mission } = await missionFor(rival.cabinet.id, (await collectivite()).id);
    const res = await save(browser, "Chez les autres", `mission=${mission.id}&q=rh`);
    expect(res.status).toBe(404);
  });

  it("never counts as new a profile hidden from the cabinet's clients", async () => {
    const { browser, cabinet } = await consultant();
    const x = await collectivite();
    await missionFor(cabinet.id, x.id);
    const word = `discret${tag()}`;
    await save(browser, "Discrets", `q=${word}`);
    await candidate({ competencies: [word], hiddenFrom: [x.officialKey], lastActivityAt: new Date(Date.now() + 1000) });
    await candidate({ visibility: "HIDDEN", competencies: [word], lastActivityAt: new Date(Date.now() + 1000) });
    await candidate({ competencies: [word], lastActivityAt: new Date(Date.now() + 1000) });
    await pushToIndex();
    const [saved] = await savedSearches(browser);
    expect(saved.newCount).toBe(1);
  });
});
