import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { checkA11y, closeBrowser, newPage, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

/**
 * Issue 12 end to end, on the demo data: consultant@ presents candidat@ (who consents) to dgs@'s
 * DGS search; dgs@ invites the member of the committee who decides; that member creates their
 * account from the mail, scores candidat@ and records « retenu »; candidat@ reads it;
 * consultant@ records the one-month check-in. Every page passes axe and logs no browser error.
 */

/** The portal's database, read-only: the ids behind the demo's names, and the invitation's link. */
function portalDb() {
  return new Database(inject("databaseFile"), { readonly: true, fileMustExist: true });
}

function watchErrors(page: Page, errors: string[]) {
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
}

async function signedIn(email: string, errors: string[]) {
  const page = await newPage();
  watchErrors(page, errors);
  await signIn(page, email);
  return page;
}

function daysFromToday(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe("presenting a finalist to the committee, its decision and the follow-up", () => {
  it("goes from the consent to the one-month check-in", async () => {
    const errors: string[] = [];
    const db = portalDb();
    const entry = db.prepare(`SELECT e.id AS entryId, e.missionId, m.positionId FROM ShortlistEntry e JOIN Mission m ON m.id = e.missionId JOIN CandidateProfile p ON p.id = e.profileId JOIN User u ON u.id = p.userId WHERE u.email = ? AND e.stage = 'EVALUATED'`).get("candidat@vivier.test") as { entryId: string; missionId: string; positionId: string };
    expect(entry, "candidat@ évaluée on the demo search").toBeDefined();
    const decider = db.prepare(`SELECT id, name FROM CommitteeMember WHERE positionId = ? AND role = 'DECIDE' AND userId IS NULL ORDER BY sort LIMIT 1`).get(entry.positionId) as { id: string; name: string };
    const presentationUrl = `/cabinet/missions/${entry.missionId}/presentation/${entry.entryId}`;

    // The consultant asks candidat@'s consent.
    const consultant = await signedIn("consultant@vivier.test", errors);
    await consultant.goto(`/cabinet/missions/${entry.missionId}/finalistes`);
    await Promise.all([consultant.waitForURL((url) => url.pathname === presentationUrl), consultant.getByRole("link", { name: "Camille Roussel" }).click()]);
    await checkA11y(consultant);
    await Promise.all([consultant.waitForURL(/ok=accord-demande/), consultant.getByRole("button", { name: "Demander l’accord de présentation" }).click()]);

    // candidat@ consents, in her space.
    const candidate = await signedIn("candidat@vivier.test", errors);
    await candidate.goto("/candidat/presentations");
    await checkA11y(candidate);
    await Promise.all([candidate.waitForURL(/ok=grant/), candidate.getByRole("button", { name: "J’accepte que le cabinet me présente" }).click()]);

    // The consultant presents her.
    await consultant.goto(presentationUrl);
    await consultant.getByLabel("Points forts").fill("Treize ans en finances et ressources humaines de collectivités lozériennes ; connaît le territoire et ses élus.");
    await consultant.getByLabel("Points d’attention").fill("Première direction générale : à accompagner sur l’urbanisme.");
    await consultant.getByLabel("Emploi du conjoint").fill("Sans objet");
    await checkA11y(consultant);
    await Promise.all([consultant.waitForURL(/ok=presente/), consultant.getByRole("button", { name: "Présenter ce finaliste" }).click()]);
    await consultant.getByText("Le candidat est présenté").waitFor();

    // dgs@ invites the member who decides, from the position page.
    const dgs = await signedIn("dgs@vivier.test", errors);
    await dgs.goto(`/employeur/postes/${entry.positionId}`);
    await dgs.locator("summary", { hasText: decider.name }).click();
    const email = `decideur-${Date.now()}@mairie.test`;
    await dgs.getByLabel(`Adresse e-mail de ${decider.name}`).fill(email);
    await checkA11y(dgs);
    await Promise.all([dgs.waitForURL(/\/comite\?ok=invite/), dgs.locator("details[open]").getByRole("button", { name: "Envoyer l’invitation" }).click()]);
    await checkA11y(dgs);
    await dgs.goto(`/employeur/postes/${entry.positionId}/finalistes`);
    await dgs.getByRole("link", { name: "Camille Roussel" }).waitFor();
    await checkA11y(dgs);

    // The member creates their account from the mail and lands on their committees.
    const mail = db.prepare(`SELECT text FROM OutgoingMail WHERE "to" = ? ORDER BY createdAt DESC LIMIT 1`).get(email) as { text: string };
    const link = /https?:\/\/\S+\/invitation\/\S+/.exec(mail.text)![0];
    const member = await newPage();
    watchErrors(member, errors);
    await member.goto(new URL(link).pathname);
    await member.getByLabel("Mot de passe").fill("mot-de-passe-du-comite");
    await checkA11y(member);
    await Promise.all([member.waitForURL(/\/employeur\/comite$/), member.getByRole("button", { name: "Créer mon compte" }).click()]);
    await checkA11y(member);
    await member.locator(`main a[href="/employeur/postes/${entry.positionId}/finalistes"]`).click();
    await member.getByRole("link", { name: "Camille Roussel" }).click();
    await member.getByRole("heading", { level: 1, name: "Camille Roussel" }).waitFor();
    await checkA11y(member);

    // The member scores her…
    for (const select of await member.locator('select[name^="score-"]').all()) await select.selectOption("4");
    await Promise.all([member.waitForURL(/ok=note/), member.getByRole("button", { name: "Enregistrer ma grille" }).click()]);
    await member.getByText("Votre grille est enregistrée.").waitFor();
    // …and, as the member who decides, records « retenu » with a start date a month ago.
    await member.getByLabel("Retenu", { exact: true }).check();
    await member.getByLabel("Date de prise de poste (si retenu)").fill(daysFromToday(-33));
    await checkA11y(member);
    await Promise.all([member.waitForURL(/ok=retenu/), member.getByRole("button", { name: "Enregistrer la décision" }).click()]);
    await member.getByText(/finaliste retenu/).waitFor();
    await member.goto(`/employeur/postes/${entry.positionId}/finalistes/comparaison`);
    await checkA11y(member);
    const csv = await member.request.get(`/employeur/postes/${entry.positionId}/finalistes/comparaison.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Camille Roussel");
    // The printable dossier: printed, only the dossier remains (no site header, navigation or footer).
    await member.getByRole("link", { name: "Camille Roussel" }).click();
    await Promise.all([member.waitForURL(/\/dossier$/), member.getByRole("link", { name: "Dossier imprimable" }).click()]);
    await checkA11y(member);
    await member.emulateMedia({ media: "print" });
    expect(await member.locator(".site-header").isVisible()).toBe(false);
    await member.getByRole("heading", { level: 1, name: "Camille Roussel" }).waitFor();
    await member.emulateMedia({ media: "screen" });
    // The member reaches nothing else of the collectivité.
    expect((await member.request.get(`/employeur/postes/${entry.positionId}`)).status()).toBe(403);

    // candidat@ reads « Candidature retenue » and her start date.
    await candidate.goto("/candidat/presentations");
    await candidate.getByText("Candidature retenue").waitFor();
    await candidate.getByText("Votre prise de poste est prévue le").waitFor();
    await checkA11y(candidate);

    // The consultant records the one-month check-in with the hire.
    await consultant.goto(`/cabinet/missions/${entry.missionId}/finalistes`);
    await checkA11y(consultant);
    const form = consultant.locator("form", { has: consultant.getByRole("button", { name: "Enregistrer le point à 1 mois" }) }).first();
    await form.getByLabel("Signal").selectOption("OK");
    await form.getByLabel("Notes").fill("Prise de poste sereine, l’équipe l’a bien accueillie.");
    await Promise.all([consultant.waitForURL(/ok=suivi/), form.getByRole("button", { name: "Enregistrer le point à 1 mois" }).click()]);
    await consultant.getByText("Prise de poste sereine").waitFor();

    db.close();
    expect(errors).toEqual([]);
  });
});
