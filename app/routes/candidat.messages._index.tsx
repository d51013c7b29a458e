import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDayTime } from "~/components/candidates/format";
import { FilterNote } from "~/components/HomeLists";
import { listOwnConversations } from "~/domain/conversations.server";
import { readSince } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mes échanges avec les consultants — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const since = readSince(new URL(request.url).searchParams);
  return json({ conversations: await listOwnConversations(user, since), since: since?.toISOString() ?? null });
}

export default function Conversations() {
  const { conversations, since } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mes échanges avec les consultants</h1>
      <p>
        Pour chaque recrutement confié à un cabinet auquel vous participez, vous pouvez poser au consultant les questions
        que vous ne poseriez pas à l’employeur. L’employeur ne voit jamais ces échanges.
      </p>
      {since ? <FilterNote all="/candidat/messages" allLabel="Voir tous mes échanges">Les échanges où un consultant vous a écrit depuis le {formatDayTime(since)}</FilterNote> : null}
      {conversations.length === 0 && since ? <p className="muted">Aucun nouveau message depuis.</p> : conversations.length === 0 ? (
        <p className="muted">Aucun échange possible pour le moment : il s’ouvre quand vous participez à un recrutement mené par un cabinet.</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((c) => (
            <li key={c.id} className="card">
              <h2 className="contact-title">
                <Link to={`/candidat/messages/${c.id}`}>{c.title}{c.employer ? ` — ${c.employer}` : ""}</Link>
              </h2>
              <p className="muted">
                Cabinet {c.cabinet}.{c.hiddenFromYou ? " Échange fermé : vous avez demandé que ce cabinet ou cette collectivité ne vous voie pas." : !c.open ? " Recrutement terminé." : ""}
                {c.last ? ` Dernier message le ${formatDayTime(c.last.at)} : « ${c.last.excerpt} »` : " Aucun message."}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
