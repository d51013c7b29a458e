import { z } from "zod";

/**
 * The scorecard (grille d'évaluation): one consultant's marks, 1 to 4, on the position's weighted
 * committee criteria, and the arithmetic that turns them into a total out of 100. Browser-safe:
 * the form shows the same labels the page reads, and the domain stores the total computed here.
 */

export const SCORE_LEVELS = [1, 2, 3, 4] as const;
export type Score = (typeof SCORE_LEVELS)[number];

export const SCORE_LABEL: Record<Score, string> = {
  1: "1 — Insuffisant",
  2: "2 — À développer",
  3: "3 — Conforme aux attentes",
  4: "4 — Au-delà des attentes",
};

export type CriterionWeight = { id: string; weight: number };
export type CriterionScore = { criterionId: string; score: number | null; comment?: string };

function isScore(value: unknown): value is Score {
  return typeof value === "number" && (SCORE_LEVELS as readonly number[]).includes(value);
}

/**
 * The weighted total out of 100: Σ weight × (score / 4), over the weights' sum (100 in this app,
 * since a position's criteria must weigh 100; dividing by the sum keeps the total honest should
 * a draft's weights not add up). Rounded half up to the unit. Null while any criterion is not
 * marked: a total over part of the grid would compare unlike with unlike. Marks for criteria the
 * position no longer has are ignored.
 */
export function scorecardTotal(criteria: readonly CriterionWeight[], scores: readonly CriterionScore[]): number | null {
  if (criteria.length === 0) return null;
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const score = byCriterion.get(c.id);
    if (!isScore(score)) return null;
    if (!Number.isFinite(c.weight) || c.weight < 0) return null;
    weighted += c.weight * score;
    weights += c.weight;
  }
  if (weights === 0) return null;
  // Integers until the one division: no 0.1 + 0.2 surprises at a half.
  return Math.floor((weighted * 100 * 2 + weights * 4) / (weights * 4 * 2));
}

/** The average of the totals that exist, rounded half up; null when none does. */
export function averageTotal(totals: ReadonlyArray<number | null>): number | null {
  const present = totals.filter((t): t is number => typeof t === "number" && Number.isFinite(t));
  if (present.length === 0) return null;
  return Math.round(present.reduce((a, b) => a + b, 0) / present.length);
}

// ---------------------------------------------------------------------------------------------
// The form: one select `score.<criterionId>` and one textarea `comment.<criterionId>` per criterion.

export const SCORECARD_COMMENT_MAX = 2000;

const markSchema = z.object({
  criterionId: z.string().min(1),
  score: z.coerce
    .number({ error: "Choisissez une note de 1 à 4." })
    .int({ error: "Choisissez une note de 1 à 4." })
    .min(1, { error: "Choisissez une note de 1 à 4." })
    .max(4, { error: "Choisissez une note de 1 à 4." }),
  comment: z.string().trim().max(SCORECARD_COMMENT_MAX, { error: "Le commentaire ne peut dépasser 2 000 caractères." }),
});

export type ScorecardMark = z.infer<typeof markSchema>;

/**
 * Reads the posted marks for these criteria (the position's, read again on the server): every
 * criterion must be marked; errors come back by field name.
 */
export function parseScorecardForm(
  form: { get(name: string): FormDataEntryValue | null },
  criterionIds: readonly string[],
): { ok: true; marks: ScorecardMark[] } | { ok: false; fieldErrors: Record<string, string> } {
  const marks: ScorecardMark[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const id of criterionIds) {
    const raw = form.get(`score.${id}`);
    const parsed = markSchema.safeParse({
      criterionId: id,
      score: typeof raw === "string" && raw !== "" ? raw : undefined,
      comment: String(form.get(`comment.${id}`) ?? ""),
    });
    if (parsed.success) marks.push(parsed.data);
    else for (const issue of parsed.error.issues) fieldErrors[`${String(issue.path[0]) === "comment" ? "comment" : "score"}.${id}`] ??= issue.message;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, marks };
}
