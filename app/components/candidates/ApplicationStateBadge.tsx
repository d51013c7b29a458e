import { applicationStateLabel } from "~/schemas/application";

const TONE: Record<string, string> = {
  SENT: "",
  REVIEWING: "",
  INTERVIEW: "badge-green",
  INTERVIEW_PROPOSED: "badge-green",
  INTERVIEW_BOOKED: "badge-green",
  ACCEPTED: "badge-green",
  REJECTED: "badge-red",
  WITHDRAWN: "badge-grey",
};

/** An application's state in plain French. */
export function ApplicationStateBadge({ state }: { state: string }) {
  return <span className={`badge ${TONE[state] ?? ""}`}>{applicationStateLabel(state)}</span>;
}
