import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkA11y, closeBrowser, newPage, queryPortal, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

const CANDIDATE = "candidat@vivier.test";
const DGS = "dgs@vivier.test";
const STATE_CHANGES = "Une candidature change d’état (examinée, retenue, non retenue…)";

const mailsTo = (email: string) => queryPortal<{ n: number }>(`SELECT count(*) AS n FROM OutgoingMail WHERE "to" = ?`, email)[0]!.n;
const digestItemsOf = (email: string) => queryPortal<{ n: number }>(`SELECT count(*) AS n FROM DigestItem d JOIN User u ON u.id = d.userId WHERE u.email = ?`, email)[0]!.n;

/** candidat@'s application to a position of dgs@'s collectivité (seeded), with its state. */
function demoApplication(): { id: string; state: string } {
  const [row] = queryPortal<{ id: string; state: string }>(
    `SELECT a.id, a.state FROM Application a
       JOIN CandidateProfile cp ON cp.id = a.profileId JOIN User u ON u.id = cp.userId
       JOIN Position p ON p.id = a.positionId JOIN User e ON e.organizationId = p.organizationId
      WHERE u.email = ? AND e.email = ? AND a.state NOT IN ('WITHDRAWN', 'SENT')`,
    CANDIDATE, DGS,
  );
  expect(row, "candidat@ applied to one of dgs@'s positions (seed)").toBeTruthy();
  return row!;
}

async function chooseForStateChanges(page: Page, mode: "Jamais" | "Tout de suite") {
  await page.goto("/candidat/notifications");
  const group = page.getByRole("group", { name: STATE_CHANGES });
  await group.getByLabel(mode).check();
  await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await page.getByText("Vos choix sont enregistrés.").waitFor();
  await expect(page.getByRole("group", { name: STATE_CHANGES }).getByLabel(mode).isChecked()).resolves.toBe(true);
}

async function setState(page: Page, applicationId: string, label: string) {
  await page.goto(`/employeur/candidatures/${applicationId}`);
  await page.getByLabel("État").selectOption({ label });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText("Modifications enregistrées.").waitFor();
}

describe("notification choices", () => {
  it("the candidate turns off state-change mails, and the DGS's next state change sends her none", async () => {
    const candidate = await newPage();
    await signIn(candidate, CANDIDATE);
    await chooseForStateChanges(candidate, "Jamais");
    await checkA11y(candidate);

    const application = demoApplication();
    const dgs = await newPage();
    await signIn(dgs, DGS);
    const mailsBefore = mailsTo(CANDIDATE);
    const itemsBefore = digestItemsOf(CANDIDATE);
    await setState(dgs, application.id, application.state === "INTERVIEW" ? "En cours d’étude" : "Entretien");
    // The action answers once the mail would be stored: nothing was, neither now nor for a digest.
    expect(mailsTo(CANDIDATE)).toBe(mailsBefore);
    expect(digestItemsOf(CANDIDATE)).toBe(itemsBefore);
    // She still sees the new state in her space.
    await candidate.goto(`/candidat/candidatures/${application.id}`);
    await candidate.getByText(application.state === "INTERVIEW" ? /En cours d’étude/ : /Entretien/).first().waitFor();

    // Back as the demo was (her choice, then the state), for the tests that follow.
    await chooseForStateChanges(candidate, "Tout de suite");
    const restored = queryPortal<{ n: number }>(`SELECT count(*) AS n FROM NotificationPreference p JOIN User u ON u.id = p.userId WHERE u.email = ? AND p.mode = 'IMMEDIATE'`, CANDIDATE)[0]!.n;
    expect(restored).toBeGreaterThan(0);
    await setState(dgs, application.id, application.state === "INTERVIEW" ? "Entretien" : "En cours d’étude");
    await candidate.context().close();
    await dgs.context().close();
  }, 180_000);
});

describe("the vacancy notice", () => {
  it("the DGS follows a line of the checklist of a draft to its field, then opens the printable notice of a complete one: one A4", async () => {
    const page = await newPage();
    await signIn(page, DGS);
    // The seed's draft « Agent d'accueil » lacks its métier.
    await page.goto(`/employeur/postes?q=${encodeURIComponent("Agent d'accueil")}`);
    await page.locator('main a[href^="/employeur/postes/"]', { hasText: "Agent d'accueil" }).first().click();
    const line = page.getByRole("link", { name: "Choisissez le métier dans le Répertoire des métiers territoriaux." });
    await line.click();
    await page.waitForURL(/\/modifier#position-metierCode$/);
    await page.getByLabel("Métier (Répertoire des métiers territoriaux du CNFPT)").waitFor();

    // The demo DGS search: a complete notice.
    await page.goto(`/employeur/postes?q=${encodeURIComponent("Directeur général des services")}`);
    await page.locator('main a[href^="/employeur/postes/"]', { hasText: "Directeur général des services" }).first().click();
    await page.getByText("La déclaration de vacance est complète.").waitFor();
    await page.getByRole("link", { name: "Voir la déclaration de vacance imprimable" }).click();
    await page.waitForURL(/\/declaration$/);
    await page.getByRole("heading", { level: 1, name: /Directeur général des services/ }).waitFor();
    await page.getByText("Fonction publique territoriale").waitFor();
    await page.getByText("Directeur ou directrice général·e de collectivité ou d’établissement public").waitFor();
    await checkA11y(page);

    // Printed: the site's frame is left out, and it fits one A4 page.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header.site-header, nav.space-nav").first().isVisible()).resolves.toBe(false);
    const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length, "pages of the printed notice").toBe(1);

    // The CSV row, as downloaded.
    const csv = await page.request.get(page.url().replace(/\/declaration$/, "/declaration.csv"));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("Fonction publique territoriale");
    await page.context().close();
  }, 180_000);
});
