import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { action as presentAction, loader as presentLoader } from "~/routes/cabinet.missions.$id_.presentation.$entryId";
import { action as missionFinalistsAction, loader as missionFinalistsLoader } from "~/routes/cabinet.missions.$id_.finalistes";
import { loader as finalistsLoader } from "~/routes/employeur.postes.$id_.finalistes";
import { action as finalistAction, loader as finalistLoader } from "~/routes/employeur.postes.$id_.finalistes_.$presentationId";
import { loader as cvLoader } from "~/routes/employeur.postes.$id_.finalistes_.$presentationId_.cv";
import { loader as dossierLoader } from "~/routes/employeur.postes.$id_.finalistes_.$presentationId_.dossier";
import { loader as comparisonLoader } from "~/routes/employeur.postes.$id_.finalistes_.comparaison";
import { loader as csvLoader } from "~/routes/employeur.postes.$id_.finalistes_.comparaison[.csv]";
import { action as committeeAction } from "~/routes/employeur.postes.$id_.comite";
import { loader as seatsLoader } from "~/routes/employeur.comite";
import { action as candidateAction, loader as candidateLoader } from "~/routes/candidat.presentations";
import { action as invitationAction } from "~/routes/invitation.$token";
import * as employerHome from "~/routes/employeur._index";
import * as positionsList from "~/routes/employeur.postes._index";
import * as newPosition from "~/routes/employeur.postes.nouveau";
import * as positionPage from "~/routes/employeur.postes.$id";
import * as editPosition from "~/routes/employeur.postes.$id_.modifier";
import * as applicationsList from "~/routes/employeur.postes.$id_.candidatures";
import * as committeeRoute from "~/routes/employeur.postes.$id_.comite";
import * as applicationPage from "~/routes/employeur.candidatures.$applicationId";
import * as applicationCv from "~/routes/employeur.candidatures.$applicationId_.cv";
import { followUpsDue, sendFollowUpReminders } from "~/domain/follow-ups.server";
import { startDailyJobs } from "~/cli/jobs";
import { db } from "~/utils/db.server";
import { call, createUser } from "../helpers/http";
import { actor, committeeAccount, evaluatedCandidate, presentationScene, SYNTHESIS, type Actor, type Scene } from "./presentation-fixtures";

/**
 * Issue 12: the cabinet presents its finalists with their consent; the committee, as people with
 * accounts tied to one position, reads them, scores them and decides; the cabinet gives feedback
 * and follows the hire. Every request goes through the real loaders and actions.
 */

type Candidate = Awaited<ReturnType<typeof evaluatedCandidate>>;

const presentPage = (s: Scene, entryId: string, who: Actor = s.consultant) =>
  call(presentLoader, who.browser.get(`/cabinet/missions/${s.mission.id}/presentation/${entryId}`), { id: s.mission.id, entryId });
const presentPost = (s: Scene, entryId: string, fields: Record<string, string>, who: Actor = s.consultant) =>
  call(presentAction, who.browser.post(`/cabinet/missions/${s.mission.id}/presentation/${entryId}`, fields), { id: s.mission.id, entryId });
const finalists = (s: Scene, who: Actor, positionId = s.position.id) =>
  call(finalistsLoader, who.browser.get(`/employeur/postes/${positionId}/finalistes`), { id: positionId });
const finalist = (s: Scene, who: Actor, presentationId: string) =>
  call(finalistLoader, who.browser.get(`/employeur/postes/${s.position.id}/finalistes/${presentationId}`), { id: s.position.id, presentationId });
const finalistPost = (s: Scene, who: Actor, presentationId: string, fields: Record<string, string | string[]>) =>
  call(finalistAction, who.browser.post(`/employeur/postes/${s.position.id}/finalistes/${presentationId}`, fields), { id: s.position.id, presentationId });
const candidatePost = (c: Candidate, fields: Record<string, string>) => call(candidateAction, c.me.browser.post("/candidat/presentations", fields));

async function consent(s: Scene, c: Candidate, answer: "grant" | "refuse" = "grant") {
  expect((await presentPost(s, c.entry.id, { intent: "request-consent" })).status).toBe(302);
  const request = await db.consentRequest.findFirstOrThrow({ where: { entryId: c.entry.id, kind: "PRESENTATION" }, orderBy: { requestedAt: "desc" } });
  expect((await candidatePost(c, { intent: answer, id: request.id })).status).toBe(302);
  return request.id;
}

async function present(s: Scene, c: Candidate): Promise<string> {
  const res = await presentPost(s, c.entry.id, { intent: "present", ...SYNTHESIS });
  expect(res.status, await res.clone().text()).toBe(302);
  return (await db.presentation.findUniqueOrThrow({ where: { entryId: c.entry.id } })).id;
}

async function presented(s: Scene, name?: string) {
  const c = await evaluatedCandidate(s, name);
  const consentId = await consent(s, c);
  const presentationId = await present(s, c);
  return { c, consentId, presentationId };
}

const scoreFields = (s: Scene, a: number, b: number) => ({ intent: "score", [`score-${s.criteria[0]!.id}`]: String(a), [`comment-${s.criteria[0]!.id}`]: "Solide", [`score-${s.criteria[1]!.id}`]: String(b), [`comment-${s.criteria[1]!.id}`]: "" });

describe("presenting a finalist needs the candidate's consent", () => {
  it("refuses the presentation without consent, with a French message, and changes nothing", async () => {
    const s = await presentationScene();
    const c = await evaluatedCandidate(s);
    const res = await presentPost(s, c.entry.id, { intent: "present", ...SYNTHESIS });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("n’a pas (ou plus) donné son accord");
    expect(await db.presentation.count({ where: { entryId: c.entry.id } })).toBe(0);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: c.entry.id } })).stage).toBe("EVALUATED");
  });

  it("names the collectivité and the position in the request, and refuses a presentation the candidate declined", async () => {
    const s = await presentationScene();
    const c = await evaluatedCandidate(s);
    await consent(s, c, "refuse");
    const request = await db.consentRequest.findFirstOrThrow({ where: { entryId: c.entry.id } });
    expect(request).toMatchObject({ organizationName: s.client.name, positionTitle: s.position.title, granted: false });
    expect(request.answeredAt).not.toBeNull();
    expect((await presentPost(s, c.entry.id, { intent: "present", ...SYNTHESIS })).status).toBe(409);
  });

  it("presents with consent: the entry is présenté, the CV is a copy, the cabinet's scores go with it", async () => {
    const s = await presentationScene();
    const { c, presentationId } = await presented(s);
    const p = await db.presentation.findUniqueOrThrow({ where: { id: presentationId } });
    const profile = await db.candidateProfile.findUniqueOrThrow({ where: { id: c.profile.id } });
    expect(p.cvFile).not.toBeNull();
    expect(p.cvFile).not.toBe(profile.cvFile);
    expect(p.cabinetScore).toBe(93);
    const entry = await db.shortlistEntry.findUniqueOrThrow({ where: { id: c.entry.id }, include: { events: true } });
    expect(entry.stage).toBe("PRESENTED");
    expect(entry.events.some((e) => e.fromStage === "EVALUATED" && e.toStage === "PRESENTED")).toBe(true);
    // Presenting twice is refused.
    expect((await presentPost(s, c.entry.id, { intent: "present", ...SYNTHESIS })).status).toBe(409);
  });

  it("takes the finalist out of the client's view at once when the candidate withdraws their consent", async () => {
    const s = await presentationScene();
    const { c, consentId, presentationId } = await presented(s);
    expect(await (await finalists(s, s.employer)).text()).toContain(c.user.name);
    expect((await candidatePost(c, { intent: "withdraw", id: consentId })).status).toBe(302);
    const text = await (await finalists(s, s.employer)).text();
    expect(text).not.toContain(c.user.name);
    expect(text).not.toContain(presentationId);
    expect((await finalist(s, s.employer, presentationId)).status).toBe(404);
    expect((await call(cvLoader, s.employer.browser.get("/"), { id: s.position.id, presentationId })).status).toBe(404);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: c.entry.id } })).stage).toBe("WITHDREW");
  });

  it("shows the client nothing of the shortlist before presentation: no name, no pseudonym, no score, no count", async () => {
    const s = await presentationScene();
    const c = await evaluatedCandidate(s);
    const res = await finalists(s, s.employer);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [c.user.name, c.profile.pseudonym, c.entry.id]) expect(text).not.toContain(secret);
    // The score is looked for as a value: "93" may well occur inside a generated id.
    const leaves = (value: unknown): unknown[] =>
      value !== null && typeof value === "object" ? Object.values(value).flatMap(leaves) : [value];
    const data: unknown = JSON.parse(text);
    expect(leaves(data)).not.toContain(93);
    expect(leaves(data)).not.toContain("93");
    expect((data as { finalists: unknown[] }).finalists).toEqual([]);
  });

  it("keeps a decision without identity once the finalist hides from the collectivité, and drops an undecided one", async () => {
    const s = await presentationScene();
    const decided = await presented(s);
    const undecided = await presented(s);
    const maire = await committeeAccount(s.members.decide.id);
    expect((await finalistPost(s, maire, decided.presentationId, { intent: "decide", decision: "NOT_RETAINED", note: "Le comité a préféré un profil plus technique." })).status).toBe(302);
    for (const { c } of [decided, undecided]) {
      await db.hiddenOrganization.create({ data: { profileId: c.profile.id, officialKey: s.client.officialKey, name: s.client.name } });
    }
    const body = await (await finalists(s, s.employer)).json() as { finalists: Array<{ id: string; sight: string; identity: unknown; decision: string | null }> };
    expect(body.finalists).toEqual([expect.objectContaining({ id: decided.presentationId, sight: "decision", identity: null, decision: "NOT_RETAINED" })]);
    const text = JSON.stringify(body);
    for (const { c } of [decided, undecided]) expect(text).not.toContain(c.user.name);
  });
});

describe("the committee as people", () => {
  it("invites a member by e-mail; the accepted invitation opens their position's finalists, and nothing else", async () => {
    const s = await presentationScene();
    const { c, presentationId } = await presented(s);
    const email = `maire-${Date.now()}@mairie.test`;
    const res = await call(committeeAction, s.employer.browser.post(`/employeur/postes/${s.position.id}/comite`, { intent: "invite", memberId: s.members.decide.id, email }), { id: s.position.id });
    expect(res.status).toBe(302);
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: email } });
    const token = /\/invitation\/(\S+)/.exec(mail.text)![1]!;
    const accepted = await call(invitationAction, (await actor(s.employer.id)).browser.post(`/invitation/${token}`, { name: "Marie Maire", password: "un-mot-de-passe-solide" }), { token });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/employeur/comite");
    const account = await db.user.findUniqueOrThrow({ where: { email } });
    expect(account).toMatchObject({ role: "COMMITTEE", organizationId: null });
    const member = await actor(account.id);
    expect((await db.committeeMember.findUniqueOrThrow({ where: { id: s.members.decide.id } })).userId).toBe(account.id);
    expect(await (await call(seatsLoader, member.browser.get("/employeur/comite"))).text()).toContain(s.position.title);
    expect(await (await finalists(s, member)).text()).toContain(c.user.name);
    expect((await finalist(s, member, presentationId)).status).toBe(200);
    // Another position of the same collectivité: not found.
    const other = await db.position.create({ data: { organizationId: s.client.id, title: "Autre poste", filiere: "administrative", categorie: "A", communeCode: "68224", state: "PUBLISHED" } });
    expect((await finalists(s, member, other.id)).status).toBe(404);
  });

  it("gives a committee account 403 or 404 on every employer page and action that is not its finalists", async () => {
    const s = await presentationScene();
    const member = await committeeAccount(s.members.evaluate.id);
    const application = await db.application.create({ data: { profileId: (await evaluatedCandidate(s)).profile.id, positionId: s.position.id } });
    type Route = { loader?: Parameters<typeof call>[0]; action?: Parameters<typeof call>[0] };
    const routes: Array<[Route, Record<string, string>, string]> = [
      [employerHome, {}, "/employeur"],
      [positionsList, {}, "/employeur/postes"],
      [newPosition, {}, "/employeur/postes/nouveau"],
      [positionPage, { id: s.position.id }, `/employeur/postes/${s.position.id}`],
      [editPosition, { id: s.position.id }, `/employeur/postes/${s.position.id}/modifier`],
      [applicationsList, { id: s.position.id }, `/employeur/postes/${s.position.id}/candidatures`],
      [committeeRoute, { id: s.position.id }, `/employeur/postes/${s.position.id}/comite`],
      [applicationPage, { applicationId: application.id }, `/employeur/candidatures/${application.id}`],
      [applicationCv, { applicationId: application.id }, `/employeur/candidatures/${application.id}/cv`],
    ];
    for (const [route, params, path] of routes) {
      if (route.loader) expect([403, 404], `GET ${path}`).toContain((await call(route.loader, member.browser.get(path), params)).status);
      if (route.action) {
        for (const intent of ["publish", "fill", "close", "duplicate", "delete", "mandate", "invite", "revoke"]) {
          const res = await call(route.action, member.browser.post(path, { intent, memberId: s.members.evaluate.id, email: "x@y.test", state: "REVIEWING" }), params);
          expect([400, 403, 404], `POST ${path} ${intent}`).toContain(res.status);
        }
      }
    }
    expect((await db.position.findUniqueOrThrow({ where: { id: s.position.id } })).state).toBe("PUBLISHED");
    expect(await db.position.count({ where: { organizationId: s.client.id } })).toBe(1);
  });

  it("takes access away at once when the employer removes the member", async () => {
    const s = await presentationScene();
    const { presentationId } = await presented(s);
    const member = await committeeAccount(s.members.evaluate.id);
    expect((await finalist(s, member, presentationId)).status).toBe(200);
    const res = await call(committeeAction, s.employer.browser.post(`/employeur/postes/${s.position.id}/comite`, { intent: "revoke", memberId: s.members.evaluate.id }), { id: s.position.id });
    expect(res.status).toBe(302);
    expect((await finalists(s, member)).status).toBe(404);
    expect((await finalist(s, member, presentationId)).status).toBe(404);
    expect((await finalistPost(s, member, presentationId, scoreFields(s, 3, 3))).status).toBe(404);
  });

  it("keeps a member's account and seat when the employer edits the committee under the same names", async () => {
    const s = await presentationScene();
    const member = await committeeAccount(s.members.decide.id);
    const { updatePosition, getPositionForEdit } = await import("~/domain/positions.server");
    const { serverPositionSchema } = await import("~/domain/positions.server");
    const edit = (await getPositionForEdit(s.employer.user, s.position.id))!;
    const parsed = serverPositionSchema.safeParse({ ...edit.values, cadresEmplois: ["attaches"], title: "Titre modifié", missions: "Piloter les finances et les ressources de la commune." });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect((await updatePosition(s.employer.user, s.position.id, parsed.data!)).ok).toBe(true);
    expect((await db.committeeMember.findUniqueOrThrow({ where: { id: s.members.decide.id } })).userId).toBe(member.id);
    expect(await db.criterion.count({ where: { id: { in: s.criteria.map((c) => c.id) } } })).toBe(2);
  });
});

describe("scores and decisions", () => {
  it("hides the other members' scores from a member until they submitted their own", async () => {
    const s = await presentationScene();
    const { presentationId } = await presented(s);
    const drh = await committeeAccount(s.members.evaluate.id);
    const maire = await committeeAccount(s.members.decide.id);
    expect((await finalistPost(s, drh, presentationId, scoreFields(s, 4, 2))).status).toBe(302);
    const before = await (await finalist(s, maire, presentationId)).json() as { finalist: { identity: { scores: { others: unknown; own: unknown; submittedCount: number } } } };
    expect(before.finalist.identity.scores).toMatchObject({ others: null, own: null, submittedCount: 1 });
    const comparisonBefore = await (await call(comparisonLoader, maire.browser.get("/"), { id: s.position.id })).text();
    expect(comparisonBefore).not.toContain("DRH Évalue");
    expect((await finalistPost(s, maire, presentationId, scoreFields(s, 3, 3))).status).toBe(302);
    const after = await (await finalist(s, maire, presentationId)).json() as { finalist: { identity: { scores: { others: Array<{ name: string; total: number }>; own: { total: number } } } } };
    // 60×4 + 40×2 = 320 of 400 → 80; 60×3 + 40×3 = 300 of 400 → 75.
    expect(after.finalist.identity.scores.others).toEqual([expect.objectContaining({ name: "DRH Évalue", total: 80 })]);
    expect(after.finalist.identity.scores.own.total).toBe(75);
    // The employer, who does not score, reads every submitted scorecard.
    const employerView = await (await finalist(s, s.employer, presentationId)).json() as { finalist: { identity: { scores: { others: unknown[] } } } };
    expect(employerView.finalist.identity.scores.others).toHaveLength(2);
  });

  it("lets only a deciding member decide; a contributing member may not even score", async () => {
    const s = await presentationScene();
    const { presentationId } = await presented(s);
    const drh = await committeeAccount(s.members.evaluate.id);
    const chef = await committeeAccount(s.members.contribute.id);
    const hire = { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" };
    for (const who of [drh, chef, s.employer]) expect((await finalistPost(s, who, presentationId, hire)).status, who.email).toBe(403);
    expect((await finalistPost(s, chef, presentationId, scoreFields(s, 2, 2))).status).toBe(403);
    expect((await finalist(s, chef, presentationId)).status).toBe(200);
    expect((await db.presentation.findUniqueOrThrow({ where: { id: presentationId } })).decision).toBeNull();
  });

  it("records « retenu » once: the position is pourvu with its event, the hire is followed, a second decision changes nothing", async () => {
    const s = await presentationScene();
    const kept = await presented(s);
    const other = await presented(s);
    const maire = await committeeAccount(s.members.decide.id);
    const res = await finalistPost(s, maire, kept.presentationId, { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" });
    expect(res.status).toBe(302);
    const position = await db.position.findUniqueOrThrow({ where: { id: s.position.id }, include: { events: true } });
    expect(position.state).toBe("FILLED");
    expect(position.events.some((e) => e.fromState === "PUBLISHED" && e.toState === "FILLED" && e.userId === maire.id)).toBe(true);
    expect((await db.mission.findUniqueOrThrow({ where: { id: s.mission.id } })).status).toBe("ACTIVE");
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: kept.c.entry.id } })).stage).toBe("HIRED");
    const followUps = await db.followUp.findMany({ where: { presentationId: kept.presentationId }, orderBy: [{ dueOn: "asc" }, { withWhom: "asc" }] });
    expect(followUps.map((f) => [f.months, f.withWhom, f.dueOn.toISOString().slice(0, 10)])).toEqual([
      [1, "EMPLOYER", "2027-02-15"], [1, "HIRE", "2027-02-15"], [3, "EMPLOYER", "2027-04-15"], [3, "HIRE", "2027-04-15"], [6, "EMPLOYER", "2027-07-15"], [6, "HIRE", "2027-07-15"],
    ]);
    // Twice, and a second hire: refused, nothing changes.
    expect((await finalistPost(s, maire, kept.presentationId, { intent: "decide", decision: "NOT_RETAINED", note: "Changement d’avis du comité sur ce dossier." })).status).toBe(409);
    expect((await finalistPost(s, maire, other.presentationId, { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" })).status).toBe(409);
    expect((await db.presentation.findUniqueOrThrow({ where: { id: kept.presentationId } })).decision).toBe("HIRED");
    expect((await db.presentation.findUniqueOrThrow({ where: { id: other.presentationId } })).decision).toBeNull();
    // The candidate reads « Retenu » and the start date.
    const mine = await (await call(candidateLoader, kept.c.me.browser.get("/candidat/presentations"))).json() as { presentations: Array<{ hired: boolean; startDate: string }> };
    expect(mine.presentations[0]).toMatchObject({ hired: true, startDate: "2027-01-15" });
  });

  it("refuses a decision after the candidate withdrew", async () => {
    const s = await presentationScene();
    const { c, consentId, presentationId } = await presented(s);
    await candidatePost(c, { intent: "withdraw", id: consentId });
    const maire = await committeeAccount(s.members.decide.id);
    expect((await finalistPost(s, maire, presentationId, { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" })).status).toBe(404);
    expect((await db.presentation.findUniqueOrThrow({ where: { id: presentationId } })).decision).toBeNull();
    expect((await db.position.findUniqueOrThrow({ where: { id: s.position.id } })).state).toBe("PUBLISHED");
  });

  it("will not close the mission while a finalist not kept lacks feedback; the feedback reaches the candidate", async () => {
    const s = await presentationScene();
    const kept = await presented(s);
    const other = await presented(s);
    const maire = await committeeAccount(s.members.decide.id);
    await finalistPost(s, maire, kept.presentationId, { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" });
    const close = () => call(missionFinalistsAction, s.consultant.browser.post(`/cabinet/missions/${s.mission.id}/finalistes`, { intent: "close" }), { id: s.mission.id });
    const refused = await close();
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Il manque le retour à 1 finaliste");
    const feedback = "Votre parcours est solide ; le comité a retenu un profil plus expérimenté en management d’équipes techniques.";
    expect((await presentPost(s, other.c.entry.id, { intent: "feedback", feedback })).status).toBe(302);
    expect((await close()).status).toBe(302);
    expect((await db.mission.findUniqueOrThrow({ where: { id: s.mission.id } })).status).toBe("CLOSED");
    const mine = await (await call(candidateLoader, other.c.me.browser.get("/candidat/presentations"))).json() as { presentations: Array<{ feedback: string | null; hired: boolean }> };
    expect(mine.presentations[0]).toMatchObject({ feedback, hired: false });
  });
});

describe("the committee's interview, as calendar invitations", () => {
  function parse(base64: string) {
    const text = Buffer.from(base64, "base64").toString("utf8");
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = calendar.getFirstSubcomponent("vevent")!;
    return {
      method: calendar.getFirstPropertyValue("method"),
      uid: event.getFirstPropertyValue("uid"),
      sequence: Number(event.getFirstPropertyValue("sequence")),
      start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
      end: (() => {
        const e = new ICAL.Event(event);
        return e.endDate.toJSDate().toISOString();
      })(),
      location: event.getFirstPropertyValue("location"),
      attendees: event.getAllProperties("attendee").map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "").toLowerCase()),
      status: event.getFirstPropertyValue("status"),
    };
  }
  async function invitationTo(email: string, nth = 0) {
    const mails = await db.outgoingMail.findMany({ where: { to: email, attachments: { not: null } }, orderBy: { createdAt: "asc" } });
    const mail = mails[nth];
    expect(mail, `mail ${nth} to ${email}`).toBeDefined();
    return parse((JSON.parse(mail!.attachments!) as Array<{ content: string }>)[0]!.content);
  }

  it("sends the invitation to everyone concerned when the candidate picks a slot, then an update and a cancellation with the same UID", async () => {
    const s = await presentationScene();
    const { c, presentationId } = await presented(s);
    const maire = await committeeAccount(s.members.decide.id);
    // 14:30 in Paris on 8 December (winter time, UTC+1) is 13:30 UTC.
    const slots = ["2030-12-08T14:30", "2030-12-09T09:00"];
    expect((await finalistPost(s, s.employer, presentationId, { intent: "propose-interview", slots, durationMin: "90", place: "Mairie, salle du conseil", videoLink: "" })).status).toBe(302);
    expect((await finalistPost(s, maire, presentationId, { intent: "propose-interview", slots, durationMin: "60", place: "Ailleurs", videoLink: "" })).status).toBe(403);
    const interview = await db.committeeInterview.findFirstOrThrow({ where: { presentationId }, include: { slots: { orderBy: { startsAt: "asc" } } } });
    expect((await candidatePost(c, { intent: "choose-slot", id: interview.id, slotId: interview.slots[0]!.id })).status).toBe(302);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: c.entry.id } })).stage).toBe("FINALIST");

    const everyone = [c.user.email, s.employer.email, maire.email, s.consultant.email];
    for (const email of everyone) {
      const ics = await invitationTo(email);
      expect(ics).toMatchObject({ method: "REQUEST", sequence: 0, start: "2030-12-08T13:30:00.000Z", end: "2030-12-08T15:00:00.000Z", location: "Mairie, salle du conseil", uid: interview.uid });
    }
    const team = await invitationTo(s.employer.email);
    expect(team.attendees).toEqual(expect.arrayContaining(everyone.map((e) => e.toLowerCase())));
    // The candidate's copy is discreet: only them as attendee.
    expect((await invitationTo(c.user.email)).attendees).toEqual([c.user.email.toLowerCase()]);

    expect((await finalistPost(s, s.employer, presentationId, { intent: "reschedule", interviewId: interview.id, startsAt: "2030-12-10T10:00", place: "Mairie, bureau du maire", videoLink: "" })).status).toBe(302);
    const update = await invitationTo(maire.email, 1);
    expect(update).toMatchObject({ method: "REQUEST", uid: interview.uid, sequence: 1, start: "2030-12-10T09:00:00.000Z", location: "Mairie, bureau du maire" });

    expect((await finalistPost(s, s.employer, presentationId, { intent: "cancel-interview", interviewId: interview.id })).status).toBe(302);
    const cancel = await invitationTo(c.user.email, 2);
    expect(cancel).toMatchObject({ method: "CANCEL", uid: interview.uid, sequence: 2, status: "CANCELLED" });
  });
});

describe("the integration follow-up", () => {
  async function hired() {
    const s = await presentationScene();
    const { presentationId } = await presented(s);
    const maire = await committeeAccount(s.members.decide.id);
    await finalistPost(s, maire, presentationId, { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" });
    return { s, presentationId };
  }

  it("says which check-ins are due and late for the consultant, by the clock it is given", async () => {
    const { s } = await hired();
    const due = async (now: string) => (await followUpsDue(s.consultant.user, new Date(now))).map((f) => `${f.months}-${f.withWhom}-${f.state}`);
    expect(await due("2027-01-20T08:00:00Z")).toEqual([]);
    expect((await due("2027-02-10T08:00:00Z")).sort()).toEqual(["1-EMPLOYER-due", "1-HIRE-due"]);
    expect((await due("2027-03-05T08:00:00Z")).sort()).toEqual(["1-EMPLOYER-late", "1-HIRE-late"]);
    // Another consultant's home shows none of them.
    const stranger = await actor((await createUser("CONSULTANT", { organizationId: (await db.organization.create({ data: { kind: "CABINET", name: "Autre", officialKey: `CAB-${Date.now()}` } })).id, isCabinetLead: true })).id);
    expect(await followUpsDue(stranger.user, new Date("2027-03-05T08:00:00Z"))).toEqual([]);
  });

  it("records a check-in once, with its date, notes and signal", async () => {
    const { s } = await hired();
    const f = await db.followUp.findFirstOrThrow({ where: { missionId: s.mission.id, months: 1, withWhom: "HIRE" } });
    const post = () => call(missionFinalistsAction, s.consultant.browser.post(`/cabinet/missions/${s.mission.id}/finalistes`, { intent: "follow-up", followUpId: f.id, heldOn: "2026-11-20", signal: "ATTENTION", notes: "Arrivée sereine ; logement encore provisoire." }), { id: s.mission.id });
    expect((await post()).status).toBe(302);
    expect(await db.followUp.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ signal: "ATTENTION", notes: "Arrivée sereine ; logement encore provisoire." });
    expect((await post()).status).toBe(409);
    const page = await (await call(missionFinalistsLoader, s.consultant.browser.get("/"), { id: s.mission.id })).text();
    expect(page).toContain("Arrivée sereine");
  });

  it("reminds the consultants once per check-in, catching up whatever came due while stopped", async () => {
    const { s } = await hired();
    const mine = () => db.outgoingMail.count({ where: { to: s.consultant.email, subject: { startsWith: "Vivier : point de suivi" } } });
    await sendFollowUpReminders(new Date("2027-01-20T08:00:00Z"));
    expect(await mine()).toBe(0);
    // The portal was down all of February and March: the first run after catches up both 1-month check-ins.
    await sendFollowUpReminders(new Date("2027-04-01T08:00:00Z"));
    expect(await mine()).toBe(2);
    await sendFollowUpReminders(new Date("2027-04-02T08:00:00Z"));
    expect(await mine()).toBe(2);
    await sendFollowUpReminders(new Date("2027-04-10T08:00:00Z"));
    expect(await mine()).toBe(4);
  });
});

describe("the daily job in the portal's process", () => {
  it("sends at start the reminders that came due while the portal was stopped", async () => {
    const { s, presentationId } = await (async () => {
      const scene = await presentationScene();
      const { presentationId: id } = await presented(scene);
      return { s: scene, presentationId: id };
    })();
    // A check-in that came due yesterday, its reminder never sent.
    await db.followUp.create({ data: { presentationId, missionId: s.mission.id, months: 1, withWhom: "HIRE", dueOn: new Date(Date.now() - 24 * 60 * 60 * 1000) } });
    const jobs = startDailyJobs({ intervalMs: 60 * 60 * 1000, log: () => {} });
    await jobs.runNow();
    await jobs.stop();
    expect(await db.outgoingMail.count({ where: { to: s.consultant.email, subject: { startsWith: "Vivier : point de suivi à 1 mois" } } })).toBe(1);
  });
});

describe("every new page, data request, action, file and export refuses strangers", () => {
  it("answers 404 to another collectivité, another position's committee member, another cabinet and another candidate", async () => {
    const s = await presentationScene();
    const { c, consentId, presentationId } = await presented(s);
    const elsewhere = await presentationScene();
    const otherEmployer = elsewhere.employer;
    const otherMember = await committeeAccount(elsewhere.members.decide.id);
    const otherConsultant = elsewhere.consultant;
    const otherCandidate = (await evaluatedCandidate(elsewhere)).me;
    const interview = await db.committeeInterview.create({ data: { presentationId, uid: `t-${Date.now()}@vivier`, slots: { create: [{ startsAt: new Date("2030-01-01T10:00:00Z") }] } }, include: { slots: true } });
    const params = { id: s.position.id, presentationId };
    for (const who of [otherEmployer, otherMember]) {
      for (const [loader, path] of [[finalistsLoader, "finalistes"], [finalistLoader, `finalistes/${presentationId}`], [cvLoader, `finalistes/${presentationId}/cv`], [dossierLoader, `finalistes/${presentationId}/dossier`], [comparisonLoader, "finalistes/comparaison"], [csvLoader, "finalistes/comparaison.csv"]] as const) {
        const res = await call(loader, who.browser.get(`/employeur/postes/${s.position.id}/${path}?_data=x`), params);
        expect(res.status, `${who.email} GET ${path}`).toBe(404);
      }
      for (const fields of [scoreFields(s, 4, 4), { intent: "decide", decision: "HIRED", startDate: "2027-01-15", note: "" }, { intent: "propose-interview", slots: ["2030-12-08T14:30"], durationMin: "60", place: "Ici", videoLink: "" }, { intent: "cancel-interview", interviewId: interview.id }]) {
        expect((await finalistPost(s, who, presentationId, fields)).status, `${who.email} POST ${fields.intent}`).toBe(404);
      }
    }
    expect((await call(committeeAction, otherEmployer.browser.post(`/employeur/postes/${s.position.id}/comite`, { intent: "invite", memberId: s.members.decide.id, email: "intrus@test.test" }), { id: s.position.id })).status).toBe(404);
    expect((await presentPage(s, c.entry.id, otherConsultant)).status).toBe(404);
    expect((await presentPost(s, c.entry.id, { intent: "feedback", feedback: "x".repeat(50) }, otherConsultant)).status).toBe(404);
    expect((await call(missionFinalistsLoader, otherConsultant.browser.get("/"), { id: s.mission.id })).status).toBe(404);
    expect((await call(missionFinalistsAction, otherConsultant.browser.post("/", { intent: "close" }), { id: s.mission.id })).status).toBe(404);
    for (const fields of [{ intent: "withdraw", id: consentId, slotId: "" }, { intent: "grant", id: consentId, slotId: "" }, { intent: "choose-slot", id: interview.id, slotId: interview.slots[0]!.id }]) {
      expect((await call(candidateAction, otherCandidate.browser.post("/candidat/presentations", fields))).status, fields.intent).toBe(404);
    }
    const theirs = await (await call(candidateLoader, otherCandidate.browser.get("/candidat/presentations"))).text();
    expect(theirs).not.toContain(s.position.title);
    // Nothing moved.
    expect(await db.presentation.findUniqueOrThrow({ where: { id: presentationId }, include: { consent: true } })).toMatchObject({ decision: null, consent: { withdrawnAt: null } });
    expect(await db.committeeScore.count({ where: { presentationId } })).toBe(0);
  });

  it("journals each view of a finalist's identity, each CV download and each export, with the collectivité", async () => {
    const s = await presentationScene();
    const { c, presentationId } = await presented(s);
    const count = (action: string) => db.auditEvent.count({ where: { actorId: s.employer.id, action, profileId: action === "EXPORT" ? null : c.profile.id } });
    await finalists(s, s.employer);
    await finalist(s, s.employer, presentationId);
    expect(await count("IDENTITY_VIEW")).toBe(2);
    const cv = await call(cvLoader, s.employer.browser.get("/"), { id: s.position.id, presentationId });
    expect(cv.status).toBe(200);
    expect(cv.headers.get("Content-Type")).toBe("application/pdf");
    expect(await count("CV_DOWNLOAD")).toBe(1);
    const csv = await call(csvLoader, s.employer.browser.get("/"), { id: s.position.id });
    expect(await csv.text()).toContain(c.user.name);
    expect(await count("EXPORT")).toBe(1);
    const line = await db.auditEvent.findFirstOrThrow({ where: { actorId: s.employer.id, action: "CV_DOWNLOAD" } });
    expect(line).toMatchObject({ organizationId: s.client.id, organizationName: s.client.name, missionId: s.mission.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { actorId: s.employer.id, action: "EXPORT" } })).toMatchObject({ organizationId: s.client.id });
  });
});
