import { STATUS_LABEL, type Status } from "~/schemas/profile";
import { AVAILABILITY_LABEL } from "~/schemas/talent-search";
import type { CandidateHit } from "../../../search/candidate-search";
import { Highlighted } from "./Highlighted";
import { formatDay, formatEuros, plural } from "./format";

/** The results of a talent search, one card per profile; an anonymous profile shows no identity. */
export function CandidateHitList({ hits, since }: { hits: CandidateHit[]; since: number | null }) {
  return (
    <ol className="talent-hits">
      {hits.map((hit) => (
        <li key={hit.id}>
          <CandidateCard hit={hit} isNew={since !== null && hit.lastActivityAt > since} />
        </li>
      ))}
    </ol>
  );
}

function CandidateCard({ hit, isNew }: { hit: CandidateHit; isNew: boolean }) {
  const h = hit.highlights;
  const place = hit.visibility === "VISIBLE" && hit.homeCommuneName
    ? `${hit.homeCommuneName}${hit.departementCode ? ` (${hit.departementCode})` : ""}`
    : hit.departementName
      ? `${hit.departementName} (${hit.departementCode})`
      : "Lieu non renseigné";
  return (
    <article className="talent-card" aria-labelledby={`hit-${hit.id}`}>
      <header className="talent-card-head">
        <h3 id={`hit-${hit.id}`}>
          {hit.visibility === "VISIBLE" ? <Highlighted text={hit.name} segments={h.name} /> : hit.pseudonym}
        </h3>
        <p className="talent-badges">
          {isNew ? <span className="badge badge-green">Nouveau</span> : null}
          {hit.visibility === "ANONYMOUS" ? <span className="badge badge-grey">Anonyme</span> : null}
          {hit.categorie ? <span className="badge">Catégorie {hit.categorie}</span> : null}
        </p>
      </header>
      <p className="talent-function">
        {hit.currentFunction ? <Highlighted text={hit.currentFunction} segments={h.currentFunction} /> : <span className="muted">Fonction non renseignée</span>}
        {hit.visibility === "VISIBLE" && hit.currentEmployerName ? <> — <Highlighted text={hit.currentEmployerName} segments={h.currentEmployerName} /></> : null}
      </p>
      <dl className="talent-facts">
        {hit.cadreLabel || hit.grade ? (
          <div>
            <dt>Cadre d’emplois</dt>
            <dd>
              {hit.cadreLabel ? <Highlighted text={hit.cadreLabel} segments={h.cadreLabel} /> : null}
              {hit.cadreLabel && hit.grade ? " — " : null}
              {hit.grade ? <Highlighted text={hit.grade} segments={h.grade} /> : null}
            </dd>
          </div>
        ) : null}
        {hit.filiereLabel ? <div><dt>Filière</dt><dd>{hit.filiereLabel}</dd></div> : null}
        {hit.status ? <div><dt>Statut</dt><dd>{STATUS_LABEL[hit.status as Status] ?? hit.status}</dd></div> : null}
        <div>
          <dt>Lieu</dt>
          <dd>
            {place}
            {hit.distanceKm !== null ? <> — {hit.visibility === "ANONYMOUS" ? "environ " : ""}{hit.distanceKm} km</> : null}
          </dd>
        </div>
        <div><dt>Disponibilité</dt><dd>{AVAILABILITY_LABEL[hit.availability]}</dd></div>
        {hit.yearsExperience !== null ? <div><dt>Expérience</dt><dd>{plural(hit.yearsExperience, "an")}</dd></div> : null}
        {hit.salaryExpectation !== null ? <div><dt>Prétention</dt><dd>{formatEuros(hit.salaryExpectation)} brut par an</dd></div> : null}
        <div>
          <dt>Mobilité</dt>
          <dd>
            {[
              hit.maxDistanceKm !== null ? `jusqu’à ${hit.maxDistanceKm} km` : null,
              hit.willingToRelocate ? "prêt à déménager" : null,
              hit.needsHousing ? "cherche un logement" : null,
            ].filter(Boolean).join(", ") || "non précisée"}
          </dd>
        </div>
        {hit.visibility === "VISIBLE" && hit.email ? <div><dt>Contact</dt><dd><a href={`mailto:${hit.email}`}>{hit.email}</a></dd></div> : null}
      </dl>
      {hit.competencies.length ? (
        <ul className="talent-competencies" aria-label="Compétences">
          {hit.competencies.map((c, i) => (
            <li key={`${i}-${c}`}>
              <Highlighted text={c} segments={h.competencies?.[i]} />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">Dernière activité le {formatDay(hit.lastActivityAt)}</p>
    </article>
  );
}
