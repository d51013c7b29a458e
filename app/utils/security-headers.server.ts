import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

/**
 * The headers every response carries — pages, data requests, resource routes, static files and
 * errors — set by helmet in the Express server (app/cli/server.ts) before anything answers:
 * - a Content-Security-Policy: own origin only, no inline script but the ones carrying this
 *   response's nonce (Remix's, given the nonce through the load context), inline style attributes
 *   allowed (the map's legend swatches), no framing, no plugin, no foreign form target;
 * - X-Frame-Options DENY for old browsers, nosniff, Referrer-Policy same-origin (a candidate's
 *   page address never reaches another site), a Permissions-Policy that turns off what Vivier
 *   never uses;
 * - HSTS only when served over https in production (`secure`): over http it would pin a
 *   browser to an https that does not exist (decision 060).
 */

export const NONCE_LOCAL = "cspNonce";

type Res = ServerResponse & { locals: Record<string, unknown> };

const PERMISSIONS_POLICY = [
  "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()",
  "display-capture=()", "fullscreen=(self)",
].join(", ");

export function securityHeaders({ secure }: { secure: boolean }) {
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${String((res as Res).locals[NONCE_LOCAL])}'`],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
      },
    },
    strictTransportSecurity: secure ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
  });
  return (req: IncomingMessage, res: Res, next: (error?: unknown) => void) => {
    res.locals[NONCE_LOCAL] = randomBytes(16).toString("base64");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    policy(req, res, next);
  };
}

/**
 * Set by the server (app/cli/server.ts) on a POST whose Origin is not the portal's, after taking
 * the Origin away: Remix would otherwise answer it with a bare 500 before any action runs.
 * readForm() (app/utils/csrf.server.ts) refuses such a request; a client sending the header
 * itself only gets its own request refused.
 */
export const FOREIGN_ORIGIN_HEADER = "x-vivier-foreign-origin";

/** The host a browser's Origin header names, or null when it names none ("null", garbage). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/** True when the request's Origin is present and is not the host the request was sent to. */
export function isForeignOrigin(origin: string | null | undefined, host: string | null | undefined): boolean {
  return origin !== null && origin !== undefined && (!host || hostOf(origin) !== host);
}
