import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { formatParis, parisLocalToUtc } from "~/schemas/presentation";
import { checkA11y, closeBrowser, newPage, queryPortal, signIn } from "../helpers/e2e";

afterAll(closeBrowser);

/**
 * Issue 15 end to end, on the demo data, without a cabinet: candidat@ applies to the demo DGS's
 * other public offer; dgs@ proposes two slots; candidat@ picks the second; both receive the
 * invitation as an .ics (read back from the stored mails); dgs@ writes to her and marks the
 * application « retenue »; candidat@ reads the message and the decision. Every page passes axe
 * and logs no browser error (newPage() fails the test on any).
 */

type IcsEvent = { uid: string; start: string; end: string; location: string; method: string; sequence: number };

/** The newest stored mail to `to` carrying the interview's .ics, parsed back; waits for it. */
async function invitationTo(to: string, uid: string): Promise<IcsEvent> {
  let found: IcsEvent | undefined;
  await expect
    .poll(
      () => {
        const mails = queryPortal<{ attachments: string }>(`SELECT attachments FROM OutgoingMail WHERE "to" = ? AND attachments IS NOT NULL ORDER BY createdAt DESC, rowid DESC`, to);
        for (const mail of mails) {
          const [ics] = JSON.parse(mail.attachments) as Array<{ filename: string; content: string }>;
          const calendar = new ICAL.Component(ICAL.parse(Buffer.from(ics!.content, "base64").toString("utf8")));
          const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
          if (event.uid !== uid) continue;
          found = {
            uid: event.uid, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), location: event.location,
            method: String(calendar.getFirstPropertyValue("method")), sequence: event.sequence,
          };
          return true;
        }
        return false;
      },
      { message: `an invitation to ${to}`, timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

describe("an interview and a decision on an application, without a cabinet", () => {
  it("goes from the application to « retenue », through two slots, an .ics for each side and a message", async () => {
    // The demo DGS's public offers that candidat@ has not applied to (her DGS application is the seed's).
    const [offer] = queryPortal<{ id: string; title: string }>(
      `SELECT p.id, p.title FROM Position p JOIN User e ON e.organizationId = p.organizationId
       WHERE e.email = 'dgs@vivier.test' AND p.state = 'PUBLISHED' AND p.confidential = 0
         AND NOT EXISTS (SELECT 1 FROM Application a JOIN CandidateProfile cp ON cp.id = a.profileId JOIN User u ON u.id = cp.userId
                         WHERE a.positionId = p.id AND u.email = 'candidat@vivier.test' AND a.state <> 'WITHDRAWN')
       ORDER BY p.title LIMIT 1`,
    );
    expect(offer, "a public offer of the demo DGS open to candidat@").toBeDefined();

    // candidat@ applies.
    const candidate = await newPage();
    await signIn(candidate, "candidat@vivier.test");
    await candidate.goto(`/offres/${offer!.id}/postuler`);
    await candidate.getByLabel("Lettre de motivation").fill("Madame, Monsieur, responsable technique depuis dix ans, je serais heureuse de rejoindre vos services.");
    // Her profile's CV goes with it; without one yet (another test may have given her one), she attaches it here.
    if (await candidate.getByLabel("Mon CV").count()) {
      await candidate.getByLabel("Mon CV").setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1") });
    }
    await Promise.all([candidate.waitForURL(/\/candidat\/candidatures\/[^/?]+\?envoyee=1$/), candidate.getByRole("button", { name: "Envoyer ma candidature" }).click()]);
    const applicationId = new URL(candidate.url()).pathname.split("/").pop()!;
    const applicationUrl = `/candidat/candidatures/${applicationId}`;

    // dgs@ opens it from the position's applications and proposes two slots.
    const dgs = await newPage();
    await signIn(dgs, "dgs@vivier.test");
    await dgs.goto(`/employeur/postes/${offer!.id}/candidatures`);
    await Promise.all([dgs.waitForURL(`**/employeur/candidatures/${applicationId}`), dgs.locator(`main a[href="/employeur/candidatures/${applicationId}"]`).first().click()]);
    await Promise.all([dgs.waitForURL(`**/employeur/candidatures/${applicationId}/entretien`), dgs.getByRole("link", { name: "Proposer un entretien" }).click()]);
    await checkA11y(dgs);
    const year = new Date().getUTCFullYear() + 1;
    const slots = [`${year}-03-10T10:00`, `${year}-03-11T14:30`];
    await dgs.getByLabel("Créneau 1 : date et heure").fill(slots[0]!);
    await dgs.getByLabel("Créneau 2 : date et heure").fill(slots[1]!);
    await dgs.getByLabel("Durée").selectOption("45");
    await dgs.getByLabel("Lieu").fill("Place de la mairie, bureau du maire");
    await dgs.locator('main input[name="panel"]').first().check();
    await Promise.all([dgs.waitForURL(/ok=propose$/), dgs.getByRole("button", { name: "Proposer ces créneaux" }).click()]);
    await dgs.getByText("Les créneaux sont proposés").waitFor();
    await checkA11y(dgs);

    // candidat@ sees « Entretien proposé » and picks the second slot.
    await candidate.goto(applicationUrl);
    await expect.poll(() => candidate.locator(".badge", { hasText: "Entretien proposé" }).count()).toBe(1);
    await checkA11y(candidate);
    await candidate.getByLabel(formatParis(parisLocalToUtc(slots[1]!)!.toISOString())).check();
    await Promise.all([candidate.waitForURL(/ok=entretien-fixe$/), candidate.getByRole("button", { name: "Confirmer ce créneau" }).click()]);
    await candidate.getByText("Votre entretien est fixé").first().waitFor();
    await expect.poll(() => candidate.locator(".badge", { hasText: "Entretien fixé" }).count()).toBe(1);
    await checkA11y(candidate);

    // Both sides receive the invitation: the chosen slot, 45 minutes, the place, one UID.
    const [{ uid }] = queryPortal<{ uid: string }>(`SELECT uid FROM ApplicationInterview WHERE applicationId = ?`, applicationId) as [{ uid: string }];
    const start = parisLocalToUtc(slots[1]!)!;
    for (const to of ["candidat@vivier.test", "dgs@vivier.test"]) {
      expect(await invitationTo(to, uid), to).toEqual({
        uid, method: "REQUEST", sequence: 0, start: start.toISOString(), end: new Date(start.getTime() + 45 * 60_000).toISOString(), location: "Place de la mairie, bureau du maire",
      });
    }

    // dgs@ sees the fixed interview, writes to her, and marks the application « retenue ».
    await dgs.goto(`/employeur/candidatures/${applicationId}`);
    await dgs.getByText("Entretien fixé le").waitFor();
    await Promise.all([dgs.waitForURL(`**/employeur/candidatures/${applicationId}/messages`), dgs.getByRole("link", { name: "Écrire au candidat" }).click()]);
    await dgs.getByLabel("Votre message").fill("Merci pour cet entretien : nous revenons vers vous très vite.");
    await dgs.getByRole("button", { name: "Envoyer" }).click();
    await dgs.getByText("Votre message est envoyé.").waitFor();
    await checkA11y(dgs);
    await dgs.goto(`/employeur/candidatures/${applicationId}`);
    await dgs.getByLabel("État").selectOption("ACCEPTED");
    await Promise.all([dgs.waitForURL(/ok=enregistre$/), dgs.getByRole("button", { name: "Enregistrer" }).click()]);
    await dgs.getByText("Décision enregistrée").waitFor();
    await checkA11y(dgs);

    // candidat@ reads the message and sees her application « retenue ».
    await candidate.goto("/candidat/messages");
    await Promise.all([candidate.waitForURL(`**${applicationUrl}/messages`), candidate.locator(`main a[href="${applicationUrl}/messages"]`).click()]);
    await candidate.getByText("Merci pour cet entretien").waitFor();
    await checkA11y(candidate);
    await candidate.goto(applicationUrl);
    await expect.poll(() => candidate.locator(".badge", { hasText: "Retenue" }).count()).toBe(1);
    await candidate.getByText("Votre candidature est retenue.").waitFor();
    await checkA11y(candidate);
    await candidate.goto("/candidat/candidatures");
    const row = candidate.getByRole("row", { name: new RegExp(offer!.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await expect.poll(() => row.getByText("Retenue").count()).toBe(1);

    await dgs.context().close();
    await candidate.context().close();
  });
});
