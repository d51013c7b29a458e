import type { Meilisearch } from "meilisearch";
import { jsonList } from "~/utils/json";
import { getCadre, filiereLabel } from "~/reference/statute";
import { getCommune, getDepartement, listCommunes, listDepartements, listRegions } from "~/reference/territory.server";
import type { MapPopulation } from "~/schemas/talent-search";
import type { SessionUser } from "~/utils/session.server";
import { getSearchReader, searchErrorMessage } from "../../search/client";
import { countCandidates, type CandidateFilters } from "../../search/candidate-search";
import { findCabinetMission, searchViewer, type CabinetMission } from "./talent-search.server";

/**
 * "Faisabilité du marché": for a mission, how many profiles of the talent pool the consultant's
 * search could reach (the same confidentiality rule as /cabinet/vivier: the counts go through
 * search/candidate-search.ts) — in total, within 30 / 60 / 100 km of the position, by
 * département — which requested competencies are rare, and how many would need housing.
 *
 * The must-haves of a position: its filière and catégorie, one of its cadres d'emplois and one
 * of its grades when it names some, and every INDISPENSABLE competency. A profile holds a
 * requested competency when one of its own has the same key: case, accents, plurals and the
 * trade's synonyms aside (« Gestion du budget » is held by « gestion budgétaire »;
 * search/competency-keys.ts, docs/decisions/113-competency-keys.md). The page keeps the labels
 * as the position words them.
 */

export const FEASIBILITY_RADII = [30, 60, 100] as const;
/** A requested competency held by fewer profiles than this, in the whole pool, is "rare". */
export const RARE_BELOW = 5;

type Competency = { label: string; level: "INDISPENSABLE" | "IMPORTANT" | "APPRECIABLE" };

/** The position's requirements, as search conditions and as the page states them. */
export function mustHaves(position: Pick<CabinetMission["position"], "filiere" | "categorie" | "cadresEmplois" | "grades" | "competencies">) {
  const cadres = jsonList<string>(position.cadresEmplois).filter((c) => typeof c === "string" && c);
  const grades = jsonList<string>(position.grades).filter((g) => typeof g === "string" && g);
  const competencies = jsonList<Competency>(position.competencies)
    .filter((c) => c && typeof c.label === "string" && c.label.trim())
    .map((c) => ({ label: c.label.trim(), level: c.level }));
  const indispensable = [...new Set(competencies.filter((c) => c.level === "INDISPENSABLE").map((c) => c.label))];
  const broad: CandidateFilters = { filiere: [position.filiere], categorie: [position.categorie] };
  const statutory: CandidateFilters = { ...broad, ...(cadres.length ? { cadreEmplois: cadres } : {}), ...(grades.length ? { grade: grades } : {}) };
  const all: CandidateFilters = { ...statutory, ...(indispensable.length ? { competencies: indispensable } : {}) };
  return {
    filters: { broad, statutory, all },
    described: {
      filiere: filiereLabel(position.filiere),
      categorie: position.categorie,
      cadres: cadres.map((c) => getCadre(c)?.label ?? c),
      grades,
      indispensable,
    },
    competencies,
  };
}

export type Feasibility = Awaited<ReturnType<typeof computeFeasibility>>;


/**
 * The panel's figures for a mission of the user's cabinet, or null (absent or another
 * cabinet's). `feasibility` is null when the search engine did not answer.
 */
export async function missionFeasibility(
  user: SessionUser,
  missionId: string,
  { map = "exigences", client = getSearchReader() }: { map?: MapPopulation; client?: Meilisearch } = {},
) {
  const mission = await findCabinetMission(user, missionId);
  if (!mission) return null;
  try {
    return { mission, feasibility: await computeFeasibility(user, mission, map, client) };
  } catch (error) {
    console.error(`[vivier] the market feasibility of mission ${mission.id} failed: ${searchErrorMessage(error)}`);
    return { mission, feasibility: null };
  }
}

async function computeFeasibility(user: SessionUser, mission: CabinetMission, map: MapPopulation, client: Meilisearch) {
  const { viewer } = await searchViewer(user, mission.id);
  const { filters, described, competencies } = mustHaves(mission.position);
  const commune = getCommune(mission.position.communeCode);
  const around = (radiusKm: number) => (commune ? { around: { lat: commune.lat, lng: commune.lon, radiusKm } } : {});

  const sets: Record<string, CandidateFilters> = {
    pool: {},
    broad: filters.broad,
    statutory: filters.statutory,
    all: filters.all,
    allHousing: { ...filters.all, needsHousing: true },
  };
  for (const r of FEASIBILITY_RADII) {
    sets[`all-${r}`] = { ...filters.all, ...around(r) };
    sets[`broad-${r}`] = { ...filters.broad, ...around(r) };
  }
  // Cumulative: each indispensable competency added to the statutory conditions, in order.
  filters.all.competencies?.forEach((_, i) => {
    sets[`step-${i}`] = { ...filters.statutory, competencies: filters.all.competencies!.slice(0, i + 1) };
  });
  const labels = [...new Set(competencies.map((c) => c.label))];
  labels.forEach((label, i) => {
    sets[`comp-${i}`] = { competencies: [label] };
    sets[`comp-broad-${i}`] = { ...filters.broad, competencies: [label] };
  });
  // By département: one facet query per région keeps every count under maxValuesPerFacet.
  const mapped = map === "filiere" ? filters.broad : map === "statut" ? filters.statutory : filters.all;
  const regionSets = Object.fromEntries(listRegions().map((r) => [r.code, { ...mapped, regionCode: [r.code] }]));

  const [counts, byRegion] = await Promise.all([
    countCandidates(client, viewer, sets),
    countCandidates(client, viewer, regionSets, { by: "departementCode" }),
  ]);
  const n = (key: string) => counts[key]?.count ?? 0;

  const byDepartement: Record<string, number> = {};
  for (const { by } of Object.values(byRegion)) for (const [code, count] of Object.entries(by)) byDepartement[code] = (byDepartement[code] ?? 0) + count;

  const funnel = [
    { label: "Tout le vivier accessible", count: n("pool") },
    { label: `Filière ${described.filiere}, catégorie ${described.categorie}`, count: n("broad") },
    ...(described.cadres.length || described.grades.length
      ? [{ label: [described.cadres.length ? `cadre d’emplois : ${described.cadres.join(" ou ")}` : "", described.grades.length ? `grade : ${described.grades.join(" ou ")}` : ""].filter(Boolean).join(" ; "), count: n("statutory") }]
      : []),
    ...described.indispensable.map((label, i) => ({ label: `+ « ${label} » (indispensable)`, count: n(`step-${i}`) })),
  ];

  return {
    commune: commune ? { code: commune.code, label: `${commune.name} (${commune.departementCode})` } : null,
    described,
    matching: n("all"),
    funnel,
    radii: FEASIBILITY_RADII.map((r) => ({ radiusKm: r, matching: commune ? n(`all-${r}`) : null, broad: commune ? n(`broad-${r}`) : null })),
    broad: n("broad"),
    needHousing: n("allHousing"),
    housingOffered: mission.position.housing !== "NONE",
    competencies: labels.map((label, i) => ({
      label,
      level: competencies.find((c) => c.label === label)!.level,
      pool: n(`comp-${i}`),
      broad: n(`comp-broad-${i}`),
      rare: n(`comp-${i}`) < RARE_BELOW,
    })),
    map: { population: map, counts: { exigences: n("all"), statut: n("statutory"), filiere: n("broad") } satisfies Record<MapPopulation, number> },
    departements: Object.entries(byDepartement)
      .map(([code, count]) => ({ code, name: getDepartement(code)?.name ?? code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

// ---------------------------------------------------------------------------------------------
// The map of départements

/**
 * France's départements drawn from data we have (the commune points of the official list; no
 * boundary geometry is available): the territory is cut into square cells of about 8 km, each
 * cell given the département of the nearest commune centre (if one is within reach, which also
 * draws the coastline), and the cells of a row that share a département merged into one
 * rectangle. The five overseas départements are insets below, each at its own scale. Built once
 * per process.
 */

export type MapArea = { code: string; d: string };
export type MapInset = { code: string; label: string; x: number; y: number; size: number };
export type DepartementMap = {
  /** The viewBox, in cells. */
  width: number;
  height: number;
  areas: MapArea[];
  /** One path: the lines between départements and along the coast. */
  borders: string;
  insets: MapInset[];
};

type Pt = { x: number; y: number; dep: string };

const KM_PER_DEG_LAT = 110.57;

/** Cells of a grid given the département of the nearest point within reach (null: sea, abroad). */
function gridOf(points: Pt[], cellKm: number, reachKm: number, origin: { x: number; y: number }, cols: number, rows: number): (string | null)[][] {
  const buckets = new Map<string, Pt[]>();
  const key = (i: number, j: number) => `${i}:${j}`;
  for (const p of points) {
    const k = key(Math.floor(p.x / reachKm), Math.floor(p.y / reachKm));
    (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(p);
  }
  const grid: (string | null)[][] = [];
  for (let row = 0; row < rows; row++) {
    const line: (string | null)[] = [];
    for (let col = 0; col < cols; col++) {
      const cx = origin.x + (col + 0.5) * cellKm;
      const cy = origin.y - (row + 0.5) * cellKm;
      const bi = Math.floor(cx / reachKm);
      const bj = Math.floor(cy / reachKm);
      let best: Pt | null = null;
      let bestD = reachKm * reachKm;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          for (const p of buckets.get(key(bi + di, bj + dj)) ?? []) {
            const d = (p.x - cx) ** 2 + (p.y - cy) ** 2;
            if (d < bestD) {
              bestD = d;
              best = p;
            }
          }
        }
      }
      line.push(best?.dep ?? null);
    }
    grid.push(line);
  }
  return grid;
}

/** Each row's runs of one département as rectangles, added to that département's path. */
function drawAreas(grid: (string | null)[][], offset: { x: number; y: number }, out: Map<string, string[]>) {
  grid.forEach((line, row) => {
    let start = 0;
    for (let col = 1; col <= line.length; col++) {
      if (col < line.length && line[col] === line[start]) continue;
      const dep = line[start];
      if (dep) {
        const w = col - start;
        (out.get(dep) ?? out.set(dep, []).get(dep)!).push(`M${offset.x + start} ${offset.y + row}h${w}v1h-${w}z`);
      }
      start = col;
    }
  });
}

/** The lines between cells of different départements (and the coast), merged along rows and columns. */
function drawBorders(grid: (string | null)[][], offset: { x: number; y: number }): string {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const at = (r: number, c: number) => (r >= 0 && r < rows && c >= 0 && c < cols ? grid[r][c] : null);
  const parts: string[] = [];
  // Horizontal edges: above row r (between r-1 and r).
  for (let r = 0; r <= rows; r++) {
    let start = -1;
    for (let c = 0; c <= cols; c++) {
      const edge = c < cols && at(r - 1, c) !== at(r, c);
      if (edge && start < 0) start = c;
      if (!edge && start >= 0) {
        parts.push(`M${offset.x + start} ${offset.y + r}h${c - start}`);
        start = -1;
      }
    }
  }
  // Vertical edges: left of column c.
  for (let c = 0; c <= cols; c++) {
    let start = -1;
    for (let r = 0; r <= rows; r++) {
      const edge = r < rows && at(r, c - 1) !== at(r, c);
      if (edge && start < 0) start = r;
      if (!edge && start >= 0) {
        parts.push(`M${offset.x + c} ${offset.y + start}v${r - start}`);
        start = -1;
      }
    }
  }
  return parts.join("");
}

/** Projects points around a reference latitude (equirectangular: fine at a country's scale). */
function project(communes: Array<{ lat: number; lon: number; departementCode: string }>, lat0: number): Pt[] {
  const kx = Math.cos((lat0 * Math.PI) / 180) * KM_PER_DEG_LAT;
  return communes.map((c) => ({ x: c.lon * kx, y: c.lat * KM_PER_DEG_LAT, dep: c.departementCode }));
}

function bounds(points: Pt[]) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  return { minX, maxX, minY, maxY };
}

const OVERSEAS = ["971", "972", "973", "974", "976"] as const;
const METROPOLE_CELL_KM = 8;
const INSET_SIZE = 24;
const INSET_GAP = 4;

function buildDepartementMap(): DepartementMap {
  const communes = listCommunes().filter((c) => !c.approximateLocation);
  const paths = new Map<string, string[]>();

  const metro = communes.filter((c) => !c.departementCode.startsWith("97") && !c.departementCode.startsWith("98"));
  const mPts = project(metro, 46.5);
  const mb = bounds(mPts);
  const pad = METROPOLE_CELL_KM;
  const cols = Math.ceil((mb.maxX - mb.minX + 2 * pad) / METROPOLE_CELL_KM);
  const rows = Math.ceil((mb.maxY - mb.minY + 2 * pad) / METROPOLE_CELL_KM);
  const metroGrid = gridOf(mPts, METROPOLE_CELL_KM, 12, { x: mb.minX - pad, y: mb.maxY + pad }, cols, rows);
  drawAreas(metroGrid, { x: 0, y: 0 }, paths);
  const borders = [drawBorders(metroGrid, { x: 0, y: 0 })];

  const insets: MapInset[] = [];
  const insetTop = rows + INSET_GAP;
  const step = Math.floor((cols - INSET_SIZE) / (OVERSEAS.length - 1));
  OVERSEAS.forEach((code, i) => {
    const own = communes.filter((c) => c.departementCode === code);
    if (own.length === 0) return;
    const lat0 = own.reduce((s, c) => s + c.lat, 0) / own.length;
    const pts = project(own, lat0);
    const b = bounds(pts);
    // Its own scale: the larger side fills the inset; large communes (Guyane) need a longer reach.
    const span = Math.max(b.maxX - b.minX, b.maxY - b.minY);
    const cellKm = (span * 1.25) / INSET_SIZE;
    const reach = Math.max(cellKm * 1.5, (span / Math.sqrt(own.length)) * 0.9);
    const originX = (b.minX + b.maxX) / 2 - (INSET_SIZE * cellKm) / 2;
    const originY = (b.minY + b.maxY) / 2 + (INSET_SIZE * cellKm) / 2;
    const x = i * step;
    const grid = gridOf(pts, cellKm, reach, { x: originX, y: originY }, INSET_SIZE, INSET_SIZE);
    drawAreas(grid, { x, y: insetTop }, paths);
    borders.push(drawBorders(grid, { x, y: insetTop }));
    insets.push({ code, label: getDepartement(code)?.name ?? code, x, y: insetTop, size: INSET_SIZE });
  });

  const known = new Set(listDepartements().map((d) => d.code));
  return {
    width: cols,
    height: insetTop + INSET_SIZE + 1,
    borders: borders.join(""),
    areas: [...paths].filter(([code]) => known.has(code)).map(([code, parts]) => ({ code, d: parts.join("") })).sort((a, b) => a.code.localeCompare(b.code)),
    insets,
  };
}

let cachedMap: DepartementMap | undefined;

/** The map's geometry (a few tens of kB), computed on first use and kept. */
export function departementMap(): DepartementMap {
  cachedMap ??= buildDepartementMap();
  return cachedMap;
}
