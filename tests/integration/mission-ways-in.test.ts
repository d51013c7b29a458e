import { beforeAll, describe, expect, it } from "vitest";
import { answerContactRequest } from "~/domain/conversations.server";
import type { MissionPage } from "~/domain/missions-page.server";
import { action as contactsAction } from "~/routes/cabinet.contacts";
import { action as missionAction, loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { action as addAction } from "~/routes/cabinet.missions.$id_.ajouter";
import { loader as cvLoader } from "~/routes/cabinet.missions.$id_.cv.$entryId";
import { action as vivierAction, loader as vivierLoader } from "~/routes/cabinet.vivier";
import { loader as applicationLoader } from "~/routes/employeur.candidatures.$applicationId";
import { loader as applicationsLoader } from "~/routes/employeur.postes.$id_.candidatures";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invitation-candidat.$token";
import { action as applyAction } from "~/routes/offres.$id_.postuler";
import { db } from "~/utils/db.server";
import { getSessionUser, type SessionUser } from "~/utils/session.server";
import { applySettings } from "../../search/settings";
import { pdfFile } from "../helpers/candidate-requests";
import { Browser, call } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { entry, load, missionWorld, post, type MissionWorld } from "./mission-fixtures";
import { candidate, pushToIndex, tag } from "./talent-fixtures";

/** Every way onto a mission's shortlist, and what each says to whom. */

beforeAll(async () => {
  await applySettings(searchClient());
});

const listOf = async (w: MissionWorld) =>
  (await load<{ page: MissionPage }>(missionLoader, w.browsers.consultant, `/cabinet/missions/${w.mission.id}`, { id: w.mission.id })).data.page.list!.rows;

async function signedInCandidate(input: Parameters<typeof candidate>[0] = {}) {
  const made = await candidate(input);
  const browser = await Browser.create();
  await browser.signInAs(made.user.id);
  return { ...made, browser, session: (await getSessionUser(browser.get("/"))) as SessionUser };
}

describe("« Ajouter à la mission » on a talent-search hit", () => {
  it("puts the candidate on the list as identifié, from the search, and the card then says so", async () => {
    const w = await missionWorld();
    const words = tag();
    const talent = await candidate({ competencies: [words] });
    await pushToIndex();
    const path = `/cabinet/vivier?mission=${w.mission.id}&q=${words}`;
    const r = await post<{ added: string | null; entryId?: string; error: string | null }>(vivierAction, w.browsers.consultant, path, {}, { intent: "add-to-mission", missionId: w.mission.id, profileId: talent.profile.id });
    const entry = await db.shortlistEntry.findUniqueOrThrow({ where: { missionId_profileId: { missionId: w.mission.id, profileId: talent.profile.id } } });
    expect(r.body).toEqual({ added: talent.profile.id, entryId: entry.id, error: null });
    const e = await db.shortlistEntry.findUniqueOrThrow({ where: { missionId_profileId: { missionId: w.mission.id, profileId: talent.profile.id } }, include: { events: true } });
    expect(e).toMatchObject({ stage: "IDENTIFIED", source: "SEARCH" });
    expect(e.events).toEqual([expect.objectContaining({ toStage: "IDENTIFIED", actorId: w.users.consultant.id })]);
    expect((await load<{ onMission: string[] }>(vivierLoader, w.browsers.consultant, path, {})).data.onMission).toEqual([talent.profile.id]);

    const again = await post<{ error: string }>(vivierAction, w.browsers.consultant, path, {}, { intent: "add-to-mission", missionId: w.mission.id, profileId: talent.profile.id });
    expect(again.status).toBe(409);
    expect(again.body?.error).toBe("Ce candidat est déjà sur la liste de cette mission.");
  });

  it("refuses a candidate who hides from the collectivité, and another cabinet's mission, in French", async () => {
    const w = await missionWorld();
    const hiding = await candidate({ hiddenFrom: [w.client.officialKey] });
    const refused = await post<{ error: string }>(vivierAction, w.browsers.consultant, "/cabinet/vivier", {}, { intent: "add-to-mission", missionId: w.mission.id, profileId: hiding.profile.id });
    expect(refused.status).toBe(409);
    expect(refused.body?.error).toMatch(/^Ce candidat a demandé à ne pas être montré à votre cabinet ou à cette collectivité/);
    const talent = await candidate();
    const rival = await post<{ error: string }>(vivierAction, w.browsers.rival, "/cabinet/vivier", {}, { intent: "add-to-mission", missionId: w.mission.id, profileId: talent.profile.id });
    expect(rival.status).toBe(404);
    expect(await db.shortlistEntry.count({ where: { missionId: w.mission.id } })).toBe(0);
  });
});

describe("a proposal and an application", () => {
  it("makes the candidate approché when the proposal is sent, intéressé when they accept, and identifies them", async () => {
    const w = await missionWorld();
    const talent = await signedInCandidate();
    const sent = await call(contactsAction, w.browsers.consultant.post("/cabinet/contacts", { profileId: talent.profile.id, missionId: w.mission.id, message: "Un poste pour vous" }));
    expect(sent.status).toBe(302);
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: talent.profile.pseudonym, stage: "APPROACHED", source: "CONTACT" })]);
    const request = await db.contactRequest.findFirstOrThrow({ where: { profileId: talent.profile.id } });
    expect(await answerContactRequest(talent.session, request.id, true)).toBe("answered");
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: talent.user.name, stage: "INTERESTED", sight: "identity" })]);
  });

  it("makes a candidate who declines désisté, still unnamed", async () => {
    const w = await missionWorld();
    const talent = await signedInCandidate();
    await call(contactsAction, w.browsers.consultant.post("/cabinet/contacts", { profileId: talent.profile.id, missionId: w.mission.id }));
    const request = await db.contactRequest.findFirstOrThrow({ where: { profileId: talent.profile.id } });
    await answerContactRequest(talent.session, request.id, false);
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: talent.profile.pseudonym, stage: "WITHDREW", exitReason: "A décliné la proposition" })]);
  });

  it("puts an application to a mandated position on the list as intéressé, and tells the employer the cabinet handles it", async () => {
    const w = await missionWorld();
    const talent = await signedInCandidate({ visibility: "HIDDEN" });
    const applied = await call(applyAction, talent.browser.post(`/offres/${w.position.id}/postuler`, { letter: "Madame, Monsieur, mon expérience des finances locales vous sera utile.", cv: pdfFile() }), { id: w.position.id });
    expect(applied.status).toBe(302);
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: talent.user.name, stage: "INTERESTED", source: "APPLICATION" })]);

    const list = await load<{ cabinets: string[] }>(applicationsLoader, w.browsers.employer, `/employeur/postes/${w.position.id}/candidatures`, { id: w.position.id });
    expect(list.data.cabinets).toEqual([w.cabinet.name]);
    const application = await db.application.findFirstOrThrow({ where: { profileId: talent.profile.id } });
    const detail = await load<{ cabinets: string[] }>(applicationLoader, w.browsers.employer, `/employeur/candidatures/${application.id}`, { applicationId: application.id });
    expect(detail.data.cabinets).toEqual([w.cabinet.name]);
    // Once the mission ends, the employer handles it alone.
    await db.mission.update({ where: { id: w.mission.id }, data: { status: "CLOSED" } });
    expect((await load<{ cabinets: string[] }>(applicationsLoader, w.browsers.employer, `/employeur/postes/${w.position.id}/candidatures`, { id: w.position.id })).data.cabinets).toEqual([]);
  });
});

describe("a person met elsewhere", () => {
  async function addedByHand(w: MissionWorld, email = `rencontre-${tag()}@perso.test`) {
    const r = await post(addAction, w.browsers.consultant, `/cabinet/missions/${w.mission.id}/ajouter`, { id: w.mission.id }, { name: "Sophie Rencontrée", email, cv: pdfFile() });
    expect(r.location).toBe(`/cabinet/missions/${w.mission.id}?ok=ajoute`);
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const token = /\/invitation-candidat\/(\S+)/.exec(mail.text)![1];
    return { email, token, mail };
  }

  it("is on the list « hors plateforme » for the mission's consultants only, with the CV they typed in", async () => {
    const w = await missionWorld();
    const { email, mail } = await addedByHand(w);
    // A discreet mail: neither the cabinet, nor the post, nor the collectivité.
    expect(mail.subject).toBe("Vivier : une invitation à créer votre espace candidat");
    for (const secret of [w.cabinet.name, w.position.title, w.client.name]) expect(mail.text).not.toContain(secret);
    const rows = await listOf(w);
    expect(rows).toEqual([expect.objectContaining({ label: "Sophie Rencontrée", email, sight: "external", stage: "APPROACHED", source: "MANUAL", externalCv: true })]);
    const cv = await call(cvLoader, w.browsers.consultant.get(`/cabinet/missions/${w.mission.id}/cv/${rows[0].id}`), { id: w.mission.id, entryId: rows[0].id });
    expect(cv.headers.get("Content-Type")).toBe("application/pdf");
    expect(await db.auditEvent.count({ where: { missionId: w.mission.id, action: "CV_DOWNLOAD", actorId: w.users.consultant.id } })).toBe(1);
    for (const who of ["colleague", "rival"] as const) {
      expect((await call(cvLoader, w.browsers[who].get(`/cabinet/missions/${w.mission.id}/cv/${rows[0].id}`), { id: w.mission.id, entryId: rows[0].id })).status).toBe(404);
    }
    const twice = await post(addAction, w.browsers.consultant, `/cabinet/missions/${w.mission.id}/ajouter`, { id: w.mission.id }, { name: "Sophie R.", email });
    expect(twice.body?.error).toBe("Cette personne est déjà sur la liste de cette mission (même adresse e-mail).");
  });

  it("refuses a missing name, a wrong e-mail and a file that is not a PDF, writing nothing", async () => {
    const w = await missionWorld();
    const r = await post<{ fieldErrors: Record<string, string> }>(addAction, w.browsers.consultant, `/cabinet/missions/${w.mission.id}/ajouter`, { id: w.mission.id }, { name: "", email: "pas-une-adresse", cv: new File([new Uint8Array([1, 2, 3])], "cv.pdf", { type: "application/pdf" }) });
    expect(r.status).toBe(400);
    expect(r.body?.fieldErrors).toEqual({
      name: "Indiquez le prénom et le nom de la personne.",
      email: "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).",
      cv: "Ce fichier n’est pas un PDF. Enregistrez votre CV au format PDF puis recommencez.",
    });
    expect(await db.shortlistEntry.count({ where: { missionId: w.mission.id } })).toBe(0);
  });

  it("creates their candidate space from the invitation, with their consent: the cabinet then knows them as a candidate", async () => {
    const w = await missionWorld({ missionStatus: "ACTIVE" });
    await db.position.update({ where: { id: w.position.id }, data: { confidential: true } });
    const { email, token } = await addedByHand(w);
    const visitor = await Browser.create();
    const shown = await load<{ invitation: { cabinetName: string; positionTitle: string; employerName: string | null; email: string; hasCv: boolean } }>(inviteLoader, visitor, `/invitation-candidat/${token}`, { token });
    // A confidential search keeps its collectivité's name until they are in it.
    expect(shown.data.invitation).toEqual(expect.objectContaining({ cabinetName: w.cabinet.name, positionTitle: w.position.title, employerName: null, email, hasCv: true }));
    expect(shown.text).not.toContain(w.client.name);

    const missing = await post<{ fieldErrors: Record<string, string> }>(inviteAction, visitor, `/invitation-candidat/${token}`, { token }, { name: "Sophie Rencontrée", password: "un-mot-de-passe-solide", visibility: "ANONYMOUS", privacy: "on" });
    expect(missing.body?.fieldErrors.consent).toBe("Cochez cette case pour accepter : sans votre accord, le cabinet ne poursuit pas avec vous.");

    const accepted = await post(inviteAction, visitor, `/invitation-candidat/${token}`, { token }, { name: "Sophie Rencontrée", password: "un-mot-de-passe-solide", visibility: "ANONYMOUS", privacy: "on", consent: "on" });
    expect(accepted.location).toBe("/candidat/profil?invitation=acceptee");
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { profile: true } });
    expect(user).toMatchObject({ role: "CANDIDATE", name: "Sophie Rencontrée", privacyAcceptedAt: expect.any(Date) });
    expect(user.profile).toMatchObject({ visibility: "ANONYMOUS", consentAt: expect.any(Date), cvFile: expect.any(String) });

    const e = await db.shortlistEntry.findFirstOrThrow({ where: { missionId: w.mission.id } });
    expect(e).toMatchObject({ profileId: user.profile!.id, externalName: null, externalEmail: null, externalCvFile: null, inviteTokenHash: null, stage: "INTERESTED", source: "MANUAL" });
    expect(await db.contactRequest.count({ where: { profileId: user.profile!.id, missionId: w.mission.id, status: "ACCEPTED" } })).toBe(1);
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: "Sophie Rencontrée", sight: "identity", stage: "INTERESTED" })]);

    // The link served once.
    expect((await load<{ invitation: unknown }>(inviteLoader, visitor, `/invitation-candidat/${token}`, { token })).data.invitation).toBeNull();
    const again = await post(inviteAction, await Browser.create(), `/invitation-candidat/${token}`, { token }, { name: "X Y", password: "un-mot-de-passe-solide", visibility: "ANONYMOUS", privacy: "on", consent: "on" });
    expect(again.status).toBe(410);
  });

  it("joins the space of a candidate who already has an account, once signed in", async () => {
    const w = await missionWorld();
    const existing = await signedInCandidate({ visibility: "HIDDEN" });
    const { token } = await addedByHand(w, existing.user.email);
    const shown = await load<{ invitation: { accountExists: boolean } }>(inviteLoader, await Browser.create(), `/invitation-candidat/${token}`, { token });
    expect(shown.data.invitation.accountExists).toBe(true);
    const refused = await post(inviteAction, await Browser.create(), `/invitation-candidat/${token}`, { token }, { name: "X Y", password: "un-mot-de-passe-solide", visibility: "ANONYMOUS", privacy: "on", consent: "on" });
    expect(refused.body?.error).toBe("Un compte Vivier existe déjà avec cette adresse : connectez-vous, puis rouvrez le lien de l’invitation.");

    const accepted = await post(inviteAction, existing.browser, `/invitation-candidat/${token}`, { token }, { visibility: "VISIBLE", consent: "on" });
    expect(accepted.location).toBe("/candidat?invitation=acceptee");
    expect((await db.candidateProfile.findUniqueOrThrow({ where: { id: existing.profile.id } })).visibility).toBe("VISIBLE");
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: existing.user.name, sight: "identity", stage: "INTERESTED" })]);
  });

  it("keeps one entry when the person was already on the list", async () => {
    const w = await missionWorld();
    const existing = await signedInCandidate();
    await entry(w.mission.id, existing.profile.id, "IDENTIFIED");
    const { token } = await addedByHand(w, existing.user.email);
    await post(inviteAction, existing.browser, `/invitation-candidat/${token}`, { token }, { visibility: "ANONYMOUS", consent: "on" });
    expect(await db.shortlistEntry.count({ where: { missionId: w.mission.id } })).toBe(1);
    expect(await listOf(w)).toEqual([expect.objectContaining({ label: existing.user.name, stage: "INTERESTED" })]);
  });

  it("answers an unknown link with the French page, and a consultant's resent link replaces the first", async () => {
    const w = await missionWorld();
    expect((await load<{ invitation: unknown }>(inviteLoader, await Browser.create(), "/invitation-candidat/inconnu", { token: "inconnu" })).data.invitation).toBeNull();
    const { email, token } = await addedByHand(w);
    const e = await db.shortlistEntry.findFirstOrThrow({ where: { missionId: w.mission.id } });
    expect((await post(missionAction, w.browsers.consultant, `/cabinet/missions/${w.mission.id}`, { id: w.mission.id }, { intent: "reinvite", entryId: e.id })).status).toBe(302);
    expect(await db.outgoingMail.count({ where: { to: email } })).toBe(2);
    expect((await load<{ invitation: unknown }>(inviteLoader, await Browser.create(), `/invitation-candidat/${token}`, { token })).data.invitation).toBeNull();
  });
});
