import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { employerSummary } from "~/domain/dashboard.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord employeur — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  return json({ organization: user.organization?.name ?? "", summary: await employerSummary(user) });
}

export default function EmployerHome() {
  const { organization, summary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organization}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="k-postes">
          <h2 id="k-postes">Postes</h2>
          <p>{summary.published} publié(s), {summary.drafts} brouillon(s), {summary.filled} pourvu(s), {summary.closed} clos.</p>
          <p><Link to="/employeur/postes">Gérer les postes</Link></p>
        </section>
        <section className="card" aria-labelledby="k-cand">
          <h2 id="k-cand">Candidatures</h2>
          <p>{summary.applications} candidature(s) en cours.</p>
        </section>
        <section className="card" aria-labelledby="k-missions">
          <h2 id="k-missions">Missions confiées</h2>
          <p>{summary.missions} mission(s) en cours avec un cabinet.</p>
        </section>
      </div>
    </>
  );
}
