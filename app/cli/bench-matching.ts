import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { evaluateFixture } from "~/domain/matching-quality.server";

/**
 * `npm run bench:matching [-- --fixture file.json]`: the scorer's quality on hand-labelled pairs
 * (tests/fixtures/matching/pairs.json by default): NDCG@10 per position and their mean, and the
 * pairwise ordering accuracy over pairs of different grades, with PASS/FAIL against the targets
 * (tests/unit/matching-quality.test.ts requires them). Exits 0 whatever the figures.
 */

export const TARGETS = { meanNdcg10: 0.9, pairwise: 0.9 };

const { values } = parseArgs({ options: { fixture: { type: "string", default: path.join("tests", "fixtures", "matching", "pairs.json") }, verbose: { type: "boolean", default: false } } });
const report = evaluateFixture(JSON.parse(fs.readFileSync(values.fixture!, "utf8")));
const pct = (x: number) => x.toFixed(3);
const say = (line = "") => process.stdout.write(`${line}\n`);
say(`Qualité du rapprochement — ${report.labels} paires étiquetées, ${report.positions.length} postes (${values.fixture})`);
say();
for (const p of report.positions) {
  say(`${p.id.padEnd(34)} NDCG@10 ${pct(p.ndcg10)}   paires ${pct(p.pairwise)} (${p.pairs})   ${p.title}`);
  if (values.verbose) say(`    ${p.ranked.map((r) => `${r.id}:${r.score}/g${r.grade}`).join("  ")}`);
}
say();
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
say(`NDCG@10 moyen           ${pct(report.meanNdcg10)}   objectif ≥ ${TARGETS.meanNdcg10}   ${verdict(report.meanNdcg10 >= TARGETS.meanNdcg10)}`);
say(`Ordre des paires        ${pct(report.pairwise)}   objectif ≥ ${TARGETS.pairwise}   ${verdict(report.pairwise >= TARGETS.pairwise)}   (${report.pairs} paires de notes différentes)`);
