import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./database-url";
import { env } from "./env.server";

export type Db = PrismaClient;

export function createDb(url = databaseUrl(env().DATABASE_URL)): PrismaClient {
  // busy timeout: the outbox worker and the web server share the file.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}

// One client per process, kept across the dev server's module reloads.
const globalForDb = globalThis as unknown as { __vivierDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.__vivierDb ??= createDb());
