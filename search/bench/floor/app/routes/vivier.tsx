import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CandidateHitList } from "~/components/talent/CandidateHitList";
import { talentPage } from "../floor.server";
import { Page } from "../Page";

/**
 * /vivier on the floor: the portal's talent search (see floor.server.ts), its hits rendered as the
 * portal renders them, by the same component (the cards of /cabinet/vivier without a mission).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return json(await talentPage(new URL(request.url)));
}

export default function Talent() {
  const { total, hits, facets } = useLoaderData<typeof loader>();
  return (
    <Page title="Vivier" total={total} facets={facets}>
      <CandidateHitList hits={hits} since={null} missionId={null} />
    </Page>
  );
}
