import { z } from "zod";
import { isStage, PIPELINE, SOURCES, type Source, type Stage } from "./shortlist";

/**
 * The mission page (/cabinet/missions/:id) as its URL holds it — the view (list or board), the
 * list's filters, sort, page and columns — and the forms it posts. Browser-safe.
 */

// ---------------------------------------------------------------------------------------------
// The two views of the shortlist

export const MISSION_VIEWS = ["liste", "tableau"] as const;
export type MissionView = (typeof MISSION_VIEWS)[number];
export const MISSION_VIEW_LABEL: Record<MissionView, string> = { liste: "Liste", tableau: "Tableau par étape" };

/** Cards a board column shows; the rest are one link away, in the list filtered on that stage. */
export const BOARD_COLUMN_LIMIT = 25;

/** The list's columns, in order: ids are the sort keys and the `cols` values. */
export const SHORTLIST_COLUMNS = ["label", "function", "distance", "source", "stage", "days", "score", "contact"] as const;
export type ShortlistColumn = (typeof SHORTLIST_COLUMNS)[number];
export const SHORTLIST_COLUMN_LABEL: Record<ShortlistColumn, string> = {
  label: "Candidat",
  function: "Fonction et grade",
  distance: "Distance du poste",
  source: "Source",
  stage: "Étape",
  days: "Jours dans l’étape",
  score: "Note moyenne /100",
  contact: "E-mail",
};
/** Shown unless the consultant chose otherwise; the candidate's column cannot be hidden. */
export const DEFAULT_COLUMNS: readonly ShortlistColumn[] = ["label", "function", "distance", "source", "stage", "days", "score"];
export const SHORTLIST_SORTS = SHORTLIST_COLUMNS.filter((c) => c !== "contact");
export type ShortlistSort = Exclude<ShortlistColumn, "contact">;

export const SHORTLIST_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** « en-cours »: every stage but the exits and the hire. */
export const ACTIVE_STAGES: readonly Stage[] = PIPELINE.filter((s) => s !== "HIRED");
export type StageFilter = Stage | "en-cours" | null;

export type ShortlistQuery = {
  view: MissionView;
  stage: StageFilter;
  source: Source | null;
  q: string;
  sort: ShortlistSort;
  desc: boolean;
  page: number;
  size: number;
  columns: ShortlistColumn[];
};

/** Reads the page's URL; never fails: what it cannot use falls back to the default. */
export function parseShortlistQuery(params: URLSearchParams): ShortlistQuery {
  const view = params.get("vue") === "tableau" ? "tableau" : "liste";
  const rawStage = params.get("etape") ?? "";
  const stage: StageFilter = rawStage === "en-cours" ? "en-cours" : isStage(rawStage) ? rawStage : null;
  const rawSource = params.get("source") ?? "";
  const source = (SOURCES as readonly string[]).includes(rawSource) ? (rawSource as Source) : null;
  const q = (params.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100);
  const rawSort = params.get("sort") ?? "";
  const sort = (SHORTLIST_SORTS as readonly string[]).includes(rawSort) ? (rawSort as ShortlistSort) : "stage";
  const desc = params.get("dir") === "desc";
  const size = (SHORTLIST_PAGE_SIZES as readonly number[]).includes(Number(params.get("size"))) ? Number(params.get("size")) : DEFAULT_PAGE_SIZE;
  const pageParam = Number(params.get("page"));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const asked = params.getAll("cols").filter((c): c is ShortlistColumn => (SHORTLIST_COLUMNS as readonly string[]).includes(c));
  const columns = asked.length ? SHORTLIST_COLUMNS.filter((c) => c === "label" || asked.includes(c)) : [...DEFAULT_COLUMNS];
  return { view, stage, source, q, sort, desc, page, size, columns };
}

/** The query string of a list state (no "?"), defaults left out. */
export function shortlistQueryString(query: ShortlistQuery, changes: Partial<ShortlistQuery> = {}): string {
  const s = { ...query, ...changes };
  const out = new URLSearchParams();
  if (s.view !== "liste") out.set("vue", s.view);
  if (s.stage) out.set("etape", s.stage);
  if (s.source) out.set("source", s.source);
  if (s.q) out.set("q", s.q);
  if (s.sort !== "stage") out.set("sort", s.sort);
  if (s.desc) out.set("dir", "desc");
  if (s.size !== DEFAULT_PAGE_SIZE) out.set("size", String(s.size));
  if (s.page > 1) out.set("page", String(s.page));
  const defaults = s.columns.length === DEFAULT_COLUMNS.length && DEFAULT_COLUMNS.every((c) => s.columns.includes(c));
  if (!defaults) for (const c of s.columns) out.append("cols", c);
  return out.toString();
}

// ---------------------------------------------------------------------------------------------
// Forms of the mission page

export const ID = z.string().trim().regex(/^[a-z0-9]{10,40}$/, "Identifiant invalide.");

export const staffSchema = z.object({ userId: ID });

/** « 2026-12-15 » from a date input, or empty to clear the planned presentation. */
export const presentationSchema = z.object({
  date: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): Date | null => {
      if (!v) return null;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
      if (!d || Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m![3])) {
        ctx.addIssue({ code: "custom", message: "Indiquez la date de présentation au format jj/mm/aaaa." });
        return z.NEVER;
      }
      return d;
    }),
});

/** What the list's bulk form does with the selected entries. */
export const BULK_OPERATIONS = ["message", "exit:NOT_RETAINED", "exit:WITHDREW", ...PIPELINE.filter((s) => s !== "PRESENTED").map((s) => `move:${s}` as const)] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

/** How many entries one bulk action may take: a page of the largest size. */
export const BULK_MAX = 100;

export const bulkSchema = z.object({
  ids: z.array(ID).min(1, "Cochez au moins un candidat dans la liste.").max(BULK_MAX, `Cochez ${BULK_MAX} candidats au plus.`),
  operation: z.enum(BULK_OPERATIONS, { error: "Choisissez une action pour les candidats cochés." }),
});

/** « Ajouter une personne rencontrée hors de Vivier »: the CV is checked apart (a file). */
export const externalEntrySchema = z.object({
  name: z.string({ error: "Indiquez le nom de la personne." }).trim().min(2, "Indiquez le prénom et le nom de la personne.").max(120, "Le nom ne peut dépasser 120 caractères."),
  email: z
    .string({ error: "Indiquez son adresse e-mail." })
    .trim()
    .min(1, "Indiquez son adresse e-mail : l’invitation à créer son espace candidat y sera envoyée.")
    .max(254, "Cette adresse e-mail est trop longue.")
    .pipe(z.email("Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr)."))
    .transform((v) => v.toLowerCase()),
});

/** A link's list of entry ids (?ids=…&ids=…), bounded and checked. */
export function idsFrom(params: URLSearchParams | FormData): string[] {
  const values = params.getAll("ids").filter((v): v is string => typeof v === "string" && /^[a-z0-9]{10,40}$/.test(v));
  return [...new Set(values)].slice(0, BULK_MAX);
}
