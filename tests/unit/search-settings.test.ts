import { describe, expect, it } from "vitest";
import { backoffMs } from "../../search/outbox";
import { FRENCH_STOP_WORDS, indexSettings, settingsDiff, SYNONYM_GROUPS, synonymsFromGroups } from "../../search/settings";

describe("synonyms", () => {
  it("makes every term of a group a synonym of all the others", () => {
    const synonyms = synonymsFromGroups([["dgs", "secrétaire de mairie", "directeur général des services"]]);
    expect(synonyms.dgs).toEqual(["directeur général des services", "secrétaire de mairie"]);
    expect(synonyms["secrétaire de mairie"]).toEqual(["dgs", "directeur général des services"]);
  });

  it("uses no stop word inside a synonym (Meilisearch would never match it)", () => {
    const words = new Set(SYNONYM_GROUPS.flat().flatMap((term) => term.split(/[\s']+/)));
    expect(FRENCH_STOP_WORDS.filter((w) => words.has(w))).toEqual([]);
  });

  it("ranks by freshness after the default rules", () => {
    expect(indexSettings.candidates.rankingRules?.at(-1)).toBe("lastActivityAt:desc");
    expect(indexSettings.positions.rankingRules?.at(-1)).toBe("publishedAt:desc");
  });
});

describe("settingsDiff", () => {
  it("ignores the order of unordered lists, the defaults the server adds and Unicode forms", () => {
    const wanted = {
      filterableAttributes: ["a", "b"],
      stopWords: ["à", "le"],
      typoTolerance: { enabled: true },
      synonyms: { drh: ["rh", "grh"] },
    };
    const current = {
      filterableAttributes: ["b", "a"],
      stopWords: ["le", "a\u0300"],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      synonyms: { drh: ["grh", "rh"] },
    };
    expect(settingsDiff(wanted, current)).toEqual([]);
  });

  it("notices a changed order where order matters, and a changed value", () => {
    expect(settingsDiff({ searchableAttributes: ["a", "b"] }, { searchableAttributes: ["b", "a"] })).toEqual(["searchableAttributes"]);
    expect(settingsDiff({ faceting: { maxValuesPerFacet: 50 } }, { faceting: { maxValuesPerFacet: 100 } })).toEqual(["faceting"]);
  });
});

describe("outbox retry delay", () => {
  it("doubles from half a second and stops at 30 seconds", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(20)).toBe(30_000);
  });
});
