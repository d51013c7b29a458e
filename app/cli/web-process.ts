/**
 * One of the processes that serve HTTP when WEB_CONCURRENCY > 1, forked by web-processes.ts
 * once `npm start` has migrated, started Meilisearch and put its address and key in the
 * environment: the Express app on PORT and nothing else (the background work runs in the
 * process that started this one). Stops on SIGTERM or SIGINT, finishing its requests. When that
 * process is gone, node:cluster ends this one at once (nobody hands it connections any more).
 */
import { parseEnv, secureCookies } from "../utils/env.server";
import { createApp, listen } from "./server";

const config = parseEnv(process.env);
const server = await listen(createApp({ dev: false, secure: secureCookies(config), trustProxy: config.TRUST_PROXY }), config.PORT);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Requests under way finish; idle kept-alive connections close now, busy ones after 10 s.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
  await closed;
  const { db } = await import("../utils/db.server");
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
