import { Form, Link } from "@remix-run/react";
import { formatDate, formatEuros, formatNumber, formatSalaryRange } from "~/components/positions/format";
import { StateBadge } from "~/components/positions/StateBadge";
import { CsrfField } from "~/components/ui/CsrfField";
import type { MissionPage } from "~/domain/missions-page.server";
import { COMMITTEE_ROLE_LABEL, HOUSING_LABEL, type CommitteeRole, type HousingKind } from "~/schemas/position";
import { STAGE_LABEL, STAGES } from "~/schemas/shortlist";
import { candidates } from "./labels";

/** The mission at a glance: the post and what it offers, the client's committee and criteria, the dates, the list by stage. */

function housing(c: MissionPage["context"]): string {
  if (c.housing !== "NONE") return HOUSING_LABEL[c.housing as HousingKind] ?? c.housing;
  return c.housingHelp ? "Aide à la recherche d’un logement" : "Pas de logement de fonction";
}

function mobility(c: MissionPage["context"]): string {
  const parts: string[] = [];
  if (c.stationDistanceKm != null) parts.push(`gare à ${formatNumber(c.stationDistanceKm)} km${c.stationTimeMin != null ? ` (${c.stationTimeMin} min)` : ""}`);
  if (c.publicTransport) parts.push(c.publicTransport);
  if (c.serviceVehicle) parts.push("véhicule de service");
  if (c.relocationHelp) parts.push("aide au déménagement");
  if (c.spouseJobHelp) parts.push("aide à l’emploi du conjoint");
  return parts.join(" ; ") || "Non précisée";
}

export function MissionFacts({ page }: { page: MissionPage }) {
  const { mission, context: c } = page;
  return (
    <section aria-labelledby="poste-titre" className="mission-facts">
      <h2 id="poste-titre" className="visually-hidden">Le poste et la mission</h2>
      <dl className="key-facts">
        <div><dt>Collectivité</dt><dd>{mission.collectiviteName}{mission.confidential ? " (recherche confidentielle)" : ""}</dd></div>
        <div><dt>Lieu</dt><dd>{mission.commune}</dd></div>
        <div><dt>Rémunération</dt><dd>{formatSalaryRange(c.salaryMin, c.salaryMax) ?? "Selon profil et grille statutaire"}</dd></div>
        <div>
          <dt>Régime indemnitaire</dt>
          <dd>
            {[c.ifse != null ? `IFSE ${formatEuros(c.ifse)} brut par mois` : null, c.cia != null ? `CIA jusqu’à ${formatEuros(c.cia)} par an` : null, c.nbiPoints ? `NBI ${c.nbiPoints} points` : null]
              .filter(Boolean).join(" ; ") || "Non précisé"}
          </dd>
        </div>
        <div><dt>Logement</dt><dd>{housing(c)}{c.rentT3 ? ` ; loyer d’un T3 : ${formatEuros(c.rentT3)}` : ""}{c.temporaryAccommodation ? " ; hébergement temporaire" : ""}</dd></div>
        <div><dt>Mobilité</dt><dd>{mobility(c)}</dd></div>
        <div><dt>Télétravail</dt><dd>{c.remoteDays > 0 ? `${c.remoteDays} jour${c.remoteDays > 1 ? "s" : ""} par semaine` : "Pas de télétravail"}</dd></div>
        {c.benefits.length ? <div><dt>Avantages</dt><dd>{c.benefits.join(", ")}</dd></div> : null}
      </dl>
      {c.territory ? <details><summary>Le territoire</summary><p className="prewrap">{c.territory}</p>{c.projects ? <p className="prewrap">{c.projects}</p> : null}</details> : null}
      <p className="small">
        Poste : <StateBadge state={mission.positionState} confidential={mission.confidential} /> · Mission {mission.status === "ACTIVE" ? "en cours" : "terminée"}
      </p>
    </section>
  );
}

export function MissionDates({ page, retour }: { page: MissionPage; retour: string }) {
  const { mission } = page;
  const open = mission.status === "ACTIVE";
  return (
    <section aria-labelledby="dates-titre" className="card">
      <h2 id="dates-titre">Dates</h2>
      <dl className="stacked-facts">
        <dt>Mandat confié le</dt><dd>{formatDate(mission.createdAt)}</dd>
        <dt>Date limite de candidature</dt><dd>{mission.deadline ? formatDate(mission.deadline) : "Non fixée"}</dd>
        <dt>Présentation au comité prévue le</dt><dd>{mission.presentationPlannedAt ? formatDate(mission.presentationPlannedAt) : "Non fixée"}</dd>
      </dl>
      {open ? (
        <Form method="post" className="inline-fields">
          <CsrfField />
          <input type="hidden" name="intent" value="presentation" />
          <input type="hidden" name="retour" value={retour} />
          <div className="field">
            <label htmlFor="presentation-date">Date de présentation prévue</label>
            <input id="presentation-date" type="date" name="date" defaultValue={mission.presentationPlannedAt?.slice(0, 10) ?? ""} />
          </div>
          <button type="submit" className="button-secondary">Enregistrer la date</button>
        </Form>
      ) : null}
    </section>
  );
}

export function CommitteeCard({ page }: { page: MissionPage }) {
  const total = page.criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <section aria-labelledby="comite-titre" className="card">
      <h2 id="comite-titre">Comité et critères du client</h2>
      {page.committee.length === 0 ? <p className="muted">La collectivité n’a pas encore désigné son comité.</p> : (
        <ul>{page.committee.map((m) => <li key={m.id}>{m.name}, {m.function} — {COMMITTEE_ROLE_LABEL[m.role as CommitteeRole] ?? m.role}</li>)}</ul>
      )}
      {page.criteria.length === 0 ? <p className="muted">Aucun critère pondéré n’est défini.</p> : (
        <div className="table-scroll"><table className="compact">
          <caption>Critères pondérés (total {total})</caption>
          <thead><tr><th scope="col">Critère</th><th scope="col">Poids</th></tr></thead>
          <tbody>{page.criteria.map((c) => <tr key={c.id}><td>{c.label}</td><td className="num">{c.weight}</td></tr>)}</tbody>
        </table></div>
      )}
    </section>
  );
}

/** Counts by stage, each a link to the list filtered on that stage. */
export function StageCounts({ page }: { page: MissionPage }) {
  const base = `/cabinet/missions/${page.mission.id}`;
  return (
    <section aria-labelledby="etapes-titre">
      <h2 id="etapes-titre">Liste restreinte : {candidates(page.total)}</h2>
      {page.total === 0 ? null : (
        <ul className="stage-counts">
          {STAGES.filter((s) => page.counts[s] > 0).map((s) => (
            <li key={s}>
              <Link to={`${base}?etape=${s}`}>
                <span className="stage-count-number">{page.counts[s]}</span> {STAGE_LABEL[s]}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
