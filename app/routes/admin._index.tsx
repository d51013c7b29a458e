import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NextActions, SinceLastVisit, type HomeItem } from "~/components/HomeLists";
import { plural } from "~/components/ui/plural";
import { adminHome, openHome } from "~/domain/home.server";
import { sinceQuery } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Administration — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin");
  const since = await openHome(user);
  return json({ since: since.toISOString(), home: await adminHome(since) });
}

export default function AdminHome() {
  const { since, home } = useLoaderData<typeof loader>();
  const q = sinceQuery(since);
  const news: HomeItem[] = [
    ...(home.organizations ? [{ key: "orgs", to: `/admin/organisations?${q}`, text: plural(home.organizations, "organisation inscrite", "organisations inscrites") }] : []),
    ...(home.mails ? [{ key: "mails", to: `/admin/courriels?${q}`, text: plural(home.mails, "courriel envoyé par le portail", "courriels envoyés par le portail") }] : []),
    ...(home.journal ? [{ key: "journal", to: `/admin/journal?${q}`, text: plural(home.journal, "ligne au journal des accès", "lignes au journal des accès") }] : []),
  ];
  const next: HomeItem[] = home.pendingInvitations
    ? [{ key: "invitations", to: "/admin/organisations?invitations=en-attente", text: plural(home.pendingInvitations, "invitation en attente", "invitations en attente"), after: " : relancez ou invitez une autre personne" }]
    : [];
  return (
    <>
      <h1>Administration</h1>
      <div className="home-top">
        <SinceLastVisit since={since} items={news} />
        <NextActions items={next} empty="Aucune invitation en attente." />
      </div>
      <div className="cards">
        <section className="card" aria-labelledby="k-orgs">
          <h2 id="k-orgs">Organisations</h2>
          <ul className="home-list home-counts">
            <li><Link to="/admin/organisations?type=COLLECTIVITE">{plural(home.collectivites, "collectivité")}</Link></li>
            <li><Link to="/admin/organisations?type=CABINET">{plural(home.cabinets, "cabinet")}</Link></li>
          </ul>
          <p><Link to="/admin/organisations">Inscrire une organisation, inviter</Link></p>
        </section>
        <section className="card" aria-labelledby="k-mails">
          <h2 id="k-mails">Courriels</h2>
          <p>Tout ce que le portail envoie : invitations, liens de mot de passe, nouvelles aux candidats.</p>
          <p><Link to="/admin/courriels">Consulter les courriels</Link></p>
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
