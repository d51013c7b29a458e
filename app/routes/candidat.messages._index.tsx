import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDayTime } from "~/components/candidates/format";
import { FilterNote } from "~/components/HomeLists";
import { listOwnApplicationThreads } from "~/domain/application-messages.server";
import { listOwnConversations } from "~/domain/conversations.server";
import { readSince } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mes échanges — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const since = readSince(new URL(request.url).searchParams);
  // With `depuis` (the home's « nouveaux messages des consultants »): only the conversations
  // where a consultant wrote since then; the threads with employers are not part of that count.
  const [conversations, threads] = await Promise.all([listOwnConversations(user, since), listOwnApplicationThreads(user)]);
  const applicationThreads = since ? [] : threads;
  return json({ conversations, applicationThreads, since: since?.toISOString() ?? null });
}

export default function Conversations() {
  const { conversations, applicationThreads, since } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mes échanges</h1>
      {since ? <FilterNote all="/candidat/messages" allLabel="Voir tous mes échanges">Les échanges où un consultant vous a écrit depuis le {formatDayTime(since)}</FilterNote> : null}
      {since ? null : (
      <section aria-labelledby="avec-les-employeurs">
        <h2 id="avec-les-employeurs">Avec les employeurs, sur mes candidatures</h2>
        <p>
          Sur chaque candidature, vous échangez avec les recruteurs de la collectivité : questions sur le poste, préparation de
          l’entretien. Ouvrez une candidature pour leur écrire.
        </p>
        {applicationThreads.length === 0 ? (
          <p className="muted">Aucun échange pour le moment. <Link to="/candidat/candidatures">Voir mes candidatures</Link></p>
        ) : (
          <ul className="conversation-list">
            {applicationThreads.map((t) => (
              <li key={t.id} className="card">
                <h3 className="contact-title">
                  <Link to={`/candidat/candidatures/${t.id}/messages`}>{t.title}{t.employer ? ` — ${t.employer}` : ""}</Link>
                </h3>
                <p className="muted">
                  {t.hiddenFromYou ? "Échange fermé : vous avez demandé à ne pas être montré à cet employeur." : !t.open ? "Échange fermé." : ""}
                  {t.last ? ` Dernier message le ${formatDayTime(t.last.at)} : « ${t.last.excerpt} »` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      )}
      <section aria-labelledby="avec-les-consultants">
        <h2 id="avec-les-consultants">Avec les consultants des cabinets</h2>
        <p>
          Pour chaque recrutement confié à un cabinet auquel vous participez, vous pouvez poser au consultant les questions
          que vous ne poseriez pas à l’employeur. L’employeur ne voit jamais ces échanges.
        </p>
        {conversations.length === 0 && since ? <p className="muted">Aucun nouveau message depuis.</p> : conversations.length === 0 ? (
          <p className="muted">Aucun échange possible pour le moment : il s’ouvre quand vous participez à un recrutement mené par un cabinet.</p>
        ) : (
          <ul className="conversation-list">
            {conversations.map((c) => (
              <li key={c.id} className="card">
                <h3 className="contact-title">
                  <Link to={`/candidat/messages/${c.id}`}>{c.title}{c.employer ? ` — ${c.employer}` : ""}</Link>
                </h3>
                <p className="muted">
                  Cabinet {c.cabinet}.{c.hiddenFromYou ? " Échange fermé : vous avez demandé à ne pas être montré à ce cabinet ou à cette collectivité." : !c.open ? " Recrutement terminé." : ""}
                  {c.last ? ` Dernier message le ${formatDayTime(c.last.at)} : « ${c.last.excerpt} »` : " Aucun message."}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
