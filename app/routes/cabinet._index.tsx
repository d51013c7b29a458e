import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { candidates, sinceDays } from "~/components/missions/labels";
import { cabinetHome, STALE_AFTER_DAYS, type CabinetHome as Home } from "~/domain/cabinet-home.server";
import { STAGE_LABEL } from "~/schemas/shortlist";
import { formatDay } from "~/components/talent/format";
import { followUpsDue } from "~/domain/follow-ups.server";
import { FOLLOW_UP_STATE_LABEL, WITH_WHOM_LABEL } from "~/schemas/presentation";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord cabinet — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const [home, followUps] = await Promise.all([cabinetHome(user), followUpsDue(user)]);
  return json({ home, followUps, staleAfter: STALE_AFTER_DAYS });
}

const n = (count: number, one: string, many: string) => `${count.toLocaleString("fr-FR")} ${count > 1 ? many : one}`;

function Waiting({ id, title, list, empty, detail }: { id: string; title: string; list: Home["stale"]; empty: string; detail: (item: Home["stale"]["items"][number]) => string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title} {list.total ? <span className="badge">{list.total}</span> : null}</h2>
      {list.total === 0 ? <p className="muted">{empty}</p> : (
        <>
          <ul className="waiting-list">
            {list.items.map((e) => (
              <li key={e.entryId}>
                <Link to={`/cabinet/missions/${e.missionId}/candidats/${e.entryId}`}>{e.label}</Link>{" "}
                <span className="small muted">— {e.missionTitle}, {detail(e)}</span>
              </li>
            ))}
          </ul>
          {list.total > list.items.length ? <p className="small">Et {candidates(list.total - list.items.length)} de plus, sur les pages des missions.</p> : null}
        </>
      )}
    </section>
  );
}

export default function CabinetHome() {
  const { home, followUps, staleAfter } = useLoaderData<typeof loader>();
  const { summary } = home;
  return (
    <>
      <h1>{home.organization}</h1>
      <p className="muted">
        {n(summary.missions, "mission en cours", "missions en cours")} · {n(summary.pendingContacts, "proposition en attente de réponse", "propositions en attente de réponse")} ·{" "}
        {n(summary.consultants, "consultant", "consultants")} au cabinet. <Link to="/cabinet/vivier">Rechercher dans le vivier</Link>
      </p>
      <section aria-labelledby="mes-missions">
        <h2 id="mes-missions">Mes missions</h2>
        {home.missions.length === 0 ? (
          <p>Aucune mission en cours ne vous est confiée. {summary.missions === 0 ? "" : "Le responsable du cabinet vous affecte aux missions."}</p>
        ) : (
          <ul className="mission-overview">
            {home.missions.map((m) => (
              <li key={m.id} className="card">
                <h3><Link to={`/cabinet/missions/${m.id}`}>{m.title}</Link></h3>
                <p className="small muted">{m.collectiviteName} — {m.total === 0 ? "aucun candidat sur la liste" : candidates(m.total)}</p>
                {m.stages.length ? (
                  <ul className="stage-counts">
                    {m.stages.map((s) => (
                      <li key={s.stage}>
                        <Link to={`/cabinet/missions/${m.id}?etape=${s.stage}`}><span className="stage-count-number">{s.count}</span> {STAGE_LABEL[s.stage]}</Link>
                      </li>
                    ))}
                  </ul>
                ) : <p><Link to={`/cabinet/missions/${m.id}`}>Commencer la liste restreinte</Link></p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="cards">
        <Waiting id="a-relancer" title={`Sans mouvement depuis ${staleAfter} jours`} list={home.stale} empty="Tous vos candidats ont bougé ces deux dernières semaines."
          detail={(e) => `${STAGE_LABEL[e.stage].toLowerCase()} depuis ${sinceDays(e.days)}`} />
        <Waiting id="references" title="Références en attente de l’accord du candidat" list={home.consents} empty="Aucune demande de références n’attend de réponse."
          detail={(e) => `étape « ${STAGE_LABEL[e.stage]} »`} />
        <Waiting id="presentations" title="Présentations à préparer" list={home.presentations} empty="Aucun candidat évalué n’attend d’être présenté."
          detail={(e) => `évalué depuis ${sinceDays(e.days)}`} />
      </div>
      <section aria-labelledby="k-suivi">
        <h2 id="k-suivi">Suivis d’intégration</h2>
        {followUps.length === 0 ? (
          <p className="muted">Aucun point de suivi à tenir pour le moment.</p>
        ) : (
          <ul>
            {followUps.map((f) => (
              <li key={f.id}>
                <Link to={f.href}>{f.hireName} — {f.positionTitle}</Link> : point à {f.months} mois {WITH_WHOM_LABEL[f.withWhom]}, prévu le{" "}
                {formatDay(f.dueOn)}{f.state === "late" ? ` (${FOLLOW_UP_STATE_LABEL.late.toLowerCase()})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
