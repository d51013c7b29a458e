import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { baseUrl, checkA11y, closeBrowser, expectNoBrowserErrors, newPage, signIn, waitForHydration } from "../helpers/e2e";

afterAll(closeBrowser);

/**
 * Each space's home leads somewhere: every count it shows (since the last visit, to do, totals) is
 * a link to the list it counts, filtered as it says. And what cannot be undone asks first.
 */

/** The rows of the list a count links to: a table's, or the cards of a list of proposals or conversations. */
const ROWS = "main table tbody tr:not(:has(td[colspan])), main .contact-list > li, main .conversation-list > li";

/** Counts whose list is shown whole on one page and does not move while the test runs. */
const EXACT = /candidature|brouillon|publié|pourvu|clos|proposition|collectivité|cabinet|organisation/;

async function followCounts(page: Page, home: string): Promise<number> {
  await page.goto(home);
  await waitForHydration(page);
  const links = await page.locator("main .home-counts a").evaluateAll((as) => as.map((a) => ({ text: (a.textContent ?? "").trim(), href: a.getAttribute("href") ?? "" })));
  for (const { text, href } of links) {
    const n = Number(/^(\d[\d\u202f\u00a0]*)/.exec(text)?.[1]?.replace(/\D/g, "") ?? Number.NaN);
    if (Number.isNaN(n)) continue;
    const response = await page.goto(href);
    expect(response?.status(), `${text} → ${href}`).toBe(200);
    await waitForHydration(page);
    expectNoBrowserErrors(page, href);
    const rows = await page.locator(ROWS).count();
    if (EXACT.test(text) && !/messages?|en cours/.test(text) && n <= 25) expect(rows, `« ${text} » on ${home} counts the rows of ${href}`).toBe(n);
    else if (n > 0) expect(rows, `« ${text} » on ${home}: ${href} lists something`).toBeGreaterThan(0);
  }
  return links.length;
}

describe("each home links its counts to the lists they count", () => {
  it("the employer's: new applications per position, those to read, positions by state", async () => {
    const page = await newPage();
    await signIn(page, "dgs@vivier.test");
    await page.goto("/employeur");
    await page.getByRole("heading", { name: "Depuis votre dernière visite" }).waitFor();
    // The seed's applications of the last days are news for dgs@, who last came four days ago.
    await expect(page.locator("main .home-news a").first().textContent()).resolves.toMatch(/^\d+ nouvelles? candidatures?$/);
    await checkA11y(page);
    expect(await page.locator("main").textContent()).not.toMatch(/\(s\)/);
    expect(await followCounts(page, "/employeur")).toBeGreaterThanOrEqual(5);
    // Reloading the home within the same visit keeps its news.
    await page.goto("/employeur");
    await expect.poll(() => page.locator("main .home-news a").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("the candidate's: answers to her applications, messages, proposals to answer", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    await page.goto("/candidat");
    await page.getByRole("link", { name: /^\d+ propositions? attend/ }).waitFor();
    await checkA11y(page);
    expect(await page.locator("main").textContent()).not.toMatch(/\(s\)|\(e\)/);
    expect(await followCounts(page, "/candidat")).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  it("the administrator's: organisations, mails and journal lines since the last visit, invitations pending", async () => {
    const page = await newPage();
    await signIn(page, "admin@vivier.test");
    await page.goto("/admin");
    await page.getByRole("heading", { name: "À faire" }).waitFor();
    await checkA11y(page);
    expect(await page.locator("main").textContent()).not.toMatch(/\(s\)/);
    expect(await followCounts(page, "/admin")).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});

/** Applies to the first offer the demo candidate may still apply to; the application's page. */
async function applySomewhere(page: Page): Promise<string> {
  await page.goto("/offres");
  const hrefs = await page.locator('main a[href^="/offres/"]').evaluateAll((links) =>
    [...new Set(links.map((a) => a.getAttribute("href") ?? ""))].filter((h) => /^\/offres\/[^/?#]+$/.test(h)),
  );
  for (const href of hrefs) {
    await page.goto(`${href}/postuler`);
    if (!(await page.getByLabel("Lettre de motivation").count())) continue;
    await page.getByLabel("Lettre de motivation").fill("Madame, Monsieur, je souhaite mettre mon expérience des finances locales au service de votre collectivité.");
    // Without a CV in her profile (the demo's has none), the form asks for one.
    const cv = page.getByLabel(/^Mon CV/);
    if (await cv.count()) await cv.setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1") });
    await Promise.all([page.waitForURL(/\/candidat\/candidatures\/[^/?]+\?envoyee=1$/), page.getByRole("button", { name: "Envoyer ma candidature" }).click()]);
    return new URL(page.url()).pathname;
  }
  throw new Error("no offer open to the demo candidate");
}

describe("« Retirer ma candidature » asks for confirmation first", () => {
  it("in a dialog, with JavaScript: « Non » keeps the application, « Oui » withdraws it", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    const application = await applySomewhere(page);
    await page.goto(application);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Retirer ma candidature" }).click();
    const dialog = page.getByRole("dialog", { name: "Retirer votre candidature ?" });
    await dialog.waitFor();
    expect(new URL(page.url()).search).toBe("");
    await checkA11y(page);
    await dialog.getByRole("button", { name: "Non, garder ma candidature" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.reload();
    await expect.poll(() => page.locator("main .badge", { hasText: "Envoyée" }).count()).toBe(1);

    await page.getByRole("button", { name: "Retirer ma candidature" }).click();
    await dialog.getByRole("button", { name: "Oui, retirer ma candidature" }).click();
    await page.getByText("Votre candidature est retirée.").waitFor();
    await expect.poll(() => page.locator("main .badge", { hasText: "Retirée" }).count()).toBe(1);
    await page.context().close();
  });

  it("on a confirmation page, without JavaScript", async () => {
    const withJs = await newPage();
    await signIn(withJs, "candidat@vivier.test");
    const application = await applySomewhere(withJs);
    await withJs.context().close();

    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, "candidat@vivier.test");
    await page.goto(application);
    await page.getByRole("button", { name: "Retirer ma candidature" }).click();
    await page.waitForURL(/\?retirer=1$/);
    await page.getByRole("heading", { name: "Retirer votre candidature ?" }).waitFor();
    expect(await page.locator("main .badge", { hasText: "Envoyée" }).count()).toBe(1);
    await page.getByRole("link", { name: "Non, garder ma candidature" }).click();
    await page.waitForURL((url) => url.search === "");
    expect(await page.locator("main .badge", { hasText: "Envoyée" }).count()).toBe(1);

    await page.getByRole("button", { name: "Retirer ma candidature" }).click();
    await page.getByRole("button", { name: "Oui, retirer ma candidature" }).click();
    await page.getByText("Votre candidature est retirée.").waitFor();
    expect(await page.locator("main .badge", { hasText: "Retirée" }).count()).toBe(1);
    await page.context().close();
  });
});

describe("what a public service's site is expected to do", () => {
  it("links the legal pages from every footer, each a real page", async () => {
    const page = await newPage();
    await page.goto("/offres");
    const footer = page.locator("footer");
    for (const [name, heading] of [
      ["Mentions légales", "Mentions légales"],
      ["Données personnelles", "Données personnelles"],
      ["Accessibilité : non conforme", "Déclaration d’accessibilité"],
      ["Plan du site", "Plan du site"],
    ] as const) {
      await page.goto("/offres");
      await Promise.all([page.waitForURL((url) => url.pathname !== "/offres"), footer.getByRole("link", { name }).click()]);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await checkA11y(page);
    }
    await expect(page.getByText(/non conforme/).first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it("compresses its responses and serves the browser bundle with a long immutable cache", async () => {
    const url = (path: string) => new URL(path, baseUrl()).href;
    const home = await fetch(url("/offres"), { headers: { "Accept-Encoding": "gzip" } });
    expect(home.status).toBe(200);
    expect(home.headers.get("content-encoding")).toBe("gzip");
    const html = await home.text();
    const asset = /"(\/build\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const js = await fetch(url(asset ?? ""), { headers: { "Accept-Encoding": "gzip" } });
    expect(js.status).toBe(200);
    expect(js.headers.get("content-encoding")).toBe("gzip");
    expect(js.headers.get("cache-control")).toMatch(/max-age=31536000/);
    expect(js.headers.get("cache-control")).toMatch(/immutable/);
    // The page itself is never cached that way: it changes with every offer.
    expect(home.headers.get("cache-control") ?? "").not.toMatch(/immutable/);
  });
});
