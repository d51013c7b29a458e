import { formatDayTime } from "~/components/candidates/format";
import { STAGE_LABEL, type Stage } from "~/schemas/shortlist";

export type TimelineEvent = { id: string; from: Stage | null; to: Stage; reason: string; at: string; by: string };

/** The entry's story, oldest first: who moved it, when, from which stage to which, and why. */
export function EntryTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="muted">Aucun mouvement pour le moment.</p>;
  return (
    <ol className="history">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{STAGE_LABEL[e.to]}</strong>
          {e.from ? <> (depuis « {STAGE_LABEL[e.from]} »)</> : <> (entrée sur la liste)</>}, le {formatDayTime(e.at)}, par {e.by}
          {e.reason ? <> — {e.reason}</> : null}
        </li>
      ))}
    </ol>
  );
}
