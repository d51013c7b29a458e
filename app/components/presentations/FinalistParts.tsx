import { Form } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, Select, TextArea } from "~/components/ui/Field";
import { DECISION_LABEL, INTERVIEW_DURATIONS, INTERVIEW_STATUS_LABEL, formatParis, utcToParisLocal, type Decision, type InterviewStatus } from "~/schemas/presentation";
import { SCORE_LABEL, SCORE_LEVELS, type CriterionScore } from "~/schemas/scorecard";

/**
 * The parts of a finalist's pages (the collectivité's side): the cabinet's synthesis, the scores,
 * the member's scorecard, the decision and the interview forms. Data comes from
 * app/domain/committee.server.ts; nothing here decides who sees what.
 */

type Criterion = { id: string; label: string; weight: number };

export type Synthesis = {
  strengths: string;
  attention: string;
  salaryExpected: string;
  housing: string;
  spouseJob: string;
  availableFrom: string | null;
};

export function SynthesisBlock({ s }: { s: Synthesis }) {
  return (
    <section aria-labelledby="synthese" className="card dossier-section">
      <h2 id="synthese">Synthèse du cabinet</h2>
      <h3>Points forts</h3>
      <p className="letter">{s.strengths}</p>
      <h3>Points d’attention</h3>
      <p className="letter">{s.attention}</p>
      <h3>Conditions de la mobilité</h3>
      <dl className="facts">
        <dt>Rémunération attendue</dt><dd>{s.salaryExpected || "Non précisée"}</dd>
        <dt>Logement</dt><dd>{s.housing || "Non précisé"}</dd>
        <dt>Emploi du conjoint</dt><dd>{s.spouseJob || "Non précisé"}</dd>
        <dt>Disponible à partir du</dt><dd>{s.availableFrom ? formatDate(s.availableFrom) : "Non précisé"}</dd>
      </dl>
    </section>
  );
}

export function CabinetScores({ total, criteria }: { total: number | null; criteria: ReadonlyArray<{ criterionId: string; label: string; weight: number; average: number | null }> }) {
  return (
    <section aria-labelledby="notes-cabinet" className="card dossier-section">
      <h2 id="notes-cabinet">Évaluation du cabinet</h2>
      <p>Note pondérée moyenne : <strong>{total === null ? "non évaluée" : `${total} / 100`}</strong></p>
      {criteria.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Moyenne des notes du cabinet par critère (de 1 à 4)</caption>
            <thead><tr><th scope="col">Critère</th><th scope="col">Poids</th><th scope="col">Moyenne (1 à 4)</th></tr></thead>
            <tbody>
              {criteria.map((c) => <tr key={c.criterionId}><th scope="row">{c.label}</th><td className="num">{c.weight}</td><td className="num">{c.average === null ? "—" : c.average.toLocaleString("fr-FR")}</td></tr>)}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function MemberScores({ criteria, rows }: { criteria: readonly Criterion[]; rows: ReadonlyArray<{ key: string; name: string; total: number; scores: readonly CriterionScore[] }> }) {
  if (rows.length === 0) return <p className="muted">Aucune note du comité pour l’instant.</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">Notes des membres du comité, par critère (de 1 à 4) et note pondérée sur 100</caption>
        <thead>
          <tr><th scope="col">Membre</th>{criteria.map((c) => <th key={c.id} scope="col">{c.label} <span className="muted">({c.weight})</span></th>)}<th scope="col">Total / 100</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              {criteria.map((c) => {
                const s = r.scores.find((x) => x.criterionId === c.id);
                return <td key={c.id} className="num">{s ? s.score : "—"}{s?.comment ? <span className="muted small"> — {s.comment}</span> : null}</td>;
              })}
              <td className="num"><strong>{r.total}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ScoreForm({ criteria, own, errors, busy }: { criteria: readonly Criterion[]; own: readonly CriterionScore[] | null; errors: Record<string, string>; busy: boolean }) {
  return (
    <Form method="post" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="score" />
      {criteria.map((c) => {
        const mine = own?.find((s) => s.criterionId === c.id);
        return (
          <fieldset key={c.id} className="score-criterion">
            <legend>{c.label} <span className="muted">(poids {c.weight})</span></legend>
            <Select label="Note" name={`score-${c.id}`} required defaultValue={mine ? String(mine.score) : ""} error={errors[`score-${c.id}`]}>
              <option value="">Choisir…</option>
              {SCORE_LEVELS.map((v) => <option key={v} value={v}>{SCORE_LABEL[v]}</option>)}
            </Select>
            <Field label="Commentaire" name={`comment-${c.id}`} defaultValue={mine?.comment ?? ""} maxLength={1000} error={errors[`comment-${c.id}`]} />
          </fieldset>
        );
      })}
      <div className="actions"><button type="submit" disabled={busy}>{own ? "Mettre à jour ma grille" : "Enregistrer ma grille"}</button></div>
    </Form>
  );
}

export function DecisionForm({ errors, busy, name }: { errors: Record<string, string>; busy: boolean; name: string }) {
  return (
    <Form method="post" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="decide" />
      <fieldset>
        <legend>Décision du comité sur {name}</legend>
        {errors.decision ? <p className="field-error" role="alert">{errors.decision}</p> : null}
        {(["HIRED", "NOT_RETAINED"] as const).map((d) => (
          <Field key={d} type="radio" name="decision" value={d} label={DECISION_LABEL[d]} id={`decision-${d}`} />
        ))}
      </fieldset>
      <Field label="Date de prise de poste (si retenu)" name="startDate" type="date" error={errors.startDate} hint="Elle fixe les points de suivi à 1, 3 et 6 mois." />
      <TextArea label="Motifs du comité (si non retenu)" name="note" rows={4} maxLength={4000} error={errors.note} hint="Le cabinet s’en servira pour faire au candidat un retour honnête ; le candidat ne lit pas ce texte tel quel." />
      <div className="actions"><button type="submit" disabled={busy}>Enregistrer la décision</button></div>
    </Form>
  );
}

export function DecisionSummary({ decision, decidedAt, decidedByName, startDate }: { decision: Decision | null; decidedAt: string | null; decidedByName: string; startDate: string | null }) {
  if (!decision) return null;
  return (
    <p className={`badge ${decision === "HIRED" ? "badge-green" : "badge-grey"}`}>
      {DECISION_LABEL[decision]}{decidedAt ? ` le ${formatDate(decidedAt)}` : ""}{decidedByName ? ` (${decidedByName})` : ""}{decision === "HIRED" && startDate ? ` — prise de poste le ${formatDate(startDate)}` : ""}
    </p>
  );
}

export type InterviewView = { id: string; status: string; startsAt: string | null; place: string; videoLink: string; durationMin: number; slots: ReadonlyArray<{ id: string; startsAt: string }> };

export function InterviewPanel({ interview, organise, decided, errors, busy }: { interview: InterviewView | null; organise: boolean; decided: boolean; errors: Record<string, string>; busy: boolean }) {
  return (
    <section aria-labelledby="entretien" className="card">
      <h2 id="entretien">Entretien avec le comité</h2>
      {interview ? (
        <>
          <p><strong>{INTERVIEW_STATUS_LABEL[interview.status as InterviewStatus]}</strong>{interview.startsAt ? ` : ${formatParis(interview.startsAt)} (heure de Paris), ${interview.durationMin} min` : ""}</p>
          <p>{[interview.place, interview.videoLink].filter(Boolean).join(" — ")}</p>
          {interview.status === "PROPOSED" ? (
            <>
              <p className="muted">Le candidat choisit l’un de ces créneaux dans son espace :</p>
              <ul>{interview.slots.map((s) => <li key={s.id}>{formatParis(s.startsAt)}</li>)}</ul>
            </>
          ) : null}
          {organise && !decided && interview.status === "BOOKED" && interview.startsAt ? (
            <details>
              <summary>Modifier l’entretien</summary>
              <Form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="reschedule" />
                <input type="hidden" name="interviewId" value={interview.id} />
                <Field label="Date et heure (heure de Paris)" name="startsAt" type="datetime-local" required defaultValue={utcToParisLocal(new Date(interview.startsAt))} error={errors.startsAt} />
                <Field label="Lieu" name="place" defaultValue={interview.place} error={errors.place} />
                <Field label="Lien de visioconférence" name="videoLink" type="url" defaultValue={interview.videoLink} error={errors.videoLink} />
                <div className="actions"><button type="submit" disabled={busy}>Envoyer la modification</button></div>
              </Form>
            </details>
          ) : null}
          {organise && !decided ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="cancel-interview" />
              <input type="hidden" name="interviewId" value={interview.id} />
              <button type="submit" className="button-secondary" disabled={busy}>Annuler l’entretien</button>
            </Form>
          ) : null}
        </>
      ) : organise && !decided ? (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="propose-interview" />
          <p className="muted">Proposez jusqu’à trois créneaux ; le candidat en choisit un, puis chacun reçoit l’invitation pour son agenda.</p>
          {errors.slots ? <p className="field-error" role="alert">{errors.slots}</p> : null}
          {[1, 2, 3].map((n) => <Field key={n} label={`Créneau ${n} (heure de Paris)`} name="slots" id={`slot-${n}`} type="datetime-local" required={n === 1} />)}
          <Select label="Durée" name="durationMin" defaultValue="60" error={errors.durationMin}>
            {INTERVIEW_DURATIONS.map((d) => <option key={d} value={d}>{d} minutes</option>)}
          </Select>
          <Field label="Lieu" name="place" hint="L’adresse, la salle ; ou laissez vide pour un entretien en visioconférence." error={errors.place} />
          <Field label="Lien de visioconférence" name="videoLink" type="url" hint="https://…" error={errors.videoLink} />
          <div className="actions"><button type="submit" disabled={busy}>Proposer les créneaux</button></div>
        </Form>
      ) : (
        <p className="muted">Aucun entretien n’est prévu pour l’instant.</p>
      )}
    </section>
  );
}
