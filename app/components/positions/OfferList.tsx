import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { OfferHit } from "~/domain/search-results";
import { formatDate, formatSalaryRange, plural } from "./format";

const HOUSING_SHORT: Record<string, string> = { NAS: "Logement de fonction (NAS)", COP_A: "Logement de fonction (COP-A)" };

function day(value: number | null): string {
  return value == null ? "" : formatDate(new Date(value).toISOString());
}

/** The list of offers as /offres shows it: the hits of the offer search. */
export function OfferList({ offers, empty, headingLevel = 2 }: { offers: OfferHit[]; empty?: ReactNode; headingLevel?: 2 | 3 }) {
  if (offers.length === 0) return <p className="muted">{empty ?? "Aucune offre publiée pour le moment."}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="offer-list">
      {offers.map((o) => {
        const salary = formatSalaryRange(o.salaryMin, o.salaryMax);
        return (
          <li key={o.id} className="card offer-card">
            <Heading className="offer-title">
              {o.titleHtml ? (
                <Link to={`/offres/${o.id}`} dangerouslySetInnerHTML={{ __html: o.titleHtml }} />
              ) : (
                <Link to={`/offres/${o.id}`}>{o.title}</Link>
              )}
            </Heading>
            <p className="offer-employer">
              {o.organizationName}
              {o.communeName && o.communeName !== o.organizationName ? <> — {o.communeName}</> : null}
              {o.departementCode ? ` (${o.departementCode})` : ""}
              {o.distanceKm != null ? <> · à {o.distanceKm.toLocaleString("fr-FR", { maximumFractionDigits: 0 })} km</> : null}
            </p>
            <ul className="offer-tags" aria-label="En bref">
              <li>Catégorie {o.categorie}</li>
              <li>Filière {o.filiereLabel}</li>
              {salary ? <li>{salary}</li> : null}
              {o.housing !== "NONE" ? <li>{HOUSING_SHORT[o.housing] ?? "Logement de fonction"}</li> : null}
              {o.remoteDays > 0 ? <li>{plural(o.remoteDays, "jour", "jours")} de télétravail</li> : null}
            </ul>
            <p className="muted offer-dates">
              {o.publishedAt ? <>Publiée le {day(o.publishedAt)}</> : null}
              {o.publishedAt && o.deadline ? " · " : null}
              {o.deadline ? <>Candidater avant le {day(o.deadline)}</> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
