import { z } from "zod";
import { readPage } from "~/utils/pagination";
import { CADRES, CATEGORIES, FILIERES, type Categorie } from "~/reference/statute";
import { STATUSES, type Status } from "~/schemas/profile";
import { MIN_RADIUS_KM, RADIUS_STEP_KM, effectiveRadiusKm } from "~/access/anonymous-distance";

/**
 * A talent search as its URL holds it (/cabinet/vivier?q=…&categorie=A&commune=68224&radius=50).
 * The URL is the whole state: a GET form writes it, the back button and a shared link restore
 * it, a saved search stores it. Reading is lenient (a value we do not know is dropped, as a link
 * may be old), except for what a person typed: salary bounds get a French message.
 * Safe in the browser (whether a commune exists is checked by the server).
 */

/** When a candidate can start, in buckets; the talent search index stores the same codes (search/documents.ts). */
export const AVAILABILITIES = ["immediate", "3mois", "6mois", "plus"] as const;
export type Availability = (typeof AVAILABILITIES)[number];
export const AVAILABILITY_LABEL: Record<Availability, string> = {
  immediate: "Disponible dès maintenant",
  "3mois": "Dans les 3 mois",
  "6mois": "Dans les 6 mois",
  plus: "Au-delà de 6 mois",
};

export const TALENT_SORTS = ["relevance", "recent", "distance"] as const;
export type TalentSort = (typeof TALENT_SORTS)[number];
export const TALENT_SORT_LABEL: Record<TalentSort, string> = {
  relevance: "Pertinence",
  recent: "Activité récente",
  distance: "Distance (par tranches, les plus proches d’abord)",
};

/**
 * Radii offered by the form, in km. The URL may hold any number up to the maximum: the search
 * draws effectiveRadiusKm of it (at least 20 km, in steps of 10: app/access/anonymous-distance.ts).
 */
export const RADII = [20, 30, 40, 50, 60, 80, 100, 150, 200] as const;
export const MAX_RADIUS_KM = 300;
export const DEFAULT_RADIUS_KM = 50;
export const HITS_PER_PAGE = 20;
/** The index answers at most 1000 hits (pagination.maxTotalHits): 50 pages of 20. */
export const MAX_PAGE = 50;
export const MAX_QUERY_LENGTH = 200;

export type TalentSearch = {
  q: string;
  filiere: string[];
  categorie: Categorie[];
  cadre: string[];
  statut: Status[];
  departement: string[];
  region: string[];
  availability: Availability[];
  needsHousing: boolean;
  relocation: boolean;
  /** Only lauréat(e)s de concours on a liste d'aptitude. */
  laureat: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  /** INSEE code of the commune the radius is drawn around. */
  commune: string | null;
  radius: number;
  sort: TalentSort;
  page: number;
  /** The mission the search is run for (its id), if any. */
  mission: string | null;
};

export type TalentSearchErrors = Partial<Record<"salaryMin" | "salaryMax" | "commune" | "sort", string>>;
/** What the search changed in what was asked, and why (French): the search ran as changed. */
export type TalentSearchNotes = Partial<Record<"radius", string>>;

const FILIERE_CODES = FILIERES.map((f) => f.code);
const CADRE_CODES = CADRES.map((c) => c.code);
const DEPARTEMENT_CODE = /^(\d{2}|2A|2B|97[1-8]|98[4-9])$/;
const REGION_CODE = /^\d{2,3}$/;
const COMMUNE_CODE = /^[0-9][0-9AB][0-9]{3}$/;
const ID = /^[a-z0-9]{10,40}$/;

const LIST_MAX = 120;

/** Kept values of a repeated parameter: known ones, each once, in the order given. */
function listOf<T extends string>(accept: (v: string) => boolean) {
  return z
    .array(z.string())
    .transform((values) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== "" && accept(v)))].slice(0, LIST_MAX) as T[]);
}

const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);
const checkbox = z.string().optional().transform((v) => v === "1" || v === "true" || v === "on");

/** "45 000", "45000", "45 000 €": euros a year, or a message. */
function salary(label: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | null => {
      const s = (raw ?? "").replace(/[\s\u00a0\u202f€]/g, "");
      if (s === "") return null;
      if (!/^\d{1,7}$/.test(s)) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez un montant annuel en euros, en chiffres (exemple : 45000).` });
        return z.NEVER;
      }
      const n = Number(s);
      if (n > 500_000) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez un montant annuel de 500 000 € au plus.` });
        return z.NEVER;
      }
      return n;
    });
}

const rawSchema = z.object({
  q: z.string().optional().transform((v) => (v ?? "").trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH)),
  filiere: listOf<string>(oneOf(FILIERE_CODES)),
  categorie: listOf<Categorie>(oneOf(CATEGORIES)),
  cadre: listOf<string>(oneOf(CADRE_CODES)),
  statut: listOf<Status>(oneOf(STATUSES)),
  departement: listOf<string>((v) => DEPARTEMENT_CODE.test(v)),
  region: listOf<string>((v) => REGION_CODE.test(v)),
  availability: listOf<Availability>(oneOf(AVAILABILITIES)),
  needsHousing: checkbox,
  relocation: checkbox,
  laureat: checkbox,
  salaryMin: salary("Prétention minimale"),
  salaryMax: salary("Prétention maximale"),
  commune: z.string().optional().transform((v) => (v ?? "").trim().toUpperCase()),
  // As asked (the effective radius is decided below, with a note); unreadable: the default.
  radius: z.string().optional().transform((v) => {
    const n = Number(v);
    return Number.isFinite(n) && n > 0 && n <= MAX_RADIUS_KM ? n : DEFAULT_RADIUS_KM;
  }),
  sort: z.string().optional().transform((v) => ((TALENT_SORTS as readonly string[]).includes(v ?? "") ? (v as TalentSort) : "relevance")),
  page: z.string().optional().transform((v) => readPage(v, MAX_PAGE)),
  mission: z.string().optional().transform((v) => (v && ID.test(v) ? v : null)),
});

const LIST_KEYS = ["filiere", "categorie", "cadre", "statut", "departement", "region", "availability"] as const;

/**
 * A facet of the page shows this many values (those with the most profiles, in a fixed order
 * for the short lists) and the ticked ones; « Afficher les N autres choix » unfolds the rest
 * (`deplier=<facet>` in the URL). Not part of the search: a saved search does not keep it.
 */
export const FACET_SHOWN_OPTIONS = 8;
export const UNFOLD_PARAM = "deplier";
export type TalentFacetName = (typeof LIST_KEYS)[number];

/** The facets the URL unfolds (`deplier=departement`…): known names only, each once. */
export function unfoldedFacets(params: URLSearchParams): TalentFacetName[] {
  const asked = new Set(params.getAll(UNFOLD_PARAM));
  return LIST_KEYS.filter((k) => asked.has(k));
}
const SINGLE_KEYS = ["q", "needsHousing", "relocation", "laureat", "salaryMin", "salaryMax", "commune", "radius", "sort", "page", "mission"] as const;

/** Reads a search out of a URL's parameters; never fails: what cannot be used is dropped or explained. */
export function parseTalentSearch(params: URLSearchParams): { search: TalentSearch; errors: TalentSearchErrors; notes: TalentSearchNotes } {
  const input: Record<string, unknown> = {};
  for (const key of LIST_KEYS) input[key] = params.getAll(key);
  for (const key of SINGLE_KEYS) {
    const value = params.get(key);
    if (value !== null) input[key] = value;
  }
  const errors: TalentSearchErrors = {};
  const parsed = rawSchema.safeParse(input);
  let data: z.infer<typeof rawSchema>;
  if (parsed.success) data = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof TalentSearchErrors;
      errors[key] ??= issue.message;
    }
    // The fields in error are read as empty; the rest of the search still runs.
    const again = { ...input };
    for (const key of Object.keys(errors)) delete again[key];
    data = rawSchema.parse(again);
  }

  const notes: TalentSearchNotes = {};
  const search: TalentSearch = { ...data, commune: null, radius: effectiveRadiusKm(data.radius) };
  if (data.commune) {
    if (COMMUNE_CODE.test(data.commune)) search.commune = data.commune;
    else errors.commune = "Choisissez la commune dans la liste, ou indiquez son code INSEE (5 caractères, exemple : 68224).";
  }
  if (search.commune && search.radius !== data.radius) notes.radius = radiusNote(search.radius, data.radius);
  if (search.salaryMin !== null && search.salaryMax !== null && search.salaryMin > search.salaryMax) {
    errors.salaryMax = "La prétention maximale doit être supérieure ou égale à la minimale.";
    search.salaryMax = null;
  }
  if (search.sort === "distance" && !search.commune) {
    errors.sort = "Le tri par distance demande une commune : les résultats sont classés par pertinence.";
    search.sort = "relevance";
  }
  return { search, errors, notes };
}

/** Why the radius drawn is not the one asked. */
function radiusNote(drawn: number, asked: number): string {
  const why = `pour protéger les candidats anonymes, le rayon est d’au moins ${MIN_RADIUS_KM} km, par paliers de ${RADIUS_STEP_KM} km.`;
  return `Rayon porté à ${drawn} km (${asked.toLocaleString("fr-FR")} km demandés) : ${why}`;
}

export function emptyTalentSearch(): TalentSearch {
  return parseTalentSearch(new URLSearchParams()).search;
}

/**
 * The canonical query string of a search (no "?"): fixed order, defaults left out, so that the
 * same search always gives the same URL. `page: false` leaves the page out (saved searches).
 */
export function talentSearchQuery(search: TalentSearch, { page = true }: { page?: boolean } = {}): string {
  const out = new URLSearchParams();
  if (search.mission) out.set("mission", search.mission);
  if (search.q) out.set("q", search.q);
  for (const key of LIST_KEYS) for (const v of search[key]) out.append(key, v);
  if (search.needsHousing) out.set("needsHousing", "1");
  if (search.relocation) out.set("relocation", "1");
  if (search.laureat) out.set("laureat", "1");
  if (search.salaryMin !== null) out.set("salaryMin", String(search.salaryMin));
  if (search.salaryMax !== null) out.set("salaryMax", String(search.salaryMax));
  if (search.commune) {
    out.set("commune", search.commune);
    out.set("radius", String(search.radius));
  }
  if (search.sort !== "relevance") out.set("sort", search.sort);
  if (page && search.page > 1) out.set("page", String(search.page));
  return out.toString();
}

/** Whether the search narrows anything (an empty one lists the whole pool). */
export function isEmptyTalentSearch(search: TalentSearch): boolean {
  return talentSearchQuery({ ...search, sort: "relevance", mission: null }, { page: false }) === "";
}

// ---------------------------------------------------------------------------------------------
// The map of a mission's market feasibility (/cabinet/missions/:id?carte=…)

/**
 * Which profiles the map counts: those meeting every must-have (the default), or a wider circle
 * when that one is empty and the consultant wants to see where the nearest profiles are.
 */
export const MAP_POPULATIONS = ["exigences", "statut", "filiere"] as const;
export type MapPopulation = (typeof MAP_POPULATIONS)[number];
export const MAP_POPULATION_LABEL: Record<MapPopulation, string> = {
  exigences: "Profils réunissant les exigences indispensables",
  statut: "Profils de même filière, catégorie, cadre d’emplois et grade",
  filiere: "Profils de même filière et catégorie",
};

export function parseMapPopulation(value: string | null): MapPopulation {
  return (MAP_POPULATIONS as readonly string[]).includes(value ?? "") ? (value as MapPopulation) : "exigences";
}

// ---------------------------------------------------------------------------------------------
// Saved searches

export const SAVED_SEARCH_NAME_MAX = 80;

export const savedSearchSchema = z.object({
  name: z
    .string({ error: "Donnez un nom à cette recherche." })
    .trim()
    .min(1, "Donnez un nom à cette recherche (exemple : Urbanisme autour de Mulhouse).")
    .max(SAVED_SEARCH_NAME_MAX, `Le nom ne peut dépasser ${SAVED_SEARCH_NAME_MAX} caractères.`),
  query: z.string().max(4000, "Cette recherche est trop longue pour être enregistrée.").default(""),
});
