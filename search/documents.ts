import type { Prisma } from "../app/generated/prisma/client";
import { identityOpenToCabinets, isInTalentPool, isPublicOffer, showsAnonymousCard } from "../app/access/rules";
import { anonymousCard, experienceBandLabel, wideAreaLabel } from "../app/access/anonymous-card";
import { quasiFacts } from "./quasi-facts";
import { competencyKeys } from "./competency-keys";
import type { Availability } from "../app/schemas/talent-search";
import { jsonArray } from "../app/utils/json";
import { filiereLabel, getCadre } from "../app/reference/statute";
import { getCommune, getDepartement, getRegion } from "../app/reference/territory.server";

/**
 * Row → search document. The only code that decides what enters the indexes: a field that is
 * not written here is not in Meilisearch, and a row for which a mapper returns null is removed
 * from it. Dates are milliseconds since the epoch (numbers filter and sort; strings do not).
 */

// ---------------------------------------------------------------------------------------------
// Candidates

/** What the mapper needs of a profile: load it with this include. */
export const candidateDocumentInclude = {
  user: { select: { name: true, email: true, role: true } },
  hiddenFrom: { select: { officialKey: true } },
} satisfies Prisma.CandidateProfileInclude;

export type CandidateRow = Prisma.CandidateProfileGetPayload<{ include: typeof candidateDocumentInclude }>;

export type { Availability };

export type CandidateDocument = {
  id: string;
  pseudonym: string;
  visibility: "ANONYMOUS" | "VISIBLE";
  /** Official keys of the organisations the candidate hides from. Filterable, never displayed. */
  hiddenFrom: string[];
  currentFunction: string | null;
  cadreEmplois: string | null;
  cadreLabel: string | null;
  grade: string | null;
  categorie: string | null;
  filiere: string | null;
  filiereLabel: string | null;
  status: string | null;
  competencies: string[];
  /**
   * The competencies as the filters compare them (search/competency-keys.ts: case, accents,
   * plurals and the trade's synonyms aside). Filterable, never displayed: they say nothing that
   * `competencies` does not, on an anonymous card as on a visible one.
   */
  competencyKeys: string[];
  yearsExperience: number | null;
  /**
   * INSEE code of the home commune: the distance filter and sort work on it (homes are commune
   * centres; see search/candidate-search.ts). Filterable, never displayed.
   */
  homeCommuneCode: string | null;
  homeCommuneName: string | null;
  departementCode: string | null;
  departementName: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** The home commune's centre, for the distance shown on a hit (not a geo index: see settings). */
  _geo?: { lat: number; lng: number };
  maxDistanceKm: number | null;
  willingToRelocate: boolean;
  needsHousing: boolean;
  salaryExpectation: number | null;
  availableFrom: number | null;
  /** Relative to the time of indexing: see availabilityBucket. */
  availability: Availability;
  lastActivityAt: number;
  /**
   * An anonymous profile's coarsened facts (the gate's rule 14): its family of functions, its
   * experience as a band, and the wide area when even the région is too fine. For such a
   * document currentFunction, grade and yearsExperience are null, and cadreEmplois, filiere,
   * categorie, status, departement* and region* are null where its step hides them: what is not
   * in the document can be neither shown nor filtered nor searched on.
   */
  functionFamily?: string | null;
  experienceBand?: string | null;
  /** Lauréat(e) de concours on a liste d'aptitude (filterable); null where an anonymous card hides it. */
  laureate: boolean | null;
  /** Which concours and year: only for VISIBLE profiles (lists of aptitude are public). */
  laureateLabel?: string | null;
  areaName?: string | null;
  /** Only for VISIBLE profiles: an anonymous document carries nothing that names the person. */
  name?: string;
  email?: string;
  currentEmployerName?: string | null;
};

function stringList(text: string): string[] {
  return jsonArray(text).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setMonth(d.getMonth() + months);
  return d;
}

/**
 * "immediate", within 3 months, within 6 months, later. Computed when the document is built, so
 * it ages: filter on availableFrom for exact dates; a reindex refreshes the buckets.
 */
export function availabilityBucket(availableFrom: Date | null, now: Date = new Date()): Availability {
  if (!availableFrom || availableFrom <= now) return "immediate";
  if (availableFrom <= addMonths(now, 3)) return "3mois";
  if (availableFrom <= addMonths(now, 6)) return "6mois";
  return "plus";
}

function place(communeCode: string | null) {
  const commune = communeCode ? getCommune(communeCode) : undefined;
  const departement = commune ? getDepartement(commune.departementCode) : undefined;
  const region = commune ? getRegion(commune.regionCode) : undefined;
  return {
    commune,
    departementCode: commune?.departementCode ?? null,
    departementName: departement?.name ?? null,
    regionCode: commune?.regionCode ?? null,
    regionName: region?.name ?? null,
    ...(commune ? { _geo: { lat: commune.lat, lng: commune.lon } } : {}),
  };
}

/** The candidate's document, or null when the profile must not be in the talent pool. */
export function candidateDocument(row: CandidateRow, now: Date = new Date()): CandidateDocument | null {
  // Only the talent pool (the gate's rule 1): HIDDEN, any value we do not know, and any account
  // that is not a candidate's stay out of the index entirely.
  if (!isInTalentPool(row)) return null;

  const { commune, ...where } = place(row.homeCommuneCode);
  const competencies = stringList(row.competencies);
  const doc: CandidateDocument = {
    id: row.id,
    pseudonym: row.pseudonym,
    visibility: row.visibility,
    hiddenFrom: [...new Set(row.hiddenFrom.map((h) => h.officialKey))].sort(),
    currentFunction: row.currentFunction,
    cadreEmplois: row.cadreEmplois,
    cadreLabel: row.cadreEmplois ? (getCadre(row.cadreEmplois)?.label ?? null) : null,
    grade: row.grade,
    categorie: row.categorie,
    filiere: row.filiere,
    filiereLabel: row.filiere ? filiereLabel(row.filiere) : null,
    status: row.status,
    competencies,
    competencyKeys: competencyKeys(competencies),
    yearsExperience: row.yearsExperience,
    laureate: !!row.laureateCadre,
    homeCommuneCode: commune?.code ?? null,
    homeCommuneName: commune?.name ?? null,
    ...where,
    maxDistanceKm: row.maxDistanceKm,
    willingToRelocate: row.willingToRelocate,
    needsHousing: row.needsHousing,
    salaryExpectation: row.salaryExpectation,
    availableFrom: row.availableFrom?.getTime() ?? null,
    availability: availabilityBucket(row.availableFrom, now),
    lastActivityAt: row.lastActivityAt.getTime(),
  };
  if (showsAnonymousCard(row)) return coarsened(doc, row);
  if (identityOpenToCabinets(row)) {
    doc.name = row.user.name;
    doc.email = row.user.email;
    doc.currentEmployerName = row.currentEmployerName;
    doc.laureateLabel = laureateLabel(row);
  }
  return doc;
}

/** « Lauréat(e) du concours d'attaché territorial, liste d'aptitude 2025 », or null. */
function laureateLabel(row: { laureateCadre: string | null; laureateYear: number | null }): string | null {
  if (!row.laureateCadre) return null;
  const cadre = getCadre(row.laureateCadre);
  return `Lauréat(e) du concours des ${(cadre?.label ?? row.laureateCadre).toLowerCase()}${row.laureateYear ? `, liste d’aptitude ${row.laureateYear}` : ""}`;
}

/** An anonymous profile's document: only the facts of its card (rule 14), at its stored step. */
function coarsened(doc: CandidateDocument, row: CandidateRow): CandidateDocument {
  const card = anonymousCard(quasiFacts(row), row.anonymousStep);
  const departement = card.departementCode ? getDepartement(card.departementCode) : undefined;
  const region = card.regionCode ? getRegion(card.regionCode) : undefined;
  return {
    ...doc,
    currentFunction: null,
    // The commune stays only as a filterable code for the distance rule (rule 9), never named.
    homeCommuneName: null,
    functionFamily: card.functionFamily,
    status: card.status,
    filiere: card.filiere,
    filiereLabel: card.filiere ? filiereLabel(card.filiere) : null,
    categorie: card.categorie,
    cadreEmplois: card.cadreEmplois,
    cadreLabel: card.cadreEmplois ? (getCadre(card.cadreEmplois)?.label ?? null) : null,
    grade: null,
    laureate: card.laureate,
    yearsExperience: null,
    experienceBand: card.experience ? experienceBandLabel(card.experience) : null,
    departementCode: departement?.code ?? null,
    departementName: departement?.name ?? null,
    regionCode: region?.code ?? null,
    regionName: region?.name ?? null,
    areaName: !region && card.area ? wideAreaLabel(card.area) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Positions

/** What the mapper needs of a position: load it with this include. */
export const positionDocumentInclude = {
  organization: { select: { name: true, officialKey: true } },
} satisfies Prisma.PositionInclude;

export type PositionRow = Prisma.PositionGetPayload<{ include: typeof positionDocumentInclude }>;

export type PositionDocument = {
  id: string;
  title: string;
  organizationName: string;
  organizationKey: string;
  communeCode: string;
  communeName: string | null;
  departementCode: string | null;
  departementName: string | null;
  regionCode: string | null;
  regionName: string | null;
  _geo?: { lat: number; lng: number };
  filiere: string;
  filiereLabel: string;
  categorie: string;
  cadresEmplois: string[];
  cadresLabels: string[];
  grades: string[];
  emploiFonctionnel: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  housing: string;
  housingOffered: boolean;
  remoteDays: number;
  telework: boolean;
  missions: string;
  competencies: string[];
  publishedAt: number;
  deadline: number | null;
};

/** The position's document, or null when it is not a public offer (the gate's rule 6). */
export function positionDocument(row: PositionRow): PositionDocument | null {
  if (!isPublicOffer(row)) return null;

  const { commune, ...where } = place(row.communeCode);
  const cadres = stringList(row.cadresEmplois);
  const competencies = jsonArray(row.competencies)
    .map((c) => (typeof c === "string" ? c : typeof c === "object" && c && "label" in c ? String(c.label) : ""))
    .map((label) => label.trim())
    .filter((label) => label !== "");
  return {
    id: row.id,
    title: row.title,
    organizationName: row.organization.name,
    organizationKey: row.organization.officialKey,
    communeCode: row.communeCode,
    communeName: commune?.name ?? null,
    ...where,
    filiere: row.filiere,
    filiereLabel: filiereLabel(row.filiere),
    categorie: row.categorie,
    cadresEmplois: cadres,
    cadresLabels: cadres.map((code) => getCadre(code)?.label).filter((l): l is string => !!l),
    grades: stringList(row.grades),
    emploiFonctionnel: row.emploiFonctionnel,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    housing: row.housing,
    housingOffered: row.housing !== "NONE",
    remoteDays: row.remoteDays,
    telework: row.remoteDays > 0,
    missions: row.missions,
    competencies,
    publishedAt: (row.publishedAt ?? row.updatedAt).getTime(),
    deadline: row.deadline?.getTime() ?? null,
  };
}
