/**
 * Serves the floor's Remix build (search/bench/floor/build) on BARE_PORT with Express and
 * @remix-run/express, as the portal's server does, without its middleware (no security headers,
 * compression, sessions). Started as a child process by search/bench/load.ts, which builds it
 * first; prints `bare-ready` when it listens.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const here = path.dirname(fileURLToPath(import.meta.url));
const build = (await import(path.join(here, "build", "index.js"))) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static(path.join(here, "public", "build"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.BARE_PORT), "127.0.0.1", () => process.stdout.write("bare-ready\n"));
server.keepAliveTimeout = 65_000;
process.on("SIGTERM", () => server.close(() => process.exit(0)));
