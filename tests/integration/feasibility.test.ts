import { beforeAll, describe, expect, it } from "vitest";
import type { PostMark } from "~/domain/departement-map.server";
import type { Feasibility } from "~/domain/feasibility.server";
import { loader as marketLoader } from "~/routes/cabinet.missions.$id_.faisabilite";
import { loader as missionsLoader } from "~/routes/cabinet.missions._index";
import { DEPARTEMENT_SHAPES } from "~/reference/departement-shapes";
import { applySettings } from "../../search/settings";
import { call } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { COLMAR, MULHOUSE, PARIS, SAINT_LOUIS, STRASBOURG, atFinestStep, candidate, collectivite, consultant, missionFor, pushToIndex, tag } from "./talent-fixtures";

/**
 * A small known talent pool. Its filière is a code of its own, so that the profiles of the
 * other test files (same database, same index) never enter the counts.
 */
async function knownMarket() {
  const t = tag();
  const filiere = `test-${t}`;
  const c1 = `Cadastre ${t}`;
  const c2 = `Foncier ${t}`;
  const c3 = `Droit des sols ${t}`;
  const c4 = `Langue bretonne ${t}`;
  const { browser, cabinet, user } = await consultant();
  const client = await collectivite("Ville X");
  const otherClient = await collectivite("Ville Y");
  const { mission, position } = await missionFor(cabinet.id, client.id, {
    filiere,
    categorie: "A",
    cadresEmplois: ["attaches"],
    grades: ["Attaché principal"],
    competencies: [
      { label: c1, level: "INDISPENSABLE" },
      { label: c2, level: "INDISPENSABLE" },
      { label: c3, level: "IMPORTANT" },
      { label: c4, level: "APPRECIABLE" },
    ],
    communeCode: MULHOUSE,
  });
  await missionFor(cabinet.id, otherClient.id);

  // Visible: the counts go by what the index holds, and an anonymous profile's document holds
  // only its card (the gate's rule 14: never the grade, the filière only in a thick pool).
  const fits = { visibility: "VISIBLE" as const, filiere, categorie: "A", cadreEmplois: "attaches", grade: "Attaché principal" };
  const made = {
    mulhouse: await candidate({ ...fits, competencies: [c1, c2, c3], homeCommuneCode: MULHOUSE, needsHousing: true }),
    saintLouis: await candidate({ ...fits, competencies: [c1, c2], homeCommuneCode: SAINT_LOUIS }),
    colmar: await candidate({ ...fits, competencies: [c1, c2.toLowerCase()], homeCommuneCode: COLMAR, needsHousing: true }),
    strasbourg: await candidate({ ...fits, competencies: [c1, c2], homeCommuneCode: STRASBOURG }),
    paris: await candidate({ ...fits, competencies: [c1, c2], homeCommuneCode: PARIS }),
    missingC2: await candidate({ ...fits, competencies: [c1], homeCommuneCode: MULHOUSE }),
    otherGrade: await candidate({ ...fits, grade: "Attaché", competencies: [c1, c2], homeCommuneCode: MULHOUSE }),
    otherCategorie: await candidate({ visibility: "VISIBLE", filiere, categorie: "B", cadreEmplois: "redacteurs", competencies: [c1, c2], homeCommuneCode: MULHOUSE }),
    hidesFromClient: await candidate({ ...fits, visibility: "VISIBLE", name: `Hortense Invisible ${t}`, competencies: [c1, c2, c3], homeCommuneCode: MULHOUSE, hiddenFrom: [client.officialKey] }),
    hidesFromOtherClient: await candidate({ ...fits, competencies: [c1, c2, c3], homeCommuneCode: MULHOUSE, hiddenFrom: [otherClient.officialKey] }),
    hidesFromCabinet: await candidate({ ...fits, competencies: [c1, c2, c3], homeCommuneCode: MULHOUSE, hiddenFrom: [cabinet.officialKey] }),
    hidden: await candidate({ ...fits, visibility: "HIDDEN", competencies: [c1, c2, c3], homeCommuneCode: MULHOUSE }),
  };
  await pushToIndex();
  return { browser, user, cabinet, mission, position, made, labels: { c1, c2, c3, c4 } };
}

async function missionPage(browser: Awaited<ReturnType<typeof consultant>>["browser"], id: string, query = "") {
  const res = await call(marketLoader, browser.get(`/cabinet/missions/${id}/faisabilite${query}`), { id });
  const text = await res.text();
  return { status: res.status, text, data: res.status === 200 ? (JSON.parse(text) as { feasibility: Feasibility; post: PostMark | null; searchUrl: string }) : null };
}

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("market feasibility of a mission", () => {
  it("counts the profiles that meet the must-haves, in total and criterion by criterion", async () => {
    const market = await knownMarket();
    const { data } = await missionPage(market.browser, market.mission.id);
    const f = data!.feasibility;
    expect(f.matching).toBe(5);
    expect(f.broad).toBe(7);
    expect(f.funnel.slice(1).map((s) => s.count)).toEqual([7, 6, 6, 5]);
    expect(f.funnel[0].count).toBeGreaterThanOrEqual(8);
    expect(f.described).toMatchObject({ categorie: "A", cadres: ["Attachés territoriaux"], grades: ["Attaché principal"], indispensable: [market.labels.c1, market.labels.c2] });
  });

  it("counts them within 30, 60 and 100 km of the position", async () => {
    const market = await knownMarket();
    const f = (await missionPage(market.browser, market.mission.id)).data!.feasibility;
    expect(f.commune).toEqual({ code: MULHOUSE, label: "Mulhouse (68)" });
    expect(f.radii).toEqual([
      { radiusKm: 30, matching: 2, broad: 4 },
      { radiusKm: 60, matching: 3, broad: 5 },
      { radiusKm: 100, matching: 4, broad: 6 },
    ]);
  });

  it("counts them by département, for the map and its table", async () => {
    const market = await knownMarket();
    const { data, text } = await missionPage(market.browser, market.mission.id);
    expect(data!.feasibility.departements).toEqual([
      { code: "68", name: "Haut-Rhin", count: 3 },
      { code: "67", name: "Bas-Rhin", count: 1 },
      { code: "75", name: "Paris", count: 1 },
    ]);
    // The outlines are the component's (decision 112): the data carries the counts and the
    // position's marker, not a path of the map — not even on a change of population.
    expect(data!.post).toMatchObject({ label: "Mulhouse (68)", departementCode: "68" });
    expect(text).not.toContain(DEPARTEMENT_SHAPES[0].d.slice(0, 40));
    expect(text.length).toBeLessThan(8_000);
    expect(data!.feasibility.map).toEqual({ population: "exigences", counts: { exigences: 5, statut: 6, filiere: 7 } });

    // A wider circle, when the must-haves leave the map empty.
    const wider = (await missionPage(market.browser, market.mission.id, "?carte=filiere")).data!.feasibility;
    expect(wider.map.population).toBe("filiere");
    expect(wider.departements).toEqual([
      { code: "68", name: "Haut-Rhin", count: 5 },
      { code: "67", name: "Bas-Rhin", count: 1 },
      { code: "75", name: "Paris", count: 1 },
    ]);
    expect(wider.matching).toBe(5);
  });

  it("says which requested competencies are rare and how many would need housing", async () => {
    const market = await knownMarket();
    const f = (await missionPage(market.browser, market.mission.id)).data!.feasibility;
    const { c1, c2, c3, c4 } = market.labels;
    expect(f.competencies).toEqual([
      { label: c1, level: "INDISPENSABLE", pool: 8, broad: 7, rare: false },
      { label: c2, level: "INDISPENSABLE", pool: 7, broad: 6, rare: false },
      { label: c3, level: "IMPORTANT", pool: 1, broad: 1, rare: true },
      { label: c4, level: "APPRECIABLE", pool: 0, broad: 0, rare: true },
    ]);
    expect(f.needHousing).toBe(2);
    expect(f.housingOffered).toBe(false);
  });

  it("counts a competency held under a synonym of the trade or another spelling, never an unrelated one", async () => {
    const t = tag();
    const filiere = `test-${t}`;
    const breton = `Langue bretonne ${t}`;
    const { browser, cabinet } = await consultant();
    const client = await collectivite("Ville Z");
    // « budget » and « budgétaire » are one group of search/settings.ts SYNONYM_GROUPS (with « finances »).
    const { mission } = await missionFor(cabinet.id, client.id, {
      filiere,
      categorie: "A",
      competencies: [
        { label: "Gestion du budget", level: "INDISPENSABLE" },
        { label: "GESTION BUDGETAIRE", level: "IMPORTANT" },
        { label: breton, level: "APPRECIABLE" },
      ],
      communeCode: MULHOUSE,
    });
    const fits = { visibility: "VISIBLE" as const, filiere, categorie: "A", cadreEmplois: "attaches" };
    await candidate({ ...fits, competencies: ["Gestion budgétaire"] });
    await candidate({ ...fits, competencies: ["gestion des finances", "Urbanisme"] });
    const unrelated = await candidate({ ...fits, competencies: ["Gestion des ressources humaines", "Gestion de projet"] });
    // An anonymous card keeps its competencies (the gate's rule 14): their keys count it alike.
    const anonymous = await candidate({ ...fits, visibility: "ANONYMOUS", competencies: [`Gestion budgétaire`, breton.toUpperCase()] });
    await atFinestStep(anonymous);
    await pushToIndex();

    const { data, text } = await missionPage(browser, mission.id);
    const f = data!.feasibility;
    expect(f.broad).toBe(4);
    expect(f.matching).toBe(3);
    expect(f.funnel.at(-1)).toEqual({ label: "+ « Gestion du budget » (indispensable)", count: 3 });
    // The whole pool's counts include the other test files' profiles « Gestion budgétaire ».
    expect(f.competencies.map(({ label, level, broad }) => ({ label, level, broad }))).toEqual([
      { label: "Gestion du budget", level: "INDISPENSABLE", broad: 3 },
      { label: "GESTION BUDGETAIRE", level: "IMPORTANT", broad: 3 },
      { label: breton, level: "APPRECIABLE", broad: 1 },
    ]);
    expect(f.competencies[0].pool).toBeGreaterThanOrEqual(3);
    expect(f.competencies[1].pool).toBe(f.competencies[0].pool);
    expect(f.competencies[2]).toMatchObject({ pool: 1, rare: true });
    expect(f.described.indispensable).toEqual(["Gestion du budget"]);
    // The keys filter only: no page shows them, nor the unrelated profile.
    expect(text).not.toContain("gestion finance");
    expect(text).not.toContain(unrelated.profile.id);
  });

  it("never counts nor shows a profile hidden, or hiding from the cabinet or its clients", async () => {
    const market = await knownMarket();
    const { text } = await missionPage(market.browser, market.mission.id);
    for (const key of ["hidesFromClient", "hidesFromOtherClient", "hidesFromCabinet", "hidden"] as const) {
      expect(text).not.toContain(market.made[key].profile.id);
      expect(text).not.toContain(market.made[key].profile.pseudonym);
    }
    expect(text).not.toContain("Hortense Invisible");
    expect(text).not.toContain(process.env.MEILI_MASTER_KEY!);
  });

  it("opens the vivier on the mission, around the position", async () => {
    const market = await knownMarket();
    const { data } = await missionPage(market.browser, market.mission.id);
    const url = new URL(data!.searchUrl, "http://localhost");
    expect(url.pathname).toBe("/cabinet/vivier");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ mission: market.mission.id, commune: MULHOUSE, radius: "60", categorie: "A", cadre: "attaches" });
  });

  it("shows only the missions of the consultant's own cabinet; another one's is not found", async () => {
    const market = await knownMarket();
    const rival = await consultant();
    expect((await missionPage(rival.browser, market.mission.id)).status).toBe(404);
    expect((await missionPage(market.browser, "cnotamissionatall00000000")).status).toBe(404);

    const list = (await (await call(missionsLoader, market.browser.get("/cabinet/missions"))).json()) as { missions: Array<{ id: string }> };
    expect(list.missions.map((m) => m.id)).toContain(market.mission.id);
    const rivalList = (await (await call(missionsLoader, rival.browser.get("/cabinet/missions"))).json()) as { missions: Array<{ id: string }> };
    expect(rivalList.missions).toEqual([]);
  });
});
