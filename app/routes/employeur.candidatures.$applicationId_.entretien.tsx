import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { formatDay } from "~/components/candidates/format";
import { EmployerInterviewActions, InterviewFacts, InterviewHistory, ProposeInterviewForm, SlotList, type ProposeValues } from "~/components/applications/InterviewParts";
import { FormAlert } from "~/components/ui/Field";
import { cancelInterview, getInterviewsForEmployer, proposeInterview, rescheduleInterview, type InterviewError } from "~/domain/application-interviews.server";
import { proposeInterviewFields, proposeInterviewSchema, rescheduleSchema } from "~/schemas/application-interview";
import { fieldErrors } from "~/schemas/errors";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Entretien avec ${data.application.candidateName} — Vivier` : "Entretien — Vivier" },
];

/**
 * /employeur/candidatures/:applicationId/entretien — the employer proposes slots for an
 * interview on an application, then moves or cancels it; each step reaches the candidate (and
 * everyone present) as a calendar invitation. Another collectivité's application: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const data = await getInterviewsForEmployer(user, params.applicationId ?? "");
  if (!data) throw notFound();
  return json({ ...data, ok: new URL(request.url).searchParams.get("ok") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const id = params.applicationId ?? "";
  // Not an application of the employer's: not found, whatever was posted (the form is read after).
  if (!(await getInterviewsForEmployer(user, id))) throw notFound();
  const intent = String(form.get("intent") ?? "");
  const done = (ok: string) => redirect(`/employeur/candidatures/${id}/entretien?ok=${ok}`);
  const refused = (r: InterviewError, values: ProposeValues | null = null) => {
    if (r.status === 404) throw notFound();
    return json({ intent, error: r.error, fieldErrors: {} as Record<string, string>, values }, { status: r.status });
  };
  const invalid = (errors: Record<string, string>, values: ProposeValues | null = null) =>
    json({ intent, error: "Corrigez les champs signalés : rien n’a été envoyé." as string | null, fieldErrors: errors, values }, { status: 400 });
  switch (intent) {
    case "propose": {
      const fields = proposeInterviewFields(form);
      const values = fields as ProposeValues;
      const parsed = proposeInterviewSchema.safeParse(fields);
      if (!parsed.success) return invalid(fieldErrors(parsed.error), values);
      const r = await proposeInterview(user, id, parsed.data);
      return r.ok ? done("propose") : refused(r, values);
    }
    case "reschedule": {
      const parsed = rescheduleSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const r = await rescheduleInterview(user, id, String(form.get("interviewId") ?? ""), parsed.data);
      return r.ok ? done("modifie") : refused(r);
    }
    case "cancel": {
      const r = await cancelInterview(user, id, String(form.get("interviewId") ?? ""));
      return r.ok ? done("annule") : refused(r);
    }
    default:
      return json({ intent, error: "Action inconnue." as string | null, fieldErrors: {} as Record<string, string>, values: null as ProposeValues | null }, { status: 400 });
  }
}

const SUCCESS: Record<string, string> = {
  propose: "Les créneaux sont proposés : le candidat choisit le sien dans son espace. Il en est averti par un courriel discret.",
  modifie: "L’entretien est modifié : chacun reçoit la mise à jour pour son agenda.",
  annule: "L’entretien est annulé. La candidature revient « en cours d’étude ».",
};

export default function EmployerInterviewPage() {
  const { application: a, position, committee, refusal, current, history, canPropose, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = data?.fieldErrors ?? {};
  return (
    <>
      <p><Link to={`/employeur/candidatures/${a.id}`}>← Candidature de {a.candidateName}</Link></p>
      <div className="page-head">
        <h1>Entretien avec {a.candidateName}</h1>
        <ApplicationStateBadge state={a.state} />
      </div>
      <p className="muted">Poste : {position.title}</p>
      <FormAlert>{data?.error}</FormAlert>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      {current ? (
        <section aria-labelledby="entretien-en-cours" className="card">
          <h2 id="entretien-en-cours">{current.statusLabel}</h2>
          {current.status === "PROPOSED" ? (
            <>
              <p>Proposés le {formatDay(current.createdAt)}, en heure de Paris :</p>
              <SlotList interview={current} />
            </>
          ) : null}
          <InterviewFacts interview={current} />
          <EmployerInterviewActions interview={current} errors={data?.intent === "reschedule" ? errors : {}} busy={busy} />
        </section>
      ) : refusal ? (
        <FormAlert tone="info">{refusal}</FormAlert>
      ) : null}
      {canPropose ? (
        <section aria-labelledby="proposer" className="card">
          <h2 id="proposer">Proposer un entretien</h2>
          <ProposeInterviewForm committee={committee} values={data?.intent === "propose" ? data.values : null} errors={data?.intent === "propose" ? errors : {}} busy={busy} />
        </section>
      ) : null}
      {!current && !canPropose && !refusal ? <p className="muted">Aucun entretien en cours.</p> : null}
      <InterviewHistory history={history} />
      <p><Link to={`/employeur/candidatures/${a.id}/messages`}>Échanger avec le candidat</Link></p>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
