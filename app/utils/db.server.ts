import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { json } from "@remix-run/node";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./database-url";
import { env } from "./env.server";

export type Db = PrismaClient;

/** How long a statement waits for another process's write to finish (SQLite's busy timeout). */
export const BUSY_TIMEOUT_MS = 5000;

export const DATABASE_BUSY_MESSAGE =
  "Le portail est très sollicité en ce moment : votre demande n’a pas été enregistrée. Réessayez dans quelques instants.";

/**
 * The better-sqlite3 adapter opens every transaction with a plain BEGIN (deferred): a transaction
 * that read, then writes after another process wrote, fails at once with SQLITE_BUSY_SNAPSHOT,
 * without waiting. BEGIN IMMEDIATE takes the write lock first, waiting up to the busy timeout
 * like any statement, so that concurrent writers queue instead (docs/decisions/091): a request
 * waits up to twice the busy timeout (BEGIN IMMEDIATE, then its first write) before the 503. The adapter
 * keeps its better-sqlite3 handle in `client` and runs "BEGIN" through prepare(): checked by
 * tests/integration/faults-sqlite-busy.test.ts, which fails if an upgrade changes that.
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const sqlite = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (!sqlite || typeof sqlite.prepare !== "function") throw new Error("The better-sqlite3 adapter no longer exposes its client: see app/utils/db.server.ts");
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      if (sql !== "BEGIN") return prepare(sql);
      const immediate = prepare("BEGIN IMMEDIATE");
      const deferred = prepare("BEGIN");
      // The adapter holds its transaction mutex when it runs BEGIN and would never release it
      // if BEGIN threw: a lock still taken after the busy timeout falls back to a deferred
      // BEGIN, whose first write waits again and fails inside the transaction, which is then
      // rolled back and its mutex released as usual.
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
    }) as typeof sqlite.prepare;
    return adapter;
  }
}

/** SQLite stayed locked by another writer longer than the busy timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "P1008" || (typeof code === "string" && code.startsWith("SQLITE_BUSY")) || (typeof message === "string" && /database is locked/.test(message));
}

/**
 * A busy database becomes the French 503 page (a thrown Response: the route's error boundary
 * shows its `error`), for every query and every transaction. Nothing was written: the statement
 * or the whole transaction was refused or rolled back.
 */
function busyAsResponse(error: unknown): unknown {
  return isDatabaseBusy(error) ? json({ error: DATABASE_BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": "5" } }) : error;
}

export function createDb(url = databaseUrl(env().DATABASE_URL)): PrismaClient {
  // busy timeout: the outbox worker, the web server and the commands share the file.
  const base = new PrismaClient({ adapter: new ImmediateTransactions({ url, timeout: BUSY_TIMEOUT_MS }) });
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

// One client per process, kept across the dev server's module reloads.
const globalForDb = globalThis as unknown as { __vivierDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.__vivierDb ??= createDb());
