import { Link } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { DECISION_LABEL, type Decision } from "~/schemas/presentation";

/**
 * For the shortlist entry's page (/cabinet/missions/:id/candidats/:entryId): where the
 * presentation to the collectivité stands, and the way to it. Its data is
 * entryPresentationState(user, entryId) of app/domain/presentations.server.ts.
 */
export type EntryPresentationState = {
  href: string;
  stage: string;
  consent: "none" | "pending" | "granted" | "refused" | "withdrawn";
  presentedAt: string | null;
  decision: string | null;
};

const CONSENT_LABEL: Record<EntryPresentationState["consent"], string> = {
  none: "accord de présentation pas encore demandé",
  pending: "accord de présentation demandé, en attente",
  granted: "accord de présentation donné",
  refused: "accord de présentation refusé",
  withdrawn: "accord de présentation retiré",
};

export function EntryPresentationCard({ state }: { state: EntryPresentationState | null }) {
  if (!state || (state.stage !== "EVALUATED" && !state.presentedAt)) return null;
  return (
    <section aria-labelledby="presentation-client" className="card">
      <h2 id="presentation-client">Présentation à la collectivité</h2>
      <p>
        {state.presentedAt ? `Présenté le ${formatDate(state.presentedAt)}` : "Pas encore présenté"} — {CONSENT_LABEL[state.consent]}
        {state.decision ? ` — décision : ${DECISION_LABEL[state.decision as Decision]}` : ""}.
      </p>
      <p><Link to={state.href}>{state.presentedAt ? "Voir la présentation" : "Préparer la présentation"}</Link></p>
    </section>
  );
}
