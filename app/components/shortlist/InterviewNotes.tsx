import { Form } from "@remix-run/react";
import { formatDay } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, TextArea } from "~/components/ui/Field";
import { INTERVIEW_FORM_LABEL, INTERVIEW_FORMS, INTERVIEW_HEADINGS, type InterviewForm } from "~/schemas/evaluation";
import type { EntryActionData } from "~/schemas/shortlist-entry-page";

export type InterviewView = { id: string; heldAt: string; form: InterviewForm; author: string; competences: string; comportement: string; adhesion: string };

/** The cabinet's interviews with the candidate, newest first, and the form to note one. */
export function InterviewNotes({ notes, open, data, busy, today }: { notes: InterviewView[]; open: boolean; data: EntryActionData | null; busy: boolean; today: string }) {
  const own = data?.intent === "interview" ? data : null;
  const errors = own?.fieldErrors ?? {};
  return (
    <>
      {notes.length === 0 ? <p className="muted">Aucun entretien noté pour le moment.</p> : (
        <ol className="evaluation-list">
          {notes.map((n) => (
            <li key={n.id}>
              <article aria-labelledby={`entretien-${n.id}`}>
                <h3 id={`entretien-${n.id}`}>Entretien du {formatDay(n.heldAt)} — {INTERVIEW_FORM_LABEL[n.form] ?? n.form}</h3>
                <p className="muted small">Noté par {n.author}</p>
                <dl className="note-headings">
                  {(Object.keys(INTERVIEW_HEADINGS) as Array<keyof typeof INTERVIEW_HEADINGS>).map((k) =>
                    n[k] ? (
                      <div key={k}>
                        <dt>{INTERVIEW_HEADINGS[k]}</dt>
                        <dd className="prewrap">{n[k]}</dd>
                      </div>
                    ) : null,
                  )}
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <details className="evaluation-form" open={!!own}>
          <summary>Noter un entretien</summary>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="interview" />
            {own?.error ? <FormAlert>{own.error}</FormAlert> : null}
            <Field label="Date de l’entretien" name="heldAt" type="date" required max={today} defaultValue={own?.values.heldAt ?? today} error={errors.heldAt} />
            <fieldset className={errors.form ? "has-error" : undefined} aria-describedby={errors.form ? "forme-erreur" : undefined}>
              <legend>Forme</legend>
              {errors.form ? <p id="forme-erreur" className="field-error" role="alert">{errors.form}</p> : null}
              <div className="inline-choices">
                {INTERVIEW_FORMS.map((f) => (
                  <Field key={f} type="radio" name="form" value={f} label={INTERVIEW_FORM_LABEL[f]} defaultChecked={(own?.values.form ?? "PRESENTIEL") === f} />
                ))}
              </div>
            </fieldset>
            <TextArea label={INTERVIEW_HEADINGS.competences} name="competences" rows={4} defaultValue={own?.values.competences ?? ""} error={errors.competences}
              hint="Au moins une des trois rubriques." />
            <TextArea label={INTERVIEW_HEADINGS.comportement} name="comportement" rows={4} defaultValue={own?.values.comportement ?? ""} error={errors.comportement} />
            <TextArea label={INTERVIEW_HEADINGS.adhesion} name="adhesion" rows={4} defaultValue={own?.values.adhesion ?? ""} error={errors.adhesion} />
            <button type="submit" disabled={busy}>Enregistrer l’entretien</button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
