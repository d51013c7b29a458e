/**
 * `npm test`: the lint first (`npm run lint`: the layering, hooks, floating promises; any error
 * stops the run, its output printed), Chromium (found, installed, or a clear message), then every
 * vitest project, then one plain closing line "vitest: N passed, N failed, N skipped" that any CI
 * can read. Extra arguments go to vitest (e.g. `npm test -- --project unit`); a run narrowed by
 * arguments skips the lint (`npm run lint` runs it alone).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const bin = (name: string) => path.resolve("node_modules", ".bin", name);

const args = process.argv.slice(2);

if (args.length === 0) {
  const lint = spawnSync(bin("eslint"), ["--config", ".ci/eslint.config.js", "--max-warnings", "0", "."], { stdio: "inherit" });
  if (lint.status !== 0) {
    console.error("\nlint: failed (see above); no test was run. `npm run lint` runs it alone.");
    process.exit(lint.status ?? 1);
  }
  console.log("lint: no problem");
}

const projects = args.flatMap((a, i) => (args[i - 1] === "--project" ? [a] : a.startsWith("--project=") ? [a.slice(10)] : []));
if (projects.length === 0 || projects.includes("e2e")) {
  const chromium = spawnSync(bin("tsx"), ["tests/helpers/ensure-chromium.ts"], { stdio: "inherit" });
  if (chromium.status !== 0) process.exit(chromium.status ?? 1);
}

const results = path.resolve("tests", ".tmp", `results-${process.pid}.json`);
fs.mkdirSync(path.dirname(results), { recursive: true });
const run = spawnSync(
  bin("vitest"),
  ["run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...args],
  { stdio: "inherit" },
);

type Report = {
  numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
  testResults: Array<{ name: string; startTime: number; endTime: number }>;
};
if (fs.existsSync(results)) {
  const report = JSON.parse(fs.readFileSync(results, "utf8")) as Report;
  fs.rmSync(results);
  // Where the time goes, so that a suite growing past its budget shows its heaviest files.
  const slowest = [...report.testResults].sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime)).slice(0, 10);
  if (slowest.length > 1) {
    console.log("\nslowest files:");
    for (const f of slowest) console.log(`  ${((f.endTime - f.startTime) / 1000).toFixed(0).padStart(5)} s  ${path.relative(process.cwd(), f.name)}`);
  }
  console.log(`\nvitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
}
process.exit(run.status ?? 1);
