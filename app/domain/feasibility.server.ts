import type { Meilisearch } from "meilisearch";
import { jsonList } from "~/utils/json";
import { getCadre, filiereLabel } from "~/reference/statute";
import { getCommune, getDepartement, listRegions } from "~/reference/territory.server";
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
