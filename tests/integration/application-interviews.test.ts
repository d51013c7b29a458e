import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { CANDIDATE_NOTICE_SUBJECT } from "~/domain/notifications.server";
import { action as applyAction } from "~/routes/offres.$id_.postuler";
import { action as profileAction } from "~/routes/candidat.profil._index";
import { action as candidateApplicationAction, loader as candidateApplicationLoader } from "~/routes/candidat.candidatures.$id";
import { action as candidateThreadAction, loader as candidateThreadLoader } from "~/routes/candidat.candidatures.$id_.messages";
import { loader as candidateThreadsLoader } from "~/routes/candidat.messages._index";
import { action as applicationAction, loader as applicationLoader } from "~/routes/employeur.candidatures.$applicationId";
import { action as interviewAction, loader as interviewLoader } from "~/routes/employeur.candidatures.$applicationId_.entretien";
import { action as threadAction, loader as threadLoader } from "~/routes/employeur.candidatures.$applicationId_.messages";
import { loader as entryLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId";
import { action as visibilityAction } from "~/routes/candidat.profil.visibilite";
import { PARIS } from "~/schemas/presentation";
import { body, call, collectivite, db, pdfFile, position, signedIn, signedInCandidate, validProfileFields, type SignedIn } from "../helpers/candidate-requests";
import { createCabinet } from "../helpers/http";
import { actor } from "./presentation-fixtures";

/**
 * Issue 15, recruiting without a cabinet: the interviews and the thread on an application, through
 * the real loaders and actions. The gate's rule 13: only the position's collectivité and the
 * candidate; an impossible change is refused in French and writes nothing.
 */

const LETTER = "Madame, Monsieur, je souhaite mettre mon expérience des finances locales au service de votre collectivité.";
const TITLE = "Responsable des finances et de la commande publique";
const PLACE = "12 rue de la République, salle 3";

/** A collectivité (Lyon) with a published position, its employer, a committee member with an address, and a candidate who applied. */
async function scene(options: { mandatedCabinet?: boolean } = {}) {
  const lyon = await collectivite("69123");
  const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
  const offer = await position(lyon.id, { title: TITLE });
  const member = await db.committeeMember.create({ data: { positionId: offer.id, name: "Adjointe aux finances", function: "Adjointe au maire", role: "DECIDE", email: `adjointe-${offer.id}@mairie.test` } });
  const cabinet = options.mandatedCabinet ? await createCabinet() : null;
  let consultant: SignedIn | null = null;
  let missionId: string | null = null;
  if (cabinet) {
    consultant = await signedIn("CONSULTANT", { organizationId: cabinet.id });
    await db.user.update({ where: { id: consultant.user.id }, data: { isCabinetLead: true } });
    consultant = { ...consultant, ...(await actor(consultant.user.id)) };
    missionId = (await db.mission.create({ data: { positionId: offer.id, cabinetId: cabinet.id } })).id;
  }
  const candidate = await signedInCandidate();
  expect((await call(profileAction, candidate.browser.post("/candidat/profil", validProfileFields()))).status).toBeLessThan(400);
  const res = await call(applyAction, candidate.browser.post(`/offres/${offer.id}/postuler`, { letter: LETTER, cv: pdfFile() }), { id: offer.id });
  expect(res.status).toBe(302);
  const applicationId = res.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
  return { lyon, employer, offer, member, candidate, applicationId, consultant, missionId };
}
type Scene = Awaited<ReturnType<typeof scene>>;

const interviewPage = (who: SignedIn, id: string) => call(interviewLoader, who.browser.get(`/employeur/candidatures/${id}/entretien`), { applicationId: id });
const interviewPost = (who: SignedIn, id: string, fields: Record<string, string | string[]>) =>
  call(interviewAction, who.browser.post(`/employeur/candidatures/${id}/entretien`, fields), { applicationId: id });
const propose = (s: Scene, slots: string[], extra: Record<string, string | string[]> = {}, who: SignedIn = s.employer) =>
  interviewPost(who, s.applicationId, { intent: "propose", slots, durationMin: "90", place: PLACE, videoLink: "", panel: [s.member.id], ...extra });
const candidatePage = (who: SignedIn, id: string) => call(candidateApplicationLoader, who.browser.get(`/candidat/candidatures/${id}`), { id });
const candidatePost = (who: SignedIn, id: string, fields: Record<string, string>) => call(candidateApplicationAction, who.browser.post(`/candidat/candidatures/${id}`, fields), { id });
const employerThread = (who: SignedIn, id: string) => call(threadLoader, who.browser.get(`/employeur/candidatures/${id}/messages`), { applicationId: id });
const employerWrite = (who: SignedIn, id: string, text: string) => call(threadAction, who.browser.post(`/employeur/candidatures/${id}/messages`, { body: text }), { applicationId: id });
const candidateThread = (who: SignedIn, id: string) => call(candidateThreadLoader, who.browser.get(`/candidat/candidatures/${id}/messages`), { id });
const candidateWrite = (who: SignedIn, id: string, text: string) => call(candidateThreadAction, who.browser.post(`/candidat/candidatures/${id}/messages`, { body: text }), { id });
const decide = (who: SignedIn, id: string, state: string, internalNote = "") => call(applicationAction, who.browser.post(`/employeur/candidatures/${id}`, { state, internalNote, score: "" }), { applicationId: id });

type CandidateView = {
  application: { state: string; stateLabel: string };
  interviews: { current: { id: string; status: string; startsAt: string | null; slots: Array<{ id: string; startsAt: string }>; panel: Array<{ name: string }> } | null; canAnswer: boolean };
};

async function slotsOf(s: Scene) {
  const interview = await db.applicationInterview.findFirstOrThrow({ where: { applicationId: s.applicationId }, orderBy: { createdAt: "desc" }, include: { slots: { orderBy: { startsAt: "asc" } } } });
  return { interview, slots: interview.slots };
}

/** What can change on an application: compared before and after a refused request. */
async function snapshot(applicationId: string) {
  const a = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { state: true, internalNote: true, interviews: { orderBy: { id: "asc" }, select: { status: true, sequence: true, startsAt: true, place: true, _count: { select: { slots: true } } } }, _count: { select: { messages: true } } },
  });
  return JSON.stringify(a);
}

/** The .ics of the nth mail with an attachment to `email`, parsed back with ical.js. */
async function invitationTo(email: string, nth = 0) {
  const mails = await db.outgoingMail.findMany({ where: { to: email, attachments: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const mail = mails[nth];
  expect(mail, `mail ${nth} with an attachment to ${email}`).toBeDefined();
  const [attachment] = JSON.parse(mail!.attachments!) as Array<{ filename: string; contentType: string; content: string }>;
  const text = Buffer.from(attachment!.content, "base64").toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
  const paris = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d).replace(" ", "T");
  return {
    mail: mail!,
    text,
    filename: attachment!.filename,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    // A UTC time (« …Z »): every calendar shows it in its own zone.
    zone: start.zone?.tzid,
    start: start.toJSDate().toISOString(),
    end: new ICAL.Event(event).endDate.toJSDate().toISOString(),
    startInParis: paris(start.toJSDate()),
    location: event.getFirstPropertyValue("location"),
    summary: String(event.getFirstPropertyValue("summary")),
    description: String(event.getFirstPropertyValue("description")),
    status: event.getFirstPropertyValue("status"),
    attendees: event.getAllProperties("attendee").map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "").toLowerCase()),
  };
}

describe("an interview on an application", () => {
  it("moves the application to « entretien proposé » when slots are proposed, then to « entretien fixé » when the candidate picks one", async () => {
    const s = await scene();
    const res = await propose(s, ["2030-12-08T14:30", "2030-12-09T09:00"]);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get("Location")).toBe(`/employeur/candidatures/${s.applicationId}/entretien?ok=propose`);
    expect((await db.application.findUniqueOrThrow({ where: { id: s.applicationId } })).state).toBe("INTERVIEW_PROPOSED");

    const proposed = await body<CandidateView>(await candidatePage(s.candidate, s.applicationId));
    expect(proposed.application).toMatchObject({ state: "INTERVIEW_PROPOSED", stateLabel: "Entretien proposé" });
    expect(proposed.interviews.canAnswer).toBe(true);
    // 14:30 in Paris on 8 December (winter time, UTC+1) is 13:30 UTC.
    expect(proposed.interviews.current?.slots.map((x) => x.startsAt)).toEqual(["2030-12-08T13:30:00.000Z", "2030-12-09T08:00:00.000Z"]);
    expect(proposed.interviews.current?.panel).toEqual([{ name: "Adjointe aux finances", function: "Adjointe au maire" }]);
    // The candidate heard of it by the discreet notice.
    expect(await db.outgoingMail.count({ where: { to: s.candidate.email, subject: CANDIDATE_NOTICE_SUBJECT } })).toBe(1);

    const { interview, slots } = await slotsOf(s);
    const chosen = await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: slots[1]!.id });
    expect(chosen.status, await chosen.clone().text()).toBe(302);
    expect(await db.applicationInterview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({ status: "BOOKED", startsAt: slots[1]!.startsAt, sequence: 0 });
    const booked = await body<CandidateView>(await candidatePage(s.candidate, s.applicationId));
    expect(booked.application).toMatchObject({ state: "INTERVIEW_BOOKED", stateLabel: "Entretien fixé" });
    expect(booked.interviews).toMatchObject({ canAnswer: false, current: { status: "BOOKED", startsAt: "2030-12-09T08:00:00.000Z" } });
    const employerSide = await body<{ current: { status: string; startsAt: string } }>(await interviewPage(s.employer, s.applicationId));
    expect(employerSide.current).toMatchObject({ status: "BOOKED", startsAt: "2030-12-09T08:00:00.000Z" });

    // A second choice changes nothing.
    const before = await snapshot(s.applicationId);
    const again = await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: slots[0]!.id });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Aucun créneau n’attend votre réponse");
    expect(await snapshot(s.applicationId)).toBe(before);
  });

  it("lets the candidate ask for other slots with a message: the proposal closes, the words reach the thread and the employers", async () => {
    const s = await scene();
    expect((await propose(s, ["2030-12-08T14:30"])).status).toBe(302);
    const tooShort = await candidatePost(s.candidate, s.applicationId, { intent: "other-slots", note: "non" });
    expect(tooShort.status).toBe(400);
    expect(await tooShort.text()).toContain("quels jours ou quelles heures vous conviendraient");
    const res = await candidatePost(s.candidate, s.applicationId, { intent: "other-slots", note: "Je suis disponible le mardi et le jeudi après 16 h." });
    expect(res.status).toBe(302);
    const { interview } = await slotsOf(s);
    expect(interview).toMatchObject({ status: "DECLINED", candidateNote: "Je suis disponible le mardi et le jeudi après 16 h." });
    expect((await db.application.findUniqueOrThrow({ where: { id: s.applicationId } })).state).toBe("INTERVIEW");
    const thread = await body<{ messages: Array<{ body: string; author: string; mine: boolean }> }>(await employerThread(s.employer, s.applicationId));
    expect(thread.messages).toEqual([expect.objectContaining({ body: expect.stringContaining("le mardi et le jeudi après 16 h") as unknown, author: "Test CANDIDATE", mine: false })]);
    const told = await db.outgoingMail.findFirstOrThrow({ where: { to: s.employer.email }, orderBy: { createdAt: "desc" } });
    expect(told.subject).toBe(`Vivier : d’autres créneaux demandés — ${TITLE}`);
    expect(told.text).toContain(`/employeur/candidatures/${s.applicationId}/entretien`);
    // The employer proposes others; the history keeps the declined proposal.
    expect((await propose(s, ["2030-12-15T16:30"])).status).toBe(302);
    const page = await body<{ current: { status: string }; history: Array<{ status: string; candidateNote: string }> }>(await interviewPage(s.employer, s.applicationId));
    expect(page.current.status).toBe("PROPOSED");
    expect(page.history).toEqual([expect.objectContaining({ status: "DECLINED", candidateNote: "Je suis disponible le mardi et le jeudi après 16 h." })]);
  });
});

describe("the invitations, parsed back", () => {
  it("send both sides an .ics at the time typed in Paris, then an update and a cancellation with the same UID and a higher SEQUENCE", async () => {
    const s = await scene();
    // 9:30 in Paris on 10 June (summer time, UTC+2) is 7:30 UTC.
    expect((await propose(s, ["2031-06-10T09:30", "2031-06-11T14:00"])).status).toBe(302);
    const { interview, slots } = await slotsOf(s);
    expect((await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: slots[0]!.id })).status).toBe(302);

    for (const email of [s.candidate.email, s.employer.email, s.member.email!]) {
      const ics = await invitationTo(email);
      expect(ics, email).toMatchObject({
        filename: "invitation.ics", method: "REQUEST", uid: interview.uid, sequence: 0, zone: "UTC",
        start: "2031-06-10T07:30:00.000Z", end: "2031-06-10T09:00:00.000Z", startInParis: "2031-06-10T09:30", location: PLACE, status: "CONFIRMED",
      });
    }
    const team = await invitationTo(s.employer.email);
    expect(team.attendees).toEqual(expect.arrayContaining([s.candidate.email, s.employer.email, s.member.email!].map((e) => e.toLowerCase())));
    expect(team.summary).toContain(TITLE);
    // The candidate's copy is discreet: only them as attendee, no position, no employer.
    const own = await invitationTo(s.candidate.email);
    expect(own.attendees).toEqual([s.candidate.email.toLowerCase()]);
    for (const text of [own.mail.subject, own.mail.text, own.summary, own.description]) {
      expect(text).not.toContain(TITLE);
      expect(text).not.toContain(s.lyon.name);
      expect(text).not.toContain("Lyon");
    }

    // Moved to a winter date: same UID, SEQUENCE 1, the new time and place.
    const moved = await interviewPost(s.employer, s.applicationId, { intent: "reschedule", interviewId: interview.id, startsAt: "2031-11-04T10:00", place: "Hôtel de ville, bureau 2", videoLink: "" });
    expect(moved.status, await moved.clone().text()).toBe(302);
    for (const email of [s.candidate.email, s.member.email!]) {
      expect(await invitationTo(email, 1)).toMatchObject({ method: "REQUEST", uid: interview.uid, sequence: 1, zone: "UTC", start: "2031-11-04T09:00:00.000Z", end: "2031-11-04T10:30:00.000Z", startInParis: "2031-11-04T10:00", location: "Hôtel de ville, bureau 2" });
    }

    // Cancelled: METHOD:CANCEL, SEQUENCE 2; the application goes back to « en cours d'étude ».
    expect((await interviewPost(s.employer, s.applicationId, { intent: "cancel", interviewId: interview.id })).status).toBe(302);
    for (const email of [s.candidate.email, s.employer.email]) {
      expect(await invitationTo(email, 2)).toMatchObject({ filename: "annulation.ics", method: "CANCEL", uid: interview.uid, sequence: 2, status: "CANCELLED", start: "2031-11-04T09:00:00.000Z" });
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: s.applicationId } })).state).toBe("REVIEWING");
  });

  it("cancel a fixed interview for everyone when the candidate withdraws", async () => {
    const s = await scene();
    expect((await propose(s, ["2030-12-08T14:30"])).status).toBe(302);
    const { interview, slots } = await slotsOf(s);
    expect((await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: slots[0]!.id })).status).toBe(302);
    expect((await candidatePost(s.candidate, s.applicationId, { intent: "withdraw" })).status).toBe(200);
    expect(await invitationTo(s.employer.email, 1)).toMatchObject({ method: "CANCEL", uid: interview.uid, sequence: 1 });
    expect((await db.applicationInterview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe("CANCELLED");
  });
});

describe("impossible changes", () => {
  it("are refused in French and change nothing: a slot in the past, an interview after withdrawal, a second proposal, a state the interview sets", async () => {
    const s = await scene();
    const untouched = await snapshot(s.applicationId);
    const past = await propose(s, ["2020-01-06T10:00", "2030-12-08T14:30"]);
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("Proposez des créneaux à venir");
    const tooMany = await propose(s, ["2030-12-08T14:30", "2030-12-09T14:30", "2030-12-10T14:30", "2030-12-11T14:30"]);
    expect(tooMany.status).toBe(400);
    const nowhere = await propose(s, ["2030-12-08T14:30"], { place: "", videoLink: "" });
    expect(nowhere.status).toBe(400);
    expect(await nowhere.text()).toContain("Indiquez le lieu de l’entretien ou un lien de visioconférence");
    const foreignMember = await propose(s, ["2030-12-08T14:30"], { panel: ["pas-un-membre"] });
    expect(foreignMember.status).toBe(400);
    const byHand = await decide(s.employer, s.applicationId, "INTERVIEW_BOOKED");
    expect(byHand.status).toBe(409);
    expect(await byHand.text()).toContain("Cet état suit l’entretien");
    expect(await snapshot(s.applicationId)).toBe(untouched);

    expect((await propose(s, ["2030-12-08T14:30"])).status).toBe(302);
    const proposed = await snapshot(s.applicationId);
    const second = await propose(s, ["2030-12-09T14:30"]);
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("Un entretien est déjà proposé ou fixé");
    const back = await decide(s.employer, s.applicationId, "REVIEWING");
    expect(back.status).toBe(409);
    expect(await back.text()).toContain("Un entretien est proposé ou fixé");
    expect(await snapshot(s.applicationId)).toBe(proposed);

    // A slot that has passed cannot be chosen (written as if proposed long ago).
    const { interview } = await slotsOf(s);
    const old = await db.applicationInterviewSlot.create({ data: { interviewId: interview.id, startsAt: new Date("2021-03-01T09:00:00Z") } });
    const withOld = await snapshot(s.applicationId);
    const late = await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: old.id });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Ce créneau est passé");
    expect(await snapshot(s.applicationId)).toBe(withOld);

    // The withdrawal ends the proposal; nothing can be organised after it.
    expect((await candidatePost(s.candidate, s.applicationId, { intent: "withdraw" })).status).toBe(200);
    const withdrawn = await snapshot(s.applicationId);
    expect((await db.applicationInterview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe("CANCELLED");
    const after = await propose(s, ["2030-12-10T14:30"]);
    expect(after.status).toBe(409);
    expect(await after.text()).toContain("Cette candidature est retirée : plus aucun entretien ne peut y être organisé.");
    const choose = await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: interview.id });
    expect(choose.status).toBe(409);
    expect(await snapshot(s.applicationId)).toBe(withdrawn);
  });

  it("records a decision once: a second one is refused, the note stays editable, and a refusal cancels the fixed interview", async () => {
    const s = await scene();
    expect((await propose(s, ["2030-12-08T14:30"])).status).toBe(302);
    const { interview, slots } = await slotsOf(s);
    expect((await candidatePost(s.candidate, s.applicationId, { intent: "choose-slot", slotId: slots[0]!.id })).status).toBe(302);
    expect((await decide(s.employer, s.applicationId, "REJECTED", "Moins d’expérience que la personne retenue.")).status).toBe(302);
    expect(await invitationTo(s.candidate.email, 1)).toMatchObject({ method: "CANCEL", uid: interview.uid, sequence: 1 });
    const decided = await snapshot(s.applicationId);
    for (const state of ["ACCEPTED", "REVIEWING", "INTERVIEW"]) {
      const twice = await decide(s.employer, s.applicationId, state);
      expect(twice.status, state).toBe(409);
      expect(await twice.text()).toContain("La décision sur cette candidature est déjà enregistrée (« Non retenue ») : elle ne change plus.");
    }
    const slot = await propose(s, ["2030-12-10T14:30"]);
    expect(slot.status).toBe(409);
    expect(await slot.text()).toContain("La décision sur cette candidature est prise");
    expect(await snapshot(s.applicationId)).toBe(decided);
    expect((await decide(s.employer, s.applicationId, "REJECTED", "Note complétée après le jury.")).status).toBe(302);
    expect(await db.application.findUniqueOrThrow({ where: { id: s.applicationId } })).toMatchObject({ state: "REJECTED", internalNote: "Note complétée après le jury." });
  });
});

describe("the thread on an application", () => {
  it("passes messages both ways, and tells the candidate by a mail that names neither the position nor the employer", async () => {
    const s = await scene();
    const written = "Pourriez-vous préciser votre date de disponibilité ?";
    expect((await employerWrite(s.employer, s.applicationId, written)).status).toBe(200);
    const notice = await db.outgoingMail.findFirstOrThrow({ where: { to: s.candidate.email }, orderBy: { createdAt: "desc" } });
    expect(notice.subject).toBe(CANDIDATE_NOTICE_SUBJECT);
    for (const secret of [TITLE, s.lyon.name, "Lyon", written, "Test EMPLOYER", "finances"]) expect(notice.text).not.toContain(secret);
    expect(notice.text).toContain("/candidat/messages");

    const mine = await body<{ open: boolean; employer: string; messages: Array<{ body: string; author: string; mine: boolean }> }>(await candidateThread(s.candidate, s.applicationId));
    expect(mine).toMatchObject({ open: true, employer: s.lyon.name });
    expect(mine.messages).toEqual([expect.objectContaining({ body: written, author: `Test EMPLOYER (${s.lyon.name})`, mine: false })]);
    const list = await body<{ applicationThreads: Array<{ id: string; last: { excerpt: string } }> }>(await call(candidateThreadsLoader, s.candidate.browser.get("/candidat/messages")));
    expect(list.applicationThreads).toEqual([expect.objectContaining({ id: s.applicationId, last: expect.objectContaining({ excerpt: written }) as unknown })]);

    const answer = "Je suis disponible au 1er mars.";
    expect((await candidateWrite(s.candidate, s.applicationId, answer)).status).toBe(200);
    const told = await db.outgoingMail.findFirstOrThrow({ where: { to: s.employer.email }, orderBy: { createdAt: "desc" } });
    expect(told.subject).toBe(`Vivier : nouveau message d’un candidat — ${TITLE}`);
    expect(told.text).not.toContain(answer);
    const theirs = await body<{ messages: Array<{ body: string; author: string; mine: boolean }> }>(await employerThread(s.employer, s.applicationId));
    expect(theirs.messages.map((m) => [m.author, m.body, m.mine])).toEqual([["Vous", written, true], ["Test CANDIDATE", answer, false]]);
    const empty = await candidateWrite(s.candidate, s.applicationId, "   ");
    expect(empty.status).toBe(400);
  });

  for (const [ending, end] of [
    ["the candidate withdraws", async (s: Scene) => expect((await candidatePost(s.candidate, s.applicationId, { intent: "withdraw" })).status).toBe(200)],
    ["the application is refused", async (s: Scene) => expect((await decide(s.employer, s.applicationId, "REJECTED")).status).toBe(302)],
    ["the position is filled", async (s: Scene) => void (await db.position.update({ where: { id: s.offer.id }, data: { state: "FILLED" } }))],
  ] as const) {
    it(`closes, read-only, once ${ending}`, async () => {
      const s = await scene();
      expect((await employerWrite(s.employer, s.applicationId, "Merci pour votre candidature.")).status).toBe(200);
      await end(s);
      const count = await db.applicationMessage.count({ where: { applicationId: s.applicationId } });
      const theirs = await body<{ open: boolean; closedBecause: string; messages: unknown[] }>(await employerThread(s.employer, s.applicationId));
      const mine = await body<{ open: boolean; closedBecause: string; messages: unknown[] }>(await candidateThread(s.candidate, s.applicationId));
      for (const view of [theirs, mine]) {
        expect(view.open).toBe(false);
        expect(view.closedBecause).toMatch(/l’échange est fermé\.$/);
        expect(view.messages).toHaveLength(1);
      }
      for (const res of [await employerWrite(s.employer, s.applicationId, "Encore un mot"), await candidateWrite(s.candidate, s.applicationId, "Encore un mot")]) {
        expect(res.status).toBe(409);
        expect(await res.text()).toContain("L’échange est fermé");
      }
      expect(await db.applicationMessage.count({ where: { applicationId: s.applicationId } })).toBe(count);
    });
  }
});

describe("who sees an application's interviews and thread (the gate's rule 13)", () => {
  it("answers 404 to another collectivité and another candidate, refuses the other spaces, and writes nothing", async () => {
    const s = await scene({ mandatedCabinet: true });
    expect((await propose(s, ["2030-12-08T14:30"])).status).toBe(302);
    const secret = `MESSAGE-SECRET-${s.applicationId}`;
    expect((await employerWrite(s.employer, s.applicationId, secret)).status).toBe(200);
    const { interview, slots } = await slotsOf(s);
    const rennes = await collectivite("35238");
    const otherEmployer = await signedIn("EMPLOYER", { organizationId: rennes.id });
    const otherCandidate = await signedInCandidate();
    const committee = await actor((await db.user.create({ data: { email: `comite-${s.applicationId}@mairie.test`, name: "Membre", role: "COMMITTEE", passwordHash: "x" } })).id);
    await db.committeeMember.update({ where: { id: s.member.id }, data: { userId: committee.id } });
    const id = s.applicationId;
    const before = await snapshot(id);

    const employerRequests = (who: SignedIn) => [
      ["GET application", () => call(applicationLoader, who.browser.get(`/employeur/candidatures/${id}`), { applicationId: id })],
      ["GET interview", () => interviewPage(who, id)],
      ["GET thread", () => employerThread(who, id)],
      ["POST propose", () => propose(s, ["2030-12-20T10:00"], {}, who)],
      ["POST propose, invalid", () => propose(s, [""], {}, who)],
      ["POST reschedule", () => interviewPost(who, id, { intent: "reschedule", interviewId: interview.id, startsAt: "2030-12-21T10:00", place: "Ailleurs", videoLink: "" })],
      ["POST cancel", () => interviewPost(who, id, { intent: "cancel", interviewId: interview.id })],
      ["POST message", () => employerWrite(who, id, "Intrusion")],
      ["POST decision", () => decide(who, id, "REJECTED")],
    ] as const;
    const candidateRequests = (who: SignedIn) => [
      ["GET application", () => candidatePage(who, id)],
      ["GET thread", () => candidateThread(who, id)],
      ["POST choose", () => candidatePost(who, id, { intent: "choose-slot", slotId: slots[0]!.id })],
      ["POST other slots", () => candidatePost(who, id, { intent: "other-slots", note: "Je préfère le lundi matin." })],
      ["POST message", () => candidateWrite(who, id, "Intrusion")],
      ["POST withdraw", () => candidatePost(who, id, { intent: "withdraw" })],
    ] as const;
    const table: Array<[string, SignedIn, ReturnType<typeof employerRequests> | ReturnType<typeof candidateRequests>, number]> = [
      ["another collectivité's employer", otherEmployer, employerRequests(otherEmployer), 404],
      ["another candidate", otherCandidate, candidateRequests(otherCandidate), 404],
      // Another space altogether: « accès refusé », which says nothing of the application (the gate's guards).
      ["the candidate, in the employer's space", s.candidate, employerRequests(s.candidate), 403],
      ["the employer, in the candidate's space", s.employer, candidateRequests(s.employer), 403],
      ["a consultant of the cabinet mandated for the position", s.consultant!, employerRequests(s.consultant!), 403],
      ["a consultant of the cabinet mandated for the position", s.consultant!, candidateRequests(s.consultant!), 403],
      ["a committee account of the position, present at the interview", committee as unknown as SignedIn, employerRequests(committee as unknown as SignedIn), 403],
    ];
    for (const [who, , requests, status] of table) {
      for (const [what, request] of requests) {
        const res = await request();
        expect(res.status, `${who}: ${what}`).toBe(status);
        expect(await res.text(), `${who}: ${what}`).not.toContain(secret);
      }
    }
    expect(await snapshot(id)).toBe(before);

    // The mandated cabinet has the application on its shortlist, and nothing of the thread or the interview.
    const entry = await db.shortlistEntry.findFirstOrThrow({ where: { missionId: s.missionId!, profile: { applications: { some: { id } } } } });
    const page = await call(entryLoader, s.consultant!.browser.get(`/cabinet/missions/${s.missionId}/candidats/${entry.id}`), { id: s.missionId!, entryId: entry.id });
    expect(page.status).toBe(200);
    const text = await page.text();
    for (const hidden of [secret, PLACE, interview.uid]) expect(text).not.toContain(hidden);
  });

  it("closes everything to the collectivité the candidate hides from, and tells the candidate why", async () => {
    const s = await scene();
    expect((await employerWrite(s.employer, s.applicationId, "Bonjour")).status).toBe(200);
    const hide = await call(visibilityAction, s.candidate.browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: s.lyon.officialKey }));
    expect(hide.status).toBeLessThan(400);
    expect((await db.hiddenOrganization.count({ where: { profile: { user: { id: s.candidate.user.id } }, officialKey: s.lyon.officialKey } }))).toBe(1);
    for (const res of [await interviewPage(s.employer, s.applicationId), await employerThread(s.employer, s.applicationId), await employerWrite(s.employer, s.applicationId, "Encore")]) {
      expect(res.status).toBe(404);
    }
    const mine = await body<{ open: boolean; hiddenFromYou: boolean }>(await candidateThread(s.candidate, s.applicationId));
    expect(mine).toMatchObject({ open: false, hiddenFromYou: true });
    const refused = await candidateWrite(s.candidate, s.applicationId, "Bonjour ?");
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("ne pas être montré à cet employeur");
  });
});
