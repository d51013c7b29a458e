import { describe, expect, it } from "vitest";
import { answerContactRequest } from "~/domain/conversations.server";
import { action as contactsAction, loader as contactsLoader } from "~/routes/cabinet.contacts";
import { loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { loader as conversationsLoader } from "~/routes/cabinet.missions.$id_.messages._index";
import { action as threadAction, loader as threadLoader } from "~/routes/cabinet.missions.$id_.messages.$profileId";
import { loader as candidateContactsLoader } from "~/routes/candidat.contacts";
import { action as candidateThreadAction, loader as candidateThreadLoader } from "~/routes/candidat.messages.$missionId";
import { CANDIDATE_NOTICE_SUBJECT } from "~/domain/notifications.server";
import { db } from "~/utils/db.server";
import { getSessionUser, type SessionUser } from "~/utils/session.server";
import { Browser, call } from "../helpers/http";
import { candidate, collectivite, consultant, missionFor, type ProfileInput } from "./talent-fixtures";

type CabinetRequest = {
  id: string;
  status: string;
  candidate: { profileId: string; pseudonym: string; name: string | null; email: string | null };
  mission: { id: string } | null;
};

/** A candidate of the talent pool, signed in, with the SessionUser the candidate-side domain takes. */
async function signedInCandidate(input: ProfileInput = {}) {
  const created = await candidate(input);
  const browser = await Browser.create();
  await browser.signInAs(created.user.id);
  const session = (await getSessionUser(browser.get("/"))) as SessionUser;
  return { ...created, browser, session };
}

/** A consultant and an active mission of their cabinet for a fresh collectivité. */
async function consultantWithMission() {
  const firm = await consultant();
  const client = await collectivite();
  const { mission, position } = await missionFor(firm.cabinet.id, client.id);
  return { ...firm, client, mission, position };
}

function propose(browser: Browser, { missionId, ...fields }: { profileId: string; missionId?: string; message?: string }, options?: { withCsrf?: boolean }) {
  const form = { message: "Un poste qui pourrait vous intéresser", ...fields, ...(missionId ? { missionId } : {}) };
  return call(contactsAction, browser.post("/cabinet/contacts", form, options));
}

async function cabinetRequests(browser: Browser): Promise<CabinetRequest[]> {
  const res = await call(contactsLoader, browser.get("/cabinet/contacts"));
  expect(res.status).toBe(200);
  return ((await res.json()) as { requests: CabinetRequest[] }).requests;
}

describe("a consultant proposes an opportunity to a candidate of the talent pool", () => {
  it("reaches an anonymous candidate, who sees the proposal in their space", async () => {
    const { browser, mission, cabinet } = await consultantWithMission();
    const talent = await signedInCandidate();
    const res = await propose(browser, { profileId: talent.profile.id, missionId: mission.id });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/cabinet/contacts?ok=envoyee");

    const page = (await (await call(candidateContactsLoader, talent.browser.get("/candidat/contacts"))).json()) as {
      requests: Array<{ status: string; cabinet: string; message: string; opportunity: { missionId: string } | null }>;
    };
    expect(page.requests).toEqual([
      expect.objectContaining({ status: "PENDING", cabinet: cabinet.name, message: "Un poste qui pourrait vous intéresser", opportunity: expect.objectContaining({ missionId: mission.id }) }),
    ]);

    // A discreet e-mail points to the page, and names neither the cabinet nor the position.
    const mails = await db.outgoingMail.findMany({ where: { to: talent.user.email } });
    expect(mails).toEqual([expect.objectContaining({ subject: CANDIDATE_NOTICE_SUBJECT, text: expect.stringContaining("/candidat/contacts") })]);
    expect(mails[0].text).not.toContain(cabinet.name);
    expect(mails[0].text).not.toContain("Un poste qui pourrait vous intéresser");
  });

  it("sends no e-mail when the proposal is refused", async () => {
    const { browser, mission } = await consultantWithMission();
    const hidden = await signedInCandidate({ visibility: "HIDDEN" });
    expect((await propose(browser, { profileId: hidden.profile.id, missionId: mission.id })).status).toBe(404);
    expect(await db.outgoingMail.count({ where: { to: hidden.user.email } })).toBe(0);
  });

  it("sends one pending proposal per candidate, cabinet and mission", async () => {
    const { browser, mission } = await consultantWithMission();
    const talent = await candidate();
    expect((await propose(browser, { profileId: talent.profile.id, missionId: mission.id })).status).toBe(302);
    const again = await propose(browser, { profileId: talent.profile.id, missionId: mission.id });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/déjà fait cette proposition/);
    // Without a mission, it is another proposal.
    expect((await propose(browser, { profileId: talent.profile.id })).status).toBe(302);
    expect(await db.contactRequest.count({ where: { profileId: talent.profile.id } })).toBe(2);
  });

  it("refuses a hidden profile, and profiles hiding from the cabinet or from the mission's collectivité", async () => {
    const { browser, cabinet, client, mission } = await consultantWithMission();
    const hidden = await candidate({ visibility: "HIDDEN" });
    const hidingFromCabinet = await candidate({ hiddenFrom: [cabinet.officialKey] });
    const hidingFromClient = await candidate({ hiddenFrom: [client.officialKey] });
    for (const talent of [hidden, hidingFromCabinet, hidingFromClient]) {
      for (const missionId of [mission.id, undefined]) {
        const res = await propose(browser, { profileId: talent.profile.id, missionId });
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: string }).error).toMatch(/pas \(ou plus\) disponible/);
      }
      expect(await db.contactRequest.count({ where: { profileId: talent.profile.id } })).toBe(0);
    }
  });

  it("refuses the mission of another cabinet", async () => {
    const { browser } = await consultantWithMission();
    const other = await consultantWithMission();
    const talent = await candidate();
    const res = await propose(browser, { profileId: talent.profile.id, missionId: other.mission.id });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/n’est pas confiée à votre cabinet/);
    expect(await db.contactRequest.count({ where: { profileId: talent.profile.id } })).toBe(0);
  });

  it("refuses a form without its CSRF token", async () => {
    const { browser, mission } = await consultantWithMission();
    const talent = await candidate();
    const res = await propose(browser, { profileId: talent.profile.id, missionId: mission.id }, { withCsrf: false });
    expect(res.status).toBe(403);
    expect(await db.contactRequest.count({ where: { profileId: talent.profile.id } })).toBe(0);
  });

  it("lists the proposal under the pseudonym until the candidate accepts, then under the name", async () => {
    const { browser, mission } = await consultantWithMission();
    const talent = await signedInCandidate({ name: "Camille Secrète" });
    await propose(browser, { profileId: talent.profile.id, missionId: mission.id });

    const before = await cabinetRequests(browser);
    expect(before).toEqual([
      expect.objectContaining({ status: "PENDING", candidate: expect.objectContaining({ pseudonym: talent.profile.pseudonym, name: null, email: null }) }),
    ]);
    const raw = await (await call(contactsLoader, browser.get("/cabinet/contacts"))).text();
    expect(raw).not.toContain("Camille Secrète");
    expect(raw).not.toContain(talent.user.email);

    expect(await answerContactRequest(talent.session, before[0].id, true)).toBe("answered");
    const after = await cabinetRequests(browser);
    expect(after[0]).toMatchObject({ status: "ACCEPTED", candidate: { name: "Camille Secrète", email: talent.user.email } });
  });

  it("leaves out of the cabinet's list a candidate who hides from a collectivité the cabinet works for", async () => {
    const { browser, mission, client } = await consultantWithMission();
    const talent = await signedInCandidate();
    await propose(browser, { profileId: talent.profile.id, missionId: mission.id });
    const [request] = await cabinetRequests(browser);
    expect(await answerContactRequest(talent.session, request.id, true)).toBe("answered");
    expect((await cabinetRequests(browser)).map((r) => r.candidate.name)).toEqual([talent.user.name]);

    await db.hiddenOrganization.create({ data: { profileId: talent.profile.id, officialKey: client.officialKey, name: client.name } });
    const res = await call(contactsLoader, browser.get("/cabinet/contacts"));
    const text = await res.text();
    expect(text).not.toContain(talent.user.name);
    expect(text).not.toContain(talent.user.email);
    expect(text).not.toContain(talent.profile.pseudonym);
  });

  it("never lists another cabinet's proposals", async () => {
    const first = await consultantWithMission();
    const second = await consultantWithMission();
    const talent = await candidate();
    await propose(first.browser, { profileId: talent.profile.id, missionId: first.mission.id });
    expect(await cabinetRequests(second.browser)).toEqual([]);
  });
});

describe("the confidential conversations of a mission", () => {
  /** A candidate who accepted the cabinet's proposal for the mission. */
  async function acceptedCandidate() {
    const firm = await consultantWithMission();
    const talent = await signedInCandidate();
    await propose(firm.browser, { profileId: talent.profile.id, missionId: firm.mission.id });
    const [request] = await cabinetRequests(firm.browser);
    expect(await answerContactRequest(talent.session, request.id, true)).toBe("answered");
    return { firm, talent };
  }

  it("lets the consultant reply to a candidate of the mission, and the candidate reads it", async () => {
    const { firm, talent } = await acceptedCandidate();
    const params = { id: firm.mission.id, profileId: talent.profile.id };
    const path = `/cabinet/missions/${firm.mission.id}/messages/${talent.profile.id}`;

    const mission = (await (await call(conversationsLoader, firm.browser.get(`/cabinet/missions/${firm.mission.id}/messages`), { id: firm.mission.id })).json()) as {
      conversations: Array<{ profileId: string; label: string; via: string }>;
    };
    expect(mission.conversations).toEqual([expect.objectContaining({ profileId: talent.profile.id, label: talent.user.name, via: "contact" })]);

    const sent = await call(threadAction, firm.browser.post(path, { body: "Pouvons-nous en parler jeudi ?" }), params);
    expect(sent.status).toBe(200);
    const thread = (await (await call(threadLoader, firm.browser.get(path), params)).json()) as { messages: Array<{ body: string; mine: boolean }> };
    expect(thread.messages).toEqual([expect.objectContaining({ body: "Pouvons-nous en parler jeudi ?", mine: true })]);

    const seen = (await (await call(candidateThreadLoader, talent.browser.get(`/candidat/messages/${firm.mission.id}`), { missionId: firm.mission.id })).json()) as {
      messages: Array<{ body: string; mine: boolean; author: string }>;
    };
    expect(seen.messages).toEqual([expect.objectContaining({ body: "Pouvons-nous en parler jeudi ?", mine: false, author: firm.user.name })]);

    // The proposal's e-mail, then the message's: neither carries the message.
    const mails = await db.outgoingMail.findMany({ where: { to: talent.user.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.text.match(/\/candidat\/\S+/)?.[0])).toEqual(["/candidat/contacts", "/candidat/messages"]);
    expect(mails.map((m) => m.text).join()).not.toContain("jeudi");
  });

  it("answers 404 to another cabinet's consultant, and writes nothing", async () => {
    const { firm, talent } = await acceptedCandidate();
    const intruder = await consultantWithMission();
    const params = { id: firm.mission.id, profileId: talent.profile.id };
    const path = `/cabinet/missions/${firm.mission.id}/messages/${talent.profile.id}`;
    expect((await call(threadLoader, intruder.browser.get(path), params)).status).toBe(404);
    expect((await call(threadAction, intruder.browser.post(path, { body: "Bonjour" }), params)).status).toBe(404);
    expect((await call(missionLoader, intruder.browser.get(`/cabinet/missions/${firm.mission.id}`), { id: firm.mission.id })).status).toBe(404);
    expect((await call(conversationsLoader, intruder.browser.get(`/cabinet/missions/${firm.mission.id}/messages`), { id: firm.mission.id })).status).toBe(404);
    expect(await db.message.count({ where: { missionId: firm.mission.id } })).toBe(0);
  });

  it("answers 404 for a candidate who is not in the mission, even one who declined", async () => {
    const firm = await consultantWithMission();
    const talent = await signedInCandidate();
    await propose(firm.browser, { profileId: talent.profile.id, missionId: firm.mission.id });
    const [request] = await cabinetRequests(firm.browser);
    expect(await answerContactRequest(talent.session, request.id, false)).toBe("answered");
    const params = { id: firm.mission.id, profileId: talent.profile.id };
    const path = `/cabinet/missions/${firm.mission.id}/messages/${talent.profile.id}`;
    expect((await call(threadLoader, firm.browser.get(path), params)).status).toBe(404);
    expect((await call(threadAction, firm.browser.post(path, { body: "Vraiment pas ?" }), params)).status).toBe(404);
    expect(await db.message.count({ where: { missionId: firm.mission.id } })).toBe(0);
  });

  it("closes the thread for a candidate who then hides from the collectivité, and says why", async () => {
    const { firm, talent } = await acceptedCandidate();
    await db.hiddenOrganization.create({ data: { profileId: talent.profile.id, officialKey: firm.client.officialKey, name: firm.client.name } });
    const path = `/candidat/messages/${firm.mission.id}`;
    const params = { missionId: firm.mission.id };
    const seen = (await (await call(candidateThreadLoader, talent.browser.get(path), params)).json()) as { mission: { open: boolean; hiddenFromYou: boolean } };
    expect(seen.mission).toEqual(expect.objectContaining({ open: false, hiddenFromYou: true }));
    const sent = await call(candidateThreadAction, talent.browser.post(path, { body: "Toujours intéressé ?" }), params);
    expect(sent.status).toBe(409);
    expect(((await sent.json()) as { error: string }).error).toMatch(/Ne pas me montrer à/);
    expect(await db.message.count({ where: { missionId: firm.mission.id } })).toBe(0);
    // The consultant no longer sees the candidate in the mission either.
    const mission = (await (await call(conversationsLoader, firm.browser.get(`/cabinet/missions/${firm.mission.id}/messages`), { id: firm.mission.id })).json()) as { conversations: unknown[] };
    expect(mission.conversations).toEqual([]);
  });

  it("refuses a reply without its CSRF token", async () => {
    const { firm, talent } = await acceptedCandidate();
    const params = { id: firm.mission.id, profileId: talent.profile.id };
    const path = `/cabinet/missions/${firm.mission.id}/messages/${talent.profile.id}`;
    expect((await call(threadAction, firm.browser.post(path, { body: "Bonjour" }, { withCsrf: false }), params)).status).toBe(403);
    expect(await db.message.count({ where: { missionId: firm.mission.id } })).toBe(0);
  });
});
