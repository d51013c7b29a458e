import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABEL, isRole } from "~/access/spaces";
import { formatDay } from "~/components/candidates/format";
import { adminSummary } from "~/domain/dashboard.server";
import { retentionPreview } from "~/domain/retention.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Administration — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const [summary, purge] = await Promise.all([adminSummary(), retentionPreview()]);
  return json({ ...summary, purge });
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
      <PurgePreview purge={s.purge} />
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
        <li>{purge.toWarn} compte(s) de candidat à avertir ;</li>
        <li>{purge.toErase} compte(s) de candidat à effacer ;</li>
        <li>{purge.mails} courriel(s) à supprimer ;</li>
        <li>{purge.auditEvents} ligne(s) du journal des accès à supprimer.</li>
      </ul>
      {purge.warned.length > 0 ? (
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
      ) : (
        <p>Aucun compte averti en attente d’effacement.</p>
      )}
    </section>
  );
}
