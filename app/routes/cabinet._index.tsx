import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cabinetSummary } from "~/domain/dashboard.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord cabinet — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  return json({ organization: user.organization?.name ?? "", summary: await cabinetSummary(user) });
}

export default function CabinetHome() {
  const { organization, summary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organization}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="k-missions">
          <h2 id="k-missions">Missions</h2>
          <p>{summary.missions} mission(s) en cours.</p>
          <p><Link to="/cabinet/missions">Voir les missions</Link></p>
        </section>
        <section className="card" aria-labelledby="k-vivier">
          <h2 id="k-vivier">Vivier</h2>
          <p>Recherchez des profils par compétence, grade et territoire.</p>
          <p><Link to="/cabinet/vivier">Rechercher dans le vivier</Link></p>
        </section>
        <section className="card" aria-labelledby="k-contacts">
          <h2 id="k-contacts">Prises de contact</h2>
          <p>{summary.pendingContacts} demande(s) en attente de réponse des candidats. {summary.consultants} consultant(s) au cabinet.</p>
        </section>
      </div>
    </>
  );
}
