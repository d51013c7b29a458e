import { describe, expect, it } from "vitest";
import { binLabel, countBins, legendLines } from "~/components/talent/DepartementMap";
import { emptyTalentSearch, isEmptyTalentSearch, parseTalentSearch, talentSearchQuery } from "~/schemas/talent-search";
import { communesWithin, distanceKm, getCommune, listCommunes } from "~/reference/territory.server";
import { MIN_RADIUS_KM, distanceBand, effectiveRadiusKm } from "~/access/anonymous-distance";
import {
  candidateFilter,
  confidentialityFilter,
  distanceGroups,
  distancePlan,
  filterValue,
  highlightSegments,
  orderByDistance,
  toCandidateHit,
} from "../../search/candidate-search";

const viewer = { organizationKey: "CAB-123456789", presentingTo: ["213502388", "DEP-35"] };

describe("the talent search URL", () => {
  it("reads every parameter of a shared link", () => {
    const { search, errors } = parseTalentSearch(
      new URLSearchParams(
        "q=urbanisme&filiere=administrative&categorie=B&categorie=A&cadre=attaches&statut=TITULAIRE&departement=68&region=44" +
          "&availability=immediate&needsHousing=1&relocation=1&salaryMin=35000&salaryMax=50%20000&commune=68224&radius=30&sort=distance&page=3",
      ),
    );
    expect(errors).toEqual({});
    expect(search).toEqual({
      q: "urbanisme", filiere: ["administrative"], categorie: ["B", "A"], cadre: ["attaches"], statut: ["TITULAIRE"],
      departement: ["68"], region: ["44"], availability: ["immediate"], needsHousing: true, relocation: true, laureat: false,
      salaryMin: 35000, salaryMax: 50000, commune: "68224", radius: 30, sort: "distance", page: 3, mission: null,
    });
  });

  it("drops what it does not know rather than failing, as an old link may hold anything", () => {
    const { search, errors } = parseTalentSearch(new URLSearchParams("categorie=Z&categorie=A&filiere=<script>&departement=999&radius=9000&page=-2&sort=price"));
    expect(errors).toEqual({});
    expect(search.categorie).toEqual(["A"]);
    expect(search.filiere).toEqual([]);
    expect(search.departement).toEqual([]);
    expect(search.radius).toBe(50);
    expect(search.page).toBe(1);
    expect(search.sort).toBe("relevance");
  });

  it("explains in French a salary typed wrong, and keeps the rest of the search", () => {
    const { search, errors } = parseTalentSearch(new URLSearchParams("q=finances&salaryMin=45k&salaryMax=30000"));
    expect(errors.salaryMin).toMatch(/montant annuel/);
    expect(search.salaryMin).toBeNull();
    expect(search.salaryMax).toBe(30000);
    expect(search.q).toBe("finances");

    const inverted = parseTalentSearch(new URLSearchParams("salaryMin=50000&salaryMax=30000"));
    expect(inverted.errors.salaryMax).toMatch(/supérieure ou égale/);
    expect(inverted.search.salaryMax).toBeNull();
  });

  it("sorts by relevance, saying why, when distance is asked without a commune", () => {
    const { search, errors } = parseTalentSearch(new URLSearchParams("sort=distance"));
    expect(search.sort).toBe("relevance");
    expect(errors.sort).toMatch(/commune/);
  });

  it("raises a radius under 20 km to 20 km, and any other to the next 10 km, saying so in French", () => {
    for (const asked of ["1", "5", "10", "19", "0.5"]) {
      const { search, errors, notes } = parseTalentSearch(new URLSearchParams(`commune=68224&radius=${asked}`));
      expect(search.radius, asked).toBe(MIN_RADIUS_KM);
      expect(errors, asked).toEqual({});
      expect(notes.radius, asked).toMatch(/^Rayon porté à 20 km .* pour protéger les candidats anonymes/);
    }
    const odd = parseTalentSearch(new URLSearchParams("commune=68224&radius=75"));
    expect(odd.search.radius).toBe(80);
    expect(odd.notes.radius).toMatch(/80 km \(75 km demandés\)/);
    // A radius the form offers, or no commune to draw it around: nothing to say.
    expect(parseTalentSearch(new URLSearchParams("commune=68224&radius=20")).notes).toEqual({});
    expect(parseTalentSearch(new URLSearchParams("radius=5")).notes).toEqual({});
    expect(talentSearchQuery(parseTalentSearch(new URLSearchParams("commune=68224&radius=5")).search)).toBe("commune=68224&radius=20");
  });

  it("refuses a commune code that cannot be one", () => {
    const { search, errors } = parseTalentSearch(new URLSearchParams("commune=Mulhouse"));
    expect(search.commune).toBeNull();
    expect(errors.commune).toMatch(/code INSEE/);
  });

  it("writes one canonical URL per search, which reads back to the same search", () => {
    const a = parseTalentSearch(new URLSearchParams("page=2&radius=30&commune=68224&q=%20urbanisme%20&categorie=B")).search;
    const query = talentSearchQuery(a);
    expect(query).toBe("q=urbanisme&categorie=B&commune=68224&radius=30&page=2");
    expect(parseTalentSearch(new URLSearchParams(query)).search).toEqual(a);
    expect(talentSearchQuery(a, { page: false })).toBe("q=urbanisme&categorie=B&commune=68224&radius=30");
    expect(talentSearchQuery(emptyTalentSearch())).toBe("");
    expect(isEmptyTalentSearch(emptyTalentSearch())).toBe(true);
    expect(isEmptyTalentSearch(a)).toBe(false);
  });
});

describe("the confidentiality filter", () => {
  it("always keeps hidden profiles out and every organisation the viewer works for or presents to", () => {
    expect(confidentialityFilter(viewer)).toEqual([
      `visibility IN ["ANONYMOUS", "VISIBLE"]`,
      `hiddenFrom NOT IN ["213502388", "CAB-123456789", "DEP-35"]`,
    ]);
  });

  it("refuses to search for nobody", () => {
    expect(() => confidentialityFilter({ organizationKey: " ", presentingTo: [] })).toThrow(/organisation key/);
  });

  it("comes first in every query, whatever the search's own conditions", () => {
    const filter = candidateFilter(viewer, { categorie: ["A"], around: { lat: 47.75, lng: 7.33, radiusKm: 50 }, salaryMin: 40000 });
    expect(filter.slice(0, 2)).toEqual(confidentialityFilter(viewer));
    expect(filter).toContain(`categorie IN ["A"]`);
    // The circle is the list of its communes (Mulhouse, 68224, is at its centre).
    expect(filter.find((c) => c.startsWith("homeCommuneCode IN ["))).toContain(`"68224"`);
    expect(filter).toContain("salaryExpectation >= 40000");
  });

  it("leaves out a facet's own selection for its disjunctive counts, never the confidentiality", () => {
    const filter = candidateFilter(viewer, { categorie: ["A"], filiere: ["technique"] }, { except: "categorie" });
    expect(filter).not.toContain(`categorie IN ["A"]`);
    expect(filter).toContain(`filiere IN ["technique"]`);
    expect(filter.slice(0, 2)).toEqual(confidentialityFilter(viewer));
  });

  it("cannot be escaped by a quote in a value", () => {
    expect(filterValue(`x" OR visibility = "HIDDEN`)).toBe(`"x\\" OR visibility = \\"HIDDEN"`);
  });
});

describe("a search hit", () => {
  const raw = {
    id: "p1", pseudonym: "Talent-1", visibility: "ANONYMOUS" as const,
    name: "Leaked Name", email: "leak@example.fr", currentEmployerName: "Mairie secrète", homeCommuneName: "Spechbach",
    currentFunction: "Instructrice urbanisme", competencies: ["Urbanisme"], departementCode: "68", departementName: "Haut-Rhin",
    _geo: { lat: 47.75, lng: 7.33 }, lastActivityAt: 1, availability: "immediate" as const,
    _formatted: { name: "\u0001Leaked\u0002 Name", currentFunction: "Instructrice \u0001urbanisme\u0002", competencies: ["\u0001Urbanisme\u0002"] },
  };

  it("of an anonymous profile carries no identity, even if the index sent one", () => {
    const hit = toCandidateHit(raw);
    expect(hit).not.toHaveProperty("name");
    expect(hit).not.toHaveProperty("email");
    expect(hit).not.toHaveProperty("currentEmployerName");
    expect(hit.homeCommuneName).toBeNull();
    expect(hit.highlights.name).toBeUndefined();
    expect(JSON.stringify(hit)).not.toMatch(/Leaked|leak@|secrète|Spechbach/);
  });

  it("of a visible profile carries the name, e-mail and employer", () => {
    const hit = toCandidateHit({ ...raw, visibility: "VISIBLE" });
    expect(hit).toMatchObject({ name: "Leaked Name", email: "leak@example.fr", currentEmployerName: "Mairie secrète", homeCommuneName: "Spechbach" });
    expect(hit.highlights.name).toEqual([{ text: "Leaked", mark: true }, { text: " Name", mark: false }]);
  });

  it("gives an anonymous profile's distance as a band only, and a visible one's in whole km", () => {
    const near = { lat: 47.75, lng: 7.36 }; // about 2 km
    const far = { lat: 47.75, lng: 7.64 }; // about 23 km
    expect(toCandidateHit(raw, near)).toMatchObject({ distanceKm: null, distanceBand: { fromKm: 0, toKm: 20 } });
    expect(toCandidateHit(raw, far)).toMatchObject({ distanceKm: null, distanceBand: { fromKm: 20, toKm: 30 } });
    expect(toCandidateHit({ ...raw, visibility: "VISIBLE" }, near)).toMatchObject({ distanceKm: 2, distanceBand: { fromKm: 0, toKm: 20 } });
    expect(toCandidateHit({ ...raw, visibility: "VISIBLE" }, far).distanceKm).toBe(23);
    expect(toCandidateHit(raw)).toMatchObject({ distanceKm: null, distanceBand: null });
  });
});

describe("highlighting", () => {
  it("cuts the text at the markers into plain segments", () => {
    expect(highlightSegments("Chef de projet \u0001urbanisme\u0002 et \u0001aménagement\u0002")).toEqual([
      { text: "Chef de projet ", mark: false },
      { text: "urbanisme", mark: true },
      { text: " et ", mark: false },
      { text: "aménagement", mark: true },
    ]);
  });

  it("keeps markup typed by a candidate as text, and drops stray markers", () => {
    expect(highlightSegments("<img src=x onerror=alert(1)> \u0001RH\u0002\u0002")).toEqual([
      { text: "<img src=x onerror=alert(1)> ", mark: false },
      { text: "RH", mark: true },
    ]);
    expect(highlightSegments("a\u0001b")).toEqual([{ text: "ab", mark: false }]);
  });
});

describe("the map's colour classes", () => {
  it("gives each count its own class when there are few", () => {
    expect(countBins(0)).toEqual([]);
    expect(countBins(3).map((b) => [b.min, b.max])).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it("cuts larger counts into five ranges that cover every value", () => {
    const bins = countBins(42);
    expect(bins).toHaveLength(5);
    expect(bins[0].min).toBe(1);
    expect(bins.at(-1)!.max).toBe(42);
    for (let i = 1; i < bins.length; i++) expect(bins[i].min).toBe(bins[i - 1].max + 1);
  });

  it("names each class in the legend as a range, with French plurals", () => {
    expect(legendLines(0).map((l) => l.label)).toEqual(["Aucun profil"]);
    expect(legendLines(2).map((l) => l.label)).toEqual(["Aucun profil", "1 profil", "2 profils"]);
    expect(legendLines(14).map((l) => l.label)).toEqual(["Aucun profil", "1 à 3 profils", "4 à 6 profils", "7 à 9 profils", "10 à 12 profils", "13 à 14 profils"]);
    expect(binLabel({ min: 1000, max: 2500 })).toBe("1\u202f000 à 2\u202f500 profils");
    // Every class has its own colour, and none is the colour of « Aucun profil ».
    const colours = legendLines(42).map((l) => l.colour);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe("distance, on the communes of a circle", () => {
  it("lists every commune whose centre is within the radius, nearest first", () => {
    const rennes = getCommune("35238")!;
    const within = communesWithin(rennes, 20);
    const expected = listCommunes().filter((c) => distanceKm(rennes, c) <= 20).map((c) => c.code).sort();
    expect([...within.map((c) => c.code)].sort()).toEqual(expected);
    expect(within[0]).toEqual({ code: "35238", km: 0 });
    expect(within.map((c) => c.km)).toEqual([...within.map((c) => c.km)].sort((a, b) => a - b));
    expect(within.map((c) => c.code)).toContain("35051"); // Cesson-Sévigné, next door
    expect(communesWithin({ lat: 47, lon: -5 }, 5)).toEqual([]); // at sea
  });

  // Communes a…e, each its own group (a band), nearest first; b has no matching profile.
  const nearest = ["a", "b", "c", "d", "e"].map((code) => ({ communes: [code] }));
  const perCommune = { a: 3, b: 0, c: 5, d: 2, e: 4 };

  it("fetches a page held by one commune in one slice", () => {
    expect(distancePlan(perCommune, nearest, 0, 2)).toEqual([{ communes: ["a"], offset: 0, limit: 2 }]);
    expect(distancePlan(perCommune, nearest, 4, 3)).toEqual([{ communes: ["c"], offset: 1, limit: 3 }]);
  });

  it("fetches a page across communes as the end of the first, the whole ones between and the start of the last", () => {
    expect(distancePlan(perCommune, nearest, 2, 8)).toEqual([
      { communes: ["a"], offset: 2, limit: 1 },
      { communes: ["c"], offset: 0, limit: 5 },
      { communes: ["d"], offset: 0, limit: 2 },
    ]);
    expect(distancePlan({ a: 1, c: 1, d: 1, e: 1 }, nearest, 0, 4)).toEqual([
      { communes: ["a"], offset: 0, limit: 1 },
      { communes: ["c", "d"], offset: 0, limit: 2 },
      { communes: ["e"], offset: 0, limit: 1 },
    ]);
  });

  it("fetches nothing past the last profile", () => {
    expect(distancePlan(perCommune, nearest, 14, 20)).toEqual([]);
    expect(distancePlan({}, nearest, 0, 20)).toEqual([]);
  });

  it("fetches a band of several communes as one group, in the engine's order", () => {
    const bands = [{ communes: ["a", "b", "c"] }, { communes: ["d", "e"] }];
    expect(distancePlan(perCommune, bands, 1, 9)).toEqual([
      { communes: ["a", "c"], offset: 1, limit: 7 },
      { communes: ["d", "e"], offset: 0, limit: 2 },
    ]);
  });

  it("groups the communes of a circle by band of distance, nearest band first", () => {
    const at = (code: string, km: number) => ({ code, km });
    expect(distanceGroups([at("a", 0), at("b", 7.5), at("c", 19.9), at("d", 20), at("e", 20.1), at("f", 29), at("g", 41)])).toEqual([
      { communes: ["a", "b", "c", "d"], toKm: 20 },
      { communes: ["e", "f"], toKm: 30 },
      { communes: ["g"], toKm: 50 },
    ]);
  });

  it("orders the whole communes between by distance, keeping the engine's order within a commune", () => {
    const hit = (id: string, km: number) => ({ id, km });
    const ordered = orderByDistance([[hit("a1", 0)], [hit("d1", 3), hit("c1", 2), hit("d2", 3), hit("c2", 2)], [hit("e1", 4)]], (h) => h.km);
    expect(ordered.map((h) => h.id)).toEqual(["a1", "c1", "c2", "d1", "d2", "e1"]);
  });
});

describe("the rule of an anonymous profile's distance", () => {
  it("never draws a circle under 20 km, and draws radii in steps of 10 km", () => {
    expect([0, 1, 5, 19.5, 20, 20.1, 25, 30, 75, 300].map(effectiveRadiusKm)).toEqual([20, 20, 20, 20, 20, 30, 30, 30, 80, 300]);
    expect(effectiveRadiusKm(Number.NaN)).toBe(20);
  });

  it("tells a distance as the ring between the two radii that hold it", () => {
    expect(distanceBand(0)).toEqual({ fromKm: 0, toKm: 20 });
    expect(distanceBand(19.9)).toEqual({ fromKm: 0, toKm: 20 });
    expect(distanceBand(20)).toEqual({ fromKm: 0, toKm: 20 });
    expect(distanceBand(22.9)).toEqual({ fromKm: 20, toKm: 30 });
    expect(distanceBand(40.4)).toEqual({ fromKm: 40, toKm: 50 });
  });

  it("filters on the communes of a 20 km circle when asked for 1 km, whoever calls", () => {
    const filter = candidateFilter(viewer, { around: { lat: 47.75, lng: 7.33, radiusKm: 1 } });
    const codes = filter.find((c) => c.startsWith("homeCommuneCode IN ["))!;
    const circle = communesWithin({ lat: 47.75, lon: 7.33 }, 20);
    expect(circle.length).toBeGreaterThan(20);
    expect(codes.split(",").length).toBe(circle.length);
    expect(codes).not.toContain(`"68297"`); // Saint-Louis, 23 km
  });
});
