import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CabinetScores, DecisionSummary, MemberScores, SynthesisBlock } from "~/components/presentations/FinalistParts";
import { getFinalist } from "~/domain/committee.server";
import dossierStyles from "~/styles/dossier.css";
import { notFound, requireUser } from "~/utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dossierStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dossier de présentation — ${data?.finalist.identity?.name ?? "Finaliste"} — Vivier` }];

/**
 * GET /employeur/postes/:id/finalistes/:presentationId/dossier — the presentation dossier to
 * print or save as PDF (the print stylesheet leaves the site's frame out): the collectivité, the
 * position, the synthesis, the scores. Same reach and journal as the finalist's page.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const data = await getFinalist(user, params.id ?? "", params.presentationId ?? "", context.clientAddress ?? "");
  if (!data || !data.finalist.identity) throw notFound();
  return json({ ...data, identity: data.finalist.identity });
}

export default function DossierPage() {
  const { viewer, criteria, finalist, identity: f } = useLoaderData<typeof loader>();
  const rows = [
    ...(f.scores.own && viewer.member ? [{ key: "own", name: viewer.member.name, total: f.scores.own.total, scores: f.scores.own.scores }] : []),
    ...(f.scores.others ?? []).map((o) => ({ key: o.memberId, name: `${o.name}, ${o.function}`, total: o.total, scores: o.scores })),
  ];
  return (
    <article className="dossier">
      <p className="no-print">
        <Link to={`/employeur/postes/${viewer.positionId}/finalistes/${finalist.id}`}>← Retour au finaliste</Link>{" "}
        — pour un PDF, utilisez « Imprimer » puis « Enregistrer en PDF » dans votre navigateur.
      </p>
      <header className="dossier-head">
        <p>{viewer.organizationName} — dossier de présentation confidentiel</p>
        <p>Poste : <strong>{viewer.positionTitle}</strong></p>
        <h1>{f.name}</h1>
        <p>{[f.currentFunction, f.currentEmployerName, f.grade].filter(Boolean).join(" — ")}</p>
        <p>Présenté par {f.cabinetName} le {formatDate(finalist.presentedAt)}</p>
        <DecisionSummary decision={finalist.decision} decidedAt={finalist.decidedAt} decidedByName={finalist.decidedByName} startDate={finalist.startDate} />
      </header>
      <SynthesisBlock s={f} />
      <CabinetScores total={f.cabinetScore} criteria={f.cabinetCriteria} />
      <section aria-labelledby="notes-comite" className="card dossier-section">
        <h2 id="notes-comite">Notes du comité</h2>
        {f.scores.others === null ? <p className="muted">Les notes des autres membres s’affichent une fois votre propre grille enregistrée.</p> : <MemberScores criteria={criteria} rows={rows} />}
      </section>
    </article>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
