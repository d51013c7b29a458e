import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const BUILD = path.resolve("build", "index.js");

/** Loads the server build; in development, again whenever `remix watch` rewrote it. */
function buildLoader(dev: boolean): () => Promise<ServerBuild> {
  let loaded: { mtime: number; build: Promise<ServerBuild> } | undefined;
  return () => {
    const mtime = dev ? fs.statSync(BUILD).mtimeMs : 0;
    if (!loaded || loaded.mtime !== mtime) {
      loaded = { mtime, build: import(`${pathToFileURL(BUILD).href}${dev ? `?t=${mtime}` : ""}`) as Promise<ServerBuild> };
    }
    return loaded.build;
  };
}

/** The HTTP server: static assets, then Remix, with the client's address in the load context. */
export function createApp({ dev }: { dev: boolean }) {
  const app = express();
  app.disable("x-powered-by");
  app.use("/build", express.static("public/build", { immutable: !dev, maxAge: dev ? 0 : "1y" }));
  app.use(express.static("public", { maxAge: dev ? 0 : "1h" }));
  const build = buildLoader(dev);
  app.all(
    "*",
    createRequestHandler({
      build: () => build(),
      mode: dev ? "development" : "production",
      getLoadContext: (req) => ({ clientAddress: req.socket.remoteAddress ?? "unknown" }),
    }),
  );
  return app;
}

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.on("error", reject);
  });
}
