import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MessageThread } from "~/components/MessageThread";
import { getMissionConversation, postConsultantMessage } from "~/domain/contact-requests.server";
import { consultantMessageSchema } from "~/schemas/contact-request";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Échange avec ${data?.candidate.label ?? "un candidat"} — Missions — Vivier — Cabinet` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const conversation = await getMissionConversation(user, params.id ?? "", params.profileId ?? "");
  if (!conversation) throw notFound();
  return json(conversation);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const parsed = consultantMessageSchema.safeParse({ body: form.get("body") ?? undefined });
  if (!parsed.success) {
    return json({ sent: false, error: parsed.error.issues[0]?.message ?? "Écrivez votre message.", body: String(form.get("body") ?? "") }, { status: 400 });
  }
  const result = await postConsultantMessage(user, { missionId: params.id ?? "", profileId: params.profileId ?? "", body: parsed.data.body });
  if (result === null) throw notFound();
  if (result === "closed") {
    return json({ sent: false, error: "Cette mission est terminée : l’échange est fermé.", body: parsed.data.body }, { status: 409 });
  }
  return json({ sent: true, error: null, body: "" });
}

export default function MissionConversation() {
  const { mission, candidate, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p><Link to={`/cabinet/missions/${mission.id}/messages`}>← Conversations de la mission « {mission.title} »</Link></p>
      <h1>Échange avec {candidate.label}</h1>
      <p className="muted">
        Mission {mission.title} — {mission.collectiviteName}. Échange confidentiel entre votre cabinet et le candidat :
        l’employeur ne le voit jamais.
      </p>
      <MessageThread
        messages={messages}
        open={mission.open}
        closed="Cette mission est terminée : l’échange est fermé."
        result={result ? { sent: result.sent, error: null, fieldError: result.error ?? undefined, body: result.body } : undefined}
        busy={busy}
        empty="Aucun message pour le moment."
      />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
