import { STAGE_LABEL, type Stage } from "~/schemas/shortlist";
import { STAGE_TONE } from "./labels";

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`badge ${STAGE_TONE[stage]}`}>{STAGE_LABEL[stage]}</span>;
}
