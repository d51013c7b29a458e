import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { DecisionSummary } from "~/components/presentations/FinalistParts";
import { listFinalists } from "~/domain/committee.server";
import { COMMITTEE_RIGHTS_LABEL, INTERVIEW_STATUS_LABEL, type InterviewStatus } from "~/schemas/presentation";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Finalistes — ${data?.viewer.positionTitle ?? "Poste"} — Vivier` }];

/**
 * GET /employeur/postes/:id/finalistes — the finalists the cabinet presented for the position,
 * for the collectivité's employers and the members of its committee (the gate's rule 9). Nothing
 * of the shortlist before presentation: no count, no pseudonym, no score.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const data = await listFinalists(user, params.id ?? "", context.clientAddress ?? "");
  if (!data) throw notFound();
  return json(data);
}

export default function FinalistsPage() {
  const { viewer, finalists } = useLoaderData<typeof loader>();
  const base = `/employeur/postes/${viewer.positionId}/finalistes`;
  return (
    <>
      <p>{viewer.employer ? <Link to={`/employeur/postes/${viewer.positionId}`}>← {viewer.positionTitle}</Link> : <Link to="/employeur/comite">← Mes comités</Link>}</p>
      <h1>Finalistes : {viewer.positionTitle}</h1>
      <p className="muted">
        {viewer.organizationName}.{" "}
        {viewer.member ? `Vous siégez au comité — ${COMMITTEE_RIGHTS_LABEL[viewer.member.role]}.` : "Vous lisez les dossiers en tant qu’employeur de la collectivité."}
      </p>
      {finalists.length === 0 ? (
        <p>Aucun finaliste ne vous a encore été présenté. Le cabinet vous présentera ses finalistes, avec leur accord, à l’issue de sa recherche.</p>
      ) : (
        <>
          <p><Link to={`${base}/comparaison`}>Comparer les finalistes</Link></p>
          <ul className="cards finalist-list">
            {finalists.map((f) => (
              <li key={f.id} className="card">
                {f.identity ? (
                  <>
                    <h2><Link to={`${base}/${f.id}`}>{f.identity.name}</Link></h2>
                    <p>{[f.identity.currentFunction, f.identity.currentEmployerName].filter(Boolean).join(" — ")}</p>
                    <p className="muted">Présenté le {formatDate(f.presentedAt)} par {f.identity.cabinetName}. Évaluation du cabinet : {f.identity.cabinetScore === null ? "—" : `${f.identity.cabinetScore} / 100`}.</p>
                    <p className="muted">
                      {f.identity.interview ? INTERVIEW_STATUS_LABEL[f.identity.interview.status as InterviewStatus] : "Pas d’entretien prévu"} ·{" "}
                      {f.identity.scores.own ? "Votre grille est enregistrée" : viewer.rights.score ? "À noter" : `${f.identity.scores.submittedCount} ${f.identity.scores.submittedCount > 1 ? "grilles" : "grille"} du comité`}
                    </p>
                  </>
                ) : (
                  <h2>Finaliste retiré</h2>
                )}
                <DecisionSummary decision={f.decision} decidedAt={f.decidedAt} decidedByName={f.decidedByName} startDate={f.startDate} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
