import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

/** Opens a page and checks it answers 200, has a title and a main landmark, and passes axe. */
async function audit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect((await page.title()).length, `${path} has a title`).toBeGreaterThan(5);
  await expect.poll(() => page.locator("main#contenu").count(), { message: `${path} has its main landmark` }).toBe(1);
  await checkA11y(page);
}

/** The first link of the page whose href starts with the prefix (a detail page of the demo data). */
async function firstLink(page: Page, from: string, prefix: string): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => h.length > prefix.length && !h.includes("?") && !h.endsWith("/nouveau"));
  expect(href, `a link to ${prefix}… on ${from}`).toBeTruthy();
  return href ?? "";
}

describe("every page passes an automatic accessibility check (RGAA, axe: no serious or critical violation)", () => {
  it("the public pages", async () => {
    const page = await newPage();
    for (const path of ["/", "/connexion", "/inscription", "/mot-de-passe-oublie", "/confidentialite", "/offres", "/offres?q=directeur"]) await audit(page, path);
    await audit(page, await firstLink(page, "/offres", "/offres/"));
    await page.context().close();
  });

  it("the employer's pages", async () => {
    const page = await newPage();
    await signIn(page, "dgs@vivier.test");
    for (const path of ["/employeur", "/employeur/postes", "/employeur/postes/nouveau"]) await audit(page, path);
    const position = await firstLink(page, "/employeur/postes", "/employeur/postes/");
    await audit(page, position);
    await audit(page, `${position}/modifier`);
    // The demo DGS's "Directeur général des services" position has applications: its list and one of them.
    const dgs = await firstLink(page, `/employeur/postes?q=${encodeURIComponent("Directeur général des services")}`, "/employeur/postes/");
    await audit(page, `${dgs}/candidatures`);
    await audit(page, await firstLink(page, `${dgs}/candidatures`, "/employeur/candidatures/"));
    await page.context().close();
  });

  it("the consultant's pages", async () => {
    const page = await newPage();
    await signIn(page, "consultant@vivier.test");
    for (const path of ["/cabinet", "/cabinet/vivier", "/cabinet/vivier?q=finances", "/cabinet/recherches", "/cabinet/contacts", "/cabinet/missions", "/cabinet/consultants", "/cabinet/modeles"]) await audit(page, path);
    const mission = await firstLink(page, "/cabinet/missions", "/cabinet/missions/");
    for (const path of [mission, `${mission}?vue=tableau`, `${mission}/cadrage`, `${mission}/faisabilite`, `${mission}/messages`, `${mission}/ajouter`]) await audit(page, path);
    await audit(page, await firstLink(page, "/cabinet/modeles", "/cabinet/modeles/"));
    await page.context().close();
  });

  it("the candidate's pages", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    for (const path of ["/candidat", "/candidat/profil", "/candidat/profil/cv", "/candidat/profil/visibilite", "/candidat/candidatures", "/candidat/contacts", "/candidat/messages", "/candidat/donnees"]) await audit(page, path);
    await audit(page, await firstLink(page, "/candidat/candidatures", "/candidat/candidatures/"));
    await page.context().close();
  });

  it("the administrator's pages", async () => {
    const page = await newPage();
    await signIn(page, "admin@vivier.test");
    for (const path of ["/admin", "/admin/organisations", "/admin/organisations?q=Mende", "/admin/courriels"]) await audit(page, path);
    await page.context().close();
  });
});
