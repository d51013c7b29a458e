import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OfferList } from "~/components/positions/OfferList";
import { offerPage } from "../floor.server";
import { Page } from "../Page";

/** /offres on the floor: the portal's parsing and search function, its hits rendered by the portal's own list. */
export async function loader({ request }: LoaderFunctionArgs) {
  return json(await offerPage(new URL(request.url)));
}

export default function Offers() {
  const { total, hits, facets } = useLoaderData<typeof loader>();
  return (
    <Page title="Offres" total={total} facets={facets}>
      <OfferList offers={hits} headingLevel={3} />
    </Page>
  );
}
