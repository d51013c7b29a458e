import type { Prisma } from "~/generated/prisma/client";
import type { MatchInput } from "~/schemas/matching";
import { todayInFrance } from "~/schemas/position";
import { jsonArray, jsonList } from "~/utils/json";
import { SYNONYM_GROUPS } from "../../search/settings";
import {
  compileVocabulary,
  rankProfiles,
  type CandidateStatus,
  type CompetencyLevel,
  type EmployerType,
  type MatchContext,
  type MatchPoint,
  type MatchPosition,
  type MatchProfile,
  type Vocabulary,
} from "./matching";
import { CATEGORIES, type Categorie } from "~/reference/statute";
import { distanceKm, getCommune } from "~/reference/territory.server";

/**
 * The scorer's inputs from the database (and from the JSON of `npm run match`): Prisma rows and
 * INSEE codes become the pure types of app/domain/matching.ts, with the communes' points from the
 * official list. Nothing here decides who may see whom: the callers read rows through the gate.
 */

let vocabulary: Vocabulary | undefined;

/** Today in France, the trade's synonyms (compiled once) and the territory's distance. */
export function matchContext(today: string = todayInFrance()): MatchContext {
  vocabulary ??= compileVocabulary(SYNONYM_GROUPS);
  return { today, vocabulary, distanceKm };
}

function point(communeCode: string | null | undefined): MatchPoint | null {
  const c = communeCode ? getCommune(communeCode) : undefined;
  return c ? { lat: c.lat, lon: c.lon } : null;
}

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

const strings = (text: string) => jsonArray(text).filter((v): v is string => typeof v === "string" && v.trim() !== "");

const COLLECTIVITE_TYPES: readonly string[] = ["COMMUNE", "EPCI", "DEPARTEMENT", "REGION"];
const STATUSES: readonly string[] = ["TITULAIRE", "CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"];
const LEVELS: readonly string[] = ["INDISPENSABLE", "IMPORTANT", "APPRECIABLE"];

function employerOf(type: string | null, population: number | null, communeCode: string | null): MatchPosition["employer"] {
  const kind = type && COLLECTIVITE_TYPES.includes(type) ? (type as EmployerType) : null;
  // A commune's population is the official list's when the organisation row has none.
  const people = population ?? (kind === "COMMUNE" && communeCode ? (getCommune(communeCode)?.population ?? null) : null);
  return { type: kind, population: people };
}

// ---------------------------------------------------------------------------------------------
// Positions

export const matchPositionSelect = {
  id: true, title: true, filiere: true, categorie: true, cadresEmplois: true, grades: true, emploiFonctionnel: true,
  openToTitulaires: true, openToContractuels: true, communeCode: true, startDate: true, competencies: true,
  salaryMin: true, salaryMax: true, ifse: true, housing: true, housingHelp: true, temporaryAccommodation: true, remoteDays: true,
  organization: { select: { collectiviteType: true, population: true, communeCode: true } },
} satisfies Prisma.PositionSelect;

export type MatchPositionRow = Prisma.PositionGetPayload<{ select: typeof matchPositionSelect }>;

export function matchPositionFromRow(row: MatchPositionRow): MatchPosition {
  return {
    id: row.id,
    title: row.title,
    filiere: row.filiere,
    categorie: ((CATEGORIES as readonly string[]).includes(row.categorie) ? row.categorie : "A") as Categorie,
    cadresEmplois: strings(row.cadresEmplois),
    grades: strings(row.grades),
    emploiFonctionnel: row.emploiFonctionnel === "DGS" || row.emploiFonctionnel === "DGA" || row.emploiFonctionnel === "DGST" ? row.emploiFonctionnel : null,
    openToTitulaires: row.openToTitulaires,
    openToContractuels: row.openToContractuels,
    employer: employerOf(row.organization.collectiviteType, row.organization.population, row.organization.communeCode),
    place: point(row.communeCode),
    startDate: day(row.startDate),
    competencies: jsonList<{ label?: unknown; level?: unknown }>(row.competencies)
      .filter((c) => c && typeof c.label === "string" && c.label.trim() && typeof c.level === "string" && LEVELS.includes(c.level))
      .map((c) => ({ label: String(c.label).trim(), level: c.level as CompetencyLevel })),
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    ifse: row.ifse,
    housing: row.housing === "NAS" || row.housing === "COP_A" ? row.housing : "NONE",
    housingHelp: row.housingHelp,
    temporaryAccommodation: row.temporaryAccommodation,
    remoteDays: row.remoteDays,
  };
}

// ---------------------------------------------------------------------------------------------
// Profiles

export const matchProfileSelect = {
  id: true, status: true, filiere: true, categorie: true, cadreEmplois: true, grade: true, currentFunction: true, laureateCadre: true, laureateYear: true,
  previousPosts: true, wishedFunctions: true, wishedCategories: true, wishedFilieres: true, competencies: true,
  homeCommuneCode: true, maxDistanceKm: true, willingToRelocate: true, needsHousing: true, salaryExpectation: true,
  remoteDaysWished: true, availableFrom: true,
} satisfies Prisma.CandidateProfileSelect;

export type MatchProfileRow = Prisma.CandidateProfileGetPayload<{ select: typeof matchProfileSelect }>;

export function matchProfileFromRow(row: MatchProfileRow): MatchProfile {
  return {
    id: row.id,
    status: row.status && STATUSES.includes(row.status) ? (row.status as CandidateStatus) : null,
    filiere: row.filiere,
    categorie: row.categorie,
    cadreEmplois: row.cadreEmplois,
    grade: row.grade,
    laureateCadre: row.laureateCadre,
    laureateYear: row.laureateYear,
    currentFunction: row.currentFunction,
    previousFunctions: jsonArray(row.previousPosts)
      .map((p) => (p && typeof p === "object" && "title" in p ? String((p as { title: unknown }).title ?? "") : ""))
      .filter((t) => t.trim() !== ""),
    wishedFunctions: strings(row.wishedFunctions),
    wishedCategories: strings(row.wishedCategories),
    wishedFilieres: strings(row.wishedFilieres),
    competencies: strings(row.competencies),
    home: point(row.homeCommuneCode),
    maxDistanceKm: row.maxDistanceKm,
    willingToRelocate: row.willingToRelocate,
    needsHousing: row.needsHousing,
    salaryExpectation: row.salaryExpectation,
    remoteDaysWished: row.remoteDaysWished,
    availableFrom: day(row.availableFrom),
  };
}

// ---------------------------------------------------------------------------------------------
// The JSON of `npm run match` (app/schemas/matching.ts)

/** The JSON's positions and profiles as the scorer takes them; communes by INSEE code. */
export function matchInputToDomain(input: MatchInput): { positions: MatchPosition[]; profiles: Array<MatchProfile & { anonymous: boolean }> } {
  const positions = input.positions.map((p): MatchPosition => {
    const commune = getCommune(p.communeCode);
    const employerType = p.employer?.type ?? "COMMUNE";
    return {
      id: p.id,
      title: p.title,
      filiere: p.filiere,
      categorie: p.categorie,
      cadresEmplois: p.cadresEmplois,
      grades: p.grades,
      emploiFonctionnel: p.emploiFonctionnel,
      openToTitulaires: p.openToTitulaires,
      openToContractuels: p.openToContractuels,
      employer: employerOf(employerType, p.employer?.population ?? null, p.employer?.communeCode ?? p.communeCode),
      place: commune ? { lat: commune.lat, lon: commune.lon } : null,
      startDate: p.startDate,
      competencies: p.competencies,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      ifse: p.ifse,
      housing: p.housing,
      housingHelp: p.housingHelp,
      temporaryAccommodation: p.temporaryAccommodation,
      remoteDays: p.remoteDays,
    };
  });
  const profiles = input.profiles.map((p) => ({
    id: p.id,
    anonymous: p.anonymous,
    status: p.status,
    filiere: p.filiere,
    categorie: p.categorie,
    cadreEmplois: p.cadreEmplois,
    grade: p.grade,
    currentFunction: p.currentFunction,
    previousFunctions: p.previousFunctions,
    wishedFunctions: p.wishedFunctions,
    wishedCategories: p.wishedCategories,
    wishedFilieres: p.wishedFilieres,
    competencies: p.competencies,
    home: point(p.homeCommuneCode),
    maxDistanceKm: p.maxDistanceKm,
    willingToRelocate: p.willingToRelocate,
    needsHousing: p.needsHousing,
    salaryExpectation: p.salaryExpectation,
    remoteDaysWished: p.remoteDaysWished,
    availableFrom: p.availableFrom,
  }));
  return { positions, profiles };
}

/** Unknown INSEE codes in the JSON: the command says which instead of scoring without a place. */
export function unknownCommunes(input: MatchInput): string[] {
  const codes = [
    ...input.positions.flatMap((p) => [p.communeCode, p.employer?.communeCode].filter((c): c is string => !!c)),
    ...input.profiles.map((p) => p.homeCommuneCode).filter((c): c is string => !!c),
  ];
  return [...new Set(codes.filter((c) => !getCommune(c)))].sort();
}

// ---------------------------------------------------------------------------------------------
// `npm run match`: every position against every profile, best first

export type MatchRun = {
  today: string;
  positions: Array<{
    id: string;
    title: string;
    candidates: Array<{ id: string; score: number; capped: "statut" | "competence" | null; reasons: Array<{ factor: string; text: string; weight: number }> }>;
  }>;
};

/** The command's answer for a parsed input (the benchmark runs the same function on the fixture). */
export function runMatch(input: MatchInput): MatchRun {
  const context = matchContext(input.today);
  const { positions, profiles } = matchInputToDomain(input);
  return {
    today: context.today,
    positions: positions.map((position) => ({
      id: position.id,
      title: position.title,
      candidates: rankProfiles(position, profiles, context, (p) => (p.anonymous ? "anonymous" : "full")).map(({ profile, result }) => ({
        id: profile.id,
        score: result.score,
        capped: result.capped,
        reasons: result.reasons,
      })),
    })),
  };
}
