import type { ShortlistsPlan } from "./shortlists";

/**
 * The seed as data: everything is generated into these plain rows first, referring to each other
 * by stable keys (official key, e-mail, stable id), then written. Rows carry the columns of
 * prisma/schema.prisma, JSON columns already serialised.
 */

export type Role = "EMPLOYER" | "CONSULTANT" | "CANDIDATE" | "ADMIN";
export type Visibility = "HIDDEN" | "ANONYMOUS" | "VISIBLE";
export type CandidateStatus = "TITULAIRE" | "CONTRACTUEL" | "PRIVE" | "DEMANDEUR_EMPLOI";
export type PositionState = "DRAFT" | "PUBLISHED" | "FILLED" | "CLOSED";
export type ApplicationState = "SENT" | "REVIEWING" | "INTERVIEW" | "INTERVIEW_PROPOSED" | "INTERVIEW_BOOKED" | "ACCEPTED" | "REJECTED" | "WITHDRAWN";

export type OrganizationPlan = {
  officialKey: string;
  kind: "COLLECTIVITE" | "CABINET";
  name: string;
  siren: string | null;
  collectiviteType: string | null;
  code: string | null;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
  communeCode: string | null;
  createdAt: Date;
};

export type UserPlan = {
  email: string;
  name: string;
  role: Role;
  orgKey: string | null;
  isCabinetLead: boolean;
  privacyAcceptedAt: Date | null;
  lastActiveAt: Date | null;
  createdAt: Date;
};

export type ProfilePlan = {
  email: string;
  pseudonym: string;
  visibility: Visibility;
  status: CandidateStatus;
  /** Follow from the cadre d'emplois (null without one), as the profile form stores them. */
  filiere: string | null;
  categorie: string | null;
  cadreEmplois: string | null;
  grade: string | null;
  /** « Lauréat(e) de concours, inscrit(e) sur liste d'aptitude »: the concours's cadre and year. */
  laureateCadre: string | null;
  laureateYear: number | null;
  currentEmployerKey: string | null;
  currentEmployerName: string | null;
  currentFunction: string | null;
  yearsExperience: number;
  previousPosts: string;
  diplomas: string;
  competencies: string;
  languages: string;
  summary: string;
  wishedFunctions: string;
  wishedFilieres: string;
  wishedCategories: string;
  homeCommuneCode: string;
  maxDistanceKm: number;
  willingToRelocate: boolean;
  needsHousing: boolean;
  salaryExpectation: number;
  remoteDaysWished: number;
  availableFrom: Date;
  consentAt: Date;
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
  hiddenFrom: Array<{ officialKey: string; name: string }>;
};

export type CandidatePlan = { user: UserPlan; profile: ProfilePlan };

export type PositionPlan = {
  id: string;
  orgKey: string;
  createdByEmail: string;
  state: PositionState;
  confidential: boolean;
  title: string;
  filiere: string;
  categorie: string;
  cadresEmplois: string;
  grades: string;
  emploiFonctionnel: string | null;
  strate: string | null;
  openToTitulaires: boolean;
  openToContractuels: boolean;
  fullTime: boolean;
  /** null for a full-time position, as the position form stores it. */
  hoursPerWeek: number | null;
  communeCode: string;
  startDate: Date;
  deadline: Date;
  missions: string;
  competencies: string;
  teamSize: number;
  budgetManaged: number;
  salaryMin: number;
  salaryMax: number;
  ifse: number;
  cia: number;
  nbiPoints: number;
  benefits: string;
  housing: "NONE" | "NAS" | "COP_A";
  housingHelp: boolean;
  rentT3: number;
  temporaryAccommodation: boolean;
  stationDistanceKm: number;
  stationTimeMin: number;
  publicTransport: string;
  serviceVehicle: boolean;
  remoteDays: number;
  relocationHelp: boolean;
  spouseJobHelp: boolean;
  territory: string;
  projects: string;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  events: Array<{ id: string; fromState: PositionState | null; toState: PositionState; at: Date }>;
  committee: Array<{ id: string; name: string; function: string; role: "CONTRIBUTE" | "DECIDE" | "EVALUATE"; sort: number }>;
  criteria: Array<{ id: string; label: string; weight: number; sort: number }>;
  /** The cabinet (official key) the search is entrusted to, if any. */
  missionCabinetKey: string | null;
  missionCreatedAt: Date | null;
};

export type ApplicationPlan = {
  email: string;
  positionId: string;
  letter: string;
  state: ApplicationState;
  internalNote: string;
  score: number | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A cabinet's proposal to a candidate, on the search it was entrusted (by position and cabinet). */
export type ContactRequestPlan = {
  id: string;
  /** The candidate's. */
  email: string;
  positionId: string;
  cabinetKey: string;
  consultantEmail: string;
  message: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  createdAt: Date;
  answeredAt: Date | null;
};

/** A message of the conversation between a candidate (email) and the consultants of a mission. */
export type MessagePlan = {
  id: string;
  email: string;
  positionId: string;
  cabinetKey: string;
  /** The candidate's e-mail or a consultant's. */
  authorEmail: string;
  body: string;
  createdAt: Date;
};

/** A consultant's saved talent search (query as the talent search page stores it). */
export type SavedSearchPlan = {
  id: string;
  email: string;
  name: string;
  query: string;
  lastRunAt: Date;
  createdAt: Date;
};

export type SeedPlan = {
  organizations: OrganizationPlan[];
  users: UserPlan[];
  candidates: CandidatePlan[];
  positions: PositionPlan[];
  applications: ApplicationPlan[];
  contactRequests: ContactRequestPlan[];
  messages: MessagePlan[];
  savedSearches: SavedSearchPlan[];
  /** The missions' staffing, briefs, shortlists and the cabinet's templates (seed/shortlists.ts). */
  shortlists: ShortlistsPlan;
};
