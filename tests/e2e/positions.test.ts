import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, expectBrowserError, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const DGS = "dgs@vivier.test";

function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The editor is interactive once the commune field has become a combobox (after hydration). */
async function openEditor(page: Page) {
  await page.goto("/employeur/postes/nouveau");
  await page.getByRole("combobox", { name: "Commune du poste" }).waitFor();
}

async function chooseCommune(page: Page, typed: string, option: string) {
  await page.getByRole("combobox", { name: "Commune du poste" }).fill(typed);
  await page.getByRole("option", { name: new RegExp(`^${option}`) }).click();
}

describe("positions, as the demo DGS writes and publishes them", () => {
  it("creates a position with housing and mobility context, publishes it and finds it at /offres/:id", async () => {
    const title = `Responsable des services techniques ${randomBytes(3).toString("hex")}`;
    const page = await newPage();
    await signIn(page, DGS);

    await page.goto("/employeur/postes");
    await page.getByRole("table").waitFor();
    await checkA11y(page);

    await openEditor(page);
    await page.getByLabel("Intitulé du poste").fill(title);
    await page.getByRole("combobox", { name: "Filière", exact: true }).selectOption("technique");
    await page.getByRole("combobox", { name: "Catégorie", exact: true }).selectOption("B");
    await page.getByRole("checkbox", { name: /^Techniciens territoriaux/ }).check();
    await chooseCommune(page, "Langogne", "Langogne");
    await page.getByLabel("Date limite de candidature").fill(inDays(40));
    await page.getByLabel("Missions").fill("Diriger le centre technique municipal, la voirie, les bâtiments et les espaces verts.");
    await page.getByLabel("Compétence 1", { exact: true }).fill("Conduite de chantiers");
    await page.getByLabel("Rémunération brute annuelle minimale (€)").fill("34 000");
    await page.getByLabel("Rémunération brute annuelle maximale (€)").fill("40 000");
    await page.getByRole("combobox", { name: "Logement de fonction", exact: true }).selectOption("NAS");
    await page.getByLabel("Loyer habituel d’un T3 dans la commune (€ par mois)").fill("480");
    await page.getByLabel("Hébergement temporaire possible à l’arrivée").check();
    await page.getByLabel("Distance à la gare la plus proche (km)").fill("1,5");
    await page.getByLabel("Temps d’accès à cette gare (minutes)").fill("5");
    await page.getByLabel("Jours de télétravail possibles par semaine").fill("1");
    await page.getByLabel("Aide au déménagement").check();
    await page.getByLabel("La vie sur le territoire").fill("Une ville de montagne, un collège, un centre de santé et les gorges de l’Allier.");
    await page.getByLabel("Membre 1 : nom").fill("Marie Rouvière");
    await page.getByLabel("Membre 1 : fonction").fill("Maire");
    await page.getByLabel("Membre 1 : rôle").selectOption("DECIDE");
    await page.getByLabel("Critère 1", { exact: true }).fill("Expérience technique");
    await page.getByLabel("Poids du critère 1").fill("70");
    await page.getByLabel("Critère 2", { exact: true }).fill("Management");
    await page.getByLabel("Poids du critère 2").fill("30");
    await checkA11y(page);

    await Promise.all([
      page.waitForURL(/\/employeur\/postes\/[^/?]+\?ok=cree$/),
      page.getByRole("button", { name: "Enregistrer le brouillon" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await checkA11y(page);

    await Promise.all([page.waitForURL(/\?ok=publish$/), page.getByRole("button", { name: "Publier l’offre" }).click()]);
    await Promise.all([page.waitForURL(/\/offres\/[^/?]+$/), page.getByRole("link", { name: "voir l’offre publique" }).click()]);

    const offerUrl = new URL(page.url());
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const facts = page.getByRole("definition");
    await expect.poll(() => facts.filter({ hasText: "nécessité absolue de service" }).count()).toBeGreaterThan(0);
    await expect.poll(() => facts.filter({ hasText: "gare à 1,5 km (5 min)" }).count()).toBeGreaterThan(0);
    await expect.poll(() => facts.filter({ hasText: "34 000 € à 40 000 € brut par an" }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText("les gorges de l’Allier").count()).toBe(1);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "") as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ "@type": "JobPosting", title, jobLocation: { address: { addressLocality: "Langogne" } } });
    await checkA11y(page);

    // The public list shows it too, to anyone.
    const visitor = await newPage();
    const response = await visitor.goto(offerUrl.pathname);
    expect(response?.status()).toBe(200);
    // The offer reaches the search index through the outbox, a moment after publication.
    let listed = 0;
    for (let attempt = 0; attempt < 20 && listed === 0; attempt++) {
      if (attempt) await visitor.waitForTimeout(250);
      await visitor.goto("/offres");
      listed = await visitor.getByRole("link", { name: title }).count();
    }
    expect(listed).toBe(1);
    await checkA11y(visitor);
    await visitor.context().close();
    await page.context().close();
  });

  it("shows a field error next to the field and keeps every value typed", async () => {
    const page = await newPage();
    await signIn(page, DGS);
    await openEditor(page);
    await page.getByLabel("Intitulé du poste").fill("Directeur général adjoint");
    await page.getByRole("combobox", { name: "Filière", exact: true }).selectOption("administrative");
    await page.getByRole("combobox", { name: "Catégorie", exact: true }).selectOption("A");
    await page.getByRole("checkbox", { name: /^Attachés territoriaux/ }).check();
    await chooseCommune(page, "Langogne", "Langogne");
    await page.getByLabel("Missions").fill("Seconder le DGS et piloter le pôle ressources.");
    await page.getByLabel("Rémunération brute annuelle minimale (€)").fill("52000");
    await page.getByLabel("Rémunération brute annuelle maximale (€)").fill("45000");
    await page.getByRole("combobox", { name: "Logement de fonction", exact: true }).selectOption("COP_A");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();

    const max = page.getByLabel("Rémunération brute annuelle maximale (€)");
    await expect(max.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await max.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toContain("supérieure ou égale à la minimale");
    expect(new URL(page.url()).pathname).toBe("/employeur/postes/nouveau");
    expect(await page.getByLabel("Intitulé du poste").inputValue()).toBe("Directeur général adjoint");
    expect(await page.getByLabel("Rémunération brute annuelle minimale (€)").inputValue()).toBe("52000");
    expect(await page.getByRole("combobox", { name: "Logement de fonction", exact: true }).inputValue()).toBe("COP_A");
    expect(await page.getByRole("combobox", { name: "Commune du poste" }).inputValue()).toMatch(/^Langogne/);
    expect(await page.getByRole("checkbox", { name: /^Attachés territoriaux/ }).isChecked()).toBe(true);
    await checkA11y(page);
    await page.context().close();
  });

  it("knows the statute: the filière and catégorie follow the cadres, an incoherent statute is refused with its message", async () => {
    const page = await newPage();
    await signIn(page, DGS);
    await openEditor(page);
    // A side navigation of the sections, and the save bar.
    await page.getByRole("navigation", { name: "Sections du formulaire" }).getByRole("link", { name: "Rémunération" }).waitFor();
    // « Durée hebdomadaire » only for a temps non complet.
    expect(await page.getByLabel("Durée hebdomadaire (heures)").count()).toBe(0);
    await page.getByLabel("Temps non complet").check();
    await page.getByLabel("Durée hebdomadaire (heures)").fill("28");
    await page.getByLabel("Temps complet").check();
    // The weight total is neutral until a weight is typed.
    const total = page.getByText("Total des poids : 0 / 100");
    expect(await total.getAttribute("class")).toBe("hint");

    await page.getByLabel("Intitulé du poste").fill("Responsable du centre technique");
    await page.getByText("Filière administrative", { exact: true }).click();
    await page.getByRole("checkbox", { name: /^Attachés territoriaux/ }).check();
    // Ticking the cadre chose its filière and catégorie.
    expect(await page.getByRole("combobox", { name: "Filière", exact: true }).inputValue()).toBe("administrative");
    expect(await page.getByRole("combobox", { name: "Catégorie", exact: true }).inputValue()).toBe("A");
    // Then the employer contradicts it: filière technique, catégorie C, the cadre of attachés.
    await page.getByRole("combobox", { name: "Filière", exact: true }).selectOption("technique");
    await page.getByRole("combobox", { name: "Catégorie", exact: true }).selectOption("C");
    await chooseCommune(page, "Langogne", "Langogne");
    await page.getByLabel("Missions").fill("Diriger le centre technique municipal et ses équipes.");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();

    const message = "Le cadre d’emplois « Attachés territoriaux » est de catégorie A : la catégorie du poste doit être A (pas C), ou retirez ce cadre d’emplois.";
    await page.getByRole("alert").filter({ hasText: message }).first().waitFor();
    const categorie = page.getByRole("combobox", { name: "Catégorie", exact: true });
    await expect(categorie.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(new URL(page.url()).pathname).toBe("/employeur/postes/nouveau");
    await page.getByRole("navigation", { name: "Sections du formulaire" }).getByText("Le poste — 1 erreur").waitFor();
    await checkA11y(page);
    await page.context().close();
  });

  it("works without JavaScript: the server refuses, says why next to the field, and keeps the values", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, DGS);
    await page.goto("/employeur/postes/nouveau");
    await page.getByLabel("Intitulé du poste").fill("Chargé de mission sans JavaScript");
    await page.getByRole("combobox", { name: "Filière", exact: true }).selectOption("administrative");
    await page.getByRole("combobox", { name: "Catégorie", exact: true }).selectOption("A");
    // Without JavaScript, the cadres of a filière are behind their own disclosure.
    await page.getByText("Filière administrative", { exact: true }).click();
    await page.getByRole("checkbox", { name: /^Attachés territoriaux/ }).check();
    await page.getByLabel("Commune du poste").fill("48080");
    await page.getByLabel("Missions").fill("Conduire les projets transversaux de la commune.");
    await page.getByLabel("Critère 1", { exact: true }).fill("Gestion de projet");
    await page.getByLabel("Poids du critère 1").fill("50");
    await page.getByLabel("Critère 2", { exact: true }).fill("Relations aux élus");
    await page.getByLabel("Poids du critère 2").fill("30");
    // The refusal is a 400 page, which the browser reports.
    expectBrowserError(page, /^console\.error: Failed to load resource: the server responded with a status of 400 \(Bad Request\) \(http:\/\/[^/]+\/employeur\/postes\/nouveau\)$/);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Enregistrer le brouillon" }).click()]);

    await page.getByText("Les poids des critères doivent totaliser 100 (total actuel : 80).").first().waitFor();
    expect(await page.getByLabel("Intitulé du poste").inputValue()).toBe("Chargé de mission sans JavaScript");
    expect(await page.getByLabel("Commune du poste").inputValue()).toBe("48080");
    expect(await page.getByLabel("Poids du critère 2").inputValue()).toBe("30");
    expect(await page.getByRole("checkbox", { name: /^Attachés territoriaux/ }).isChecked()).toBe(true);

    await page.getByLabel("Poids du critère 2").fill("50");
    await Promise.all([page.waitForURL(/\/employeur\/postes\/[^/?]+\?ok=cree$/), page.getByRole("button", { name: "Enregistrer le brouillon" }).click()]);
    await page.context().close();
  });
});
