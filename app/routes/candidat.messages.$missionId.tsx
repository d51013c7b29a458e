import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MessageThread } from "~/components/MessageThread";
import { getOwnConversation, sendMessageToConsultant } from "~/domain/conversations.server";
import { fieldErrors } from "~/schemas/profile";
import { messageSchema } from "~/schemas/application";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

const HIDDEN_EXPLANATION =
  "Vous avez demandé que ce cabinet ou cette collectivité ne vous voie pas : le consultant ne voit plus cet échange, qui est donc fermé. Retirez-les de votre liste « Ne pas me montrer à » pour le rouvrir.";

export const meta: MetaFunction = () => [{ title: "Échange avec le consultant — Vivier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const conversation = await getOwnConversation(user, params.missionId ?? "");
  if (!conversation) throw notFound();
  return json(conversation);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const parsed = messageSchema.safeParse({ body: form.get("body") ?? undefined });
  if (!parsed.success) {
    return json({ sent: false, error: null, fieldErrors: fieldErrors(parsed.error), body: String(form.get("body") ?? "") }, { status: 400 });
  }
  const result = await sendMessageToConsultant(user, params.missionId ?? "", parsed.data.body);
  if (result === "not-found") throw notFound();
  if (result === "hidden") {
    return json({ sent: false, error: HIDDEN_EXPLANATION, fieldErrors: {} as Record<string, string>, body: parsed.data.body }, { status: 409 });
  }
  if (result === "closed") {
    return json({ sent: false, error: "Ce recrutement est terminé : vous ne pouvez plus écrire au consultant.", fieldErrors: {} as Record<string, string>, body: parsed.data.body }, { status: 409 });
  }
  return json({ sent: true, error: null, fieldErrors: {} as Record<string, string>, body: "" });
}

export default function Conversation() {
  const { mission, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p><Link to="/candidat/messages">← Mes échanges</Link></p>
      <h1>{mission.title}{mission.employer ? ` — ${mission.employer}` : ""}</h1>
      <p className="muted">Échange privé avec le cabinet {mission.cabinet}. L’employeur ne le voit jamais.</p>
      <MessageThread
        messages={messages}
        open={mission.open}
        closed={mission.hiddenFromYou
          ? <>{HIDDEN_EXPLANATION} <Link to="/candidat/profil/visibilite">Gérer ma visibilité</Link></>
          : "Ce recrutement est terminé : l’échange est fermé."}
        result={result ? { sent: result.sent, error: result.error, fieldError: result.fieldErrors.body, body: result.body } : undefined}
        busy={busy}
        empty="Aucun message pour le moment."
      />
    </>
  );
}
