import { STATE_LABEL, type PositionState } from "~/schemas/position";

const TONE: Record<PositionState, string> = {
  DRAFT: "badge-grey",
  PUBLISHED: "badge-green",
  FILLED: "",
  CLOSED: "badge-red",
};

/** The state of a position; a confidential search in progress says so instead of "Publié". */
export function StateBadge({ state, confidential }: { state: PositionState; confidential: boolean }) {
  const label = state === "PUBLISHED" && confidential ? "Recherche confidentielle en cours" : STATE_LABEL[state];
  return (
    <span className={`badge ${TONE[state]}`}>
      {label}
    </span>
  );
}

export function ConfidentialBadge() {
  return <span className="badge badge-confidential">Confidentiel</span>;
}
