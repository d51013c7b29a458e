import { z } from "zod";
import { STRATES } from "~/reference/statute";

/**
 * The mission brief (cadrage), written by the consultant with the collectivité before any search:
 * its fields and French labels, the form's schema, and what changed between two versions.
 * Browser-safe.
 */

export const BRIEF_COLLECTIVITE_TYPES = ["COMMUNE", "EPCI", "DEPARTEMENT", "REGION"] as const;
export type BriefCollectiviteType = (typeof BRIEF_COLLECTIVITE_TYPES)[number];
export const BRIEF_COLLECTIVITE_TYPE_LABEL: Record<BriefCollectiviteType, string> = {
  COMMUNE: "Communes",
  EPCI: "Intercommunalités (EPCI)",
  DEPARTEMENT: "Départements",
  REGION: "Régions",
};

/** Sizes of collectivité, by population: the strates of the emplois fonctionnels, and below them. */
export const BRIEF_SIZES = ["moins de 2 000 habitants", ...STRATES] as const;

const TEXT_MAX = 4000;
const LIST_ITEM_MAX = 120;
const LIST_MAX = 30;

/** The brief as the domain stores it; lists are plain arrays here, JSON in the database. */
export type BriefContent = {
  context: string;
  transformation: string;
  offer: string;
  targetFunctions: string[];
  targetCollectiviteTypes: BriefCollectiviteType[];
  targetSizes: string[];
  targetRegions: string[];
  priorityCompetencies: string[];
  careerPaths: string;
  atypicalWelcome: boolean;
  atypicalTerms: string;
};

export const BRIEF_FIELDS = [
  "context", "transformation", "offer", "targetFunctions", "targetCollectiviteTypes", "targetSizes", "targetRegions",
  "priorityCompetencies", "careerPaths", "atypicalWelcome", "atypicalTerms",
] as const satisfies ReadonlyArray<keyof BriefContent>;
export type BriefField = (typeof BRIEF_FIELDS)[number];

export const BRIEF_FIELD_LABEL: Record<BriefField, string> = {
  context: "Contexte et enjeux du poste",
  transformation: "Ce que la collectivité veut transformer",
  offer: "Ce qu’elle peut offrir au-delà de l’offre",
  targetFunctions: "Fonctions actuelles visées",
  targetCollectiviteTypes: "Types de collectivités visés",
  targetSizes: "Tailles de collectivités visées",
  targetRegions: "Régions visées",
  priorityCompetencies: "Compétences prioritaires",
  careerPaths: "Parcours envisagés",
  atypicalWelcome: "Profils atypiques bienvenus",
  atypicalTerms: "À quelles conditions",
};

export function emptyBrief(): BriefContent {
  return {
    context: "", transformation: "", offer: "", targetFunctions: [], targetCollectiviteTypes: [], targetSizes: [], targetRegions: [],
    priorityCompetencies: [], careerPaths: "", atypicalWelcome: false, atypicalTerms: "",
  };
}

const text = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(TEXT_MAX, `${label} : ${TEXT_MAX.toLocaleString("fr-FR")} caractères au plus.`));

/** « une par ligne » (commas too): trimmed, each once, in the order typed. */
const lines = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => [...new Set((v ?? "").split(/[\n,;]/).map((s) => s.trim().replace(/\s+/g, " ")).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(LIST_ITEM_MAX, `${label} : chaque élément fait ${LIST_ITEM_MAX} caractères au plus.`))
        .max(LIST_MAX, `${label} : ${LIST_MAX} éléments au plus.`),
    );

const choices = <T extends string>(accept: (v: string) => boolean) =>
  z.array(z.string()).transform((values) => [...new Set(values.filter(accept))] as T[]);

export const briefSchema = z
  .object({
    context: text("Contexte et enjeux"),
    transformation: text("Ce que la collectivité veut transformer"),
    offer: text("Ce qu’elle peut offrir"),
    targetFunctions: lines("Fonctions visées"),
    targetCollectiviteTypes: choices<BriefCollectiviteType>((v) => (BRIEF_COLLECTIVITE_TYPES as readonly string[]).includes(v)),
    targetSizes: choices<string>((v) => (BRIEF_SIZES as readonly string[]).includes(v)),
    // Whether a région exists is the server's to check (the list of régions is server-side).
    targetRegions: choices<string>((v) => /^\d{2,3}$/.test(v)),
    priorityCompetencies: lines("Compétences prioritaires"),
    careerPaths: text("Parcours envisagés"),
    atypicalWelcome: z.string().optional().transform((v) => v === "on" || v === "true"),
    atypicalTerms: text("Conditions"),
  })
  .superRefine((v, ctx) => {
    if (v.atypicalWelcome && v.atypicalTerms.length < 10) {
      ctx.addIssue({ code: "custom", path: ["atypicalTerms"], message: "Précisez à quelles conditions un profil atypique est bienvenu (par exemple : une formation statutaire acceptée dans l’année)." });
    }
  });

/** The form's fields as the schema reads them (checkbox groups are repeated names). */
export function briefFormInput(form: FormData): Record<string, unknown> {
  const one = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : undefined);
  const many = (k: string) => form.getAll(k).filter((v): v is string => typeof v === "string");
  return {
    context: one("context"), transformation: one("transformation"), offer: one("offer"),
    targetFunctions: one("targetFunctions"), targetCollectiviteTypes: many("targetCollectiviteTypes"), targetSizes: many("targetSizes"),
    targetRegions: many("targetRegions"), priorityCompetencies: one("priorityCompetencies"), careerPaths: one("careerPaths"),
    atypicalWelcome: one("atypicalWelcome"), atypicalTerms: one("atypicalTerms"),
  };
}

/** What was typed, unchecked: the form shows it again next to its errors. */
export function typedBrief(form: FormData): BriefContent {
  const input = briefFormInput(form) as Record<string, string | string[] | undefined>;
  const text = (k: string) => String(input[k] ?? "");
  const lines = (k: string) => text(k).split(/\n/).map((x) => x.trim()).filter(Boolean);
  const many = (k: string) => (Array.isArray(input[k]) ? (input[k] as string[]) : []);
  return {
    context: text("context"), transformation: text("transformation"), offer: text("offer"), targetFunctions: lines("targetFunctions"),
    targetCollectiviteTypes: many("targetCollectiviteTypes").filter((t): t is BriefCollectiviteType => (BRIEF_COLLECTIVITE_TYPES as readonly string[]).includes(t)),
    targetSizes: many("targetSizes"), targetRegions: many("targetRegions"), priorityCompetencies: lines("priorityCompetencies"),
    careerPaths: text("careerPaths"), atypicalWelcome: input.atypicalWelcome === "on", atypicalTerms: text("atypicalTerms"),
  };
}

// ---------------------------------------------------------------------------------------------
// What changed between two versions

export type BriefChange =
  | { field: BriefField; label: string; kind: "text"; before: string; after: string }
  | { field: BriefField; label: string; kind: "list"; added: string[]; removed: string[] }
  | { field: BriefField; label: string; kind: "flag"; after: boolean };

/**
 * The fields that differ from `before` (null: the first version, compared with an empty brief).
 * Lists say what was added and removed, with `describe` turning a code into its label.
 */
export function briefDiff(before: BriefContent | null, after: BriefContent, describe: (field: BriefField, value: string) => string = (_f, v) => v): BriefChange[] {
  const prev = before ?? emptyBrief();
  const changes: BriefChange[] = [];
  for (const field of BRIEF_FIELDS) {
    const label = BRIEF_FIELD_LABEL[field];
    const a = prev[field];
    const b = after[field];
    if (Array.isArray(a) && Array.isArray(b)) {
      const added = b.filter((x) => !a.includes(x as never)).map((x) => describe(field, x));
      const removed = a.filter((x) => !b.includes(x as never)).map((x) => describe(field, x));
      if (added.length || removed.length) changes.push({ field, label, kind: "list", added, removed });
    } else if (typeof a === "boolean" && typeof b === "boolean") {
      if (a !== b) changes.push({ field, label, kind: "flag", after: b });
    } else if (a !== b) {
      changes.push({ field, label, kind: "text", before: String(a), after: String(b) });
    }
  }
  return changes;
}

/** Whether two briefs say the same (a save that changes nothing makes no version). */
export function sameBrief(a: BriefContent, b: BriefContent): boolean {
  return briefDiff(a, b).length === 0;
}
