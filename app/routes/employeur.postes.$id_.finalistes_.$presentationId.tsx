import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CabinetScores, DecisionForm, DecisionSummary, InterviewPanel, MemberScores, ScoreForm, SynthesisBlock } from "~/components/presentations/FinalistParts";
import { FormAlert } from "~/components/ui/Field";
import { getFinalist } from "~/domain/committee.server";
import { COMMITTEE_RIGHTS_LABEL } from "~/schemas/presentation";
import { notFound, requireUser } from "~/utils/auth.server";

export { finalistAction as action } from "~/domain/finalist-action.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.finalist.identity?.name ?? "Finaliste"} — Vivier` }];

/**
 * GET /employeur/postes/:id/finalistes/:presentationId — one finalist as the collectivité's
 * employers and the position's committee members may see them (the gate's rule 9); each view is
 * journaled.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const data = await getFinalist(user, params.id ?? "", params.presentationId ?? "", context.clientAddress ?? "");
  if (!data) throw notFound();
  return json({ ...data, ok: new URL(request.url).searchParams.get("ok") });
}

const SUCCESS: Record<string, string> = {
  note: "Votre grille est enregistrée.",
  retenu: "La décision est enregistrée : finaliste retenu. Le poste est pourvu et le cabinet est prévenu.",
  "non-retenu": "La décision est enregistrée. Le cabinet fera au candidat un retour honnête.",
  creneaux: "Les créneaux sont proposés : le candidat choisit le sien dans son espace.",
  modifie: "L’entretien est modifié : chacun reçoit la mise à jour pour son agenda.",
  annule: "L’entretien est annulé.",
};

export default function FinalistPage() {
  const { viewer, criteria, finalist, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof import("~/domain/finalist-action.server").finalistAction>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = data?.fieldErrors ?? {};
  const back = `/employeur/postes/${viewer.positionId}/finalistes`;
  const f = finalist.identity;
  if (!f) {
    return (
      <>
        <p><Link to={back}>← Finalistes : {viewer.positionTitle}</Link></p>
        <h1>Finaliste retiré</h1>
        <p>Ce finaliste a retiré son accord ou ne souhaite plus être vu de votre collectivité : son dossier n’est plus consultable. La décision reste enregistrée.</p>
        <DecisionSummary decision={finalist.decision} decidedAt={finalist.decidedAt} decidedByName={finalist.decidedByName} startDate={finalist.startDate} />
      </>
    );
  }
  const own = f.scores.own;
  const rows = [
    ...(own && viewer.member ? [{ key: "own", name: `${viewer.member.name} (vous)`, total: own.total, scores: own.scores }] : []),
    ...(f.scores.others ?? []).map((o) => ({ key: o.memberId, name: `${o.name}, ${o.function}`, total: o.total, scores: o.scores })),
  ];
  const decided = finalist.decision !== null;
  return (
    <>
      <p><Link to={back}>← Finalistes : {viewer.positionTitle}</Link></p>
      <div className="page-head">
        <h1>{f.name}</h1>
        <DecisionSummary decision={finalist.decision} decidedAt={finalist.decidedAt} decidedByName={finalist.decidedByName} startDate={finalist.startDate} />
      </div>
      <FormAlert>{data?.error}</FormAlert>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      <p>
        {[f.currentFunction, f.currentEmployerName, f.grade].filter(Boolean).join(" — ")}
        {f.yearsExperience ? ` — ${f.yearsExperience} ans d’expérience` : ""}
      </p>
      <p>Présenté par {f.cabinetName} le {formatDate(finalist.presentedAt)}. Contact : <a href={`mailto:${f.email}`}>{f.email}</a></p>
      <div className="actions">
        {f.hasCv ? <a className="button button-secondary" href={`${back}/${finalist.id}/cv`}>Télécharger le CV (PDF)</a> : <span className="muted">Pas de CV joint.</span>}
        <Link className="button button-secondary" to={`${back}/${finalist.id}/dossier`}>Dossier imprimable</Link>
        <Link className="button button-secondary" to={`${back}/comparaison`}>Comparer les finalistes</Link>
      </div>
      {viewer.member ? <p className="muted">Votre rôle : {COMMITTEE_RIGHTS_LABEL[viewer.member.role]}.</p> : null}
      <SynthesisBlock s={f} />
      <CabinetScores total={f.cabinetScore} criteria={f.cabinetCriteria} />
      <InterviewPanel interview={f.interview} organise={viewer.rights.organise} decided={decided} errors={data?.intent !== "score" && data?.intent !== "decide" ? errors : {}} busy={busy} />
      <section aria-labelledby="notes-comite" className="card">
        <h2 id="notes-comite">Notes du comité</h2>
        {f.scores.others === null ? (
          <p className="muted">Les notes des autres membres s’affichent une fois votre propre grille enregistrée ({f.scores.submittedCount} {f.scores.submittedCount > 1 ? "grilles reçues" : "grille reçue"}).</p>
        ) : (
          <MemberScores criteria={criteria} rows={rows} />
        )}
        {viewer.rights.score && !decided ? (
          <>
            <h3>{own ? "Votre grille" : "Noter ce finaliste"}</h3>
            <ScoreForm criteria={criteria} own={own?.scores ?? null} errors={data?.intent === "score" ? errors : {}} busy={busy} />
          </>
        ) : null}
      </section>
      {viewer.rights.decide && !decided ? (
        <section aria-labelledby="decision" className="card">
          <h2 id="decision">Décision</h2>
          <DecisionForm errors={data?.intent === "decide" ? errors : {}} busy={busy} name={f.name} />
        </section>
      ) : null}
      {decided && f.decisionNote ? <p className="muted">Motifs du comité : {f.decisionNote}</p> : null}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
