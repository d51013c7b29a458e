import fs from "node:fs";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
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
 * What went wrong in a page, as its browser saw it: every console error (React's hydration
 * errors, "Failed to load resource" for a missing file or a 4xx/5xx answer, what the
 * Content-Security-Policy refused), every uncaught exception ("pageerror") and a crash.
 */
export type BrowserError = { kind: "console" | "pageerror" | "crash"; text: string; url: string };

const watched = new WeakMap<Page, { errors: BrowserError[]; expected: RegExp[] }>();

function watch(page: Page): void {
  const state = { errors: [] as BrowserError[], expected: [] as RegExp[] };
  watched.set(page, state);
  page.on("console", (message) => {
    if (message.type() === "error") state.errors.push({ kind: "console", text: message.text(), url: message.location().url || page.url() });
  });
  page.on("pageerror", (error) => state.errors.push({ kind: "pageerror", text: `${error.name}: ${error.message}`, url: page.url() }));
  page.on("crash", () => state.errors.push({ kind: "crash", text: "the page crashed", url: page.url() }));
}

/**
 * Declares a browser error the test provokes on purpose (a 403 page it opens, a form the server
 * refuses with a 400, a script it injects against the policy): the errors matching `pattern`
 * ("<text> (<url>)") are not reported. Be precise: everything else still fails the test.
 */
export function expectBrowserError(page: Page, pattern: RegExp): void {
  const state = watched.get(page);
  if (!state) throw new Error("expectBrowserError: a page opened with newPage() only");
  state.expected.push(pattern);
}

/** The unexpected browser errors of the page so far (see BrowserError), each on one line (no stack). */
export function browserErrors(page: Page): string[] {
  const state = watched.get(page);
  if (!state) return [];
  return state.errors
    .map((e) => `${e.kind === "console" ? "console.error" : e.kind}: ${e.text.split("\n")[0]} (${e.url})`)
    .filter((line) => !state.expected.some((pattern) => pattern.test(line)));
}

/** Fails on any unexpected browser error in the page so far. */
export function expectNoBrowserErrors(page: Page, where = page.url()): void {
  expect(browserErrors(page), `browser errors on ${where}`).toEqual([]);
}

/**
 * A page in a fresh context (its own cookies), whose relative URLs go to the portal. Every page of
 * the context is watched for browser errors (see BrowserError): checkA11y fails on them, and so
 * does closing the context. It also records what the Content-Security-Policy blocks (see
 * cspViolations): a test driving the page through the portal's screens then also checks the
 * policy lets them work. `options` go to the context (e.g. `javaScriptEnabled: false`).
 */
export async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const b = await launchBrowser();
  // A French user's clock that is neither UTC nor Paris (La Réunion): a date the server formats in
  // its own time zone and the browser in the user's one no longer hydrates silently.
  const context = await b.newContext({ baseURL: baseUrl(), locale: "fr-FR", timezoneId: "Indian/Reunion", ...options });
  context.on("page", watch);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
    // React announces each commit to the DevTools hook, when there is one: the first one ends the
    // hydration (see waitForHydration). A stand-in, since no DevTools are installed.
    const w = window as unknown as { __vivierCommits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__?: object };
    w.__vivierCommits = 0;
    w.__REACT_DEVTOOLS_GLOBAL_HOOK__ ??= {
      renderers: new Map(),
      supportsFiber: true,
      inject: () => 1,
      onScheduleFiberRoot: () => {},
      onCommitFiberRoot: () => void w.__vivierCommits++,
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      checkDCE: () => {},
    };
  });
  const close = context.close.bind(context);
  context.close = async (closeOptions) => {
    const pages = context.pages();
    await close(closeOptions);
    for (const page of pages) expectNoBrowserErrors(page, `${page.url()} (when its context closed)`);
  };
  return context.newPage();
}

/**
 * Waits until React has hydrated the page (its first commit; then a hydration error has been
 * reported, as a console error or a page error). Pages opened with newPage() only.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => ((window as unknown as { __vivierCommits?: number }).__vivierCommits ?? 0) > 0, undefined, { timeout: 60_000 });
}

/** What the Content-Security-Policy has blocked in the page since it was loaded. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * Rows of the portal's SQLite database, read-only: what a test cannot reach through a page (a
 * mail as its recipient reads it; a row no page links to yet).
 */
export function queryPortal<Row>(sql: string, ...params: unknown[]): Row[] {
  const sqlite = new Database(inject("databaseFile"), { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).all(...params) as Row[];
  } finally {
    sqlite.close();
  }
}

/**
 * The path of the newest link to `prefix` (e.g. "/invitation/") in the mails the portal sent to
 * `to`, read from its OutgoingMail table as the recipient would read the mail; waits for it.
 */
export async function mailedLink(to: string, prefix: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s/]+(${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\S+)`);
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const mails = queryPortal<{ text: string }>(`SELECT text FROM OutgoingMail WHERE "to" = ? ORDER BY createdAt DESC, rowid DESC`, to);
        link = mails.map((m) => pattern.exec(m.text)?.[1]).find(Boolean);
        return link;
      },
      { message: `a mail to ${to} with a link to ${prefix}`, timeout: 30_000 },
    )
    .toBeTruthy();
  return link!;
}

/** Signs in through the real form and waits to land in the account's space. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/connexion")), page.getByRole("button", { name: "Se connecter" }).click()]);
}

/**
 * Runs axe-core in the page and fails on any serious or critical violation, on anything the
 * Content-Security-Policy blocked, or on any browser error so far (see BrowserError; checked
 * last, when axe's round trips have let every earlier console message arrive). axe is evaluated
 * through the DevTools protocol: an inline script tag would be blocked by the policy, as it
 * should be.
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
  expectNoBrowserErrors(page);
}
