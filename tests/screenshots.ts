import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, DEMO_PASSWORD } from "./helpers/e2e";
import { startPortal, stopPortal } from "./helpers/portal-process";

/**
 * `npm run screenshots`: the README's pictures of the main pages, taken again on the demo data.
 * Starts the portal as `npm start` does (and as the e2e tests do) on free ports with its own data
 * in tests/.tmp/, drives Debian's Chromium (CHROMIUM_PATH) through playwright-core, writes
 * docs/screenshots/*.png, and stops the portal. `--only name,name` for a few of them; `--url
 * http://…` to use a portal already running on the demo data instead.
 */

const OUT = path.resolve("docs", "screenshots");

type Shot = { name: string; who?: string; path: string; width: number; height?: number; full?: boolean };

const SHOTS: Shot[] = [
  { name: "offres", path: "/offres", width: 1280, height: 900 },
  { name: "offres-telephone", path: "/offres", width: 390, height: 844 },
  { name: "offre", path: "first:/offres:/offres/", width: 1280, height: 1000 },
  { name: "employeur", who: "dgs@vivier.test", path: "/employeur", width: 1280, height: 800 },
  { name: "employeur-poste", who: "dgs@vivier.test", path: "first:/employeur/postes?state=PUBLISHED&sort=applications&dir=desc:/employeur/postes/", width: 1280, height: 900 },
  { name: "cabinet-vivier", who: "consultant@vivier.test", path: "/cabinet/vivier", width: 1280, height: 1000 },
  { name: "candidat", who: "candidat@vivier.test", path: "/candidat", width: 1280, height: 900 },
  { name: "candidat-telephone", who: "candidat@vivier.test", path: "/candidat", width: 390, height: 844 },
];

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/connexion")), page.getByRole("button", { name: "Se connecter" }).click()]);
}

/** "first:<list>:<prefix>": the first link of the list page that starts with the prefix (an offer, a position). */
async function resolvePath(page: Page, spec: string): Promise<string> {
  if (!spec.startsWith("first:")) return spec;
  const [, list, prefix] = spec.split(":");
  await page.goto(list);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => h.startsWith(prefix) && !h.includes("?") && h !== prefix && !h.endsWith("/nouveau"));
  if (!found) throw new Error(`No link to ${prefix} on ${list}`);
  return found;
}

async function main() {
  const arg = (name: string) => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? "") : null);
  const only = arg("--only")?.split(",") ?? null;
  const dir = path.resolve("tests", ".tmp", `screenshots-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  const running = arg("--url");
  if (!running) console.log("Starting the portal on the demo data (about a minute)…");
  const { baseUrl, child } = running ? { baseUrl: running, child: null } : await startPortal(dir, "screenshots-secret-0123456789-0123456789");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    for (const shot of SHOTS.filter((s) => !only || only.includes(s.name))) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: shot.width, height: shot.height ?? 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      if (shot.who) await signIn(page, shot.who);
      const target = await resolvePath(page, shot.path);
      await page.goto(target);
      await page.waitForLoadState("networkidle");
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: shot.full ?? false });
      console.log(`${path.relative(process.cwd(), file)}  ${target} at ${shot.width} px${shot.who ? ` as ${shot.who}` : ""}`);
      await context.close();
    }
  } finally {
    await browser.close();
    if (child) await stopPortal(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
