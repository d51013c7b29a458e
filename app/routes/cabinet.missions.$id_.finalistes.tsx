import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { DecisionSummary } from "~/components/presentations/FinalistParts";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, Select, TextArea } from "~/components/ui/Field";
import { listMissionFollowUps, recordFollowUp } from "~/domain/follow-ups.server";
import { closeMission, listMissionPresentations, presentationsToPrepare } from "~/domain/presentations.server";
import { fieldErrors } from "~/schemas/errors";
import { FOLLOW_UP_STATE_LABEL, SIGNAL_LABEL, SIGNALS, WITH_WHOM_LABEL, followUpSchema, type Decision } from "~/schemas/presentation";
import { STAGE_LABEL } from "~/schemas/shortlist";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Finalistes et suivi de la mission — Vivier" }];

/**
 * /cabinet/missions/:id/finalistes — the mission's presented finalists (decision, feedback owed),
 * the hire's integration follow-up (1, 3, 6 months), and « Clore la mission », refused while a
 * finalist not kept has had no feedback.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const data = await listMissionPresentations(user, params.id ?? "");
  if (!data) throw notFound();
  const followUps = (await listMissionFollowUps(user, params.id ?? "")) ?? [];
  const toPresent = (await presentationsToPrepare(user)).filter((p) => p.missionId === data.mission.id);
  return json({ ...data, followUps, toPresent, ok: new URL(request.url).searchParams.get("ok") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  const intent = String(form.get("intent") ?? "");
  if (intent === "close") {
    const r = await closeMission(user, id);
    if (!r.ok && r.status === 404) throw notFound();
    return r.ok ? redirect(`/cabinet/missions/${id}/finalistes?ok=close`) : json({ error: r.error, followUpId: null, fieldErrors: {} as Record<string, string> }, { status: r.status });
  }
  if (intent === "follow-up") {
    const followUpId = String(form.get("followUpId") ?? "");
    const parsed = followUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ error: null, followUpId, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
    const r = await recordFollowUp(user, followUpId, parsed.data);
    if (!r.ok && r.status === 404) throw notFound();
    return r.ok ? redirect(`/cabinet/missions/${id}/finalistes?ok=suivi#suivi`) : json({ error: r.error, followUpId, fieldErrors: {} as Record<string, string> }, { status: r.status });
  }
  return json({ error: "Action inconnue.", followUpId: null, fieldErrors: {} as Record<string, string> }, { status: 400 });
}

const CONSENT_LABEL: Record<string, string> = {
  none: "accord de présentation à demander",
  pending: "accord demandé, en attente",
  granted: "accord donné : prêt à présenter",
  refused: "accord refusé",
  withdrawn: "accord retiré",
};

const SUCCESS: Record<string, string> = { close: "La mission est close.", suivi: "Le point de suivi est enregistré." };

export default function MissionFinalistsPage() {
  const { mission, finalists, followUps, toPresent, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const missing = finalists.filter((f) => f.awaitingFeedback).length;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <p><Link to={`/cabinet/missions/${mission.id}`}>← Mission : {mission.positionTitle}</Link></p>
      <h1>Finalistes présentés à {mission.collectivite}</h1>
      <FormAlert>{data && !data.followUpId ? data.error : null}</FormAlert>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      {toPresent.length ? (
        <section aria-labelledby="a-presenter" className="card">
          <h2 id="a-presenter">Candidats évalués, à présenter</h2>
          <ul>
            {toPresent.map((p) => <li key={p.entryId}><Link to={p.href}>{p.label}</Link> — {CONSENT_LABEL[p.consent]}</li>)}
          </ul>
        </section>
      ) : null}
      {finalists.length === 0 ? (
        <p>Aucun finaliste présenté pour l’instant. Présentez un candidat évalué, avec son accord.</p>
      ) : (
        <ul className="cards">
          {finalists.map((f) => (
            <li key={f.id} className="card">
              <h2><Link to={`/cabinet/missions/${mission.id}/presentation/${f.entryId}`}>{f.name}</Link></h2>
              <p>Présenté le {formatDate(f.presentedAt)} — {STAGE_LABEL[f.stage]}{f.withdrawn ? " (retiré)" : ""}</p>
              <DecisionSummary decision={f.decision as Decision | null} decidedAt={f.decidedAt} decidedByName={f.decidedByName} startDate={f.startDate} />
              {f.feedbackGivenAt ? <p className="muted">Retour donné le {formatDate(f.feedbackGivenAt)}.</p> : f.awaitingFeedback && (f.decision === "NOT_RETAINED" || finalists.some((o) => o.decision === "HIRED")) ? <p><strong>Retour à donner.</strong></p> : null}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="suivi" className="card">
        <h2 id="suivi">Suivi d’intégration</h2>
        {followUps.length === 0 ? (
          <p className="muted">Le suivi commence quand le comité retient un finaliste : des points à 1, 3 et 6 mois après sa prise de poste.</p>
        ) : (
          <ul className="follow-ups">
            {followUps.map((f) => (
              <li key={f.id}>
                <h3>{f.months} mois, {WITH_WHOM_LABEL[f.withWhom]} — prévu le {formatDate(f.dueOn)} <span className={`badge ${f.state === "late" ? "badge-red" : f.state === "done" ? "badge-green" : "badge-grey"}`}>{FOLLOW_UP_STATE_LABEL[f.state]}</span></h3>
                {f.heldOn ? (
                  <p>Tenu le {formatDate(f.heldOn)} — {f.signal ? SIGNAL_LABEL[f.signal] : ""}. {f.notes}</p>
                ) : f.state !== "upcoming" ? (
                  <Form method="post" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="follow-up" />
                    <input type="hidden" name="followUpId" value={f.id} />
                    {data?.followUpId === f.id && data.error ? <FormAlert>{data.error}</FormAlert> : null}
                    <Field label="Date du point" name="heldOn" id={`heldOn-${f.id}`} type="date" required defaultValue={today} max={today} error={data?.followUpId === f.id ? data.fieldErrors.heldOn : undefined} />
                    <Select label="Signal" name="signal" id={`signal-${f.id}`} required defaultValue="" error={data?.followUpId === f.id ? data.fieldErrors.signal : undefined}>
                      <option value="">Choisir…</option>
                      {SIGNALS.map((s) => <option key={s} value={s}>{SIGNAL_LABEL[s]}</option>)}
                    </Select>
                    <TextArea label="Notes" name="notes" id={`notes-${f.id}`} rows={3} required error={data?.followUpId === f.id ? data.fieldErrors.notes : undefined} />
                    <button type="submit" disabled={busy}>Enregistrer le point à {f.months} mois</button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mission.status === "ACTIVE" ? (
        <section aria-labelledby="cloture" className="card">
          <h2 id="cloture">Clore la mission</h2>
          {missing > 0 ? <p>Il reste {missing > 1 ? `${missing} finalistes` : "1 finaliste"} sans retour : un retour honnête est dû à chacun avant la clôture.</p> : <p className="muted">Chaque finaliste non retenu a reçu son retour.</p>}
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="button-secondary" disabled={busy}>Clore la mission</button>
          </Form>
        </section>
      ) : (
        <p className="muted">Mission close.</p>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
