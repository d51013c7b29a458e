import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

/** The listbox a combobox controls (React's generated ids hold colons, which CSS refuses after #). */
async function listboxOf(page: Page, combobox: Locator): Promise<Locator> {
  const id = await combobox.getAttribute("aria-controls");
  expect(id, "the combobox names its listbox").toBeTruthy();
  const listbox = page.locator(`[id="${id}"]`);
  await expect(listbox.getAttribute("role")).resolves.toBe("listbox");
  return listbox;
}

/** The live region of the field, where the number of suggestions and the choice are announced. */
function statusOf(page: Page, combobox: Locator): Locator {
  return page.locator(".field", { has: combobox }).getByRole("status");
}

/** Waits until the list is shown and announced, and returns its options. */
async function expectSuggestions(page: Page, combobox: Locator, announced: RegExp): Promise<Locator> {
  await expect.poll(() => combobox.getAttribute("aria-expanded")).toBe("true");
  const listbox = await listboxOf(page, combobox);
  await expect(listbox.isVisible()).resolves.toBe(true);
  const options = listbox.getByRole("option");
  expect(await options.count()).toBeGreaterThan(0);
  await expect.poll(() => statusOf(page, combobox).textContent()).toMatch(announced);
  return options;
}

/** Presses a key and checks that aria-activedescendant now points at `option`, shown as selected. */
async function pressTo(combobox: Locator, key: string, option: Locator): Promise<void> {
  await combobox.press(key);
  const id = await option.getAttribute("id");
  await expect.poll(() => combobox.getAttribute("aria-activedescendant")).toBe(id);
  await expect(option.getAttribute("aria-selected")).resolves.toBe("true");
}

async function expectClosed(page: Page, combobox: Locator): Promise<void> {
  await expect.poll(() => combobox.getAttribute("aria-expanded")).toBe("false");
  await expect(combobox.getAttribute("aria-activedescendant")).resolves.toBeNull();
  await expect((await listboxOf(page, combobox)).isHidden()).resolves.toBe(true);
}

describe("the commune and organisation pickers", () => {
  it("let a keyboard user pick a commune to search offers around, and the search carries its INSEE code", async () => {
    const page = await newPage();
    await page.goto("/offres");
    const combobox = page.getByRole("combobox", { name: "Autour de la commune" });
    const code = page.locator("form", { has: combobox }).locator('input[type="hidden"][name="commune"]');

    await combobox.pressSequentially("Rennes");
    const options = await expectSuggestions(page, combobox, /^\d+ communes proposées : flèche bas pour parcourir\.$/);
    expect(await options.count()).toBeGreaterThan(2);
    await expect(options.first().textContent()).resolves.toMatch(/^Rennes \(35\)/);

    // Escape closes the list and keeps what was typed.
    await combobox.press("Escape");
    await expectClosed(page, combobox);
    await expect(combobox.inputValue()).resolves.toBe("Rennes");

    // The arrows reopen it and move through the options; Home and End go to its ends.
    await pressTo(combobox, "ArrowDown", options.nth(0));
    await expect.poll(() => combobox.getAttribute("aria-expanded")).toBe("true");
    await pressTo(combobox, "ArrowDown", options.nth(1));
    await pressTo(combobox, "ArrowUp", options.nth(0));
    await pressTo(combobox, "End", options.last());
    await pressTo(combobox, "Home", options.nth(0));
    await checkA11y(page);

    // Enter picks the active option; it does not submit the search.
    await combobox.press("Enter");
    await expectClosed(page, combobox);
    await expect(combobox.inputValue()).resolves.toBe("Rennes (35)");
    await expect(code.inputValue()).resolves.toBe("35238");
    await expect.poll(() => statusOf(page, combobox).textContent()).toBe("Rennes (35) choisie.");
    expect(new URL(page.url()).searchParams.has("commune")).toBe(false);

    // With the list closed, Enter submits the search, which carries the code.
    await combobox.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("commune") === "35238");

    // Typing again clears the code: what is sent is a chosen commune or nothing.
    await expect(code.inputValue()).resolves.toBe("35238");
    await combobox.press("End");
    await combobox.press("Backspace");
    await expect(combobox.inputValue()).resolves.toBe("Rennes (35");
    await expect(code.inputValue()).resolves.toBe("");
    await page.context().close();
  });

  it("let a keyboard user pick an organisation to hide from, and the form carries its official key", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    const found = await page.request.get("/api/organisations?q=Haute");
    const { organizations } = (await found.json()) as { organizations: Array<{ officialKey: string; name: string }> };
    const departement = organizations.find((o) => o.name === "Haute-Loire (département)");
    expect(departement, "the official list has the département of Haute-Loire").toBeTruthy();

    await page.goto("/candidat/profil/visibilite");
    const combobox = page.getByRole("combobox", { name: "Ajouter une organisation" });
    const key = page.locator("form", { has: combobox }).locator('input[type="hidden"][name="officialKey"]');
    const note = page.locator(".field", { has: combobox }).getByText("Organisation choisie dans la liste officielle.");

    await combobox.pressSequentially("Haute");
    const options = await expectSuggestions(page, combobox, /^\d+ organisations? proposées? : flèche bas pour parcourir\.$/);
    const count = await options.count();

    await combobox.press("Escape");
    await expectClosed(page, combobox);
    await expect(combobox.inputValue()).resolves.toBe("Haute");

    // ArrowDown, one option after the other, down to the département.
    let at = -1;
    for (let i = 0; i < count && at < 0; i++) {
      await pressTo(combobox, "ArrowDown", options.nth(i));
      if ((await options.nth(i).textContent())?.startsWith("Haute-Loire (département)")) at = i;
    }
    expect(at, "the département is among the suggestions").toBeGreaterThanOrEqual(0);
    await checkA11y(page);

    await combobox.press("Enter");
    await expectClosed(page, combobox);
    await expect(combobox.inputValue()).resolves.toBe("Haute-Loire (département)");
    await expect(key.inputValue()).resolves.toBe(departement?.officialKey);
    await note.waitFor();

    // Typing again clears the key; the typed name alone would be searched by the action.
    await combobox.press("Backspace");
    await expect(combobox.inputValue()).resolves.toBe("Haute-Loire (département");
    await expect(key.inputValue()).resolves.toBe("");
    await expect.poll(() => note.count()).toBe(0);
    await page.context().close();
  });

  it("are plain text fields without JavaScript, whose typed code or name the server reads", async () => {
    const page = await newPage({ javaScriptEnabled: false });

    await page.goto("/offres");
    expect(await page.getByRole("combobox", { name: "Autour de la commune" }).count()).toBe(0);
    await page.getByRole("textbox", { name: "Autour de la commune" }).fill("35238");
    await Promise.all([page.waitForURL((url) => url.searchParams.get("commune") === "35238"), page.getByRole("button", { name: "Rechercher" }).click()]);

    await signIn(page, "candidat@vivier.test");
    await page.goto("/candidat/profil/visibilite");
    expect(await page.getByRole("combobox", { name: "Ajouter une organisation" }).count()).toBe(0);
    await page.getByRole("textbox", { name: "Ajouter une organisation" }).fill("Haute-Loire");
    await page.getByRole("button", { name: "Ajouter à la liste" }).click();
    await page.getByText("Haute-Loire (département) ne vous verra jamais.").waitFor();
    await page.getByRole("button", { name: "Retirer Haute-Loire (département) de la liste" }).click();
    await page.getByText("L’organisation est retirée de votre liste.").waitFor();
    await page.context().close();
  });
});
