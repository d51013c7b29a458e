import { capitalized } from "~/reference/statute";
import type { ReactNode } from "react";
import type { Offer } from "~/domain/positions.server";
import { EMPLOIS_FONCTIONNELS } from "~/reference/statute";
import { COMPETENCY_LEVEL_LABEL, COMPETENCY_LEVELS, HOUSING_LABEL, benefitLabel, type HousingKind } from "~/schemas/position";
import { formatDate, formatEuros, formatNumber, formatSalaryRange, plural } from "./format";

/**
 * An offer laid out for a candidate who would have to move: first what it pays, where one would
 * live, how one gets there and what life is like, then the job itself. The employer's page of a
 * position shows the same, so that they read their offer as candidates will.
 */

function housingSummary(o: Offer): string {
  if (o.housing !== "NONE") return HOUSING_LABEL[o.housing as HousingKind] ?? o.housing;
  if (o.housingHelp) return "Aide à la recherche d’un logement";
  return "Pas de logement de fonction";
}

function mobilitySummary(o: Offer): string {
  const parts: string[] = [];
  if (o.stationDistanceKm != null) parts.push(`gare à ${formatNumber(o.stationDistanceKm)} km${o.stationTimeMin != null ? ` (${o.stationTimeMin} min)` : ""}`);
  else if (o.stationTimeMin != null) parts.push(`gare à ${o.stationTimeMin} min`);
  parts.push(o.remoteDays > 0 ? `${plural(o.remoteDays, "jour", "jours")} de télétravail par semaine` : "pas de télétravail");
  return parts.join(" ; ");
}

/**
 * Who may apply, in the trade's words: the statut, an emploi fonctionnel filled by détachement
 * (and by a contractuel only where the offer is open to them: the editor refuses it elsewhere).
 */
export function openToText(offer: Pick<Offer, "openToTitulaires" | "openToContractuels" | "emploiFonctionnel">): string {
  const titulaires = offer.emploiFonctionnel ? "fonctionnaires titulaires, par détachement sur l’emploi fonctionnel" : "fonctionnaires titulaires (mutation, détachement)";
  const contractuels = offer.emploiFonctionnel ? "contractuels (recrutement direct, article L343-1 du code général de la fonction publique)" : "contractuels";
  const parts = [offer.openToTitulaires ? titulaires : null, offer.openToContractuels ? contractuels : null].filter(Boolean);
  return parts.join(" et ") || "—";
}

/** The salary range, and whether it counts the régime indemnitaire (the editor asks it all in). */
function salaryText(offer: Offer): string {
  const range = formatSalaryRange(offer.salaryMin, offer.salaryMax);
  if (!range) return "Selon profil et grille statutaire";
  const ifse = offer.ifse != null ? `, dont IFSE ${formatEuros(offer.ifse)} brut par mois` : "";
  return `${range}, régime indemnitaire (IFSE) compris${ifse}`;
}

/** What a candidate checks first: pay, place, housing, mobility, who may apply, and the deadline. */
export function OfferKeyFacts({ offer }: { offer: Offer }) {
  const ef = EMPLOIS_FONCTIONNELS.find((e) => e.code === offer.emploiFonctionnel);
  const statute = [
    offer.cadres.length ? offer.cadres.map((c) => c.label).join(", ") : null,
    offer.grades.length ? `grades : ${offer.grades.join(", ")}` : null,
  ].filter(Boolean).join(" — ");
  return (
    <dl className="key-facts" aria-label="L’essentiel">
      <div>
        <dt>Rémunération</dt>
        <dd>{salaryText(offer)}</dd>
      </div>
      <div>
        <dt>Ouvert aux</dt>
        <dd>{openToText(offer)}</dd>
      </div>
      <div>
        <dt>Cadres d’emplois et grades</dt>
        <dd>{statute || `Filière ${offer.filiereLabel.toLowerCase()}, catégorie ${offer.categorie}`}</dd>
      </div>
      {ef ? (
        <div>
          <dt>Emploi fonctionnel</dt>
          <dd>{ef.label}{offer.strate ? `, strate ${offer.strate}` : ""} : pourvu par détachement{offer.openToContractuels ? " ou recrutement direct d’un contractuel" : ", non ouvert aux contractuels"}</dd>
        </div>
      ) : null}
      <div>
        <dt>Lieu</dt>
        <dd>{offer.commune.name}{offer.commune.departementName ? ` (${offer.commune.departementName})` : ""}</dd>
      </div>
      <div>
        <dt>Logement</dt>
        <dd>{housingSummary(offer)}</dd>
      </div>
      <div>
        <dt>Mobilité</dt>
        <dd>{mobilitySummary(offer)}</dd>
      </div>
      {offer.deadline ? (
        <div>
          <dt>Candidater avant le</dt>
          <dd>{formatDate(offer.deadline)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Facts({ items }: { items: Array<[string, ReactNode | null | undefined | false]> }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== false && v !== "");
  if (shown.length === 0) return null;
  return (
    <dl className="facts">
      {shown.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}|\r\n\r\n/).filter((p) => p.trim()).map((p, i) => (
        <p key={i} className="prewrap">{p.trim()}</p>
      ))}
    </>
  );
}

const yes = (b: boolean) => (b ? "Oui" : "Non");

/** The sections of an offer, headed at `level` (h2 on the offer page). */
export function OfferSections({ offer }: { offer: Offer }) {
  const ef = EMPLOIS_FONCTIONNELS.find((e) => e.code === offer.emploiFonctionnel);
  return (
    <div className="offer-sections">
      <section aria-labelledby="offre-remuneration" className="offer-section">
        <h2 id="offre-remuneration">Rémunération et avantages</h2>
        <Facts
          items={[
            ["Rémunération brute annuelle", formatSalaryRange(offer.salaryMin, offer.salaryMax) ?? "Selon profil et grille statutaire"],
            ["IFSE", offer.ifse != null ? `${formatEuros(offer.ifse)} brut par mois` : null],
            ["CIA", offer.cia != null ? `jusqu’à ${formatEuros(offer.cia)} brut par an` : null],
            ["NBI", offer.nbiPoints != null ? plural(offer.nbiPoints, "point", "points") : null],
          ]}
        />
        {offer.benefits.length ? (
          <>
            <h3>Avantages</h3>
            <ul>{offer.benefits.map((b) => <li key={b}>{benefitLabel(b)}</li>)}</ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="offre-logement" className="offer-section">
        <h2 id="offre-logement">Logement</h2>
        <Facts
          items={[
            ["Logement de fonction", HOUSING_LABEL[offer.housing as HousingKind] ?? offer.housing],
            ["Aide à la recherche d’un logement", yes(offer.housingHelp)],
            ["Loyer habituel d’un T3", offer.rentT3 != null ? `${formatEuros(offer.rentT3)} par mois` : null],
            ["Hébergement temporaire à l’arrivée", yes(offer.temporaryAccommodation)],
          ]}
        />
      </section>

      <section aria-labelledby="offre-mobilite" className="offer-section">
        <h2 id="offre-mobilite">Venir et se déplacer</h2>
        <Facts
          items={[
            ["Gare la plus proche", offer.stationDistanceKm != null ? `${formatNumber(offer.stationDistanceKm)} km` : null],
            ["Temps d’accès à la gare", offer.stationTimeMin != null ? `${offer.stationTimeMin} minutes` : null],
            ["Véhicule de service", yes(offer.serviceVehicle)],
            ["Télétravail", offer.remoteDays > 0 ? `${plural(offer.remoteDays, "jour", "jours")} par semaine` : "Non"],
            ["Aide au déménagement", yes(offer.relocationHelp)],
            ["Accompagnement de l’emploi du conjoint", yes(offer.spouseJobHelp)],
          ]}
        />
        {offer.publicTransport ? (
          <>
            <h3>Transports en commun</h3>
            <Paragraphs text={offer.publicTransport} />
          </>
        ) : null}
      </section>

      {offer.territory || offer.projects ? (
        <section aria-labelledby="offre-territoire" className="offer-section">
          <h2 id="offre-territoire">Le territoire</h2>
          {offer.territory ? <Paragraphs text={offer.territory} /> : null}
          {offer.projects ? (
            <>
              <h3>Les projets de la collectivité</h3>
              <Paragraphs text={offer.projects} />
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="offre-poste" className="offer-section offer-section-wide">
        <h2 id="offre-poste">Le poste</h2>
        <Paragraphs text={offer.missions} />
        {offer.competencies.length ? (
          <>
            <h3>Compétences attendues</h3>
            {COMPETENCY_LEVELS.map((level) => {
              const list = offer.competencies.filter((c) => c.level === level);
              return list.length ? (
                <div key={level}>
                  <h4>{COMPETENCY_LEVEL_LABEL[level]}</h4>
                  <ul>{list.map((c) => <li key={c.label}>{c.label}</li>)}</ul>
                </div>
              ) : null;
            })}
          </>
        ) : null}
        <h3>Profil et conditions</h3>
        <Facts
          items={[
            ["Filière", capitalized(offer.filiereLabel)],
            ["Catégorie", offer.categorie],
            ["Cadres d’emplois", offer.cadres.length ? offer.cadres.map((c) => c.label).join(", ") : null],
            ["Grades", offer.grades.length ? offer.grades.join(", ") : null],
            ["Emploi fonctionnel", ef ? `${ef.label}${offer.strate ? `, strate ${offer.strate}` : ""}` : null],
            ["Ouvert aux", openToText(offer)],
            ["Temps de travail", offer.fullTime ? "Temps complet" : `Temps non complet (${formatNumber(offer.hoursPerWeek ?? 0)} h par semaine)`],
            ["Prise de poste", offer.startDate ? formatDate(offer.startDate) : null],
            ["Effectif encadré", offer.teamSize != null ? plural(offer.teamSize, "agent", "agents") : null],
            ["Budget géré", offer.budgetManaged != null ? formatEuros(offer.budgetManaged) : null],
          ]}
        />
      </section>
    </div>
  );
}
