import { Link } from "@remix-run/react";
import type { NoticeGap } from "~/domain/vacancy-notice";
import { fieldId } from "./editor-fields";

/**
 * What the vacancy notice still lacks, each line a link to its field in the editor, and the
 * warning of an offer that would be online less than a month. Shown on the position page and
 * above the printable notice (never printed).
 */
export function NoticeChecklist({ positionId, gaps, tooShortOnline }: { positionId: string; gaps: NoticeGap[]; tooShortOnline: boolean }) {
  return (
    <section className="card notice-checklist" aria-labelledby="notice-checklist-title">
      <h2 id="notice-checklist-title">Déclaration de vacance</h2>
      {gaps.length === 0 ? (
        <p>La déclaration de vacance est complète.</p>
      ) : (
        <>
          <p>
            {gaps.length === 1 ? "Il manque une information" : `Il manque ${gaps.length} informations`} que la déclaration de
            vacance doit indiquer (décret n° 2018-1351, art. 3) :
          </p>
          <ul>
            {gaps.map((g) => (
              <li key={g.field}><Link to={`/employeur/postes/${positionId}/modifier#${fieldId(g.field)}`}>{g.label}</Link></li>
            ))}
          </ul>
        </>
      )}
      {tooShortOnline ? (
        <p className="alert alert-warning" role="note">
          Attention : l’offre resterait en ligne moins d’un mois avant sa date limite de candidature. Un délai d’un mois au
          moins entre la publicité de la vacance et le recrutement est l’usage : <Link to={`/employeur/postes/${positionId}/modifier#${fieldId("deadline")}`}>reportez la date limite</Link>.
        </p>
      ) : null}
      <p><Link to={`/employeur/postes/${positionId}/declaration`}>Voir la déclaration de vacance imprimable</Link></p>
    </section>
  );
}
