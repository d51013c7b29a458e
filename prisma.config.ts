import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./app/utils/database-url";

// The JavaScript schema engine: Prisma 6.19 migrates through the driver adapter, so no native
// engine is downloaded (none can be, on our machines or in CI).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  // A busy timeout as the portal's own (app/utils/db.server.ts): a second instance starting
  // beside a running one waits for the write lock instead of failing its migrate deploy.
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 }),
});
