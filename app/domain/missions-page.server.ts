import { assertConsultant, cabinetMissionWhere, mayStaffMission, type CabinetUser } from "~/access/guards.server";
import { distanceShownToCabinet, type EntrySight } from "~/access/rules";
import { CATEGORIES, type Categorie } from "~/reference/statute";
import { BOARD_COLUMN_LIMIT, ACTIVE_STAGES, type ShortlistQuery, type ShortlistSort } from "~/schemas/mission";
import { benefitLabel, type PositionState } from "~/schemas/position";
import { exitReasonLabel, manualMoves, SOURCE_LABEL, STAGES, type Source, type Stage } from "~/schemas/shortlist";
import { emptyTalentSearch, talentSearchQuery } from "~/schemas/talent-search";
import { db } from "~/utils/db.server";
import { jsonList } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import type { MatchView } from "~/schemas/matching";
import { mustHaves } from "./feasibility.server";
import { matchForRows } from "./match-pages.server";
import { briefSummary } from "./mission-brief.server";
import { countByStage, readEntries, shortlistScope, type ShortlistRow } from "./shortlists.server";
import { distanceKm, getCommune, type Commune } from "~/reference/territory.server";

/**
 * /cabinet/missions/:id, the consultant's workspace of a mission: the position and what it
 * offers, the client's committee and criteria, who works on it, the brief, the dates, and the
 * confidential shortlist as a list or a board. Everything goes through the gate: the mission is
 * the consultant's (cabinetMissionWhere, else null and the route answers 404), each entry shows
 * what its sight allows (rule 7), and the list is filtered and sorted on what it shows only.
 */

const DAY_MS = 86_400_000;

export type MissionRow = {
  id: string;
  label: string;
  sight: EntrySight;
  profileId: string | null;
  function: string | null;
  grade: string | null;
  distance: { label: string; rank: number; exact: boolean } | null;
  source: Source | null;
  stage: Stage;
  days: number | null;
  score: number | null;
  email: string | null;
  exitReason: string | null;
  moves: Stage[];
  /** A CV typed in with a person met elsewhere (/cabinet/missions/:id/cv/:entryId). */
  externalCv: boolean;
};

/**
 * One entry as the mission's pages show it (and its CSV exports it). A withdrawn candidate's row
 * says so and shows the cabinet's own stage, nothing about the person: not even how they came.
 */
export function missionRow(r: ShortlistRow, workplace: Commune | undefined, now: number): MissionRow {
  const withdrawn = r.sight === "withdrawn";
  const home = r.homeCommuneCode ? getCommune(r.homeCommuneCode) : undefined;
  const km = workplace && home ? distanceKm(workplace, home) : null;
  return {
    id: r.id,
    label: r.label,
    sight: r.sight,
    profileId: r.profileId,
    function: r.currentFunction,
    grade: r.grade,
    distance: distanceShownToCabinet(r.sight, km),
    source: withdrawn ? null : r.source,
    stage: r.stage,
    days: withdrawn ? null : Math.max(0, Math.floor((now - Date.parse(r.stageChangedAt)) / DAY_MS)),
    score: r.scoreAverage,
    email: r.email,
    exitReason: withdrawn ? null : exitReasonLabel(r.stage, r.exitReason),
    moves: manualMoves(r.stage),
    externalCv: r.sight === "external" && r.hasCv,
  };
}

/** A row as the mission page shows it: with the matching's score and reasons (null: none to give). */
export type MissionPageRow = MissionRow & { match: MatchView | null };

const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

/** The rows the list's filters keep: on the stage, the source, and words of what each row shows. */
export function filterRows(rows: readonly MissionRow[], query: Pick<ShortlistQuery, "stage" | "source" | "q">): MissionRow[] {
  const words = fold(query.q).split(" ").filter(Boolean);
  return rows.filter((r) => {
    if (query.stage === "en-cours" ? !ACTIVE_STAGES.includes(r.stage) : query.stage && r.stage !== query.stage) return false;
    if (query.source && r.source !== query.source) return false;
    if (words.length) {
      const shown = fold([r.label, r.function, r.grade, r.email].filter(Boolean).join(" "));
      if (!words.every((w) => shown.includes(w))) return false;
    }
    return true;
  });
}

const STAGE_ORDER = new Map(STAGES.map((s, i) => [s, i]));

/** Sorted on the shown values, empty ones last whatever the direction; ties keep the list's order. */
export function sortRows(rows: readonly MissionRow[], sort: ShortlistSort, desc: boolean): MissionRow[] {
  const key = (r: MissionRow): string | number | null => {
    switch (sort) {
      case "label": return fold(r.label);
      case "function": return r.function === null ? null : fold(`${r.function} ${r.grade ?? ""}`);
      case "distance": return r.distance?.rank ?? null;
      case "source": return r.source ? SOURCE_LABEL[r.source] : null;
      case "stage": return STAGE_ORDER.get(r.stage) ?? 0;
      case "days": return r.days;
      case "score": return r.score;
    }
  };
  const indexed = rows.map((r, i) => ({ r, i, k: key(r) }));
  indexed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
    const c = typeof a.k === "number" && typeof b.k === "number" ? a.k - b.k : String(a.k).localeCompare(String(b.k), "fr");
    return (desc ? -c : c) || a.i - b.i;
  });
  return indexed.map((x) => x.r);
}

function communeLabel(code: string): string {
  const c = getCommune(code);
  return c ? `${c.name} (${c.departementCode})` : code;
}

async function missionDetails(user: CabinetUser, missionId: string) {
  return db.mission.findFirst({
    where: cabinetMissionWhere(user, missionId),
    select: {
      id: true, status: true, createdAt: true, cabinetId: true, presentationPlannedAt: true,
      briefSharedAt: true, briefAgreedAt: true, briefAgreedByName: true,
      position: {
        select: {
          title: true, state: true, confidential: true, communeCode: true, deadline: true, startDate: true,
          filiere: true, categorie: true, cadresEmplois: true, grades: true, competencies: true,
          salaryMin: true, salaryMax: true, ifse: true, cia: true, nbiPoints: true, benefits: true,
          housing: true, housingHelp: true, rentT3: true, temporaryAccommodation: true,
          remoteDays: true, stationDistanceKm: true, stationTimeMin: true, publicTransport: true, serviceVehicle: true,
          relocationHelp: true, spouseJobHelp: true, territory: true, projects: true,
          organization: { select: { name: true } },
          committee: { orderBy: { sort: "asc" }, select: { id: true, name: true, function: true, role: true } },
          criteria: { orderBy: { sort: "asc" }, select: { id: true, label: true, weight: true } },
        },
      },
      consultants: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true, isCabinetLead: true } } } },
      briefs: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true, author: { select: { name: true } }, targetFunctions: true, targetRegions: true, priorityCompetencies: true, context: true } },
    },
  });
}

type Details = NonNullable<Awaited<ReturnType<typeof missionDetails>>>;

/** The vivier opened on this mission: around the position, its filière, catégorie and cadres. */
export function missionSearchUrl(missionId: string, p: { communeCode: string; filiere: string; categorie: string; cadresEmplois: string; grades: string; competencies: string }): string {
  const commune = getCommune(p.communeCode);
  const needs = mustHaves(p);
  return `/cabinet/vivier?${talentSearchQuery({
    ...emptyTalentSearch(),
    mission: missionId,
    commune: commune ? commune.code : null,
    radius: 60,
    filiere: [p.filiere],
    categorie: (CATEGORIES as readonly string[]).includes(p.categorie) ? [p.categorie as Categorie] : [],
    cadre: needs.filters.statutory.cadreEmplois ? [...needs.filters.statutory.cadreEmplois] : [],
  })}`;
}

function header(d: Details) {
  const p = d.position;
  return {
    mission: {
      id: d.id,
      status: d.status as "ACTIVE" | "CLOSED",
      createdAt: d.createdAt.toISOString(),
      presentationPlannedAt: d.presentationPlannedAt?.toISOString() ?? null,
      title: p.title,
      positionState: p.state as PositionState,
      confidential: p.confidential,
      collectiviteName: p.organization.name,
      commune: communeLabel(p.communeCode),
      deadline: p.deadline?.toISOString() ?? null,
      startDate: p.startDate?.toISOString() ?? null,
    },
    context: {
      salaryMin: p.salaryMin, salaryMax: p.salaryMax, ifse: p.ifse, cia: p.cia, nbiPoints: p.nbiPoints,
      benefits: jsonList<string>(p.benefits).map(benefitLabel),
      housing: p.housing, housingHelp: p.housingHelp, rentT3: p.rentT3, temporaryAccommodation: p.temporaryAccommodation,
      remoteDays: p.remoteDays, stationDistanceKm: p.stationDistanceKm, stationTimeMin: p.stationTimeMin, publicTransport: p.publicTransport,
      serviceVehicle: p.serviceVehicle, relocationHelp: p.relocationHelp, spouseJobHelp: p.spouseJobHelp,
      territory: p.territory, projects: p.projects,
    },
    committee: p.committee,
    criteria: p.criteria,
  };
}

async function team(user: CabinetUser, d: Details) {
  const onMission = d.consultants.map((c) => ({ id: c.user.id, name: c.user.name, lead: c.user.isCabinetLead }));
  const canStaff = mayStaffMission(user, d);
  const others = canStaff
    ? await db.user.findMany({
        where: { organizationId: d.cabinetId, role: "CONSULTANT", id: { notIn: onMission.map((c) => c.id) } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : [];
  return { consultants: onMission, canStaff, available: others };
}

function boardOf(rows: readonly MissionRow[]): Array<{ stage: Stage; count: number; cards: MissionRow[]; more: number }> {
  return STAGES.map((stage) => {
    const inStage = rows.filter((r) => r.stage === stage);
    // The longest waiting first, where the search goes on; the latest first among the exits.
    const ordered = sortRows(inStage, "days", !["HIRED", "NOT_RETAINED", "WITHDREW"].includes(stage));
    return { stage, count: inStage.length, cards: ordered.slice(0, BOARD_COLUMN_LIMIT), more: Math.max(0, inStage.length - BOARD_COLUMN_LIMIT) };
  });
}

/**
 * Everything /cabinet/missions/:id shows, or null when the mission is not the consultant's.
 * The list view gets one page of rows; the board, the first cards of each stage.
 */
export async function missionPage(user: SessionUser, missionId: string, query: ShortlistQuery, now = Date.now()) {
  assertConsultant(user);
  const scope = await shortlistScope(user, missionId);
  if (!scope) return null;
  const [details, entries] = await Promise.all([missionDetails(user, missionId), readEntries(db, user, scope)]);
  if (!details) return null;
  const workplace = getCommune(details.position.communeCode);
  const rows = entries.map((e) => missionRow(e, workplace, now));
  const filtered = filterRows(rows, query.view === "tableau" ? { ...query, stage: null } : query);
  let list: { rows: MissionPageRow[]; total: number; pageCount: number } | null = null;
  let board: Array<{ stage: Stage; count: number; cards: MissionPageRow[]; more: number }> | null = null;
  // The matching's score for the rows shown only (a page, the board's first cards), never the
  // whole list: the position and their profiles in two statements (matchForRows).
  const scored = async (shown: MissionRow[]): Promise<MissionPageRow[]> => {
    const matches = await matchForRows(user, details.id, shown);
    return shown.map((r) => ({ ...r, match: matches.get(r.id) ?? null }));
  };
  if (query.view === "liste") {
    const sorted = sortRows(filtered, query.sort, query.desc);
    const pageCount = Math.max(1, Math.ceil(sorted.length / query.size));
    const start = (query.page - 1) * query.size;
    list = { rows: await scored(sorted.slice(start, start + query.size)), total: sorted.length, pageCount };
  } else {
    const columns = boardOf(filtered);
    const cards = await scored(columns.flatMap((c) => c.cards));
    const byId = new Map(cards.map((c) => [c.id, c]));
    board = columns.map((c) => ({ ...c, cards: c.cards.map((card) => byId.get(card.id)!) }));
  }
  return {
    ...header(details),
    team: await team(user, details),
    brief: briefSummary(details),
    counts: countByStage(rows),
    total: rows.length,
    searchUrl: missionSearchUrl(details.id, details.position),
    query,
    list,
    board,
  };
}

export type MissionPage = NonNullable<Awaited<ReturnType<typeof missionPage>>>;

// ---------------------------------------------------------------------------------------------
// Writes of the mission page

export type MissionWriteResult = { ok: true } | { ok: false; status: 403 | 404 | 409; error: string };

/** The planned presentation of finalists to the client's committee (null clears it). */
export async function setPresentationDate(user: SessionUser, missionId: string, date: Date | null): Promise<MissionWriteResult> {
  assertConsultant(user);
  const changed = await db.mission.updateMany({ where: { ...cabinetMissionWhere(user, missionId), status: "ACTIVE" }, data: { presentationPlannedAt: date } });
  if (changed.count === 1) return { ok: true };
  const exists = await db.mission.count({ where: cabinetMissionWhere(user, missionId) });
  return exists ? { ok: false, status: 409, error: "Cette mission est terminée : sa date de présentation ne change plus." } : { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." };
}
