import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeChecklist } from "~/components/positions/NoticeChecklist";
import { formatDate } from "~/components/positions/format";
import { getVacancyNotice } from "~/domain/vacancy-notice.server";
import noticeStyles from "~/styles/notice.css";
import { notFound, requireUser } from "~/utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: noticeStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Déclaration de vacance — ${data?.notice.title ?? "Poste"} — Vivier` }];

/**
 * GET /employeur/postes/:id/declaration — the vacancy notice to print (one A4, the print
 * stylesheet leaves the site's frame out) or to download as the CSV row a centre de gestion
 * reads. Only the position's collectivité: any other id is not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const notice = await getVacancyNotice(user, params.id ?? "");
  if (!notice) throw notFound();
  return json({ notice });
}

export default function NoticePage() {
  const { notice: n } = useLoaderData<typeof loader>();
  const none = <span className="muted">non renseigné</span>;
  const text = (v: string) => (v ? v : none);
  return (
    <article className="notice">
      <div className="no-print">
        <p><Link to={`/employeur/postes/${n.id}`}>← Retour au poste</Link></p>
        <p>
          Pour un PDF, utilisez « Imprimer » puis « Enregistrer en PDF » dans votre navigateur.{" "}
          <a href={`/employeur/postes/${n.id}/declaration.csv`} download>Télécharger la ligne CSV pour le centre de gestion</a>
        </p>
        <NoticeChecklist positionId={n.id} gaps={n.gaps} tooShortOnline={n.tooShortOnline} />
      </div>
      <header className="notice-head">
        <p>{n.organizationName}{n.siren ? ` — SIREN ${n.siren}` : ""} — {n.departement}</p>
        <p>Déclaration de vacance d’emploi (décret n° 2018-1351 du 28 décembre 2018, article 3)</p>
        <h1>{n.title}</h1>
      </header>
      <h2>L’emploi</h2>
      <dl>
        <dt>Versant</dt><dd>{n.versant}</dd>
        <dt>Métier</dt><dd>{text(n.metier)}</dd>
        <dt>Filière, catégorie</dt><dd>{n.filiere}, catégorie {n.categorie}</dd>
        <dt>Cadres d’emplois</dt><dd>{n.cadres.length ? n.cadres.join(", ") : none}</dd>
        <dt>Grades</dt><dd>{n.grades.length ? n.grades.join(", ") : "tous les grades des cadres d’emplois"}</dd>
        {n.emploiFonctionnel ? <><dt>Emploi fonctionnel</dt><dd>{n.emploiFonctionnel}</dd></> : null}
        <dt>Temps de travail</dt><dd>{n.workingTime}</dd>
      </dl>
      <h2>La vacance</h2>
      <dl>
        <dt>Motif</dt><dd>{text(n.reason)}{n.cause ? ` — ${n.cause}` : ""}</dd>
        <dt>Ouvert</dt><dd>{[n.openToTitulaires ? "aux fonctionnaires" : "", n.openToContractuels ? "aux contractuels" : ""].filter(Boolean).join(" et ")}</dd>
        {n.openToContractuels ? <><dt>Fondement du recrutement contractuel</dt><dd>{text(n.contractGround)}</dd></> : null}
        <dt>Poste à pourvoir le</dt><dd>{n.startDate ? formatDate(n.startDate) : none}</dd>
        <dt>Lieu de travail</dt><dd>{text(n.workplace)}{n.workplace ? ` — ${n.commune}` : ""}</dd>
      </dl>
      <h2>Les missions</h2>
      <p className="notice-missions">{n.missions}</p>
      <h2>Candidater</h2>
      <dl>
        <dt>Candidatures à adresser à</dt><dd className="notice-missions">{text(n.applicationsTo)}</dd>
        <dt>Date limite</dt><dd>{n.deadline ? formatDate(n.deadline) : none}</dd>
        {n.publishedOn ? <><dt>Publiée le</dt><dd>{formatDate(n.publishedOn)}</dd></> : null}
      </dl>
    </article>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
