import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CabinetScores, DecisionSummary } from "~/components/presentations/FinalistParts";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, TextArea } from "~/components/ui/Field";
import { requestPresentationConsent } from "~/domain/consents.server";
import { getPresentationPage, giveFeedback, presentFinalist } from "~/domain/presentations.server";
import { fieldErrors } from "~/schemas/errors";
import { feedbackSchema, presentationSchema, type Decision } from "~/schemas/presentation";
import { STAGE_LABEL } from "~/schemas/shortlist";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Présentation à la collectivité — Vivier" }];

/**
 * /cabinet/missions/:id/presentation/:entryId — the consultant asks the candidate's consent to be
 * presented, presents them (synthesis, scores, CV as of today), then gives the feedback owed to a
 * finalist not kept.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const page = await getPresentationPage(user, params.entryId ?? "");
  if (!page || page.missionId !== params.id) throw notFound();
  return json({ page, ok: new URL(request.url).searchParams.get("ok") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const entryId = params.entryId ?? "";
  const page = await getPresentationPage(user, entryId);
  if (!page || page.missionId !== params.id) throw notFound();
  const intent = String(form.get("intent") ?? "");
  const done = (ok: string) => redirect(`/cabinet/missions/${params.id}/presentation/${entryId}?ok=${ok}`);
  const refused = (r: { status: number; error: string }) => {
    if (r.status === 404) throw notFound();
    return json({ error: r.error, fieldErrors: {} as Record<string, string> }, { status: r.status });
  };
  if (intent === "request-consent") {
    const r = await requestPresentationConsent(user, entryId);
    return r.ok ? done("accord-demande") : refused(r);
  }
  if (intent === "present") {
    const parsed = presentationSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
    const r = await presentFinalist(user, entryId, parsed.data);
    return r.ok ? done("presente") : refused(r);
  }
  if (intent === "feedback" && page.presentation) {
    const parsed = feedbackSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
    const r = await giveFeedback(user, page.presentation.id, parsed.data.feedback);
    return r.ok ? done("retour") : refused(r);
  }
  return json({ error: "Action inconnue.", fieldErrors: {} as Record<string, string> }, { status: 400 });
}

const SUCCESS: Record<string, string> = {
  "accord-demande": "La demande d’accord est envoyée : le candidat répond dans son espace.",
  presente: "Le candidat est présenté : la collectivité et son comité voient désormais son dossier.",
  retour: "Le retour est donné : le candidat le lit dans son espace.",
};

const CONSENT_STATE = (c: { granted: boolean | null; withdrawnAt: string | null; answeredAt: string | null }) =>
  c.withdrawnAt ? `retiré le ${formatDate(c.withdrawnAt)}` : c.granted === true ? `accordé le ${formatDate(c.answeredAt)}` : c.granted === false ? `refusé le ${formatDate(c.answeredAt)}` : "en attente de réponse";

export default function PresentationPage() {
  const { page, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = data?.fieldErrors ?? {};
  const { entry, presentation: p, consent } = page;
  const consentOk = consent?.granted === true && !consent.withdrawnAt;
  const canAsk = entry.stage === "EVALUATED" && (!consent || consent.granted === false || !!consent.withdrawnAt);
  return (
    <>
      <p><Link to={`/cabinet/missions/${page.missionId}`}>← Mission : {page.position.title}</Link></p>
      <h1>Présentation de {entry.label} à {page.position.collectivite}</h1>
      <FormAlert>{data?.error}</FormAlert>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      <p>Étape : <strong>{STAGE_LABEL[entry.stage]}</strong>. Accord de présentation : <strong>{consent ? CONSENT_STATE(consent) : "pas encore demandé"}</strong>.</p>
      {canAsk && page.missionActive ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="request-consent" />
          <p className="muted">Le candidat est invité à accepter d’être présenté à {page.position.collectivite} pour le poste « {page.position.title} », et à personne d’autre.</p>
          <button type="submit" disabled={busy}>Demander l’accord de présentation</button>
        </Form>
      ) : null}
      <CabinetScores total={page.summary.total} criteria={page.summary.perCriterion} />
      {p ? (
        <section aria-labelledby="presentation" className="card">
          <h2 id="presentation">Présenté le {formatDate(p.presentedAt)}</h2>
          <DecisionSummary decision={p.decision as Decision | null} decidedAt={p.decidedAt} decidedByName={p.decidedByName} startDate={p.startDate} />
          {p.decisionNote ? <p>Motifs du comité : {p.decisionNote}</p> : null}
          {p.feedbackGivenAt ? (
            <>
              <h3>Retour donné le {formatDate(p.feedbackGivenAt)}</h3>
              <p className="letter">{page.feedback}</p>
            </>
          ) : p.decision !== "HIRED" && (entry.stage === "PRESENTED" || entry.stage === "FINALIST") && page.missionActive ? (
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="feedback" />
              <TextArea label="Retour au candidat" name="feedback" rows={6} required maxLength={4000} error={errors.feedback}
                hint={p.decision ? "Le comité ne l’a pas retenu : expliquez-lui pourquoi, honnêtement et utilement. Il le lira dans son espace." : "Sans décision du comité, ce retour retire aussi le candidat de la présentation."} />
              <button type="submit" disabled={busy}>Donner le retour</button>
            </Form>
          ) : null}
        </section>
      ) : consentOk && entry.stage === "EVALUATED" && page.missionActive ? (
        <section aria-labelledby="presenter" className="card">
          <h2 id="presenter">Présenter à la collectivité</h2>
          <p className="muted">Le dossier part avec votre évaluation et {page.hasCv ? "le CV tel qu’il est aujourd’hui" : "sans CV (le candidat n’en a pas déposé)"}.</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="present" />
            <TextArea label="Points forts" name="strengths" rows={5} required error={errors.strengths} />
            <TextArea label="Points d’attention" name="attention" rows={4} required error={errors.attention} />
            <Field label="Rémunération attendue" name="salaryExpected" defaultValue={page.suggestions.salaryExpected} error={errors.salaryExpected} />
            <Field label="Logement" name="housing" defaultValue={page.suggestions.housing} error={errors.housing} />
            <Field label="Emploi du conjoint" name="spouseJob" error={errors.spouseJob} />
            <Field label="Disponible à partir du" name="availableFrom" type="date" defaultValue={page.suggestions.availableFrom} error={errors.availableFrom} />
            <div className="actions"><button type="submit" disabled={busy}>Présenter ce finaliste</button></div>
          </Form>
        </section>
      ) : null}
      <p><Link to={`/cabinet/missions/${page.missionId}/finalistes`}>Tous les finalistes de la mission, le suivi et la clôture</Link></p>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
