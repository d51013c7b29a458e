import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage } from "../helpers/e2e";

afterAll(closeBrowser);

/** "12 offres" → 12, from a facet's label ("Catégorie A 12 offres"). */
function countIn(label: string): number {
  const match = label.match(/(\d+)\s+offres?\s*$/);
  if (!match) throw new Error(`No count in "${label}"`);
  return Number(match[1]);
}

describe("the public offer search", () => {
  it("lets an anonymous visitor narrow the offers by a facet, with the URL keeping the search", async () => {
    const page = await newPage();
    await page.goto("/offres");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Offres d’emploi des collectivités");
    await expect(page.locator(".offer-results-status").textContent()).resolves.toMatch(/\d+ offres? publiées?, les plus récentes d’abord/);
    await checkA11y(page);

    // Catégorie A, not A+: the label reads "Catégorie A 12 offres".
    const facet = page.getByRole("group", { name: "Catégorie" }).getByRole("checkbox", { name: /^Catégorie A \d/ });
    const id = await facet.getAttribute("id");
    const expected = countIn((await page.locator(`label[for="${id}"]`).textContent()) ?? "");
    expect(expected).toBeGreaterThan(0);

    // Ticking applies at once (the page is hydrated), and the URL says what was chosen.
    // Hydrated once the commune field has become a combobox.
    await page.getByRole("combobox", { name: "Autour de la commune" }).waitFor();
    await facet.check();
    // The URL may change a moment before the page shows the new results: wait for them.
    await page.locator(".offer-results-status", { hasText: new RegExp(`^${expected} offres? publiées?`) }).waitFor();
    expect(new URL(page.url()).searchParams.getAll("categorie")).toEqual(["A"]);
    const tags = await page.locator(".offer-card .offer-tags li:first-child").allTextContents();
    expect(tags.length).toBe(Math.min(expected, 20));
    for (const tag of tags) expect(tag).toBe("Catégorie A");
    await expect(facet.isChecked()).resolves.toBe(true);
    // Keyboard and screen-reader users stay where they were.
    await expect(facet.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await checkA11y(page);

    // The URL alone reproduces the search; the back button returns to all offers, unticked.
    const url = page.url();
    const again = await newPage();
    await again.goto(url);
    await expect(again.locator(".offer-results-status").textContent()).resolves.toMatch(new RegExp(`^${expected} offres? publiées?`));
    await again.context().close();
    const all = await page.locator(".offer-results-status").textContent();
    await page.goBack();
    // The URL changes at once; the page follows when the search has answered.
    await page.locator(".offer-results-status", { hasNotText: all ?? "" }).waitFor();
    expect(new URL(page.url()).searchParams.has("categorie")).toBe(false);
    await expect(facet.isChecked()).resolves.toBe(false);
    await page.context().close();
  });

  it("searches words and says so when nothing matches, with a way back to every offer", async () => {
    const page = await newPage();
    await page.goto("/offres");
    // Hydrated once the commune field has become a combobox: the search then runs without a reload.
    await page.getByRole("combobox", { name: "Autour de la commune" }).waitFor();
    await page.getByLabel("Métier, compétence, collectivité…").fill("xylophoniste quantique");
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("q") === "xylophoniste quantique"),
      page.getByRole("button", { name: "Rechercher" }).click(),
    ]);
    // The URL changes at once; the page follows when the search has answered.
    await page.locator(".offer-results-status", { hasText: "Aucune offre ne correspond à votre recherche." }).waitFor();
    await Promise.all([page.waitForURL((url) => url.pathname === "/offres" && url.search === ""), page.getByRole("link", { name: "Voir toutes les offres" }).click()]);
    await page.locator(".offer-results-status", { hasText: /offres? publiées?/ }).waitFor();
    await expect(page.getByLabel("Métier, compétence, collectivité…").inputValue()).resolves.toBe("");
    await checkA11y(page);
    await page.context().close();
  });

  it("keeps the words typed while the page was still loading, and searches them", async () => {
    const page = await newPage();
    // The portal's scripts wait until the words are typed: the visitor was quicker than hydration.
    let typed!: () => void;
    const ready = new Promise<void>((resolve) => (typed = resolve));
    await page.route(/\/build\/.*\.js$/, async (route) => {
      await ready;
      await route.continue();
    });
    await page.goto("/offres", { waitUntil: "commit" });
    await page.getByLabel("Métier, compétence, collectivité…").fill("xylophoniste quantique");
    typed();
    await page.getByRole("combobox", { name: "Autour de la commune" }).waitFor();
    await expect(page.getByLabel("Métier, compétence, collectivité…").inputValue()).resolves.toBe("xylophoniste quantique");
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("q") === "xylophoniste quantique"),
      page.getByRole("button", { name: "Rechercher" }).click(),
    ]);
    await page.locator(".offer-results-status", { hasText: "Aucune offre ne correspond à votre recherche." }).waitFor();
    await checkA11y(page);
    await page.context().close();
  });

  it("keeps the words typed while a ticked filter was loading, and searches them with the filter", async () => {
    const page = await newPage();
    await page.goto("/offres");
    await page.getByRole("combobox", { name: "Autour de la commune" }).waitFor();
    // The filter's results wait until the words are typed.
    let typed!: () => void;
    const ready = new Promise<void>((resolve) => (typed = resolve));
    await page.route((url) => url.pathname === "/offres" && url.searchParams.has("_data"), async (route) => {
      await ready;
      await route.continue();
    });
    const facet = page.getByRole("group", { name: "Catégorie" }).getByRole("checkbox", { name: /^Catégorie A \d/ });
    await Promise.all([page.waitForRequest((r) => new URL(r.url()).searchParams.get("categorie") === "A"), facet.check()]);
    await page.getByLabel("Métier, compétence, collectivité…").fill("xylophoniste quantique");
    typed();
    await page.waitForURL((url) => url.searchParams.get("categorie") === "A");
    await page.locator(".offer-results-status", { hasText: /^\d+ offres? publiées?/ }).waitFor();
    await expect(page.getByLabel("Métier, compétence, collectivité…").inputValue()).resolves.toBe("xylophoniste quantique");
    await expect(facet.isChecked()).resolves.toBe(true);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("q") === "xylophoniste quantique" && url.searchParams.get("categorie") === "A"),
      page.getByRole("button", { name: "Rechercher" }).click(),
    ]);
    await page.locator(".offer-results-status", { hasText: "Aucune offre ne correspond à votre recherche." }).waitFor();
    await page.context().close();
  });
});
