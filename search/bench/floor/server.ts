/**
 * Serves the floor's Remix build (search/bench/floor/build) on BARE_PORT with Express and
 * @remix-run/express, as the portal's server does, without its middleware (no security headers,
 * compression, sessions). Started as a child process by search/bench/load.ts, which builds it
 * first; prints `bare-ready` when it listens. With WEB_CONCURRENCY = N > 1, N processes serve
 * through node:cluster, as the portal's do (app/cli/web-processes.ts), so that both sides of the
 * comparison use the same cores.
 */
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const processes = Number(process.env.WEB_CONCURRENCY ?? 1);

if (processes > 1 && cluster.isPrimary) {
  cluster.setupPrimary({ execArgv: process.execArgv });
  // As niced as the portal's web processes (WEB_NICENESS, app/cli/web-processes.ts, which the
  // layering keeps bench code from importing).
  const workers = Array.from({ length: processes }, () => cluster.fork());
  for (const w of workers) os.setPriority(w.process.pid!, 5);
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once("listening", resolve))));
  process.stdout.write("bare-ready\n");
  process.on("SIGTERM", () => {
    for (const w of workers) w.process.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const build = (await import(path.join(here, "build", "index.js"))) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use("/build", express.static(path.join(here, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));
  const server = app.listen(Number(process.env.BARE_PORT), "127.0.0.1", () => {
    if (cluster.isPrimary) process.stdout.write("bare-ready\n");
  });
  server.keepAliveTimeout = 65_000;
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
