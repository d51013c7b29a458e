import { describe, expect, it } from "vitest";
import { startDailyJobs } from "~/cli/jobs";
import {
  CANDIDATE_NOTICE_SUBJECT, DIGEST_SUBJECT, UNSUBSCRIBE_KINDS, lastDigestTime, notifyCandidate, notifyEmployersOfApplication, sendDigests,
} from "~/domain/notifications.server";
import { action as candidateSettingsAction, loader as candidateSettingsLoader } from "~/routes/candidat.notifications";
import { loader as cabinetSettingsLoader } from "~/routes/cabinet.notifications";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/desabonnement.$token";
import { action as detailAction } from "~/routes/employeur.candidatures.$applicationId";
import { loader as employerSettingsLoader } from "~/routes/employeur.notifications";
import { action as resetAction } from "~/routes/mot-de-passe-oublie";
import { action as applyAction } from "~/routes/offres.$id_.postuler";
import { action as profileAction } from "~/routes/candidat.profil._index";
import { unsubscribeToken } from "~/utils/unsubscribe-token.server";
import {
  body, call, collectivite, db, pdfFile, position, signedIn, signedInCandidate, validProfileFields, type SignedIn,
} from "../helpers/candidate-requests";
import { Browser, createCabinet } from "../helpers/http";

// ---------------------------------------------------------------------------------------------
// Helpers

const mailsTo = (email: string) => db.outgoingMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

/** Sets a user's choices through their settings page, as the form posts them. */
async function choose(who: SignedIn, modes: Record<string, string>) {
  const fields = { APPLICATION_STATE: "IMMEDIATE", INTERVIEW: "IMMEDIATE", MESSAGE: "IMMEDIATE", CABINET_PROPOSAL: "IMMEDIATE", ...modes };
  const res = await call(candidateSettingsAction, who.browser.post("/candidat/notifications", fields));
  expect(res.status).toBe(302);
}

/** A candidate with a full profile who applied to a public position of Lyon, and its employer. */
async function applicationScene() {
  const lyon = await collectivite("69123");
  const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
  const offer = await position(lyon.id, { title: "Directeur des finances" });
  const candidate = await signedInCandidate();
  expect((await call(profileAction, candidate.browser.post("/candidat/profil", validProfileFields()))).status).toBeLessThan(400);
  const res = await call(applyAction, candidate.browser.post(`/offres/${offer.id}/postuler`, { letter: "Madame, Monsieur, je souhaite mettre mon expérience au service de votre collectivité.", cv: pdfFile() }), { id: offer.id });
  expect(res.status).toBe(302);
  const applicationId = res.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
  return { lyon, employer, offer, candidate, applicationId };
}

const changeState = (employer: SignedIn, id: string, state: string) =>
  call(detailAction, employer.browser.post(`/employeur/candidatures/${id}`, { state, internalNote: "", score: "" }), { applicationId: id });

const tokenOf = (url: string) => url.split("/desabonnement/")[1]!;
const linkIn = (text: string) => /https?:\/\/\S+\/desabonnement\/\S+/.exec(text)?.[0] ?? "";

// ---------------------------------------------------------------------------------------------

describe("each user chooses how each kind of mail reaches them", () => {
  it("lists the kinds of each role on its settings page, at once by default", async () => {
    const candidate = await signedInCandidate();
    const res = await call(candidateSettingsLoader, candidate.browser.get("/candidat/notifications"));
    expect(res.status).toBe(200);
    const { preferences } = await body<{ preferences: Array<{ kind: string; mode: string }> }>(res);
    expect(preferences.map((p) => p.kind)).toEqual(["APPLICATION_STATE", "INTERVIEW", "MESSAGE", "CABINET_PROPOSAL"]);
    expect(preferences.every((p) => p.mode === "IMMEDIATE")).toBe(true);

    const lyon = await collectivite("69123");
    const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
    const employerKinds = (await body<{ preferences: Array<{ kind: string }> }>(await call(employerSettingsLoader, employer.browser.get("/employeur/notifications")))).preferences;
    expect(employerKinds.map((p) => p.kind)).toContain("NEW_APPLICATION");
    const consultant = await signedIn("CONSULTANT", { organizationId: (await createCabinet()).id });
    const consultantKinds = (await body<{ preferences: Array<{ kind: string }> }>(await call(cabinetSettingsLoader, consultant.browser.get("/cabinet/notifications")))).preferences;
    expect(consultantKinds.map((p) => p.kind)).toContain("REMINDER");
    // Each space is its role's: a candidate has no employer's settings page.
    expect((await call(employerSettingsLoader, candidate.browser.get("/employeur/notifications"))).status).toBe(403);
  });

  it("at once: the state change sends the discreet mail, with its unsubscribe link and headers", async () => {
    const { lyon, employer, candidate, applicationId } = await applicationScene();
    expect((await changeState(employer, applicationId, "INTERVIEW")).status).toBe(302);
    const [mail] = await mailsTo(candidate.email);
    expect(mail!.subject).toBe(CANDIDATE_NOTICE_SUBJECT);
    // Neither the position nor the collectivité, in the mail or its footer.
    expect(mail!.text).not.toContain("Directeur des finances");
    expect(mail!.text).not.toContain(lyon.name);
    expect(mail!.text).toContain("Pour ne plus recevoir ce type d’avis");
    const link = linkIn(mail!.text);
    expect(link).toMatch(/\/desabonnement\//);
    expect(JSON.parse(mail!.headers!)).toEqual({ "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("in the digest: no mail now, an item kept for the daily digest", async () => {
    const { employer, candidate, applicationId } = await applicationScene();
    await choose(candidate, { APPLICATION_STATE: "DIGEST" });
    expect((await changeState(employer, applicationId, "INTERVIEW")).status).toBe(302);
    expect(await mailsTo(candidate.email)).toEqual([]);
    const items = await db.digestItem.findMany({ where: { userId: candidate.user.id } });
    expect(items).toMatchObject([{ kind: "APPLICATION_STATE", path: "/candidat/candidatures", sentAt: null }]);
    expect(items[0]!.line).not.toContain("Directeur des finances");
  });

  it("never: neither a mail nor a digest item; the other kinds still arrive", async () => {
    const { employer, candidate, applicationId } = await applicationScene();
    await choose(candidate, { APPLICATION_STATE: "NONE" });
    expect((await changeState(employer, applicationId, "INTERVIEW")).status).toBe(302);
    expect(await mailsTo(candidate.email)).toEqual([]);
    expect(await db.digestItem.count({ where: { userId: candidate.user.id } })).toBe(0);
    await notifyCandidate({ email: candidate.email, name: "Test" }, "message");
    expect(await mailsTo(candidate.email)).toHaveLength(1);
  });

  it("always sends a security mail (password reset), whatever the choices", async () => {
    const candidate = await signedInCandidate();
    await choose(candidate, { APPLICATION_STATE: "NONE", INTERVIEW: "NONE", MESSAGE: "NONE", CABINET_PROPOSAL: "NONE" });
    const visitor = await Browser.create();
    await call(resetAction, visitor.post("/mot-de-passe-oublie", { email: candidate.email }));
    const mails = await mailsTo(candidate.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.headers).toBeNull();
  });

  it("tells the employers of a new application as each chose", async () => {
    const lyon = await collectivite("69123");
    const atOnce = await signedIn("EMPLOYER", { organizationId: lyon.id });
    const digest = await signedIn("EMPLOYER", { organizationId: lyon.id });
    await db.notificationPreference.create({ data: { userId: digest.user.id, kind: "NEW_APPLICATION", mode: "DIGEST" } });
    const offer = await position(lyon.id, { title: "Responsable urbanisme" });
    await notifyEmployersOfApplication(offer.id);
    const [mail] = await mailsTo(atOnce.email);
    expect(mail!.subject).toBe("Vivier : nouvelle candidature — Responsable urbanisme");
    expect(mail!.text).toContain("« Une candidature arrive sur l’un de vos postes »");
    expect(await mailsTo(digest.email)).toEqual([]);
    expect(await db.digestItem.count({ where: { userId: digest.user.id, kind: "NEW_APPLICATION" } })).toBe(1);
  });

  it("refuses a choice that is not one of the three, and changes nothing", async () => {
    const candidate = await signedInCandidate();
    const res = await call(candidateSettingsAction, candidate.browser.post("/candidat/notifications", { APPLICATION_STATE: "SOMETIMES", INTERVIEW: "NONE", MESSAGE: "NONE", CABINET_PROPOSAL: "NONE" }));
    expect(res.status).toBe(400);
    expect(await db.notificationPreference.count({ where: { userId: candidate.user.id } })).toBe(0);
    // Without the CSRF field, refused before anything is read.
    expect((await call(candidateSettingsAction, candidate.browser.post("/candidat/notifications", { APPLICATION_STATE: "NONE" }, { withCsrf: false }))).status).toBe(403);
  });
});

describe("the unsubscribe link works without signing in and cannot be forged", () => {
  async function mailedToken() {
    const candidate = await signedInCandidate();
    await notifyCandidate({ email: candidate.email, name: "Test" }, "application-state");
    const [mail] = await mailsTo(candidate.email);
    return { candidate, token: tokenOf(linkIn(mail!.text)) };
  }
  const stranger = () => Browser.create();
  const open = async (token: string) => call(unsubscribeLoader, (await stranger()).get(`/desabonnement/${token}`), { token });
  const confirm = async (token: string) => call(unsubscribeAction, (await stranger()).post(`/desabonnement/${token}`, { "List-Unsubscribe": "One-Click" }, { withCsrf: false }), { token });
  const modeOf = async (userId: string, kind: string) => (await db.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } } }))?.mode ?? "IMMEDIATE";

  it("valid: the page opens without a session and says no more than the mail; its one-click POST unsubscribes that kind only", async () => {
    const { candidate, token } = await mailedToken();
    const page = await open(token);
    expect(page.status).toBe(200);
    // A candidate's page does not name the kind either.
    expect(await body(page)).toMatchObject({ label: null, settingsPath: "/candidat/notifications" });
    // Opening the link changes nothing (mail scanners open links).
    expect(await modeOf(candidate.user.id, "APPLICATION_STATE")).toBe("IMMEDIATE");
    expect((await confirm(token)).status).toBe(200);
    expect(await modeOf(candidate.user.id, "APPLICATION_STATE")).toBe("NONE");
    expect(await modeOf(candidate.user.id, "MESSAGE")).toBe("IMMEDIATE");
    // Twice is fine.
    expect((await confirm(token)).status).toBe(200);
  });

  it("forged: an altered signature, a made-up token or one signed with another secret is not found, and changes nothing", async () => {
    const { candidate, token } = await mailedToken();
    const [user, kind, signature] = token.split(".") as [string, string, string];
    const altered = `${user}.${kind}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const otherSecret = unsubscribeToken(candidate.user.id, "APPLICATION_STATE", UNSUBSCRIBE_KINDS, "another-secret-0123456789-0123456789");
    for (const forged of [altered, `${user}.${kind}`, "x", otherSecret]) {
      expect((await open(forged)).status, forged).toBe(404);
      expect((await confirm(forged)).status, forged).toBe(404);
    }
    expect(await db.notificationPreference.count({ where: { userId: candidate.user.id } })).toBe(0);
  });

  it("of another user: a token's signature does not carry over to another user's id", async () => {
    const { candidate, token } = await mailedToken();
    const other = await signedInCandidate();
    const [, kind, signature] = token.split(".") as [string, string, string];
    const swapped = `${other.user.id}.${kind}.${signature}`;
    expect((await confirm(swapped)).status).toBe(404);
    expect(await db.notificationPreference.count({ where: { userId: { in: [candidate.user.id, other.user.id] } } })).toBe(0);
  });

  it("of another kind: a token's signature does not carry over to another kind", async () => {
    const { candidate, token } = await mailedToken();
    const [user, kind, signature] = token.split(".") as [string, string, string];
    for (let other = 0; other < UNSUBSCRIBE_KINDS.length; other++) {
      if (String(other) === kind) continue;
      expect((await confirm(`${user}.${other}.${signature}`)).status).toBe(404);
    }
    expect(await db.notificationPreference.count({ where: { userId: candidate.user.id } })).toBe(0);
  });

  it("names the kind to staff, who are not hiding anything", async () => {
    const lyon = await collectivite("69123");
    const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
    const token = unsubscribeToken(employer.user.id, "NEW_APPLICATION", UNSUBSCRIBE_KINDS);
    expect(await body(await open(token))).toMatchObject({ label: "Une candidature arrive sur l’un de vos postes" });
  });
});

describe("the daily digest", () => {
  /** A day in Paris at a given hour, as a Date (winter: UTC+1). */
  const paris = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 1) * 3_600_000);

  it("knows its hour in Paris, summer and winter", () => {
    expect(lastDigestTime(new Date("2026-01-15T06:30:00Z")).toISOString()).toBe("2026-01-15T06:00:00.000Z");
    expect(lastDigestTime(new Date("2026-01-15T05:59:00Z")).toISOString()).toBe("2026-01-14T06:00:00.000Z");
    expect(lastDigestTime(new Date("2026-07-15T05:00:00Z")).toISOString()).toBe("2026-07-15T05:00:00.000Z");
    expect(lastDigestTime(new Date("2026-07-15T04:59:00Z")).toISOString()).toBe("2026-07-14T05:00:00.000Z");
  });

  it("sends after a missed hour everything that waited, once, and keeps what came after the hour for the next one", async () => {
    const candidate = await signedInCandidate();
    await choose(candidate, { APPLICATION_STATE: "DIGEST", MESSAGE: "DIGEST" });
    await notifyCandidate({ email: candidate.email, name: "Test" }, "application-state");
    await notifyCandidate({ email: candidate.email, name: "Test" }, "message");
    // Written on 10 January at 10 h and 18 h (Paris).
    const [first, second] = await db.digestItem.findMany({ where: { userId: candidate.user.id }, orderBy: { createdAt: "asc" } });
    await db.digestItem.update({ where: { id: first!.id }, data: { createdAt: paris("2027-01-10", 10) } });
    await db.digestItem.update({ where: { id: second!.id }, data: { createdAt: paris("2027-01-10", 18) } });
    // One more, on the 12th at 9 h: after the hour of the run below.
    await notifyCandidate({ email: candidate.email, name: "Test" }, "application-state");
    const third = await db.digestItem.findFirstOrThrow({ where: { userId: candidate.user.id, id: { notIn: [first!.id, second!.id] } } });
    await db.digestItem.update({ where: { id: third.id }, data: { createdAt: paris("2027-01-12", 9) } });

    // Before 7 h on the 11th, nothing is due.
    await sendDigests(paris("2027-01-11", 6));
    expect(await mailsTo(candidate.email)).toEqual([]);
    // The portal was down on the 11th at 7 h and on the 12th at 7 h; it runs again on the 12th at 8 h.
    await sendDigests(paris("2027-01-12", 8));
    const mails = await mailsTo(candidate.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(DIGEST_SUBJECT);
    expect(mails[0]!.text).toContain("/candidat/candidatures");
    expect(mails[0]!.text).toContain("/candidat/messages");
    expect(JSON.parse(mails[0]!.headers!)["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // The third waited for the 13th.
    expect(await db.digestItem.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ sentAt: null });
    // Run again: nothing twice.
    await sendDigests(paris("2027-01-12", 9));
    expect(await mailsTo(candidate.email)).toHaveLength(1);
    await sendDigests(paris("2027-01-13", 7));
    expect(await mailsTo(candidate.email)).toHaveLength(2);
    expect(await db.digestItem.count({ where: { userId: candidate.user.id, sentAt: null } })).toBe(0);
  });

  it("is sent by the in-process scheduler at start, catching up a missed hour", async () => {
    const candidate = await signedInCandidate();
    await choose(candidate, { MESSAGE: "DIGEST" });
    await notifyCandidate({ email: candidate.email, name: "Test" }, "message");
    await db.digestItem.updateMany({ where: { userId: candidate.user.id }, data: { createdAt: paris("2027-02-01", 12) } });
    const jobs = startDailyJobs({ intervalMs: 60 * 60 * 1000, digestIntervalMs: 60 * 60 * 1000, log: () => {}, now: () => paris("2027-02-03", 15) });
    await jobs.runNow();
    await jobs.stop();
    expect((await mailsTo(candidate.email)).map((m) => m.subject)).toEqual([DIGEST_SUBJECT]);
  });

  it("names for staff what each group is, and its unsubscribe link turns every digest kind off", async () => {
    const lyon = await collectivite("69123");
    const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
    await db.notificationPreference.create({ data: { userId: employer.user.id, kind: "NEW_APPLICATION", mode: "DIGEST" } });
    const offer = await position(lyon.id, { title: "Chargé de mission mobilités" });
    await notifyEmployersOfApplication(offer.id);
    await db.digestItem.updateMany({ where: { userId: employer.user.id }, data: { createdAt: paris("2027-03-01", 12) } });
    await sendDigests(paris("2027-03-02", 8));
    const [mail] = await mailsTo(employer.email);
    expect(mail!.text).toContain("Une candidature arrive sur l’un de vos postes :");
    expect(mail!.text).toContain("« Chargé de mission mobilités »");
    const digestLink = /<(.+)>/.exec(JSON.parse(mail!.headers!)["List-Unsubscribe"] as string)![1]!;
    const token = tokenOf(digestLink);
    expect((await call(unsubscribeAction, (await Browser.create()).post(`/desabonnement/${token}`, {}, { withCsrf: false }), { token })).status).toBe(200);
    expect(await db.notificationPreference.findUnique({ where: { userId_kind: { userId: employer.user.id, kind: "NEW_APPLICATION" } } })).toMatchObject({ mode: "NONE" });
  });
});
