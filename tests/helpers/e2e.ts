import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/** Helpers for end-to-end tests: Debian's Chromium driven by playwright-core. */

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "vivier-demo";

export function baseUrl(): string {
  return inject("baseUrl");
}

let browser: Browser | undefined;

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * A page in a fresh context (its own cookies), whose relative URLs go to the portal. It records
 * what the Content-Security-Policy blocks (see cspViolations): a test driving the page through
 * the portal's screens then also checks the policy lets them work.
 */
export async function newPage(): Promise<Page> {
  const b = await launchBrowser();
  const context = await b.newContext({ baseURL: baseUrl(), locale: "fr-FR" });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  return context.newPage();
}

/** What the Content-Security-Policy has blocked in the page since it was loaded. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Signs in through the real form and waits to land in the account's space. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/connexion")), page.getByRole("button", { name: "Se connecter" }).click()]);
}

/**
 * Runs axe-core in the page and fails on any serious or critical violation, or on anything the
 * Content-Security-Policy blocked. axe is evaluated through the DevTools protocol: an inline
 * script tag would be blocked by the policy, as it should be.
 */
export async function checkA11y(page: Page): Promise<void> {
  expect(await cspViolations(page), `${page.url()} broke the Content-Security-Policy`).toEqual([]);
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${page.url()} has accessibility violations`).toEqual([]);
}
