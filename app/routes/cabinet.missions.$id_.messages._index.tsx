import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MissionTabs } from "~/components/missions/MissionTabs";
import { formatDayTime } from "~/components/talent/format";
import { listMissionConversations } from "~/domain/contact-requests.server";
import { findCabinetMission } from "~/domain/talent-search.server";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Conversations — ${data?.mission.title ?? "Mission"} — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const mission = await findCabinetMission(user, params.id ?? "");
  if (!mission) throw notFound();
  const conversations = (await listMissionConversations(user, mission.id)) ?? [];
  return json({ mission: { id: mission.id, title: mission.position.title }, conversations });
}

export default function MissionConversations() {
  const { mission, conversations } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/cabinet/missions">← Toutes les missions</Link></p>
      <h1>{mission.title}</h1>
      <MissionTabs missionId={mission.id} />
      <h2>Conversations confidentielles</h2>
      <p className="muted small">
        Les candidats de cette mission (candidature, prise de contact acceptée ou échange commencé). L’employeur ne voit
        jamais ces échanges.
      </p>
      {conversations.length === 0 ? (
        <p>Aucun candidat dans cette mission pour le moment.</p>
      ) : (
        <ul className="contact-list">
          {conversations.map((c) => (
            <li key={c.profileId}>
              <Link to={`/cabinet/missions/${mission.id}/messages/${c.profileId}`}>{c.label}</Link>{" "}
              <span className="muted small">
                ({c.via === "application" ? "candidature" : c.via === "contact" ? "prise de contact acceptée" : "échange"}
                {c.last ? `, dernier message le ${formatDayTime(c.last.at)}` : ", aucun message"})
              </span>
              {c.last ? <p className="small">{c.last.excerpt}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
