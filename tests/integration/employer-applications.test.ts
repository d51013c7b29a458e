import { describe, expect, it } from "vitest";
import { loader as candidateApplicationLoader } from "~/routes/candidat.candidatures.$id";
import { action as visibilityAction } from "~/routes/candidat.profil.visibilite";
import { action as detailAction, loader as detailLoader } from "~/routes/employeur.candidatures.$applicationId";
import { loader as cvLoader } from "~/routes/employeur.candidatures.$applicationId_.cv";
import { loader as positionLoader } from "~/routes/employeur.postes.$id";
import { loader as listLoader } from "~/routes/employeur.postes.$id_.candidatures";
import { action as applyAction } from "~/routes/offres.$id_.postuler";
import { action as profileAction } from "~/routes/candidat.profil._index";
import { action as profileCvAction } from "~/routes/candidat.profil.cv";
import { action as withdrawAction } from "~/routes/candidat.candidatures.$id";
import { CANDIDATE_NOTICE_SUBJECT } from "~/domain/notifications.server";
import { cvFilePath } from "~/utils/uploads.server";
import fs from "node:fs";
import {
  body, call, collectivite, db, pdfBytes, pdfFile, position, signedIn, signedInCandidate, validProfileFields, type SignedIn,
} from "../helpers/candidate-requests";

const LETTER = "Madame, Monsieur, je souhaite mettre mon expérience des finances locales au service de votre collectivité.";

type ListRow = { id: string; name: string; currentFunction: string | null; grade: string | null; yearsExperience: number | null; homeCommune: string | null; state: string; stateLabel: string; score: number | null };
type Detail = { application: { id: string; state: string; letter: string; internalNote: string; score: number | null; candidate: { name: string; email: string | null; competencies: string[]; hasCv: boolean } } };

/** An employer of Lyon, a public position of Lyon, and a candidate (with a full profile) who applied to it. */
async function scene() {
  const lyon = await collectivite("69123");
  const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
  const o = await position(lyon.id, { title: "Directeur des finances" });
  const candidate = await signedInCandidate();
  expect((await call(profileAction, candidate.browser.post("/candidat/profil", validProfileFields()))).status).toBeLessThan(400);
  const applicationId = await apply(candidate, o.id);
  return { lyon, employer, offer: o, candidate, applicationId };
}

async function apply(candidate: SignedIn, positionId: string): Promise<string> {
  const res = await call(applyAction, candidate.browser.post(`/offres/${positionId}/postuler`, { letter: LETTER, cv: pdfFile() }), { id: positionId });
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
}

/** An employer of another collectivité (Rennes). */
async function otherEmployer() {
  const rennes = await collectivite("35238");
  return signedIn("EMPLOYER", { organizationId: rennes.id });
}

const list = (e: SignedIn, positionId: string) => call(listLoader, e.browser.get(`/employeur/postes/${positionId}/candidatures`), { id: positionId });
const detail = (e: SignedIn, id: string) => call(detailLoader, e.browser.get(`/employeur/candidatures/${id}`), { applicationId: id });
const update = (e: SignedIn, id: string, fields: Record<string, string>, options?: { withCsrf?: boolean }) =>
  call(detailAction, e.browser.post(`/employeur/candidatures/${id}`, fields, options), { applicationId: id });
const cv = (e: SignedIn, id: string) => call(cvLoader, e.browser.get(`/employeur/candidatures/${id}/cv`), { applicationId: id });

describe("the employer reads the applications to their positions", () => {
  it("lists the applications to their own position, with the candidate's summary, and opens one", async () => {
    const { employer, offer: o, applicationId, candidate } = await scene();
    const res = await list(employer, o.id);
    expect(res.status).toBe(200);
    const page = await body<{ rows: ListRow[]; total: number }>(res);
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      id: applicationId, name: "Test CANDIDATE", currentFunction: "Directrice des finances", grade: "Attaché principal",
      yearsExperience: 12, homeCommune: "Lyon", state: "SENT", stateLabel: "Envoyée", score: null,
    });
    const text = JSON.stringify(page);
    // The list: never the hidden list, the current employer or the candidate's e-mail.
    expect(text).not.toMatch(/hiddenFrom|currentEmployer|@test\.vivier\.test/);
    expect(text).not.toContain(candidate.email);

    const opened = await detail(employer, applicationId);
    expect(opened.status).toBe(200);
    const data = await body<Detail>(opened);
    expect(data.application).toMatchObject({ id: applicationId, letter: LETTER, internalNote: "", score: null });
    // The application itself gives the way to reach the candidate for an interview.
    expect(data.application.candidate).toMatchObject({ name: "Test CANDIDATE", email: candidate.email, hasCv: true });
    expect(data.application.candidate.competencies).toContain("Prospective financière");

    const positionPage = await body<{ position: { applications: number } }>(
      await call(positionLoader, employer.browser.get(`/employeur/postes/${o.id}`), { id: o.id }),
    );
    expect(positionPage.position.applications).toBe(1);
  });

  it("leaves withdrawn applications out of the list and refuses to change them", async () => {
    const { employer, offer: o, applicationId } = await scene();
    await db.application.update({ where: { id: applicationId }, data: { state: "WITHDRAWN", withdrawnAt: new Date() } });
    expect((await body<{ total: number }>(await list(employer, o.id))).total).toBe(0);
    const res = await update(employer, applicationId, { state: "INTERVIEW", internalNote: "", score: "" });
    expect(res.status).toBe(409);
    expect((await body<{ error: string }>(res)).error).toMatch(/retiré cette candidature/);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("WITHDRAWN");
    expect((await cv(employer, applicationId)).status).toBe(404);
    const opened = await body<Detail>(await detail(employer, applicationId));
    expect(opened.application.candidate.email).toBeNull();
  });

  it("answers 404 to another collectivité's employer on the list, the detail, the update and the CV, and changes nothing", async () => {
    const { offer: o, applicationId } = await scene();
    const intruder = await otherEmployer();
    expect((await list(intruder, o.id)).status).toBe(404);
    expect((await detail(intruder, applicationId)).status).toBe(404);
    expect((await update(intruder, applicationId, { state: "REJECTED", internalNote: "INTRUS", score: "1" })).status).toBe(404);
    expect((await update(intruder, applicationId, { state: "REJECTED", internalNote: "", score: "abc" })).status).toBe(404);
    expect((await cv(intruder, applicationId)).status).toBe(404);
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ state: "SENT", internalNote: "", score: null });
  });

  it("never shows a candidate who hides from the collectivité, even though they applied", async () => {
    const { lyon, employer, offer: o, applicationId, candidate } = await scene();
    expect((await body<{ total: number }>(await list(employer, o.id))).total).toBe(1);
    const res = await call(visibilityAction, candidate.browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: lyon.officialKey }));
    expect(res.status).toBeLessThan(400);

    const page = await body<{ rows: ListRow[]; total: number }>(await list(employer, o.id));
    expect(page.total).toBe(0);
    expect(page.rows).toEqual([]);
    expect((await detail(employer, applicationId)).status).toBe(404);
    expect((await update(employer, applicationId, { state: "INTERVIEW", internalNote: "", score: "" })).status).toBe(404);
    expect((await cv(employer, applicationId)).status).toBe(404);
    const positionPage = await body<{ position: { applications: number } }>(
      await call(positionLoader, employer.browser.get(`/employeur/postes/${o.id}`), { id: o.id }),
    );
    expect(positionPage.position.applications).toBe(0);
  });
});

describe("the employer hears of an application", () => {
  it("by an e-mail to each employer of the collectivité, naming the position but not the candidate", async () => {
    const { lyon, employer, offer: o, candidate } = await scene();
    const mails = await db.outgoingMail.findMany({ where: { to: employer.email } });
    expect(mails).toEqual([expect.objectContaining({ subject: "Vivier : nouvelle candidature — Directeur des finances" })]);
    expect(mails[0].text).toContain(`/employeur/postes/${o.id}/candidatures`);
    expect(mails[0].text).not.toContain(candidate.user.name);
    expect(mails[0].text).not.toContain(candidate.email);
    // The collectivité's other employer hears of it too; another collectivité's does not.
    const colleague = await signedIn("EMPLOYER", { organizationId: lyon.id });
    const stranger = await otherEmployer();
    const second = await signedInCandidate();
    await apply(second, o.id);
    expect(await db.outgoingMail.count({ where: { to: colleague.email } })).toBe(1);
    expect(await db.outgoingMail.count({ where: { to: employer.email } })).toBe(2);
    expect(await db.outgoingMail.count({ where: { to: stranger.email } })).toBe(0);
  });
});

describe("the employer handles an application", () => {
  it("changes the state, which the candidate reads in plain French, while the note and score stay with the recruiters", async () => {
    const { employer, candidate, applicationId } = await scene();
    const res = await update(employer, applicationId, { state: "INTERVIEW", internalNote: "NOTE-CONFIDENTIELLE : à rencontrer", score: "87" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/employeur/candidatures/${applicationId}?ok=enregistre`);
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      state: "INTERVIEW", internalNote: "NOTE-CONFIDENTIELLE : à rencontrer", score: 87,
    });

    const opened = await body<Detail>(await detail(employer, applicationId));
    expect(opened.application).toMatchObject({ state: "INTERVIEW", internalNote: "NOTE-CONFIDENTIELLE : à rencontrer", score: 87 });

    const own = await call(candidateApplicationLoader, candidate.browser.get(`/candidat/candidatures/${applicationId}`), { id: applicationId });
    const text = await own.text();
    const seen = JSON.parse(text) as { application: { state: string; stateLabel: string } };
    expect(seen.application).toMatchObject({ state: "INTERVIEW", stateLabel: "Entretien" });
    expect(text).not.toContain("NOTE-CONFIDENTIELLE");
    expect(text).not.toMatch(/internalNote|"score"/);
  });

  it("tells the candidate of a new state by a discreet e-mail, and of nothing else", async () => {
    const { employer, candidate, applicationId } = await scene();
    const mails = () => db.outgoingMail.findMany({ where: { to: candidate.email }, orderBy: { createdAt: "asc" } });
    expect(await update(employer, applicationId, { state: "INTERVIEW", internalNote: "NOTE-CONFIDENTIELLE", score: "55" })).toHaveProperty("status", 302);
    const [mail, ...others] = await mails();
    expect(others).toEqual([]);
    expect(mail.subject).toBe(CANDIDATE_NOTICE_SUBJECT);
    expect(mail.text).toContain("/candidat/candidatures");
    // Neither the position, nor the collectivité, nor what the recruiters wrote.
    for (const secret of ["Directeur des finances", "Lyon", "NOTE-CONFIDENTIELLE", "55", "Entretien"]) expect(mail.text).not.toContain(secret);
    expect(mail.subject).not.toMatch(/candidature|Lyon/i);

    // Saving the note or the score again, the state unchanged, sends nothing.
    expect((await update(employer, applicationId, { state: "INTERVIEW", internalNote: "Autre note", score: "60" })).status).toBe(302);
    expect(await mails()).toHaveLength(1);
  });

  it("saves a note alone without touching the state nor mailing the candidate: the state field preselects nothing", async () => {
    const { employer, candidate, applicationId } = await scene();
    const before = await db.outgoingMail.count({ where: { to: candidate.email } });
    expect((await update(employer, applicationId, { state: "", internalNote: "À rappeler lundi", score: "" })).status).toBe(302);
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ state: "SENT", internalNote: "À rappeler lundi", stateChangedAt: null });
    expect(await db.outgoingMail.count({ where: { to: candidate.email } })).toBe(before);
    // The page offers « Ne pas changer l’état » first, selected: nothing else is.
    const html = await (await detail(employer, applicationId)).text();
    expect(html).not.toContain('"state":"REVIEWING"');
    // A new state is dated: the candidate's home counts it as an answer.
    expect((await update(employer, applicationId, { state: "REVIEWING", internalNote: "À rappeler lundi", score: "" })).status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).stateChangedAt).toBeInstanceOf(Date);
    expect(await db.outgoingMail.count({ where: { to: candidate.email } })).toBe(before + 1);
  });

  it("filters the list as the home's links say: by state, and received since an instant", async () => {
    const { employer, offer: o } = await scene();
    const filtered = (query: string) => call(listLoader, employer.browser.get(`/employeur/postes/${o.id}/candidatures?${query}`), { id: o.id });
    expect((await body<{ total: number }>(await filtered("state=SENT"))).total).toBe(1);
    expect((await body<{ total: number }>(await filtered("state=INTERVIEW"))).total).toBe(0);
    expect((await body<{ total: number }>(await filtered(`depuis=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`))).total).toBe(1);
    expect((await body<{ total: number }>(await filtered(`depuis=${encodeURIComponent(new Date(Date.now() - 1000).toISOString())}&state=SENT`))).total).toBeLessThanOrEqual(1);
    // Nonsense is no filter at all.
    expect((await body<{ total: number }>(await filtered("depuis=hier&state=NIMPORTE"))).total).toBe(1);
  });

  it("refuses a score outside 0–100 with a French message, writes nothing and keeps what was typed", async () => {
    const { employer, applicationId } = await scene();
    for (const score of ["101", "-3", "douze", "12.5"]) {
      const res = await update(employer, applicationId, { state: "REJECTED", internalNote: "Texte tapé", score });
      expect(res.status).toBe(400);
      const data = await body<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(res);
      expect(data.fieldErrors.score).toBe("La note doit être un nombre entier de 0 à 100, ou rester vide.");
      expect(data.values).toEqual({ state: "REJECTED", internalNote: "Texte tapé", score });
    }
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ state: "SENT", internalNote: "", score: null });
  });

  it("refuses a state the employer may not set and a note over 5,000 characters", async () => {
    const { employer, applicationId } = await scene();
    const badState = await update(employer, applicationId, { state: "WITHDRAWN", internalNote: "", score: "" });
    expect(badState.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(badState)).fieldErrors.state).toMatch(/Choisissez un état/);
    const longNote = await update(employer, applicationId, { state: "REVIEWING", internalNote: "x".repeat(5001), score: "" });
    expect(longNote.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(longNote)).fieldErrors.internalNote).toMatch(/5 000 caractères/);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("SENT");
  });

  it("accepts an empty score, clearing a previous one", async () => {
    const { employer, applicationId } = await scene();
    await db.application.update({ where: { id: applicationId }, data: { score: 40 } });
    expect((await update(employer, applicationId, { state: "REVIEWING", internalNote: "", score: "" })).status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).score).toBeNull();
  });

  it("refuses a POST without the CSRF token with 403", async () => {
    const { employer, applicationId } = await scene();
    const res = await update(employer, applicationId, { state: "ACCEPTED", internalNote: "", score: "90" }, { withCsrf: false });
    expect(res.status).toBe(403);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("SENT");
  });
});

describe("the candidate's CV", () => {
  it("is served to the employer of the position only, as a PDF download never cached", async () => {
    const { employer, applicationId, candidate } = await scene();
    const res = await cv(employer, applicationId);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect(res.headers.get("Cache-Control")).toMatch(/no-store/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(pdfBytes()))).toBe(true);

    expect((await cv(await otherEmployer(), applicationId)).status).toBe(404);
    // A candidate or a consultant is not let into the employer's space at all.
    expect((await cv(candidate, applicationId)).status).toBe(403);
    expect((await cv(await signedIn("CONSULTANT"), applicationId)).status).toBe(403);
  });

  it("is the CV as sent, whatever the candidate does with their profile's CV afterwards", async () => {
    const { employer, applicationId, candidate } = await scene();
    const sent = Buffer.from(pdfBytes());
    const replaced = await call(profileCvAction, candidate.browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile("nouveau.pdf", 9000) }));
    expect(replaced.status).toBeLessThan(400);
    expect(Buffer.from(await (await cv(employer, applicationId)).arrayBuffer()).equals(sent)).toBe(true);

    expect((await call(profileCvAction, candidate.browser.post("/candidat/profil/cv", { intent: "delete" }))).status).toBeLessThan(400);
    expect((await db.candidateProfile.findUniqueOrThrow({ where: { userId: candidate.user.id } })).cvFile).toBeNull();
    expect(Buffer.from(await (await cv(employer, applicationId)).arrayBuffer()).equals(sent)).toBe(true);
    expect((await body<Detail>(await detail(employer, applicationId))).application.candidate.hasCv).toBe(true);
  });

  it("is deleted when the candidate withdraws, and no longer served", async () => {
    const { employer, applicationId, candidate } = await scene();
    const file = (await db.application.findUniqueOrThrow({ where: { id: applicationId } })).cvFile!;
    expect(fs.existsSync(cvFilePath(file))).toBe(true);
    const res = await call(withdrawAction, candidate.browser.post(`/candidat/candidatures/${applicationId}`, { intent: "withdraw" }), { id: applicationId });
    expect(res.status).toBe(200);
    expect(fs.existsSync(cvFilePath(file))).toBe(false);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).cvFile).toBeNull();
    expect((await cv(employer, applicationId)).status).toBe(404);
    // The profile's own CV stays.
    expect((await db.candidateProfile.findUniqueOrThrow({ where: { userId: candidate.user.id } })).cvFile).toMatch(/\.pdf$/);
  });
});
