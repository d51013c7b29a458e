import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MessageThread } from "~/components/MessageThread";
import { HIDDEN_THREAD, getOwnThread, postCandidateMessage } from "~/domain/application-messages.server";
import { messageSchema } from "~/schemas/application";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Échange : ${data.position.title} — Vivier` : "Échange avec le recruteur — Vivier" },
];

/**
 * /candidat/candidatures/:id/messages — the candidate's thread with the collectivité's employers
 * on one of their applications. Anybody else's application: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const thread = await getOwnThread(user, params.id ?? "");
  if (!thread) throw notFound();
  return json(thread);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const id = params.id ?? "";
  const body = String(form.get("body") ?? "");
  const parsed = messageSchema.safeParse({ body });
  if (!parsed.success) {
    if (!(await getOwnThread(user, id))) throw notFound();
    return json({ sent: false, error: null as string | null, fieldError: parsed.error.issues[0]?.message, body }, { status: 400 });
  }
  const result = await postCandidateMessage(user, id, parsed.data.body);
  if (result === "not-found") throw notFound();
  if (result === "hidden") return json({ sent: false, error: HIDDEN_THREAD as string | null, fieldError: undefined, body }, { status: 409 });
  if (result === "closed") return json({ sent: false, error: "L’échange est fermé : votre message n’est pas envoyé." as string | null, fieldError: undefined, body }, { status: 409 });
  return json({ sent: true, error: null as string | null, fieldError: undefined, body: "" });
}

export default function CandidateThreadPage() {
  const { application: a, position, employer, open, hiddenFromYou, closedBecause, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p><Link to={`/candidat/candidatures/${a.id}`}>← Ma candidature : {position.title}</Link></p>
      <h1>Échange avec le recruteur</h1>
      <p className="muted">
        {position.title}{employer ? ` — ${employer}` : ""}. Seuls les recruteurs de cet employeur et vous lisez cet échange.
      </p>
      <MessageThread
        messages={messages}
        open={open}
        closed={hiddenFromYou ? <>{closedBecause} <Link to="/candidat/profil/visibilite">Gérer ma visibilité</Link></> : closedBecause}
        result={result}
        busy={busy}
        empty="Aucun message pour le moment. Vous pouvez poser au recruteur une question sur le poste ou sur l’entretien."
      />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
