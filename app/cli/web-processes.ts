import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";

/**
 * The web processes' niceness: they yield the CPU to this process (the outbox worker) and to a
 * Meilisearch on the same machine, so that when every core is busy rendering pages an edit still
 * reaches the index in time (issue 16: searchable within 2 s under load). At 5 a web process
 * gets about a third of a normal process's share while both want the CPU, all of it otherwise.
 */
export const WEB_NICENESS = 5;

export type WebProcesses = {
  /** Stops the web processes (each finishes its requests) and waits until they have exited. */
  stop(): Promise<void>;
};

/**
 * WEB_CONCURRENCY > 1 (docs/decisions/144): `count` processes that serve HTTP on PORT
 * (app/cli/web-process.ts), started with node:cluster, which accepts the connections in this
 * process and hands them to the web processes in turn. Each has its own database connection and
 * search client; none runs background work, which stays in this process. One that dies is
 * replaced a second later (never faster, so a process that cannot start does not spin).
 * Resolves once all of them listen; rejects if one exits before.
 */
export async function startWebProcesses(count: number, log: Pick<Console, "warn"> = console): Promise<WebProcesses> {
  // The same Node options as this process (tsx's loader): the web process is TypeScript too.
  cluster.setupPrimary({ exec: path.resolve("app", "cli", "web-process.ts"), execArgv: process.execArgv });
  let stopping = false;
  cluster.on("fork", (worker) => {
    try {
      os.setPriority(worker.process.pid!, WEB_NICENESS);
    } catch {
      // Not allowed here (a container without the right): they run at the same priority.
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log.warn(`Processus web ${worker.process.pid} arrêté (${signal ?? code}) : relancé dans une seconde.`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, 1000).unref();
  });
  const stop = async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            w!.once("exit", () => resolve());
            w!.process.kill("SIGTERM");
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
