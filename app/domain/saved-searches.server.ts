import type { Meilisearch } from "meilisearch";
import { parseTalentSearch, talentSearchQuery, type TalentSearch } from "~/schemas/talent-search";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { getSearchReader, searchErrorMessage } from "../../search/client";
import { searchCandidates } from "../../search/candidate-search";
import { assertConsultant } from "~/access/guards.server";
import { candidateSearchParams, findCabinetMission, searchViewer } from "./talent-search.server";

/**
 * A consultant's saved talent searches: a name and the search's query string, re-run in one
 * click. "New since the last run" counts the profiles of the search whose lastActivityAt is
 * after lastRunAt: a profile created, edited or made visible since then (documents carry no
 * creation date, and a profile that just came out of "hidden" is new to the consultant too).
 * Each consultant sees and changes only their own.
 */

export const MAX_SAVED_SEARCHES = 50;

/** The stored form of a search: canonical, without the page. */
function normalizedQuery(query: string): { search: TalentSearch; query: string } {
  const { search } = parseTalentSearch(new URLSearchParams(query.replace(/^\?/, "")));
  const page1 = { ...search, page: 1 };
  return { search: page1, query: talentSearchQuery(page1, { page: false }) };
}

export type SavedSearchRow = {
  id: string;
  name: string;
  query: string;
  lastRunAt: string;
  createdAt: string;
  /** Profiles of the search active since lastRunAt; null when the search engine did not answer. */
  newCount: number | null;
};

/** How many profiles of the search were active after `since`, for the consultant. */
export async function countNewProfiles(user: SessionUser, search: TalentSearch, since: Date, client: Meilisearch = getSearchReader()): Promise<number> {
  // A mission that has since been deleted no longer narrows the viewer; the cabinet's rule still holds.
  const missionId = search.mission && (await findCabinetMission(user, search.mission)) ? search.mission : null;
  const { viewer } = await searchViewer(user, missionId);
  const { params } = candidateSearchParams({ ...search, page: 1 });
  const result = await searchCandidates(client, viewer, { ...params, activeAfter: since.getTime(), page: 1, hitsPerPage: 1, facets: "none" });
  return result.totalHits;
}

export async function listSavedSearches(user: SessionUser, client: Meilisearch = getSearchReader()): Promise<SavedSearchRow[]> {
  assertConsultant(user);
  const rows = await db.savedSearch.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return Promise.all(
    rows.map(async (row) => {
      let newCount: number | null = null;
      try {
        newCount = await countNewProfiles(user, normalizedQuery(row.query).search, row.lastRunAt, client);
      } catch (error) {
        console.error(`[vivier] counting new profiles of a saved search failed: ${searchErrorMessage(error)}`);
      }
      return { id: row.id, name: row.name, query: row.query, lastRunAt: row.lastRunAt.toISOString(), createdAt: row.createdAt.toISOString(), newCount };
    }),
  );
}

export type SavedSearchResult = { ok: true; id: string } | { ok: false; status: 400 | 404 | 409; error: string };

/** Saves the search under a name; its last run is now (the consultant is looking at its results). */
export async function createSavedSearch(user: SessionUser, input: { name: string; query: string }): Promise<SavedSearchResult> {
  assertConsultant(user);
  const { query, search } = normalizedQuery(input.query);
  if (search.mission && !(await findCabinetMission(user, search.mission))) {
    return { ok: false, status: 404, error: "Cette mission n’existe pas ou n’est pas celle de votre cabinet." };
  }
  if ((await db.savedSearch.count({ where: { userId: user.id } })) >= MAX_SAVED_SEARCHES) {
    return { ok: false, status: 409, error: `Vous avez déjà ${MAX_SAVED_SEARCHES} recherches enregistrées : supprimez-en une avant d’en ajouter.` };
  }
  const row = await db.savedSearch.create({ data: { userId: user.id, name: input.name, query, lastRunAt: new Date() } });
  return { ok: true, id: row.id };
}

/**
 * Marks the search as run now and returns where to go: the search's URL, with `depuis` set to
 * the previous run so that the page can point out what is new.
 */
export async function runSavedSearch(user: SessionUser, id: string): Promise<{ ok: true; url: string } | { ok: false; status: 404; error: string }> {
  assertConsultant(user);
  const row = await db.savedSearch.findFirst({ where: { id, userId: user.id } });
  if (!row) return { ok: false, status: 404, error: "Cette recherche n’existe plus." };
  await db.savedSearch.update({ where: { id: row.id }, data: { lastRunAt: new Date() } });
  const params = new URLSearchParams(normalizedQuery(row.query).query);
  params.set("depuis", String(row.lastRunAt.getTime()));
  return { ok: true, url: `/cabinet/vivier?${params.toString()}` };
}

export async function deleteSavedSearch(user: SessionUser, id: string): Promise<boolean> {
  assertConsultant(user);
  const { count } = await db.savedSearch.deleteMany({ where: { id, userId: user.id } });
  return count > 0;
}
