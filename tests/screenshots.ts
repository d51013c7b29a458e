import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, DEMO_PASSWORD } from "./helpers/e2e";

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startPortal(dir: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const [port, meiliPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.createWriteStream(path.join(dir, "portal.log"));
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["app/cli/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: baseUrl,
      DATABASE_URL: `file:${path.join(dir, "vivier.db")}`,
      UPLOAD_DIR: path.join(dir, "uploads"),
      MEILI_DATA_DIR: path.join(dir, "meili"),
      MEILI_PORT: String(meiliPort),
      SESSION_SECRET: "screenshots-secret-0123456789-0123456789",
      MEILI_URL: "",
      MEILI_MASTER_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal stopped (exit ${child.exitCode}); see ${path.join(dir, "portal.log")}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) return { baseUrl, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The portal did not answer within 240 s; see ${path.join(dir, "portal.log")}`);
}

/** SIGTERM to the portal's process group (it stops its Meilisearch), and its exit awaited (10 s at most). */
async function stopPortal(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
}

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
  const { baseUrl, child } = running ? { baseUrl: running, child: null } : await startPortal(dir);
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
