import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { json } from "@remix-run/node";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "~/generated/prisma-postgresql/client";
import { databaseProvider, databaseUrl } from "./database-url";
import { env } from "./env.server";

export type Db = PrismaClient;

/** How long a statement waits for another process's write to finish (SQLite's busy timeout). */
export const BUSY_TIMEOUT_MS = 5000;

export const DATABASE_BUSY_MESSAGE =
  "Le portail est très sollicité en ce moment : votre demande n’a pas été enregistrée. Réessayez dans quelques instants.";

/** Prepared statements kept per SQLite connection, by SQL text; the least recently used goes first past this. */
export const KEPT_STATEMENTS = 500;

/**
 * Two changes to how the better-sqlite3 adapter (pinned at 6.19.3) uses its connection, made
 * through the one door it has: it keeps its better-sqlite3 handle in `client`, prepares every
 * statement with `prepare(sql).bind(args)`, then reads `reader` and calls `run()`, `columns()`
 * or `raw().all()`, and opens a transaction with `prepare("BEGIN").run()`.
 *
 * - Transactions. BEGIN is deferred: a transaction that read, then writes after another process
 *   wrote, fails at once with SQLITE_BUSY_SNAPSHOT, without waiting. BEGIN IMMEDIATE takes the
 *   write lock first, waiting up to the busy timeout like any statement, so that concurrent
 *   writers queue instead (docs/decisions/091): a request waits up to twice the busy timeout
 *   (BEGIN IMMEDIATE, then its first write) before the 503.
 * - Statements. The adapter prepares each statement again at every query: SQLite parses and
 *   plans it, about 0.1 ms, on every read of every page. Each SQL text is prepared once per
 *   connection and kept (KEPT_STATEMENTS); better-sqlite3 binds a statement's parameters once
 *   for good, so `bind()` gives a view that passes them at each call instead (decision 148).
 *
 * tests/integration/faults-sqlite-busy.test.ts and tests/integration/db-statements.test.ts fail
 * if an upgrade changes any of that.
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const sqlite = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (!sqlite || typeof sqlite.prepare !== "function") throw new Error("The better-sqlite3 adapter no longer exposes its client: see app/utils/db.server.ts");
    const prepare = sqlite.prepare.bind(sqlite);
    const kept = new Map<string, BetterSqlite3.Statement>();
    sqlite.prepare = ((sql: string) => {
      if (sql === "BEGIN") return beginImmediate(prepare);
      let statement = kept.get(sql);
      // Least recently used first out: moved to the end of the map at each use.
      if (statement) kept.delete(sql);
      else {
        statement = prepare(sql);
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
      }
      kept.set(sql, statement);
      return reusable(statement);
    }) as typeof sqlite.prepare;
    return adapter;
  }
}

/**
 * The connection's kept statement, its parameters given at each call rather than bound for good.
 * A read runs when the adapter first asks for its columns, and the columns are read after it ran:
 * SQLite prepares a statement again when a table it reads has changed since, but only as it runs,
 * and before that a kept statement would still name the columns of the table as it was.
 */
function reusable(statement: BetterSqlite3.Statement): BetterSqlite3.Statement {
  return {
    bind: (...params: unknown[]) => {
      let rows: unknown[] | undefined;
      const read = () => (rows ??= statement.raw(true).all(...params));
      return {
        reader: statement.reader,
        run: () => statement.run(...params),
        columns: () => {
          read();
          return statement.columns();
        },
        raw: () => ({ all: read }),
      };
    },
  } as unknown as BetterSqlite3.Statement;
}

function beginImmediate(prepare: (sql: string) => BetterSqlite3.Statement): BetterSqlite3.Statement {
  const immediate = prepare("BEGIN IMMEDIATE");
  const deferred = prepare("BEGIN");
  // The adapter holds its transaction mutex when it runs BEGIN and would never release it if
  // BEGIN threw: a lock still taken after the busy timeout falls back to a deferred BEGIN, whose
  // first write waits again and fails inside the transaction, which is then rolled back and its
  // mutex released as usual.
  return {
    run: () => {
      try {
        return immediate.run();
      } catch (error) {
        if (!isDatabaseBusy(error)) throw error;
        return deferred.run();
      }
    },
  } as unknown as BetterSqlite3.Statement;
}

/**
 * The database could not take the request in time: SQLite stayed locked by another writer longer
 * than the busy timeout; PostgreSQL's pool had no free connection in time, a transaction could
 * not start or outlived its timeout, two transactions deadlocked or conflicted (one is rolled
 * back), or the server refused more connections.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === "P1008" || code === "P2034" || code === "P2037") return true;
  if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
  if (typeof message !== "string") return false;
  // P2028 also names programming errors (a transaction already closed): only its waits are busy.
  if (code === "P2028") return /Unable to start a transaction in the given time|expired|timeout/i.test(message);
  // pg-pool: no free connection in time, or a new one the server did not accept in time.
  return /database is locked|timeout exceeded when trying to connect|Connection terminated due to connection timeout|deadlock detected|could not serialize access/.test(message);
}

/**
 * A busy database becomes the French 503 page (a thrown Response: the route's error boundary
 * shows its `error`), for every query and every transaction. Nothing was written: the statement
 * or the whole transaction was refused or rolled back.
 */
function busyAsResponse(error: unknown): unknown {
  return isDatabaseBusy(error) ? json({ error: DATABASE_BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": "5" } }) : error;
}

/**
 * The client for DATABASE_URL: SQLite through better-sqlite3, or PostgreSQL through pg with the
 * client generated from the PostgreSQL copy of the same schema (docs/decisions/130). Both are
 * typed as the SQLite client: the models, fields and queries are the same, and the domain is
 * written once.
 */
function baseClient(url: string, poolSize: number, waitMs: number): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    // A query, and a transaction, wait for one of the pool's connections up to the same 2 × busy
    // timeout a SQLite request may wait for the write lock (Prisma's default for a transaction,
    // 2 s, failed bursts of edits; pg's for a query is forever), then get the French 503.
    return new PostgresqlPrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: waitMs }),
      transactionOptions: { maxWait: waitMs, timeout: 3 * BUSY_TIMEOUT_MS },
    }) as unknown as PrismaClient;
  }
  // busy timeout: the outbox worker, the web server and the commands share the file.
  return new PrismaClient({ adapter: new ImmediateTransactions({ url, timeout: BUSY_TIMEOUT_MS }) });
}

/**
 * A client for `url`. On PostgreSQL, poolSize connections at most, and waitMs for one of them
 * (tests shorten it); a transaction may then last 3 × the busy timeout.
 */
export function createDb(
  url = databaseUrl(env().DATABASE_URL),
  { poolSize = env().DATABASE_POOL_SIZE, waitMs = 2 * BUSY_TIMEOUT_MS }: { poolSize?: number; waitMs?: number } = {},
): PrismaClient {
  const base = baseClient(url, poolSize, waitMs);
  const client = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw busyAsResponse(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  // The transaction's own BEGIN (and COMMIT) is no operation of the extension's.
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(client, "$transaction", {
    value: (...args: unknown[]) => transaction(...args).catch((error: unknown) => Promise.reject(busyAsResponse(error))),
  });
  return client;
}

/** The portal runs on PostgreSQL (DATABASE_URL): for the few statements written in SQL (docs/decisions/132). */
export function isPostgresql(): boolean {
  return databaseProvider(env().DATABASE_URL) === "postgresql";
}

/**
 * `contains`, ignoring case on both databases: SQLite's LIKE already does (for ASCII letters);
 * PostgreSQL's needs `mode: "insensitive"`, which the SQLite client's types do not know.
 */
export function containsIgnoringCase(text: string): Prisma.StringFilter {
  return (isPostgresql() ? { contains: text, mode: "insensitive" } : { contains: text }) as Prisma.StringFilter;
}

// One client per process, kept across the dev server's module reloads.
const globalForDb = globalThis as unknown as { __vivierDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.__vivierDb ??= createDb());
