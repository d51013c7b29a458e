import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { parseOfferSearch } from "~/schemas/offer-search";
import { getSessionUser } from "~/utils/session.server";
import { getSearchReader, searchErrorMessage } from "../../search/client";
import { searchOffers, type OfferSearchResult } from "../../search/offer-search";

/**
 * The loader of /offres, kept in a .server module so that the search client (undici, the
 * Meilisearch client) never reaches the browser bundle. Anyone may search: the index holds only
 * public offers. When Meilisearch does not answer, the page still renders, with `result: null`
 * and a 503, and says so in French.
 */
export async function offerSearchLoader({ request }: LoaderFunctionArgs) {
  const { params, errors } = parseOfferSearch(new URL(request.url).searchParams);
  const user = await getSessionUser(request);
  let result: OfferSearchResult | null = null;
  try {
    result = await searchOffers(getSearchReader(), params);
  } catch (error) {
    // The outbox keeps every change for when Meilisearch is back; the page only has to say it.
    console.error(`[offres] the offer search failed: ${searchErrorMessage(error)}`);
  }
  const communeError =
    errors.commune ??
    (result?.unknownCommune ? "Cette commune n’est pas reconnue : choisissez-la dans la liste proposée." : undefined);
  return json(
    {
      params,
      result,
      communeError,
      communeLabel: result?.near ? `${result.near.name} (${result.near.departementCode})` : params.communeCode,
      signedIn: !!user,
    },
    { status: result ? 200 : 503 },
  );
}
