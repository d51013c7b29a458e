import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSeats } from "~/domain/committee.server";
import { COMMITTEE_RIGHTS_LABEL } from "~/schemas/presentation";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mes comités de recrutement — Vivier" }];

/** GET /employeur/comite — a committee member's home: the positions whose committee they sit on. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  return json({ seats: await listSeats(user) });
}

export default function CommitteeHome() {
  const { seats } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mes comités de recrutement</h1>
      {seats.length === 0 ? (
        <p>Vous ne siégez plus à aucun comité. Si c’est une erreur, demandez à la collectivité de vous inviter à nouveau.</p>
      ) : (
        <ul className="cards">
          {seats.map((s) => (
            <li key={s.id} className="card">
              <h2><Link to={`/employeur/postes/${s.positionId}/finalistes`}>{s.positionTitle}</Link></h2>
              <p>{s.organizationName}</p>
              <p className="muted">{COMMITTEE_RIGHTS_LABEL[s.role as keyof typeof COMMITTEE_RIGHTS_LABEL] ?? s.role}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
