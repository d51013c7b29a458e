import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

/** A page that records every console error and uncaught exception: the test fails on any. */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return { page, errors };
}

describe("explainable matching, as the demo accounts use it", () => {
  it("the demo consultant opens a mission's suggestions, reads the reasons and adds a candidate to the shortlist", async () => {
    const { page, errors } = await watchedPage();
    await signIn(page, "consultant@vivier.test");
    await page.goto("/cabinet/missions");
    const missionHref = await page.locator('a[href^="/cabinet/missions/"]').first().getAttribute("href");
    expect(missionHref).toMatch(/^\/cabinet\/missions\/[^/]+$/);

    await page.goto(`${missionHref}/suggestions`);
    await expect(page.getByRole("heading", { level: 1, name: "Profils suggérés" }).isVisible()).resolves.toBe(true);
    const cards = page.locator(".suggestions > li");
    expect(await cards.count()).toBeGreaterThan(0);
    const first = cards.first();
    const name = (await first.locator("h3").textContent())?.trim() ?? "";
    // A score out of 100 and reasons a consultant can repeat, assets and reservations told apart in words.
    const score = Number(await first.locator(".match-score-value").textContent());
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    const reasons = await first.locator(".match-reasons").first().locator("li").allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join("\n")).toMatch(/Atout : |Réserve : /);
    await checkA11y(page);

    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/suggestions")),
      first.getByRole("button", { name: /^Ajouter à la liste/ }).click(),
    ]);
    await expect(page.getByRole("status").filter({ hasText: "est ajouté à la liste de la mission" }).first().textContent()).resolves.toContain(name);
    // Now on the list: no longer suggested.
    await page.waitForFunction((n) => ![...document.querySelectorAll(".suggestions h3")].some((h) => h.textContent?.trim() === n), name);
    await checkA11y(page);
    expect(errors).toEqual([]);
  });

  it("the demo candidate's home shows « Offres pour vous » with the reasons", async () => {
    const { page, errors } = await watchedPage();
    await signIn(page, "candidat@vivier.test");
    await page.goto("/candidat");
    const section = page.getByRole("region", { name: "Offres pour vous" });
    await section.waitFor();
    const offers = section.locator(".offers-for-you > li");
    expect(await offers.count()).toBeGreaterThan(0);
    const href = await offers.first().locator("h3 a").getAttribute("href");
    expect(href).toMatch(/^\/offres\/[^/]+$/);
    expect((await offers.first().locator(".match-reasons li").allTextContents()).length).toBeGreaterThan(0);
    await checkA11y(page);
    await page.goto(href!);
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
