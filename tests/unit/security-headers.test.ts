import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "~/utils/security-headers.server";
import { cookieName, parseEnv } from "~/utils/env.server";

const base = { SESSION_SECRET: "x".repeat(40) };

/** The headers a tiny Express app using the portal's middleware answers with. */
async function headersOf(secure: boolean): Promise<Headers> {
  const app = express();
  app.use(securityHeaders({ secure }));
  app.get("/", (_req, res) => res.send("ok"));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return res.headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("security headers and cookies of a production deployment", () => {
  it("pins browsers to https (HSTS) only when the portal is served over https in production", async () => {
    expect((await headersOf(true)).get("strict-transport-security")).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect((await headersOf(false)).get("strict-transport-security")).toBeNull();
  });

  it("names the session and CSRF cookies __Host- in production over https, and plainly on this machine", () => {
    const production = parseEnv({ ...base, NODE_ENV: "production", APP_URL: "https://vivier.example.fr" });
    const local = parseEnv({ ...base, NODE_ENV: "production", APP_URL: "http://localhost:3000" });
    expect(cookieName("vivier_session", production)).toBe("__Host-vivier_session");
    expect(cookieName("vivier_csrf", production)).toBe("__Host-vivier_csrf");
    expect(cookieName("vivier_session", local)).toBe("vivier_session");
    expect(cookieName("vivier_session", parseEnv({ ...base, APP_URL: "https://vivier.example.fr" }))).toBe("vivier_session");
  });
});
