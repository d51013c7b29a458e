import { afterAll, describe, expect, inject, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

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
});
