import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "~/generated/prisma/client";
import { actingKeys, cabinetRevealFacts, cabinetRevealSelect, identityRevealedToCabinet, notHiddenFromWhere, talentPoolWhere, type CabinetScope } from "~/access/rules";
import type { MatchView } from "~/schemas/matching";
import { searchCandidates, type CandidateSearchParams, type CandidateSearchViewer } from "../../search/candidate-search";
import { rankProfiles, scoreMatch, type Disclosure, type MatchContext, type MatchPosition } from "./matching";
import { matchProfileFromRow, matchProfileSelect } from "./matching.server";
import { getCadre } from "~/reference/statute";
import { anonymousCard } from "~/access/anonymous-card";
import { quasiFacts } from "../../search/quasi-facts";

/**
 * « Profils suggérés »: the talent search finds candidates for a position, the scorer re-ranks
 * them. Both steps take the database and the search client as arguments, so that the benchmark
 * (search/bench.ts) measures exactly what the page runs; app/domain/match-pages.server.ts
 * is the page's side (who is asking, for which mission).
 *
 * Retrieval (docs/decisions/041-suggestions-retrieval.md). Up to 300 candidates, in one parallel
 * round of six talent searches, each going through search/candidate-search.ts searchCandidates
 * and so through its confidentiality filter (the gate's rules 1 and 2 for this viewer) — no
 * filter is written here:
 * - who could hold the post as a titulaire: the post's catégorie (A and A+ for an A post or an
 *   emploi fonctionnel), within 100 km of the post, ranked by the engine on the position's own
 *   words (the first six of its indispensable, then important competencies: when too few
 *   profiles hold them all, the engine drops words from the end) — 150;
 * - the same catégorie and words, anywhere, among those ready to move — 50;
 * - the same catégorie holding every indispensable competency, under its label or a form of it
 *   (case, accents, plurals, the trade's synonyms: search/competency-keys.ts) — 50;
 * - when the post is open to contractuels: contractuels, private-sector employees and job
 *   seekers within 100 km, on the same words — 50 (they have no catégorie of their own).
 * Titulaires of another catégorie are not looked for: the statute rules them out.
 * The scorer then reads each profile whole from the database (the index holds less, and rounds
 * an anonymous distance), again through the gate's `where` (the pool, hide-from: an index a few
 * hundred milliseconds behind a change must not let a profile through), and without the profiles
 * already on the mission's shortlist.
 */

export const RETRIEVAL_RADIUS_KM = 100;
/**
 * Pages of 50 (the talent search's largest page) per query: 3 + 1 + 1 + 1 = 6, 300 profiles.
 * Ten (500) missed the 300 ms budget at 100,000 profiles (docs/decisions/041).
 */
const PAGES = { near: 3, movers: 1, exact: 1, contract: 1 } as const;
const PAGE_SIZE = 50;

/** The catégories of titulaires who may hold the post (A+ is catégorie A by law). */
function categoriesFor(position: MatchPosition): string[] {
  if (position.emploiFonctionnel || position.categorie === "A" || position.categorie === "A+") return ["A", "A+"];
  return [position.categorie];
}

/** The engine's cost grows with the words of a query (and their synonyms): the first six do. */
export const RETRIEVAL_WORDS = 6;
const LINK_WORDS = new Set(["de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "à", "a", "au", "aux", "pour", "avec", "sur", "par", "un", "une", "h/f"]);

/** The position's words for the engine: indispensable competencies first, then important ones. */
export function retrievalWords(position: MatchPosition): string {
  const labels = [
    ...position.competencies.filter((c) => c.level === "INDISPENSABLE"),
    ...position.competencies.filter((c) => c.level === "IMPORTANT"),
  ].map((c) => c.label);
  const text = labels.length ? labels.join(" ") : position.title.replace(/\(H\/F\)/i, "");
  // Words that carry meaning: « de », « des », « et » would take places among the six.
  const words = text.split(/[\s'’,;:()]+/).filter((w) => w !== "" && !LINK_WORDS.has(w.toLowerCase()));
  return words.slice(0, RETRIEVAL_WORDS).join(" ");
}

/** The talent searches of the retrieval, each with its number of pages. */
export function retrievalPlan(position: MatchPosition): Array<{ name: keyof typeof PAGES; pages: number; params: CandidateSearchParams }> {
  const categorie = categoriesFor(position);
  const q = retrievalWords(position);
  const around = position.place ? { lat: position.place.lat, lng: position.place.lon, radiusKm: RETRIEVAL_RADIUS_KM } : undefined;
  const indispensable = position.competencies.filter((c) => c.level === "INDISPENSABLE").map((c) => c.label);
  const base = { facets: "none" as const, hitsPerPage: PAGE_SIZE };
  const plan: Array<{ name: keyof typeof PAGES; pages: number; params: CandidateSearchParams }> = [
    { name: "near", pages: PAGES.near, params: { ...base, q, categorie, around } },
    { name: "movers", pages: PAGES.movers, params: { ...base, q, categorie, willingToRelocate: true } },
  ];
  if (indispensable.length) plan.push({ name: "exact", pages: PAGES.exact, params: { ...base, categorie, competencies: indispensable } });
  if (position.openToContractuels) plan.push({ name: "contract", pages: PAGES.contract, params: { ...base, q, status: ["CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"], around } });
  return plan;
}

/** The profile ids the retrieval finds for the viewer, first found first, without duplicates. */
export async function retrieveCandidateIds(client: Meilisearch, viewer: CandidateSearchViewer, position: MatchPosition): Promise<string[]> {
  const requests = retrievalPlan(position).flatMap((query) => Array.from({ length: query.pages }, (_, i) => ({ ...query.params, page: i + 1 })));
  const results = await Promise.all(requests.map((params) => searchCandidates(client, viewer, params)));
  return [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))];
}

export type Suggestion = MatchView & {
  profileId: string;
  /** The name when the cabinet may know who it is (the gate's rule 3), else the pseudonym. */
  label: string;
  anonymous: boolean;
  currentFunction: string | null;
  statut: string | null;
};

/**
 * The function and statut a suggestion shows: exact for a candidate the cabinet knows; an
 * anonymous one's card (the gate's rule 14: the family of functions, the cadre d'emplois only
 * where its step allows it, never the grade).
 */
function facts(
  profile: { currentFunction: string | null; cadreEmplois: string | null; grade: string | null },
  anonymous: (Parameters<typeof quasiFacts>[0] & { anonymousStep: number | null }) | undefined,
): { currentFunction: string | null; statut: string | null } {
  const cadreLabel = (code: string | null) => (code ? (getCadre(code)?.label ?? null) : null);
  if (!anonymous) {
    return { currentFunction: profile.currentFunction, statut: [cadreLabel(profile.cadreEmplois), profile.grade].filter(Boolean).join(" — ") || null };
  }
  const card = anonymousCard(quasiFacts(anonymous), anonymous.anonymousStep);
  return {
    currentFunction: card.functionFamily ? `${card.functionFamily} (famille de fonctions)` : null,
    statut: cadreLabel(card.cadreEmplois) ?? (card.categorie ? `Catégorie ${card.categorie}` : null),
  };
}

/** Where the time went, in ms: the talent searches, the SQLite reads, the scoring. */
export type SuggestionTimings = { retrieve: number; read: number; score: number };
export type SuggestionRun = { examined: number; suggestions: Suggestion[]; timings: SuggestionTimings };

/**
 * Retrieves, reads and ranks. `exclude`: the profiles already on the shortlist. Candidates the
 * statute rules out are left out (the page is a list of people worth a call); one who lacks an
 * indispensable competency stays, below every other, with the reason.
 */
export async function rankSuggestions(
  { db, client }: { db: PrismaClient; client: Meilisearch },
  { viewer, scope, position, missionId, context, limit }: { viewer: CandidateSearchViewer; scope: CabinetScope; position: MatchPosition; missionId: string | null; context: MatchContext; limit: number },
): Promise<SuggestionRun> {
  const t0 = performance.now();
  const ids = await retrieveCandidateIds(client, viewer, position);
  const t1 = performance.now();
  if (ids.length === 0) return { examined: 0, suggestions: [], timings: { retrieve: t1 - t0, read: 0, score: 0 } };
  const keys = actingKeys({ organizationKey: viewer.organizationKey, clients: viewer.presentingTo });
  const rows = await db.candidateProfile.findMany({
    where: {
      id: { in: ids },
      ...talentPoolWhere,
      ...notHiddenFromWhere(keys),
      ...(missionId ? { shortlistEntries: { none: { missionId } } } : {}),
    },
    select: { ...matchProfileSelect, pseudonym: true, anonymousStep: true, yearsExperience: true },
  });
  const t2 = performance.now();
  const kept = rankProfiles(position, rows.map(matchProfileFromRow), context)
    .filter((r) => r.result.capped !== "statut")
    .slice(0, limit);
  const t3 = performance.now();
  // Who may be named (the gate's rule 3) only for the profiles kept: the reasons are written
  // again for them with the right disclosure (the score does not depend on it).
  const revealRows = await db.candidateProfile.findMany({
    where: { id: { in: kept.map((k) => k.profile.id) } },
    select: { id: true, user: { select: { name: true } }, ...cabinetRevealSelect(scope) },
  });
  const reveal = new Map(revealRows.map((r) => [r.id, { name: r.user.name, revealed: identityRevealedToCabinet(cabinetRevealFacts(r)) }]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const t4 = performance.now();
  const suggestions = kept.map(({ profile }): Suggestion => {
    const who = reveal.get(profile.id);
    const disclosure: Disclosure = who?.revealed ? "full" : "anonymous";
    const result = scoreMatch(position, profile, context, disclosure);
    return {
      profileId: profile.id,
      label: who?.revealed ? who.name : (byId.get(profile.id)?.pseudonym ?? ""),
      anonymous: disclosure === "anonymous",
      ...facts(profile, disclosure === "anonymous" ? byId.get(profile.id) : undefined),
      score: result.score,
      capped: result.capped,
      reasons: result.reasons,
    };
  });
  const t5 = performance.now();
  return { examined: rows.length, suggestions, timings: { retrieve: t1 - t0, read: t2 - t1 + (t4 - t3), score: t3 - t2 + (t5 - t4) } };
}
