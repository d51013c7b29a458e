import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from "meilisearch";
import { filiereLabel } from "../app/reference/statute";
import { distanceKm, getCommune, getDepartement } from "../app/reference/territory.server";
import { effectiveSort, OFFERS_PER_PAGE, type OfferSearchParams, type OfferSort } from "../app/schemas/offer-search";
import type { PositionDocument } from "./documents";

/**
 * The public offer search: full text, facets (filière, catégorie, département, logement proposé,
 * télétravail) and distance around a commune, on the `positions` index. Only published,
 * non-confidential positions are in that index (positionDocument decides), so nothing here
 * filters on who is looking: every visitor may see every hit.
 *
 * Facets are disjunctive: ticking "Catégorie A" keeps the counts of B and C, so that a visitor
 * can add them. Each facet with a selection gets a query of its own, without its own filter, in
 * the same multi-search request as the hits (one round trip).
 */

export const OFFER_INDEX = "positions";

/** A line of the result list, as OfferList (app/components/positions) renders it. */
export type OfferHit = {
  id: string;
  title: string;
  /** The title with the words that matched in <mark>, HTML-escaped; only when there is a query. */
  titleHtml?: string;
  organizationName: string;
  communeName: string | null;
  departementCode: string | null;
  departementName: string | null;
  categorie: string;
  filiereLabel: string;
  salaryMin: number | null;
  salaryMax: number | null;
  housing: string;
  remoteDays: number;
  deadline: number | null;
  publishedAt: number;
  /** From the commune searched around, in km (one decimal); null without one. */
  distanceKm: number | null;
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };

export type OfferFacets = {
  filiere: FacetValue[];
  categorie: FacetValue[];
  departement: FacetValue[];
  housing: FacetValue;
  telework: FacetValue;
};

export type OfferSearchResult = {
  hits: OfferHit[];
  /** Offers that match (Meilisearch counts exactly up to pagination.maxTotalHits). */
  total: number;
  page: number;
  pageCount: number;
  sort: OfferSort;
  facets: OfferFacets;
  /** The commune searched around, when the code was one. */
  near: { code: string; name: string; departementCode: string; radiusKm: number } | null;
  /** A commune code was given that is not in the official list (the distance was not applied). */
  unknownCommune: boolean;
};

const RETRIEVED: (keyof PositionDocument)[] = [
  "id", "title", "organizationName", "communeName", "departementCode", "departementName", "categorie", "filiereLabel",
  "salaryMin", "salaryMax", "housing", "remoteDays", "deadline", "publishedAt", "_geo",
];

/** A Meilisearch filter string literal. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function anyOf(attribute: string, values: string[]): string {
  return `${attribute} IN [${values.map(quote).join(", ")}]`;
}

type FacetKey = "filiere" | "categorie" | "departement";
const FACET_ATTRIBUTE: Record<FacetKey, string> = { filiere: "filiere", categorie: "categorie", departement: "departementCode" };

// Markers Meilisearch puts around matched words; the text is escaped before they become <mark>.
const PRE = "\uE000";
const POST = "\uE001";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Meilisearch does not escape what it highlights: escape, then turn the markers into <mark>. */
export function highlightToHtml(formatted: string): string {
  return escapeHtml(formatted).replaceAll(PRE, "<mark>").replaceAll(POST, "</mark>");
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase("fr") + s.slice(1);

function facetValues(
  distribution: Record<string, number> | undefined,
  selected: string[],
  label: (value: string) => string,
): FacetValue[] {
  const counts = new Map(Object.entries(distribution ?? {}));
  // A ticked value no longer matched by the other filters stays listed, so it can be unticked.
  for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
  return [...counts].map(([value, count]) => ({ value, label: label(value), count, selected: selected.includes(value) }));
}

/** Runs an offer search. Throws when Meilisearch cannot answer (the page says so in French). */
export async function searchOffers(
  client: Meilisearch,
  params: OfferSearchParams,
  { indexUid = OFFER_INDEX, timeoutMs = 5000 }: { indexUid?: string; timeoutMs?: number } = {},
): Promise<OfferSearchResult> {
  const commune = params.communeCode ? getCommune(params.communeCode) : undefined;
  const near = commune ? { code: commune.code, name: commune.name, departementCode: commune.departementCode, radiusKm: params.radiusKm } : null;
  const sort = effectiveSort({ ...params, communeCode: near ? params.communeCode : "" });

  const selections: Record<FacetKey, string[]> = {
    filiere: params.filieres,
    categorie: params.categories,
    departement: params.departements,
  };
  // Every filter, by name, so that a facet's own query can leave its filter out.
  const filters: Record<string, string> = {};
  for (const key of Object.keys(selections) as FacetKey[]) {
    if (selections[key].length) filters[key] = anyOf(FACET_ATTRIBUTE[key], selections[key]);
  }
  if (params.housing) filters.housing = "housingOffered = true";
  if (params.telework) filters.telework = "telework = true";
  if (commune) filters.near = `_geoRadius(${commune.lat}, ${commune.lon}, ${Math.round(params.radiusKm * 1000)})`;
  const except = (name?: string) => Object.entries(filters).filter(([k]) => k !== name).map(([, f]) => f);

  const main: MultiSearchQuery = {
    indexUid,
    q: params.q,
    filter: except(),
    facets: ["filiere", "categorie", "departementCode", "housingOffered", "telework"],
    page: params.page,
    hitsPerPage: OFFERS_PER_PAGE,
    attributesToRetrieve: RETRIEVED,
    sort: sort === "recentes" ? ["publishedAt:desc"] : sort === "distance" && commune ? [`_geoPoint(${commune.lat}, ${commune.lon}):asc`, "publishedAt:desc"] : undefined,
    ...(params.q ? { attributesToHighlight: ["title"], highlightPreTag: PRE, highlightPostTag: POST } : {}),
  };
  const disjunctive = (Object.keys(selections) as FacetKey[]).filter((key) => selections[key].length > 0);
  const queries: MultiSearchQuery[] = [
    main,
    ...disjunctive.map((key) => ({ indexUid, q: params.q, filter: except(key), facets: [FACET_ATTRIBUTE[key]], limit: 0 })),
  ];

  const { results } = await client.multiSearch({ queries }, { signal: AbortSignal.timeout(timeoutMs) });
  const [found, ...facetResults] = results as MultiSearchResult<PositionDocument>[];
  const distribution = (key: FacetKey) => {
    const own = disjunctive.indexOf(key);
    const source = own >= 0 ? facetResults[own] : found;
    return source?.facetDistribution?.[FACET_ATTRIBUTE[key]];
  };

  const hits: OfferHit[] = found.hits.map((doc) => ({
    id: doc.id,
    title: doc.title,
    ...(params.q && doc._formatted?.title ? { titleHtml: highlightToHtml(doc._formatted.title) } : {}),
    organizationName: doc.organizationName,
    communeName: doc.communeName,
    departementCode: doc.departementCode,
    departementName: doc.departementName,
    categorie: doc.categorie,
    filiereLabel: doc.filiereLabel,
    salaryMin: doc.salaryMin,
    salaryMax: doc.salaryMax,
    housing: doc.housing,
    remoteDays: doc.remoteDays,
    deadline: doc.deadline,
    publishedAt: doc.publishedAt,
    distanceKm: commune && doc._geo ? Math.round(distanceKm({ lat: commune.lat, lon: commune.lon }, { lat: doc._geo.lat, lon: doc._geo.lng }) * 10) / 10 : null,
  }));

  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label, "fr");
  const booleanFacet = (attribute: string, label: string, selected: boolean): FacetValue => ({
    value: "1",
    label,
    count: found.facetDistribution?.[attribute]?.true ?? 0,
    selected,
  });
  const total = found.totalHits ?? 0;
  return {
    hits,
    total,
    page: params.page,
    pageCount: Math.max(1, found.totalPages ?? 1),
    sort,
    facets: {
      filiere: facetValues(distribution("filiere"), params.filieres, (code) => capitalize(filiereLabel(code))).sort((a, b) => a.label.localeCompare(b.label, "fr")),
      categorie: facetValues(distribution("categorie"), params.categories, (c) => `Catégorie ${c}`).sort((a, b) => a.value.localeCompare(b.value)),
      departement: facetValues(distribution("departement"), params.departements, (code) => {
        const d = getDepartement(code);
        return d ? `${d.name} (${code})` : code;
      }).sort(byCount),
      housing: booleanFacet("housingOffered", "Logement de fonction proposé", params.housing),
      telework: booleanFacet("telework", "Télétravail possible", params.telework),
    },
    near,
    unknownCommune: !!params.communeCode && !commune,
  };
}
