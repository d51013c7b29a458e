/**
 * The arithmetic of a scorecard, shared by the cabinet's evaluation and the committee's: each
 * criterion of the position is scored 1 to 4, and the weighted total is out of 100 (every
 * criterion at 4 gives 100, every one at 1 gives 25). Browser-safe.
 */

export const SCORE_VALUES = [1, 2, 3, 4] as const;
export type ScoreValue = (typeof SCORE_VALUES)[number];

export const SCORE_LABEL: Record<ScoreValue, string> = {
  1: "1 — insuffisant",
  2: "2 — à conforter",
  3: "3 — satisfaisant",
  4: "4 — excellent",
};

export type WeightedCriterion = { id: string; weight: number };
export type CriterionScore = { criterionId: string; score: number; comment?: string };

/**
 * The weighted total out of 100 of `scores` on `criteria`, rounded; null when a criterion has no
 * score (a partial scorecard has no total) or the weights add up to nothing.
 */
export function weightedTotal(criteria: readonly WeightedCriterion[], scores: readonly CriterionScore[]): number | null {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  if (criteria.length === 0 || weights <= 0) return null;
  let sum = 0;
  for (const c of criteria) {
    const s = scores.find((x) => x.criterionId === c.id)?.score;
    if (s === undefined || !Number.isInteger(s) || s < 1 || s > 4) return null;
    sum += c.weight * s;
  }
  return Math.round((sum / (4 * weights)) * 100);
}

/** The average of some totals, rounded; null for none. */
export function averageOf(values: readonly number[]): number | null {
  return values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null;
}
