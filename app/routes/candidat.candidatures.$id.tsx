import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useRef } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { CandidateInterviewAnswer, InterviewFacts, InterviewHistory, SlotList } from "~/components/applications/InterviewParts";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { employerWithCommune, formatDay, formatDayTime } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { askOtherSlots, chooseSlot, getOwnInterviews } from "~/domain/application-interviews.server";
import { getOwnApplication, withdrawApplication } from "~/domain/applications.server";
import { APPLICATION_STATE_EXPLANATION, type ApplicationState } from "~/schemas/application";
import { otherSlotsSchema } from "~/schemas/application-interview";
import { fieldErrors } from "~/schemas/errors";
import { formatParis } from "~/schemas/presentation";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Candidature : ${data.application.position.title} — Vivier` : "Candidature — Vivier" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const id = params.id ?? "";
  const [application, interviews] = await Promise.all([getOwnApplication(user, id), getOwnInterviews(user, id)]);
  if (!application || !interviews) throw notFound();
  return json({ application, interviews, ok: new URL(request.url).searchParams.get("ok") });
}

type ActionData = { message: string | null; error: string | null; fieldErrors: Record<string, string>; note: string };

/** Withdraw the application; pick an interview slot, or ask for others (app/domain/application-interviews.server.ts). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const id = params.id ?? "";
  const reply = (data: Partial<ActionData>, status = 200) => json<ActionData>({ message: null, error: null, fieldErrors: {}, note: "", ...data }, { status });
  switch (form.get("intent")) {
    case "withdraw": {
      const result = await withdrawApplication(user, id);
      if (result === "not-found") throw notFound();
      return reply({ message: result === "withdrawn" ? "Votre candidature est retirée." : "Cette candidature était déjà retirée." });
    }
    case "choose-slot": {
      const r = await chooseSlot(user, id, String(form.get("slotId") ?? ""));
      if (r.ok) return redirect(`/candidat/candidatures/${id}?ok=entretien-fixe`);
      if (r.status === 404) throw notFound();
      return reply({ error: r.error }, r.status);
    }
    case "other-slots": {
      const note = String(form.get("note") ?? "");
      const parsed = otherSlotsSchema.safeParse({ note });
      if (!parsed.success) {
        if (!(await getOwnApplication(user, id))) throw notFound();
        return reply({ fieldErrors: fieldErrors(parsed.error), note }, 400);
      }
      const r = await askOtherSlots(user, id, parsed.data.note);
      if (r.ok) return redirect(`/candidat/candidatures/${id}?ok=autres-creneaux`);
      if (r.status === 404) throw notFound();
      return reply({ error: r.error, note }, r.status);
    }
    default:
      return reply({}, 400);
  }
}

/**
 * Withdrawing cannot be undone (the CV sent is deleted): it is confirmed first. With JavaScript,
 * in a dialog; without, « Retirer ma candidature » opens this page again with ?retirer=1, which
 * asks the same question in its place.
 */
function Withdrawal({ id, employer, hasCv, busy, confirming }: { id: string; employer: string; hasCv: boolean; busy: boolean; confirming: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const question = (
    <>
      <p>
        {employer} verra votre candidature comme retirée{hasCv ? " et le CV envoyé avec elle sera supprimé" : ""}. Vous ne pourrez
        pas l’annuler : pour postuler de nouveau, il faudra envoyer une nouvelle candidature.
      </p>
      <Form method="post" action={`/candidat/candidatures/${id}`} className="actions">
        <CsrfField />
        <input type="hidden" name="intent" value="withdraw" />
        <button type="submit" className="button-danger" disabled={busy}>Oui, retirer ma candidature</button>
      </Form>
    </>
  );
  if (confirming) {
    return (
      <section className="withdraw confirm" aria-labelledby="retrait">
        <h2 id="retrait">Retirer votre candidature ?</h2>
        {question}
        <p><Link to={`/candidat/candidatures/${id}`}>Non, garder ma candidature</Link></p>
      </section>
    );
  }
  return (
    <section className="withdraw" aria-labelledby="retrait">
      <h2 id="retrait">Retirer ma candidature</h2>
      <p>Vous pouvez retirer votre candidature à tout moment ; le recruteur en sera informé par son état.</p>
      <Form
        method="get"
        onSubmit={(event) => {
          if (typeof dialog.current?.showModal !== "function") return;
          event.preventDefault();
          dialog.current.showModal();
        }}
      >
        <input type="hidden" name="retirer" value="1" />
        <button type="submit" className="button-danger">Retirer ma candidature</button>
      </Form>
      <dialog ref={dialog} aria-labelledby="retrait-dialogue" className="confirm-dialog">
        <h2 id="retrait-dialogue">Retirer votre candidature ?</h2>
        {question}
        <form method="dialog">
          <button type="submit" className="button-secondary">Non, garder ma candidature</button>
        </form>
      </dialog>
    </section>
  );
}

const SUCCESS: Record<string, string> = {
  "entretien-fixe": "Votre entretien est fixé : l’invitation vous est envoyée par e-mail, pour votre agenda.",
  "autres-creneaux": "Votre demande est envoyée au recruteur : il vous proposera d’autres créneaux.",
};

export default function ApplicationPage() {
  const { application: a, interviews, ok } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  return (
    <>
      <p><Link to="/candidat/candidatures">← Mes candidatures</Link></p>
      <h1>{a.position.title}</h1>
      {result?.message ? <FormAlert tone="success">{result.message}</FormAlert> : null}
      <FormAlert>{result?.error}</FormAlert>
      {!result && params.get("envoyee") ? <FormAlert tone="success">Votre candidature est envoyée à {a.position.employer}.</FormAlert> : null}
      {!result && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      <dl className="facts">
        <dt>Employeur</dt>
        <dd>{employerWithCommune(a.position.employer, a.position.commune)}</dd>
        <dt>Envoyée le</dt>
        <dd>{formatDayTime(a.createdAt)}</dd>
        <dt>État</dt>
        <dd>
          <ApplicationStateBadge state={a.state} />{" "}
          <span>{APPLICATION_STATE_EXPLANATION[a.state as ApplicationState] ?? ""}</span>
        </dd>
        {a.withdrawnAt ? (<><dt>Retirée le</dt><dd>{formatDay(a.withdrawnAt)}</dd></>) : null}
        <dt>CV envoyé</dt>
        <dd>
          {a.hasSentCv ? (
            <a href={`/candidat/candidatures/${a.id}/cv`} download>Télécharger le CV envoyé avec cette candidature (PDF)</a>
          ) : a.withdrawnAt ? "Supprimé avec le retrait de la candidature." : "Aucun."}
        </dd>
      </dl>
      {interviews.current ? (
        <section aria-labelledby="entretien" className="card">
          <h2 id="entretien">{interviews.current.status === "BOOKED" ? "Votre entretien" : "Entretien proposé"}</h2>
          {interviews.current.status === "BOOKED" && interviews.current.startsAt ? (
            <p>Rendez-vous le <strong>{formatParis(interviews.current.startsAt)}</strong> (heure de Paris). L’invitation vous a été envoyée par e-mail, pour votre agenda.</p>
          ) : (
            <>
              <p>Le recruteur vous propose ces créneaux (heure de Paris) :</p>
              <SlotList interview={interviews.current} />
            </>
          )}
          <InterviewFacts interview={interviews.current} />
          {interviews.canAnswer ? <CandidateInterviewAnswer interview={interviews.current} errors={result?.fieldErrors ?? {}} note={result?.note ?? ""} busy={busy} /> : null}
        </section>
      ) : null}
      <InterviewHistory history={interviews.history} />
      <p><Link to={`/candidat/candidatures/${a.id}/messages`}>Échanger avec le recruteur</Link></p>
      {a.position.isPublic ? <p><Link to={`/offres/${a.position.id}`}>Revoir l’offre</Link></p> : null}
      <h2>Ma lettre de motivation</h2>
      <div className="letter">{a.letter}</div>
      {a.canWithdraw ? <Withdrawal id={a.id} employer={a.position.employer} hasCv={a.hasSentCv} busy={busy} confirming={params.get("retirer") === "1"} /> : null}
    </>
  );
}
