import { Form } from "@remix-run/react";
import { formatDay } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert, Select, TextArea } from "~/components/ui/Field";
import { SCORE_LABEL, SCORE_LEVELS } from "~/schemas/scorecard";
import type { EntryActionData } from "~/schemas/shortlist-entry-page";

type Criterion = { id: string; label: string; weight: number };
type Mark = { criterionId: string; score: number | null; comment: string };
export type ScorecardView = { id: string; consultant: string; mine: boolean; updatedAt: string; total: number | null; marks: Mark[] };

function total(t: number | null): string {
  return t === null ? "incomplète" : `${t} / 100`;
}

/**
 * The scorecards of the consultants who evaluated the candidate on the position's weighted
 * criteria, their average, and the acting consultant's own grid to fill in or revise.
 */
export function ScorecardPanel({ criteria, scorecards, average, open, data, busy }: {
  criteria: Criterion[]; scorecards: ScorecardView[]; average: number | null; open: boolean; data: EntryActionData | null; busy: boolean;
}) {
  if (criteria.length === 0) {
    return <p className="muted">Le poste n’a pas de critères pondérés : la collectivité les fixe dans la fiche du poste, avant toute évaluation.</p>;
  }
  const own = data?.intent === "scorecard" ? data : null;
  const errors = own?.fieldErrors ?? {};
  const mine = scorecards.find((s) => s.mine);
  const label = (id: string) => criteria.find((c) => c.id === id)?.label ?? "";
  return (
    <>
      {scorecards.length === 0 ? <p className="muted">Aucune grille remplie pour le moment.</p> : (
        <>
          <p><strong>Moyenne des grilles : {average === null ? "—" : `${average} / 100`}</strong> ({scorecards.length} grille{scorecards.length > 1 ? "s" : ""})</p>
          <ul className="evaluation-list">
            {scorecards.map((s) => (
              <li key={s.id}>
                <details>
                  <summary>{s.mine ? "Votre grille" : `Grille de ${s.consultant}`} : {total(s.total)} <span className="muted small">(le {formatDay(s.updatedAt)})</span></summary>
                  <div className="table-scroll"><table>
                    <caption className="visually-hidden">{s.mine ? "Votre grille" : `Grille de ${s.consultant}`}, critère par critère</caption>
                    <thead><tr><th scope="col">Critère</th><th scope="col">Note</th><th scope="col">Commentaire</th></tr></thead>
                    <tbody>
                      {s.marks.map((m) => (
                        <tr key={m.criterionId}>
                          <th scope="row">{label(m.criterionId)}</th>
                          <td>{m.score === null ? "non noté" : `${m.score} / 4`}</td>
                          <td className="prewrap">{m.comment}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table></div>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
      {open ? (
        <details className="evaluation-form" open={!!own}>
          <summary>{mine ? "Revoir ma grille" : "Remplir ma grille"}</summary>
          <p className="hint">Chaque critère de 1 à 4. Le total sur 100 pondère chaque note par le poids du critère.</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="scorecard" />
            {own?.error ? <FormAlert>{own.error}</FormAlert> : null}
            {criteria.map((c) => {
              const prior = mine?.marks.find((m) => m.criterionId === c.id);
              const score = own?.values[`score.${c.id}`] ?? (prior?.score ? String(prior.score) : "");
              return (
                <fieldset key={c.id}>
                  <legend>{c.label} <span className="muted">(poids {c.weight})</span></legend>
                  <Select label={<>Note<span className="visually-hidden"> : {c.label}</span></>} name={`score.${c.id}`} required defaultValue={score} error={errors[`score.${c.id}`]}>
                    <option value="">Choisissez…</option>
                    {SCORE_LEVELS.map((l) => <option key={l} value={l}>{SCORE_LABEL[l]}</option>)}
                  </Select>
                  <TextArea label={<>Commentaire<span className="visually-hidden"> : {c.label}</span></>} name={`comment.${c.id}`} rows={2}
                    defaultValue={own?.values[`comment.${c.id}`] ?? prior?.comment ?? ""} error={errors[`comment.${c.id}`]} />
                </fieldset>
              );
            })}
            <button type="submit" disabled={busy}>Enregistrer ma grille</button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
