import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFixture, fixtureSchema, ndcgAt, pairwiseCounts } from "~/domain/matching-quality.server";

const FIXTURE = path.resolve("tests", "fixtures", "matching", "pairs.json");
const fixture = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));

describe("the matching's quality on the hand-labelled pairs", () => {
  it("has at least 60 labelled pairs over at least 5 positions, each with a reason", () => {
    const parsed = fixtureSchema.parse(fixture);
    expect(parsed.labels.length).toBeGreaterThanOrEqual(60);
    expect(new Set(parsed.labels.map((l) => l.positionId)).size).toBeGreaterThanOrEqual(5);
    for (const l of parsed.labels) {
      expect(parsed.positions.some((p) => p.id === l.positionId)).toBe(true);
      expect(parsed.profiles.some((p) => p.id === l.profileId)).toBe(true);
    }
  });

  it("ranks them with a mean NDCG@10 of at least 0.9 and orders at least 90 % of the pairs of different grades", () => {
    const report = evaluateFixture(fixture);
    expect(report.meanNdcg10).toBeGreaterThanOrEqual(0.9);
    expect(report.pairwise).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the measures", () => {
  it("gives NDCG 1 to the ideal order and less to another", () => {
    expect(ndcgAt([3, 2, 1, 0], 10)).toBe(1);
    expect(ndcgAt([0, 1, 2, 3], 10)).toBeLessThan(0.7);
    expect(ndcgAt([0, 0], 10)).toBe(1);
  });

  it("counts pairs of different grades, a tie of scores as half", () => {
    expect(pairwiseCounts([{ grade: 3, score: 90, rank: 0 }, { grade: 1, score: 50, rank: 1 }, { grade: 1, score: 40, rank: 2 }])).toEqual({ right: 2, pairs: 2 });
    expect(pairwiseCounts([{ grade: 0, score: 50, rank: 0 }, { grade: 2, score: 50, rank: 1 }])).toEqual({ right: 0.5, pairs: 1 });
  });
});
