import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findFreePort } from "../../search/meili-process";

/**
 * The real portal in a child process, started the way a user starts it (`npm start`'s
 * app/cli/start.ts: migrate, seed, Meilisearch, index, build, serve) on free ports, with its own
 * database, uploads and search data in `dir`. The e2e tests and `npm run screenshots` use it.
 */

export type PortalProcess = { baseUrl: string; child: ChildProcess; env: NodeJS.ProcessEnv };

export async function startPortal(dir: string, sessionSecret: string, timeoutMs = 240_000): Promise<PortalProcess> {
  const [port, meiliPort] = [await findFreePort(), await findFreePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, "portal.log");
  const log = fs.createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: baseUrl,
    DATABASE_URL: `file:${path.join(dir, "vivier.db")}`,
    UPLOAD_DIR: path.join(dir, "uploads"),
    MEILI_DATA_DIR: path.join(dir, "meili"),
    MEILI_PORT: String(meiliPort),
    SESSION_SECRET: sessionSecret,
    MEILI_URL: "",
    MEILI_MASTER_KEY: "",
    // Two web processes, as the README advises for production (decision 144): the pages the
    // e2e tests visit are served by them, the outbox and the daily jobs run beside them.
    WEB_CONCURRENCY: "2",
  };
  // Its own process group, so that stopping it stops the Meilisearch it started too.
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["app/cli/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`The portal stopped (exit ${code}) before answering; see ${logFile}`))),
  );
  const deadline = Date.now() + timeoutMs;
  const ready = (async () => {
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${baseUrl}/healthz`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`The portal did not answer /healthz within ${timeoutMs / 1000} s; see ${logFile}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    await stopPortal(child);
    throw error;
  }
  child.removeAllListeners("exit");
  return { baseUrl, child, env };
}

/** SIGTERM to the portal's process group (it stops its Meilisearch), SIGKILL after 10 s. */
export async function stopPortal(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const gone = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // stopped cleanly
  }
}
