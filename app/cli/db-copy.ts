/**
 * `npm run db:copy -- --to postgresql://…`: a SQLite portal's data copied into an empty
 * PostgreSQL database (docs/decisions/134), so that a commune that started small can move.
 *
 * The source is DATABASE_URL (or `--from file:…`), read inside one deferred read transaction: SQLite
 * (WAL) gives it one snapshot while the portal keeps writing, so the copy is the data of one
 * moment. The target is migrated first (our runner), must hold no row, and receives every table
 * in the order of its foreign keys, in batches through both Prisma clients (each converts its
 * own dates and booleans), with a progress bar; the counts are compared table by table at the
 * end, and the sequences of autoincrement columns moved past the copied ids. Stop the portal,
 * or accept that what it writes after the snapshot stays behind.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "~/generated/prisma-postgresql/client";
import { databaseProvider, databaseUrl } from "~/utils/database-url";
import { migratePostgresql } from "~/utils/postgresql-migrations.server";

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
type Delegate = {
  findMany: (args: { orderBy: Record<string, "asc">[]; skip: number; take: number }) => Promise<Record<string, unknown>[]>;
  createMany: (args: { data: Record<string, unknown>[] }) => Promise<{ count: number }>;
  count: () => Promise<number>;
};

export type TableCount = { table: string; source: number; target: number };

const delegate = (client: unknown, model: string) => (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

/** The models, each after the models its foreign keys point to; their primary key columns. */
async function tablesInOrder(source: Tx): Promise<{ table: string; key: string[] }[]> {
  const models = Object.values(Prisma.ModelName) as string[];
  const refs = new Map<string, Set<string>>();
  const keys = new Map<string, string[]>();
  for (const model of models) {
    const fks = await source.$queryRawUnsafe<{ table: string }[]>(`SELECT "table" FROM pragma_foreign_key_list(?)`, model);
    refs.set(model, new Set(fks.map((f) => f.table).filter((t) => t !== model && models.includes(t))));
    const columns = await source.$queryRawUnsafe<{ name: string; pk: number | bigint }[]>(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, model);
    keys.set(model, columns.map((c) => c.name));
    const selfReference = fks.some((f) => f.table === model);
    // A row pointing to another of its table could come before it: none does today.
    if (selfReference) throw new Error(`${model} references itself: db:copy must order its rows (app/cli/db-copy.ts).`);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < models.length) {
    const ready = models.filter((m) => !placed.has(m) && [...refs.get(m)!].every((r) => placed.has(r)));
    if (ready.length === 0) throw new Error(`A cycle of foreign keys between ${models.filter((m) => !placed.has(m)).join(", ")}: db:copy cannot order them.`);
    for (const m of ready) {
      ordered.push(m);
      placed.add(m);
    }
  }
  return ordered.map((table) => ({ table, key: keys.get(table)! }));
}

export async function copyDatabase({
  source,
  target,
  targetUrl,
  batchSize = 500,
  onProgress = () => {},
}: {
  source: PrismaClient;
  target: PrismaClient;
  targetUrl: string;
  batchSize?: number;
  onProgress?: (p: { table: string; done: number; total: number }) => void;
}): Promise<TableCount[]> {
  await migratePostgresql(targetUrl);
  const models = Object.values(Prisma.ModelName) as string[];
  const filled = [];
  for (const model of models) if ((await delegate(target, model).count()) > 0) filled.push(model);
  if (filled.length > 0) throw new Error(`The PostgreSQL database is not empty (${filled.join(", ")}): db:copy only fills an empty one.`);

  // One deferred read transaction: the snapshot of one moment, writers not blocked (WAL).
  const counts = await source.$transaction(
    async (tx) => {
      const result: TableCount[] = [];
      for (const { table, key } of await tablesInOrder(tx)) {
        const from = delegate(tx, table);
        const to = delegate(target, table);
        const total = await from.count();
        onProgress({ table, done: 0, total });
        for (let done = 0; done < total; ) {
          const rows = await from.findMany({ orderBy: key.map((k) => ({ [k]: "asc" as const })), skip: done, take: batchSize });
          if (rows.length === 0) break;
          await to.createMany({ data: rows });
          done += rows.length;
          onProgress({ table, done, total });
        }
        result.push({ table, source: total, target: await to.count() });
      }
      return result;
    },
    { timeout: 24 * 3600_000, maxWait: 60_000 },
  );

  // Autoincrement columns: the next id after the copied ones.
  await target.$executeRawUnsafe(`DO $$ DECLARE c record; BEGIN
    FOR c IN SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%' LOOP
      EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', quote_ident(c.table_name), c.column_name, c.column_name, c.table_name);
    END LOOP; END $$`);
  return counts;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const to = option("--to");
  const from = databaseUrl(option("--from") ?? process.env.DATABASE_URL ?? "file:./data/vivier.db");
  if (!to || databaseProvider(to) !== "postgresql") throw new Error("Usage: npm run db:copy -- --to postgresql://user:password@host:5432/database [--from file:./data/vivier.db]");
  if (databaseProvider(from) !== "sqlite") throw new Error("The source (DATABASE_URL or --from) must be a SQLite file URL.");

  const { default: cliProgress } = await import("cli-progress");
  const source = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: from, timeout: 5000 }) });
  const target = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: to }) }) as unknown as PrismaClient;
  const bar = new cliProgress.SingleBar({ format: " {table} [{bar}] {value}/{total} lignes", hideCursor: true }, cliProgress.Presets.shades_classic);
  let current = "";
  try {
    console.log(`Copie de ${from} vers ${new URL(to).host}${new URL(to).pathname}…`);
    const counts = await copyDatabase({
      source,
      target,
      targetUrl: to,
      onProgress: ({ table, done, total }) => {
        if (table !== current) {
          if (current) bar.stop();
          current = table;
          bar.start(total, done, { table: table.padEnd(24) });
        } else bar.update(done);
      },
    });
    bar.stop();
    const wrong = counts.filter((c) => c.source !== c.target);
    for (const c of counts) console.log(`  ${c.table.padEnd(26)} ${String(c.source).padStart(8)} → ${String(c.target).padStart(8)}${c.source === c.target ? "" : "  ÉCART"}`);
    if (wrong.length > 0) throw new Error(`Counts differ for ${wrong.map((w) => w.table).join(", ")}.`);
    console.log(`Copie terminée : ${counts.length} tables, ${counts.reduce((n, c) => n + c.target, 0)} lignes, les mêmes comptes des deux côtés.`);
  } finally {
    bar.stop();
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
