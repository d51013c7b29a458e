import path from "node:path";

/** The database behind DATABASE_URL: a SQLite file (the default) or a PostgreSQL server (docs/decisions/130). */
export type DatabaseProvider = "sqlite" | "postgresql";

const DEFAULT_URL = "file:./data/vivier.db";

export function databaseProvider(value = process.env.DATABASE_URL ?? DEFAULT_URL): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(value) ? "postgresql" : "sqlite";
}

/**
 * The database's URL from DATABASE_URL: a SQLite file (`file:./data/vivier.db`) resolved against
 * the project root, a PostgreSQL URL as it is.
 */
export function databaseUrl(value = process.env.DATABASE_URL ?? DEFAULT_URL): string {
  if (databaseProvider(value) === "postgresql") return value;
  const file = value.replace(/^file:/, "");
  return `file:${path.resolve(process.cwd(), file)}`;
}
