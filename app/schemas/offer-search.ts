import { z } from "zod";
import { readPage } from "~/utils/pagination";
import { CATEGORIES, FILIERES } from "~/reference/statute";

/**
 * The public offer search (/offres) as its URL carries it: every piece of state is a GET
 * parameter, so a search can be bookmarked, shared and replayed with the back button, and the
 * form works before JavaScript. The URL speaks French (what visitors see), the code English.
 * A search URL is typed by anyone: values that are not understood are dropped rather than
 * refused, except a commune that is not a commune, which the page points out. Browser-safe.
 */

export const OFFER_RADII_KM = [10, 20, 30, 50, 100, 200] as const;
export const DEFAULT_RADIUS_KM = 30;

export const OFFER_SORTS = ["pertinence", "recentes", "distance"] as const;
export type OfferSort = (typeof OFFER_SORTS)[number];
export const OFFER_SORT_LABEL: Record<OfferSort, string> = {
  pertinence: "Pertinence",
  recentes: "Les plus récentes",
  distance: "Les plus proches",
};

export const OFFERS_PER_PAGE = 20;
/** Meilisearch's pagination.maxTotalHits (search/settings.ts) stops there. */
export const MAX_OFFER_PAGE = 50;

const FILIERE_CODES = FILIERES.map((f) => f.code);
/** Two characters (01…95, 2A, 2B) or three for the overseas départements (971…976). */
const DEPARTEMENT_CODE = /^(?:\d{2}|2[AB]|97\d)$/;
/** An INSEE commune code: five characters, 2A/2B for Corsica. */
const COMMUNE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

export type OfferSearchParams = {
  q: string;
  filieres: string[];
  categories: string[];
  departements: string[];
  /** Only offers with a logement de fonction. */
  housing: boolean;
  /** Only offers with at least one day of télétravail. */
  telework: boolean;
  /** INSEE code of the commune the search is around, or "". */
  communeCode: string;
  radiusKm: number;
  /** The sort asked for; see effectiveSort for the one applied. */
  sort: OfferSort | "";
  page: number;
};

const list = (allowed: (value: string) => boolean) =>
  z.array(z.string()).transform((values) => [...new Set(values.map((v) => v.trim()))].filter(allowed));

const flag = z.string().optional().transform((v) => v === "1" || v === "on" || v === "true");

const schema = z.object({
  q: z.string().optional().transform((v) => (v ?? "").replace(/\s+/g, " ").trim().slice(0, 200)),
  filiere: list((v) => FILIERE_CODES.includes(v)),
  categorie: list((v) => (CATEGORIES as readonly string[]).includes(v)),
  departement: z.array(z.string()).transform((values) => [...new Set(values.map((v) => v.trim().toUpperCase()))].filter((v) => DEPARTEMENT_CODE.test(v))),
  logement: flag,
  teletravail: flag,
  commune: z.string().optional().transform((v) => (v ?? "").trim().toUpperCase()),
  rayon: z.string().optional().transform((v) => {
    const n = Number(v);
    return (OFFER_RADII_KM as readonly number[]).includes(n) ? n : DEFAULT_RADIUS_KM;
  }),
  tri: z.string().optional().transform((v) => ((OFFER_SORTS as readonly string[]).includes(v ?? "") ? (v as OfferSort) : "")),
  page: z.string().optional().transform((v) => readPage(v, MAX_OFFER_PAGE)),
});

export type OfferSearchInput = { params: OfferSearchParams; errors: { commune?: string } };

/** Reads a search from the URL's parameters; never throws. */
export function parseOfferSearch(search: URLSearchParams): OfferSearchInput {
  const raw = {
    q: search.get("q") ?? undefined,
    filiere: search.getAll("filiere"),
    categorie: search.getAll("categorie"),
    departement: search.getAll("departement"),
    logement: search.get("logement") ?? undefined,
    teletravail: search.get("teletravail") ?? undefined,
    commune: search.get("commune") ?? undefined,
    rayon: search.get("rayon") ?? undefined,
    tri: search.get("tri") ?? undefined,
    page: search.get("page") ?? undefined,
  };
  // Every field has a fallback, so this cannot fail; safeParse keeps it that way if one is added.
  const parsed = schema.safeParse(raw);
  const v = parsed.success ? parsed.data : schema.parse({ filiere: [], categorie: [], departement: [] });
  const errors: OfferSearchInput["errors"] = {};
  let communeCode = v.commune;
  if (communeCode && !COMMUNE_CODE.test(communeCode)) {
    errors.commune = "Cette commune n’est pas reconnue : choisissez-la dans la liste proposée, ou saisissez son code INSEE à 5 caractères.";
    communeCode = "";
  }
  return {
    params: {
      q: v.q,
      filieres: v.filiere,
      categories: v.categorie,
      departements: v.departement,
      housing: v.logement,
      telework: v.teletravail,
      communeCode,
      radiusKm: v.rayon,
      sort: v.tri,
      page: v.page,
    },
    errors,
  };
}

/** The sort really applied: distance needs a commune, relevance needs words to weigh. */
export function effectiveSort(params: Pick<OfferSearchParams, "q" | "communeCode" | "sort">): OfferSort {
  if (params.sort === "distance" && params.communeCode) return "distance";
  if (params.sort === "recentes") return "recentes";
  return params.q ? "pertinence" : "recentes";
}

/** True when the visitor narrowed the search in any way (for the empty state's wording). */
export function isNarrowed(params: OfferSearchParams): boolean {
  return !!(params.q || params.filieres.length || params.categories.length || params.departements.length || params.housing || params.telework || params.communeCode);
}

/** The URL parameters of a search (the inverse of parseOfferSearch), defaults left out. */
export function offerSearchToParams(params: Partial<OfferSearchParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  for (const v of params.filieres ?? []) out.append("filiere", v);
  for (const v of params.categories ?? []) out.append("categorie", v);
  for (const v of params.departements ?? []) out.append("departement", v);
  if (params.housing) out.set("logement", "1");
  if (params.telework) out.set("teletravail", "1");
  if (params.communeCode) {
    out.set("commune", params.communeCode);
    out.set("rayon", String(params.radiusKm ?? DEFAULT_RADIUS_KM));
  }
  if (params.sort) out.set("tri", params.sort);
  if (params.page && params.page > 1) out.set("page", String(params.page));
  return out;
}
