import type { Meilisearch, Settings } from "meilisearch";
import { searchErrorCode } from "./client";
import { waitForSuccess } from "./tasks";

/**
 * The settings of the two indexes, as code: applySettings() makes the server match them, and
 * sends only what differs, so that calling it at every start costs nothing.
 */

export const INDEX_NAMES = ["candidates", "positions"] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

export function isIndexName(value: string): value is IndexName {
  return (INDEX_NAMES as readonly string[]).includes(value);
}

/**
 * The trade's words for the same job. Each group is made mutual (every term is a synonym of all
 * the others). Lower case; Meilisearch normalises accents and case at search time.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["dgs", "directeur général des services", "directrice générale des services", "secrétaire général", "secrétaire générale", "secrétaire de mairie"],
  ["dga", "directeur général adjoint", "directrice générale adjointe", "dgas"],
  ["drh", "directeur des ressources humaines", "directrice des ressources humaines", "rh", "ressources humaines", "grh"],
  ["dst", "dgst", "directeur des services techniques", "directrice des services techniques", "directeur général des services techniques", "services techniques"],
  ["daf", "directeur administratif et financier", "directeur des finances", "directrice des finances"],
  ["dsi", "directeur des systèmes d'information", "systèmes d'information", "informatique"],
  ["urbanisme", "aménagement", "aménagement du territoire", "planification urbaine"],
  ["finances", "finance", "budget", "budgétaire"],
  ["marchés publics", "commande publique", "achats publics"],
  ["ccas", "centre communal d'action sociale"],
  ["cias", "centre intercommunal d'action sociale"],
  ["epci", "intercommunalité", "communauté de communes", "communauté d'agglomération"],
  ["directeur", "directrice"],
  ["responsable", "chef de service", "cheffe de service"],
  ["ingénieur", "ingénieure"],
  ["attaché", "attachée"],
  ["rédacteur", "rédactrice"],
  ["technicien", "technicienne"],
];

export function synonymsFromGroups(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const group of groups) {
    for (const term of group) {
      const set = (out[term] ??= new Set());
      for (const other of group) if (other !== term) set.add(other);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Frequent French words that carry no meaning in a search. Not "de", "des", "du", "d", "et":
 * Meilisearch drops stop words from documents, and a multi-word synonym that contains one
 * ("secrétaire de mairie") then never matches (checked on 1.21). Not "a": it is a catégorie.
 */
export const FRENCH_STOP_WORDS = [
  "au", "aux", "avec", "ce", "ces", "cet", "cette", "chez", "dans", "en", "l", "la", "le", "les",
  "leur", "leurs", "ou", "par", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses", "son",
  "sous", "sur", "un", "une", "à",
];

/**
 * Settings after whose change ensureIndexes rebuilds an index rather than patching it in place:
 * those that change how documents are cut into words (Meilisearch 1.21 does not re-tokenise the
 * documents already indexed, seen with stopWords), the filterable and sortable attributes,
 * because a new one usually comes with a document field that the documents already indexed
 * lack (homeCommuneCode did, competencyKeys too), and the synonyms, because the documents'
 * competencyKeys are written with SYNONYM_GROUPS (search/competency-keys.ts).
 */
export const SETTINGS_NEEDING_REBUILD: readonly (keyof Settings)[] = [
  "stopWords", "localizedAttributes", "searchableAttributes", "separatorTokens", "nonSeparatorTokens", "dictionary",
  "filterableAttributes", "sortableAttributes", "synonyms",
];

// Default ranking rules of Meilisearch 1.x, then the freshness tie-breaker of each index.
const DEFAULT_RANKING_RULES = ["words", "typo", "proximity", "attribute", "sort", "exactness"];

const common: Settings = {
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["fra"] }],
  stopWords: FRENCH_STOP_WORDS,
  synonyms: synonymsFromGroups(SYNONYM_GROUPS),
  typoTolerance: {
    enabled: true,
    disableOnNumbers: true,
  },
  pagination: { maxTotalHits: 1000 },
};

/**
 * Every field of a candidate document except hiddenFrom, homeCommuneCode and competencyKeys,
 * which are filtered on but never shown.
 */
export const CANDIDATE_DISPLAYED_ATTRIBUTES = [
  "id", "pseudonym", "visibility", "name", "email", "currentEmployerName",
  "currentFunction", "cadreEmplois", "cadreLabel", "grade", "categorie", "filiere", "filiereLabel", "status",
  "competencies", "yearsExperience", "functionFamily", "experienceBand", "areaName", "laureate", "laureateLabel",
  "homeCommuneName", "departementCode", "departementName", "regionCode", "regionName", "_geo",
  "maxDistanceKm", "willingToRelocate", "needsHousing", "salaryExpectation",
  "availableFrom", "availability", "lastActivityAt",
];

/** More than the number of communes in France: no facet of the candidates index is cut. */
export const MAX_VALUES_PER_FACET = 40_000;

export const indexSettings: Record<IndexName, Settings> = {
  candidates: {
    ...common,
    searchableAttributes: [
      "currentFunction", "functionFamily", "competencies", "cadreLabel", "grade", "filiereLabel",
      "name", "pseudonym", "currentEmployerName",
      "homeCommuneName", "departementName", "regionName",
    ],
    displayedAttributes: CANDIDATE_DISPLAYED_ATTRIBUTES,
    filterableAttributes: [
      "visibility", "hiddenFrom",
      "categorie", "filiere", "cadreEmplois", "grade", "status", "competencies", "competencyKeys", "laureate",
      "homeCommuneCode", "departementCode", "regionCode",
      "availability", "availableFrom", "willingToRelocate", "needsHousing",
      "yearsExperience", "salaryExpectation", "maxDistanceKm", "lastActivityAt",
    ],
    // No `_geo` here nor in filterableAttributes, on purpose: with a geo index, Meilisearch 1.21
    // rewrites its whole R-tree at every document change (~0.6 s of each edit at 100,000
    // profiles, against ~40 ms without) and loads it for every geo query (~5 ms). Homes are
    // commune centres, so distance works on homeCommuneCode instead (search/candidate-search.ts);
    // `npm run bench` measures both ways.
    sortableAttributes: ["lastActivityAt", "yearsExperience", "availableFrom", "salaryExpectation"],
    rankingRules: [...DEFAULT_RANKING_RULES, "lastActivityAt:desc"],
    typoTolerance: { ...common.typoTolerance, disableOnAttributes: ["pseudonym", "email"] },
    // Every value of a facet: the distance sort counts profiles per commune (France has about
    // 35,000), and the département map needs all of them. The talent search shows the 50 values
    // with the most profiles (search/candidate-search.ts).
    faceting: {
      maxValuesPerFacet: MAX_VALUES_PER_FACET,
      sortFacetValuesBy: { "*": "alpha", competencies: "count", departementCode: "count", cadreEmplois: "count" },
    },
    // Neither searching inside facet values nor prefix matching of the last word is offered
    // (the search is a form sent whole); not building their databases makes each edit cheaper.
    facetSearch: false,
    prefixSearch: "disabled",
  },
  positions: {
    ...common,
    searchableAttributes: [
      "title", "competencies", "cadresLabels", "grades", "filiereLabel",
      "organizationName", "communeName", "departementName", "regionName", "missions",
    ],
    displayedAttributes: ["*"],
    filterableAttributes: [
      "filiere", "categorie", "cadresEmplois", "grades", "emploiFonctionnel", "competencies",
      "organizationKey", "communeCode", "departementCode", "regionCode", "_geo",
      "housing", "housingOffered", "telework", "remoteDays",
      "salaryMin", "salaryMax", "publishedAt", "deadline",
    ],
    sortableAttributes: ["publishedAt", "deadline", "salaryMin", "salaryMax", "_geo"],
    rankingRules: [...DEFAULT_RANKING_RULES, "publishedAt:desc"],
    faceting: { maxValuesPerFacet: 50, sortFacetValuesBy: { "*": "alpha", competencies: "count", departementCode: "count" } },
  },
};

// Lists Meilisearch may give back in another order without a change of meaning.
const UNORDERED = new Set(["filterableAttributes", "sortableAttributes", "stopWords", "disableOnAttributes", "disableOnWords"]);

/** A comparable form of a setting: object keys sorted, unordered lists sorted, strings NFC. */
function canonical(value: unknown, key = ""): unknown {
  // Meilisearch may hand back "à" decomposed.
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return UNORDERED.has(key) || key === "synonyms-values" ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k.normalize("NFC"), canonical((value as Record<string, unknown>)[k], key === "synonyms" ? "synonyms-values" : k)]),
    );
  }
  return value;
}

/** The keys of `wanted` whose value on the server differs (nested objects: only the keys we set). */
export function settingsDiff(wanted: Settings, current: Settings): (keyof Settings)[] {
  const changed: (keyof Settings)[] = [];
  for (const key of Object.keys(wanted) as (keyof Settings)[]) {
    let want: unknown = wanted[key];
    let have: unknown = current[key];
    if (want && have && typeof want === "object" && !Array.isArray(want) && key !== "synonyms") {
      // For objects such as typoTolerance, compare only the fields we set: the server fills in defaults.
      have = Object.fromEntries(Object.keys(want).map((k) => [k, (have as Record<string, unknown>)[k]]));
      want = { ...(want as object) };
    }
    if (JSON.stringify(canonical(want, key)) !== JSON.stringify(canonical(have, key))) changed.push(key);
  }
  return changed;
}

/** True when the index exists on the server. */
export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.index(uid).getRawInfo();
    return true;
  } catch (error) {
    if (searchErrorCode(error) === "index_not_found") return false;
    throw error;
  }
}

/** The settings of `name` that the index `uid` does not have yet (all of them if it is missing). */
export async function pendingSettings(client: Meilisearch, name: IndexName, uid: string = name): Promise<(keyof Settings)[]> {
  if (!(await indexExists(client, uid))) return Object.keys(indexSettings[name]) as (keyof Settings)[];
  return settingsDiff(indexSettings[name], (await client.index(uid).getSettings()) as Settings);
}

/**
 * Creates the index `uid` if needed and gives it the settings of `name`; returns the settings
 * that had to change (empty when the server already matched).
 */
export async function applyIndexSettings(client: Meilisearch, name: IndexName, uid: string = name): Promise<(keyof Settings)[]> {
  if (!(await indexExists(client, uid))) {
    await waitForSuccess(client.createIndex(uid, { primaryKey: "id" }));
  }
  const changed = await pendingSettings(client, name, uid);
  if (changed.length === 0) return [];
  const wanted = indexSettings[name];
  const patch = Object.fromEntries(changed.map((k) => [k, wanted[k]])) as Settings;
  // A settings change re-indexes the whole index: allow it time on large indexes.
  await waitForSuccess(client.index(uid).updateSettings(patch), 10 * 60_000);
  return changed;
}

/** Makes both live indexes exist with their settings. Idempotent. */
export async function applySettings(client: Meilisearch): Promise<Record<IndexName, (keyof Settings)[]>> {
  const out = {} as Record<IndexName, (keyof Settings)[]>;
  for (const name of INDEX_NAMES) out[name] = await applyIndexSettings(client, name);
  return out;
}
