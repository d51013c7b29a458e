import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CsrfField } from "~/components/ui/CsrfField";
import type { MissionPage } from "~/domain/missions-page.server";

/** Who works on the mission; the cabinet's lead adds and removes consultants here. */
export function MissionTeam({ page, retour }: { page: MissionPage; retour: string }) {
  const { team } = page;
  return (
    <section aria-labelledby="equipe-titre" className="card">
      <h2 id="equipe-titre">Consultants de la mission</h2>
      {team.consultants.length === 0 ? (
        <p className="muted">Aucun consultant n’est affecté : seul le responsable du cabinet voit cette mission.</p>
      ) : (
        <ul className="team-list">
          {team.consultants.map((c) => (
            <li key={c.id}>
              {c.name}{c.lead ? " (responsable du cabinet)" : ""}
              {team.canStaff ? (
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="unstaff" />
                  <input type="hidden" name="userId" value={c.id} />
                  <input type="hidden" name="retour" value={retour} />
                  <button type="submit" className="button-link">Retirer<span className="visually-hidden"> {c.name} de la mission</span></button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {team.canStaff ? (
        team.available.length ? (
          <Form method="post" className="inline-fields">
            <CsrfField />
            <input type="hidden" name="intent" value="staff" />
            <input type="hidden" name="retour" value={retour} />
            <div className="field">
              <label htmlFor="equipe-ajout">Affecter un consultant du cabinet</label>
              <select id="equipe-ajout" name="userId" defaultValue="" required>
                <option value="" disabled>Choisir…</option>
                {team.available.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </div>
            <button type="submit" className="button-secondary">Affecter</button>
          </Form>
        ) : (
          <p className="small muted">Tous les consultants du cabinet sont sur la mission.</p>
        )
      ) : (
        <p className="small muted">Le responsable du cabinet affecte les consultants aux missions.</p>
      )}
    </section>
  );
}

/** The brief in short on the mission page, where it stands with the collectivité, and the search it launches. */
export function BriefCard({ page }: { page: MissionPage }) {
  const { brief, mission } = page;
  const base = `/cabinet/missions/${mission.id}`;
  return (
    <section aria-labelledby="cadrage-titre" className="card">
      <h2 id="cadrage-titre">Cadrage</h2>
      {!brief ? (
        <>
          <p>Le cadrage n’est pas encore écrit : contexte, ce que la collectivité veut transformer, viviers visés, compétences prioritaires.</p>
          <p><Link to={`${base}/cadrage`}>Écrire le cadrage avec la collectivité</Link></p>
        </>
      ) : (
        <>
          <p className="small">
            Version {brief.version} du {formatDate(brief.updatedAt)}{brief.author ? `, par ${brief.author}` : ""}.{" "}
            {brief.agreedAt ? <strong>Validé par la collectivité le {formatDate(brief.agreedAt)} ({brief.agreedByName}).</strong>
              : brief.sharedAt ? "Partagé avec la collectivité, en attente de sa validation." : "Pas encore partagé avec la collectivité."}
          </p>
          {brief.context ? <p className="prewrap clamp">{brief.context}</p> : null}
          {brief.targetFunctions.length ? <p><strong>Fonctions visées :</strong> {brief.targetFunctions.join(", ")}</p> : null}
          {brief.targetRegions.length ? <p><strong>Régions :</strong> {brief.targetRegions.join(", ")}</p> : null}
          {brief.priorityCompetencies.length ? <p><strong>Compétences prioritaires :</strong> {brief.priorityCompetencies.join(", ")}</p> : null}
          <p className="actions">
            <Link className="button" to={brief.searchUrl}>Lancer la recherche</Link>
            <Link to={`${base}/cadrage`}>Modifier ou partager le cadrage</Link>
          </p>
        </>
      )}
    </section>
  );
}
