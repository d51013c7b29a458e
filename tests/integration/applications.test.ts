import { describe, expect, it } from "vitest";
import { loader as applicationsLoader } from "~/routes/candidat.candidatures._index";
import { action as applicationAction, loader as applicationLoader } from "~/routes/candidat.candidatures.$id";
import { loader as sentCvLoader } from "~/routes/candidat.candidatures.$id_.cv";
import { action as contactsAction, loader as contactsLoader } from "~/routes/candidat.contacts";
import { action as messageAction, loader as conversationLoader } from "~/routes/candidat.messages.$missionId";
import { loader as conversationsLoader } from "~/routes/candidat.messages._index";
import { action as visibilityAction } from "~/routes/candidat.profil.visibilite";
import { action as applyAction, loader as applyLoader } from "~/routes/offres.$id_.postuler";
import {
  body, cabinet, call, collectivite, db, fakePdfFile, pdfBytes, pdfFile, position, profileOf, signedIn, signedInCandidate, type SignedIn,
} from "../helpers/candidate-requests";

const LETTER = "Madame, Monsieur, je souhaite mettre mon expérience des finances locales au service de votre collectivité.";

async function offer(data: Parameters<typeof position>[1] = {}) {
  const lyon = await collectivite("69123");
  return position(lyon.id, data);
}

async function apply(candidate: SignedIn, positionId: string, fields: Record<string, string | Blob> = { letter: LETTER, cv: pdfFile() }) {
  return call(applyAction, candidate.browser.post(`/offres/${positionId}/postuler`, fields), { id: positionId });
}

/** A candidate who applied to a fresh offer, and the application's id. */
async function applied() {
  const candidate = await signedInCandidate();
  const o = await offer();
  const res = await apply(candidate, o.id);
  expect(res.status).toBe(302);
  const applicationId = res.headers.get("Location")!.split("/").pop()!.split("?")[0];
  return { candidate, offer: o, applicationId };
}

describe("applying to an offer", () => {
  it("sends the letter with the CV, then shows the application as sent", async () => {
    const { candidate, offer: o, applicationId } = await applied();
    const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application).toMatchObject({ positionId: o.id, state: "SENT", letter: LETTER });
    // The CV sent becomes the profile's CV.
    expect((await profileOf(candidate.user.id))?.cvFile).toMatch(/\.pdf$/);

    const list = await body<{ applications: Array<{ id: string; state: string; position: { title: string; employer: string } }> }>(
      await call(applicationsLoader, candidate.browser.get("/candidat/candidatures")),
    );
    expect(list.applications).toEqual([expect.objectContaining({ id: applicationId, state: "SENT", position: expect.objectContaining({ employer: "Lyon" }) })]);
  });

  it("uses the CV of the profile when none is attached", async () => {
    const { candidate } = await applied();
    const other = await offer({ title: "DGA ressources" });
    const res = await apply(candidate, other.id, { letter: LETTER });
    expect(res.status).toBe(302);
    // A copy of its own: the application keeps the CV as sent.
    const profileCv = (await profileOf(candidate.user.id))!.cvFile;
    const sent = await db.application.findFirstOrThrow({ where: { positionId: other.id } });
    expect(sent.cvFile).toMatch(/\.pdf$/);
    expect(sent.cvFile).not.toBe(profileCv);
  });

  it("accepts one application per offer", async () => {
    const { candidate, offer: o } = await applied();
    const page = await body<{ existing: { state: string } | null }>(await call(applyLoader, candidate.browser.get(`/offres/${o.id}/postuler`), { id: o.id }));
    expect(page.existing?.state).toBe("SENT");
    const again = await apply(candidate, o.id);
    expect(again.status).toBe(409);
    expect((await body<{ error: string }>(again)).error).toMatch(/déjà postulé/);
    expect(await db.application.count({ where: { positionId: o.id } })).toBe(1);
  });

  it("refuses a short letter and a missing CV, keeping the letter typed", async () => {
    const candidate = await signedInCandidate();
    const o = await offer();
    const short = await apply(candidate, o.id, { letter: "Bonjour", cv: pdfFile() });
    expect(short.status).toBe(400);
    const shortData = await body<{ fieldErrors: Record<string, string>; letter: string }>(short);
    expect(shortData.fieldErrors.letter).toMatch(/20 caractères/);
    expect(shortData.letter).toBe("Bonjour");

    const noCv = await apply(candidate, o.id, { letter: LETTER });
    expect(noCv.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(noCv)).fieldErrors.cv).toBe("Joignez votre CV au format PDF.");
    expect(await db.application.count({ where: { positionId: o.id } })).toBe(0);
  });

  it("refuses a file that is not a PDF and writes nothing", async () => {
    const candidate = await signedInCandidate();
    const o = await offer();
    const res = await apply(candidate, o.id, { letter: LETTER, cv: fakePdfFile() });
    expect(res.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(res)).fieldErrors.cv).toMatch(/n’est pas un PDF/);
    expect(await db.application.count({ where: { positionId: o.id } })).toBe(0);
    expect(await profileOf(candidate.user.id)).toBeNull();
  });

  it("answers 404 for a draft, a confidential or an unknown position", async () => {
    const candidate = await signedInCandidate();
    for (const o of [await offer({ state: "DRAFT" }), await offer({ confidential: true }), await offer({ state: "CLOSED" })]) {
      expect((await call(applyLoader, candidate.browser.get(`/offres/${o.id}/postuler`), { id: o.id })).status).toBe(404);
      expect((await apply(candidate, o.id)).status).toBe(404);
    }
    expect((await call(applyLoader, candidate.browser.get("/offres/nope/postuler"), { id: "nope" })).status).toBe(404);
  });

  it("refuses an offer whose deadline has passed", async () => {
    const candidate = await signedInCandidate();
    const o = await offer({ deadline: new Date("2020-01-01") });
    const res = await apply(candidate, o.id);
    expect(res.status).toBe(400);
    expect((await body<{ error: string }>(res)).error).toMatch(/date limite/);
  });

  it("sends anonymous visitors to sign in and refuses other roles", async () => {
    const o = await offer();
    const employer = await signedIn("EMPLOYER");
    expect((await call(applyLoader, employer.browser.get(`/offres/${o.id}/postuler`), { id: o.id })).status).toBe(403);
    const { Browser } = await import("../helpers/http");
    const anonymous = await Browser.create();
    const res = await call(applyLoader, anonymous.get(`/offres/${o.id}/postuler`), { id: o.id });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/connexion?redirectTo=${encodeURIComponent(`/offres/${o.id}/postuler`)}`);
  });

  it("never sends an application to an employer the candidate hides from", async () => {
    const candidate = await signedInCandidate();
    const o = await offer();
    const lyon = await collectivite("69123");
    await call(visibilityAction, candidate.browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: lyon.officialKey }));
    const page = await body<{ hiddenFromEmployer: boolean }>(await call(applyLoader, candidate.browser.get(`/offres/${o.id}/postuler`), { id: o.id }));
    expect(page.hiddenFromEmployer).toBe(true);
    const res = await apply(candidate, o.id);
    expect(res.status).toBe(400);
    expect((await body<{ error: string }>(res)).error).toMatch(/ne jamais être montré à Lyon/);
    expect(await db.application.count({ where: { positionId: o.id } })).toBe(0);
  });
});

describe("following an application", () => {
  it("never gives the candidate the recruiters' internal note or score", async () => {
    const { candidate, applicationId } = await applied();
    await db.application.update({ where: { id: applicationId }, data: { state: "INTERVIEW", internalNote: "NOTE-CONFIDENTIELLE: trop cher", score: 4 } });

    for (const res of [
      await call(applicationsLoader, candidate.browser.get("/candidat/candidatures")),
      await call(applicationLoader, candidate.browser.get(`/candidat/candidatures/${applicationId}`), { id: applicationId }),
    ]) {
      const text = await res.text();
      expect(text).toContain("INTERVIEW");
      expect(text).not.toContain("NOTE-CONFIDENTIELLE");
      expect(text).not.toMatch(/internalNote|"score"/);
    }
  });

  it("answers 404 for another candidate's application", async () => {
    const { applicationId } = await applied();
    const intruder = await signedInCandidate();
    expect((await call(applicationLoader, intruder.browser.get(`/candidat/candidatures/${applicationId}`), { id: applicationId })).status).toBe(404);
    expect((await call(applicationAction, intruder.browser.post(`/candidat/candidatures/${applicationId}`, { intent: "withdraw" }), { id: applicationId })).status).toBe(404);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("SENT");
  });

  it("lets the candidate download the CV they sent, and nobody else", async () => {
    const { candidate, applicationId } = await applied();
    const sentCv = (path: string, who: SignedIn = candidate) => call(sentCvLoader, who.browser.get(path), { id: applicationId });
    const path = `/candidat/candidatures/${applicationId}/cv`;
    const res = await sentCv(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Cache-Control")).toMatch(/no-store/);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(pdfBytes()))).toBe(true);
    const page = await body<{ application: Record<string, unknown> }>(await call(applicationLoader, candidate.browser.get(`/candidat/candidatures/${applicationId}`), { id: applicationId }));
    expect(page.application.hasSentCv).toBe(true);
    // The file's stored name stays on the server.
    const stored = (await db.application.findUniqueOrThrow({ where: { id: applicationId } })).cvFile!;
    expect(JSON.stringify(page)).not.toContain(stored);

    expect((await sentCv(path, await signedInCandidate())).status).toBe(404);
    await call(applicationAction, candidate.browser.post(`/candidat/candidatures/${applicationId}`, { intent: "withdraw" }), { id: applicationId });
    expect((await sentCv(path)).status).toBe(404);
  });

  it("lets the candidate withdraw at any time, then apply again", async () => {
    const { candidate, offer: o, applicationId } = await applied();
    await db.application.update({ where: { id: applicationId }, data: { state: "REVIEWING" } });
    const res = await call(applicationAction, candidate.browser.post(`/candidat/candidatures/${applicationId}`, { intent: "withdraw" }), { id: applicationId });
    expect(res.status).toBe(200);
    const withdrawn = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(withdrawn.state).toBe("WITHDRAWN");
    expect(withdrawn.withdrawnAt).toBeInstanceOf(Date);

    const page = await body<{ application: { state: string; canWithdraw: boolean } }>(
      await call(applicationLoader, candidate.browser.get(`/candidat/candidatures/${applicationId}`), { id: applicationId }),
    );
    expect(page.application).toMatchObject({ state: "WITHDRAWN", canWithdraw: false });

    const again = await apply(candidate, o.id);
    expect(again.status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("SENT");
    expect(await db.application.count({ where: { positionId: o.id } })).toBe(1);
  });
});

describe("contact requests from cabinets", () => {
  async function requestFor(candidate: SignedIn) {
    await call(visibilityAction, candidate.browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "ANONYMOUS" }));
    const profile = (await profileOf(candidate.user.id))!;
    const firm = await cabinet();
    const o = await offer({ confidential: true, title: "DGS (recherche confidentielle)" });
    const mission = await db.mission.create({ data: { positionId: o.id, cabinetId: firm.id } });
    const request = await db.contactRequest.create({ data: { profileId: profile.id, cabinetId: firm.id, missionId: mission.id, message: "Un poste de DGS" } });
    return { firm, mission, request, profile };
  }

  it("accepting reveals the identity to that cabinet, and opens the conversation", async () => {
    const candidate = await signedInCandidate();
    const { request, mission } = await requestFor(candidate);
    const page = await body<{ requests: Array<{ id: string; status: string; opportunity: { employer: string | null } }> }>(
      await call(contactsLoader, candidate.browser.get("/candidat/contacts")),
    );
    // A confidential search does not name its employer before the candidate accepts.
    expect(page.requests[0]).toMatchObject({ id: request.id, status: "PENDING", opportunity: { employer: null } });

    const res = await call(contactsAction, candidate.browser.post("/candidat/contacts", { requestId: request.id, answer: "accept" }));
    expect(res.status).toBe(200);
    expect(await db.contactRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "ACCEPTED" });
    expect((await call(conversationLoader, candidate.browser.get(`/candidat/messages/${mission.id}`), { missionId: mission.id })).status).toBe(200);

    const twice = await call(contactsAction, candidate.browser.post("/candidat/contacts", { requestId: request.id, answer: "decline" }));
    expect(twice.status).toBe(409);
  });

  it("declining reveals nothing and opens nothing", async () => {
    const candidate = await signedInCandidate();
    const { request, mission } = await requestFor(candidate);
    await call(contactsAction, candidate.browser.post("/candidat/contacts", { requestId: request.id, answer: "decline" }));
    expect(await db.contactRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "DECLINED" });
    expect((await call(conversationLoader, candidate.browser.get(`/candidat/messages/${mission.id}`), { missionId: mission.id })).status).toBe(404);
  });

  it("never reveals the candidate to a cabinet they hide from", async () => {
    const candidate = await signedInCandidate();
    const { request, firm } = await requestFor(candidate);
    await call(visibilityAction, candidate.browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: firm.officialKey }));
    const res = await call(contactsAction, candidate.browser.post("/candidat/contacts", { requestId: request.id, answer: "accept" }));
    expect(res.status).toBe(409);
    expect((await db.contactRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("answers 404 for another candidate's request", async () => {
    const owner = await signedInCandidate();
    const { request } = await requestFor(owner);
    const intruder = await signedInCandidate();
    expect((await call(contactsAction, intruder.browser.post("/candidat/contacts", { requestId: request.id, answer: "accept" }))).status).toBe(404);
    expect((await db.contactRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });
});

describe("the private conversation with the consultant", () => {
  it("opens for a mission whose position the candidate applied to, and stays private", async () => {
    const { candidate, offer: o } = await applied();
    const firm = await cabinet();
    const mission = await db.mission.create({ data: { positionId: o.id, cabinetId: firm.id } });
    const consultant = await signedIn("CONSULTANT", { organizationId: firm.id });
    const profile = (await profileOf(candidate.user.id))!;
    await db.message.create({ data: { missionId: mission.id, profileId: profile.id, authorId: consultant.user.id, body: "Avez-vous des questions ?" } });

    const list = await body<{ conversations: Array<{ id: string; cabinet: string }> }>(await call(conversationsLoader, candidate.browser.get("/candidat/messages")));
    expect(list.conversations).toEqual([expect.objectContaining({ id: mission.id, cabinet: firm.name })]);

    const sent = await call(messageAction, candidate.browser.post(`/candidat/messages/${mission.id}`, { body: "Quelle est l’ambiance avec les élus ?" }), { missionId: mission.id });
    expect(sent.status).toBe(200);
    const thread = await body<{ messages: Array<{ body: string; mine: boolean; author: string }> }>(
      await call(conversationLoader, candidate.browser.get(`/candidat/messages/${mission.id}`), { missionId: mission.id }),
    );
    expect(thread.messages).toEqual([
      expect.objectContaining({ body: "Avez-vous des questions ?", mine: false, author: consultant.user.name }),
      expect.objectContaining({ body: "Quelle est l’ambiance avec les élus ?", mine: true, author: "Vous" }),
    ]);

    // The employer has no way into the candidate's conversations.
    const lyon = await collectivite("69123");
    const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
    expect((await call(conversationLoader, employer.browser.get(`/candidat/messages/${mission.id}`), { missionId: mission.id })).status).toBe(403);
  });

  it("answers 404 for a mission the candidate is not in, and writes nothing", async () => {
    const candidate = await signedInCandidate();
    const o = await offer();
    const mission = await db.mission.create({ data: { positionId: o.id, cabinetId: (await cabinet()).id } });
    expect((await call(conversationLoader, candidate.browser.get(`/candidat/messages/${mission.id}`), { missionId: mission.id })).status).toBe(404);
    expect((await call(messageAction, candidate.browser.post(`/candidat/messages/${mission.id}`, { body: "Bonjour" }), { missionId: mission.id })).status).toBe(404);
    expect(await db.message.count({ where: { missionId: mission.id } })).toBe(0);
  });

  it("refuses an empty message and a message to a closed mission", async () => {
    const { candidate, offer: o } = await applied();
    const mission = await db.mission.create({ data: { positionId: o.id, cabinetId: (await cabinet()).id, status: "CLOSED" } });
    const empty = await call(messageAction, candidate.browser.post(`/candidat/messages/${mission.id}`, { body: "   " }), { missionId: mission.id });
    expect(empty.status).toBe(400);
    const closed = await call(messageAction, candidate.browser.post(`/candidat/messages/${mission.id}`, { body: "Encore une question" }), { missionId: mission.id });
    expect(closed.status).toBe(409);
    expect(await db.message.count({ where: { missionId: mission.id } })).toBe(0);
  });
});
