import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/candidates/format";
import { NextActions, SinceLastVisit, type HomeItem } from "~/components/HomeLists";
import { plural } from "~/components/ui/plural";
import { adminHome, openHome } from "~/domain/home.server";
import { retentionPreview } from "~/domain/retention.server";
import { sinceQuery } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Administration — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin");
  const since = await openHome(user);
  const [home, purge] = await Promise.all([adminHome(since), retentionPreview()]);
  return json({ since: since.toISOString(), home, purge });
}

export default function AdminHome() {
  const { since, home, purge } = useLoaderData<typeof loader>();
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
      <PurgePreview purge={purge} />
    </>
  );
}

/** What the daily retention pass will remove by tomorrow (docs/decisions/090-retention.md). */
function PurgePreview({ purge }: { purge: ReturnType<typeof useLoaderData<typeof loader>>["purge"] }) {
  const r = purge.rules;
  return (
    <section aria-labelledby="k-purge">
      <h2 id="k-purge">Prochaine purge (conservation des données)</h2>
      <p className="small muted">
        Chaque jour, le portail avertit par courriel les candidats sans activité depuis {r.INACTIVE_MONTHS} mois moins {r.WARN_DAYS} jours, puis
        efface leur compte {r.WARN_DAYS} jours après l’avertissement s’ils ne se sont pas reconnectés ; il supprime les courriels de plus de {r.MAIL_MONTHS} mois
        et les lignes du journal de plus de {r.AUDIT_MONTHS / 12} ans. D’ici le {formatDay(purge.asOf)} :
      </p>
      <ul>
        <li>{plural(purge.toWarn, "compte de candidat", "comptes de candidat")} à avertir ;</li>
        <li>{plural(purge.toErase, "compte de candidat", "comptes de candidat")} à effacer ;</li>
        <li>{plural(purge.mails, "courriel")} à supprimer ;</li>
        <li>{plural(purge.auditEvents, "ligne du journal des accès", "lignes du journal des accès")} à supprimer.</li>
      </ul>
      {purge.warned.length > 0 ? (
        <div className="table-scroll">
        <table>
          <caption>Comptes de candidat avertis, toujours sans activité</caption>
          <thead>
            <tr>
              <th scope="col">Averti le</th>
              <th scope="col">Effacé à partir du</th>
            </tr>
          </thead>
          <tbody>
            {purge.warned.map((w, i) => (
              <tr key={i}>
                <td>{formatDay(w.warnedAt)}</td>
                <td>{formatDay(w.erasableFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : (
        <p>Aucun compte averti en attente d’effacement.</p>
      )}
    </section>
  );
}
