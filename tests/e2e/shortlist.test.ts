import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const CONSULTANT = "consultant@vivier.test";
const CANDIDATE = "candidat@vivier.test";
const ADMIN = "admin@vivier.test";

/** Fails the test on anything the browser reports as an error: console errors, uncaught exceptions. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}

async function fresh(email?: string): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage();
  const errors = watchErrors(page);
  if (email) await signIn(page, email);
  return { page, errors };
}

/** Waits for the page's scripts: a form submitted before hydration would be a plain POST, which works too, but the test wants the app. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
}

describe("a confidential shortlist, from the talent pool to an evaluation the candidate never reads", () => {
  it("the consultant adds an anonymous candidate, approaches them, meets and scores them; the candidate reads a plain-French state", async () => {
    const word = `zorblax${randomBytes(4).toString("hex")}`;
    const name = `Élise Verdier ${word}`;
    const note = `Entretien-${word}`;
    const comment = `Grille-${word}`;

    // A candidate signs up and opens an anonymous profile to the pool.
    const candidate = await fresh();
    const cp = candidate.page;
    await cp.goto("/inscription");
    await cp.getByLabel("Prénom et nom").fill(name);
    await cp.getByLabel("Adresse e-mail").fill(`${word}@exemple.fr`);
    await cp.getByLabel("Mot de passe").fill("un mot de passe assez long");
    await cp.getByLabel(/J’ai lu et j’accepte/).check();
    // Sign-up answers the same whether the address is new or taken (issue 16): then one signs in.
    await Promise.all([cp.waitForURL("**/connexion?inscription=1"), cp.getByRole("button", { name: "Créer mon compte" }).click()]);
    await signIn(cp, `${word}@exemple.fr`, "un mot de passe assez long");
    await cp.goto("/candidat/profil");
    await cp.getByRole("combobox", { name: "Commune de résidence" }).waitFor();
    await cp.getByLabel("Statut").selectOption("CONTRACTUEL");
    await cp.getByLabel("Fonction actuelle").fill("Directrice des finances");
    await cp.getByLabel("Compétences").fill(`Finances locales\n${word}`);
    await cp.getByRole("button", { name: "Enregistrer mon profil" }).click();
    await cp.getByText("Votre profil est enregistré.").waitFor();
    await cp.goto("/candidat/profil/visibilite");
    await cp.getByRole("radio", { name: "Anonyme" }).check();
    await cp.getByRole("button", { name: "Enregistrer ma visibilité" }).click();
    await cp.getByText("Votre choix de visibilité est enregistré.").waitFor();

    // The demo consultant searches the pool for the demo DGS search and adds her to it.
    const consultant = await fresh(CONSULTANT);
    const page = consultant.page;
    await page.goto("/cabinet/missions");
    const missionHref = await page.getByRole("row", { name: /Langogne/ }).getByRole("link").first().getAttribute("href");
    const missionId = missionHref!.split("/").pop()!;
    const card = page.locator("article.talent-card");
    await expect.poll(async () => {
      await page.goto(`/cabinet/vivier?mission=${missionId}&q=${word}`);
      return card.count();
    }, { timeout: 60_000, interval: 1000 }).toBe(1);
    await hydrated(page);
    await expect(card.textContent()).resolves.not.toContain(name);
    await checkA11y(page);
    await card.getByRole("button", { name: /^Ajouter à la mission/ }).click();
    await page.getByText(/est ajouté à la mission, à l’étape « Identifié »/).waitFor();
    const entryHref = (await page.getByRole("link", { name: "Voir sa fiche" }).getAttribute("href"))!;
    expect(entryHref).toMatch(new RegExp(`^/cabinet/missions/${missionId}/candidats/[^/]+$`));

    // Added, she is known by her pseudonym only: no evaluation yet.
    await page.goto(entryHref);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.not.toContain(name);
    await page.getByText(/Profil anonyme : vous saurez qui est ce candidat/).waitFor();
    await checkA11y(page);

    // Approached with a proposal for the mission.
    await page.goto(`/cabinet/vivier?mission=${missionId}&q=${word}`);
    await hydrated(page);
    await card.getByText("Proposer une opportunité").click();
    await card.getByLabel(/^Message au candidat/).fill("Bonjour, une commune de Lozère cherche sa directrice générale des services.");
    await Promise.all([page.waitForURL("**/cabinet/contacts?ok=envoyee"), card.getByRole("button", { name: /^Envoyer la proposition/ }).click()]);

    // She accepts in her space.
    await cp.goto("/candidat/contacts");
    await hydrated(cp);
    await cp.getByRole("button", { name: /^Accepter/ }).first().click();
    await cp.getByText(/Vous avez accepté/).waitFor();

    // The consultant now sees her name, meets her, notes the interview, fills the grid, moves her on.
    await page.goto(entryHref);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(name);
    await page.getByRole("button", { name: /^Passer à « Entretien cabinet »/ }).click();
    await page.getByText("L’étape est enregistrée.").waitFor();
    await page.getByText("Noter un entretien").click();
    await page.getByRole("radio", { name: "Visioconférence" }).check();
    await page.getByLabel("Compétences", { exact: true }).fill(`${note} : maîtrise la prospective financière.`);
    await page.getByLabel("Adhésion aux enjeux du territoire").fill("Connaît la Lozère.");
    await page.getByRole("button", { name: "Enregistrer l’entretien" }).click();
    await page.getByText("L’entretien est enregistré.").waitFor();
    await page.getByRole("heading", { name: /^Entretien du .* — Visioconférence$/ }).waitFor();

    await page.getByText("Remplir ma grille").click();
    const selects = page.locator('select[name^="score."]');
    const count = await selects.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await selects.nth(i).selectOption("4");
    await page.locator('textarea[name^="comment."]').first().fill(comment);
    await page.getByRole("button", { name: "Enregistrer ma grille" }).click();
    await page.getByText("Votre grille est enregistrée.").waitFor();
    await page.getByText("Moyenne des grilles : 100 / 100").waitFor();
    await page.getByRole("button", { name: /^Passer à « Évalué »/ }).click();
    await page.getByText("L’étape est enregistrée.").waitFor();
    await expect(page.locator("dl.facts").textContent()).resolves.toContain("Évalué");
    await checkA11y(page);

    // Her space says where she stands in plain French, and nothing of the cabinet's evaluation.
    await cp.goto("/candidat/missions");
    const mission = cp.locator("li.card").filter({ hasText: "Votre candidature est étudiée" });
    await expect.poll(() => mission.count()).toBeGreaterThan(0);
    const html = await cp.content();
    const data = await (await cp.request.get("/candidat/missions?_data=routes%2Fcandidat.missions")).text();
    expect(data).toContain("Votre candidature est étudiée");
    for (const hidden of [note, comment, "Évalué", "EVALUATED", "CABINET_INTERVIEW", "Entretien cabinet", "100 / 100", "total"]) {
      expect(html, hidden).not.toContain(hidden);
      expect(data, hidden).not.toContain(hidden);
    }
    await checkA11y(cp);

    expect(consultant.errors).toEqual([]);
    expect(candidate.errors).toEqual([]);
    await page.context().close();
    await cp.context().close();
  });
});

describe("the new pages of the demo accounts", () => {
  it("candidat@ follows her evaluated mission, gives the reference consent, names a referee and reads who saw her identity", async () => {
    const { page, errors } = await fresh(CANDIDATE);
    await page.goto("/candidat");
    // The home counts her missions and links them.
    await page.locator('main a[href="/candidat/missions"]').first().click();
    await page.waitForURL("**/candidat/missions");
    await hydrated(page);
    // Her state in plain French: évaluée as seeded, or retenue when tests/e2e/presentation.test.ts
    // (which takes her to the hire) ran first; the references consent waits either way.
    await page.getByText(/Votre candidature est étudiée|Retenue : félicitations/).first().waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: /^Donner mon accord/ }).first().click();
    await page.getByText("Vous avez donné votre accord.", { exact: false }).waitFor();
    await page.getByRole("button", { name: /^Retirer mon accord/ }).first().waitFor();

    await page.getByRole("link", { name: "Mes références" }).first().click();
    await page.waitForURL("**/candidat/references");
    await hydrated(page);
    await page.locator("strong", { hasText: "Martine Chabert" }).waitFor();
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Bernard Roux");
    await page.getByLabel("Votre lien avec elle").fill("Maire de Chanac quand j’étais secrétaire générale");
    await page.getByLabel("Comment la joindre").fill("04 66 11 22 33");
    await page.getByRole("button", { name: "Ajouter cette référence" }).click();
    await page.getByText("La référence est ajoutée.").waitFor();
    await page.locator("strong", { hasText: "Bernard Roux" }).waitFor();
    await checkA11y(page);

    await page.goto("/candidat/journal");
    await page.getByRole("heading", { name: "Qui a vu mon identité" }).waitFor();
    await expect.poll(() => page.getByRole("cell", { name: "a consulté votre identité" }).count()).toBeGreaterThan(0);
    await checkA11y(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("admin@ filters the journal of accesses by action", async () => {
    const { page, errors } = await fresh(ADMIN);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Journal des accès" }).first().click();
    await page.waitForURL("**/admin/journal");
    await hydrated(page);
    await expect.poll(() => page.getByRole("cell", { name: "Consultation d’une identité" }).count()).toBeGreaterThan(0);
    await checkA11y(page);
    await page.getByLabel("Action").selectOption("CV_DOWNLOAD");
    await Promise.all([page.waitForURL(/action=CV_DOWNLOAD/), page.getByRole("button", { name: "Filtrer" }).click()]);
    await expect.poll(() => page.getByRole("cell", { name: "Consultation d’une identité" }).count()).toBe(0);
    await checkA11y(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
