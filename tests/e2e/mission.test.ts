import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const CONSULTANT = "consultant@vivier.test";

/** Fails the test on anything the page logs as an error or throws. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}

/** The demo mission with the most candidates on its list (Langogne's DGS). */
async function openMission(page: Page): Promise<string> {
  await page.goto("/cabinet");
  const link = page.getByRole("region", { name: "Mes missions" }).getByRole("link", { name: /Directeur général des services/ }).first();
  const href = (await link.getAttribute("href")) ?? "";
  await page.goto(href);
  // Hydrated: TanStack has made the select-all checkbox of the list live.
  await page.getByRole("checkbox", { name: "Cocher tous les candidats de la page" }).waitFor();
  return href;
}

describe("a mission's shortlist, as the demo consultant works it", () => {
  it("opens a mission, switches to the board, moves a card with the keyboard, and exports the checked candidates as CSV", async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    await signIn(page, CONSULTANT);
    const base = await openMission(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Directeur général des services/);
    await expect(page.getByRole("table", { name: /Liste restreinte/ }).count()).resolves.toBe(1);
    // Each person's match score and strongest reasons, beside the evaluation (issue 13).
    const list = page.getByRole("table", { name: /Liste restreinte/ });
    await expect(list.getByRole("columnheader", { name: "Adéquation au poste" }).count()).resolves.toBe(1);
    const rowMeter = list.getByRole("meter", { name: /^Adéquation de .+ au poste$/ }).first();
    await expect(rowMeter.getAttribute("aria-valuetext")).resolves.toMatch(/^\d+ sur 100$/);
    await expect(list.locator(".match-reason").first().textContent()).resolves.toMatch(/^[+−·]?(Atout|Réserve|À noter) : /);
    await checkA11y(page);

    // The board, remembered in the URL.
    await Promise.all([page.waitForURL(/vue=tableau/), page.getByRole("link", { name: "Tableau par étape" }).click()]);
    const identified = page.locator("section.board-column", { has: page.getByRole("heading", { name: /^Identifié/ }) });
    await identified.locator("article").first().waitFor();
    await checkA11y(page);
    const card = identified.locator("article").first();
    const cardId = ((await card.getAttribute("id")) ?? "").replace("carte-", "");
    const name = (await card.locator("h4").textContent())?.trim() ?? "";
    // The board's cards carry the match score too.
    await expect(page.locator("article.board-card").getByRole("meter", { name: /^Adéquation de .+ au poste$/ }).count()).resolves.toBeGreaterThan(0);

    // The keyboard alone: focus the card's « → Approché » button and press Enter.
    const move = card.getByRole("button", { name: /Approché/ });
    await move.focus();
    await Promise.all([page.waitForURL(new RegExp(`deplace=${cardId}`)), page.keyboard.press("Enter")]);
    const approached = page.locator("section.board-column", { has: page.getByRole("heading", { name: /^Approché/ }) });
    await expect.poll(() => approached.locator(`#carte-${cardId}`).count()).toBe(1);
    // The moved card takes the focus, in its new column.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`carte-${cardId}`);
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/changé d’étape/);
    await expect(approached.locator(`#carte-${cardId} h4`).textContent()).resolves.toContain(name);
    await checkA11y(page);

    // Back to the list: check two candidates and export them.
    await Promise.all([page.waitForURL((u) => !u.search.includes("vue=tableau")), page.getByRole("link", { name: "Liste", exact: true }).click()]);
    await page.getByRole("checkbox", { name: "Cocher tous les candidats de la page" }).waitFor();
    const boxes = page.locator('table input[type="checkbox"][name="ids"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(page.locator(".bulk-count").textContent()).resolves.toBe("2 candidats cochés");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Exporter en CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^liste-restreinte-.+\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Candidat;Fonction et grade;Distance du poste;Source;Étape;Jours dans l’étape;Note moyenne /100");
    expect(lines).toHaveLength(3);

    expect(errors).toEqual([]);
    expect(page.url()).toContain(base);
    await page.context().close();
  });

  it("gives every page of a mission to the keyboard and the screen reader", async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    await signIn(page, CONSULTANT);
    const base = await openMission(page);
    for (const path of [`${base}/cadrage`, `${base}/faisabilite`, `${base}/messages`, `${base}/ajouter`, `${base}/approche`, `${base}/sortie?vers=WITHDREW`, "/cabinet/modeles", "/cabinet"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await checkA11y(page);
    }
    // The list works before JavaScript: a plain table of links and a form for the checked rows.
    const raw = await (await page.context().request.get(base)).text();
    expect(raw).toContain('<form id="lot" method="post"');
    expect(raw).toMatch(/<table class="shortlist-table">/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
