import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDay } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { listOwnMissions } from "~/domain/candidate-missions.server";
import { answerOwnConsent } from "~/domain/consents.server";
import { CONSENT_STATE_LABEL, consentAnswerSchema } from "~/schemas/evaluation";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mes missions avec les cabinets — Vivier" }];

/** GET /candidat/missions — the searches the candidate is in, as they may read them (the gate's rule 8). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  return json({ missions: await listOwnMissions(user) });
}

const ANSWERED: Record<"grant" | "refuse" | "withdraw", string> = {
  grant: "Vous avez donné votre accord. Vous pouvez le retirer à tout moment ici.",
  refuse: "Vous avez refusé : le cabinet en est informé, rien n’est fait sans votre accord.",
  withdraw: "Vous avez retiré votre accord : le cabinet ne peut plus s’en servir.",
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const parsed = consentAnswerSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ answer: null }, { status: 400 });
  const result = await answerOwnConsent(user, parsed.data.consentId, parsed.data.answer);
  if (!result.ok && result.status === 404) throw notFound();
  return json(
    { answer: result.ok ? { tone: "success" as const, text: ANSWERED[parsed.data.answer] } : { tone: "error" as const, text: result.error } },
    { status: result.ok ? 200 : result.status },
  );
}

export default function CandidateMissions() {
  const { missions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const answered = result?.answer ?? null;
  return (
    <>
      <h1>Mes missions avec les cabinets</h1>
      <p>
        Les recrutements qu’un cabinet mène pour une collectivité et auxquels vous prenez part : vous avez accepté sa
        proposition ou vous avez postulé. Vous y suivez où en est votre candidature et répondez à ses demandes d’accord.
        Le cabinet ne fait rien sans votre accord ; ses notes internes restent les siennes.
      </p>
      <p>
        <Link to="/candidat/references">Mes références</Link> · <Link to="/candidat/journal">Qui a vu mon identité</Link>
      </p>
      {answered ? <FormAlert tone={answered.tone}>{answered.text}</FormAlert> : null}
      {missions.length === 0 ? (
        <p className="muted">
          Aucune mission pour le moment. Quand vous acceptez la proposition d’un cabinet ou postulez à un poste qu’il suit,
          elle apparaît ici. Voir <Link to="/candidat/contacts">les propositions des cabinets</Link>.
        </p>
      ) : (
        <ul className="contact-list">
          {missions.map((m) => (
            <li key={m.id} className="card">
              <h2 className="contact-title">{m.title}</h2>
              <p className="muted">
                {m.employer ?? "Recherche confidentielle"} — recrutement mené par le cabinet {m.cabinet}
              </p>
              <p><strong>{m.state}</strong> <span className="muted small">(depuis le {formatDay(m.since)})</span></p>
              {m.standing ? <p className="alert alert-info">{m.standing}</p> : null}
              {m.feedback ? (
                <>
                  <h3>Le retour du cabinet</h3>
                  <blockquote className="prewrap">{m.feedback}</blockquote>
                </>
              ) : null}
              {m.consents.length ? (
                <>
                  <h3>Demandes d’accord</h3>
                  <ul>
                    {m.consents.map((c) => (
                      <li key={c.id}>
                        <p>{c.question} <span className="muted small">Demandé le {formatDay(c.requestedAt)}.</span></p>
                        <p>
                          <strong>{CONSENT_STATE_LABEL[c.state]}</strong>
                          {c.state === "withdrawn" ? ` le ${formatDay(c.withdrawnAt)}` : c.answeredAt ? ` le ${formatDay(c.answeredAt)}` : ""}
                        </p>
                        {c.state === "pending" || c.state === "granted" ? (
                          <Form method="post" className="inline">
                            <CsrfField />
                            <input type="hidden" name="consentId" value={c.id} />
                            {c.state === "pending" ? (
                              <>
                                <button type="submit" name="answer" value="grant" disabled={busy}>Donner mon accord<span className="visually-hidden"> : {c.question}</span></button>{" "}
                                <button type="submit" name="answer" value="refuse" className="button-secondary" disabled={busy}>Refuser<span className="visually-hidden"> : {c.question}</span></button>
                              </>
                            ) : (
                              <button type="submit" name="answer" value="withdraw" className="button-secondary" disabled={busy}>Retirer mon accord<span className="visually-hidden"> : {c.question}</span></button>
                            )}
                          </Form>
                        ) : null}
                        {c.kind === "REFERENCES" && c.state === "pending" ? (
                          <p className="small">Le cabinet ne contactera que les personnes que vous indiquez dans <Link to="/candidat/references">vos références</Link>.</p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {m.canWrite ? <p><Link to={`/candidat/messages/${m.missionId}`}>Écrire au cabinet</Link></p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
