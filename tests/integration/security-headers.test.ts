import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../helpers/http";
import { Browser } from "../helpers/http";
import { send, servePortal, walkScene, type Scene } from "./route-walk-fixtures";
import { ROUTES } from "./route-walk-table";

/**
 * The security headers of a production deployment served over https (docs/decisions/060), on
 * every response: each route of app/routes as a page, as data and as a posted form, a static
 * file, an unknown address, an address Express itself refuses, and the other methods. The route
 * walk (route-walk.test.ts) checks the same headers, HSTS aside, for every actor. And the cookies
 * of such a deployment: `__Host-`, Secure, Path=/, no Domain, HttpOnly.
 */

const HEADERS: Array<[string, RegExp]> = [
  ["strict-transport-security", /^max-age=(\d{8,}); includeSubDomains$/],
  ["content-security-policy", /default-src 'self'.*frame-ancestors 'none'/],
  ["x-content-type-options", /^nosniff$/],
  ["referrer-policy", /^same-origin$/],
  ["permissions-policy", /camera=\(\).*microphone=\(\).*geolocation=\(\)/],
  ["x-frame-options", /^DENY$/],
];

let scene: Scene;
let portal: Awaited<ReturnType<typeof servePortal>>;

beforeAll(async () => {
  scene = await walkScene();
  portal = await servePortal({ secure: true });
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

function missing(res: Response, label: string): string[] {
  return HEADERS.filter(([name, pattern]) => !pattern.test(res.headers.get(name) ?? "")).map(([name]) => `${label}: ${name} is « ${res.headers.get(name)} »`);
}

describe("security headers over https in production", () => {
  it("puts them on every response of every route, and on what Express answers itself", async () => {
    const browser = await Browser.create();
    const failures: string[] = [];
    for (const route of portal.routes) {
      const spec = ROUTES[route.id];
      if (!spec) continue;
      const url = spec.url(scene);
      const sep = url.includes("?") ? "&" : "?";
      failures.push(...missing(await send(portal.url, browser, url), `GET ${url}`));
      failures.push(...missing(await send(portal.url, browser, `${url}${sep}_data=${encodeURIComponent(route.id)}`), `GET ${url} _data`));
      if (route.module.action) failures.push(...missing(await send(portal.url, browser, url, {}), `POST ${url}`));
    }
    for (const url of ["/favicon.svg", "/page-qui-n-existe-pas", "/%E0%A4%A", "/build/%", "/build/absent.js", "/offres?page=%ZZ"]) {
      failures.push(...missing(await fetch(`${portal.url}${url}`, { redirect: "manual" }), `GET ${url}`));
    }
    for (const method of ["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]) {
      failures.push(...missing(await fetch(`${portal.url}/connexion`, { method, redirect: "manual" }), `${method} /connexion`));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("names the cookies __Host- and makes them Secure, host-only, for the whole site, out of scripts' reach", async () => {
    const user = await createUser("CANDIDATE");
    const root = path.resolve(import.meta.dirname, "..", "..");
    const { stdout } = await promisify(execFile)(path.join(root, "node_modules", ".bin", "tsx"), ["tests/helpers/production-cookies.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", APP_URL: "https://vivier.example.fr", SESSION_SECRET: "production-secret-0123456789-0123456789", VIVIER_USER_ID: user.id },
      timeout: 60_000,
    });
    const cookies = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, string>;
    expect(Object.keys(cookies).sort()).toEqual(["csrf", "session", "signedOut"]);
    for (const [which, header] of Object.entries(cookies)) {
      expect(header, which).toMatch(/^__Host-vivier_(csrf|session)=/);
      const flags = header.split(";").slice(1).map((f) => f.trim().toLowerCase());
      expect(flags, which).toContain("secure");
      expect(flags, which).toContain("path=/");
      expect(flags, which).toContain("httponly");
      expect(flags, which).toContain("samesite=lax");
      expect(flags.some((f) => f.startsWith("domain=")), `${which} has no Domain`).toBe(false);
    }
  }, 120_000);
});
