import { describe, expect, it } from "vitest";
import { averageTotal, parseScorecardForm, scorecardTotal } from "~/schemas/scorecard";

const criteria = [
  { id: "finances", weight: 40 },
  { id: "management", weight: 35 },
  { id: "territoire", weight: 25 },
];

const marks = (finances: number | null, management: number | null, territoire: number | null) => [
  { criterionId: "finances", score: finances },
  { criterionId: "management", score: management },
  { criterionId: "territoire", score: territoire },
];

describe("the scorecard's weighted total out of 100", () => {
  it("gives 100 for top marks everywhere and 25 for the lowest", () => {
    expect(scorecardTotal(criteria, marks(4, 4, 4))).toBe(100);
    expect(scorecardTotal(criteria, marks(1, 1, 1))).toBe(25);
  });

  it("weighs each mark by its criterion: Σ weight × score / 4", () => {
    // 40 × 3/4 + 35 × 2/4 + 25 × 4/4 = 30 + 17.5 + 25 = 72.5 → 73
    expect(scorecardTotal(criteria, marks(3, 2, 4))).toBe(73);
    // 40 × 4/4 + 35 × 1/4 + 25 × 2/4 = 40 + 8.75 + 12.5 = 61.25 → 61
    expect(scorecardTotal(criteria, marks(4, 1, 2))).toBe(61);
  });

  it("rounds half up, exactly, whatever floating point would make of it", () => {
    // 35 × 1/4 + 65 × 2/4 = 8.75 + 32.5 = 41.25 → 41; 50 × 3/4 + 50 × 2/4 = 62.5 → 63
    expect(scorecardTotal([{ id: "a", weight: 35 }, { id: "b", weight: 65 }], [{ criterionId: "a", score: 1 }, { criterionId: "b", score: 2 }])).toBe(41);
    expect(scorecardTotal([{ id: "a", weight: 50 }, { id: "b", weight: 50 }], [{ criterionId: "a", score: 3 }, { criterionId: "b", score: 2 }])).toBe(63);
    // 10 × 1/4 = 2.5 of 10 → 25 out of 100, 30 × 3/4 = 22.5: (2.5 + 22.5) / 40 × 100 = 62.5 → 63
    expect(scorecardTotal([{ id: "a", weight: 10 }, { id: "b", weight: 30 }], [{ criterionId: "a", score: 1 }, { criterionId: "b", score: 3 }])).toBe(63);
  });

  it("brings weights that do not add up to 100 back to 100", () => {
    expect(scorecardTotal([{ id: "a", weight: 1 }, { id: "b", weight: 1 }], [{ criterionId: "a", score: 4 }, { criterionId: "b", score: 2 }])).toBe(75);
  });

  it("has no total while a criterion is not marked, or marked outside 1–4", () => {
    expect(scorecardTotal(criteria, marks(3, null, 4))).toBeNull();
    expect(scorecardTotal(criteria, marks(3, 4, 0))).toBeNull();
    expect(scorecardTotal(criteria, marks(3, 5, 4))).toBeNull();
    expect(scorecardTotal(criteria, marks(3, 2.5, 4))).toBeNull();
    expect(scorecardTotal(criteria, [{ criterionId: "finances", score: 4 }])).toBeNull();
  });

  it("ignores marks for a criterion the position no longer has", () => {
    expect(scorecardTotal(criteria, [...marks(4, 4, 4), { criterionId: "ancien", score: 1 }])).toBe(100);
  });

  it("has no total without criteria or with weights of nothing", () => {
    expect(scorecardTotal([], [])).toBeNull();
    expect(scorecardTotal([{ id: "a", weight: 0 }], [{ criterionId: "a", score: 4 }])).toBeNull();
  });
});

describe("the average of the consultants' totals", () => {
  it("averages the totals that exist, rounded half up", () => {
    expect(averageTotal([73, 61])).toBe(67);
    expect(averageTotal([70, 71])).toBe(71);
    expect(averageTotal([80])).toBe(80);
  });

  it("leaves incomplete scorecards out, and has no average without any total", () => {
    expect(averageTotal([60, null, 80])).toBe(70);
    expect(averageTotal([null, null])).toBeNull();
    expect(averageTotal([])).toBeNull();
  });
});

describe("reading the scorecard form", () => {
  const form = (fields: Record<string, string>) => ({ get: (name: string) => fields[name] ?? null });

  it("reads one mark and one comment per criterion", () => {
    const parsed = parseScorecardForm(form({ "score.a": "3", "comment.a": "  Solide  ", "score.b": "4" }), ["a", "b"]);
    expect(parsed).toEqual({ ok: true, marks: [{ criterionId: "a", score: 3, comment: "Solide" }, { criterionId: "b", score: 4, comment: "" }] });
  });

  it("asks for every criterion's mark, by field", () => {
    const parsed = parseScorecardForm(form({ "score.a": "3", "score.b": "", "score.c": "9" }), ["a", "b", "c"]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(Object.keys(parsed.fieldErrors).sort()).toEqual(["score.b", "score.c"]);
      expect(parsed.fieldErrors["score.b"]).toBe("Choisissez une note de 1 à 4.");
    }
  });

  it("ignores what was posted for criteria it was not asked about", () => {
    const parsed = parseScorecardForm(form({ "score.a": "2", "score.x": "4" }), ["a"]);
    expect(parsed).toEqual({ ok: true, marks: [{ criterionId: "a", score: 2, comment: "" }] });
  });
});
