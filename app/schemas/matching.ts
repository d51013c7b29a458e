import { z } from "zod";

/**
 * The JSON that `npm run match -- --input file.json` reads (README, « Le rapprochement »):
 * positions and candidate profiles in the scorer's vocabulary, communes by INSEE code. Optional
 * fields have the default a blank form would give. Extra keys (the fixture's `labels`) are
 * ignored. Also the schema of the scores the page and the command print.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, "an INSEE commune code (5 characters)");
const euros = z.number().int().nonnegative().nullable().default(null);

export const matchPositionInputSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  filiere: z.string().min(1),
  categorie: z.enum(["A+", "A", "B", "C"]),
  cadresEmplois: z.array(z.string()).default([]),
  grades: z.array(z.string()).default([]),
  emploiFonctionnel: z.enum(["DGS", "DGA", "DGST"]).nullable().default(null),
  openToTitulaires: z.boolean().default(true),
  openToContractuels: z.boolean().default(false),
  /** Where the post is. */
  communeCode: insee,
  /** The collectivité; by default the commune of the post, with its official population. */
  employer: z
    .object({
      type: z.enum(["COMMUNE", "EPCI", "DEPARTEMENT", "REGION"]).default("COMMUNE"),
      population: z.number().int().nonnegative().nullable().default(null),
      communeCode: insee.optional(),
    })
    .optional(),
  startDate: day.nullable().default(null),
  competencies: z.array(z.object({ label: z.string().min(1), level: z.enum(["INDISPENSABLE", "IMPORTANT", "APPRECIABLE"]) })).default([]),
  salaryMin: euros,
  salaryMax: euros,
  /** Euros gross a month. */
  ifse: euros,
  housing: z.enum(["NONE", "NAS", "COP_A"]).default("NONE"),
  housingHelp: z.boolean().default(false),
  temporaryAccommodation: z.boolean().default(false),
  remoteDays: z.number().int().min(0).max(5).default(0),
});

export const matchProfileInputSchema = z.object({
  id: z.string().min(1),
  /** Reasons say the home distance as a band, as for a pseudonymous profile. */
  anonymous: z.boolean().default(false),
  status: z.enum(["TITULAIRE", "CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"]).nullable().default(null),
  filiere: z.string().nullable().default(null),
  categorie: z.string().nullable().default(null),
  cadreEmplois: z.string().nullable().default(null),
  grade: z.string().nullable().default(null),
  currentFunction: z.string().nullable().default(null),
  previousFunctions: z.array(z.string()).default([]),
  wishedFunctions: z.array(z.string()).default([]),
  wishedCategories: z.array(z.string()).default([]),
  wishedFilieres: z.array(z.string()).default([]),
  competencies: z.array(z.string()).default([]),
  homeCommuneCode: insee.nullable().default(null),
  maxDistanceKm: z.number().int().nonnegative().nullable().default(null),
  willingToRelocate: z.boolean().default(false),
  needsHousing: z.boolean().default(false),
  salaryExpectation: euros,
  remoteDaysWished: z.number().int().min(0).max(5).nullable().default(null),
  availableFrom: day.nullable().default(null),
});

export const matchInputSchema = z.object({
  /** The day the scores are computed for (availability); today in France by default. */
  today: day.optional(),
  positions: z.array(matchPositionInputSchema).min(1),
  profiles: z.array(matchProfileInputSchema),
});

export type MatchInput = z.infer<typeof matchInputSchema>;

/** A reason as pages and the command show it. */
export type MatchReasonView = { factor: string; text: string; weight: number };
export type MatchView = { score: number; capped: "statut" | "competence" | null; reasons: MatchReasonView[] };

/** The French words of a cap, for a badge. */
export const CAP_LABEL: Record<"statut" | "competence", string> = {
  statut: "Statut incompatible",
  competence: "Compétence indispensable absente",
};

/** « Ajouter à la liste » on a suggestion. */
export const addSuggestionSchema = z.object({
  profileId: z.string().trim().min(1, "Choisissez un candidat de la liste des suggestions.").max(64, "Choisissez un candidat de la liste des suggestions."),
});
