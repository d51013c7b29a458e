import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { MAX_CV_REQUEST_BYTES } from "../domain/cv.server";

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

/**
 * The most a request body may weigh. The CV forms refuse more than MAX_CV_REQUEST_BYTES
 * themselves, with a French message in the form (so a 7 MB CV gets told to shrink it); this
 * stops what no form of ours sends before anything reads it.
 */
const MAX_REQUEST_BYTES = 4 * MAX_CV_REQUEST_BYTES;

/**
 * Refuses a body over MAX_REQUEST_BYTES, and one of unknown length (browsers announce the length
 * of every form they send), so that no request can make the server buffer more than that.
 */
function limitRequestBodies(req: express.Request, res: express.Response, next: express.NextFunction) {
  const length = req.headers["content-length"];
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (chunked && length === undefined) {
    res.status(411).type("text/plain; charset=utf-8").send("Longueur de la demande requise.");
    return;
  }
  if (length !== undefined && Number(length) > MAX_REQUEST_BYTES) {
    res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send("Demande trop volumineuse : un CV ne peut dépasser 5 Mo.");
    return;
  }
  next();
}

/** The HTTP server: static assets, then Remix, with the client's address in the load context. */
export function createApp({ dev }: { dev: boolean }) {
  const app = express();
  app.disable("x-powered-by");
  app.use(limitRequestBodies);
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
