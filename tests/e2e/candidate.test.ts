import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const CANDIDATE = "candidat@vivier.test";

/** A small valid PDF: what the portal checks is its first bytes, "%PDF-". */
function pdf(): Buffer {
  return Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
}

/** The first public offer the demo candidate can still apply to (not applied, not hidden from). */
async function openApplicationForm(page: Page): Promise<string> {
  await page.goto("/offres");
  const hrefs = await page.locator('a[href^="/offres/"]').evaluateAll((links) =>
    [...new Set(links.map((a) => a.getAttribute("href") ?? ""))].filter((h) => /^\/offres\/[^/?#]+$/.test(h)),
  );
  for (const href of hrefs) {
    await page.goto(`${href}/postuler`);
    if (await page.getByLabel("Lettre de motivation").count()) return href.split("/").pop()!;
  }
  throw new Error(`No offer open to the demo candidate among ${hrefs.length} on /offres`);
}

describe("the demo candidate", () => {
  it("completes the profile, uploads a CV, goes anonymous, applies to an offer and follows it", async () => {
    const page = await newPage();
    await signIn(page, CANDIDATE);

    // Profile: a refused value is explained next to its field, then fixed and saved.
    await page.goto("/candidat/profil");
    const commune = page.getByRole("combobox", { name: "Commune de résidence" });
    await commune.waitFor();
    await checkA11y(page);
    await commune.fill("Marvejols");
    await page.getByRole("option", { name: /^Marvejols/ }).click();
    await page.getByLabel("Langues").fill("Anglais\nOccitan\nEspagnol");
    await page.getByLabel("Poste 3 : intitulé").fill("Gestionnaire budgétaire");
    await page.getByLabel("Poste 3 : employeur").fill("Département de la Lozère");
    await page.getByLabel("Poste 3 : de (année)").fill("2008");
    await page.getByLabel("Poste 3 : à (année)").fill("2010");
    const salary = page.getByLabel("Salaire annuel brut souhaité (€)");
    await salary.fill("-54000");
    await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
    await page.getByText("Le salaire souhaité ne peut pas être négatif.").waitFor();
    expect(await salary.getAttribute("aria-invalid")).toBe("true");
    await salary.fill("54 000");
    await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
    await page.getByText("Votre profil est enregistré.").waitFor();
    await page.reload();
    await expect(page.getByLabel("Salaire annuel brut souhaité (€)").inputValue()).resolves.toBe("54000");
    await expect(page.getByLabel("Poste 3 : intitulé").inputValue()).resolves.toBe("Gestionnaire budgétaire");

    // CV: a PDF, kept out of public/ and downloadable by its owner.
    await page.getByRole("link", { name: "CV", exact: true }).click();
    await page.waitForURL("**/candidat/profil/cv");
    await page.getByLabel(/^(Déposer|Remplacer) mon CV/).setInputFiles({ name: "cv-camille-roussel.pdf", mimeType: "application/pdf", buffer: pdf() });
    await page.getByRole("button", { name: "Enregistrer ce CV" }).click();
    await page.getByText("Votre CV est enregistré.").waitFor();
    await checkA11y(page);
    const download = await page.request.get("/candidat/cv");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");

    // Visibility: anonymous, with its plain explanation.
    await page.getByRole("link", { name: "Visibilité et confidentialité" }).click();
    await page.waitForURL("**/candidat/profil/visibilite");
    await page.getByRole("radio", { name: "Anonyme" }).check();
    await page.getByRole("button", { name: "Enregistrer ma visibilité" }).click();
    await page.getByText("Votre choix de visibilité est enregistré.").waitFor();
    await expect(page.getByRole("radio", { name: "Anonyme" }).isChecked()).resolves.toBe(true);
    await expect.poll(() => page.getByText("Visibilité : Anonyme").count()).toBe(1);
    await checkA11y(page);

    // Apply to an offer with a letter; the profile's CV goes with it.
    await openApplicationForm(page);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())?.replace(/^Postuler : /, "") ?? "";
    await checkA11y(page);
    await page.getByLabel("Lettre de motivation").fill(
      "Madame, Monsieur, attachée principale depuis treize ans, je souhaite mettre mon expérience des finances locales au service de votre collectivité.",
    );
    await Promise.all([
      page.waitForURL(/\/candidat\/candidatures\/[^/?]+\?envoyee=1$/),
      page.getByRole("button", { name: "Envoyer ma candidature" }).click(),
    ]);
    await page.getByText(/Votre candidature est envoyée/).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
    await expect.poll(() => page.locator(".badge", { hasText: "Envoyée" }).count()).toBe(1);
    await checkA11y(page);

    // The list shows every application's state in plain French.
    await page.getByRole("link", { name: "← Mes candidatures" }).click();
    await page.waitForURL("**/candidat/candidatures");
    const row = page.getByRole("row", { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await expect.poll(() => row.getByText("Envoyée").count()).toBe(1);
    await expect.poll(() => page.getByText("En cours d’étude").count()).toBeGreaterThan(0);
    await checkA11y(page);
    await page.context().close();
  });
});

describe("the demo candidate's other pages", () => {
  it("are accessible, the organisation picker suggests from the official list, and the export holds the profile", async () => {
    const page = await newPage();
    await signIn(page, CANDIDATE);
    for (const [path, heading] of [
      ["/candidat/candidatures", "Mes candidatures"],
      ["/candidat/contacts", "Propositions des cabinets"],
      ["/candidat/messages", "Mes échanges"],
      ["/candidat/donnees", "Mes données personnelles"],
      ["/candidat/profil/visibilite", "Mon profil"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first().textContent()).resolves.toBe(heading);
      await checkA11y(page);
    }
    // "Ne pas me montrer à": picked from the suggestions, then removed again.
    await page.goto("/candidat/profil/visibilite");
    const picker = page.getByRole("combobox", { name: "Ajouter une organisation" });
    await picker.fill("Haute-Loire");
    await page.getByRole("option", { name: /^Haute-Loire \(département\)/ }).click();
    await page.getByRole("button", { name: "Ajouter à la liste" }).click();
    await page.getByText("Haute-Loire (département) ne vous verra jamais.").waitFor();
    await page.getByRole("button", { name: "Retirer Haute-Loire (département) de la liste" }).click();
    await page.getByText("L’organisation est retirée de votre liste.").waitFor();
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: "Haute-Loire" }).count()).toBe(0);

    await page.goto("/candidat/candidatures");
    await page.getByRole("cell").getByRole("link").first().click();
    await page.waitForURL(/\/candidat\/candidatures\/[^/]+$/);
    await page.getByRole("heading", { name: "Ma lettre de motivation" }).waitFor();
    await checkA11y(page);

    const exported = await page.request.get("/candidat/donnees/export");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment/);
    const data = (await exported.json()) as { account: { email: string }; profile: { grade: string }; applications: unknown[] };
    expect(data.account.email).toBe(CANDIDATE);
    expect(data.profile.grade).toBe("Attaché principal");
    expect(data.applications.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
