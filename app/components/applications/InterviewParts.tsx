import { Form } from "@remix-run/react";
import { formatDayTime } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, Select, TextArea } from "~/components/ui/Field";
import type { ApplicationInterviewView } from "~/domain/application-interviews.server";
import { MAX_SLOTS, OTHER_SLOTS_MIN } from "~/schemas/application-interview";
import { INTERVIEW_DURATIONS, formatParis, utcToParisLocal } from "~/schemas/presentation";

/**
 * The interview of an application, on both sides: what it is (slots or the fixed date, place,
 * link, who will be present), the employer's forms (propose, move, cancel) and the candidate's
 * (pick a slot, or ask for others). Plain forms: they work before JavaScript loads. Data comes
 * from app/domain/application-interviews.server.ts; nothing here decides who sees what.
 */

type Interview = ApplicationInterviewView;
type Errors = Record<string, string>;

export function InterviewFacts({ interview }: { interview: Interview }) {
  return (
    <dl className="facts">
      {interview.status === "BOOKED" && interview.startsAt ? (
        <>
          <dt>Date</dt>
          <dd><strong>{formatParis(interview.startsAt)}</strong> (heure de Paris), {interview.durationMin} minutes</dd>
        </>
      ) : (
        <>
          <dt>Durée</dt>
          <dd>{interview.durationMin} minutes</dd>
        </>
      )}
      {interview.place ? (<><dt>Lieu</dt><dd>{interview.place}</dd></>) : null}
      {interview.videoLink ? (<><dt>Visioconférence</dt><dd><a href={interview.videoLink} rel="noreferrer noopener" target="_blank">{interview.videoLink}</a></dd></>) : null}
      <dt>Présents pour la collectivité</dt>
      <dd>{interview.panel.length ? interview.panel.map((m) => `${m.name}${m.function ? ` (${m.function})` : ""}`).join(", ") : "Le recruteur"}</dd>
    </dl>
  );
}

export function SlotList({ interview }: { interview: Interview }) {
  return (
    <ul>
      {interview.slots.map((s) => <li key={s.id}>{formatParis(s.startsAt)}{s.past ? " (passé)" : ""}</li>)}
    </ul>
  );
}

export type ProposeValues = { slots: string[]; durationMin: string; place: string; videoLink: string; panel: string[] };

export function ProposeInterviewForm({ committee, values, errors, busy }: { committee: ReadonlyArray<{ id: string; name: string; function: string }>; values: ProposeValues | null; errors: Errors; busy: boolean }) {
  const slots = values?.slots ?? [];
  return (
    <Form method="post" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="propose" />
      <p className="hint">Proposez jusqu’à {MAX_SLOTS} créneaux, en heure de Paris. Le candidat en choisit un dans son espace, ou vous en demande d’autres ; l’invitation part alors vers son agenda et le vôtre.</p>
      <fieldset>
        <legend>Créneaux</legend>
        {errors.slots ? <p className="field-error" role="alert" id="slots-error">{errors.slots}</p> : null}
        {Array.from({ length: MAX_SLOTS }, (_, n) => (
          <Field key={n} label={`Créneau ${n + 1} : date et heure`} name="slots" id={`slot-${n + 1}`} type="datetime-local" required={n === 0} defaultValue={slots[n] ?? ""} aria-describedby={errors.slots ? "slots-error" : undefined} />
        ))}
      </fieldset>
      <Select label="Durée" name="durationMin" defaultValue={values?.durationMin ?? "60"} error={errors.durationMin}>
        {INTERVIEW_DURATIONS.map((d) => <option key={d} value={d}>{d} minutes</option>)}
      </Select>
      <Field label="Lieu" name="place" defaultValue={values?.place ?? ""} error={errors.place} hint="L’adresse et la salle. Pour la discrétion du candidat, qui recevra ce lieu dans son agenda, préférez l’adresse au nom de la collectivité. Laissez vide pour un entretien en visioconférence." />
      <Field label="Lien de visioconférence" name="videoLink" type="url" defaultValue={values?.videoLink ?? ""} error={errors.videoLink} hint="Commence par https://" />
      <fieldset>
        <legend>Présents pour le comité</legend>
        {errors.panel ? <p className="field-error" role="alert">{errors.panel}</p> : null}
        {committee.length === 0 ? (
          <p className="muted">Ce poste n’a pas encore de comité : ajoutez ses membres depuis la page du poste (« Modifier »).</p>
        ) : (
          committee.map((m) => (
            <Field key={m.id} type="checkbox" name="panel" value={m.id} id={`panel-${m.id}`} label={`${m.name}${m.function ? `, ${m.function}` : ""}`} defaultChecked={values?.panel.includes(m.id) ?? false} />
          ))
        )}
        <p className="hint">Ceux qui ont une adresse e-mail reçoivent aussi l’invitation.</p>
      </fieldset>
      <div className="actions"><button type="submit" disabled={busy}>Proposer ces créneaux</button></div>
    </Form>
  );
}

export function EmployerInterviewActions({ interview, errors, busy }: { interview: Interview; errors: Errors; busy: boolean }) {
  return (
    <>
      {interview.status === "BOOKED" && interview.startsAt ? (
        <details open={Object.keys(errors).length > 0}>
          <summary>Modifier la date, l’heure ou le lieu</summary>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="reschedule" />
            <input type="hidden" name="interviewId" value={interview.id} />
            <Field label="Date et heure (heure de Paris)" name="startsAt" type="datetime-local" required defaultValue={utcToParisLocal(new Date(interview.startsAt))} error={errors.startsAt} />
            <Field label="Lieu" name="place" defaultValue={interview.place} error={errors.place} />
            <Field label="Lien de visioconférence" name="videoLink" type="url" defaultValue={interview.videoLink} error={errors.videoLink} hint="Commence par https://" />
            <div className="actions"><button type="submit" disabled={busy}>Envoyer la modification</button></div>
          </Form>
        </details>
      ) : null}
      <Form method="post" className="actions">
        <CsrfField />
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="interviewId" value={interview.id} />
        <button type="submit" className="button-secondary" disabled={busy}>
          {interview.status === "BOOKED" ? "Annuler l’entretien" : "Retirer ces créneaux"}
        </button>
      </Form>
    </>
  );
}

export function CandidateInterviewAnswer({ interview, errors, note, busy }: { interview: Interview; errors: Errors; note: string; busy: boolean }) {
  const open = interview.slots.filter((s) => !s.past);
  return (
    <>
      {open.length ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="choose-slot" />
          <fieldset>
            <legend>Choisissez votre créneau (heure de Paris)</legend>
            {open.map((s, n) => <Field key={s.id} type="radio" name="slotId" value={s.id} id={`slot-${s.id}`} label={formatParis(s.startsAt)} defaultChecked={n === 0} />)}
          </fieldset>
          <div className="actions"><button type="submit" disabled={busy}>Confirmer ce créneau</button></div>
        </Form>
      ) : (
        <p>Les créneaux proposés sont passés : demandez-en d’autres ci-dessous.</p>
      )}
      <details open={!!errors.note || open.length === 0}>
        <summary>Aucun créneau ne me convient</summary>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="other-slots" />
          <TextArea
            label="Vos disponibilités"
            name="note"
            rows={4}
            required
            minLength={OTHER_SLOTS_MIN}
            maxLength={2000}
            defaultValue={note}
            error={errors.note}
            hint="Par exemple : « Je suis disponible le mardi et le jeudi après 16 h. » Le recruteur lira ce message dans l’échange sur votre candidature."
          />
          <div className="actions"><button type="submit" className="button-secondary" disabled={busy}>Demander d’autres créneaux</button></div>
        </Form>
      </details>
    </>
  );
}

export function InterviewHistory({ history }: { history: readonly Interview[] }) {
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="historique-entretiens">
      <h2 id="historique-entretiens">Entretiens précédents</h2>
      <ul className="interview-history">
        {history.map((h) => (
          <li key={h.id}>
            <strong>{h.statusLabel}</strong>
            {h.startsAt ? ` — ${formatParis(h.startsAt)} (heure de Paris)` : ` — proposé le ${formatDayTime(h.createdAt)}`}
            {h.candidateNote ? <p className="letter">« {h.candidateNote} »</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
