import { describe, expect, it } from "vitest";
import { distanceShownToCabinet, positionPlaceForCandidate } from "~/access/rules";
import { briefDiff, briefSchema, emptyBrief, sameBrief } from "~/schemas/mission-brief";
import { parseShortlistQuery, shortlistQueryString } from "~/schemas/mission";

describe("the distance a consultant reads of a shortlisted candidate", () => {
  it("is exact, to the km, for a candidate whose identity the cabinet knows", () => {
    expect(distanceShownToCabinet("identity", 23.4)).toEqual({ label: "23 km", rank: 23, exact: true });
  });

  it("is a band for a pseudonymous candidate, and its rank says no more than its label", () => {
    expect(distanceShownToCabinet("pseudonym", 3)?.label).toBe("moins de 20 km");
    expect(distanceShownToCabinet("pseudonym", 19.9)?.label).toBe("moins de 20 km");
    expect(distanceShownToCabinet("pseudonym", 20)?.label).toBe("20 à 50 km");
    expect(distanceShownToCabinet("pseudonym", 75)?.label).toBe("50 à 100 km");
    expect(distanceShownToCabinet("pseudonym", 150)?.label).toBe("100 à 200 km");
    expect(distanceShownToCabinet("pseudonym", 389)?.label).toBe("plus de 200 km");
    expect(distanceShownToCabinet("pseudonym", 21)?.rank).toBe(distanceShownToCabinet("pseudonym", 49)?.rank);
    expect(distanceShownToCabinet("pseudonym", 21)?.exact).toBe(false);
  });

  it("is nothing for a withdrawn candidate, a person met elsewhere, or an unknown home", () => {
    expect(distanceShownToCabinet("withdrawn", 5)).toBeNull();
    expect(distanceShownToCabinet("external", 5)).toBeNull();
    expect(distanceShownToCabinet("identity", null)).toBeNull();
  });
});

describe("where a post is, for a candidate outside its search", () => {
  it("is the commune of a public post, the département of a confidential one until the candidate is in", () => {
    expect(positionPlaceForCandidate({ confidential: false }, false)).toBe("commune");
    expect(positionPlaceForCandidate({ confidential: true }, false)).toBe("departement");
    expect(positionPlaceForCandidate({ confidential: true }, true)).toBe("commune");
  });
});

describe("the mission brief's versions", () => {
  const first = { ...emptyBrief(), context: "Départ en retraite du DGS.", targetRegions: ["76", "84"], atypicalWelcome: false };

  it("lists what each version changed, field by field, lists as additions and removals", () => {
    const next = { ...first, context: "Départ en retraite du DGS après vingt ans.", targetRegions: ["76", "75"], atypicalWelcome: true, atypicalTerms: "Avec la formation statutaire." };
    const names: Record<string, string> = { "76": "Occitanie", "75": "Nouvelle-Aquitaine", "84": "Auvergne-Rhône-Alpes" };
    expect(briefDiff(first, next, (f, v) => (f === "targetRegions" ? names[v] : v))).toEqual([
      { field: "context", label: "Contexte et enjeux du poste", kind: "text", before: "Départ en retraite du DGS.", after: "Départ en retraite du DGS après vingt ans." },
      { field: "targetRegions", label: "Régions visées", kind: "list", added: ["Nouvelle-Aquitaine"], removed: ["Auvergne-Rhône-Alpes"] },
      { field: "atypicalWelcome", label: "Profils atypiques bienvenus", kind: "flag", after: true },
      { field: "atypicalTerms", label: "À quelles conditions", kind: "text", before: "", after: "Avec la formation statutaire." },
    ]);
    expect(briefDiff(null, first).map((c) => c.field)).toEqual(["context", "targetRegions"]);
    expect(sameBrief(first, { ...first, targetRegions: ["76", "84"] })).toBe(true);
  });

  it("reads lists one per line, each once, and asks on what terms an atypical profile is welcome", () => {
    const parsed = briefSchema.parse({ targetFunctions: "DGS\n  Secrétaire général de mairie \nDGS\n", targetCollectiviteTypes: ["COMMUNE", "PAYS"], targetSizes: [], targetRegions: ["76", "x"], atypicalWelcome: undefined });
    expect(parsed.targetFunctions).toEqual(["DGS", "Secrétaire général de mairie"]);
    expect(parsed.targetCollectiviteTypes).toEqual(["COMMUNE"]);
    expect(parsed.targetRegions).toEqual(["76"]);
    const atypical = briefSchema.safeParse({ targetCollectiviteTypes: [], targetSizes: [], targetRegions: [], atypicalWelcome: "on", atypicalTerms: "" });
    expect(atypical.error?.issues[0]).toMatchObject({ path: ["atypicalTerms"], message: expect.stringMatching(/^Précisez à quelles conditions/) });
  });
});

describe("the mission page's URL", () => {
  it("reads back the list it wrote, and drops what it does not know", () => {
    const q = parseShortlistQuery(new URLSearchParams("vue=liste&etape=INTERESTED&source=SEARCH&q=finances&sort=distance&dir=desc&size=20&page=2&cols=label&cols=stage&cols=nope"));
    expect(q).toEqual({ view: "liste", stage: "INTERESTED", source: "SEARCH", q: "finances", sort: "distance", desc: true, page: 2, size: 20, columns: ["label", "stage"] });
    expect(parseShortlistQuery(new URLSearchParams(shortlistQueryString(q)))).toEqual(q);
    expect(parseShortlistQuery(new URLSearchParams("vue=kanban&etape=LOST&sort=name&size=7"))).toMatchObject({ view: "liste", stage: null, sort: "stage", size: 50 });
    expect(shortlistQueryString(parseShortlistQuery(new URLSearchParams()))).toBe("");
  });
});

describe("the mission pages' French", () => {
  it("puts the plural where it belongs", async () => {
    const { candidates, sinceDays } = await import("~/components/missions/labels");
    expect([candidates(0), candidates(1), candidates(3), candidates(1200).replace(/\s/g, " ")]).toEqual(["0 candidat", "1 candidat", "3 candidats", "1 200 candidats"]);
    expect([sinceDays(0), sinceDays(1), sinceDays(12), sinceDays(null)]).toEqual(["aujourd’hui", "1 jour", "12 jours", "—"]);
  });
});
