/**
 * `npm run bench:search` (or `npx tsx search/bench.ts [--docs N] [--samples N] [--edits N]`):
 * the talent-pool search benchmark, self-contained.
 *
 * 1. A temporary SQLite database (migrated as in production) and an embedded Meilisearch on a
 *    free port, both under a temporary folder deleted at the end.
 * 2. N synthetic candidates the pool shows (100,000 by default; deterministic), plus one hidden
 *    profile per nine that must stay out, indexed through the production reindex (Prisma
 *    reads, the candidateDocument mapper, batches of 10,000): time and docs/s.
 * 3. The same queries three ways (search/bench/queries.ts): the portal's searchCandidates, the
 *    equivalent raw Meilisearch request, and SQL on the same rows; p50/p95 and the ratios.
 * 4. "Edit visible in search": profiles edited through the outbox while the worker runs, the
 *    portal's search polled until the change shows.
 * 5. Distance three ways, raw: as the portal asks it (the communes of the circle), with
 *    Meilisearch's geo search (after turning on a geo index), and without distance; then the
 *    edits again, with the geo index.
 * 6. « Profils suggérés » (search/bench/suggestions.ts): retrieval through the portal's search,
 *    profiles read from SQLite, the scorer; p95 against 300 ms. `--only suggestions` runs 1, 2
 *    and 6 alone.
 *
 * Prints a table and PASS/FAIL per target; exits 0 whatever the figures, 1 only on an error.
 */
import { poolSql } from "./bench/queries";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Meilisearch } from "meilisearch";
import Database from "better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client";
import { closeSearchClient, createSearchClient } from "./client";
import { measureEditLatency } from "./bench/edit-latency";
import { benchViewerKeys, createCommuneTable, generateCandidates } from "./bench/generate";
import { portalRunner, QUERIES, rawRunner, sqlRunner, type BenchQuery, type GeoMode, type RunResult, type Runner } from "./bench/queries";
import type { CandidateSearchViewer } from "./candidate-search";
import { count, ms, ratio, summarize, table, timed, type Summary } from "./bench/stats";
import { findFreePort, startMeilisearch, type MeiliProcess } from "./meili-process";
import { reindexAll } from "./reindex";
import { indexSettings } from "./settings";
import { measureSuggestions } from "./bench/suggestions";

const TARGETS = { portalOverRaw: 1.25, sqlOverPortal: 10, indexSeconds: 30, indexDocs: 100_000, editP95Ms: 2000, suggestionsP95Ms: 300 };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function options() {
  const { values } = parseArgs({
    options: {
      docs: { type: "string", default: "100000" },
      samples: { type: "string", default: "200" },
      edits: { type: "string", default: "20" },
      only: { type: "string" },
    },
  });
  if (values.only !== undefined && values.only !== "suggestions") throw new Error(`--only takes "suggestions" (got ${values.only})`);
  const positive = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer of at least ${min} (got ${value})`);
    return n;
  };
  return { docs: positive("docs", values.docs, 100), samples: positive("samples", values.samples, 5), edits: positive("edits", values.edits, 1), onlySuggestions: values.only === "suggestions" };
}

// Meilisearch counts exactly up to the index's pagination.maxTotalHits (1,000).
const totalLabel = (n: number) => (n >= 1000 ? `${count(n)}+` : count(n));

const say = (line = "") => process.stdout.write(`${line}\n`);

/**
 * Runs each query many times through each runner. Portal and raw alternate, in turn first (so
 * that drift and garbage collection hit them alike); SQL runs after them, on its own, because
 * its large row sets would leave the collector's work to whichever call came next.
 */
async function measureQueries(runners: Record<"portal" | "raw" | "sql", Runner>, samples: number) {
  const out: Array<{ query: BenchQuery; times: Record<string, number[]>; results: Record<string, RunResult> }> = [];
  // SQL is one to three orders slower: its samples stop at a time budget per query.
  const sqlBudgetMs = 8000;
  for (const query of QUERIES) {
    const times: Record<string, number[]> = { portal: [], raw: [], sql: [] };
    const results = {} as Record<string, RunResult>;
    for (const name of ["portal", "raw", "sql"] as const) results[name] = await runners[name](query);
    for (let i = 0; i < 5; i++) for (const name of ["portal", "raw"] as const) await runners[name](query);
    for (let i = 0; i < samples; i++) {
      for (const name of i % 2 === 0 ? (["portal", "raw"] as const) : (["raw", "portal"] as const)) {
        times[name].push((await timed(() => runners[name](query))).ms);
      }
    }
    let sqlSpent = 0;
    for (let i = 0; i < samples && (sqlSpent < sqlBudgetMs || times.sql.length < 5); i++) {
      const t = await timed(() => runners.sql(query));
      times.sql.push(t.ms);
      sqlSpent += t.ms;
    }
    out.push({ query, times, results });
    process.stderr.write(`  ${query.label} : fait\n`);
  }
  return out;
}

/**
 * Distance the portal's way (communes), Meilisearch's geo way, and not at all, raw, on the same
 * index: it turns `_geo` filterable and sortable first, as a geo index would have it (the
 * portal's index has none: search/settings.ts says why), so it runs last. Then the same edits
 * again, to show what the geo index costs each edit.
 */
async function measureGeoAlternatives(
  { client, db, viewer, samples, profileIds }: { client: Meilisearch; db: PrismaClient; viewer: CandidateSearchViewer; samples: number; profileIds: string[] },
) {
  const index = client.index("candidates");
  const settings = await index.getSettings();
  await waitFor(client, await index.updateSettings({
    filterableAttributes: [...(settings.filterableAttributes as string[]), "_geo"],
    sortableAttributes: [...(settings.sortableAttributes ?? []), "_geo"],
  }));
  const modes: GeoMode[] = ["communes", "geo", "none"];
  const runners = Object.fromEntries(modes.map((m) => [m, rawRunner(client, viewer, m)])) as Record<GeoMode, Runner>;
  const queries: Array<{ query: BenchQuery; times: Record<GeoMode, number[]>; results: Record<GeoMode, RunResult> }> = [];
  for (const query of QUERIES.filter((q) => q.around)) {
    const times = { communes: [], geo: [], none: [] } as Record<GeoMode, number[]>;
    const results = {} as Record<GeoMode, RunResult>;
    for (const m of modes) results[m] = await runners[m](query);
    for (let i = 0; i < 5; i++) for (const m of modes) await runners[m](query);
    for (let i = 0; i < samples; i++) {
      const order = i % 2 === 0 ? modes : [...modes].reverse();
      for (const m of order) times[m].push((await timed(() => runners[m](query))).ms);
    }
    queries.push({ query, times, results });
  }
  const edits = await measureEditLatency({ db, client, viewer, profileIds });
  return { queries, edits };
}

async function waitFor(client: Meilisearch, task: { taskUid: number }) {
  const done = await client.tasks.waitForTask(task.taskUid, { timeout: 600_000, interval: 50 });
  if (done.status !== "succeeded") throw new Error(`Meilisearch task ${task.taskUid} ${done.status}: ${JSON.stringify(done.error)}`);
}

async function main(): Promise<void> {
  const opts = options();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-bench-"));
  const dbFile = path.join(tmp, "bench.db");
  const url = `file:${dbFile}`;
  let meili: MeiliProcess | undefined;
  let sqlite: Database.Database | undefined;
  let db: PrismaClient | undefined;
  let client: ReturnType<typeof createSearchClient> | undefined;
  const cleanup = async () => {
    if (client) await closeSearchClient(client).catch(() => {});
    await db?.$disconnect().catch(() => {});
    sqlite?.close();
    await meili?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const started = Date.now();
    say(`Banc d’essai de la recherche du vivier — ${count(opts.docs)} profils dans l’index, ${os.cpus().length} cœurs, Node ${process.version}`);
    say(`Dossier temporaire : ${tmp}`);

    // 1. Database and search server of our own.
    const migrate = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
    sqlite = new Database(dbFile);
    sqlite.pragma("journal_mode = WAL");
    meili = await startMeilisearch({ dataDir: path.join(tmp, "meili"), port: await findFreePort(), masterKey: randomBytes(24).toString("base64url") });
    client = createSearchClient({ url: meili.url, masterKey: meili.masterKey });
    db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
    const viewer = benchViewerKeys();

    // 2. Data and indexing.
    const generated = await timed(() => {
      const counts = generateCandidates(sqlite!, opts.docs);
      createCommuneTable(sqlite!);
      sqlite!.exec("ANALYZE");
      return counts;
    });
    const g = generated.value;
    say(`${count(g.rows)} profils écrits dans SQLite en ${ms(generated.ms)} : ${count(g.anonymous)} anonymes, ${count(g.visible)} visibles, ${count(g.hidden)} masqués (hors index), ${count(g.hiddenFrom)} organisations écartées.`);

    let lastShown = 0;
    const indexing = await timed(() =>
      reindexAll({
        db: db!,
        client: client!,
        indexes: ["candidates"],
        batchSize: 10_000,
        onProgress: ({ done, total }) => {
          if (done - lastShown >= 10_000 || done === total) {
            lastShown = done;
            process.stderr.write(`  indexation : ${count(done)} / ${count(total)} lignes lues\n`);
          }
        },
      }),
    );
    const documents = indexing.value.candidates?.documents ?? 0;
    const stats = await client.index("candidates").getStats();
    if (stats.numberOfDocuments !== documents) throw new Error(`The index holds ${stats.numberOfDocuments} documents, ${documents} were sent`);
    const docsPerSecond = documents / (indexing.ms / 1000);
    say(`Indexés : ${count(documents)} documents en ${ms(indexing.ms)} (${count(Math.round(docsPerSecond))} docs/s), lot de 10 000, par la réindexation de production.`);

    // 6 first when asked alone: the suggestions need only the data and the index.
    const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
    const reportSuggestions = async () => {
      say("« Profils suggérés »…");
      const s = await measureSuggestions({ db: db!, client: client!, viewer, samples: opts.samples, root });
      const sum = summarize(s.times);
      say();
      say(`« Profils suggérés » (recherche du vivier pour retrouver jusqu’à 300 profils, lecture SQLite, notation ; ${sum.n} mesures, les cinq postes du jeu étiqueté à tour de rôle)`);
      say(table(["poste", "profils examinés", "suggérés", "meilleur score"], s.perPosition.map((p) => [p.title, count(p.examined), count(p.suggested), p.top === null ? "—" : String(p.top)])));
      say(`p50 ${ms(sum.p50)}, p95 ${ms(sum.p95)}, max ${ms(Math.max(...s.times))} ; dont recherche p50 ${ms(summarize(s.parts.retrieve).p50)}, lecture SQLite p50 ${ms(summarize(s.parts.read).p50)}, notation p50 ${ms(summarize(s.parts.score).p50)} (charge de la machine : ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} sur 1 / 5 / 15 min)`);
      return [`« Profils suggérés » p95 < ${TARGETS.suggestionsP95Ms} ms (${count(opts.docs)} profils)`, ms(sum.p95), verdict(sum.p95 < TARGETS.suggestionsP95Ms)];
    };
    if (opts.onlySuggestions) {
      const row = await reportSuggestions();
      say();
      say(table(["objectif", "mesuré", "résultat"], [row]));
      say();
      say(`Durée totale : ${ms(Date.now() - started)}.`);
      return;
    }

    // 3. Queries.
    say("Requêtes…");
    const measured = await measureQueries(
      { portal: portalRunner(client, viewer), raw: rawRunner(client, viewer), sql: sqlRunner(sqlite, viewer) },
      opts.samples,
    );

    // 4. Edits.
    say("Modifications visibles dans la recherche…");
    const editable = sqlite
      .prepare(
        `SELECT id FROM CandidateProfile WHERE ${poolSql("visibility")}
         AND id NOT IN (SELECT profileId FROM HiddenOrganization) ORDER BY id LIMIT ?`,
      )
      .all(opts.edits * 37)
      .map((r) => (r as { id: string }).id)
      .filter((_, i) => i % 37 === 0);
    const editRun = await measureEditLatency({ db, client, viewer, profileIds: editable });
    const edits = summarize(editRun.visibleMs);
    const editBatches = summarize(editRun.batchMs);

    // 5. Distance, three ways, and edits with a geo index.
    say("Distance : trois façons de la demander à Meilisearch, et les modifications avec un index géographique…");
    const geo = await measureGeoAlternatives({ client, db, viewer, samples: opts.samples, profileIds: editable.slice().reverse() });

    // Report.
    say();
    say(`Requêtes (${opts.samples} mesures par requête pour le portail et Meilisearch brut ; SQL s’arrête après 8 s par requête, au moins 5 mesures)`);
    const rows: string[][] = [];
    let worstPortalOverRaw = 0;
    let worstSqlOverPortal = Number.POSITIVE_INFINITY;
    let worstPortalQuery = "";
    let worstSqlQuery = "";
    const all = { portal: [] as number[], raw: [] as number[], sql: [] as number[] };
    for (const m of measured) {
      const s: Record<string, Summary> = { portal: summarize(m.times.portal), raw: summarize(m.times.raw), sql: summarize(m.times.sql) };
      for (const k of ["portal", "raw", "sql"] as const) all[k].push(...m.times[k]);
      const pr = s.portal.p95 / s.raw.p95;
      const sp = s.sql.p95 / s.portal.p95;
      if (pr > worstPortalOverRaw) [worstPortalOverRaw, worstPortalQuery] = [pr, m.query.key];
      if (sp < worstSqlOverPortal) [worstSqlOverPortal, worstSqlQuery] = [sp, m.query.key];
      const same = m.results.portal.total === m.results.raw.total && m.results.portal.ids.join() === m.results.raw.ids.join();
      rows.push([
        m.query.label,
        `${ms(s.portal.p50)} / ${ms(s.portal.p95)}`,
        `${ms(s.raw.p50)} / ${ms(s.raw.p95)}`,
        `${ms(s.sql.p50)} / ${ms(s.sql.p95)}`,
        ratio(pr),
        ratio(sp),
        `${totalLabel(m.results.portal.total)}${same ? "" : ` ≠ ${totalLabel(m.results.raw.total)}`}`,
        count(m.results.sql.total),
      ]);
    }
    const pooled = { portal: summarize(all.portal), raw: summarize(all.raw), sql: summarize(all.sql) };
    rows.push([
      "toutes ensemble",
      `${ms(pooled.portal.p50)} / ${ms(pooled.portal.p95)}`,
      `${ms(pooled.raw.p50)} / ${ms(pooled.raw.p95)}`,
      `${ms(pooled.sql.p50)} / ${ms(pooled.sql.p95)}`,
      ratio(pooled.portal.p95 / pooled.raw.p95),
      ratio(pooled.sql.p95 / pooled.portal.p95),
      "",
      "",
    ]);
    say(table(["requête", "portail p50 / p95", "Meilisearch brut p50 / p95", "SQL p50 / p95", "portail/brut p95", "SQL/portail p95", "résultats", "résultats SQL"], rows));
    const mismatches = measured.filter((m) => m.results.portal.total !== m.results.raw.total);
    if (mismatches.length) say(`⚠ Le portail et la requête brute ne trouvent pas la même chose pour : ${mismatches.map((m) => m.query.label).join(", ")}`);
    say("SQL ne connaît ni synonymes, ni fautes de frappe, ni pluriels : ses résultats textuels diffèrent ; filtres, distance et facettes comptent pareil.");

    say();
    say(`Modification visible dans la recherche (${edits.n} modifications, le worker du portail toutes les 250 ms) : p50 ${ms(edits.p50)}, p95 ${ms(edits.p95)}, max ${ms(Math.max(...editRun.visibleMs))}`);
    say(`  dont traitement par Meilisearch, par lot : p50 ${ms(editBatches.p50)}, p95 ${ms(editBatches.p95)}`);

    say();
    say("Distance, Meilisearch brut (p50 / p95) : comme le portail (liste des communes du cercle, tri par distance en deux requêtes), avec la recherche géographique de Meilisearch (_geoRadius, tri _geoPoint), et sans distance du tout");
    say(table(
      ["requête", "communes (portail)", "géo Meilisearch", "sans distance", "SQL p95", "SQL / communes", "SQL / géo", "SQL / sans distance"],
      geo.queries.map((g) => {
        const s = { communes: summarize(g.times.communes), geo: summarize(g.times.geo), none: summarize(g.times.none) };
        const sqlP95 = summarize(measured.find((m) => m.query.key === g.query.key)!.times.sql).p95;
        const same = g.results.geo.total === g.results.communes.total && g.results.geo.ids.join() === g.results.communes.ids.join();
        return [
          g.query.label,
          `${ms(s.communes.p50)} / ${ms(s.communes.p95)}`,
          `${ms(s.geo.p50)} / ${ms(s.geo.p95)}${same ? "" : " (≠)"}`,
          `${ms(s.none.p50)} / ${ms(s.none.p95)}`,
          ms(sqlP95),
          ratio(sqlP95 / s.communes.p95),
          ratio(sqlP95 / s.geo.p95),
          ratio(sqlP95 / s.none.p95),
        ];
      }),
    ));
    const geoEdits = summarize(geo.edits.visibleMs);
    const geoBatches = summarize(geo.edits.batchMs);
    const geoTree = summarize(geo.edits.geoMs);
    say(`Avec l’index géographique, les mêmes modifications : visibles p50 ${ms(geoEdits.p50)}, p95 ${ms(geoEdits.p95)} ; traitement par lot p50 ${ms(geoBatches.p50)}, dont réécriture de l’arbre géographique (R-tree) p50 ${ms(geoTree.p50)}.`);
    say("(≠ : la recherche géographique de Meilisearch ne rend pas la même page ; avec du texte, elle trie d’abord par pertinence, puis par distance.)");
    say();

    // 6. Suggestions, on the index as the portal has it (without the geo index turned on in 5).
    await waitFor(client, await client.index("candidates").updateSettings({ filterableAttributes: indexSettings.candidates.filterableAttributes, sortableAttributes: indexSettings.candidates.sortableAttributes }));
    const suggestionsRow = await reportSuggestions();
    say();
    say(table(
      ["objectif", "mesuré", "résultat"],
      [
        [`portail p95 ≤ ${TARGETS.portalOverRaw}× Meilisearch brut (pire requête)`, `${ratio(worstPortalOverRaw)} (${worstPortalQuery})`, verdict(worstPortalOverRaw <= TARGETS.portalOverRaw)],
        [`portail ≥ ${TARGETS.sqlOverPortal}× plus rapide que SQL (p95, pire requête)`, `${ratio(worstSqlOverPortal)} (${worstSqlQuery})`, verdict(worstSqlOverPortal >= TARGETS.sqlOverPortal)],
        opts.docs === TARGETS.indexDocs
          ? [`${count(TARGETS.indexDocs)} profils indexés en < ${TARGETS.indexSeconds} s`, ms(indexing.ms), verdict(indexing.ms < TARGETS.indexSeconds * 1000)]
          : [`${count(TARGETS.indexDocs)} profils indexés en < ${TARGETS.indexSeconds} s`, `${ms(indexing.ms)} pour ${count(opts.docs)}`, "— (à 100 000)"],
        [`modification visible < ${TARGETS.editP95Ms / 1000} s (p95)`, ms(edits.p95), verdict(edits.p95 < TARGETS.editP95Ms)],
        suggestionsRow,
      ],
    ));
    say();
    say(`Durée totale : ${ms(Date.now() - started)}.`);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
