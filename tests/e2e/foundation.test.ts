import http from "node:http";
import { afterAll, describe, expect, inject, it } from "vitest";
import { baseUrl, checkA11y, closeBrowser, cspViolations, expectBrowserError, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const ACCOUNTS = [
  { email: "admin@vivier.test", space: "/admin" },
  { email: "dgs@vivier.test", space: "/employeur" },
  { email: "consultant@vivier.test", space: "/cabinet" },
  { email: "candidat@vivier.test", space: "/candidat" },
];

describe("the portal as its users meet it", () => {
  it("shows an accessible French landing page to an anonymous visitor", async () => {
    const page = await newPage();
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Recruter");
    await expect.poll(() => page.getByRole("link", { name: "Créer mon profil candidat" }).count()).toBe(1);
    await checkA11y(page);
    await page.goto("/connexion");
    await checkA11y(page);
    await page.context().close();
  });

  for (const account of ACCOUNTS) {
    it(`signs ${account.email} in and lands in ${account.space}, an accessible home`, async () => {
      const page = await newPage();
      await signIn(page, account.email);
      expect(new URL(page.url()).pathname).toBe(account.space);
      await expect.poll(() => page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);
      await checkA11y(page);
      await page.context().close();
    });
  }

  it("sends an anonymous visitor to the sign-in page, then back where they were going", async () => {
    const page = await newPage();
    await page.goto("/employeur");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/connexion");
    expect(url.searchParams.get("redirectTo")).toBe("/employeur");
    await page.getByLabel("Adresse e-mail").fill("dgs@vivier.test");
    await page.getByLabel("Mot de passe").fill("vivier-demo");
    await Promise.all([page.waitForURL("**/employeur"), page.getByRole("button", { name: "Se connecter" }).click()]);
    await page.context().close();
  });

  it("shows the 403 page to a candidate who opens the consultants' talent pool", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    expectBrowserError(page, /^console\.error: Failed to load resource: the server responded with a status of 403 \(Forbidden\) \(http:\/\/[^/]+\/cabinet\/vivier\)$/);
    const response = await page.goto("/cabinet/vivier");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Accès refusé");
    await page.context().close();
  });

  it("shows a generic message for a wrong password and keeps the e-mail typed", async () => {
    const page = await newPage();
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("dgs@vivier.test");
    await page.getByLabel("Mot de passe").fill("not-the-password");
    // The refusal is a 401, which the browser reports.
    expectBrowserError(page, /^console\.error: Failed to load resource: the server responded with a status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/connexion\?_data=routes%2Fconnexion\)$/);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Adresse e-mail ou mot de passe incorrect.").waitFor();
    expect(await page.getByLabel("Adresse e-mail").inputValue()).toBe("dgs@vivier.test");
    await page.context().close();
  });

  it("signs out, deleting the session", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.getByRole("button", { name: "Se déconnecter" }).click()]);
    await page.goto("/candidat");
    expect(new URL(page.url()).pathname).toBe("/connexion");
    await page.context().close();
  });

  it("never sends the Meilisearch key to a browser, in any page or script", async () => {
    const key = inject("meiliMasterKey");
    expect(key.length).toBeGreaterThanOrEqual(16);
    for (const account of ACCOUNTS) {
      const page = await newPage();
      const seen: string[] = [];
      page.on("response", async (response) => {
        const type = response.headers()["content-type"] ?? "";
        if (/html|javascript|json/.test(type)) seen.push(await response.text().catch(() => ""));
      });
      await signIn(page, account.email);
      await page.goto(account.space);
      await page.goto("/offres");
      await page.context().close();
      expect(seen.length).toBeGreaterThan(2);
      for (const body of seen) expect(body).not.toContain(key);
    }
  });

  it("refuses a request body no form of the portal sends, before reading it", async () => {
    /** A POST to /connexion announcing `headers`, whose body is never sent: the answer must not wait for it. */
    const post = (headers: Record<string, string>) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(new URL("/connexion", baseUrl()), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, text });
          });
        });
        req.on("error", reject);
        req.flushHeaders();
      });
    const huge = await post({ "Content-Length": String(100 * 1024 * 1024) });
    expect(huge).toMatchObject({ status: 413, text: expect.stringContaining("5 Mo") });
    expect((await post({ "Transfer-Encoding": "chunked" })).status).toBe(411);
  });

  it("runs only the portal's own scripts: a Content-Security-Policy with a new nonce per page, which an injected script lacks", async () => {
    const page = await newPage();
    const nonceOf = (policy: string | undefined) => /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
    const first = await page.goto("/offres");
    const policy = first?.headers()["content-security-policy"];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(policy);
    expect(nonce).toBeTruthy();
    // Remix's inline scripts carry it (the browser hides its value from the page afterwards).
    const html = await first!.text();
    expect(html.match(/<script[^>]* nonce="([^"]+)"/g)?.length).toBeGreaterThan(1);
    for (const tag of html.match(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    // The page works under it: hydrated (the commune field has become a combobox), nothing blocked.
    await expect.poll(() => page.locator('[role="combobox"]').count()).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
    // A script slipped into the page without the nonce does not run (and the browser says so).
    expectBrowserError(page, /^console\.error: Executing inline script violates the following Content Security Policy directive 'script-src 'self' 'nonce-/);
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await cspViolations(page)).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
    // Each page gets its own nonce.
    const again = await page.goto("/offres");
    expect(nonceOf(again?.headers()["content-security-policy"])).not.toBe(nonce);
    await page.context().close();
  });
});
