import { Form, Link } from "@remix-run/react";
import type { PostMark } from "~/domain/departement-map.server";
import type { Feasibility } from "~/domain/feasibility.server";
import { COMPETENCY_LEVEL_LABEL } from "~/schemas/position";
import { MAP_POPULATIONS, MAP_POPULATION_LABEL } from "~/schemas/talent-search";
import { DepartementMap } from "./DepartementMap";
import { formatInt, plural } from "./format";

/** "Faisabilité du marché": whether the profile the client seeks exists in the talent pool, and where. */
export function FeasibilityPanel({ feasibility: f, post, searchUrl, rareBelow }: { feasibility: Feasibility; post: PostMark | null; searchUrl: string; rareBelow: number }) {
  const d = f.described;
  return (
    <section className="feasibility" aria-labelledby="faisabilite-titre">
      <h2 id="faisabilite-titre">Faisabilité du marché</h2>
      <p className="muted small">
        Profils du vivier que votre cabinet peut consulter (les candidats cachés, ou qui ont demandé à ne pas être montrés à votre
        cabinet ou à l’un de ses clients, ne sont jamais comptés).
      </p>

      <div className="feasibility-key">
        <p className="feasibility-number">
          <strong>{formatInt(f.matching)}</strong> {f.matching > 1 ? "profils réunissent" : "profil réunit"} les exigences indispensables du poste
        </p>
        <ul className="small">
          <li>Filière {d.filiere}, catégorie {d.categorie}</li>
          {d.cadres.length ? <li>Cadre d’emplois : {d.cadres.join(" ou ")}</li> : null}
          {d.grades.length ? <li>Grade : {d.grades.join(" ou ")}</li> : null}
          {d.indispensable.length ? <li>Compétences indispensables : {d.indispensable.join(", ")} (ou un synonyme du métier ; majuscules, accents et pluriels ne comptent pas)</li> : <li>Aucune compétence indispensable n’est demandée.</li>}
        </ul>
        <p><Link to={searchUrl} className="button">Chercher ces profils dans le vivier</Link></p>
      </div>

      <div className="feasibility-grid">
        <div className="table-scroll">
          <table>
            <caption>Critère par critère</caption>
            <thead>
              <tr><th scope="col">Profils retenus en ajoutant…</th><th scope="col" className="num">Profils</th></tr>
            </thead>
            <tbody>
              {f.funnel.map((step) => (
                <tr key={step.label}>
                  <th scope="row">{step.label}</th>
                  <td className="num">{formatInt(step.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <div className="table-scroll">
          {f.commune ? (
            <table>
              <caption>À distance du poste ({f.commune.label})</caption>
              <thead>
                <tr>
                  <th scope="col">Domicile à moins de</th>
                  <th scope="col" className="num">Exigences indispensables</th>
                  <th scope="col" className="num">Même filière et catégorie</th>
                </tr>
              </thead>
              <tbody>
                {f.radii.map((r) => (
                  <tr key={r.radiusKm}>
                    <th scope="row">{r.radiusKm} km</th>
                    <td className="num">{formatInt(r.matching ?? 0)}</td>
                    <td className="num">{formatInt(r.broad ?? 0)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Partout</th>
                  <td className="num">{formatInt(f.matching)}</td>
                  <td className="num">{formatInt(f.broad)}</td>
                </tr>
              </tbody>
            </table>
          ) : (
            <p>La commune du poste n’est pas reconnue : les distances ne peuvent être calculées.</p>
          )}
        </div>
      </div>

      <h3>Logement</h3>
      <p>
        {f.matching === 0
          ? "Aucun profil correspondant, donc aucun besoin de logement à prévoir."
          : `${plural(f.needHousing, "profil")} sur ${formatInt(f.matching)} ${f.needHousing > 1 ? "cherchent" : "cherche"} un logement.`}{" "}
        {f.housingOffered ? "Le poste propose un logement de fonction." : "Le poste ne propose pas de logement de fonction."}
      </p>

      <h3>Compétences demandées</h3>
      {f.competencies.length === 0 ? (
        <p>Le poste ne liste pas de compétences.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>Profils qui déclarent chaque compétence (libellé identique) ; « rare » : moins de {rareBelow} profils dans tout le vivier</caption>
            <thead>
              <tr>
                <th scope="col">Compétence</th>
                <th scope="col">Niveau demandé</th>
                <th scope="col" className="num">Tout le vivier</th>
                <th scope="col" className="num">Même filière et catégorie</th>
                <th scope="col">Rareté</th>
              </tr>
            </thead>
            <tbody>
              {f.competencies.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  <td>{COMPETENCY_LEVEL_LABEL[c.level] ?? c.level}</td>
                  <td className="num">{formatInt(c.pool)}</td>
                  <td className="num">{formatInt(c.broad)}</td>
                  <td>{c.rare ? <span className="badge badge-red">Rare</span> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="ou-sont-les-profils">Où sont les profils</h3>
      <Form method="get" preventScrollReset className="map-population">
        <fieldset>
          <legend>Profils représentés sur la carte</legend>
          {MAP_POPULATIONS.map((p) => (
            <div key={p} className="field field-check">
              <input type="radio" id={`carte-${p}`} name="carte" value={p} defaultChecked={f.map.population === p} />
              <label htmlFor={`carte-${p}`}>{MAP_POPULATION_LABEL[p]} ({formatInt(f.map.counts[p])})</label>
            </div>
          ))}
          <button type="submit" className="button-secondary">Afficher</button>
        </fieldset>
      </Form>
      <DepartementMap key={f.map.population} post={post} counts={f.departements} title={MAP_POPULATION_LABEL[f.map.population]} />
    </section>
  );
}
