/**
 * A separate process for the fault tests (tests/integration/faults-*.test.ts), started with
 * tests/helpers/processes.ts's startChild. It inherits the test's environment (DATABASE_URL,
 * MEILI_URL…) and prints one line when it is ready:
 *
 * - `outbox`: the portal's outbox worker, as app/cli/start.ts runs it (every 250 ms). The test
 *   kills it with SIGKILL, as a crash or an out-of-memory kill would.
 * - `lock MS`: takes SQLite's write lock (BEGIN IMMEDIATE) for MS milliseconds, then releases it.
 * - `writer PROFILE_IDS N TAG`: N edits of each profile through the portal's database client
 *   (the change and its outbox row in one transaction, as the domain writes them), then prints
 *   a JSON summary.
 * - `instance`: one portal instance's shared work, as app/cli/start.ts runs it — the outbox
 *   worker under its lease (printing `sent ROW_IDS` for the rows it delivered) — and commands
 *   read from standard input, one a line: `jobs CHECK_MS` starts the periodic jobs under their
 *   leases (printing `tried JOB yes|no`; their clock is set in 1970, so that they find nothing of
 *   the other tests' data to send or purge), `edit PROFILE_IDS N TAG` edits as `writer` does (printing
 *   `edited COUNT ROW_IDS`, the outbox rows it wrote),
 *   `login EMAIL ADDRESS PASSWORD` signs in through the domain (printing `login STATUS`), `stop`
 *   stops it all as a SIGTERM would.
 * - `web N`: N web processes on PORT as app/cli/start.ts starts them with WEB_CONCURRENCY = N
 *   (app/cli/web-processes.ts), printing `listening PID` for each that listens (a replacement
 *   too), then `web-ready`; on SIGTERM stops them, prints `web-stopped` and exits.
 */
import { createInterface } from "node:readline";
import Database from "better-sqlite3";

const [mode, ...args] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === "web") {
  const cluster = (await import("node:cluster")).default;
  const { startWebProcesses } = await import("~/cli/web-processes");
  cluster.on("listening", (worker) => say(`listening ${worker.process.pid}`));
  const web = await startWebProcesses(Number(args[0]), { log: { warn: (m: string) => say(`warn ${m}`), error: (m: string) => say(`error ${m}`) } });
  say("web-ready");
  process.once("SIGTERM", () =>
    void web.stop().then(() => {
      say("web-stopped");
      process.exit(0);
    }),
  );
} else if (mode === "outbox") {
  const { db } = await import("~/utils/db.server");
  const { createSearchClient } = await import("../../search/client");
  const { startOutboxWorker } = await import("../../search/outbox");
  const client = createSearchClient({ url: process.env.MEILI_URL!, masterKey: process.env.MEILI_MASTER_KEY! });
  await db.searchOutbox.count();
  const worker = startOutboxWorker({ db, client, log: { warn: (m: string) => say(`warn ${m}`), info: (m: string) => say(`info ${m}`) } });
  say("worker-ready");
  setInterval(() => {}, 60_000);
  // Stopped as the portal stops (app/cli/start.ts): the outbox's lease is given back.
  process.once("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
} else if (mode === "lock") {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  const sqlite = new Database(file, { timeout: 10_000 });
  sqlite.exec("BEGIN IMMEDIATE");
  say("locked");
  setTimeout(() => {
    sqlite.exec("ROLLBACK");
    sqlite.close();
    say("released");
    process.exit(0);
  }, Number(args[0]));
} else if (mode === "writer") {
  const { db } = await import("~/utils/db.server");
  const { enqueue } = await import("../../search/outbox");
  const ids = args[0]!.split(",");
  const n = Number(args[1]);
  const tag = args[2]!;
  // Prisma's promises hold no handle of their own: keep the process alive until the end.
  const alive = setInterval(() => {}, 60_000);
  say("writer-ready");
  const summary = { ok: 0, failed: 0, errors: [] as string[] };
  for (let i = 1; i <= n; i++) {
    for (const id of ids) {
      try {
        await db.$transaction(async (tx) => {
          // Read, then write: the shape that fails at once under a deferred BEGIN.
          const p = await tx.candidateProfile.findUniqueOrThrow({ where: { id }, select: { yearsExperience: true } });
          await tx.candidateProfile.update({ where: { id }, data: { currentFunction: `${tag} ${i}`, yearsExperience: (p.yearsExperience ?? 0) + 1 } });
          await enqueue(tx, "candidates", id);
        });
        summary.ok++;
      } catch (error) {
        summary.failed++;
        summary.errors.push(error instanceof Response ? `${error.status} ${await error.text()}` : String(error).slice(0, 300));
      }
    }
  }
  say(`result ${JSON.stringify(summary)}`);
  clearInterval(alive);
  await db.$disconnect();
  process.exit(0);
} else if (mode === "instance") {
  const { db } = await import("~/utils/db.server");
  const { createSearchClient } = await import("../../search/client");
  const { enqueue, startOutboxWorker } = await import("../../search/outbox");
  const { startDailyJobs } = await import("~/cli/jobs");
  const { login } = await import("~/domain/accounts.server");
  const client = createSearchClient({ url: process.env.MEILI_URL!, masterKey: process.env.MEILI_MASTER_KEY! });
  await db.searchOutbox.count();
  const worker = startOutboxWorker({
    db,
    client,
    intervalMs: 100,
    log: { warn: (m: string) => say(`warn ${m}`), info: () => {} },
    onSent: (ids) => say(`sent ${ids.join(",")}`),
  });
  let jobs: ReturnType<typeof startDailyJobs> | undefined;
  const alive = setInterval(() => {}, 60_000);
  const stop = async () => {
    await worker.stop();
    await jobs?.stop();
    clearInterval(alive);
    say("stopped");
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  const commands = createInterface({ input: process.stdin });
  commands.on("line", (line) => {
    const [command, ...words] = line.trim().split(" ");
    void (async () => {
      if (command === "jobs") {
        jobs = startDailyJobs({ checkMs: Number(words[0]), log: () => {}, now: () => new Date(0), onTry: (job, ran) => say(`tried ${job} ${ran ? "yes" : "no"}`) });
        say("jobs-started");
      } else if (command === "edit") {
        const [ids, n, tag] = [words[0]!.split(","), Number(words[1]), words[2]!];
        const rows: number[] = [];
        for (let i = 1; i <= n; i++) {
          for (const id of ids) {
            await db.$transaction(async (tx) => {
              await tx.candidateProfile.update({ where: { id }, data: { currentFunction: `${tag} v${i}` } });
              await enqueue(tx, "candidates", id);
              // The row just written (nobody else writes this profile's rows meanwhile).
              const row = await tx.searchOutbox.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: "desc" }, select: { id: true } });
              rows.push(row.id);
            });
          }
        }
        say(`edited ${rows.length} ${rows.join(",")}`);
      } else if (command === "login") {
        const r = await login(words[0]!, words[2]!, words[1]!);
        say(`login ${r.ok ? 200 : r.status}`);
      } else if (command === "stop") {
        await stop();
      }
    })().catch((error: unknown) => say(`error ${String(error)}`));
  });
  say("instance-ready");
} else {
  throw new Error(`unknown mode ${mode}`);
}
