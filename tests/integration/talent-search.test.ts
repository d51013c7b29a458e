import { beforeAll, describe, expect, it } from "vitest";
import { loader as vivierLoader } from "~/routes/cabinet.vivier";
import { getCommune } from "~/reference/territory.server";
import { cabinetMissionWhere } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { countCandidates, searchCandidates } from "../../search/candidate-search";
import { applySettings } from "../../search/settings";
import { Browser, call, createCabinet, createUser } from "../helpers/http";
import { searchClient, searchIds } from "../helpers/meili";
import { COLMAR, MULHOUSE, PARIS, SAINT_LOUIS, STRASBOURG, candidate, collectivite, consultant, missionFor, pushToIndex, tag, atFinestStep } from "./talent-fixtures";

type Hit = Record<string, unknown> & { id: string; highlights: Record<string, unknown> };
type Page = {
  result: {
    hits: Hit[];
    totalHits: number;
    sort: string;
    facets: Array<{ name: string; options: Array<{ value: string; count: number; selected: boolean }>; more: number; unfolded: boolean }>;
    toggles: { needsHousing: number; relocation: number };
  } | null;
  errors: Record<string, string>;
  notes: Record<string, string>;
  search: { radius: number; commune: string | null };
  mission: { id: string } | null;
};

/** The vivier page's loader, as the consultant's browser calls it: its status, raw JSON and data. */
async function vivier(browser: Browser, query: string) {
  const res = await call(vivierLoader, browser.get(`/cabinet/vivier?${query}`));
  const text = await res.text();
  return { status: res.status, text, data: (res.status === 200 ? JSON.parse(text) : null) as Page };
}

const ids = (page: Page) => page.result!.hits.map((h) => h.id);
const facet = (page: Page, name: string) => Object.fromEntries(page.result!.facets.find((f) => f.name === name)!.options.map((o) => [o.value, o.count]));

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("confidentiality of the talent pool", () => {
  it("never returns a hidden profile, whatever the query", async () => {
    const { browser } = await consultant();
    const word = `cachette${tag()}`;
    const hidden = await candidate({ visibility: "HIDDEN", competencies: [word], currentFunction: `Directrice ${word}` });
    const shown = await candidate({ visibility: "ANONYMOUS", competencies: [word] });
    await pushToIndex();

    for (const q of [word, `Directrice ${word}`, hidden.tag, ""]) {
      const { data, text } = await vivier(browser, `q=${encodeURIComponent(q)}`);
      expect(ids(data)).not.toContain(hidden.profile.id);
      expect(text).not.toContain(hidden.profile.id);
      expect(text).not.toContain(hidden.profile.pseudonym);
    }
    expect(ids((await vivier(browser, `q=${word}`)).data)).toEqual([shown.profile.id]);
  });

  it("never returns a profile hiding from collectivité X to a consultant working on X's mission, whatever the query", async () => {
    const { browser, cabinet } = await consultant();
    const x = await collectivite("Ville X");
    const other = await collectivite("Ville Y");
    const { mission } = await missionFor(cabinet.id, x.id);
    const { mission: otherMission } = await missionFor(cabinet.id, other.id);
    const word = `secret${tag()}`;
    const hidesFromX = await candidate({ visibility: "VISIBLE", name: `Claude Discret ${word}`, competencies: [word, "Urbanisme"], hiddenFrom: [x.officialKey] });
    const free = await candidate({ visibility: "VISIBLE", competencies: [word, "Urbanisme"] });
    await pushToIndex();

    // The profile is in the index: only the confidentiality filter keeps it out.
    expect(await searchIds(searchClient(), "candidates", word)).toContain(hidesFromX.profile.id);

    const queries = [
      `q=${word}`,
      `q=${word}&mission=${mission.id}`,
      `q=${word}&mission=${otherMission.id}`,
      `q=Claude%20Discret&mission=${mission.id}`,
      `q=${hidesFromX.tag}`,
      `mission=${mission.id}&commune=${MULHOUSE}&radius=10&sort=distance`,
      `q=${word}&sort=recent&filiere=administrative&categorie=A`,
      "",
    ];
    for (const query of queries) {
      const { data, text } = await vivier(browser, query);
      expect(ids(data), query).not.toContain(hidesFromX.profile.id);
      expect(text, query).not.toContain(hidesFromX.profile.pseudonym);
      expect(text, query).not.toContain(hidesFromX.user.email);
      expect(JSON.stringify(data.result), query).not.toContain("Claude Discret");
    }
    expect(ids((await vivier(browser, `q=${word}&mission=${mission.id}`)).data)).toEqual([free.profile.id]);
    // Not counted either: the facets add up to what may be seen.
    expect(facet((await vivier(browser, `q=${word}`)).data, "categorie")).toEqual({ A: 1 });
  });

  it("shows that profile to a cabinet that does not work for X", async () => {
    const { cabinet } = await consultant();
    const x = await collectivite("Ville X");
    await missionFor(cabinet.id, x.id);
    const word = `ailleurs${tag()}`;
    const hidesFromX = await candidate({ competencies: [word], hiddenFrom: [x.officialKey] });
    await pushToIndex();
    const { browser: elsewhere } = await consultant();
    expect(ids((await vivier(elsewhere, `q=${word}`)).data)).toEqual([hidesFromX.profile.id]);
  });

  it("never returns a profile hiding from the consultant's own cabinet", async () => {
    const { browser, cabinet } = await consultant();
    const word = `cabinet${tag()}`;
    const hidden = await candidate({ competencies: [word], hiddenFrom: [cabinet.officialKey] });
    const shown = await candidate({ competencies: [word] });
    await pushToIndex();
    const { data } = await vivier(browser, `q=${word}`);
    expect(ids(data)).toEqual([shown.profile.id]);
    expect(ids(data)).not.toContain(hidden.profile.id);
  });

  it("sends no name, e-mail or current employer of an anonymous profile in the loader's JSON", async () => {
    const { browser } = await consultant();
    const word = `anonyme${tag()}`;
    const anonymous = await candidate({ visibility: "ANONYMOUS", name: `Alexandre Masqué ${word}`, currentEmployerName: `Mairie Secrète ${word}`, competencies: [word] });
    const visible = await candidate({ visibility: "VISIBLE", name: `Bérénice Visible ${word}`, currentEmployerName: `Mairie Ouverte ${word}`, competencies: [word] });
    await pushToIndex();

    const { data, text } = await vivier(browser, `q=${word}`);
    expect(ids(data).sort()).toEqual([anonymous.profile.id, visible.profile.id].sort());
    const anon = data.result!.hits.find((h) => h.id === anonymous.profile.id)!;
    expect(anon).not.toHaveProperty("name");
    expect(anon).not.toHaveProperty("email");
    expect(anon).not.toHaveProperty("currentEmployerName");
    expect(anon.homeCommuneName).toBeNull();
    expect(text).not.toContain("Alexandre Masqué");
    expect(text).not.toContain(anonymous.user.email);
    expect(text).not.toContain("Mairie Secrète");
    // The visible one shows who they are.
    const vis = data.result!.hits.find((h) => h.id === visible.profile.id)!;
    expect(vis).toMatchObject({ name: `Bérénice Visible ${word}`, email: visible.user.email, currentEmployerName: `Mairie Ouverte ${word}` });
  });

  it("does not find an anonymous profile by the name of the commune where the candidate lives", async () => {
    const { browser } = await consultant();
    const word = `village${tag()}`;
    const villager = await candidate({ competencies: [word], homeCommuneCode: "68255" });
    await atFinestStep(villager);
    await pushToIndex();
    expect(ids((await vivier(browser, `q=${word}`)).data)).toEqual([villager.profile.id]);
    expect(ids((await vivier(browser, "q=Pfaffenheim")).data)).not.toContain(villager.profile.id);
    const hit = (await vivier(browser, `q=${word}`)).data.result!.hits[0];
    expect(hit.homeCommuneName).toBeNull();
    expect(hit.departementName).toBe("Haut-Rhin");
  });

  it("puts no Meilisearch key in the page's data", async () => {
    const { browser } = await consultant();
    const { text } = await vivier(browser, "q=urbanisme");
    expect(text).not.toContain(process.env.MEILI_MASTER_KEY!);
    expect(text.toLowerCase()).not.toContain("apikey");
    expect(text).not.toContain("hiddenFrom");
  });

  it("refuses the talent pool to anyone but a consultant, and another cabinet's mission", async () => {
    const candidateUser = await createUser("CANDIDATE");
    const b = await Browser.create();
    await b.signInAs(candidateUser.id);
    expect((await vivier(b, "")).status).toBe(403);

    const { cabinet } = await consultant();
    const { mission } = await missionFor(cabinet.id, (await collectivite()).id);
    const { browser: rival } = await consultant();
    expect((await vivier(rival, `mission=${mission.id}`)).status).toBe(404);
  });
});

describe("searching the talent pool", () => {
  it("highlights the matched words as plain text segments", async () => {
    const { browser } = await consultant();
    const word = `surligne${tag()}`;
    // Visible: an anonymous card shows no title (the gate's rule 14), so nothing to highlight there.
    await candidate({ visibility: "VISIBLE", currentFunction: `Responsable <img src=x onerror=alert(1)> ${word} du territoire`, competencies: [`Droit ${word}`] });
    await pushToIndex();
    const { data, text } = await vivier(browser, `q=${word}`);
    const hit = data.result!.hits[0];
    expect(hit.highlights.currentFunction).toEqual([
      { text: "Responsable <img src=x onerror=alert(1)> ", mark: false },
      { text: word, mark: true },
      { text: " du territoire", mark: false },
    ]);
    expect(hit.highlights.competencies).toEqual([[{ text: "Droit ", mark: false }, { text: word, mark: true }]]);
    expect(text).not.toMatch(/\\u0001|\\u0002|<em>|<mark>/);
  });

  it("counts each facet without its own selection, and narrows the results with it", async () => {
    const { browser } = await consultant();
    const word = `facette${tag()}`;
    // Visible: three anonymous profiles are too few to show their statute (the gate's rule 14).
    const a1 = await candidate({ visibility: "VISIBLE", competencies: [word], categorie: "A", status: "TITULAIRE", needsHousing: true });
    const a2 = await candidate({ visibility: "VISIBLE", competencies: [word], categorie: "A", status: "CONTRACTUEL" });
    const b1 = await candidate({ visibility: "VISIBLE", competencies: [word], categorie: "B", cadreEmplois: "redacteurs", status: "TITULAIRE", willingToRelocate: true });
    await pushToIndex();

    const all = (await vivier(browser, `q=${word}`)).data;
    expect(all.result!.totalHits).toBe(3);
    expect(facet(all, "categorie")).toEqual({ A: 2, B: 1 });
    expect(facet(all, "statut")).toEqual({ TITULAIRE: 2, CONTRACTUEL: 1 });
    expect(all.result!.toggles).toEqual({ needsHousing: 1, relocation: 1 });

    const onlyA = (await vivier(browser, `q=${word}&categorie=A`)).data;
    expect(ids(onlyA).sort()).toEqual([a1.profile.id, a2.profile.id].sort());
    // Catégorie still shows B (disjunctive); the other facets count the narrowed results.
    expect(facet(onlyA, "categorie")).toEqual({ A: 2, B: 1 });
    expect(onlyA.result!.facets.find((f) => f.name === "categorie")!.options.find((o) => o.value === "A")!.selected).toBe(true);
    expect(facet(onlyA, "statut")).toEqual({ TITULAIRE: 1, CONTRACTUEL: 1 });

    const titulairesA = (await vivier(browser, `q=${word}&categorie=A&statut=TITULAIRE`)).data;
    expect(ids(titulairesA)).toEqual([a1.profile.id]);
    expect(ids((await vivier(browser, `q=${word}&categorie=A&categorie=B&statut=TITULAIRE`)).data).sort()).toEqual([a1.profile.id, b1.profile.id].sort());
    expect(ids((await vivier(browser, `q=${word}&needsHousing=1`)).data)).toEqual([a1.profile.id]);
    expect(ids((await vivier(browser, `q=${word}&relocation=1`)).data)).toEqual([b1.profile.id]);
  });

  it("shows a facet's first eight values and the ticked ones, the others when the URL unfolds it", async () => {
    const { browser } = await consultant();
    const word = `deplier${tag()}`;
    // Ten départements, one profile each: the facet lists them by count, then by name.
    const communes = ["68224", "67482", "75056", "69123", "13055", "31555", "33063", "44109", "59350", "35238"];
    for (const homeCommuneCode of communes) await candidate({ visibility: "VISIBLE", competencies: [word], homeCommuneCode });
    await pushToIndex();
    const departements = (page: Page) => page.result!.facets.find((f) => f.name === "departement")!;

    const folded = departements((await vivier(browser, `q=${word}`)).data);
    expect(folded.options).toHaveLength(8);
    expect(folded.more).toBe(2);
    expect(folded.unfolded).toBe(false);

    const unfolded = departements((await vivier(browser, `q=${word}&deplier=departement&deplier=inconnu`)).data);
    expect(unfolded.options).toHaveLength(10);
    expect(unfolded.more).toBe(0);
    expect(unfolded.unfolded).toBe(true);
    expect(unfolded.options.slice(0, 8)).toEqual(folded.options);
    expect(unfolded.options.map((o) => o.count)).toEqual(Array(10).fill(1));

    // A ticked value past the eighth stays shown, folded or not.
    const ninth = unfolded.options[8]!.value;
    const ticked = departements((await vivier(browser, `q=${word}&departement=${ninth}`)).data);
    expect(ticked.options.map((o) => o.value)).toEqual([...folded.options.map((o) => o.value), ninth]);
    expect(ticked.options.find((o) => o.value === ninth)!.selected).toBe(true);
    expect(ticked.more).toBe(1);
    // Other facets keep their own state: the catégorie facet has one value and nothing to unfold.
    expect((await vivier(browser, `q=${word}&deplier=categorie`)).data.result!.facets.find((f) => f.name === "categorie")).toMatchObject({ more: 0, unfolded: false });
  });

  it("finds profiles within a radius around a commune, nearest first when asked", async () => {
    const { browser } = await consultant();
    const word = `rayon${tag()}`;
    const mulhouse = await candidate({ competencies: [word], homeCommuneCode: MULHOUSE });
    const saintLouis = await candidate({ competencies: [word], homeCommuneCode: SAINT_LOUIS });
    const colmar = await candidate({ competencies: [word], homeCommuneCode: COLMAR });
    const strasbourg = await candidate({ competencies: [word], homeCommuneCode: STRASBOURG });
    const paris = await candidate({ competencies: [word], homeCommuneCode: PARIS });
    await atFinestStep(mulhouse, saintLouis, colmar, strasbourg, paris);
    await pushToIndex();

    const within50 = (await vivier(browser, `q=${word}&commune=${MULHOUSE}&radius=50&sort=distance`)).data;
    expect(ids(within50)).toEqual([mulhouse.profile.id, saintLouis.profile.id, colmar.profile.id]);
    // Anonymous profiles: each distance as a band of the search's radii, never in km.
    expect(within50.result!.hits.map((h) => h.distanceKm)).toEqual([null, null, null]);
    expect(within50.result!.hits.map((h) => h.distanceBand)).toEqual([{ fromKm: 0, toKm: 20 }, { fromKm: 20, toKm: 30 }, { fromKm: 40, toKm: 50 }]);
    expect(facet(within50, "departement")).toEqual({ "68": 3 });

    const within100 = (await vivier(browser, `q=${word}&commune=${MULHOUSE}&radius=100`)).data;
    expect(ids(within100).sort()).toEqual([mulhouse, saintLouis, colmar, strasbourg].map((c) => c.profile.id).sort());
    expect(ids((await vivier(browser, `q=${word}`)).data)).toContain(paris.profile.id);

    const fromStrasbourg = (await vivier(browser, `q=${word}&commune=${STRASBOURG}&radius=150&sort=distance`)).data;
    expect(ids(fromStrasbourg)).toEqual([strasbourg, colmar, mulhouse, saintLouis].map((c) => c.profile.id));
  });

  it("pages profiles sorted by distance, each page going on from the last, the most recently active first within a band", async () => {
    const word = `pages${tag()}`;
    const day = 86_400_000;
    // Visible, for the département facet: an anonymous card shows its département only where the pool is thick (rule 14).
    const at = (code: string, daysAgo: number) => candidate({ visibility: "VISIBLE", competencies: [word], homeCommuneCode: code, lastActivityAt: new Date(Date.now() - daysAgo * day) });
    // Created in a shuffled order, so that neither creation nor ids give the expected one.
    const colmarOld = await at(COLMAR, 30);
    const mulhouseMid = await at(MULHOUSE, 5);
    const strasbourg = await at(STRASBOURG, 1);
    const saintLouisNew = await at(SAINT_LOUIS, 2);
    const mulhouseOld = await at(MULHOUSE, 9);
    const colmarNew = await at(COLMAR, 3);
    const mulhouseNew = await at(MULHOUSE, 1);
    const saintLouisOld = await at(SAINT_LOUIS, 20);
    const colmarMid = await at(COLMAR, 10);
    await pushToIndex();
    const expected = [mulhouseNew, mulhouseMid, mulhouseOld, saintLouisNew, saintLouisOld, colmarNew, colmarMid, colmarOld, strasbourg].map((c) => c.profile.id);

    const viewer = { organizationKey: `CAB-${tag()}`, presentingTo: [] };
    const mulhouse = getCommune(MULHOUSE)!;
    const around = { lat: mulhouse.lat, lng: mulhouse.lon, radiusKm: 150 };
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const result = await searchCandidates(searchClient(), viewer, { q: word, around, sort: "distance", page, hitsPerPage: 2 });
      expect(result).toMatchObject({ sort: "distance", totalHits: 9, totalPages: 5, page });
      expect(result.facets.departementCode).toEqual({ "67": 1, "68": 8 });
      seen.push(...result.hits.map((h) => h.id));
      const km = result.hits.map((h) => h.distanceBand!.toKm);
      expect(km).toEqual([...km].sort((a, b) => a - b));
    }
    expect(seen).toEqual(expected);
    expect((await searchCandidates(searchClient(), viewer, { q: word, around, sort: "distance", page: 6, hitsPerPage: 2 })).hits).toEqual([]);
    // The same page size over everything at once gives the same order.
    expect((await searchCandidates(searchClient(), viewer, { q: word, around, sort: "distance", hitsPerPage: 50 })).hits.map((h) => h.id)).toEqual(expected);
    // Narrower: Strasbourg (about 100 km away) drops out, and the count with it.
    const within50 = await searchCandidates(searchClient(), viewer, { q: word, around: { ...around, radiusKm: 50 }, sort: "distance", hitsPerPage: 50 });
    expect(within50.hits.map((h) => h.id)).toEqual(expected.slice(0, 8));
  });

  it("keeps the profiles whose salary expectation is within the range", async () => {
    const { browser } = await consultant();
    const word = `salaire${tag()}`;
    await candidate({ competencies: [word], salaryExpectation: 32000 });
    const mid = await candidate({ competencies: [word], salaryExpectation: 45000 });
    await candidate({ competencies: [word], salaryExpectation: 60000 });
    await candidate({ competencies: [word], salaryExpectation: null });
    await pushToIndex();
    expect(ids((await vivier(browser, `q=${word}&salaryMin=40000&salaryMax=50%20000`)).data)).toEqual([mid.profile.id]);
    expect((await vivier(browser, `q=${word}`)).data.result!.totalHits).toBe(4);
    const wrong = (await vivier(browser, `q=${word}&salaryMin=beaucoup`)).data;
    expect(wrong.errors.salaryMin).toMatch(/montant annuel/);
    expect(wrong.result!.totalHits).toBe(4);
  });

  it("sorts by recent activity and pages through the results", async () => {
    const { browser } = await consultant();
    const word = `recent${tag()}`;
    const made = [];
    for (let i = 0; i < 23; i++) made.push(await candidate({ competencies: [word], lastActivityAt: new Date(Date.now() - i * 3600_000) }));
    await pushToIndex();
    const page1 = (await vivier(browser, `q=${word}&sort=recent`)).data;
    expect(page1.result!.totalHits).toBe(23);
    expect(ids(page1)).toEqual(made.slice(0, 20).map((c) => c.profile.id));
    const page2 = (await vivier(browser, `q=${word}&sort=recent&page=2`)).data;
    expect(ids(page2)).toEqual(made.slice(20).map((c) => c.profile.id));
  });

  it("is the function the benchmark calls: a plain call with a viewer", async () => {
    const word = `banc${tag()}`;
    const x = await collectivite();
    await candidate({ competencies: [word], hiddenFrom: [x.officialKey] });
    const seen = await candidate({ competencies: [word] });
    await atFinestStep(seen);
    await pushToIndex();
    const result = await searchCandidates(searchClient(), { organizationKey: "CAB-000000000", presentingTo: [x.officialKey] }, { q: word, facets: "simple" });
    expect(result.hits.map((h) => h.id)).toEqual([seen.profile.id]);
    expect(result.facets.categorie).toEqual({ A: 1 });
  });
});

describe("the distance of an anonymous profile", () => {
  // A village of 31 inhabitants in Lozère, and communes around it (km from its centre).
  const VILLAGE = "48167"; // Saint-Laurent-de-Veyrès
  const TERMES = "48190"; // 7.5 km
  const CHAUDES_AIGUES = "15045"; // 13.5 km
  const LES_SALCES = "48187"; // 22.9 km
  const hitOf = (page: Page, id: string) => page.result!.hits.find((h) => h.id === id)!;

  it("never lets a single search isolate an anonymous profile's commune in a circle under 20 km", async () => {
    const { browser } = await consultant();
    const word = `hameau${tag()}`;
    const villager = await candidate({ visibility: "ANONYMOUS", competencies: [word], homeCommuneCode: VILLAGE });
    await pushToIndex();

    for (const radius of [1, 5, 10, 19]) {
      for (const around of [VILLAGE, TERMES]) {
        const query = `q=${word}&commune=${around}&radius=${radius}&sort=distance`;
        const { status, data } = await vivier(browser, query);
        expect(status, query).toBe(200);
        // The circle actually drawn is the minimum, and the page says so.
        expect(data.search.radius, query).toBe(20);
        expect(data.notes.radius, query).toMatch(/20 km/);
        expect(ids(data), query).toEqual([villager.profile.id]);
        // The hit tells a band, no number under the minimum, and nothing of the commune.
        const hit = hitOf(data, villager.profile.id);
        expect(hit.distanceKm, query).toBeNull();
        expect(hit.distanceBand, query).toEqual({ fromKm: 0, toKm: 20 });
        expect(hit.homeCommuneName, query).toBeNull();
        expect(hit, query).not.toHaveProperty("homeCommuneCode");
        expect(JSON.stringify(hit), query).not.toMatch(/48167|Saint-Laurent-de-Veyr/);
      }
    }
  });

  it("draws the minimum circle for any caller of the search module, counts included", async () => {
    const word = `module${tag()}`;
    const villager = await candidate({ visibility: "ANONYMOUS", competencies: [word], homeCommuneCode: VILLAGE });
    await pushToIndex();
    const viewer = { organizationKey: `CAB-${tag()}`, presentingTo: [] };
    const from = getCommune(CHAUDES_AIGUES)!;
    const around = { lat: from.lat, lng: from.lon, radiusKm: 5 };
    const result = await searchCandidates(searchClient(), viewer, { q: word, around, sort: "distance" });
    expect(result.hits.map((h) => h.id)).toEqual([villager.profile.id]);
    expect(result.hits[0]).toMatchObject({ distanceKm: null, distanceBand: { fromKm: 0, toKm: 20 } });
    const counts = await countCandidates(searchClient(), viewer, { near: { competencies: [word], around } });
    expect(counts.near.count).toBe(1);
  });

  it("tells an anonymous profile's distance only as the ring between two radii of 10 km, and a visible one's exactly", async () => {
    const { browser } = await consultant();
    const word = `anneau${tag()}`;
    const anonymous = await candidate({ visibility: "ANONYMOUS", competencies: [word], homeCommuneCode: LES_SALCES });
    const visible = await candidate({ visibility: "VISIBLE", competencies: [word], homeCommuneCode: TERMES });
    await pushToIndex();

    // 22 and 23 km would cut a ring of 1 km between them: both draw 30 km, and answer the same.
    const answers = [];
    for (const radius of [21, 22, 23, 25]) {
      const { data } = await vivier(browser, `q=${word}&commune=${VILLAGE}&radius=${radius}`);
      expect(data.search.radius).toBe(30);
      expect(data.notes.radius).toMatch(/30 km/);
      answers.push(data.result!.hits);
    }
    for (const hits of answers) expect(hits).toEqual(answers[0]);
    const { data } = await vivier(browser, `q=${word}&commune=${VILLAGE}&radius=30`);
    expect(data.notes.radius).toBeUndefined();
    expect(hitOf(data, anonymous.profile.id)).toMatchObject({ distanceKm: null, distanceBand: { fromKm: 20, toKm: 30 }, homeCommuneName: null });
    // The candidate chose to be seen: commune and distance as they are.
    expect(hitOf(data, visible.profile.id)).toMatchObject({ distanceKm: 8, homeCommuneName: "Termes" });
  });

  it("sorts by distance band, then as the engine ranks, so that the order tells no more than the band", async () => {
    const { browser } = await consultant();
    const word = `tranche${tag()}`;
    const day = 86_400_000;
    const at = (code: string, visibility: "ANONYMOUS" | "VISIBLE", daysAgo: number) =>
      candidate({ visibility, competencies: [word], homeCommuneCode: code, lastActivityAt: new Date(Date.now() - daysAgo * day) });
    const termesVisible = await at(TERMES, "VISIBLE", 10);
    const chaudesAiguesAnonymous = await at(CHAUDES_AIGUES, "ANONYMOUS", 1);
    const villageAnonymous = await at(VILLAGE, "ANONYMOUS", 5);
    const lesSalcesAnonymous = await at(LES_SALCES, "ANONYMOUS", 0);
    await pushToIndex();
    // Under 20 km, the most recently active first, wherever they live; then the next band.
    const expected = [chaudesAiguesAnonymous, villageAnonymous, termesVisible, lesSalcesAnonymous].map((c) => c.profile.id);

    const { data } = await vivier(browser, `q=${word}&commune=${VILLAGE}&radius=30&sort=distance`);
    expect(data.result!.sort).toBe("distance");
    expect(ids(data)).toEqual(expected);

    const viewer = { organizationKey: `CAB-${tag()}`, presentingTo: [] };
    const village = getCommune(VILLAGE)!;
    const around = { lat: village.lat, lng: village.lon, radiusKm: 30 };
    const seen: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const result = await searchCandidates(searchClient(), viewer, { q: word, around, sort: "distance", page, hitsPerPage: 2 });
      expect(result).toMatchObject({ totalHits: 4, totalPages: 2, page });
      seen.push(...result.hits.map((h) => h.id));
    }
    expect(seen).toEqual(expected);
  });
});

describe("the data the page is built from", () => {
  it("keeps the mission's context and no other cabinet's missions", async () => {
    const { browser, cabinet } = await consultant();
    const { mission } = await missionFor(cabinet.id, (await collectivite()).id);
    const other = await consultant();
    const { mission: foreign } = await missionFor(other.cabinet.id, (await collectivite()).id);
    const res = await call(vivierLoader, browser.get(`/cabinet/vivier?mission=${mission.id}`));
    const data = (await res.json()) as Page & { missions: Array<{ id: string }> };
    expect(data.mission?.id).toBe(mission.id);
    expect(data.missions.map((m) => m.id)).toEqual([mission.id]);
    expect(data.missions.map((m) => m.id)).not.toContain(foreign.id);
    expect(await db.mission.count({ where: { id: foreign.id } })).toBe(1);
  });
  it("offers, for « Pour la mission », the missions the gate lets each consultant work on: active ones and the one at hand", async () => {
    const cabinet = await createCabinet();
    const lead = await createUser("CONSULTANT", { organizationId: cabinet.id, isCabinetLead: true });
    const client = await collectivite();
    const active = (await missionFor(cabinet.id, client.id)).mission;
    const staffed = (await missionFor(cabinet.id, client.id)).mission;
    const closed = (await missionFor(cabinet.id, client.id, { missionStatus: "CLOSED" })).mission;
    const foreign = (await missionFor((await createCabinet()).id, client.id)).mission;
    // Joined the cabinet after the missions were staffed: on none of them until the lead says.
    const member = await createUser("CONSULTANT", { organizationId: cabinet.id });
    const outsider = await createUser("CONSULTANT", { organizationId: cabinet.id });
    for (const m of [staffed, closed]) await db.missionConsultant.create({ data: { missionId: m.id, userId: member.id } });

    // What the page offers, by the SQL statement, against the gate's rule as Prisma reads it.
    for (const [who, user] of [["lead", lead], ["member", member], ["outsider", outsider]] as const) {
      const browser = await Browser.create();
      await browser.signInAs(user.id);
      const sessionUser = (await getSessionUser(browser.get("/")))! as Parameters<typeof cabinetMissionWhere>[0];
      for (const current of [null, closed.id]) {
        const res = await call(vivierLoader, browser.get(`/cabinet/vivier${current ? `?mission=${current}` : ""}`));
        const offered = res.status === 200 ? ((await res.json()) as { missions: Array<{ id: string; label: string }> }).missions : null;
        const expected = await db.mission.findMany({
          where: { AND: [cabinetMissionWhere(sessionUser), { OR: [{ status: "ACTIVE" }, { id: current ?? "" }] }] },
          orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }],
          select: { id: true, position: { select: { title: true, organization: { select: { name: true } } } } },
        });
        const mayOpen = current === null || expected.some((m) => m.id === current);
        expect(res.status, `${who}, mission ${current ?? "none"}`).toBe(mayOpen ? 200 : 404);
        if (!offered) continue;
        expect(offered, `${who}, mission ${current ?? "none"}`).toEqual(expected.map((m) => ({ id: m.id, label: `${m.position.title} — ${m.position.organization.name}` })));
        expect(offered.map((m) => m.id)).not.toContain(foreign.id);
      }
    }
    // The table the loop checked, in plain words.
    const offeredTo = async (userId: string) => {
      const browser = await Browser.create();
      await browser.signInAs(userId);
      return ((await (await call(vivierLoader, browser.get("/cabinet/vivier"))).json()) as { missions: Array<{ id: string }> }).missions.map((m) => m.id).sort();
    };
    expect(await offeredTo(lead.id)).toEqual([active.id, staffed.id].sort());
    expect(await offeredTo(member.id)).toEqual([staffed.id]);
    expect(await offeredTo(outsider.id)).toEqual([]);
  });
});
