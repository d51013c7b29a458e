import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert, Select, TextArea } from "~/components/ui/Field";
import { NOT_RETAINED_REASONS, STAGE_LABEL, WITHDREW_REASONS, type Stage } from "~/schemas/shortlist";
import type { EntryActionData } from "~/schemas/shortlist-entry-page";

/**
 * The moves allowed from the entry's stage (app/schemas/shortlist.ts manualMoves), one button
 * each. An exit opens its form: the reason, and for « non retenu » the feedback the candidate
 * will read in their space.
 */
export function MoveForms({ moves, who, data, busy }: { moves: Stage[]; who: string; data: EntryActionData | null; busy: boolean }) {
  if (moves.length === 0) return <p className="muted">Cette étape est finale, ou la mission est terminée : plus de mouvement possible.</p>;
  const mine = data?.intent === "move" ? data : null;
  const forward = moves.filter((s) => s !== "NOT_RETAINED" && s !== "WITHDREW");
  return (
    <>
      {mine?.error && !mine.values.to?.match(/NOT_RETAINED|WITHDREW/) ? <FormAlert>{mine.error}</FormAlert> : null}
      {forward.length ? (
        <div className="actions">
          {forward.map((to) => (
            <Form method="post" className="inline" key={to}>
              <CsrfField />
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="to" value={to} />
              <button type="submit" disabled={busy}>
                Passer à « {STAGE_LABEL[to]} »<span className="visually-hidden"> : {who}</span>
              </button>
            </Form>
          ))}
        </div>
      ) : null}
      {moves.includes("NOT_RETAINED") ? <ExitForm to="NOT_RETAINED" who={who} data={mine} busy={busy} /> : null}
      {moves.includes("WITHDREW") ? <ExitForm to="WITHDREW" who={who} data={mine} busy={busy} /> : null}
    </>
  );
}

function ExitForm({ to, who, data, busy }: { to: "NOT_RETAINED" | "WITHDREW"; who: string; data: EntryActionData | null; busy: boolean }) {
  const own = data?.values.to === to ? data : null;
  const errors = own?.fieldErrors ?? {};
  const reasons = to === "NOT_RETAINED" ? NOT_RETAINED_REASONS : WITHDREW_REASONS;
  return (
    <details className="exit-form" open={!!own}>
      <summary>{to === "NOT_RETAINED" ? "Ne pas retenir ce candidat" : "Le candidat se désiste"}</summary>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="to" value={to} />
        {own?.error ? <FormAlert>{own.error}</FormAlert> : null}
        <Select label={to === "NOT_RETAINED" ? "Raison" : "Raison du désistement"} name="exitReason" required defaultValue={own?.values.exitReason ?? ""} error={errors.exitReason}>
          <option value="">Choisissez…</option>
          {Object.entries(reasons).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
        </Select>
        {to === "NOT_RETAINED" ? (
          <TextArea label="Retour au candidat" name="feedback" rows={5} required defaultValue={own?.values.feedback ?? ""} error={errors.feedback}
            hint="Le candidat le lira dans son espace. Dites honnêtement et avec égards ce qui a manqué, et ce qui était solide." />
        ) : null}
        <TextArea label="Note pour le cabinet (facultative)" name="reason" rows={2} defaultValue={own?.values.reason ?? ""} error={errors.reason}
          hint="Reste dans l’historique du cabinet ; le candidat ne la lit pas." />
        <button type="submit" className="button-danger" disabled={busy}>
          {to === "NOT_RETAINED" ? "Confirmer : non retenu" : "Confirmer : désisté"}<span className="visually-hidden"> — {who}</span>
        </button>
      </Form>
    </details>
  );
}
