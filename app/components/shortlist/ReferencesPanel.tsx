import { Form } from "@remix-run/react";
import { formatDay } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, Select, TextArea } from "~/components/ui/Field";
import type { ConsentState } from "~/schemas/evaluation";
import type { EntryActionData } from "~/schemas/shortlist-entry-page";

type Consent = { id: string; requestedAt: string; answeredAt: string | null; withdrawnAt: string | null; state: ConsentState };
type Referee = { id: string; name: string; relation: string; contact: string };
type Check = { id: string; refereeName: string; relation: string; checkedAt: string; summary: string; by: string };
export type ReferencesView = { consents: Consent[]; granted: boolean; mayAsk: boolean; mayRecord: boolean; referees: Referee[]; checks: Check[] };

function consentLine(c: Consent): string {
  switch (c.state) {
    case "granted": return `Accord donné par le candidat le ${formatDay(c.answeredAt)} (demandé le ${formatDay(c.requestedAt)}).`;
    case "refused": return `Le candidat a refusé le ${formatDay(c.answeredAt)} (demandé le ${formatDay(c.requestedAt)}).`;
    case "withdrawn": return `Le candidat a retiré son accord le ${formatDay(c.withdrawnAt)}.`;
    default: return `Demande envoyée le ${formatDay(c.requestedAt)} : en attente de la réponse du candidat.`;
  }
}

/**
 * References: the candidate's consent (asked here, given or refused in their space), the
 * referees they named, once they agreed, and the checks recorded.
 */
export function ReferencesPanel({ refs, open, data, busy, today }: { refs: ReferencesView; open: boolean; data: EntryActionData | null; busy: boolean; today: string }) {
  const asked = data?.intent === "ask-references" ? data : null;
  const own = data?.intent === "reference-check" ? data : null;
  const errors = own?.fieldErrors ?? {};
  return (
    <>
      {refs.consents.length ? <ul>{refs.consents.map((c) => <li key={c.id}>{consentLine(c)}</li>)}</ul> : null}
      {asked?.error ? <FormAlert>{asked.error}</FormAlert> : null}
      {open && refs.mayAsk ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="ask-references" />
          <button type="submit" className="button-secondary" disabled={busy}>Demander l’accord pour contacter ses références</button>
        </Form>
      ) : null}
      {!refs.mayRecord && !refs.mayAsk && refs.consents.length === 0 ? (
        <p className="muted">Vous pourrez demander son accord pour contacter ses références quand le candidat aura accepté votre proposition pour cette mission ou y aura postulé.</p>
      ) : null}
      {refs.mayRecord ? (
        <>
          <h3>Références indiquées par le candidat</h3>
          {refs.referees.length === 0 ? <p className="muted">Le candidat n’a indiqué aucune référence : il peut les ajouter dans son espace.</p> : (
            <ul>{refs.referees.map((r) => <li key={r.id}><strong>{r.name}</strong> — {r.relation} — {r.contact}</li>)}</ul>
          )}
        </>
      ) : null}
      {refs.checks.length ? (
        <>
          <h3>Prises de références</h3>
          <ol className="evaluation-list">
            {refs.checks.map((c) => (
              <li key={c.id}>
                <p><strong>{c.refereeName}</strong> ({c.relation}), le {formatDay(c.checkedAt)}, par {c.by}</p>
                <p className="prewrap">{c.summary}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {open && refs.mayRecord && refs.referees.length ? (
        <details className="evaluation-form" open={!!own}>
          <summary>Noter une prise de références</summary>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="reference-check" />
            {own?.error ? <FormAlert>{own.error}</FormAlert> : null}
            <Select label="Référence contactée" name="refereeId" required defaultValue={own?.values.refereeId ?? ""} error={errors.refereeId}>
              <option value="">Choisissez…</option>
              {refs.referees.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.relation})</option>)}
            </Select>
            <Field label="Lien avec le candidat" name="relation" required defaultValue={own?.values.relation ?? ""} error={errors.relation}
              hint="Tel que la référence l’a décrit (par exemple : son DGS pendant quatre ans)." />
            <Field label="Date de l’échange" name="checkedAt" type="date" required max={today} defaultValue={own?.values.checkedAt ?? today} error={errors.checkedAt} />
            <TextArea label="Ce que la référence a dit" name="summary" rows={5} required defaultValue={own?.values.summary ?? ""} error={errors.summary} />
            <button type="submit" disabled={busy}>Enregistrer la prise de références</button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
