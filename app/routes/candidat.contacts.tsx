import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDay, formatDayTime } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { FilterNote } from "~/components/HomeLists";
import { answerContactRequest, listOwnContactRequests } from "~/domain/conversations.server";
import { readSince } from "~/schemas/since";
import { contactAnswerSchema } from "~/schemas/application";
import { CONTACT_STATUS_CANDIDATE_LABEL } from "~/schemas/contact-request";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Propositions des cabinets — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const search = new URL(request.url).searchParams;
  // From the home: the proposals received since the last visit, or those awaiting an answer.
  const since = readSince(search);
  const pending = search.get("statut") === "en-attente";
  const requests = (await listOwnContactRequests(user)).filter((r) => (!since || Date.parse(r.createdAt) > since.getTime()) && (!pending || r.status === "PENDING"));
  return json({ requests, filters: { since: since?.toISOString() ?? null, pending } });
}

const ANSWERED: Record<string, { tone: "success" | "error"; text: string }> = {
  accept: { tone: "success", text: "Vous avez accepté : le cabinet voit désormais votre identité et peut vous contacter." },
  decline: { tone: "success", text: "Vous avez refusé : le cabinet n’a rien appris de vous." },
  "already-answered": { tone: "error", text: "Vous avez déjà répondu à cette proposition." },
  hidden: { tone: "error", text: "Ce cabinet fait partie de votre liste « Ne pas me montrer à » : votre identité ne lui sera pas révélée. Retirez-le de la liste si vous souhaitez accepter." },
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const parsed = contactAnswerSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ answer: null }, { status: 400 });
  const result = await answerContactRequest(user, parsed.data.requestId, parsed.data.answer === "accept");
  if (result === "not-found") throw notFound();
  return json({ answer: result === "answered" ? parsed.data.answer : result }, { status: result === "answered" ? 200 : 409 });
}

export default function ContactRequests() {
  const { requests, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const answered = result?.answer ? ANSWERED[result.answer] : null;
  return (
    <>
      <h1>Propositions des cabinets</h1>
      <p>
        Un cabinet qui a trouvé votre profil dans le vivier peut souhaiter vous présenter une opportunité. Si vous
        acceptez, votre identité lui est révélée ; si vous refusez, il n’apprend rien de vous.
      </p>
      {answered ? <FormAlert tone={answered.tone}>{answered.text}</FormAlert> : null}
      {filters.since || filters.pending ? (
        <FilterNote all="/candidat/contacts" allLabel="Voir toutes les propositions">
          {filters.pending ? "Les propositions qui attendent votre réponse" : `Les propositions reçues depuis le ${formatDayTime(filters.since)}`}
        </FilterNote>
      ) : null}
      {requests.length === 0 ? <p className="muted">{filters.since || filters.pending ? "Aucune proposition ne correspond." : "Aucune proposition pour le moment."}</p> : null}
      <ul className="contact-list">
        {requests.map((r) => (
          <li key={r.id} className="card">
            <h2 className="contact-title">Le cabinet {r.cabinet} souhaite vous présenter une opportunité</h2>
            <p className="muted">
              Reçue le {formatDay(r.createdAt)}{r.consultant ? `, de ${r.consultant}` : ""}.
              {r.opportunity ? ` Poste : ${r.opportunity.title}${r.opportunity.employer ? ` (${r.opportunity.employer})` : ""}.` : ""}
            </p>
            {r.message ? <blockquote>{r.message}</blockquote> : null}
            <p><strong>{CONTACT_STATUS_CANDIDATE_LABEL[r.status] ?? r.status}</strong>{r.answeredAt ? ` (le ${formatDay(r.answeredAt)})` : ""}</p>
            {r.status === "PENDING" ? (
              <div className="actions">
                <Form method="post" className="inline">
                  <CsrfField />
                  <input type="hidden" name="requestId" value={r.id} />
                  <button type="submit" name="answer" value="accept" disabled={busy}>
                    Accepter<span className="visually-hidden"> la proposition du cabinet {r.cabinet}</span>
                  </button>{" "}
                  <button type="submit" name="answer" value="decline" className="button-secondary" disabled={busy}>
                    Refuser<span className="visually-hidden"> la proposition du cabinet {r.cabinet}</span>
                  </button>
                </Form>
              </div>
            ) : r.status === "ACCEPTED" && r.opportunity ? (
              <p><Link to={`/candidat/messages/${r.opportunity.missionId}`}>Écrire au consultant</Link></p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
