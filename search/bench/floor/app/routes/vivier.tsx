import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { talentPage } from "../floor.server";
import { Page } from "../Page";

/** /vivier on the floor: the portal's talent search (see floor.server.ts), its hits as rows. */
export async function loader({ request }: LoaderFunctionArgs) {
  return json(await talentPage(new URL(request.url)));
}

export default function Talent() {
  const { total, hits, facets } = useLoaderData<typeof loader>();
  return (
    <Page title="Vivier" total={total} facets={facets}>
      <ol>
        {hits.map((hit) => (
          <li key={hit.id}>
            <h2>{hit.name ?? hit.pseudonym}</h2>
            <p>
              {hit.currentFunction} — {hit.cadreLabel} {hit.grade}
            </p>
            <p>
              {hit.homeCommuneName ?? hit.departementName} {hit.distanceKm !== null ? `${hit.distanceKm} km` : ""}
            </p>
            <ul>
              {hit.competencies.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Page>
  );
}
