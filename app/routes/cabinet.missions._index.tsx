import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/positions/StateBadge";
import { formatDay } from "~/components/talent/format";
import { listCabinetMissions } from "~/domain/talent-search.server";
import type { PositionState } from "~/schemas/position";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Missions — Vivier — Cabinet" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  return json({ missions: await listCabinetMissions(user) });
}

export default function CabinetMissions() {
  const { missions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Missions</h1>
      {missions.length === 0 ? (
        <p>Aucune collectivité n’a encore confié de recherche à votre cabinet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Les missions confiées à votre cabinet, en cours d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Poste</th>
                <th scope="col">Collectivité</th>
                <th scope="col">Lieu</th>
                <th scope="col">État du poste</th>
                <th scope="col">Mission</th>
                <th scope="col">Confiée le</th>
              </tr>
            </thead>
            <tbody>
              {missions.map((m) => (
                <tr key={m.id}>
                  <th scope="row"><Link to={`/cabinet/missions/${m.id}`}>{m.positionTitle}</Link></th>
                  <td>{m.collectiviteName}</td>
                  <td>{m.commune}</td>
                  <td><StateBadge state={m.positionState as PositionState} confidential={m.confidential} /></td>
                  <td>{m.status === "ACTIVE" ? <span className="badge badge-green">En cours</span> : <span className="badge badge-grey">Terminée</span>}</td>
                  <td>{formatDay(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
