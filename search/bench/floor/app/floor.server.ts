import { candidateSearchParams } from "~/domain/talent-search.server";
import { parseOfferSearch } from "~/schemas/offer-search";
import { parseTalentSearch } from "~/schemas/talent-search";
import { searchCandidates, type CandidateSearchViewer } from "../../../candidate-search";
import { createSearchClient } from "../../../client";
import { searchOffers } from "../../../offer-search";

/**
 * The floor's two searches: the portal's parsing and search functions (the talent search with the
 * consultant's confidentiality filter and facets, BARE_VIEWER read once by load.ts), against the
 * same Meilisearch; no session, no database. Server-only (`.server`): the browser bundle gets none
 * of it.
 */
const client = createSearchClient({ url: process.env.MEILI_URL!, masterKey: process.env.MEILI_MASTER_KEY! });
const viewer = JSON.parse(process.env.BARE_VIEWER ?? "null") as CandidateSearchViewer;

export async function offerPage(url: URL) {
  const { params } = parseOfferSearch(url.searchParams);
  const r = await searchOffers(client, params);
  return { total: r.total, hits: r.hits, facets: { filiere: Object.fromEntries(r.facets.filiere.map((f) => [f.value, f.count])) } };
}

export async function talentPage(url: URL) {
  const { search } = parseTalentSearch(url.searchParams);
  const { params } = candidateSearchParams(search);
  const r = await searchCandidates(client, viewer, params);
  return { total: r.totalHits, hits: r.hits, facets: r.facets };
}
