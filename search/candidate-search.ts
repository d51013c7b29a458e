import type { Meilisearch, MultiSearchQuery, SearchParams, SearchResponse } from "meilisearch";
import { actingKeys, identityOpenToCabinets, meiliString, notHiddenFromFilter, talentPoolFilter } from "../app/access/rules";
import { communesWithin, distanceKm, type CommuneAtDistance } from "../app/reference/territory.server";
import { distanceBand, effectiveRadiusKm, type DistanceBand } from "../app/access/anonymous-distance";
import { searchErrorCode } from "./client";
import { competencyKey } from "./competency-keys";
import type { Availability, CandidateDocument } from "./documents";

/**
 * The portal's search of the talent pool: the one function that turns a consultant's search into
 * a Meilisearch query, and the one that counts profiles for the market feasibility panel. Plain
 * functions with no Remix dependency (the benchmark calls them as the portal does).
 *
 * Confidentiality is part of every query sent from here, never left to the caller or the page:
 *
 * - only ANONYMOUS and VISIBLE documents (HIDDEN profiles are not indexed at all; the filter
 *   would still drop one that slipped in);
 * - never a profile whose hiddenFrom holds the viewer's own organisation (the cabinet) or any
 *   organisation the viewer presents profiles to (see CandidateSearchViewer.presentingTo);
 * - an anonymous hit leaves this module without name, e-mail, current employer or home commune:
 *   they are not asked for unless needed, and are removed in code whatever the index returned;
 * - no circle smaller than the rule of app/access/anonymous-distance.ts, an anonymous hit's distance
 *   as a band, and the distance sort by band (the same module says why).
 */

export const CANDIDATES_INDEX = "candidates";

/**
 * Who is searching. Built by the domain (app/domain/talent-search.server.ts: the rule of which
 * collectivités a consultant presents to lives there); this module only enforces it.
 */
export type CandidateSearchViewer = {
  /** Official key of the viewer's own organisation (for a consultant: CAB-<siren>). Required. */
  organizationKey: string;
  /** Official keys of the organisations the results may be presented to (the clients). */
  presentingTo: readonly string[];
};

export const CANDIDATE_SORTS = ["relevance", "recent", "distance"] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

/** Narrowing conditions, in the index's own vocabulary. Empty lists mean "no condition". */
export type CandidateFilters = {
  filiere?: readonly string[];
  categorie?: readonly string[];
  cadreEmplois?: readonly string[];
  grade?: readonly string[];
  status?: readonly string[];
  departementCode?: readonly string[];
  regionCode?: readonly string[];
  availability?: readonly string[];
  /**
   * Every one of these competencies, as labels: a profile holds one when one of its own has the
   * same key (search/competency-keys.ts: case, accents, plurals and the trade's synonyms aside).
   */
  competencies?: readonly string[];
  /** true: only profiles that need housing; false or absent: no condition. */
  needsHousing?: boolean;
  /** true: only profiles that accept to relocate; false or absent: no condition. */
  willingToRelocate?: boolean;
  /** true: only lauréat(e)s de concours on a liste d'aptitude (as their card shows it); false or absent: no condition. */
  laureate?: boolean;
  /** Salary expectation bounds, in euros a year; a profile without one is left out when set. */
  salaryMin?: number;
  salaryMax?: number;
  /** Home within radiusKm of the point; a radius under the rule is raised (effectiveRadiusKm). */
  around?: { lat: number; lng: number; radiusKm: number };
  /** Only profiles active (created, edited, made visible…) after this instant, in ms. */
  activeAfter?: number;
};

export type CandidateSearchParams = CandidateFilters & {
  q?: string;
  /** "distance" needs `around`; without it the results come by relevance. */
  sort?: CandidateSort;
  /** 1-based. */
  page?: number;
  hitsPerPage?: number;
  /**
   * "disjunctive" (the default): each facet's counts ignore that facet's own selection, so that
   * ticking "catégorie A" still shows how many B there are; costs one extra facet-only query per
   * facet with a selection, in the same multi-search request. "simple": counts of the results
   * as they are, one query. "none": no counts.
   */
  facets?: "disjunctive" | "simple" | "none";
};

/** The facets the talent search counts, by index attribute. */
export const CANDIDATE_FACETS = [
  "filiere", "categorie", "cadreEmplois", "status", "departementCode", "regionCode", "availability", "needsHousing", "willingToRelocate",
] as const;
export type CandidateFacet = (typeof CANDIDATE_FACETS)[number];

/** A piece of text, highlighted or not: the page renders each as text, in <mark> when marked. */
export type TextSegment = { text: string; mark: boolean };

export type CandidateHighlights = {
  currentFunction?: TextSegment[];
  cadreLabel?: TextSegment[];
  grade?: TextSegment[];
  competencies?: TextSegment[][];
  name?: TextSegment[];
  currentEmployerName?: TextSegment[];
};

export type CandidateHit = {
  id: string;
  pseudonym: string;
  visibility: "ANONYMOUS" | "VISIBLE";
  /** Only for VISIBLE profiles: the keys are absent from an anonymous hit. */
  name?: string;
  email?: string;
  currentEmployerName?: string | null;
  /** Only for VISIBLE profiles (null otherwise): an anonymous profile shows its département. */
  homeCommuneName: string | null;
  currentFunction: string | null;
  cadreEmplois: string | null;
  cadreLabel: string | null;
  grade: string | null;
  categorie: string | null;
  filiere: string | null;
  filiereLabel: string | null;
  status: string | null;
  competencies: string[];
  yearsExperience: number | null;
  /**
   * An anonymous hit's card (the gate's rule 14): its family of functions, experience band and,
   * when even the région is too fine, its wide area; its currentFunction, grade and
   * yearsExperience are null, and the statute and place as coarse as its card.
   */
  functionFamily: string | null;
  experienceBand: string | null;
  areaName: string | null;
  /** Lauréat(e) de concours (null: the anonymous card does not say); which concours only for VISIBLE profiles. */
  laureate: boolean | null;
  laureateLabel: string | null;
  departementCode: string | null;
  departementName: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** From the search's point, when there is one, in whole km: only for VISIBLE profiles. */
  distanceKm: number | null;
  /** From the search's point, when there is one: all an anonymous profile tells of its distance. */
  distanceBand: DistanceBand | null;
  maxDistanceKm: number | null;
  willingToRelocate: boolean;
  needsHousing: boolean;
  salaryExpectation: number | null;
  availableFrom: number | null;
  availability: Availability;
  lastActivityAt: number;
  highlights: CandidateHighlights;
};

export type CandidateSearchResult = {
  hits: CandidateHit[];
  /** Exact up to the index's maxTotalHits (1000); `totalIsCapped` says when it is reached. */
  totalHits: number;
  totalIsCapped: boolean;
  page: number;
  totalPages: number;
  hitsPerPage: number;
  /** value → count, per facet (empty objects with facets: "none"). */
  facets: Record<CandidateFacet, Record<string, number>>;
  /** The sort actually applied ("distance" without a point falls back to "relevance"). */
  sort: CandidateSort;
  processingTimeMs: number;
};

export const MAX_HITS_PER_PAGE = 50;
/** The index's pagination.maxTotalHits (search/settings.ts): pages beyond it are empty. */
export const MAX_TOTAL_HITS = 1000;

// Markers Meilisearch puts around matched words: control characters no form lets anyone type
// (and removed from the text if someone managed to), split out in code, never parsed as HTML.
const PRE = "\u0001";
const POST = "\u0002";

// What a hit may carry out of the index. hiddenFrom is never displayed (settings.ts) nor asked.
const RETRIEVED = [
  "id", "pseudonym", "visibility", "name", "email", "currentEmployerName",
  "currentFunction", "cadreEmplois", "cadreLabel", "grade", "categorie", "filiere", "filiereLabel", "status",
  "competencies", "yearsExperience", "functionFamily", "experienceBand", "areaName", "laureate", "laureateLabel", "homeCommuneName", "departementCode", "departementName", "regionCode", "regionName", "_geo",
  "maxDistanceKm", "willingToRelocate", "needsHousing", "salaryExpectation", "availableFrom", "availability", "lastActivityAt",
] as const satisfies readonly (keyof CandidateDocument)[];

const HIGHLIGHTED = ["currentFunction", "cadreLabel", "grade", "competencies", "name", "currentEmployerName"] as const;

/**
 * What the text query looks at: the index's searchable attributes except the home commune, so
 * that typing a commune's name cannot reveal where an anonymous candidate lives (the commune
 * and radius fields are there for places).
 */
const SEARCHED_ON = [
  "currentFunction", "functionFamily", "competencies", "cadreLabel", "grade", "filiereLabel",
  "name", "pseudonym", "currentEmployerName", "departementName", "regionName",
];

/**
 * Meilisearch 1.21 refuses attributesToSearchOn naming an attribute that no document has ever
 * had (`name` while no profile is visible yet). So the list sent is SEARCHED_ON less the
 * attributes the index does not know, read from its stats once per client and again only
 * while some are missing (at most every 30 s) or after such a refusal (a rebuilt index).
 */
type KnownFields = { fields: string[]; complete: boolean; at: number };
const knownFields = new WeakMap<Meilisearch, KnownFields>();
const FIELDS_RECHECK_MS = 30_000;

async function searchedOn(client: Meilisearch, { refresh = false } = {}): Promise<string[]> {
  const cached = knownFields.get(client);
  if (cached && !refresh && (cached.complete || Date.now() - cached.at < FIELDS_RECHECK_MS)) return cached.fields;
  const stats = await client.index(CANDIDATES_INDEX).getStats();
  const present = new Set(Object.keys(stats.fieldDistribution ?? {}));
  const fields = SEARCHED_ON.filter((f) => present.has(f));
  knownFields.set(client, { fields, complete: fields.length === SEARCHED_ON.length, at: Date.now() });
  return fields;
}

const IDENTITY_FIELDS = ["name", "email", "currentEmployerName"] as const;

/** A filter string literal (the gate's quoting: a quote never ends the literal). */
export const filterValue = meiliString;

function anyOf(attribute: string, values: readonly string[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  return `${attribute} IN [${values.map(filterValue).join(", ")}]`;
}

/** The confidentiality clauses (the gate's rules 1 and 2), without which no query leaves this module. */
export function confidentialityFilter(viewer: CandidateSearchViewer): string[] {
  // Fail closed: a search with no known viewer would filter on nothing.
  if (!viewer.organizationKey?.trim()) throw new Error("A candidate search needs the viewer's organisation key.");
  return [talentPoolFilter, notHiddenFromFilter(actingKeys({ organizationKey: viewer.organizationKey, clients: viewer.presentingTo }))];
}

function finite(n: number | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

/** The clauses of one facet, so that disjunctive counts can leave them out. */
function facetClauses(f: CandidateFilters): Record<CandidateFacet, string | null> {
  return {
    filiere: anyOf("filiere", f.filiere),
    categorie: anyOf("categorie", f.categorie),
    cadreEmplois: anyOf("cadreEmplois", f.cadreEmplois),
    status: anyOf("status", f.status),
    departementCode: anyOf("departementCode", f.departementCode),
    regionCode: anyOf("regionCode", f.regionCode),
    availability: anyOf("availability", f.availability),
    needsHousing: f.needsHousing ? "needsHousing = true" : null,
    willingToRelocate: f.willingToRelocate ? "willingToRelocate = true" : null,
  };
}

function otherClauses(f: CandidateFilters): string[] {
  const out: string[] = [];
  const grade = anyOf("grade", f.grade);
  if (grade) out.push(grade);
  for (const key of new Set((f.competencies ?? []).map(competencyKey))) out.push(`competencyKeys = ${filterValue(key)}`);
  if (f.laureate) out.push("laureate = true");
  if (finite(f.salaryMin)) out.push(`salaryExpectation >= ${Math.round(f.salaryMin)}`);
  if (finite(f.salaryMax)) out.push(`salaryExpectation <= ${Math.round(f.salaryMax)}`);
  const nearby = communesAround(f.around);
  if (nearby) out.push(communeClause(nearby.map((c) => c.code)));
  if (finite(f.activeAfter)) out.push(`lastActivityAt > ${Math.floor(f.activeAfter)}`);
  return out;
}

/**
 * The communes of a search's circle, nearest first; undefined without a (valid) circle. Homes
 * are commune centres, so "within 50 km" is "in one of these communes", and a profile's distance
 * is its commune's: the index needs no geo data (search/settings.ts says why). The circle is the
 * effective one, never under the minimum, whoever calls (app/access/anonymous-distance.ts).
 */
function communesAround(around: CandidateFilters["around"]): readonly CommuneAtDistance[] | undefined {
  if (!around || !finite(around.lat) || !finite(around.lng) || !finite(around.radiusKm)) return undefined;
  return communesWithin({ lat: around.lat, lon: around.lng }, effectiveRadiusKm(around.radiusKm));
}

/** INSEE codes are digits and letters (2A, 2B): no quoting trouble, and `IN []` matches nothing. */
function communeClause(codes: readonly string[]): string {
  return `homeCommuneCode IN [${codes.map(filterValue).join(", ")}]`;
}

/** The whole filter of a query: confidentiality first, then the search's own conditions. */
export function candidateFilter(viewer: CandidateSearchViewer, filters: CandidateFilters, { except }: { except?: CandidateFacet } = {}): string[] {
  const byFacet = facetClauses(filters);
  const facetParts = CANDIDATE_FACETS.filter((k) => k !== except).map((k) => byFacet[k]).filter((c): c is string => c !== null);
  return [...confidentialityFilter(viewer), ...facetParts, ...otherClauses(filters)];
}

/** Cuts a highlighted string at the markers; the markers never reach the page. */
export function highlightSegments(formatted: string): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (text: string, mark: boolean) => {
    const clean = text.replaceAll(PRE, "").replaceAll(POST, "");
    if (clean === "") return;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += clean;
    else out.push({ text: clean, mark });
  };
  for (const [i, part] of formatted.split(PRE).entries()) {
    if (i === 0) {
      push(part, false);
      continue;
    }
    const end = part.indexOf(POST);
    if (end < 0) push(part, false);
    else {
      push(part.slice(0, end), true);
      push(part.slice(end + POST.length), false);
    }
  }
  return out;
}

const hasMark = (segments: TextSegment[]) => segments.some((s) => s.mark);

function highlightsOf(formatted: Record<string, unknown> | undefined, visible: boolean): CandidateHighlights {
  if (!formatted) return {};
  const out: CandidateHighlights = {};
  for (const key of visible ? (["currentFunction", "cadreLabel", "grade"] as const) : (["cadreLabel"] as const)) {
    const value = formatted[key];
    if (typeof value === "string" && value.includes(PRE)) out[key] = highlightSegments(value);
  }
  if (Array.isArray(formatted.competencies)) {
    const list = formatted.competencies.map((c) => highlightSegments(String(c)));
    if (list.some(hasMark)) out.competencies = list;
  }
  if (visible) {
    for (const key of ["name", "currentEmployerName"] as const) {
      const value = formatted[key];
      if (typeof value === "string" && value.includes(PRE)) out[key] = highlightSegments(value);
    }
  }
  return out;
}

/** Great-circle km between the search's point and a document's `_geo` (which says lng, not lon). */
function kmBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return distanceKm({ lat: a.lat, lon: a.lng }, { lat: b.lat, lon: b.lng });
}

type RawHit = Partial<CandidateDocument> & { _formatted?: Record<string, unknown> };

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * A hit as it may leave the module: identity, home commune and exact distance only for VISIBLE
 * profiles, whatever the index sent; an anonymous one tells its distance as a band.
 */
export function toCandidateHit(raw: RawHit, around?: { lat: number; lng: number }): CandidateHit {
  const visible = identityOpenToCabinets({ visibility: String(raw.visibility ?? "") });
  const km = around && raw._geo ? kmBetween(around, raw._geo) : null;
  const hit: CandidateHit = {
    id: String(raw.id),
    pseudonym: String(raw.pseudonym ?? ""),
    visibility: visible ? "VISIBLE" : "ANONYMOUS",
    homeCommuneName: visible ? str(raw.homeCommuneName) : null,
    // The index holds only an anonymous profile's card (search/documents.ts); these are dropped
    // in code too, whatever an index built before rule 14 still holds.
    currentFunction: visible ? str(raw.currentFunction) : null,
    cadreEmplois: str(raw.cadreEmplois),
    cadreLabel: str(raw.cadreLabel),
    grade: visible ? str(raw.grade) : null,
    categorie: str(raw.categorie),
    filiere: str(raw.filiere),
    filiereLabel: str(raw.filiereLabel),
    status: str(raw.status),
    competencies: Array.isArray(raw.competencies) ? raw.competencies.map(String) : [],
    yearsExperience: visible ? num(raw.yearsExperience) : null,
    functionFamily: visible ? null : str(raw.functionFamily),
    experienceBand: visible ? null : str(raw.experienceBand),
    areaName: visible ? null : str(raw.areaName),
    laureate: typeof raw.laureate === "boolean" ? raw.laureate : null,
    laureateLabel: visible ? str(raw.laureateLabel) : null,
    departementCode: str(raw.departementCode),
    departementName: str(raw.departementName),
    regionCode: str(raw.regionCode),
    regionName: str(raw.regionName),
    distanceKm: km !== null && visible ? Math.round(km) : null,
    distanceBand: km !== null ? distanceBand(km) : null,
    maxDistanceKm: num(raw.maxDistanceKm),
    willingToRelocate: raw.willingToRelocate === true,
    needsHousing: raw.needsHousing === true,
    salaryExpectation: num(raw.salaryExpectation),
    availableFrom: num(raw.availableFrom),
    availability: (raw.availability ?? "immediate") as Availability,
    lastActivityAt: num(raw.lastActivityAt) ?? 0,
    highlights: highlightsOf(raw._formatted, visible),
  };
  if (visible) {
    if (typeof raw.name === "string") hit.name = raw.name;
    if (typeof raw.email === "string") hit.email = raw.email;
    hit.currentEmployerName = str(raw.currentEmployerName);
  } else {
    for (const key of IDENTITY_FIELDS) delete (hit as Partial<CandidateHit>)[key];
  }
  return hit;
}

function emptyFacets(): Record<CandidateFacet, Record<string, number>> {
  return Object.fromEntries(CANDIDATE_FACETS.map((f) => [f, {}])) as Record<CandidateFacet, Record<string, number>>;
}

/** The engine's sort; "distance" is done here (see distancePlan), by band on the engine's order. */
function sortClause(sort: CandidateSort): string[] | undefined {
  return sort === "recent" ? ["lastActivityAt:desc"] : undefined;
}

/** The facets as the page shows them: each with the values that have the most profiles. */
const SHOWN_FACET_VALUES = 50;
function topValues(distribution: Record<string, number> | undefined): Record<string, number> {
  const entries = Object.entries(distribution ?? {});
  if (entries.length <= SHOWN_FACET_VALUES) return Object.fromEntries(entries);
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SHOWN_FACET_VALUES));
}

/** One query of a page sorted by distance: `limit` profiles from `offset` among these communes'. */
export type DistanceSlice = { communes: string[]; offset: number; limit: number };

/** Communes a sort by distance puts level: their profiles keep the engine's order among them. */
export type DistanceGroup = { communes: readonly string[] };

/**
 * What a sort by distance orders: the communes of the circle by distance band, nearest band
 * first (`toKm`, the band's outer radius, is the sort key). Not by commune: the order must tell
 * no more than the band an anonymous hit shows (app/access/anonymous-distance.ts).
 */
export function distanceGroups(nearestFirst: readonly CommuneAtDistance[]): Array<DistanceGroup & { toKm: number }> {
  const groups: Array<{ communes: string[]; toKm: number }> = [];
  for (const { code, km } of nearestFirst) {
    const { toKm } = distanceBand(km);
    const last = groups.at(-1);
    if (last && last.toKm === toKm) last.communes.push(code);
    else groups.push({ communes: [code], toKm });
  }
  return groups;
}

/**
 * Which profiles make up ranks [offset, offset + limit) when profiles are sorted by distance:
 * from the number of matching profiles per commune and the groups of communes nearest first, at
 * most three slices (the end of the first group, the whole groups between, the start of the
 * last). Profiles of one group are level: they keep the engine's order.
 */
export function distancePlan(
  perCommune: Readonly<Record<string, number>>,
  nearestFirst: readonly DistanceGroup[],
  offset: number,
  limit: number,
): DistanceSlice[] {
  const end = offset + limit;
  const touched: Array<{ communes: string[]; from: number; to: number; count: number }> = [];
  let before = 0;
  for (const group of nearestFirst) {
    // Only the communes with a matching profile: shorter filters, the same profiles.
    const communes = group.communes.filter((code) => (perCommune[code] ?? 0) > 0);
    const count = communes.reduce((n, code) => n + perCommune[code], 0);
    if (count === 0) continue;
    if (before + count > offset) touched.push({ communes, from: Math.max(offset - before, 0), to: Math.min(end - before, count), count });
    before += count;
    if (before >= end) break;
  }
  if (touched.length === 0) return [];
  const slice = (t: (typeof touched)[number]): DistanceSlice => ({ communes: t.communes, offset: t.from, limit: t.to - t.from });
  if (touched.length === 1) return [slice(touched[0])];
  const first = touched[0];
  const last = touched[touched.length - 1];
  const between = touched.slice(1, -1);
  return [
    slice(first),
    ...(between.length ? [{ communes: between.flatMap((t) => t.communes), offset: 0, limit: between.reduce((n, t) => n + t.count, 0) }] : []),
    slice(last),
  ];
}

/**
 * The hits of the slices in distance order: slices in turn, and within the slice of several
 * groups, nearest group first by the hit's key (its band). Array.prototype.sort is stable:
 * within a group, the engine's order stands.
 */
export function orderByDistance<H>(hitsOfSlices: readonly (readonly H[])[], key: (hit: H) => number): H[] {
  return hitsOfSlices.flatMap((hits) => (hits.length > 1 ? [...hits].sort((a, b) => key(a) - key(b)) : [...hits]));
}

/**
 * Searches the talent pool for a viewer: full text with highlighting, filters, facets, distance,
 * sort and pagination, with the confidentiality filter always applied (see the module comment).
 */
export async function searchCandidates(
  client: Meilisearch,
  viewer: CandidateSearchViewer,
  params: CandidateSearchParams,
): Promise<CandidateSearchResult> {
  try {
    return await runSearch(client, viewer, params, await searchedOn(client));
  } catch (error) {
    if (searchErrorCode(error) !== "invalid_search_attributes_to_search_on") throw error;
    return runSearch(client, viewer, params, await searchedOn(client, { refresh: true }));
  }
}

async function runSearch(
  client: Meilisearch,
  viewer: CandidateSearchViewer,
  params: CandidateSearchParams,
  attributesToSearchOn: string[],
): Promise<CandidateSearchResult> {
  const hitsPerPage = Math.min(MAX_HITS_PER_PAGE, Math.max(1, Math.floor(params.hitsPerPage ?? 20)));
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const around = params.around;
  const nearby = communesAround(around);
  const sort: CandidateSort = params.sort === "distance" && !nearby ? "relevance" : (params.sort ?? "relevance");
  const facetMode = params.facets ?? "disjunctive";
  const q = (params.q ?? "").trim();
  const searchOn = attributesToSearchOn.length ? attributesToSearchOn : undefined;

  const filter = candidateFilter(viewer, params);
  // What a page of hits asks for, whatever the sort.
  const hitsRequest = {
    q,
    attributesToRetrieve: [...RETRIEVED],
    attributesToSearchOn: searchOn,
    ...(q ? { attributesToHighlight: [...HIGHLIGHTED], highlightPreTag: PRE, highlightPostTag: POST } : {}),
  } satisfies SearchParams;
  // One facet-only query per facet with a selection, in the same request (disjunctive counts).
  const byFacet = facetClauses(params);
  const disjunctive = facetMode === "disjunctive" ? CANDIDATE_FACETS.filter((f) => byFacet[f] !== null) : [];
  const disjunctiveQueries: MultiSearchQuery[] = disjunctive.map((facet) => ({
    indexUid: CANDIDATES_INDEX,
    q,
    filter: candidateFilter(viewer, params, { except: facet }),
    attributesToSearchOn: searchOn,
    facets: [facet],
    limit: 0,
  }));
  const facetsAsked = facetMode === "none" ? [] : [...CANDIDATE_FACETS];

  let first: SearchResponse<RawHit>;
  let facetResults: SearchResponse<RawHit>[];
  let hits: RawHit[];
  let totalHits: number;
  let totalPages: number;
  let processingTimeMs: number;
  if (sort === "distance" && nearby && around) {
    // 1. How many matching profiles live in each commune of the circle, with the page's facets.
    const counting: MultiSearchQuery = { indexUid: CANDIDATES_INDEX, q, filter, attributesToSearchOn: searchOn, facets: [...facetsAsked, "homeCommuneCode"], page: 1, hitsPerPage: 0 };
    [first, ...facetResults] = await multiSearch(client, [counting, ...disjunctiveQueries]);
    const perCommune = first.facetDistribution?.homeCommuneCode ?? {};
    const all = Object.values(perCommune).reduce((n, c) => n + c, 0);
    totalHits = Math.min(all, MAX_TOTAL_HITS);
    totalPages = Math.ceil(totalHits / hitsPerPage);
    // 2. The profiles of the communes that hold this page, nearest first. (A profile edited
    // between the two requests can shift this page by one; the next search is right again.)
    const offset = (page - 1) * hitsPerPage;
    const plan = offset < totalHits ? distancePlan(perCommune, distanceGroups(nearby), offset, Math.min(hitsPerPage, totalHits - offset)) : [];
    const withoutCircle = candidateFilter(viewer, { ...params, around: undefined });
    const slices = await multiSearch(
      client,
      plan.map((slice) => ({ indexUid: CANDIDATES_INDEX, ...hitsRequest, filter: [...withoutCircle, communeClause(slice.communes)], offset: slice.offset, limit: slice.limit })),
    );
    hits = orderByDistance(slices.map((r) => r.hits), (h) => (h._geo ? distanceBand(kmBetween(around, h._geo)).toKm : Number.POSITIVE_INFINITY));
    processingTimeMs = first.processingTimeMs + slices.reduce((n, r) => n + r.processingTimeMs, 0);
  } else {
    const main: MultiSearchQuery = { indexUid: CANDIDATES_INDEX, ...hitsRequest, filter, sort: sortClause(sort), page, hitsPerPage, ...(facetsAsked.length ? { facets: facetsAsked } : {}) };
    [first, ...facetResults] = await multiSearch(client, [main, ...disjunctiveQueries]);
    hits = first.hits;
    totalHits = first.totalHits ?? 0;
    totalPages = first.totalPages ?? 0;
    processingTimeMs = first.processingTimeMs;
  }

  const facets = emptyFacets();
  if (facetMode !== "none") {
    for (const f of CANDIDATE_FACETS) facets[f] = topValues(first.facetDistribution?.[f]);
    facetResults.forEach((r, i) => (facets[disjunctive[i]] = topValues(r.facetDistribution?.[disjunctive[i]])));
  }
  return {
    hits: hits.map((h) => toCandidateHit(h, around)),
    totalHits,
    totalIsCapped: totalHits >= MAX_TOTAL_HITS,
    page,
    totalPages,
    hitsPerPage,
    facets,
    sort,
    processingTimeMs,
  };
}

/** One query alone as a plain search (cheaper), several in one multi-search request. */
async function multiSearch(client: Meilisearch, queries: MultiSearchQuery[]): Promise<SearchResponse<RawHit>[]> {
  if (queries.length === 0) return [];
  if (queries.length === 1) {
    const { indexUid, q, ...rest } = queries[0];
    return [(await client.index<RawHit>(indexUid).search(q ?? "", rest as SearchParams)) as SearchResponse<RawHit>];
  }
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, RawHit>({ queries });
  return results as SearchResponse<RawHit>[];
}

/**
 * Counts the profiles that match each of several sets of conditions, for the viewer, in one
 * request. Exact whatever the number (summed from the visibility facet, which maxTotalHits does
 * not cap). With `by`, also the count per value of that facet (at most the index's
 * maxValuesPerFacet values).
 */
export async function countCandidates<K extends string>(
  client: Meilisearch,
  viewer: CandidateSearchViewer,
  sets: Record<K, CandidateFilters>,
  { by }: { by?: CandidateFacet | "competencies" } = {},
): Promise<Record<K, { count: number; by: Record<string, number> }>> {
  const keys = Object.keys(sets) as K[];
  if (keys.length === 0) return {} as Record<K, { count: number; by: Record<string, number> }>;
  const queries: MultiSearchQuery[] = keys.map((k) => ({
    indexUid: CANDIDATES_INDEX,
    q: "",
    filter: candidateFilter(viewer, sets[k]),
    facets: by ? ["visibility", by] : ["visibility"],
    limit: 0,
  }));
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, RawHit>({ queries });
  const out = {} as Record<K, { count: number; by: Record<string, number> }>;
  keys.forEach((k, i) => {
    const dist = results[i]?.facetDistribution ?? {};
    const count = Object.values(dist.visibility ?? {}).reduce((s, n) => s + n, 0);
    out[k] = { count, by: by ? { ...(dist[by] ?? {}) } : {} };
  });
  return out;
}
