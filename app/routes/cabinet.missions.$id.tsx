import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MISSION_SUCCESS } from "~/components/missions/labels";
import { missionAction } from "~/components/missions/mission-actions.server";
import { CommitteeCard, MissionDates, MissionFacts, StageCounts } from "~/components/missions/MissionHeader";
import { MissionTabs } from "~/components/missions/MissionTabs";
import { BriefCard, MissionTeam } from "~/components/missions/MissionTeam";
import { ShortlistBoard } from "~/components/missions/ShortlistBoard";
import { ShortlistFilters, ViewSwitch } from "~/components/missions/ShortlistFilters";
import { ShortlistTable } from "~/components/missions/ShortlistTable";
import { FormAlert } from "~/components/ui/Field";
import { missionPage } from "~/domain/missions-page.server";
import { parseShortlistQuery, shortlistQueryString } from "~/schemas/mission";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.mission.title ?? "Mission"} — Missions — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const url = new URL(request.url);
  const page = await missionPage(user, params.id ?? "", parseShortlistQuery(url.searchParams));
  if (!page) throw notFound();
  return json({ page, ok: url.searchParams.get("ok") });
}

export const action = missionAction;

export default function CabinetMission() {
  const { page, ok } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { mission, query } = page;
  const base = `/cabinet/missions/${mission.id}`;
  const retour = shortlistQueryString(query);
  const open = mission.status === "ACTIVE";
  return (
    <>
      <p><Link to="/cabinet/missions">← Toutes les missions</Link></p>
      <h1>{mission.title}</h1>
      <MissionTabs missionId={mission.id} />
      {result?.error ? (
        <FormAlert>
          {result.error}
          {result.details?.length ? <ul>{result.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
        </FormAlert>
      ) : null}
      {!result && ok && MISSION_SUCCESS[ok] ? <FormAlert tone="success">{MISSION_SUCCESS[ok]}</FormAlert> : null}
      <MissionFacts page={page} />
      <div className="cards">
        <MissionDates page={page} retour={retour} />
        <MissionTeam page={page} retour={retour} />
        <CommitteeCard page={page} />
        <BriefCard page={page} />
      </div>

      <div className="shortlist-head">
        <StageCounts page={page} />
        {open ? (
          <p className="actions">
            <Link className="button" to={page.searchUrl}>Chercher dans le vivier pour cette mission</Link>
            <Link className="button button-secondary" to={`${base}/ajouter`}>Ajouter une personne rencontrée hors de Vivier</Link>
            <Link to="/cabinet/modeles">Modèles de message</Link>
          </p>
        ) : (
          <p className="muted">Cette mission est terminée : sa liste ne change plus.</p>
        )}
      </div>
      <ViewSwitch query={query} />
      <ShortlistFilters query={query} />
      {page.list ? (
        <ShortlistTable missionId={mission.id} rows={page.list.rows} total={page.list.total} pageCount={page.list.pageCount} query={query} open={open} />
      ) : (
        <ShortlistBoard page={page} query={query} />
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
