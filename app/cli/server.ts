import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Server } from "node:http";
import { createRequestHandler, type RequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { MAX_CV_REQUEST_BYTES } from "../domain/cv.server";
import { inRequestScope } from "../utils/request-scope.server";
import { FOREIGN_ORIGIN_HEADER, isForeignOrigin, NONCE_LOCAL, securityHeaders } from "../utils/security-headers.server";

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

/**
 * Remix's Express adapter appends each header of a route's response to what the server set; a
 * route that sets a security header itself (the CV downloads' nosniff) would then send it twice
 * ("nosniff, nosniff", which a strict parser reads as no valid value). The route's own value
 * replaces the server's instead. Not the Content-Security-Policy: a route's policy (the CVs'
 * `sandbox`) is a second policy, enforced with the server's, which keeps `frame-ancestors`.
 */
const SINGLE_VALUED = new Set(["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "strict-transport-security", "cross-origin-resource-policy"]);
function oneValuePerSecurityHeader(_req: express.Request, res: express.Response, next: express.NextFunction) {
  const append = res.append.bind(res);
  res.append = (field: string, value?: string[] | string) => (SINGLE_VALUED.has(field.toLowerCase()) && value !== undefined ? res.set(field, value) : append(field, value));
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A form posted by another site (an Origin header that is not the host the request was sent
 * to, as Remix compares them): Remix would stop it with a bare 500 before any action runs. The
 * Origin is taken away and the request marked, so that the action's readForm() answers the
 * French 403 page instead.
 */
function markForeignOrigins(req: express.Request, _res: express.Response, next: express.NextFunction) {
  delete req.headers[FOREIGN_ORIGIN_HEADER];
  if (SAFE_METHODS.has(req.method)) return next();
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  if (isForeignOrigin(req.headers.origin, host)) {
    delete req.headers.origin;
    req.headers[FOREIGN_ORIGIN_HEADER] = "1";
  }
  next();
}

/**
 * The HTTP server: security headers on every response, static assets, then Remix, with the
 * client's address and the page's CSP nonce in the load context. `secure`: served over https in
 * production (HSTS, see app/utils/security-headers.server.ts). `build`: the server build, read
 * from build/index.js unless given (the integration tests give one made of app/routes itself).
 * `trustProxy`: Express's "trust proxy" (TRUST_PROXY), so that behind the reverse proxy the
 * client's address is the one the proxy saw, not the proxy's own: the sign-in limit counts per
 * address (docs/decisions/141).
 */
export function createApp({ dev, secure = false, build: givenBuild, trustProxy }: { dev: boolean; secure?: boolean; build?: () => Promise<ServerBuild>; trustProxy?: string }) {
  const app = express();
  app.disable("x-powered-by");
  if (trustProxy) app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy.split(",").map((s) => s.trim()));
  app.use(securityHeaders({ secure }));
  app.use(oneValuePerSecurityHeader);
  app.use(limitRequestBodies);
  app.use(markForeignOrigins);
  // gzip (or deflate) for whatever the client accepts: the pages, their data and the browser
  // bundle, about a fifth of their size for the JavaScript.
  app.use(compression());
  // The browser bundle's names carry a hash of their content (Remix's build): a year, immutable.
  app.use("/build", express.static("public/build", { immutable: !dev, maxAge: dev ? 0 : "1y" }));
  app.use(express.static("public", { maxAge: dev ? 0 : "1h" }));
  const build = givenBuild ?? buildLoader(dev);
  // A GET's loaders share what they read once (who is signed in): see request-scope.server.ts.
  app.use((req, _res, next) => (req.method === "GET" || req.method === "HEAD" ? inRequestScope(next) : next()));
  const remix = (serverBuild: ServerBuild | (() => Promise<ServerBuild>)) =>
    createRequestHandler({
      build: serverBuild,
      mode: dev ? "development" : "production",
      getLoadContext: (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: String(res.locals[NONCE_LOCAL]) }),
    });
  if (dev) {
    // Given a function, Remix asks it for the build at every request: the reloaded one.
    app.all("*", remix(() => build()));
  } else {
    // Given a function, Remix would also derive its route tables again at every request (about
    // a millisecond of CPU for our 94 routes, docs/decisions/146): in production the build is
    // read once, and Remix gets it as it is.
    let handler: Promise<RequestHandler> | undefined;
    app.all("*", (req, res, next) => {
      handler ??= build().then(remix);
      handler.then((handle) => handle(req, res, next), next);
    });
  }
  app.use(answerErrors);
  return app;
}

/**
 * What Express answers itself (an address it cannot decode, e.g. /%E0%A4%A, before Remix sees
 * it): a short French text, with the security headers already set. Express's own error page
 * would replace the Content-Security-Policy with one that lacks `frame-ancestors 'none'`.
 */
function answerErrors(error: { status?: unknown; statusCode?: unknown }, _req: express.Request, res: express.Response, next: express.NextFunction) {
  if (res.headersSent) return next(error);
  const status = Number(error.status ?? error.statusCode);
  const client = Number.isInteger(status) && status >= 400 && status < 500;
  if (!client) console.error(error);
  res.status(client ? status : 500).type("text/plain; charset=utf-8").send(client ? "Adresse ou demande invalide." : "Erreur du serveur : réessayez dans un instant.");
}

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.on("error", reject);
  });
}
