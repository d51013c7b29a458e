import { assertConsultant } from "~/access/guards.server";
import type { MoveInput, Stage } from "~/schemas/shortlist";
import { manualMoves } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { moveEntry, readEntries, shortlistScope } from "./shortlists.server";

/**
 * Moves from the mission's pages, one entry (a board's button) or many (the list's bulk form, the
 * exit page): only entries listed on this mission, each by moveEntry and its one table of allowed
 * moves; what one entry refuses does not stop the others, and is said by name.
 */

export type MovesResult =
  | { ok: true; moved: string[]; refused: Array<{ label: string; error: string }> }
  | { ok: false; status: 404; error: string };

export async function moveEntries(user: SessionUser, missionId: string, ids: readonly string[], input: MoveInput): Promise<MovesResult> {
  assertConsultant(user);
  const scope = await shortlistScope(user, missionId);
  if (!scope) return { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." };
  const entries = await readEntries(db, user, scope, { id: { in: [...ids] } });
  if (entries.length === 0) return { ok: false, status: 404, error: "Ces candidats ne sont pas (ou plus) sur la liste de cette mission." };
  const moved: string[] = [];
  const refused: Array<{ label: string; error: string }> = [];
  for (const e of entries) {
    const r = await moveEntry(user, e.id, input);
    if (r.ok) moved.push(e.label);
    else refused.push({ label: e.label, error: r.error });
  }
  return { ok: true, moved, refused };
}

/** The exit page's entries: who is concerned, and whether each may leave that way from where they are. */
export async function exitCandidates(user: SessionUser, missionId: string, ids: readonly string[], to: Stage) {
  assertConsultant(user);
  const scope = await shortlistScope(user, missionId);
  if (!scope) return null;
  const entries = ids.length ? await readEntries(db, user, scope, { id: { in: [...ids] } }) : [];
  return {
    mission: { id: scope.mission.id, title: scope.mission.position.title, open: scope.mission.status === "ACTIVE" },
    entries: entries.map((e) => ({ id: e.id, label: e.label, stage: e.stage, allowed: manualMoves(e.stage).includes(to) })),
  };
}
