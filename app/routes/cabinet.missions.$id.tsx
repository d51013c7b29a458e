import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/positions/StateBadge";
import { FeasibilityPanel } from "~/components/talent/FeasibilityPanel";
import { formatDay, formatDayTime } from "~/components/talent/format";
import { FormAlert } from "~/components/ui/Field";
import { ShortlistSection } from "~/components/shortlist/ShortlistSection";
import { listMissionConversations } from "~/domain/contact-requests.server";
import { countByStage, listShortlist } from "~/domain/shortlists.server";
import { departementMap, missionFeasibility, mustHaves, RARE_BELOW } from "~/domain/feasibility.server";
import { CATEGORIES, type Categorie } from "~/reference/statute";
import { getCommune } from "~/reference/territory.server";
import type { PositionState } from "~/schemas/position";
import { emptyTalentSearch, parseMapPopulation, talentSearchQuery } from "~/schemas/talent-search";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.mission.title ?? "Mission"} — Missions — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const map = parseMapPopulation(new URL(request.url).searchParams.get("carte"));
  const found = await missionFeasibility(user, params.id ?? "", { map });
  if (!found) throw notFound();
  const { mission, feasibility } = found;
  const p = mission.position;
  const commune = getCommune(p.communeCode);
  const needs = mustHaves(p);
  const conversations = (await listMissionConversations(user, mission.id)) ?? [];
  const shortlist = (await listShortlist(user, mission.id)) ?? [];
  // The vivier, opened on this mission: around the position, its filière, catégorie and cadres.
  const searchUrl = `/cabinet/vivier?${talentSearchQuery({
    ...emptyTalentSearch(),
    mission: mission.id,
    commune: commune ? commune.code : null,
    radius: 60,
    filiere: [p.filiere],
    categorie: (CATEGORIES as readonly string[]).includes(p.categorie) ? [p.categorie as Categorie] : [],
    cadre: needs.filters.statutory.cadreEmplois ? [...needs.filters.statutory.cadreEmplois] : [],
  })}`;
  return json({
    mission: {
      id: mission.id,
      status: mission.status,
      createdAt: mission.createdAt.toISOString(),
      title: p.title,
      positionState: p.state as PositionState,
      confidential: p.confidential,
      collectiviteName: p.organization.name,
      commune: commune ? `${commune.name} (${commune.departementCode})` : p.communeCode,
      deadline: p.deadline?.toISOString() ?? null,
    },
    feasibility,
    map: feasibility ? departementMap() : null,
    searchUrl,
    rareBelow: RARE_BELOW,
    conversations,
    shortlist: shortlist.map((e) => ({ id: e.id, label: e.label, sight: e.sight, stage: e.stage, source: e.source, stageChangedAt: e.stageChangedAt, currentFunction: e.currentFunction, scoreAverage: e.scoreAverage })),
    counts: countByStage(shortlist),
  });
}

export default function CabinetMission() {
  const { mission, feasibility, map, searchUrl, rareBelow, conversations, shortlist, counts } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/cabinet/missions">← Toutes les missions</Link></p>
      <h1>{mission.title}</h1>
      <dl className="facts">
        <dt>Collectivité</dt>
        <dd>{mission.collectiviteName}</dd>
        <dt>Lieu</dt>
        <dd>{mission.commune}</dd>
        <dt>Poste</dt>
        <dd><StateBadge state={mission.positionState} confidential={mission.confidential} /></dd>
        <dt>Mission</dt>
        <dd>{mission.status === "ACTIVE" ? "En cours" : "Terminée"}, confiée le {formatDay(mission.createdAt)}</dd>
        {mission.deadline ? (
          <>
            <dt>Date limite de candidature</dt>
            <dd>{formatDay(mission.deadline)}</dd>
          </>
        ) : null}
      </dl>
      <p className="actions">
        <Link to={`/cabinet/missions/${mission.id}/suggestions`}>Profils suggérés</Link>{" "}
        <Link to={`/cabinet/missions/${mission.id}/finalistes`}>Finalistes et suivi</Link>{" "}
        <Link to={searchUrl}>Chercher dans le vivier</Link>
      </p>
      <ShortlistSection missionId={mission.id} entries={shortlist} counts={counts} />
      <section aria-labelledby="conversations-titre">
        <h2 id="conversations-titre">Conversations confidentielles</h2>
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
      </section>
      {feasibility && map ? (
        <FeasibilityPanel feasibility={feasibility} map={map} searchUrl={searchUrl} rareBelow={rareBelow} />
      ) : (
        <>
          <FormAlert>La faisabilité du marché est momentanément indisponible (le moteur de recherche ne répond pas). Réessayez dans quelques instants.</FormAlert>
          <p><Link to={searchUrl}>Chercher dans le vivier pour cette mission</Link></p>
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
