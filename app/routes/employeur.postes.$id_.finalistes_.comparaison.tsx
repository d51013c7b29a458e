import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DECISION_LABEL } from "~/schemas/presentation";
import { compareFinalists } from "~/domain/committee.server";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Comparaison des finalistes — ${data?.viewer.positionTitle ?? "Poste"} — Vivier` }];

/**
 * GET /employeur/postes/:id/finalistes/comparaison — criteria × finalists: the cabinet's average,
 * each member's score the viewer may read, the weighted totals.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const data = await compareFinalists(user, params.id ?? "", context.clientAddress ?? "");
  if (!data) throw notFound();
  return json(data);
}

export default function ComparisonPage() {
  const { viewer, criteria, columns } = useLoaderData<typeof loader>();
  const base = `/employeur/postes/${viewer.positionId}/finalistes`;
  return (
    <>
      <p><Link to={base}>← Finalistes : {viewer.positionTitle}</Link></p>
      <h1>Comparaison des finalistes</h1>
      {columns.length === 0 ? (
        <p>Aucun finaliste à comparer pour l’instant.</p>
      ) : (
        <>
          <p><a href={`${base}/comparaison.csv`} download>Télécharger la comparaison (CSV)</a></p>
          {columns.some((c) => c.hiddenUntilOwn) ? <p className="muted">Les notes des autres membres sur un finaliste s’affichent une fois votre propre grille enregistrée pour lui.</p> : null}
          <div className="table-scroll">
            <table className="comparison">
              <caption>Notes par critère (de 1 à 4) et totals pondérés sur 100 : le cabinet (moyenne) puis chaque membre du comité</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>Critère (poids)</th>
                  {columns.map((c) => <th key={c.presentationId} scope="colgroup" colSpan={1 + c.members.length}><Link to={`${base}/${c.presentationId}`}>{c.name}</Link>{c.decision ? ` — ${DECISION_LABEL[c.decision]}` : ""}</th>)}
                </tr>
                <tr>
                  {columns.flatMap((c) => [
                    <th key={`${c.presentationId}-cab`} scope="col">Cabinet</th>,
                    ...c.members.map((m) => <th key={`${c.presentationId}-${m.memberId}`} scope="col">{m.name}</th>),
                  ])}
                </tr>
              </thead>
              <tbody>
                {criteria.map((cr) => (
                  <tr key={cr.id}>
                    <th scope="row">{cr.label} ({cr.weight})</th>
                    {columns.flatMap((c) => [
                      <td key={`${c.presentationId}-cab`} className="num">{c.cabinetCriteria.find((x) => x.criterionId === cr.id)?.average?.toLocaleString("fr-FR") ?? "—"}</td>,
                      ...c.members.map((m) => <td key={`${c.presentationId}-${m.memberId}`} className="num">{m.scores.find((s) => s.criterionId === cr.id)?.score ?? "—"}</td>),
                    ])}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total / 100</th>
                  {columns.flatMap((c) => [
                    <td key={`${c.presentationId}-cab`} className="num"><strong>{c.cabinetScore ?? "—"}</strong></td>,
                    ...c.members.map((m) => <td key={`${c.presentationId}-${m.memberId}`} className="num"><strong>{m.total}</strong></td>),
                  ])}
                </tr>
                <tr>
                  <th scope="row">Moyenne du comité</th>
                  {columns.map((c) => <td key={c.presentationId} colSpan={1 + c.members.length} className="num">{c.committeeAverage ?? "—"}</td>)}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
