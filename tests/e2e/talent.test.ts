import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const CONSULTANT = "consultant@vivier.test";

/** The headings of the result cards, in order: what a consultant reads as "the results". */
async function resultNames(page: Page): Promise<string[]> {
  return page.locator(".talent-hits h3").allTextContents();
}

async function statusLine(page: Page): Promise<string> {
  return (await page.locator(".talent-status").textContent()) ?? "";
}

/**
 * Waits until the page shows the results whose status line is `expected`: after a client-side
 * navigation the URL may change a moment before the new results are rendered.
 */
async function waitForStatus(page: Page, expected: string | RegExp): Promise<void> {
  await page.waitForFunction(
    ({ source, flags, text }) => {
      const line = document.querySelector(".talent-status")?.textContent ?? "";
      return source !== null ? new RegExp(source, flags).test(line) : line === text;
    },
    typeof expected === "string" ? { source: null, flags: "", text: expected } : { source: expected.source, flags: expected.flags, text: "" },
  );
}

/** The search page, once hydrated (the commune field has become a combobox). */
async function openVivier(page: Page, query = "") {
  await page.goto(`/cabinet/vivier${query}`);
  await page.getByRole("combobox", { name: "Autour de la commune" }).waitFor();
}

describe("the talent pool, as the demo consultant searches it", () => {
  it("searches « urbanisme » within 50 km of a commune, narrows with facets, saves the search, and the URL gives the same results", async () => {
    const page = await newPage();
    await signIn(page, CONSULTANT);
    await openVivier(page);
    await checkA11y(page);

    // Full text around Mulhouse.
    await page.getByLabel("Mots-clés").fill("urbanisme");
    await page.getByRole("combobox", { name: "Autour de la commune" }).fill("Mulhouse");
    await page.getByRole("option", { name: /^Mulhouse \(68\)/ }).click();
    await page.getByRole("combobox", { name: "Rayon" }).selectOption("50");
    await Promise.all([page.waitForURL(/[?&]q=urbanisme/), page.getByRole("button", { name: "Rechercher" }).click()]);
    let url = new URL(page.url());
    expect(url.searchParams.get("commune")).toBe("68224");
    expect(url.searchParams.get("radius")).toBe("50");
    await waitForStatus(page, /pour « urbanisme » à moins de 50 km de Mulhouse \(68\)/);
    const found = await resultNames(page);
    expect(found.length).toBeGreaterThan(0);
    // Highlighted matches, as <mark> elements around text.
    expect(await page.locator(".talent-hits mark").count()).toBeGreaterThan(0);
    await checkA11y(page);
    const broadUrl = page.url();
    const broadStatus = await statusLine(page);
    const broadTotal = Number(/^(\d+)/.exec(broadStatus)?.[1]);

    // Narrow with a facet: in the first group offering a choice, the value with the fewest
    // profiles; its count (computed without the group's own selection) is the new result count.
    const groups = ["Statut", "Disponibilité", "Catégorie", "Cadre d’emplois", "Département"];
    let pick: { group: string; name: string; value: string; count: number } | undefined;
    for (const group of groups) {
      const boxes = page.getByRole("group", { name: group, exact: true }).getByRole("checkbox");
      const options = await boxes.evaluateAll((els) =>
        els.map((el) => ({ name: (el as HTMLInputElement).name, value: (el as HTMLInputElement).value, label: (el as HTMLInputElement).labels?.[0]?.textContent ?? "" })),
      );
      const counted = options.map((o) => ({ group, name: o.name, value: o.value, count: Number(/\((\d+)\)\s*$/.exec(o.label)?.[1] ?? 0) })).filter((o) => o.count > 0);
      if (counted.length >= 2) {
        pick = counted.sort((a, b) => a.count - b.count)[0];
        break;
      }
    }
    expect(pick, "a facet offering a choice among the results").toBeDefined();
    await page.locator(`.talent-facets input[name="${pick!.name}"][value="${pick!.value}"]`).check();
    await Promise.all([page.waitForURL((u) => u.searchParams.getAll(pick!.name).includes(pick!.value)), page.getByRole("button", { name: "Appliquer les filtres" }).click()]);
    url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("urbanisme");
    expect(url.searchParams.get("commune")).toBe("68224");
    await waitForStatus(page, new RegExp(`^${pick!.count} profils? pour « urbanisme »`));
    const narrowed = await resultNames(page);
    const narrowedStatus = await statusLine(page);
    expect(narrowed.length).toBe(Math.min(pick!.count, 20));
    expect(pick!.count).toBeLessThan(broadTotal);
    await expect(page.locator(`.talent-facets input[name="${pick!.name}"]:checked`).count()).resolves.toBe(1);
    const narrowedUrl = page.url();

    // The back button restores the broader search, form included.
    await page.goBack();
    await page.waitForURL(broadUrl);
    await waitForStatus(page, broadStatus);
    await page.locator(`.talent-facets input[name="${pick!.name}"]:checked`).waitFor({ state: "detached" });
    expect(await resultNames(page)).toEqual(found);
    await page.goForward();
    await page.waitForURL(narrowedUrl);
    await waitForStatus(page, narrowedStatus);
    await page.locator(`.talent-facets input[name="${pick!.name}"]:checked`).waitFor();
    expect(await resultNames(page)).toEqual(narrowed);

    // Save it.
    const name = `Urbanisme Mulhouse ${randomBytes(3).toString("hex")}`;
    await page.getByText("Enregistrer cette recherche", { exact: true }).click();
    await page.getByLabel("Nom de la recherche").fill(name);
    await Promise.all([page.waitForURL("**/cabinet/recherches?ok=enregistree"), page.getByRole("button", { name: "Enregistrer", exact: true }).click()]);
    await page.getByText("La recherche est enregistrée.").waitFor();
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row.textContent()).resolves.toContain("à 50 km de Mulhouse");
    await expect(row.textContent()).resolves.toContain("Aucun nouveau profil");
    await checkA11y(page);

    // Re-run it in one click: the same results.
    await Promise.all([page.waitForURL("**/cabinet/vivier?**"), row.getByRole("button", { name: `Relancer « ${name} »` }).click()]);
    await waitForStatus(page, narrowedStatus);
    expect(await resultNames(page)).toEqual(narrowed);

    // The shared URL, opened by a colleague's browser, shows the same results.
    const shared = await newPage();
    await signIn(shared, CONSULTANT);
    await openVivier(shared, new URL(narrowedUrl).search);
    expect(await resultNames(shared)).toEqual(narrowed);
    expect(await statusLine(shared)).toBe(narrowedStatus);
    await shared.context().close();
    await page.context().close();
  });

  it("unfolds a facet's other values on demand, the keyboard focus on the first one revealed, and folds it again", async () => {
    const page = await newPage();
    await signIn(page, CONSULTANT);
    await openVivier(page);
    // The whole pool: the département facet has more values than it shows at first.
    const group = page.getByRole("group", { name: "Département" });
    await expect(group.getByRole("checkbox").count()).resolves.toBe(8);
    const more = group.getByRole("link", { name: /^Afficher (les \d+ autres choix|1 autre choix) \(Département\)$/ });
    const hidden = Number((await more.textContent())!.match(/\d+/)![0]);
    await more.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("deplier") === "departement");
    await page.waitForFunction((n) => document.querySelectorAll("#facette-departement input[type=checkbox]").length === n, 8 + hidden);
    // The focus lands on the ninth value, the first the link revealed.
    await page.waitForFunction(() => document.activeElement === document.querySelectorAll("#facette-departement input[type=checkbox]")[8]);
    await checkA11y(page);

    // Applying the filters keeps the facet unfolded; « Afficher moins de choix » folds it again.
    await page.locator("#facette-departement input[type=checkbox]").nth(8).check();
    await Promise.all([page.waitForURL((url) => url.searchParams.has("departement")), page.getByRole("button", { name: "Appliquer les filtres" }).click()]);
    expect(new URL(page.url()).searchParams.get("deplier")).toBe("departement");
    await group.getByRole("link", { name: "Afficher moins de choix (Département)" }).click();
    await page.waitForURL((url) => !url.searchParams.has("deplier"));
    // Folded, with the ticked value still shown after the first eight.
    await page.waitForFunction(() => document.querySelectorAll("#facette-departement input[type=checkbox]").length === 9);
    await expect(group.locator("input:checked").count()).resolves.toBe(1);
    await page.context().close();
  });

  it("shows a mission's market feasibility with its map and tables", async () => {
    const page = await newPage();
    await signIn(page, CONSULTANT);
    await page.goto("/cabinet/missions");
    await checkA11y(page);
    await Promise.all([page.waitForURL(/\/cabinet\/missions\/[a-z0-9]+$/), page.locator("table tbody tr th a").first().click()]);
    await Promise.all([page.waitForURL(/\/cabinet\/missions\/[a-z0-9]+\/faisabilite$/), page.getByRole("link", { name: "Marché" }).click()]);
    await page.getByRole("heading", { name: "Faisabilité du marché" }).waitFor();
    await expect(page.getByRole("group", { name: /Profils réunissant les exigences indispensables/ }).count()).resolves.toBe(1);
    await expect(page.getByRole("table", { name: "Critère par critère" }).count()).resolves.toBe(1);
    await expect(page.getByRole("table", { name: /À distance du poste/ }).count()).resolves.toBe(1);
    await checkA11y(page);

    // The map: the 96 outlines and the five overseas tiles, each named with its count.
    const canvas = page.getByRole("group", { name: /Profils réunissant les exigences indispensables/ });
    await expect(canvas.locator(".dep:not(.dep-inset) path").count()).resolves.toBe(96);
    await expect(canvas.locator(".dep rect").count()).resolves.toBe(5);
    await expect(canvas.getByRole("img", { name: /^Haut-Rhin \(68\) : (aucun profil|\d+ profils?)/ }).count()).resolves.toBe(1);
    // From the skip link, the keyboard reaches the first département, whose label then shows.
    const ain = canvas.locator('.dep[data-code="01"]');
    await expect(ain.locator(".dep-tip").isVisible()).resolves.toBe(false);
    await page.getByRole("link", { name: /Passer la carte/ }).focus();
    await page.keyboard.press("Tab");
    await expect(ain.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(ain.locator(".dep-tip").isVisible()).resolves.toBe(true);
    expect(await ain.locator(".dep-tip").textContent()).toMatch(/^Ain \(01\) (aucun profil|\d+ profils?)$/);
    // Hovering another shows its label instead of nothing.
    const gironde = canvas.locator('.dep[data-code="33"]');
    await gironde.locator("path").hover();
    await expect(gironde.locator(".dep-tip").isVisible()).resolves.toBe(true);
    // Paris, enlarged in its box, under the pointer.
    const parisInset = canvas.locator(".dep-inset").first();
    await parisInset.locator("path").hover();
    await expect(parisInset.locator(".dep-tip").isVisible()).resolves.toBe(true);
    expect(await parisInset.locator(".dep-tip").textContent()).toMatch(/^Paris \(75\) (aucun profil|\d+ profils?)$/);
    // The position's marker, and a legend of ranges that names it.
    await expect(canvas.locator(".dep-map-marks circle").count()).resolves.toBe(2);
    const legend = page.getByRole("list", { name: "Légende de la carte" });
    const lines = await legend.locator("li").allTextContents();
    expect(lines[0].trim()).toBe("Aucun profil");
    expect(lines.at(-1)!.trim()).toMatch(/^Le poste : .+ \((\d\d|2A|2B|97\d)\)$/);
    for (const line of lines.slice(1, -1)) expect(line.trim()).toMatch(/^(1 profil|\d+ profils|\d+ à \d+ profils)$/);
    await expect(page.getByText(/Fond de carte : .*CC BY 4\.0/).count()).resolves.toBe(1);
    // On a phone, the map scales down to the screen.
    await page.setViewportSize({ width: 390, height: 800 });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, canvas: document.querySelector(".dep-map-canvas")!.getBoundingClientRect().width }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.canvas).toBeLessThan(390);
    await page.setViewportSize({ width: 1280, height: 800 });
    const marketUrl = page.url();

    await Promise.all([page.waitForURL(/\/cabinet\/vivier\?mission=/), page.getByRole("link", { name: "Chercher ces profils dans le vivier" }).click()]);
    await page.getByText(/Recherche pour la mission/).waitFor();
    await page.context().close();

    // Without JavaScript, a focused département still shows its label (plain CSS).
    const plain = await newPage({ javaScriptEnabled: false });
    await signIn(plain, CONSULTANT);
    await plain.goto(marketUrl);
    const paris = plain.locator('.dep[data-code="75"]');
    await paris.focus();
    await expect(paris.locator(".dep-tip").isVisible()).resolves.toBe(true);
    expect(await paris.locator(".dep-tip").textContent()).toMatch(/^Paris \(75\) (aucun profil|\d+ profils?)$/);
    await plain.context().close();
  });
});
