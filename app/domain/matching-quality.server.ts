import { z } from "zod";
import { matchInputSchema } from "~/schemas/matching";
import { runMatch } from "./matching.server";

/**
 * How good the ranking is, measured on hand-labelled pairs (tests/fixtures/matching/): for each
 * position, the scorer's order of its labelled profiles against their grades (0–3).
 *
 * - NDCG@10: the discounted gain of the top ten (gain 2^grade − 1, discount log2(rank + 1)),
 *   divided by that of the ideal order. 1 is a perfect top ten.
 * - Pairwise accuracy: among pairs of profiles of different grades for the same position, the
 *   share the scorer puts in the grades' order (a tie counts half).
 */

export const fixtureSchema = matchInputSchema.extend({
  labels: z.array(z.object({ positionId: z.string(), profileId: z.string(), grade: z.number().int().min(0).max(3), reason: z.string().min(1) })).min(1),
});
export type MatchFixture = z.infer<typeof fixtureSchema>;

export function dcg(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** NDCG@k of grades listed in the ranked order; 1 when no item has any gain. */
export function ndcgAt(rankedGrades: readonly number[], k: number): number {
  const ideal = dcg([...rankedGrades].sort((a, b) => b - a), k);
  return ideal === 0 ? 1 : dcg(rankedGrades, k) / ideal;
}

/** Pairs of different grades in the right order, over such pairs (ties of score count half). */
export function pairwiseCounts(items: ReadonlyArray<{ grade: number; score: number; rank: number }>): { right: number; pairs: number } {
  let right = 0;
  let pairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i], items[j]];
      if (a.grade === b.grade) continue;
      pairs++;
      const [hi, lo] = a.grade > b.grade ? [a, b] : [b, a];
      if (hi.score === lo.score) right += 0.5;
      else if (hi.rank < lo.rank) right += 1;
    }
  }
  return { right, pairs };
}

export type QualityReport = {
  positions: Array<{ id: string; title: string; labelled: number; ndcg10: number; pairwise: number; pairs: number; ranked: Array<{ id: string; score: number; grade: number }> }>;
  meanNdcg10: number;
  pairwise: number;
  pairs: number;
  labels: number;
};

export function evaluateFixture(raw: unknown): QualityReport {
  const fixture = fixtureSchema.parse(raw);
  const run = runMatch(fixture);
  let right = 0;
  let pairs = 0;
  const positions = run.positions.map((p) => {
    const grades = new Map(fixture.labels.filter((l) => l.positionId === p.id).map((l) => [l.profileId, l.grade]));
    const ranked = p.candidates.filter((c) => grades.has(c.id)).map((c, rank) => ({ id: c.id, score: c.score, grade: grades.get(c.id)!, rank }));
    const counts = pairwiseCounts(ranked);
    right += counts.right;
    pairs += counts.pairs;
    return {
      id: p.id,
      title: p.title,
      labelled: ranked.length,
      ndcg10: ndcgAt(ranked.map((r) => r.grade), 10),
      pairwise: counts.pairs ? counts.right / counts.pairs : 1,
      pairs: counts.pairs,
      ranked: ranked.map(({ id, score, grade }) => ({ id, score, grade })),
    };
  }).filter((p) => p.labelled > 0);
  return {
    positions,
    meanNdcg10: positions.reduce((s, p) => s + p.ndcg10, 0) / positions.length,
    pairwise: pairs ? right / pairs : 1,
    pairs,
    labels: fixture.labels.length,
  };
}
