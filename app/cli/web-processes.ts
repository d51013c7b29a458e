import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";

/**
 * The web processes' niceness: they yield the CPU to this process (the outbox worker) and to a
 * Meilisearch on the same machine, so that when every core is busy rendering pages an edit still
 * reaches the index in time (issue 16: searchable within 2 s under load). At 5 a web process
 * gets about a third of a normal process's share while both want the CPU, all of it otherwise.
 */
export const WEB_NICENESS = 5;

/** Web processes that exit before listening, one after the other, before the portal gives up. */
const FAILED_STARTS_BEFORE_GIVING_UP = 5;
/** How long a stopping web process may take to finish its requests before it is killed. */
const STOP_GRACE_MS = 12_000;

export type WebProcesses = {
  /** Stops the web processes (each finishes its requests, up to STOP_GRACE_MS) and waits until they have exited. */
  stop(): Promise<void>;
};

/**
 * WEB_CONCURRENCY > 1 (docs/decisions/144): `count` processes that serve HTTP on PORT
 * (app/cli/web-process.ts), started with node:cluster, which accepts the connections in this
 * process and hands them to the web processes in turn. Each has its own database connection and
 * search client; none runs background work, which stays in this process.
 *
 * One that dies is replaced, a second later, then twice as late after each replacement that
 * died before it listened (up to 30 s), so that a process that cannot start does not spin; after
 * FAILED_STARTS_BEFORE_GIVING_UP of those in a row, `onGiveUp` is told (npm start then stops with
 * an error, for the service manager to see). Resolves once all of them listen; rejects if one
 * exits before.
 */
export async function startWebProcesses(
  count: number,
  { log = console, onGiveUp }: { log?: Pick<Console, "warn" | "error">; onGiveUp?: () => void } = {},
): Promise<WebProcesses> {
  // The same Node options as this process (tsx's loader): the web process is TypeScript too.
  cluster.setupPrimary({ exec: path.resolve("app", "cli", "web-process.ts"), execArgv: process.execArgv });
  let stopping = false;
  let failedStarts = 0;
  const listened = new WeakSet<Worker>();
  cluster.on("fork", (worker) => {
    try {
      os.setPriority(worker.process.pid!, WEB_NICENESS);
    } catch {
      // Not allowed here (a container without the right): they run at the same priority.
    }
  });
  cluster.on("listening", (worker) => {
    listened.add(worker);
    failedStarts = 0;
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker)) failedStarts += 1;
    if (failedStarts >= FAILED_STARTS_BEFORE_GIVING_UP) {
      log.error(`${failedStarts} processus web arrêtés avant d’écouter, l’un après l’autre : le portail s’arrête (voir les messages ci-dessus).`);
      onGiveUp?.();
      return;
    }
    const delayMs = Math.min(30_000, 1000 * 2 ** failedStarts);
    log.warn(`Processus web ${worker.process.pid} arrêté (${signal ?? code}) : relancé dans ${delayMs / 1000} s.`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, delayMs).unref();
  });
  const stop = async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => w.process.kill("SIGKILL"), STOP_GRACE_MS);
            w.once("exit", () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = cluster.fork();
            worker.once("listening", () => resolve());
            worker.once("exit", (code, signal) => reject(new Error(`A web process exited (${signal ?? code}) before it listened`)));
          }),
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
