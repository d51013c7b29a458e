import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { formatDayTime } from "~/components/candidates/format";
import { formatParis } from "~/schemas/presentation";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, Select, TextArea } from "~/components/ui/Field";
import { HandledByCabinet } from "~/components/missions/HandledByCabinet";
import { applicationActivityForEmployer } from "~/domain/application-interviews.server";
import { getApplicationForEmployer, updateApplication } from "~/domain/employer-applications.server";
import { cabinetsHandlingApplications } from "~/domain/mission-brief.server";
import {
  EMPLOYER_STATE_OPTIONS, INTERNAL_NOTE_MAX, employerApplicationSchema, isDecision, type EmployerApplicationValues,
} from "~/schemas/employer-application";
import { fieldErrors } from "~/schemas/errors";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Candidature de ${data.application.candidate.name} — Vivier` : "Candidature — Vivier" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const [application, activity] = await Promise.all([getApplicationForEmployer(user, params.applicationId ?? ""), applicationActivityForEmployer(user, params.applicationId ?? "")]);
  if (!application || !activity) throw notFound();
  return json({ application, activity, cabinets: await cabinetsHandlingApplications(user, application.position.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const id = params.applicationId ?? "";
  // Another collectivité's id is "not found" whatever the form says.
  if (!(await getApplicationForEmployer(user, id))) throw notFound();
  const values: EmployerApplicationValues = {
    state: String(form.get("state") ?? ""),
    internalNote: String(form.get("internalNote") ?? ""),
    score: String(form.get("score") ?? ""),
  };
  const parsed = employerApplicationSchema.safeParse(values);
  if (!parsed.success) return json({ values, fieldErrors: fieldErrors(parsed.error), error: null }, { status: 400 });
  const result = await updateApplication(user, id, parsed.data);
  if (result.ok) return redirect(`/employeur/candidatures/${id}?ok=enregistre`);
  if (result.status === 404) throw notFound();
  return json({ values, fieldErrors: {} as Record<string, string>, error: result.error }, { status: result.status });
}

export default function EmployerApplicationPage() {
  const { application: a, activity, cabinets } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const c = a.candidate;
  // No state is preselected: saving a note alone must not change the state nor mail the candidate.
  const values = data?.values ?? { state: "", internalNote: a.internalNote, score: a.score == null ? "" : String(a.score) };
  const errors: Record<string, string> = data?.fieldErrors ?? {};
  return (
    <>
      <p><Link to={`/employeur/postes/${a.position.id}/candidatures`}>← Candidatures : {a.position.title}</Link></p>
      <div className="page-head">
        <h1>{c.name}</h1>
        <ApplicationStateBadge state={a.state} />
      </div>
      <HandledByCabinet cabinets={cabinets} />
      {!data && search.get("ok") === "enregistre" ? <FormAlert tone="success">Modifications enregistrées.</FormAlert> : null}
      <FormAlert>{data?.error ?? (Object.keys(errors).length ? "Corrigez les champs signalés ci-dessous : rien n’a été enregistré." : null)}</FormAlert>
      {a.withdrawn ? <FormAlert tone="info">Le candidat a retiré cette candidature : elle ne peut plus être modifiée.</FormAlert> : null}
      <dl className="facts">
        <dt>Poste</dt>
        <dd>{a.position.title}</dd>
        <dt>Reçue le</dt>
        <dd>{formatDayTime(a.createdAt)}</dd>
        {c.email ? (
          <>
            <dt>Contact</dt>
            <dd><a href={`mailto:${c.email}`}>{c.email}</a></dd>
          </>
        ) : null}
        <dt>Fonction actuelle</dt>
        <dd>{c.currentFunction ?? "—"}</dd>
        <dt>Statut</dt>
        <dd>{c.statusLabel ?? "—"}</dd>
        <dt>Grade</dt>
        <dd>{c.grade ?? "—"}</dd>
        <dt>Cadre d’emplois</dt>
        <dd>{c.cadreEmploisLabel ?? "—"}</dd>
        <dt>Expérience</dt>
        <dd>{c.yearsExperience == null ? "—" : `${c.yearsExperience} an${c.yearsExperience > 1 ? "s" : ""}`}</dd>
        <dt>Commune de résidence</dt>
        <dd>{c.homeCommune ?? "—"}</dd>
        <dt>CV</dt>
        <dd>{c.hasCv ? <a href={`/employeur/candidatures/${a.id}/cv`} download>Télécharger le CV envoyé avec la candidature (PDF)</a> : "Aucun CV disponible."}</dd>
      </dl>
      {c.summary ? (<><h2>Présentation</h2><p className="letter">{c.summary}</p></>) : null}
      {c.competencies.length ? (
        <>
          <h2>Compétences</h2>
          <ul>{c.competencies.map((k) => <li key={k}>{k}</li>)}</ul>
        </>
      ) : null}
      <section aria-labelledby="suite-entretien" className="card">
        <h2 id="suite-entretien">Entretien et échange</h2>
        <p>
          {activity.interview?.status === "BOOKED" && activity.interview.startsAt
            ? <>Entretien fixé le <strong>{formatParis(activity.interview.startsAt)}</strong> (heure de Paris).</>
            : activity.interview?.status === "PROPOSED" ? "Créneaux proposés : le candidat n’a pas encore choisi."
            : "Aucun entretien en cours."}
        </p>
        <div className="actions">
          <Link className="button button-secondary" to={`/employeur/candidatures/${a.id}/entretien`}>{activity.interview ? "Voir l’entretien" : a.withdrawn ? "Entretiens" : "Proposer un entretien"}</Link>
          <Link className="button button-secondary" to={`/employeur/candidatures/${a.id}/messages`}>
            {activity.messages ? `Échange avec le candidat (${activity.messages} message${activity.messages > 1 ? "s" : ""})` : "Écrire au candidat"}
          </Link>
        </div>
      </section>
      {a.withdrawn ? null : (
        <Form method="post" noValidate>
          <CsrfField />
          <h2>Suivi de la candidature</h2>
          <p className="hint">La note interne et la note sur 100 restent entre recruteurs : le candidat ne voit que l’état.</p>
          {isDecision(a.state) ? (
            <>
              <input type="hidden" name="state" value="" />
              <p>Décision enregistrée : <strong>{a.stateLabel}</strong>. Elle ne change plus ; la note interne et la note sur 100 restent modifiables.</p>
            </>
          ) : (
            <Select
              label="Nouvel état"
              name="state"
              defaultValue={values.state}
              error={errors.state}
              hint={`État actuel : ${a.stateLabel.toLowerCase()}. Un nouvel état est annoncé au candidat par courriel ; la note, jamais. « Entretien proposé » et « Entretien fixé » suivent la page Entretien ; « Retenue » et « Non retenue » sont définitives.`}
            >
              <option value="">Ne pas changer l’état</option>
              {EMPLOYER_STATE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          )}
          <TextArea
            label="Note interne"
            name="internalNote"
            rows={6}
            maxLength={INTERNAL_NOTE_MAX}
            defaultValue={values.internalNote}
            error={errors.internalNote}
            hint="5 000 caractères au plus."
          />
          <Field
            label="Note sur 100"
            name="score"
            inputMode="numeric"
            defaultValue={values.score}
            error={errors.score}
            hint="Un nombre entier de 0 à 100, ou vide."
          />
          <button type="submit" disabled={busy}>Enregistrer</button>
        </Form>
      )}
      <h2>Lettre de motivation</h2>
      <div className="letter">{a.letter}</div>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
