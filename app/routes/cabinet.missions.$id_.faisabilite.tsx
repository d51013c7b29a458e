import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MissionTabs } from "~/components/missions/MissionTabs";
import { FeasibilityPanel } from "~/components/talent/FeasibilityPanel";
import { FormAlert } from "~/components/ui/Field";
import { postMark } from "~/domain/departement-map.server";
import { missionFeasibility, RARE_BELOW } from "~/domain/feasibility.server";
import { missionSearchUrl } from "~/domain/missions-page.server";
import { parseMapPopulation } from "~/schemas/talent-search";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Marché — ${data?.mission.title ?? "Mission"} — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const map = parseMapPopulation(new URL(request.url).searchParams.get("carte"));
  const found = await missionFeasibility(user, params.id ?? "", { map });
  if (!found) throw notFound();
  const { mission, feasibility } = found;
  return json({
    mission: { id: mission.id, title: mission.position.title },
    feasibility,
    // The map's outlines are in its component (decision 112): only the marker travels here.
    post: feasibility ? postMark(feasibility.commune?.code) : null,
    searchUrl: missionSearchUrl(mission.id, mission.position),
    rareBelow: RARE_BELOW,
  });
}

export default function MissionMarket() {
  const { mission, feasibility, post, searchUrl, rareBelow } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/cabinet/missions">← Toutes les missions</Link></p>
      <h1>{mission.title}</h1>
      <MissionTabs missionId={mission.id} />
      {feasibility ? (
        <FeasibilityPanel feasibility={feasibility} post={post} searchUrl={searchUrl} rareBelow={rareBelow} />
      ) : (
        <>
          <FormAlert>La faisabilité du marché est momentanément indisponible (le moteur de recherche ne répond pas). Réessayez dans quelques instants.</FormAlert>
          <p><Link to={searchUrl}>Chercher dans le vivier pour cette mission</Link></p>
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
