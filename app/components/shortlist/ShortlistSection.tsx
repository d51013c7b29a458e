import { Link } from "@remix-run/react";
import { PIPELINE, EXITS, SOURCE_LABEL, STAGE_LABEL, type Source, type Stage } from "~/schemas/shortlist";

type Row = { id: string; label: string; sight: string; stage: Stage; source: Source; stageChangedAt: string; currentFunction: string | null; scoreAverage: number | null };

const DAY = 24 * 60 * 60 * 1000;

/** « 1 candidat », « 3 candidats ». */
function candidates(n: number): string {
  return `${n} candidat${n > 1 ? "s" : ""}`;
}

/**
 * The mission's confidential list as its consultants read it (the gate's rule 7 already applied
 * by the loader): the counts by stage, and each entry with a link to its page.
 */
export function ShortlistSection({ missionId, entries, counts }: { missionId: string; entries: readonly Row[]; counts: Record<Stage, number> }) {
  const now = Date.now();
  const stages = [...PIPELINE, ...EXITS].filter((s) => counts[s] > 0);
  return (
    <section aria-labelledby="liste-titre">
      <h2 id="liste-titre">Liste restreinte</h2>
      {entries.length === 0 ? (
        <p>Aucun candidat sur la liste pour le moment : ajoutez-en depuis le vivier ou les profils suggérés.</p>
      ) : (
        <>
          <p className="muted small">
            {candidates(entries.length)} : {stages.map((s) => `${STAGE_LABEL[s]} ${counts[s]}`).join(", ")}.
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Candidats de la mission, par ordre d’arrivée</caption>
              <thead>
                <tr>
                  <th scope="col">Candidat</th>
                  <th scope="col">Fonction actuelle</th>
                  <th scope="col">Source</th>
                  <th scope="col">Étape</th>
                  <th scope="col">Jours dans l’étape</th>
                  <th scope="col">Grille (moyenne /100)</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <th scope="row"><Link to={`/cabinet/missions/${missionId}/candidats/${e.id}`}>{e.label}</Link></th>
                    <td>{e.currentFunction ?? "—"}</td>
                    <td>{SOURCE_LABEL[e.source]}</td>
                    <td>{STAGE_LABEL[e.stage]}</td>
                    <td>{Math.max(0, Math.floor((now - new Date(e.stageChangedAt).getTime()) / DAY))}</td>
                    <td>{e.scoreAverage ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
