import path from "node:path";

/** The SQLite file, from DATABASE_URL (`file:./data/vivier.db`), resolved against the project root. */
export function databaseUrl(value = process.env.DATABASE_URL ?? "file:./data/vivier.db"): string {
  const file = value.replace(/^file:/, "");
  return `file:${path.resolve(process.cwd(), file)}`;
}
