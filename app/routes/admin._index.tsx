import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABEL, isRole } from "~/access/spaces";
import { adminSummary } from "~/domain/dashboard.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Administration — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return json(await adminSummary());
}

export default function AdminHome() {
  const s = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <div className="cards">
        <section className="card" aria-labelledby="k-orgs">
          <h2 id="k-orgs">Organisations</h2>
          <p>{s.collectivites} collectivité(s), {s.cabinets} cabinet(s), {s.pendingInvitations} invitation(s) en attente.</p>
          <p><Link to="/admin/organisations">Inscrire une organisation, inviter</Link></p>
        </section>
        <section className="card" aria-labelledby="k-users">
          <h2 id="k-users">Comptes</h2>
          <ul>
            {Object.entries(s.users).map(([role, n]) => <li key={role}>{isRole(role) ? ROLE_LABEL[role] : role} : {n}</li>)}
          </ul>
        </section>
        <section className="card" aria-labelledby="k-mails">
          <h2 id="k-mails">Courriels</h2>
          <p>{s.mails} courriel(s) envoyé(s) par le portail.</p>
          <p><Link to="/admin/courriels">Consulter</Link></p>
        </section>
        <section className="card" aria-labelledby="k-journal">
          <h2 id="k-journal">Journal des accès</h2>
          <p>Qui a vu quelle identité ou téléchargé quel CV, quand et depuis où.</p>
          <p><Link to="/admin/journal">Consulter le journal</Link></p>
        </section>
      </div>
    </>
  );
}
