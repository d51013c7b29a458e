import { stringify } from "csv-stringify/sync";
import { assertConsultant } from "~/access/guards.server";
import { SHORTLIST_COLUMN_LABEL, type ShortlistColumn, type ShortlistQuery } from "~/schemas/mission";
import { SOURCE_LABEL, STAGE_LABEL } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { auditActor, recordAudit, type AuditInput } from "./audit.server";
import { filterRows, missionRow, sortRows, type MissionRow } from "./missions-page.server";
import { readEntries, shortlistScope } from "./shortlists.server";
import { getCommune } from "~/reference/territory.server";

/**
 * The shortlist as CSV: exactly the list the consultant sees — the same rows (the checked ones,
 * or every row the filters keep, all pages), the same order, the same columns, each cell as the
 * gate shows it — and, in the same transaction as the read, one journal line per candidate whose
 * identity leaves Vivier in the file.
 */

function cell(row: MissionRow, column: ShortlistColumn): string | number {
  switch (column) {
    case "label": return row.label;
    case "function": return [row.function, row.grade].filter(Boolean).join(" — ");
    case "distance": return row.distance?.label ?? "";
    case "source": return row.source ? SOURCE_LABEL[row.source] : "";
    case "stage": return [STAGE_LABEL[row.stage], row.exitReason].filter(Boolean).join(" — ");
    case "days": return row.days ?? "";
    case "score": return row.score ?? "";
    case "contact": return row.email ?? "";
  }
}

/** A spreadsheet reads a cell starting with = + - @ as a formula: such text is quoted as text. */
function safe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function shortlistCsv(rows: readonly MissionRow[], columns: readonly ShortlistColumn[]): string {
  return stringify([columns.map((c) => SHORTLIST_COLUMN_LABEL[c]), ...rows.map((r) => columns.map((c) => cell(r, c)))], {
    bom: true,
    delimiter: ";",
    record_delimiter: "\r\n",
    cast: { string: safe, number: (n) => String(n) },
  });
}

/** The export, or null when the mission is not the consultant's (the route answers 404). */
export async function exportShortlist(user: SessionUser, missionId: string, query: ShortlistQuery, ids: readonly string[], clientAddress: string | undefined, now = Date.now()) {
  assertConsultant(user);
  const scope = await shortlistScope(user, missionId);
  if (!scope) return null;
  const position = await db.position.findUniqueOrThrow({ where: { id: scope.mission.positionId }, select: { title: true, communeCode: true } });
  const workplace = getCommune(position.communeCode);
  const actor = auditActor(user, clientAddress);
  const rows = await db.$transaction(async (tx) => {
    const entries = await readEntries(tx, user, scope, ids.length ? { id: { in: [...ids] } } : {});
    const all = entries.map((e) => missionRow(e, workplace, now));
    const shown = sortRows(ids.length ? all : filterRows(all, query), query.sort, query.desc);
    const revealed = new Set(shown.filter((r) => r.sight === "identity" && r.profileId).map((r) => r.profileId!));
    const events: AuditInput[] = [...revealed].map((profileId) => ({
      ...actor, action: "EXPORT", profileId, missionId: scope.mission.id, detail: position.title,
    }));
    await recordAudit(tx, events);
    return shown;
  });
  const day = new Date(now).toISOString().slice(0, 10);
  const slug = position.title.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60);
  return { csv: shortlistCsv(rows, query.columns), fileName: `liste-restreinte-${slug || "mission"}-${day}.csv`, count: rows.length };
}
