import type { Meilisearch } from "meilisearch";
import { CATEGORIES, capitalized, filiereLabel, getCadre } from "~/reference/statute";
import { getCommune, getDepartement, getRegion } from "~/reference/territory.server";
import { STATUS_LABEL, type Status } from "~/schemas/profile";
import {
  AVAILABILITIES, AVAILABILITY_LABEL, FACET_SHOWN_OPTIONS, HITS_PER_PAGE,
  type TalentFacetName, type TalentSearch, type TalentSearchErrors,
} from "~/schemas/talent-search";
import { assertConsultant, cabinetMissionWhere, consultantKeys, missionChoices } from "~/access/guards.server";
import { notFound } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { getSearchReader, searchErrorMessage } from "../../search/client";
import {
  searchCandidates,
  type CandidateFacet,
  type CandidateHit,
  type CandidateSearchParams,
  type CandidateSearchViewer,
} from "../../search/candidate-search";

/**
 * The consultants' talent search (/cabinet/vivier): who is searching, for which mission, and the
 * page's data. Who may be found is the gate's (app/access/rules.ts, rules 1 and 2: the pool, and
 * the keys a consultant acts for, from app/access/guards.server.ts consultantKeys);
 * search/candidate-search.ts turns that viewer into the Meilisearch filter, on every query.
 */

// ---------------------------------------------------------------------------------------------
// Missions of the cabinet

const missionInclude = {
  position: {
    select: {
      id: true, title: true, state: true, confidential: true, communeCode: true, filiere: true, categorie: true,
      cadresEmplois: true, grades: true, competencies: true, housing: true, deadline: true,
      organization: { select: { name: true, officialKey: true } },
    },
  },
} as const;

function communeLabel(code: string): string {
  const c = getCommune(code);
  return c ? `${c.name} (${c.departementCode})` : code;
}

/** The missions of the user's cabinet, active first, then the most recent. */
export async function listCabinetMissions(user: SessionUser) {
  assertConsultant(user);
  const rows = await db.mission.findMany({
    where: cabinetMissionWhere(user),
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    include: missionInclude,
  });
  return rows.map((m) => ({
    id: m.id,
    status: m.status as "ACTIVE" | "CLOSED",
    createdAt: m.createdAt.toISOString(),
    positionTitle: m.position.title,
    positionState: m.position.state,
    confidential: m.position.confidential,
    collectiviteName: m.position.organization.name,
    commune: communeLabel(m.position.communeCode),
    deadline: m.position.deadline?.toISOString().slice(0, 10) ?? null,
  }));
}

export type CabinetMissionRow = Awaited<ReturnType<typeof listCabinetMissions>>[number];

/** One mission of the user's cabinet with its position, or null (absent or another cabinet's). */
export async function findCabinetMission(user: SessionUser, missionId: string) {
  assertConsultant(user);
  return db.mission.findFirst({ where: cabinetMissionWhere(user, missionId), include: missionInclude });
}

export type CabinetMission = NonNullable<Awaited<ReturnType<typeof findCabinetMission>>>;

/**
 * The viewer of a consultant's search: the keys they act for (the gate's rule 2). Throws a 404
 * for a mission that is not the cabinet's.
 */
export async function searchViewer(user: SessionUser, missionId: string | null = null): Promise<{ viewer: CandidateSearchViewer; mission: CabinetMission | null }> {
  assertConsultant(user);
  const mission = missionId ? await findCabinetMission(user, missionId) : null;
  if (missionId && !mission) throw notFound();
  const { organizationKey, clients } = await consultantKeys(user, mission?.position.organization.officialKey);
  return { viewer: { organizationKey, presentingTo: clients }, mission };
}

// ---------------------------------------------------------------------------------------------
// The search page

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
/**
 * A facet as the page shows it: its first values and the ticked ones, unless `unfolded`; `more`
 * counts the values left out (sent to the page only when it unfolds the facet).
 */
export type FacetGroup = { name: TalentFacetName; label: string; options: FacetOption[]; more: number; unfolded: boolean };

const FACET_GROUPS: ReadonlyArray<{ name: TalentFacetName; facet: CandidateFacet; label: string }> = [
  { name: "filiere", facet: "filiere", label: "Filière" },
  { name: "categorie", facet: "categorie", label: "Catégorie" },
  { name: "cadre", facet: "cadreEmplois", label: "Cadre d’emplois" },
  { name: "statut", facet: "status", label: "Statut" },
  { name: "availability", facet: "availability", label: "Disponibilité" },
  { name: "region", facet: "regionCode", label: "Région" },
  { name: "departement", facet: "departementCode", label: "Département" },
];

function facetLabel(facet: CandidateFacet, value: string): string {
  switch (facet) {
    case "filiere": return capitalized(filiereLabel(value));
    case "cadreEmplois": return getCadre(value)?.label ?? value;
    case "status": return STATUS_LABEL[value as Status] ?? value;
    case "availability": return AVAILABILITY_LABEL[value as keyof typeof AVAILABILITY_LABEL] ?? value;
    case "regionCode": return getRegion(value)?.name ?? value;
    case "departementCode": { const d = getDepartement(value); return d ? `${d.name} (${d.code})` : value; }
    default: return value;
  }
}

const FIXED_ORDER: Partial<Record<CandidateFacet, readonly string[]>> = { categorie: CATEGORIES, availability: AVAILABILITIES };

/** A facet's options: its values with their counts, plus the selected ones even at zero. */
function facetGroup(facet: CandidateFacet, selected: readonly string[], counts: Record<string, number>): FacetOption[] {
  const values = new Set([...Object.keys(counts), ...selected]);
  const options = [...values].map((value) => ({ value, label: facetLabel(facet, value), count: counts[value] ?? 0, selected: selected.includes(value) }));
  const fixed = FIXED_ORDER[facet];
  if (fixed) return options.sort((a, b) => fixed.indexOf(a.value) - fixed.indexOf(b.value));
  return options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
}

/** The options a facet shows: all when unfolded, else its first ones and the ticked ones. */
function shownFacet(name: TalentFacetName, label: string, options: FacetOption[], unfolded: boolean): FacetGroup {
  if (unfolded || options.length <= FACET_SHOWN_OPTIONS) return { name, label, options, more: 0, unfolded: unfolded && options.length > FACET_SHOWN_OPTIONS };
  const shown = options.filter((o, i) => i < FACET_SHOWN_OPTIONS || o.selected);
  return { name, label, options: shown, more: options.length - shown.length, unfolded: false };
}

/** The URL's search in the index's vocabulary, with the commune resolved to its point. */
export function candidateSearchParams(search: TalentSearch): { params: CandidateSearchParams; commune: { code: string; label: string } | null; unknownCommune: boolean } {
  const commune = search.commune ? getCommune(search.commune) : undefined;
  const params: CandidateSearchParams = {
    q: search.q,
    filiere: search.filiere,
    categorie: search.categorie,
    cadreEmplois: search.cadre,
    status: search.statut,
    departementCode: search.departement,
    regionCode: search.region,
    availability: search.availability,
    needsHousing: search.needsHousing,
    willingToRelocate: search.relocation,
    laureate: search.laureat,
    salaryMin: search.salaryMin ?? undefined,
    salaryMax: search.salaryMax ?? undefined,
    around: commune ? { lat: commune.lat, lng: commune.lon, radiusKm: search.radius } : undefined,
    sort: search.sort,
    page: search.page,
    hitsPerPage: HITS_PER_PAGE,
  };
  return { params, commune: commune ? { code: commune.code, label: `${commune.name} (${commune.departementCode})` } : null, unknownCommune: !!search.commune && !commune };
}

export type TalentSearchView = {
  hits: CandidateHit[];
  totalHits: number;
  totalIsCapped: boolean;
  page: number;
  totalPages: number;
  sort: TalentSearch["sort"];
  facets: FacetGroup[];
  /** Profiles that need housing / accept to relocate, among the results without that condition. */
  toggles: { needsHousing: number; relocation: number };
};

export type TalentSearchPage = {
  result: TalentSearchView | null;
  /** French, for the page, when the search engine did not answer. */
  unavailable: string | null;
  errors: TalentSearchErrors;
  commune: { code: string; label: string } | null;
  mission: { id: string; title: string; collectiviteName: string; communeCode: string; communeLabel: string } | null;
  missions: Array<{ id: string; label: string }>;
};

/**
 * Everything /cabinet/vivier shows for a search: only what the consultant may see (see the rule
 * above), never a key or a hidden profile.
 */
export async function talentSearchPage(
  user: SessionUser,
  search: TalentSearch,
  errors: TalentSearchErrors,
  { client = getSearchReader(), unfolded = [] }: { client?: Meilisearch; unfolded?: readonly TalentFacetName[] } = {},
): Promise<TalentSearchPage> {
  const { viewer, mission } = await searchViewer(user, search.mission);
  assertConsultant(user);
  const missions = (await missionChoices(user, mission?.id ?? null)).map((m) => ({ id: m.id, label: `${m.title} — ${m.collectiviteName}` }));
  const { params, commune, unknownCommune } = candidateSearchParams(search);
  const pageErrors: TalentSearchErrors = { ...errors };
  if (unknownCommune) pageErrors.commune = "Cette commune n’est pas reconnue : choisissez-la dans la liste proposée.";

  let result: TalentSearchView | null = null;
  let unavailable: string | null = null;
  try {
    const r = await searchCandidates(client, viewer, params);
    result = {
      hits: r.hits,
      totalHits: r.totalHits,
      totalIsCapped: r.totalIsCapped,
      page: r.page,
      totalPages: r.totalPages,
      sort: r.sort,
      facets: FACET_GROUPS.map((g) => shownFacet(g.name, g.label, facetGroup(g.facet, search[g.name], r.facets[g.facet]), unfolded.includes(g.name))),
      toggles: { needsHousing: r.facets.needsHousing.true ?? 0, relocation: r.facets.willingToRelocate.true ?? 0 },
    };
  } catch (error) {
    console.error(`[vivier] the talent search failed: ${searchErrorMessage(error)}`);
    unavailable = "La recherche dans le vivier est momentanément indisponible. Réessayez dans quelques instants.";
  }

  return {
    result,
    unavailable,
    errors: pageErrors,
    commune,
    mission: mission
      ? {
          id: mission.id,
          title: mission.position.title,
          collectiviteName: mission.position.organization.name,
          communeCode: mission.position.communeCode,
          communeLabel: communeLabel(mission.position.communeCode),
        }
      : null,
    missions,
  };
}

/** The search in a few French words, for a saved search's line and its suggested name. */
export function describeTalentSearch(search: TalentSearch): string[] {
  const parts: string[] = [];
  if (search.q) parts.push(`« ${search.q} »`);
  if (search.commune) {
    const c = getCommune(search.commune);
    parts.push(`à ${search.radius} km de ${c ? c.name : search.commune}`);
  }
  const list = (label: string, facet: CandidateFacet, values: readonly string[]) => {
    if (values.length) parts.push(`${label} ${values.map((v) => facetLabel(facet, v)).join(" ou ")}`);
  };
  list("filière", "filiere", search.filiere);
  list("catégorie", "categorie", search.categorie);
  list("", "cadreEmplois", search.cadre);
  list("", "status", search.statut);
  list("", "regionCode", search.region);
  list("", "departementCode", search.departement);
  list("", "availability", search.availability);
  if (search.needsHousing) parts.push("cherche un logement");
  if (search.relocation) parts.push("déménagement envisagé");
  if (search.laureat) parts.push("lauréat de concours");
  if (search.salaryMin !== null || search.salaryMax !== null) {
    parts.push(
      search.salaryMin !== null && search.salaryMax !== null
        ? `prétention de ${search.salaryMin} à ${search.salaryMax} €`
        : search.salaryMin !== null ? `prétention d’au moins ${search.salaryMin} €` : `prétention d’au plus ${search.salaryMax} €`,
    );
  }
  return parts.map((p) => p.trim());
}
