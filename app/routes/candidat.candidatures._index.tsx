import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { employerWithCommune, formatDay, formatDayTime } from "~/components/candidates/format";
import { FilterNote } from "~/components/HomeLists";
import { listOwnApplications } from "~/domain/applications.server";
import { readSince } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mes candidatures — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  // From the home: « réponses depuis votre dernière visite » (a new state set by the employer).
  const since = readSince(new URL(request.url).searchParams);
  return json({ applications: await listOwnApplications(user, since), since: since?.toISOString() ?? null });
}

export default function Applications() {
  const { applications, since } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mes candidatures</h1>
      <p>
        Suivez ici l’état de chacune de vos candidatures. Les employeurs ne voient de vous que ce que vous leur envoyez.
        Voir aussi : <Link to="/candidat/contacts">les propositions des cabinets</Link> et{" "}
        <Link to="/candidat/messages">vos échanges avec les consultants</Link>.
      </p>
      {since ? <FilterNote all="/candidat/candidatures" allLabel="Voir toutes mes candidatures">Les candidatures qui ont changé d’état depuis le {formatDayTime(since)}</FilterNote> : null}
      {applications.length === 0 && since ? <p className="muted">Aucune candidature n’a changé d’état depuis.</p> : applications.length === 0 ? (
        <p className="muted">Vous n’avez encore envoyé aucune candidature. <Link to="/offres">Parcourir les offres</Link></p>
      ) : (
        <div className="table-scroll"><table>
          <caption className="visually-hidden">Mes candidatures</caption>
          <thead>
            <tr>
              <th scope="col">Poste</th>
              <th scope="col">Employeur</th>
              <th scope="col">Envoyée le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <td><Link to={`/candidat/candidatures/${a.id}`}>{a.position.title}</Link></td>
                <td>{employerWithCommune(a.position.employer, a.position.commune)}</td>
                <td>{formatDay(a.createdAt)}</td>
                <td><ApplicationStateBadge state={a.state} /></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </>
  );
}
