import { CAP_LABEL, type MatchReasonView } from "~/schemas/matching";

/**
 * A match's score and its reasons, as a consultant or a candidate reads them: the score out of
 * 100, the cap when there is one, the strongest reasons (assets and reservations, told apart by
 * words for screen readers, not only by a sign or a colour), the others behind a disclosure.
 */
export function MatchReasons({
  score,
  capped,
  reasons,
  shown = 4,
  labelledBy,
  label,
}: {
  score: number;
  capped: "statut" | "competence" | null;
  reasons: readonly MatchReasonView[];
  shown?: number;
  /** The id of the heading naming what is scored, for the score's accessible name. */
  labelledBy?: string;
  /** The score's accessible name where no heading names it (a row of a list, a card). */
  label?: string;
}) {
  const listed = reasons.filter((r) => r.factor !== "plafond" && r.weight !== 0);
  const notes = reasons.filter((r) => r.factor !== "plafond" && r.weight === 0);
  const top = listed.slice(0, shown);
  const rest = [...listed.slice(shown), ...notes];
  return (
    <div className="match">
      <p className="match-score">
        <meter min={0} max={100} low={41} high={70} optimum={100} value={score} aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} aria-valuetext={`${score} sur 100`} />
        <span>
          <strong className="match-score-value">{score}</strong>
          <span className="muted">/100</span>
        </span>
        {capped ? <span className="badge badge-red">{reasons.find((r) => r.factor === "plafond")?.text ?? CAP_LABEL[capped]}</span> : null}
      </p>
      <ReasonList reasons={top} />
      {rest.length ? (
        <details className="match-more">
          <summary>Toutes les raisons ({rest.length} de plus)</summary>
          <ReasonList reasons={rest} />
        </details>
      ) : null}
    </div>
  );
}

function ReasonList({ reasons }: { reasons: readonly MatchReasonView[] }) {
  return (
    <ul className="match-reasons">
      {reasons.map((r, i) => {
        const kind = r.weight > 0 ? "plus" : r.weight < 0 ? "minus" : "note";
        return (
          <li key={`${i}-${r.text}`} className={`match-reason match-${kind}`}>
            <span aria-hidden="true" className="match-sign">{kind === "plus" ? "+" : kind === "minus" ? "−" : "·"}</span>
            <span className="visually-hidden">{kind === "plus" ? "Atout : " : kind === "minus" ? "Réserve : " : "À noter : "}</span>
            {r.text}
            {r.weight !== 0 ? <span className="match-weight muted small"> ({r.weight > 0 ? "+" : "−"}{formatWeight(Math.abs(r.weight))} pt)</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function formatWeight(n: number): string {
  return String(Math.round(n * 10) / 10).replace(".", ",");
}
