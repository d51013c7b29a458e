import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { MatchReasons } from "~/components/matching/MatchReasons";
import { CsrfField } from "~/components/ui/CsrfField";
import type { MissionPage, MissionPageRow } from "~/domain/missions-page.server";
import { shortlistQueryString, type ShortlistQuery } from "~/schemas/mission";
import { SOURCE_LABEL, STAGE_LABEL, type Stage } from "~/schemas/shortlist";
import { candidates, SIGHT_BADGE, sinceDays } from "./labels";

/**
 * The shortlist as a board, one column per stage. Each card's moves are the allowed ones only
 * (manualMoves), each a button of a plain POST form: it works without JavaScript and from the
 * keyboard (Tab to the button, Enter). An exit goes through a page that asks why. After a move
 * the page comes back with the card focused in its new column (?deplace=…).
 */

const EXIT: readonly Stage[] = ["NOT_RETAINED", "WITHDREW"];

function Card({ missionId, card, retour, open }: { missionId: string; card: MissionPageRow; retour: string; open: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("entryId") === card.id;
  const badge = SIGHT_BADGE[card.sight];
  const forward = card.moves.filter((s) => !EXIT.includes(s));
  const exits = card.moves.filter((s) => EXIT.includes(s));
  return (
    <article className="board-card" id={`carte-${card.id}`} tabIndex={-1} aria-labelledby={`carte-${card.id}-nom`}>
      <h4 id={`carte-${card.id}-nom`}>
        {card.sight === "withdrawn" ? card.label : <Link to={`/cabinet/missions/${missionId}/candidats/${card.id}`}>{card.label}</Link>}
        {badge ? <> <span className="badge badge-grey">{badge}</span></> : null}
      </h4>
      {card.function ? <p className="small">{[card.function, card.grade].filter(Boolean).join(" — ")}</p> : null}
      {card.externalCv ? <p className="small"><a href={`/cabinet/missions/${missionId}/cv/${card.id}`} download>CV (PDF)<span className="visually-hidden"> de {card.label}</span></a></p> : null}
      <p className="small muted">
        {[card.source ? SOURCE_LABEL[card.source] : null, card.distance ? card.distance.label : null, card.days !== null ? `dans l’étape depuis ${sinceDays(card.days)}` : null].filter(Boolean).join(" · ")}
      </p>
      {/* The matching's score and strongest reasons, beside the consultant's evaluation. */}
      {card.match ? <MatchReasons score={card.match.score} capped={card.match.capped} reasons={card.match.reasons} shown={2} label={`Adéquation de ${card.label} au poste`} /> : null}
      {card.score !== null ? <p className="small">Note moyenne : {card.score}/100</p> : null}
      {open && card.moves.length ? (
        <div className="board-moves">
          {forward.map((to) => (
            <Form method="post" key={to} className="inline-form" preventScrollReset>
              <CsrfField />
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="entryId" value={card.id} />
              <input type="hidden" name="to" value={to} />
              <input type="hidden" name="retour" value={retour} />
              <button type="submit" className="button-secondary" disabled={busy}>
                → {STAGE_LABEL[to]}<span className="visually-hidden"> : passer {card.label} à l’étape « {STAGE_LABEL[to]} »</span>
              </button>
            </Form>
          ))}
          {card.stage === "IDENTIFIED" && (card.sight === "identity" || card.sight === "pseudonym") ? (
            <Link className="button-link small" to={`/cabinet/missions/${missionId}/approche?ids=${card.id}`}>
              Approcher…<span className="visually-hidden"> {card.label} avec un message</span>
            </Link>
          ) : null}
          {card.sight === "external" ? (
            <Form method="post" className="inline-form" preventScrollReset>
              <CsrfField />
              <input type="hidden" name="intent" value="reinvite" />
              <input type="hidden" name="entryId" value={card.id} />
              <input type="hidden" name="retour" value={retour} />
              <button type="submit" className="button-link small">Renvoyer l’invitation<span className="visually-hidden"> à {card.label}</span></button>
            </Form>
          ) : null}
          {exits.map((to) => (
            <Link key={to} className="button-link small" to={`/cabinet/missions/${missionId}/sortie?vers=${to}&ids=${card.id}`}>
              {STAGE_LABEL[to]}…<span className="visually-hidden"> ({card.label})</span>
            </Link>
          ))}
        </div>
      ) : null}
    </article>
  );
}

export function ShortlistBoard({ page, query }: { page: MissionPage; query: ShortlistQuery }) {
  const [params] = useSearchParams();
  const moved = params.get("deplace");
  // The moved card, in its new column, takes the focus the pressed button had.
  useEffect(() => {
    if (moved) document.getElementById(`carte-${moved}`)?.focus();
  }, [moved]);
  const missionId = page.mission.id;
  const retour = shortlistQueryString(query);
  const open = page.mission.status === "ACTIVE";
  return (
    <div className="board">
      {page.board!.map((column) => (
        <section key={column.stage} className="board-column" aria-labelledby={`colonne-${column.stage}`}>
          <h3 id={`colonne-${column.stage}`}>
            {STAGE_LABEL[column.stage]} <span className="badge badge-grey">{column.count}</span>
          </h3>
          {column.cards.length === 0 ? <p className="small muted">Aucun candidat.</p> : (
            <ul className="board-cards">
              {column.cards.map((card) => <li key={card.id}><Card missionId={missionId} card={card} retour={retour} open={open} /></li>)}
            </ul>
          )}
          {column.more > 0 ? (
            <p className="small">
              <Link to={`?${shortlistQueryString(query, { view: "liste", stage: column.stage, page: 1 })}`}>Voir les {candidates(column.more)} de plus dans la liste</Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
