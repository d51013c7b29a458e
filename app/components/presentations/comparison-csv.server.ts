import { stringify } from "csv-stringify/sync";
import type { Comparison } from "~/domain/committee.server";

/**
 * The comparison as CSV (csv-stringify): one line per criterion, a column per finalist and per
 * source (the cabinet's average, each member's score), then the weighted totals. Semicolons and a
 * BOM, as French spreadsheets expect.
 */
export function comparisonCsv(c: Comparison): string {
  const header = ["Critère", "Poids"];
  for (const col of c.columns) {
    header.push(`${col.name} — cabinet (moyenne)`);
    for (const m of col.members) header.push(`${col.name} — ${m.name}`);
  }
  const lines: string[][] = [header];
  for (const criterion of c.criteria) {
    const line = [criterion.label, String(criterion.weight)];
    for (const col of c.columns) {
      const avg = col.cabinetCriteria.find((x) => x.criterionId === criterion.id)?.average;
      line.push(avg == null ? "" : avg.toLocaleString("fr-FR"));
      for (const m of col.members) line.push(String(m.scores.find((s) => s.criterionId === criterion.id)?.score ?? ""));
    }
    lines.push(line);
  }
  const totals = ["Total pondéré / 100", ""];
  for (const col of c.columns) {
    totals.push(col.cabinetScore == null ? "" : String(col.cabinetScore));
    for (const m of col.members) totals.push(String(m.total));
  }
  lines.push(totals);
  return "\uFEFF" + stringify(lines, { delimiter: ";" });
}
