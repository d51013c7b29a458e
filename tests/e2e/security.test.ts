import { describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/e2e";

/**
 * The real portal as someone probing it meets it, with plain HTTP requests: what every response
 * tells the browser (headers), and the bad input that must get a French page, never a 500.
 */

const url = (path: string) => new URL(path, baseUrl()).href;

/** A POST to /connexion as a form of another site would send it. */
function postFrom(origin: string) {
  return fetch(url("/connexion"), {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: "email=candidat%40vivier.test&password=vivier-demo&csrf=x",
  });
}

describe("hardening against a curious visitor", () => {
  it("answers a form posted from another site with the French 403 page, not a 500", async () => {
    for (const origin of ["https://evil.example", "null", "pas une adresse"]) {
      const res = await postFrom(origin);
      expect(res.status, origin).toBe(403);
      const html = await res.text();
      expect(html).toContain('lang="fr"');
      expect(html).toContain("Le formulaire a expiré ou ne provient pas de Vivier");
    }
  });

  it("shows the sign-in page whatever control characters its return address holds", async () => {
    for (const redirectTo of ["/\r\n/evil.example", "\u0000\u0007", "/x\r\nSet-Cookie: a=b", "%E0%A4%A"]) {
      const res = await fetch(url(`/connexion?redirectTo=${encodeURIComponent(redirectTo)}`));
      expect(res.status, JSON.stringify(redirectTo)).toBe(200);
    }
  });

  it("puts the security headers on every response: pages, errors, data, resource routes and static files", async () => {
    const home = await fetch(url("/"));
    const asset = /"(\/build\/[^"]+\.js)"/.exec(await home.text())?.[1];
    expect(asset).toBeTruthy();
    for (const path of ["/", "/connexion", "/page-qui-n-existe-pas", "/offres?_data=routes%2Foffres._index", "/healthz", "/api/communes?q=lyon", "/favicon.svg", asset ?? ""]) {
      const { headers } = await fetch(url(path));
      const csp = headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("same-origin");
      expect(headers.get("permissions-policy"), path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      // Served over http on this machine: no HSTS, which would pin the browser to https here.
      expect(headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("gives each page a nonce of its own, the same in the header and in the page's scripts", async () => {
    const res = await fetch(url("/connexion"));
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    const again = /'nonce-([^']+)'/.exec((await fetch(url("/connexion"))).headers.get("content-security-policy") ?? "")?.[1];
    expect(again).not.toBe(nonce);
  });
});
