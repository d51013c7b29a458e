/**
 * The PostgreSQL copy of prisma/schema.prisma (docs/decisions/130). schema.prisma stays the one
 * source of truth; this copy differs only by its datasource's provider and its client's output
 * folder, and is written again by every `npm ci` (postinstall) and by the commands that need it,
 * never edited or committed (app/generated/ is ignored).
 *
 * `tsx app/cli/postgresql-schema.ts` writes it and generates its client.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where the copy is written; its client goes to app/generated/prisma-postgresql. */
export const POSTGRESQL_SCHEMA = path.join(root, "app", "generated", "postgresql", "schema.prisma");

/** schema.prisma's text (or another version of it, e.g. from git) with the PostgreSQL provider. */
export function postgresqlSchema(sqliteSchema: string): string {
  const datasource = /datasource db \{[^}]*\}/;
  const generatorOutput = /(generator client \{[^}]*output\s*=\s*)"[^"]*"/;
  if (!datasource.test(sqliteSchema) || !generatorOutput.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma has no `datasource db` block or no generator output: update app/cli/postgresql-schema.ts");
  }
  // The URL is never read: the client and the commands are given a driver adapter.
  return [
    "// GENERATED from prisma/schema.prisma by app/cli/postgresql-schema.ts: do not edit (docs/decisions/130).",
    sqliteSchema
      .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/vivier"\n}')
      .replace(generatorOutput, '$1"../prisma-postgresql"'),
  ].join("\n");
}

/** Writes the copy from prisma/schema.prisma; true when it changed. */
export function writePostgresqlSchema(): boolean {
  const text = postgresqlSchema(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
  const before = fs.existsSync(POSTGRESQL_SCHEMA) ? fs.readFileSync(POSTGRESQL_SCHEMA, "utf8") : "";
  if (before === text) return false;
  fs.mkdirSync(path.dirname(POSTGRESQL_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRESQL_SCHEMA, text);
  return true;
}

/** `prisma generate` for the copy: the client the portal uses when DATABASE_URL is a PostgreSQL URL. */
export function generatePostgresqlClient(): void {
  writePostgresqlSchema();
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate", "--schema", POSTGRESQL_SCHEMA], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("prisma generate failed for the PostgreSQL schema");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) generatePostgresqlClient();
