import { POOL_VISIBILITIES, actingKeys, notHiddenFromFilter, talentPoolFilter } from "../../app/access/rules";
import type BetterSqlite3 from "better-sqlite3";
import type { Meilisearch, MultiSearchQuery, SearchParams } from "meilisearch";
import { communesWithin, distanceKm, getCommune } from "../../app/reference/territory.server";
import { distanceBand } from "../../app/access/anonymous-distance";
import { distanceGroups, distancePlan, orderByDistance, searchCandidates, type CandidateSearchParams, type CandidateSearchViewer } from "../candidate-search";

/**
 * The benchmark's query set, and the three ways each query runs:
 *
 * - portal: the portal's own searchCandidates (confidentiality filter, highlighting, disjunctive
 *   facets, hits cleaned of identity for anonymous profiles), as /cabinet/vivier calls it;
 * - raw: the same request written by hand and sent with the same pooled client, whose answer is
 *   used as Meilisearch returns it: the floor the portal is compared with;
 * - sql: the same search in SQLite, as a portal without a search engine would do it (LIKE on
 *   the text columns and the JSON competencies, a bounding box then haversine for the distance,
 *   GROUP BY for the facets), with the same confidentiality rules.
 *
 * Every run returns the total and the ids of the first page, so that the table can show that
 * portal and raw agree (SQL finds other texts: no synonyms, typos or plurals).
 */

export type BenchQuery = {
  key: string;
  label: string;
  q: string;
  filters: { filiere?: string[]; categorie?: string[]; departementCode?: string[]; availability?: string[] };
  around?: { communeCode: string; radiusKm: number };
  sort: "relevance" | "recent" | "distance";
  facets: "none" | "disjunctive";
};

export const QUERIES: readonly BenchQuery[] = [
  { key: "text", label: "texte « urbanisme »", q: "urbanisme", filters: {}, sort: "relevance", facets: "none" },
  { key: "text2", label: "texte « responsable finances »", q: "responsable finances", filters: {}, sort: "relevance", facets: "none" },
  {
    key: "filters", label: "filtres : adm., cat. A, 3 départements", q: "",
    filters: { filiere: ["administrative"], categorie: ["A"], departementCode: ["35", "44", "56"] }, sort: "recent", facets: "none",
  },
  { key: "distance", label: "50 km autour de Rennes, tri distance", q: "", filters: {}, around: { communeCode: "35238", radiusKm: 50 }, sort: "distance", facets: "none" },
  { key: "facets", label: "9 facettes, sans texte", q: "", filters: {}, sort: "recent", facets: "disjunctive" },
  {
    key: "combined", label: "tout : texte + filtres + 100 km + facettes", q: "finances",
    filters: { categorie: ["A", "B"], availability: ["immediate", "3mois"] }, around: { communeCode: "35238", radiusKm: 100 }, sort: "distance", facets: "disjunctive",
  },
];

export type RunResult = { total: number; ids: string[] };
export type Runner = (query: BenchQuery) => Promise<RunResult> | RunResult;

const PAGE_SIZE = 20;
const INDEX = "candidates";

function point(query: BenchQuery): { lat: number; lng: number; radiusKm: number } | undefined {
  if (!query.around) return undefined;
  const c = getCommune(query.around.communeCode);
  if (!c) throw new Error(`Unknown commune ${query.around.communeCode}`);
  return { lat: c.lat, lng: c.lon, radiusKm: query.around.radiusKm };
}

// ---------------------------------------------------------------------------------------------
// Portal

export function portalRunner(client: Meilisearch, viewer: CandidateSearchViewer): Runner {
  return async (query) => {
    const params: CandidateSearchParams = {
      q: query.q,
      ...query.filters,
      around: point(query),
      sort: query.sort,
      facets: query.facets,
      page: 1,
      hitsPerPage: PAGE_SIZE,
    };
    const r = await searchCandidates(client, viewer, params);
    return { total: r.totalHits, ids: r.hits.map((h) => h.id) };
  };
}

// ---------------------------------------------------------------------------------------------
// Raw Meilisearch: the request the portal sends, written out

const FACETS = ["filiere", "categorie", "cadreEmplois", "status", "departementCode", "regionCode", "availability", "needsHousing", "willingToRelocate"];
const RETRIEVED = [
  "id", "pseudonym", "visibility", "name", "email", "currentEmployerName", "currentFunction", "cadreEmplois", "cadreLabel", "grade",
  "categorie", "filiere", "filiereLabel", "status", "competencies", "yearsExperience", "homeCommuneName", "departementCode",
  "departementName", "regionCode", "regionName", "_geo", "maxDistanceKm", "willingToRelocate", "needsHousing", "salaryExpectation",
  "availableFrom", "availability", "lastActivityAt",
];
const SEARCHED_ON = ["currentFunction", "competencies", "cadreLabel", "grade", "filiereLabel", "name", "pseudonym", "currentEmployerName", "departementName", "regionName"];
const HIGHLIGHTED = ["currentFunction", "cadreLabel", "grade", "competencies", "name", "currentEmployerName"];

const lit = (v: string) => JSON.stringify(v);

/**
 * How the raw request does distance:
 * - "communes", as the portal does: the circle as the list of its communes
 *   (`homeCommuneCode IN [...]`), and the sort by distance in two requests, the number of
 *   matching profiles per commune first, then the profiles of the communes that hold the page;
 * - "geo", Meilisearch's own geo search (`_geoRadius` filter, `_geoPoint` sort), which needs `_geo`
 *   filterable and sortable: the benchmark turns them on for this comparison only (see
 *   search/settings.ts for why the portal's index has no geo index);
 * - "none", the query without its distance (neither filter nor sort): the floor any way of doing
 *   distance starts from.
 */
export type GeoMode = "communes" | "geo" | "none";

export function rawRunner(client: Meilisearch, viewer: CandidateSearchViewer, geoMode: GeoMode = "communes"): Runner {
  // The same confidentiality clauses as the portal (the gate's), the rest of the request by hand.
  const confidentiality = [talentPoolFilter, notHiddenFromFilter(actingKeys({ organizationKey: viewer.organizationKey, clients: viewer.presentingTo }))];
  const inCommunes = (codes: readonly string[]) => `homeCommuneCode IN [${codes.map(lit).join(", ")}]`;
  return async (query) => {
    const selected = Object.entries(query.filters).filter(([, values]) => values && values.length > 0) as [string, string[]][];
    const clause = ([attribute, values]: [string, string[]]) => `${attribute} IN [${values.map(lit).join(", ")}]`;
    const at = geoMode === "none" ? undefined : point(query);
    // The same list of communes as the portal's (computed once per circle, then kept).
    const nearby = at && geoMode === "communes" ? communesWithin({ lat: at.lat, lon: at.lng }, at.radiusKm) : undefined;
    const geo = !at ? [] : nearby ? [inCommunes(nearby.map((c) => c.code))] : [`_geoRadius(${at.lat}, ${at.lng}, ${Math.round(at.radiusKm * 1000)})`];
    const filter = (except?: string) => [...confidentiality, ...selected.filter(([a]) => a !== except).map(clause), ...geo];
    const sort = query.sort === "distance" && !at ? (query.q ? "relevance" : "recent") : query.sort;
    const page: SearchParams = {
      q: query.q,
      attributesToRetrieve: RETRIEVED,
      attributesToSearchOn: SEARCHED_ON,
      ...(query.q ? { attributesToHighlight: HIGHLIGHTED, highlightPreTag: "\u0001", highlightPostTag: "\u0002" } : {}),
    };
    const facetQueries: MultiSearchQuery[] = query.facets === "none" ? [] : selected.map(([attribute]) => ({
      indexUid: INDEX, q: query.q, filter: filter(attribute), attributesToSearchOn: SEARCHED_ON, facets: [attribute], limit: 0,
    }));
    const facets = query.facets === "none" ? [] : FACETS;

    if (sort === "distance" && nearby && at) {
      const counting: MultiSearchQuery = {
        indexUid: INDEX, q: query.q, filter: filter(), attributesToSearchOn: SEARCHED_ON, facets: [...facets, "homeCommuneCode"], page: 1, hitsPerPage: 0,
      };
      const { results } = await client.multiSearch({ queries: [counting, ...facetQueries] });
      const perCommune = results[0].facetDistribution?.homeCommuneCode ?? {};
      const total = Object.values(perCommune).reduce((n, c) => n + c, 0);
      const plan = distancePlan(perCommune, distanceGroups(nearby), 0, Math.min(PAGE_SIZE, total));
      const withoutCircle = filter().slice(0, -1);
      const { results: slices } = await client.multiSearch({
        queries: plan.map((slice) => ({ indexUid: INDEX, ...page, filter: [...withoutCircle, inCommunes(slice.communes)], offset: slice.offset, limit: slice.limit })),
      });
      const hits = orderByDistance(slices.map((r) => r.hits as Array<{ id?: unknown; _geo?: { lat: number; lng: number } }>), (h) =>
        h._geo ? distanceBand(distanceKm({ lat: at.lat, lon: at.lng }, { lat: h._geo.lat, lon: h._geo.lng })).toKm : Number.POSITIVE_INFINITY,
      );
      return { total: Math.min(total, 1000), ids: hits.map((h) => String(h.id)) };
    }

    const main: SearchParams = {
      ...page,
      filter: filter(),
      sort: sort === "recent" ? ["lastActivityAt:desc"] : sort === "distance" && at ? [`_geoPoint(${at.lat}, ${at.lng}):asc`] : undefined,
      page: 1,
      hitsPerPage: PAGE_SIZE,
      ...(facets.length ? { facets } : {}),
    };
    if (facetQueries.length === 0) {
      const r = (await client.index(INDEX).search(query.q, main)) as { totalHits?: number; hits: Array<{ id?: unknown }> };
      return { total: r.totalHits ?? 0, ids: r.hits.map((h) => String(h.id)) };
    }
    const { results } = await client.multiSearch({ queries: [{ indexUid: INDEX, ...main }, ...facetQueries] });
    return { total: results[0].totalHits ?? 0, ids: results[0].hits.map((h) => String(h.id)) };
  };
}

// ---------------------------------------------------------------------------------------------
// SQL baseline

const sqlDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** What each facet is in SQL; `availability` is computed from the date, as the mapper does. */
const FACET_SQL_TEMPLATE: Record<string, string> = {
  filiere: "p.filiere",
  categorie: "p.categorie",
  cadreEmplois: "p.cadreEmplois",
  status: "p.status",
  departementCode: "c.departementCode",
  regionCode: "c.regionCode",
  availability: "CASE WHEN p.availableFrom IS NULL OR p.availableFrom <= '@now' THEN 'immediate' WHEN p.availableFrom <= '@in3' THEN '3mois' WHEN p.availableFrom <= '@in6' THEN '6mois' ELSE 'plus' END",
  needsHousing: "p.needsHousing",
  willingToRelocate: "p.willingToRelocate",
};

/** The text columns a LIKE looks at: identity only for VISIBLE profiles, as in the index. */
const TEXT_SQL =
  "(p.currentFunction LIKE ? OR p.competencies LIKE ? OR p.grade LIKE ? OR p.cadreEmplois LIKE ? OR p.filiere LIKE ? " +
  "OR (p.visibility = 'VISIBLE' AND (u.name LIKE ? OR p.currentEmployerName LIKE ?)))";

type Row = Record<string, unknown>;

export function sqlRunner(sqlite: BetterSqlite3.Database, viewer: CandidateSearchViewer, now = Date.now()): Runner {
  const keys = [...new Set([viewer.organizationKey, ...viewer.presentingTo])];
  const in3 = new Date(now);
  in3.setMonth(in3.getMonth() + 3);
  const in6 = new Date(now);
  in6.setMonth(in6.getMonth() + 6);
  // Dates of our own making, written into the SQL as the mapper's bucket limits.
  const FACET_SQL = Object.fromEntries(
    Object.entries(FACET_SQL_TEMPLATE).map(([k, sql]) => [k, sql.replace("@now", sqlDate(now)).replace("@in3", sqlDate(in3.getTime())).replace("@in6", sqlDate(in6.getTime()))]),
  );
  const FROM = `FROM CandidateProfile p JOIN "User" u ON u.id = p.userId JOIN BenchCommune c ON c.code = p.homeCommuneCode`;

  return (query) => {
    const base: string[] = [
      poolSql("p.visibility"),
      "u.role = 'CANDIDATE'",
      `NOT EXISTS (SELECT 1 FROM HiddenOrganization h WHERE h.profileId = p.id AND h.officialKey IN (${keys.map(() => "?").join(", ")}))`,
    ];
    const baseArgs: unknown[] = [...keys];
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean)) {
      base.push(TEXT_SQL);
      baseArgs.push(...Array<string>(7).fill(`%${word}%`));
    }
    const selected = Object.entries(query.filters).filter(([, v]) => v && v.length > 0) as [string, string[]][];
    const facetClause = ([attribute, values]: [string, string[]]) => ({ sql: `${FACET_SQL[attribute]} IN (${values.map(() => "?").join(", ")})`, args: values });
    const at = point(query);
    const run = <T>(sql: string, args: unknown[], all = true): T => {
      const stmt = sqlite.prepare(sql);
      return (all ? stmt.all(...args) : stmt.get(...args)) as T;
    };

    if (!at) {
      const where = (except?: string) => {
        const parts = selected.filter(([a]) => a !== except).map(facetClause);
        return { sql: [...base, ...parts.map((p) => p.sql)].join(" AND "), args: [...baseArgs, ...parts.flatMap((p) => p.args)] };
      };
      const w = where();
      const { n } = run<{ n: number }>(`SELECT COUNT(*) AS n ${FROM} WHERE ${w.sql}`, w.args, false);
      const page = run<Row[]>(
        `SELECT p.*, u.name AS userName, u.email AS userEmail ${FROM} WHERE ${w.sql} ORDER BY p.lastActivityAt DESC LIMIT ${PAGE_SIZE}`,
        w.args,
      );
      if (query.facets === "disjunctive") {
        for (const facet of FACETS) {
          const fw = where(facet);
          run<Row[]>(`SELECT ${FACET_SQL[facet]} AS value, COUNT(*) AS n ${FROM} WHERE ${fw.sql} GROUP BY 1`, fw.args);
        }
      }
      return { total: n, ids: page.map((r) => String(r.id)) };
    }

    // Distance: a bounding box in SQL, the exact circle in JS; facets and filters in JS too, so
    // that each facet can be counted without its own filter from the same rows.
    const dLat = at.radiusKm / 111.2;
    const dLon = at.radiusKm / (111.2 * Math.cos((at.lat * Math.PI) / 180));
    const facetColumns = FACETS.map((f) => `${FACET_SQL[f]} AS "${f}"`).join(", ");
    const rows = run<Row[]>(
      `SELECT p.id, p.lastActivityAt, c.lat, c.lon, ${facetColumns} ${FROM}
       WHERE ${base.join(" AND ")} AND c.lat BETWEEN ? AND ? AND c.lon BETWEEN ? AND ?`,
      [...baseArgs, at.lat - dLat, at.lat + dLat, at.lng - dLon, at.lng + dLon],
    );
    const inside = rows
      .map((r) => ({ r, km: distanceKm({ lat: at.lat, lon: at.lng }, { lat: r.lat as number, lon: r.lon as number }) }))
      .filter((x) => x.km <= at.radiusKm);
    const passes = (r: Row, except?: string) => selected.every(([a, values]) => a === except || values.includes(String(r[a])));
    const matching = inside.filter((x) => passes(x.r));
    if (query.facets === "disjunctive") {
      // Each facet's counts, without its own filter (the page would show them).
      for (const facet of FACETS) {
        const counts = new Map<string, number>();
        for (const x of inside) if (passes(x.r, facet)) counts.set(String(x.r[facet]), (counts.get(String(x.r[facet])) ?? 0) + 1);
      }
    }
    matching.sort((a, b) => (query.sort === "distance" ? a.km - b.km : String(b.r.lastActivityAt).localeCompare(String(a.r.lastActivityAt))));
    const ids = matching.slice(0, PAGE_SIZE).map((x) => String(x.r.id));
    // The page's rows, as a page would show them.
    run<Row[]>(`SELECT p.*, u.name AS userName, u.email AS userEmail ${FROM} WHERE p.id IN (${ids.map(() => "?").join(", ") || "NULL"})`, ids);
    return { total: matching.length, ids };
  };
}

/** The gate's talent pool (rule 1) as the SQL baseline writes it. */
export function poolSql(column: string): string {
  return `${column} IN (${POOL_VISIBILITIES.map((v) => `'${v}'`).join(", ")})`;
}
