import { capitalized } from "~/reference/statute";
import { distanceBandLabel } from "~/access/anonymous-distance";
import { Form } from "@remix-run/react";
import { AddToMission } from "~/components/missions/AddToMission";
import { CsrfField } from "~/components/ui/CsrfField";
import { TextArea } from "~/components/ui/Field";
import type { CandidateHit } from "~/domain/search-results";
import { CONTACT_MESSAGE_MAX } from "~/schemas/contact-request";
import { STATUS_LABEL, type Status } from "~/schemas/profile";
import { AVAILABILITY_LABEL } from "~/schemas/talent-search";
import { Highlighted } from "./Highlighted";
import { formatDay, formatEuros, plural } from "./format";

/**
 * The results of a talent search, one card per profile, or one line per profile in the compact
 * list; an anonymous profile shows no identity either way.
 */
export function CandidateHitList({
  hits, since, missionId, onMission = [], compact = false,
}: { hits: CandidateHit[]; since: number | null; missionId: string | null; onMission?: readonly string[]; compact?: boolean }) {
  return (
    <ol className={compact ? "talent-hits talent-hits-compact" : "talent-hits"}>
      {hits.map((hit) => (
        <li key={hit.id}>
          {compact ? (
            <CandidateLine hit={hit} isNew={since !== null && hit.lastActivityAt > since} missionId={missionId} onMission={onMission.includes(hit.id)} />
          ) : (
            <CandidateCard hit={hit} isNew={since !== null && hit.lastActivityAt > since} missionId={missionId} onMission={onMission.includes(hit.id)} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** What the views say of where the candidate lives: the commune when visible, else the card's place. */
function placeText(hit: CandidateHit): string {
  return hit.homeCommuneName
    ? `${hit.homeCommuneName}${hit.departementCode ? ` (${hit.departementCode})` : ""}`
    : hit.departementName
      ? `${hit.departementName} (${hit.departementCode})`
      : hit.regionName ?? hit.areaName ?? (hit.visibility === "ANONYMOUS" ? "Lieu non précisé (profil anonyme)" : "Lieu non renseigné");
}

/** At most this many competencies on a line; the card shows them all. */
const LINE_COMPETENCIES = 4;

/**
 * A profile in the compact list: the name (or pseudonym), the function or its family, the cadre
 * d'emplois, the place and distance, the availability and experience on one line, the first
 * competencies on another, and « Ajouter à la mission ». The rest is on the card view.
 */
function CandidateLine({ hit, isNew, missionId, onMission }: { hit: CandidateHit; isNew: boolean; missionId: string | null; onMission: boolean }) {
  const h = hit.highlights;
  const distance = distanceText(hit);
  const experience = hit.yearsExperience !== null ? plural(hit.yearsExperience, "an") : hit.experienceBand;
  const facts = [
    hit.cadreLabel ? [hit.cadreLabel, hit.grade].filter(Boolean).join(" — ") : hit.grade,
    `${placeText(hit)}${distance ? ` — ${distance}` : ""}`,
    AVAILABILITY_LABEL[hit.availability],
    experience ? `expérience : ${experience}` : null,
  ].filter(Boolean);
  const more = hit.competencies.length - LINE_COMPETENCIES;
  return (
    <article className="talent-line" aria-labelledby={`hit-${hit.id}`}>
      <h3 id={`hit-${hit.id}`}>
        {hit.name ? <Highlighted text={hit.name} segments={h.name} /> : hit.pseudonym}
        {isNew ? <> <span className="badge badge-green">Nouveau</span></> : null}
        {hit.visibility === "ANONYMOUS" ? <> <span className="badge badge-grey">Anonyme</span></> : null}
        {hit.categorie ? <> <span className="badge">Catégorie {hit.categorie}</span></> : null}
        {hit.laureate ? <> <span className="badge badge-green">Lauréat(e) de concours</span></> : null}
      </h3>
      <p className="talent-line-function">
        {hit.currentFunction ? (
          <Highlighted text={hit.currentFunction} segments={h.currentFunction} />
        ) : hit.functionFamily ? (
          <>{hit.functionFamily} <span className="small muted">(famille de fonctions)</span></>
        ) : (
          <span className="muted">Fonction non renseignée</span>
        )}
        {hit.currentEmployerName ? <> — {hit.currentEmployerName}</> : null}
      </p>
      <p className="talent-line-facts small">{facts.join(" · ")}</p>
      {hit.competencies.length ? (
        <p className="talent-line-facts small">
          <span className="visually-hidden">Compétences : </span>
          {hit.competencies.slice(0, LINE_COMPETENCIES).join(", ")}
          {more > 0 ? ` et ${plural(more, "autre")}` : ""}
        </p>
      ) : null}
      {missionId ? <AddToMission missionId={missionId} profileId={hit.id} who={hit.visibility === "VISIBLE" && hit.name ? hit.name : hit.pseudonym} onList={onMission} /> : null}
    </article>
  );
}

/**
 * "Proposer une opportunité": a contact request to the candidate, for the search's mission if
 * there is one. /cabinet/contacts checks everything again (the card is only where it starts).
 */
function ContactForm({ hit, missionId }: { hit: CandidateHit; missionId: string | null }) {
  const who = hit.name ?? hit.pseudonym;
  return (
    <details className="talent-contact">
      <summary>Proposer une opportunité<span className="visually-hidden"> à {who}</span></summary>
      <Form method="post" action="/cabinet/contacts">
        <CsrfField />
        <input type="hidden" name="profileId" value={hit.id} />
        {missionId ? <input type="hidden" name="missionId" value={missionId} /> : null}
        <TextArea
          label={<>Message au candidat<span className="visually-hidden"> {who}</span></>}
          name="message"
          rows={3}
          maxLength={CONTACT_MESSAGE_MAX}
          hint="Facultatif. Le candidat lit votre proposition dans son espace ; s’il accepte, son identité est révélée à votre cabinet."
        />
        <button type="submit" className="button-secondary">
          Envoyer la proposition<span className="visually-hidden"> à {who}</span>
        </button>
      </Form>
    </details>
  );
}

/** « 12 km » for a visible profile; « moins de 20 km », « entre 20 et 30 km » for an anonymous one. */
function distanceText(hit: CandidateHit): string | null {
  if (hit.distanceKm !== null) return `${hit.distanceKm} km`;
  return hit.distanceBand ? distanceBandLabel(hit.distanceBand) : null;
}

function CandidateCard({ hit, isNew, missionId, onMission }: { hit: CandidateHit; isNew: boolean; missionId: string | null; onMission: boolean }) {
  const h = hit.highlights;
  const distance = distanceText(hit);
  const place = placeText(hit);
  return (
    <article className="talent-card" aria-labelledby={`hit-${hit.id}`}>
      <header className="talent-card-head">
        <h3 id={`hit-${hit.id}`}>
          {hit.name ? <Highlighted text={hit.name} segments={h.name} /> : hit.pseudonym}
        </h3>
        <p className="talent-badges">
          {isNew ? <span className="badge badge-green">Nouveau</span> : null}
          {hit.visibility === "ANONYMOUS" ? <span className="badge badge-grey">Anonyme</span> : null}
          {hit.categorie ? <span className="badge">Catégorie {hit.categorie}</span> : null}
          {hit.laureate ? <span className="badge badge-green">Lauréat(e) de concours</span> : null}
        </p>
      </header>
      <p className="talent-function">
        {hit.currentFunction ? (
          <Highlighted text={hit.currentFunction} segments={h.currentFunction} />
        ) : hit.functionFamily ? (
          <>{hit.functionFamily} <span className="small muted">(famille de fonctions : l’intitulé exact reste confidentiel)</span></>
        ) : (
          <span className="muted">Fonction non renseignée</span>
        )}
        {hit.currentEmployerName ? <> — <Highlighted text={hit.currentEmployerName} segments={h.currentEmployerName} /></> : null}
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
        {hit.filiereLabel ? <div><dt>Filière</dt><dd>{capitalized(hit.filiereLabel)}</dd></div> : null}
        {hit.laureateLabel ? <div><dt>Concours</dt><dd>{hit.laureateLabel}</dd></div> : null}
        {hit.status ? <div><dt>Statut</dt><dd>{STATUS_LABEL[hit.status as Status] ?? hit.status}</dd></div> : null}
        <div>
          <dt>Lieu</dt>
          <dd>
            {place}
            {distance ? <> — {distance}</> : null}
          </dd>
        </div>
        <div><dt>Disponibilité</dt><dd>{AVAILABILITY_LABEL[hit.availability]}</dd></div>
        {hit.yearsExperience !== null ? <div><dt>Expérience</dt><dd>{plural(hit.yearsExperience, "an")}</dd></div> : null}
        {hit.yearsExperience === null && hit.experienceBand ? <div><dt>Expérience</dt><dd>{hit.experienceBand}</dd></div> : null}
        {hit.salaryExpectation !== null ? <div><dt>Prétention</dt><dd>{formatEuros(hit.salaryExpectation)} brut par an</dd></div> : null}
        <div>
          <dt>Mobilité</dt>
          <dd>
            {[
              hit.maxDistanceKm !== null ? `jusqu’à ${hit.maxDistanceKm} km` : null,
              hit.willingToRelocate ? "déménagement envisagé" : null,
              hit.needsHousing ? "cherche un logement" : null,
            ].filter(Boolean).join(", ") || "non précisée"}
          </dd>
        </div>
        {hit.email ? <div><dt>Contact</dt><dd><a href={`mailto:${hit.email}`}>{hit.email}</a></dd></div> : null}
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
      {missionId ? <AddToMission missionId={missionId} profileId={hit.id} who={hit.visibility === "VISIBLE" && hit.name ? hit.name : hit.pseudonym} onList={onMission} /> : null}
      <ContactForm hit={hit} missionId={missionId} />
    </article>
  );
}
