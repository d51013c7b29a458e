import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/components/talent/format";
import { cabinetSummary } from "~/domain/dashboard.server";
import { followUpsDue } from "~/domain/follow-ups.server";
import { presentationsToPrepare } from "~/domain/presentations.server";
import { FOLLOW_UP_STATE_LABEL, WITH_WHOM_LABEL } from "~/schemas/presentation";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord cabinet — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const [summary, followUps, toPresent] = await Promise.all([cabinetSummary(user), followUpsDue(user), presentationsToPrepare(user)]);
  return json({ organization: user.organization?.name ?? "", summary, followUps, toPresent });
}

/** « 1 mission », « 3 missions »: a real plural, never « (s) ». */
function count(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export default function CabinetHome() {
  const { organization, summary, followUps, toPresent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organization}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="k-missions">
          <h2 id="k-missions">Missions</h2>
          <p>{count(summary.missions, "mission en cours", "missions en cours")}.</p>
          <p><Link to="/cabinet/missions">Voir les missions</Link></p>
        </section>
        <section className="card" aria-labelledby="k-vivier">
          <h2 id="k-vivier">Vivier</h2>
          <p>Recherchez des profils par compétence, grade et territoire.</p>
          <p><Link to="/cabinet/vivier">Rechercher dans le vivier</Link></p>
        </section>
        <section className="card" aria-labelledby="k-contacts">
          <h2 id="k-contacts">Prises de contact</h2>
          <p>
            {count(summary.pendingContacts, "proposition attend", "propositions attendent")} la réponse des candidats.{" "}
            {count(summary.consultants, "consultant", "consultants")} au cabinet.
          </p>
          <p><Link to="/cabinet/contacts">Voir les prises de contact</Link></p>
        </section>
      </div>
      <section aria-labelledby="k-presenter">
        <h2 id="k-presenter">Présentations à préparer</h2>
        {toPresent.length === 0 ? (
          <p className="muted">Aucun candidat évalué en attente de présentation.</p>
        ) : (
          <ul>
            {toPresent.map((p) => (
              <li key={p.entryId}><Link to={p.href}>{p.label}</Link> — {p.positionTitle}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="k-suivi">
        <h2 id="k-suivi">Suivis d’intégration</h2>
        {followUps.length === 0 ? (
          <p className="muted">Aucun point de suivi à tenir pour le moment.</p>
        ) : (
          <ul>
            {followUps.map((f) => (
              <li key={f.id}>
                <Link to={f.href}>{f.hireName} — {f.positionTitle}</Link> : point à {f.months} mois {WITH_WHOM_LABEL[f.withWhom]}, prévu le{" "}
                {formatDay(f.dueOn)}{f.state === "late" ? ` (${FOLLOW_UP_STATE_LABEL.late.toLowerCase()})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
