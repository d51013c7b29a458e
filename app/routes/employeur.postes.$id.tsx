import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { OfferKeyFacts, OfferSections } from "~/components/positions/OfferDetails";
import { CommitteePanel, HistoryPanel, MissionsPanel, PositionActions } from "~/components/positions/PositionPanels";
import { NoticeChecklist } from "~/components/positions/NoticeChecklist";
import { StateBadge } from "~/components/positions/StateBadge";
import { FormAlert } from "~/components/ui/Field";
import { EmployerBriefs } from "~/components/missions/EmployerBriefs";
import { agreeBrief, employerBriefs } from "~/domain/mission-brief.server";
import { endMission, listCabinets, mandateCabinet } from "~/domain/missions.server";
import {
  EDITABLE_STATES, POSITION_ACTIONS, allowedActions, changePositionState, deleteDraft, duplicatePosition, getPosition,
  type PositionAction,
} from "~/domain/positions.server";
import { getVacancyNotice } from "~/domain/vacancy-notice.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.position.offer.title ?? "Poste"} — Vivier` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const position = await getPosition(user, params.id ?? "");
  if (!position) throw notFound();
  const notice = await getVacancyNotice(user, position.offer.id);
  return json({
    position,
    notice: notice ? { gaps: notice.gaps, tooShortOnline: notice.tooShortOnline } : { gaps: [], tooShortOnline: false },
    actions: allowedActions(position.state),
    editable: EDITABLE_STATES.includes(position.state),
    cabinets: await listCabinets(),
    briefs: await employerBriefs(user, position.offer.id),
    ok: new URL(request.url).searchParams.get("ok"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const id = params.id ?? "";
  const intent = String(form.get("intent") ?? "");
  const done = (ok: string, to = `/employeur/postes/${id}`) => redirect(`${to}?ok=${ok}`);
  const refused = (r: { status: number; error: string }) => {
    if (r.status === 404) throw notFound();
    return json({ error: r.error }, { status: r.status });
  };

  if ((POSITION_ACTIONS as readonly string[]).includes(intent)) {
    const r = await changePositionState(user, id, intent as PositionAction);
    return r.ok ? done(intent) : refused(r);
  }
  switch (intent) {
    case "duplicate": {
      const copy = await duplicatePosition(user, id);
      if (!copy) throw notFound();
      return done("duplique", `/employeur/postes/${copy.id}`);
    }
    case "delete": {
      const r = await deleteDraft(user, id);
      return r.ok ? redirect("/employeur/postes?ok=supprime") : refused(r);
    }
    case "mandate": {
      const r = await mandateCabinet(user, id, String(form.get("cabinetId") ?? ""));
      return r.ok ? done("mandate") : refused(r);
    }
    case "agree-brief": {
      const r = await agreeBrief(user, id, String(form.get("missionId") ?? ""));
      return r.ok ? done("cadrage-valide") : refused(r);
    }
    case "end-mission": {
      const r = await endMission(user, id, String(form.get("missionId") ?? ""));
      return r.ok ? done("fin-mission") : refused(r);
    }
    default:
      return json({ error: "Action inconnue." }, { status: 400 });
  }
}

const SUCCESS: Record<string, string> = {
  cree: "Le poste est enregistré en brouillon. Relisez-le ci-dessous, puis publiez-le.",
  enregistre: "Modifications enregistrées.",
  publish: "C’est parti : la recherche est lancée.",
  close: "Le poste est clos.",
  fill: "Le poste est marqué pourvu. Félicitations !",
  duplique: "Voici la copie, en brouillon : modifiez-la avant de la publier.",
  mandate: "Le cabinet est mandaté : ses consultants voient désormais ce poste.",
  "fin-mission": "La mission du cabinet est terminée.",
  "cadrage-valide": "Le cadrage est validé : le cabinet en est informé sur sa page de mission.",
};

export default function PositionPage() {
  const { position, notice, actions, editable, cabinets, briefs, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { offer } = position;
  const isPublic = position.isPublic;
  return (
    <>
      <p><Link to="/employeur/postes">← Tous les postes</Link></p>
      <div className="page-head">
        <h1>{offer.title}</h1>
        <StateBadge state={position.state} confidential={position.confidential} />
      </div>
      <FormAlert>{data && "error" in data ? data.error : null}</FormAlert>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      <p className="muted">
        {position.confidential ? "Recherche confidentielle : jamais publiée, visible de votre collectivité et du cabinet mandaté. " : null}
        {isPublic ? <>En ligne : <Link to={`/offres/${offer.id}`}>voir l’offre publique</Link>. </> : null}
        Mis à jour le {formatDate(position.updatedAt)}.
      </p>
      <p>
        <Link to={`/employeur/postes/${offer.id}/candidatures`}>Candidatures ({position.applications})</Link>
        {" · "}<Link to={`/employeur/postes/${offer.id}/finalistes`}>Finalistes présentés</Link>
        {" · "}<Link to={`/employeur/postes/${offer.id}/comite`}>Accès du comité</Link>
      </p>
      <PositionActions position={position} actions={actions} editable={editable} />
      <NoticeChecklist positionId={offer.id} gaps={notice.gaps} tooShortOnline={notice.tooShortOnline} />
      <div className="cards">
        <CommitteePanel position={position} />
        <MissionsPanel position={position} cabinets={cabinets} />
      </div>
      <EmployerBriefs briefs={briefs} />
      <h2 className="section-title">L’offre, telle que les candidats la lisent</h2>
      <OfferKeyFacts offer={offer} />
      <OfferSections offer={offer} />
      <HistoryPanel position={position} />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
