import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDatabase, type TableCount } from "~/cli/db-copy";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "~/generated/prisma-postgresql/client";
import { seed } from "../../prisma/seed";
import { scratchPostgres, type PostgresServer } from "../helpers/postgres";

/**
 * `npm run db:copy` (docs/decisions/134): a seeded SQLite portal copied into an empty PostgreSQL
 * database gives the same rows per table and the same answers to the domain's reads. The SQLite
 * file is the test's own (migrated as `npm start` migrates, then seeded); the PostgreSQL database
 * a scratch one (tests/helpers/postgres.ts).
 */

const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-db-copy-"));
const sqliteUrl = `file:${path.join(dir, "portal.db")}`;

let server: PostgresServer;
let source: PrismaClient;
let target: PrismaClient;
let counts: TableCount[];
const progress = new Map<string, number>();

beforeAll(async () => {
  server = await scratchPostgres();
  await server.createDatabase("vivier_copy");
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: sqliteUrl },
    timeout: 120_000,
    killSignal: "SIGKILL",
  });
  source = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteUrl, timeout: 5000 }) });
  target = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: server.url("vivier_copy") }) }) as unknown as PrismaClient;
  await seed(source);
  counts = await copyDatabase({
    source,
    target,
    targetUrl: server.url("vivier_copy"),
    batchSize: 200,
    onProgress: ({ table, done }) => progress.set(table, done),
  });
}, 300_000);

afterAll(async () => {
  await Promise.all([source?.$disconnect(), target?.$disconnect()]);
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("copying a SQLite portal into PostgreSQL", () => {
  it("copies every table, the same number of rows on both sides", async () => {
    expect(counts.length).toBeGreaterThan(30);
    for (const c of counts) expect(c, c.table).toEqual({ table: c.table, source: c.source, target: c.source });
    const rows = Object.fromEntries(counts.map((c) => [c.table, c.target]));
    expect(rows.User).toBeGreaterThan(50);
    expect(rows.Position).toBeGreaterThan(10);
    expect(rows.ShortlistEntry).toBeGreaterThan(0);
    // The progress bar saw every row of every table.
    for (const c of counts) expect(progress.get(c.table), c.table).toBe(c.source);
  });

  it("gives the same answers to the domain's reads", async () => {
    const read = (db: PrismaClient) =>
      Promise.all([
        db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true, createdAt: true, isCabinetLead: true, organization: { select: { officialKey: true } } } }),
        db.position.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, state: true, publishedAt: true, _count: { select: { applications: true, criteria: true } } } }),
        db.candidateProfile.findMany({ orderBy: { id: "asc" }, include: { hiddenFrom: { orderBy: { officialKey: "asc" } } } }),
      ]);
    expect(await read(target)).toEqual(await read(source));
  });

  it("continues the numbering of autoincrement ids after the copied ones", async () => {
    const before = await target.searchOutbox.aggregate({ _max: { id: true } });
    const row = await target.searchOutbox.create({ data: { indexName: "candidates", entityId: "copy-test" } });
    expect(row.id).toBeGreaterThan(before._max.id ?? 0);
  });

  it("refuses a database that already holds rows", async () => {
    await expect(copyDatabase({ source, target, targetUrl: server.url("vivier_copy") })).rejects.toThrow(/not empty/);
  });
});
