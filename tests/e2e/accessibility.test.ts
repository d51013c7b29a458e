import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { UNSUBSCRIBE_KINDS } from "~/schemas/notifications";
import { unsubscribeToken } from "~/utils/unsubscribe-token.server";
import { checkA11y, closeBrowser, expectNoBrowserErrors, mailedLink, newPage, queryPortal, signIn, waitForHydration } from "../helpers/e2e";

afterAll(closeBrowser);

// Each visit is a few seconds; a space is dozens of them, on a machine that may be busy.
const SPACE_TIMEOUT = 300_000;

/**
 * The sweep: every page of app/routes/ (resource routes aside: api.*, healthz, the CV downloads,
 * the data export, sign-out), opened by the role that can see it, on the demo data, which gives
 * each page something to show (prisma/seed.ts: applications in several states, proposals and
 * conversations, saved searches, an evaluated candidate with her referee and consent, journal
 * lines; the mails and the invitation are made here). Each page must
 * answer 200, hydrate without any browser error (console error, page error: a value missing
 * from the browser bundle, a hydration mismatch, a missing file), have a title and its main
 * landmark, and pass axe-core (no serious or critical violation) and the Content-Security-Policy.
 */

/**
 * Opens a page and checks it as the sweep says. `shows` is a selector of the data the page must
 * show (at least one match), so that a page found empty fails rather than passes unexamined.
 */
async function audit(page: Page, path: string, shows?: string) {
  visited.add(new URL(path, "http://portal").pathname);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await waitForHydration(page);
  expectNoBrowserErrors(page, path);
  expect((await page.title()).length, `${path} has a title`).toBeGreaterThan(5);
  await expect.poll(() => page.locator("main#contenu").count(), { message: `${path} has its main landmark` }).toBe(1);
  if (shows) expect(await page.locator(`main#contenu ${shows}`).count(), `${path} shows ${shows}`).toBeGreaterThan(0);
  await checkA11y(page);
  await expectNoHorizontalScroll(page, path);
}

/** The widths every page is checked at: a desktop screen and a phone (390 px, an iPhone's). */
const WIDTHS = [1280, 390];

/**
 * No page scrolls sideways, on a desktop screen or on a phone: a wide table scrolls in its own
 * box, anything else must fit. On failure, says which elements stick out.
 */
async function expectNoHorizontalScroll(page: Page, path: string) {
  const initial = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return null;
      const culprits = Array.from(document.querySelectorAll("main *, header *, footer *"))
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}`);
      return `${root.scrollWidth} px wide in ${root.clientWidth} px (${culprits.join(", ")})`;
    });
    expect(overflow, `${path} scrolls sideways at ${width} px`).toBeNull();
  }
  if (initial) await page.setViewportSize(initial);
}

/** The paths the sweep opened, to check that it opened every page of app/routes/. */
const visited = new Set<string>();

/**
 * The page routes of app/routes/ (flat routes with a default export; a layout, whose URL its
 * index or children give, aside) as patterns of the paths they answer.
 */
function pageRoutes(): Array<{ file: string; pattern: RegExp }> {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "app", "routes");
  const names = fs.readdirSync(dir).map((f) => f.replace(/\.tsx?$/, ""));
  return fs
    .readdirSync(dir)
    .filter((file) => /^export default /m.test(fs.readFileSync(path.join(dir, file), "utf8")))
    .filter((file) => !names.some((other) => other.startsWith(`${file.replace(/\.tsx?$/, "")}.`)))
    .map((file) => {
      const segments = file
        .replace(/\.tsx?$/, "")
        .split(".")
        .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
        .map((segment) => segment.replace(/_$/, ""))
        .map((segment) => (segment.startsWith("$") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      return { file, pattern: new RegExp(`^/${segments.join("/")}$`) };
    });
}

/** The first finalist's page linked from a finalists page (the cards' headings). */
async function finalistLink(page: Page, finalists: string): Promise<string> {
  await page.goto(finalists);
  const href = await page.locator(`main h2 a[href^="${finalists}/"]`).first().getAttribute("href");
  expect(href, `a finalist on ${finalists}`).toBeTruthy();
  return href ?? "";
}

/** The links of the page to `pattern` (detail pages of the demo data), each once; at least `min`. */
async function linksTo(page: Page, from: string, pattern: RegExp, min = 1): Promise<string[]> {
  await page.goto(from);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = [...new Set(hrefs.filter((h) => pattern.test(h)))];
  expect(found.length, `links to ${pattern} on ${from}`).toBeGreaterThanOrEqual(min);
  return found;
}

describe("every page passes an automatic accessibility check (RGAA, axe: no serious or critical violation) without a browser error", () => {
  it("the public pages", async () => {
    const page = await newPage();
    for (const path of ["/", "/connexion", "/inscription", "/mot-de-passe-oublie", "/confidentialite"]) await audit(page, path);
    // The footer's pages.
    for (const path of ["/mentions-legales", "/donnees-personnelles", "/accessibilite", "/plan-du-site"]) await audit(page, path, "h2");
    await audit(page, "/offres", ".offer-card");
    await audit(page, "/offres?q=directeur", ".offer-card");
    await audit(page, (await linksTo(page, "/offres", /^\/offres\/[^/?#]+$/))[0], "h1");
    // Asked for by browsers whatever the page links to (an error page, a bookmark, a feed reader).
    expect((await page.request.get("/favicon.ico")).status(), "/favicon.ico").toBe(200);

    // The link of a password reset, as mailed.
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Adresse e-mail").fill("dgs@vivier.test");
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await page.getByText(/Si un compte existe avec cette adresse/).waitFor();
    await checkA11y(page);
    await audit(page, await mailedLink("dgs@vivier.test", "/mot-de-passe/"), 'input[name="password"]');
    // An unsubscribe link, as the demo candidate's mails carry it (signed with the portal's secret).
    const [candidate] = queryPortal<{ id: string }>(`SELECT id FROM User WHERE email = ?`, "candidat@vivier.test");
    await audit(page, `/desabonnement/${unsubscribeToken(candidate!.id, "MESSAGE", UNSUBSCRIBE_KINDS, inject("sessionSecret"))}`, "form button");
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("the employer's pages", async () => {
    const page = await newPage();
    await signIn(page, "dgs@vivier.test");
    await audit(page, "/employeur", ".home-counts a");
    await audit(page, "/employeur/postes", "table tbody tr");
    // The lists as the home's counts open them.
    for (const link of await linksTo(page, "/employeur", /^\/employeur\/postes(\/[^/?#]+\/candidatures)?\?/, 2)) await audit(page, link);
    await audit(page, "/employeur/postes/nouveau");
    const position = (await linksTo(page, "/employeur/postes", /^\/employeur\/postes\/(?!nouveau)[^/?#]+$/))[0];
    await audit(page, position);
    await audit(page, `${position}/modifier`);
    // Its vacancy notice, printable; the settings of the DGS's mails.
    await audit(page, `${position}/declaration`, "dl dd");
    await audit(page, "/employeur/notifications", 'input[type="radio"]');
    // The demo DGS's "Directeur général des services" position has applications: its list and each of them.
    const [dgs] = await linksTo(page, `/employeur/postes?q=${encodeURIComponent("Directeur général des services")}`, /^\/employeur\/postes\/(?!nouveau)[^/?#]+$/);
    await audit(page, `${dgs}/candidatures`, "table tbody tr");
    // Each application, its interview page and its thread with the candidate: the seed fixes an
    // interview with one of them and writes their thread.
    let interviews = 0;
    let applicationMessages = 0;
    for (const application of await linksTo(page, `${dgs}/candidatures`, /^\/employeur\/candidatures\/[^/?#]+$/)) {
      await audit(page, application);
      await audit(page, `${application}/entretien`, "h1");
      interviews += await page.locator("main #entretien-en-cours").count();
      await audit(page, `${application}/messages`, "h1");
      applicationMessages += await page.locator("ol.messages li").count();
    }
    expect(interviews, "an interview on the DGS's applications").toBeGreaterThan(0);
    expect(applicationMessages, "messages on the DGS's applications").toBeGreaterThan(0);
    // The finalists presented for it (seeded), one of them, its dossier, the comparison, the committee's access.
    for (const path of [`${dgs}/finalistes`, `${dgs}/finalistes/comparaison`, `${dgs}/comite`]) await audit(page, path);
    const finalist = await finalistLink(page, `${dgs}/finalistes`);
    await audit(page, finalist);
    await audit(page, `${finalist}/dossier`);
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("a committee member's pages", async () => {
    const page = await newPage();
    await signIn(page, "comite@vivier.test");
    await audit(page, "/employeur/comite");
    const [finalists] = await linksTo(page, "/employeur/comite", /^\/employeur\/postes\/[^/?#]+\/finalistes$/);
    await audit(page, finalists);
    await audit(page, await finalistLink(page, finalists));
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("the consultant's pages", async () => {
    const page = await newPage();
    await signIn(page, "consultant@vivier.test");
    await audit(page, "/cabinet");
    await audit(page, "/cabinet/vivier", ".talent-card");
    await audit(page, "/cabinet/vivier?q=finances", ".talent-card");
    await audit(page, "/cabinet/recherches", "table.saved-searches tbody tr");
    // The proposals in every state (the seed's, on the confidential search).
    await audit(page, "/cabinet/contacts", "table tbody tr");
    await audit(page, "/cabinet/missions", "table tbody tr");
    await audit(page, "/cabinet/consultants", "li");
    await audit(page, "/cabinet/modeles", "li");
    await audit(page, (await linksTo(page, "/cabinet/modeles", /^\/cabinet\/modeles\/(?!nouveau)[^/?#]+$/))[0]);
    // Every page of a mission, with its list of candidates in both views.
    const [mission] = await linksTo(page, "/cabinet/missions", /^\/cabinet\/missions\/[^/?#]+$/);
    await audit(page, mission, "table tbody tr");
    await audit(page, `${mission}?vue=tableau`, ".board-card");
    for (const path of [`${mission}/cadrage`, `${mission}/faisabilite`, `${mission}/ajouter`]) await audit(page, path);
    // Approaching and taking out the first candidates of the list (the pages ask before doing).
    const ids = (await linksTo(page, mission, /^\/cabinet\/missions\/[^/?#]+\/candidats\/[^/?#]+$/)).slice(0, 3).map((h) => `ids=${h.split("/").pop()}`).join("&");
    await audit(page, `${mission}/approche?${ids}`, "li");
    await audit(page, `${mission}/sortie?vers=NOT_RETAINED&${ids}`, "li");
    // A person met elsewhere, added by hand, opens the invitation the mail carries.
    const met = `rencontre.${Date.now().toString(36)}@exemple-perso.fr`;
    await page.goto(`${mission}/ajouter`);
    await page.getByLabel("Prénom et nom").fill("Maëlle Rouvière");
    await page.getByLabel("Adresse e-mail").fill(met);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/ajouter")), page.getByRole("button", { name: "Ajouter et envoyer l’invitation" }).click()]);
    const invited = await newPage();
    await audit(invited, await mailedLink(met, "/invitation-candidat/"), "form");
    await invited.context().close();
    await audit(page, "/cabinet/notifications", 'input[type="radio"]');
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("the consultant's missions: their confidential conversations, suggestions, finalists and presentations", async () => {
    const page = await newPage();
    await signIn(page, "consultant@vivier.test");
    let messages = 0;
    for (const mission of await linksTo(page, "/cabinet/missions", /^\/cabinet\/missions\/[^/?#]+$/)) {
      await audit(page, `${mission}/messages`, ".contact-list li");
      for (const thread of await linksTo(page, `${mission}/messages`, /^\/cabinet\/missions\/[^/?#]+\/messages\/[^/?#]+$/)) {
        await audit(page, thread);
        messages += await page.locator("ol.messages li").count();
      }
    }
    expect(messages, "messages in the missions' conversations").toBeGreaterThan(0);
    // Each mission's suggested profiles and its finalists (to present, presented, followed), and
    // each finalist's presentation page (the demo DGS search has some, seeded).
    let presentations = 0;
    for (const mission of await linksTo(page, "/cabinet/missions", /^\/cabinet\/missions\/[^/?#]+$/)) {
      await audit(page, `${mission}/suggestions`);
      await audit(page, `${mission}/finalistes`);
      for (const presentation of await linksTo(page, `${mission}/finalistes`, /^\/cabinet\/missions\/[^/?#]+\/presentation\/[^/?#]+$/, 0)) {
        await audit(page, presentation);
        presentations++;
      }
    }
    expect(presentations, "finalists on the missions").toBeGreaterThan(0);
    // The page of each candidate the missions' lists link to (the seed's demo candidate,
    // interviewed and scored, among them), then those the consultant's home points to.
    let entries = 0;
    for (const mission of await linksTo(page, "/cabinet/missions", /^\/cabinet\/missions\/[^/?#]+$/)) {
      for (const entry of await linksTo(page, `${mission}?vue=liste`, /^\/cabinet\/missions\/[^/?#]+\/candidats\/[^/?#]+$/, 0)) {
        await audit(page, entry, "h1");
        entries++;
      }
    }
    expect(entries, "candidates on consultant@'s missions' lists").toBeGreaterThan(0);
    for (const entry of await linksTo(page, "/cabinet", /^\/cabinet\/missions\/[^/?#]+\/candidats\/[^/?#]+$/)) await audit(page, entry, "h1");
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("the invitation page, as the person a cabinet's lead invites opens it from the mail", async () => {
    const page = await newPage();
    await signIn(page, "consultant@vivier.test");
    const invited = `consultant.${Date.now().toString(36)}@boussole.exemple.fr`;
    await page.goto("/cabinet/consultants");
    await page.getByLabel("Prénom et nom").fill("Inès Balitrand");
    await page.getByLabel("Adresse e-mail").fill(invited);
    await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await page.getByText(`Invitation envoyée à ${invited}.`).waitFor();
    await checkA11y(page);
    const visitor = await newPage();
    await audit(visitor, await mailedLink(invited, "/invitation/"), 'input[name="password"]');
    await visitor.context().close();
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("the candidate's pages", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    await audit(page, "/candidat", ".home-counts a");
    for (const link of await linksTo(page, "/candidat", /^\/candidat\/[a-z]+\?/, 2)) await audit(page, link);
    for (const path of ["/candidat/profil", "/candidat/profil/cv", "/candidat/profil/visibilite", "/candidat/donnees"]) await audit(page, path);
    await audit(page, "/candidat/notifications", 'input[type="radio"]');
    // Her evaluated mission (with a consent to answer), her referee, who saw her identity.
    await audit(page, "/candidat/missions", ".contact-list li");
    await audit(page, "/candidat/references", ".contact-list li");
    await audit(page, "/candidat/journal", "table tbody tr");
    await audit(page, "/candidat/presentations");
    // Her applications, in several states, and each of them.
    await audit(page, "/candidat/candidatures", "table tbody tr");
    const applications = await linksTo(page, "/candidat/candidatures", /^\/candidat\/candidatures\/[^/?#]+$/);
    expect(applications.length).toBeGreaterThanOrEqual(2);
    // Each with its thread with the recruiter; the seed proposes her slots and writes to her on one.
    let slots = 0;
    let applicationMessages = 0;
    for (const application of applications) {
      await audit(page, application);
      slots += await page.locator('main input[name="slotId"]').count();
      await audit(page, `${application}/messages`, "h1");
      applicationMessages += await page.locator("ol.messages li").count();
    }
    expect(slots, "interview slots for her to choose").toBeGreaterThan(0);
    expect(applicationMessages, "messages on her applications").toBeGreaterThan(0);
    // Withdrawing, as asked without JavaScript: the confirmation in the page's place.
    let confirmations = 0;
    for (const application of applications) {
      await page.goto(application);
      if (!(await page.getByRole("button", { name: "Retirer ma candidature" }).count())) continue;
      await audit(page, `${application}?retirer=1`, "h2#retrait");
      confirmations++;
      break;
    }
    expect(confirmations, "an application she may withdraw").toBe(1);
    // Her conversations with the consultants, one with messages.
    await audit(page, "/candidat/messages", ".conversation-list li");
    let messages = 0;
    for (const thread of await linksTo(page, "/candidat/messages", /^\/candidat\/messages\/[^/?#]+$/)) {
      await audit(page, thread);
      messages += await page.locator("ol.messages li").count();
    }
    expect(messages, "messages in her conversations").toBeGreaterThan(0);
    // The application form of an offer she has not applied to yet.
    for (const offer of await linksTo(page, "/offres", /^\/offres\/[^/?#]+$/)) {
      await page.goto(`${offer}/postuler`);
      if (await page.getByLabel("Lettre de motivation").count()) {
        await audit(page, `${offer}/postuler`, "textarea");
        break;
      }
    }
    expect(await page.getByLabel("Lettre de motivation").count(), "an offer open to the demo candidate").toBe(1);
    await page.context().close();
  }, SPACE_TIMEOUT);

  // With a proposal on it, this page once threw in the browser (a label imported from a server
  // module, absent from the browser bundle): the sweep first caught it here.
  it("the candidate's proposals from the cabinets (one awaiting her answer)", async () => {
    const page = await newPage();
    await signIn(page, "candidat@vivier.test");
    await audit(page, "/candidat/contacts", ".contact-list li");
    await expect(page.getByRole("heading", { level: 1 }).first().textContent()).resolves.toBe("Propositions des cabinets");
    await page.getByRole("button", { name: /^Accepter/ }).waitFor();
    await page.context().close();
  }, SPACE_TIMEOUT);

  it("the administrator's pages", async () => {
    const page = await newPage();
    // A mail for « Courriels envoyés » to list.
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Adresse e-mail").fill("admin@vivier.test");
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await page.getByText(/Si un compte existe avec cette adresse/).waitFor();
    await signIn(page, "admin@vivier.test");
    await audit(page, "/admin", ".home-counts a");
    for (const link of await linksTo(page, "/admin", /^\/admin\/[a-z]+\?/, 2)) await audit(page, link);
    await audit(page, "/admin/organisations", "table tbody tr");
    await audit(page, "/admin/organisations?q=Mende", "table tbody tr");
    await audit(page, "/admin/courriels", "table tbody tr");
    await audit(page, "/admin/journal", "table tbody tr");
    await page.context().close();
  }, SPACE_TIMEOUT);

  // Last: the visits above are what it checks.
  it("has opened every page of app/routes/", () => {
    const routes = pageRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const missed = routes.filter((r) => ![...visited].some((p) => r.pattern.test(p))).map((r) => r.file);
    expect(missed, "page routes the sweep never opened").toEqual([]);
  });
});
