import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { offerPage } from "../floor.server";
import { Page } from "../Page";

/** /offres on the floor: the portal's parsing and search function, its hits as rows. */
export async function loader({ request }: LoaderFunctionArgs) {
  return json(await offerPage(new URL(request.url)));
}

export default function Offers() {
  const { total, hits, facets } = useLoaderData<typeof loader>();
  return (
    <Page title="Offres" total={total} facets={facets}>
      <ol>
        {hits.map((hit) => (
          <li key={hit.id}>
            <h2 dangerouslySetInnerHTML={{ __html: hit.titleHtml ?? hit.title }} />
            <p>
              {hit.organizationName} — {hit.communeName} ({hit.departementCode})
            </p>
            <p>
              {hit.categorie} · {hit.filiereLabel} · {hit.salaryMin ?? ""}–{hit.salaryMax ?? ""} €
            </p>
          </li>
        ))}
      </ol>
    </Page>
  );
}
