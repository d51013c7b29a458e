import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { chooseSlot } from "~/domain/committee-interviews.server";
import { answerConsent, listOwnPresentationConsents, withdrawConsent } from "~/domain/consents.server";
import { listOwnPresentations } from "~/domain/presentations.server";
import { formatParis } from "~/schemas/presentation";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mes présentations — Vivier" }];

/**
 * /candidat/presentations — the candidate decides whether a cabinet may present them to a named
 * collectivité (and may withdraw that at any time), picks their interview slot with the
 * committee, and reads the outcome: « Retenu » with the start date, or the cabinet's feedback.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  return json({ consents: await listOwnPresentationConsents(user), presentations: await listOwnPresentations(user), ok: new URL(request.url).searchParams.get("ok") });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const intent = String(form.get("intent") ?? "");
  const id = String(form.get("id") ?? "");
  const result =
    intent === "grant" || intent === "refuse" ? await answerConsent(user, id, intent === "grant")
    : intent === "withdraw" ? await withdrawConsent(user, id)
    : intent === "choose-slot" ? await chooseSlot(user, id, String(form.get("slotId") ?? ""))
    : ({ ok: false, status: 400, error: "Action inconnue." } as const);
  if (result.ok) return redirect(`/candidat/presentations?ok=${intent}`);
  if (result.status === 404) throw notFound();
  return json({ error: result.error }, { status: result.status });
}

const SUCCESS: Record<string, string> = {
  grant: "Merci : le cabinet peut vous présenter à cette collectivité, pour ce poste seulement.",
  refuse: "C’est noté : le cabinet ne présentera pas votre candidature.",
  withdraw: "Votre accord est retiré : la collectivité ne voit plus votre dossier.",
  "choose-slot": "Votre entretien est fixé : l’invitation vous est envoyée par e-mail.",
};

export default function CandidatePresentations() {
  const { consents, presentations, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const pending = consents.filter((c) => !c.answeredAt);
  const granted = consents.filter((c) => c.granted && !c.withdrawnAt);
  return (
    <>
      <h1>Mes présentations</h1>
      <FormAlert>{data?.error}</FormAlert>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      <section aria-labelledby="accords">
        <h2 id="accords">Demandes d’accord</h2>
        {pending.length === 0 && granted.length === 0 ? <p className="muted">Aucune demande en cours. Un cabinet vous demandera votre accord avant de présenter votre candidature à une collectivité.</p> : null}
        {pending.map((c) => (
          <div key={c.id} className="card">
            <p><strong>{c.cabinetName}</strong> souhaite vous présenter à <strong>{c.organizationName}</strong> pour le poste « {c.positionTitle} » (demande du {formatDate(c.requestedAt)}).</p>
            <p className="muted">Si vous acceptez, cette collectivité et son comité de recrutement verront votre nom, votre CV et la synthèse du cabinet. Personne d’autre. Vous pourrez retirer votre accord à tout moment.</p>
            <Form method="post" className="actions">
              <CsrfField />
              <input type="hidden" name="id" value={c.id} />
              <button type="submit" name="intent" value="grant" disabled={busy}>J’accepte que le cabinet me présente</button>
              <button type="submit" name="intent" value="refuse" className="button-secondary" disabled={busy}>Je refuse</button>
            </Form>
          </div>
        ))}
        {granted.map((c) => (
          <div key={c.id} className="card">
            <p>Vous avez accepté le {formatDate(c.answeredAt)} que le cabinet présente votre candidature à <strong>{c.organizationName}</strong> pour le poste « {c.positionTitle} ».</p>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="id" value={c.id} />
              <button type="submit" name="intent" value="withdraw" className="button-secondary" disabled={busy}>Retirer mon accord</button>
            </Form>
          </div>
        ))}
      </section>
      <section aria-labelledby="suite">
        <h2 id="suite">Où en sont mes présentations</h2>
        {presentations.length === 0 ? <p className="muted">Aucune collectivité n’a encore reçu votre candidature par un cabinet.</p> : null}
        {presentations.map((p) => (
          <article key={p.id} className="card">
            <h3>{p.positionTitle} — {p.organizationName}</h3>
            <p>Présentation par {p.cabinetName} le {formatDate(p.presentedAt)}. <strong>{p.hired ? "Candidature retenue" : p.state}</strong></p>
            {p.hired && p.startDate ? <p>Félicitations ! Votre prise de poste est prévue le <strong>{formatDate(p.startDate)}</strong>.</p> : null}
            {p.feedback ? <><h4>Le retour du cabinet</h4><p className="letter">{p.feedback}</p></> : null}
            {p.interviews.map((i) =>
              i.status === "BOOKED" && i.startsAt ? (
                <p key={i.id}>Entretien avec le comité : <strong>{formatParis(i.startsAt)}</strong> (heure de Paris), {i.durationMin} min — {[i.place, i.videoLink].filter(Boolean).join(" — ")}</p>
              ) : i.status === "PROPOSED" ? (
                <Form key={i.id} method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="choose-slot" />
                  <input type="hidden" name="id" value={i.id} />
                  <fieldset>
                    <legend>Choisissez votre créneau d’entretien avec le comité ({i.durationMin} min, {[i.place, i.videoLink].filter(Boolean).join(" — ")})</legend>
                    {i.slots.map((s, n) => <Field key={s.id} type="radio" name="slotId" value={s.id} id={`slot-${s.id}`} label={formatParis(s.startsAt)} defaultChecked={n === 0} />)}
                  </fieldset>
                  <button type="submit" disabled={busy}>Confirmer ce créneau</button>
                </Form>
              ) : null,
            )}
          </article>
        ))}
      </section>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
