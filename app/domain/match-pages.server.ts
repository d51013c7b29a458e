import type { Meilisearch } from "meilisearch";
import { assertCandidate, assertConsultant, cabinetMissionWhere, cabinetScope, consultantKeys } from "~/access/guards.server";
import { cabinetRevealFacts, cabinetRevealSelect, offersForCandidateWhere, shortlistEntrySight, shortlistListedWhere, type EntrySight } from "~/access/rules";
import type { MatchView } from "~/schemas/matching";
import { notFound } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { getSearchReader, searchErrorMessage } from "../../search/client";
import { rankPositions, scoreMatch } from "./matching";
import { matchContext, matchPositionFromRow, matchPositionSelect, matchProfileFromRow, matchProfileSelect } from "./matching.server";
import { addToShortlist, type AddResult } from "./shortlists.server";
import { rankSuggestions, type Suggestion } from "./suggestions.server";
import { searchViewer } from "./talent-search.server";
import { getCommune } from "~/reference/territory.server";

/**
 * Where the matching shows: a mission's « Profils suggérés », the score beside a shortlist
 * entry, a candidate's « Offres pour vous ». Each function takes the acting user and reads
 * through the gate (app/access/): the consultant's missions and keys, the entry's sight, the
 * public offers of employers the candidate does not hide from.
 */

// ---------------------------------------------------------------------------------------------
// « Profils suggérés » (/cabinet/missions/:id/suggestions)

/** How many ranked profiles the page keeps, and shows per page. */
export const SUGGESTIONS_KEPT = 100;
export const SUGGESTIONS_PER_PAGE = 20;

export type MissionSuggestionsPage = {
  mission: { id: string; title: string; collectiviteName: string; commune: string; active: boolean };
  /** Null when the search engine did not answer (French message in `unavailable`). */
  result: { examined: number; total: number; page: number; pageCount: number; suggestions: Suggestion[] } | null;
  unavailable: string | null;
};

/**
 * The mission's suggestions for a consultant on it (404 otherwise: searchViewer), page `page`
 * of the ranked list. Never a profile outside the pool, hiding from the cabinet or a client, or
 * already on the shortlist (app/domain/suggestions.server.ts says how).
 */
export async function missionSuggestions(user: SessionUser, missionId: string, { page = 1, client = getSearchReader() }: { page?: number; client?: Meilisearch } = {}): Promise<MissionSuggestionsPage> {
  const { viewer, mission } = await searchViewer(user, missionId);
  if (!mission) throw notFound();
  assertConsultant(user);
  const row = await db.position.findUniqueOrThrow({ where: { id: mission.position.id }, select: matchPositionSelect });
  const position = matchPositionFromRow(row);
  const commune = getCommune(row.communeCode);
  const head = {
    id: mission.id,
    title: mission.position.title,
    collectiviteName: mission.position.organization.name,
    commune: commune ? `${commune.name} (${commune.departementCode})` : row.communeCode,
    active: mission.status === "ACTIVE",
  };
  try {
    const run = await rankSuggestions({ db, client }, { viewer, scope: cabinetScope(user), position, missionId: mission.id, context: matchContext(), limit: SUGGESTIONS_KEPT });
    const pageCount = Math.max(1, Math.ceil(run.suggestions.length / SUGGESTIONS_PER_PAGE));
    const current = Math.min(Math.max(1, page), pageCount);
    return {
      mission: head,
      result: {
        examined: run.examined,
        total: run.suggestions.length,
        page: current,
        pageCount,
        suggestions: run.suggestions.slice((current - 1) * SUGGESTIONS_PER_PAGE, current * SUGGESTIONS_PER_PAGE),
      },
      unavailable: null,
    };
  } catch (error) {
    console.error(`[vivier] the suggestions of mission ${mission.id} failed: ${searchErrorMessage(error)}`);
    return { mission: head, result: null, unavailable: "Les suggestions sont momentanément indisponibles (le moteur de recherche ne répond pas). Réessayez dans quelques instants." };
  }
}

/** « Ajouter à la liste »: the shortlist's own rules decide (addToShortlist). */
export function addSuggestionToShortlist(user: SessionUser, missionId: string, profileId: string): Promise<AddResult> {
  return addToShortlist(user, missionId, profileId);
}

// ---------------------------------------------------------------------------------------------
// Beside a shortlist entry

/**
 * The score and reasons of an entry of a mission the consultant is on, or null: no such entry
 * for them, a person met elsewhere (no profile to score), or a candidate who withdrew from the
 * cabinet (the gate's rule 7: nothing is said of them). A pseudonymous candidate's reasons say
 * the distance as a band.
 */
export async function matchForEntry(user: SessionUser, entryId: string): Promise<MatchView | null> {
  assertConsultant(user);
  const row = await db.shortlistEntry.findFirst({
    where: { id: entryId, mission: cabinetMissionWhere(user) },
    select: {
      id: true,
      profileId: true,
      mission: { select: { positionId: true, position: { select: { ...matchPositionSelect, organization: { select: { ...matchPositionSelect.organization.select, officialKey: true } } } } } },
      profile: { select: { ...matchProfileSelect, hiddenFrom: { select: { officialKey: true } }, ...cabinetRevealSelect(cabinetScope(user)) } },
    },
  });
  if (!row || !row.profile) return null;
  const listed = await db.shortlistEntry.count({ where: { id: row.id, ...shortlistListedWhere(row.mission.positionId) } });
  if (listed === 0) return null;
  const { keys } = await consultantKeys(user, row.mission.position.organization.officialKey);
  const sight = shortlistEntrySight(row, row.profile, keys, cabinetRevealFacts(row.profile));
  if (sight !== "identity" && sight !== "pseudonym") return null;
  const result = scoreMatch(matchPositionFromRow(row.mission.position), matchProfileFromRow(row.profile), matchContext(), sight === "identity" ? "full" : "anonymous");
  return { score: result.score, capped: result.capped, reasons: result.reasons };
}

/** A row of the mission page as readEntries gave it: its sight is the gate's (rule 7). */
export type ScoredRow = { id: string; sight: EntrySight; profileId: string | null };

/**
 * The score and reasons of the rows a mission page shows (its list's page, its board's cards),
 * by entry id, in two statements whatever their number: the position once, the rows' profiles
 * together. The same scoring as matchForEntry: only a row the gate shows as a person (identity
 * or pseudonym; a pseudonymous one's distance as a band), never a withdrawn candidate's or a
 * person met elsewhere. Empty when the mission is not the consultant's.
 */
export async function matchForRows(user: SessionUser, missionId: string, rows: readonly ScoredRow[]): Promise<Map<string, MatchView>> {
  assertConsultant(user);
  const scored = rows.filter((r): r is ScoredRow & { profileId: string } => (r.sight === "identity" || r.sight === "pseudonym") && r.profileId !== null);
  const out = new Map<string, MatchView>();
  if (scored.length === 0) return out;
  const mission = await db.mission.findFirst({ where: cabinetMissionWhere(user, missionId), select: { id: true, position: { select: matchPositionSelect } } });
  if (!mission) return out;
  const profiles = await db.candidateProfile.findMany({
    // Only profiles on this very mission's list: a row's profile id cannot reach another's.
    where: { id: { in: [...new Set(scored.map((r) => r.profileId))] }, shortlistEntries: { some: { missionId: mission.id, id: { in: scored.map((r) => r.id) } } } },
    select: matchProfileSelect,
  });
  const byId = new Map(profiles.map((p) => [p.id, matchProfileFromRow(p)]));
  const position = matchPositionFromRow(mission.position);
  const context = matchContext();
  for (const r of scored) {
    const profile = byId.get(r.profileId);
    if (!profile) continue;
    const result = scoreMatch(position, profile, context, r.sight === "identity" ? "full" : "anonymous");
    out.set(r.id, { score: result.score, capped: result.capped, reasons: result.reasons });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// « Offres pour vous » (/candidat)

export const OFFERS_FOR_YOU = 5;
/** The most recent public offers a candidate's ranking looks at. */
const OFFERS_EXAMINED = 2000;

export type OfferForYou = MatchView & { id: string; title: string; organizationName: string; commune: string };
export type OffersForYou = { state: "no-profile" | "ready"; offers: OfferForYou[] };

/**
 * The five public offers that fit the candidate best: published, not confidential, still open
 * (deadline not passed), of no employer they hide from (the gate's offersForCandidateWhere), not
 * one they already applied to; and only offers the statute lets them take (an offer where they
 * lack an indispensable competency comes after the others, and says which).
 */
export async function offersForCandidate(user: SessionUser, today: string = matchContext().today): Promise<OffersForYou> {
  assertCandidate(user);
  const profile = await db.candidateProfile.findUnique({
    where: { userId: user.id },
    select: { ...matchProfileSelect, hiddenFrom: { select: { officialKey: true } } },
  });
  if (!profile) return { state: "no-profile", offers: [] };
  const rows = await db.position.findMany({
    where: {
      ...offersForCandidateWhere(profile.hiddenFrom),
      OR: [{ deadline: null }, { deadline: { gte: new Date(`${today}T00:00:00Z`) } }],
      applications: { none: { profileId: profile.id, state: { not: "WITHDRAWN" } } },
    },
    select: { ...matchPositionSelect, organization: { select: { ...matchPositionSelect.organization.select, name: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: OFFERS_EXAMINED,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = rankPositions(matchProfileFromRow(profile), rows.map(matchPositionFromRow), matchContext(today)).filter((r) => r.result.capped !== "statut");
  return {
    state: "ready",
    offers: ranked.slice(0, OFFERS_FOR_YOU).map(({ position, result }) => {
      const row = byId.get(position.id)!;
      const commune = getCommune(row.communeCode);
      return {
        id: position.id,
        title: position.title,
        organizationName: row.organization.name,
        commune: commune ? `${commune.name} (${commune.departementCode})` : row.communeCode,
        score: result.score,
        capped: result.capped,
        reasons: result.reasons,
      };
    }),
  };
}
