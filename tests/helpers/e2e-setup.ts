import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * End-to-end tests run against the real portal, started the way a user starts it (`npm start`'s
 * app/cli/start.ts: migrate, seed, Meilisearch, index, build, serve) on free ports, with its own
 * database and search data in tests/.tmp/.
 */

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The master key of the portal's Meilisearch, to check that no page ever carries it. */
    meiliMasterKey: string;
    /** The portal's SQLite file, for a test to read what it cannot see in a page (a mail's link). */
    databaseFile: string;
    /** The portal's session secret, to make a signed link (an unsubscribe link) as its mails do. */
    sessionSecret: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let portal: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const dir = path.resolve("tests", ".tmp", `e2e-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const [port, meiliPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.createWriteStream(path.join(dir, "portal.log"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: baseUrl,
    DATABASE_URL: `file:${path.join(dir, "vivier.db")}`,
    UPLOAD_DIR: path.join(dir, "uploads"),
    MEILI_DATA_DIR: path.join(dir, "meili"),
    MEILI_PORT: String(meiliPort),
    SESSION_SECRET: "e2e-secret-0123456789-0123456789-0123456789",
    MEILI_URL: "",
    MEILI_MASTER_KEY: "",
  };
  portal = spawn(path.resolve("node_modules", ".bin", "tsx"), ["app/cli/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  portal.stdout?.pipe(log);
  portal.stderr?.pipe(log);
  const exited = new Promise<never>((_, reject) =>
    portal?.once("exit", (code) => reject(new Error(`The portal stopped (exit ${code}) before answering; see ${path.join(dir, "portal.log")}`))),
  );
  const deadline = Date.now() + 240_000;
  const ready = (async () => {
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${baseUrl}/healthz`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`The portal did not answer /healthz within 240 s; see ${path.join(dir, "portal.log")}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    await stopPortal();
    throw error;
  }
  portal.removeAllListeners("exit");
  project.provide("baseUrl", baseUrl);
  project.provide("databaseFile", path.join(dir, "vivier.db"));
  project.provide("sessionSecret", env.SESSION_SECRET ?? "");
  project.provide("meiliMasterKey", fs.readFileSync(path.join(dir, "meili", "master.key"), "utf8").trim());

  return async () => {
    await stopPortal();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** SIGTERM to the portal's process group (it stops its Meilisearch), SIGKILL after 10 s. */
async function stopPortal(): Promise<void> {
  const child = portal;
  if (!child?.pid) return;
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
