import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MessageThread } from "~/components/MessageThread";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { getEmployerThread, postEmployerMessage } from "~/domain/application-messages.server";
import { messageSchema } from "~/schemas/application";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Échange avec ${data.application.candidateName} — Vivier` : "Échange — Vivier" },
];

/**
 * /employeur/candidatures/:applicationId/messages — the thread between the collectivité's
 * employers and the candidate on one application; the candidate is told of a new message by a
 * mail that names neither the position nor the employer. Another collectivité's application: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const thread = await getEmployerThread(user, params.applicationId ?? "");
  if (!thread) throw notFound();
  return json(thread);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const id = params.applicationId ?? "";
  const body = String(form.get("body") ?? "");
  const parsed = messageSchema.safeParse({ body });
  if (!parsed.success) {
    if (!(await getEmployerThread(user, id))) throw notFound();
    return json({ sent: false, error: null as string | null, fieldError: parsed.error.issues[0]?.message, body }, { status: 400 });
  }
  const result = await postEmployerMessage(user, id, parsed.data.body);
  if (result === "not-found") throw notFound();
  if (result === "closed") return json({ sent: false, error: "L’échange est fermé : le message n’est pas envoyé." as string | null, fieldError: undefined, body }, { status: 409 });
  return json({ sent: true, error: null as string | null, fieldError: undefined, body: "" });
}

export default function EmployerThreadPage() {
  const { application: a, position, open, closedBecause, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p><Link to={`/employeur/candidatures/${a.id}`}>← Candidature de {a.candidateName}</Link></p>
      <div className="page-head">
        <h1>Échange avec {a.candidateName}</h1>
        <ApplicationStateBadge state={a.state} />
      </div>
      <p className="muted">
        Poste : {position.title}. Les employeurs de votre collectivité et le candidat lisent cet échange ; personne d’autre.
        Le candidat est prévenu de chaque message par un courriel discret.
      </p>
      <MessageThread
        messages={messages}
        open={open}
        closed={closedBecause}
        result={result}
        busy={busy}
        empty="Aucun message pour le moment. Écrivez au candidat pour préciser un point de sa candidature ou préparer l’entretien."
      />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
