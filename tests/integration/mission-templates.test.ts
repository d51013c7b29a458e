import { describe, expect, it } from "vitest";
import { answerContactRequest } from "~/domain/conversations.server";
import { loader as homeLoader } from "~/routes/cabinet._index";
import { action as approachAction, loader as approachLoader } from "~/routes/cabinet.missions.$id_.approche";
import { action as templateAction, loader as templateLoader } from "~/routes/cabinet.modeles.$id";
import { action as templatesAction, loader as templatesLoader } from "~/routes/cabinet.modeles";
import type { CabinetHome } from "~/domain/cabinet-home.server";
import { db } from "~/utils/db.server";
import { getSessionUser, type SessionUser } from "~/utils/session.server";
import { Browser } from "../helpers/http";
import { entry, load, missionWorld, post, type MissionWorld } from "./mission-fixtures";
import { candidate } from "./talent-fixtures";

/** The cabinet's approach templates, « Approcher » with one of them, and the consultant's home. */

const BODY = "Bonjour, je mène pour {collectivite} la recherche d’un(e) {poste} à {commune}, rémunéré {salaire}. {consultant}, {cabinet}";

async function template(w: MissionWorld, name = "Première approche", body = BODY) {
  const r = await post(templatesAction, w.browsers.consultant, "/cabinet/modeles", {}, { name, body });
  expect(r.location).toBe("/cabinet/modeles?ok=cree");
  return db.messageTemplate.findFirstOrThrow({ where: { cabinetId: w.cabinet.id, name } });
}

describe("the cabinet's message templates", () => {
  it("are written, edited and deleted by the cabinet's consultants, and refused with the fields they may use", async () => {
    const w = await missionWorld();
    const bad = await post<{ fieldErrors: Record<string, string> }>(templatesAction, w.browsers.consultant, "/cabinet/modeles", {}, { name: "", body: "Bonjour {prenom}, parlons du poste de {poste} ensemble." });
    expect(bad.status).toBe(400);
    expect(bad.body?.fieldErrors).toEqual({ name: "Donnez un nom au modèle (exemple : Première approche DGS).", body: expect.stringMatching(/^\{prenom\} : ce mot n’est pas un champ connu/) });

    const t = await template(w);
    // A colleague off every mission uses the cabinet's templates too.
    const listed = await load<{ templates: Array<{ id: string; name: string }> }>(templatesLoader, w.browsers.colleague, "/cabinet/modeles", {});
    expect(listed.data.templates).toEqual([expect.objectContaining({ id: t.id, name: "Première approche" })]);
    const edit = await post(templateAction, w.browsers.colleague, `/cabinet/modeles/${t.id}`, { id: t.id }, { name: "Approche DGS", body: BODY });
    expect(edit.location).toBe("/cabinet/modeles?ok=enregistre");
    expect((await db.messageTemplate.findUniqueOrThrow({ where: { id: t.id } })).name).toBe("Approche DGS");

    // Another cabinet finds none of them.
    expect((await load(templateLoader, w.browsers.rival, `/cabinet/modeles/${t.id}`, { id: t.id })).status).toBe(404);
    expect((await post(templateAction, w.browsers.rival, `/cabinet/modeles/${t.id}`, { id: t.id }, { intent: "delete" })).status).toBe(404);
    expect((await load<{ templates: unknown[] }>(templatesLoader, w.browsers.rival, "/cabinet/modeles", {})).data.templates).toEqual([]);
    for (const who of ["employer", "candidate"] as const) expect((await load(templatesLoader, w.browsers[who], "/cabinet/modeles", {})).status).toBe(403);

    expect((await post(templateAction, w.browsers.consultant, `/cabinet/modeles/${t.id}`, { id: t.id }, { intent: "delete" })).location).toBe("/cabinet/modeles?ok=supprime");
    expect(await db.messageTemplate.count({ where: { id: t.id } })).toBe(0);
  });
});

describe("approaching candidates with a template", () => {
  it("fills the template from the post (a confidential one unnamed), sends proposals to the identified and messages to those in the conversation", async () => {
    const w = await missionWorld({ confidential: true });
    await db.position.update({ where: { id: w.position.id }, data: { salaryMin: 50_000, salaryMax: 58_000 } });
    const t = await template(w);
    const identified = await candidate();
    const inConversation = await candidate();
    const pending = await candidate();
    const a = await entry(w.mission.id, identified.profile.id, "IDENTIFIED");
    const b = await entry(w.mission.id, inConversation.profile.id, "INTERESTED", "CONTACT");
    await db.contactRequest.create({ data: { profileId: inConversation.profile.id, cabinetId: w.cabinet.id, missionId: w.mission.id, status: "ACCEPTED", answeredAt: new Date() } });
    const c = await entry(w.mission.id, pending.profile.id, "APPROACHED", "CONTACT");
    const d = await entry(w.mission.id, null, "APPROACHED", "MANUAL");
    const ids = [a.id, b.id, c.id, d.id];
    const query = `${ids.map((x) => `ids=${x}`).join("&")}&modele=${t.id}`;

    const shown = await load<{ message: string; entries: Array<{ id: string; way: string | null; why: string | null }> }>(approachLoader, w.browsers.consultant, `/cabinet/missions/${w.mission.id}/approche?${query}`, { id: w.mission.id });
    const consultant = await db.user.findUniqueOrThrow({ where: { id: w.users.consultant.id } });
    expect(shown.data.message.replace(/[\u202f\u00a0]/g, " ")).toBe(
      `Bonjour, je mène pour une collectivité (recherche confidentielle) la recherche d’un(e) ${w.position.title} à Haut-Rhin (68), rémunéré 50 000 € à 58 000 € brut par an. ${consultant.name}, ${w.cabinet.name}`,
    );
    expect(shown.text).not.toContain(w.client.name);
    expect(shown.text).not.toContain("Mulhouse");
    expect(Object.fromEntries(shown.data.entries.map((e) => [e.id, e.way ?? e.why]))).toEqual({
      [a.id]: "request", [b.id]: "message", [c.id]: "proposition déjà envoyée, en attente de sa réponse", [d.id]: "hors plateforme : renvoyez-lui plutôt l’invitation",
    });

    const sent = await post<{ done: { requests: number; messages: number; skipped: number; failures: string[] } }>(approachAction, w.browsers.consultant, `/cabinet/missions/${w.mission.id}/approche`, { id: w.mission.id }, { ids, message: "Bonjour, un poste de {poste} pourrait vous intéresser : parlons-en." });
    expect(sent.body?.done).toMatchObject({ requests: 1, messages: 1, skipped: 2, failures: [] });
    const request = await db.contactRequest.findFirstOrThrow({ where: { profileId: identified.profile.id, missionId: w.mission.id } });
    expect(request.message).toBe(`Bonjour, un poste de ${w.position.title} pourrait vous intéresser : parlons-en.`);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: a.id } })).stage).toBe("APPROACHED");
    expect(await db.message.count({ where: { missionId: w.mission.id, profileId: inConversation.profile.id } })).toBe(1);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: c.id } })).stage).toBe("APPROACHED");

    // The candidate accepts the templated proposal: intéressé.
    const browser = await Browser.create();
    await browser.signInAs(identified.user.id);
    await answerContactRequest((await getSessionUser(browser.get("/"))) as SessionUser, request.id, true);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: a.id } })).stage).toBe("INTERESTED");
  });

  it("sends nothing for a consultant off the mission or another cabinet", async () => {
    const w = await missionWorld();
    const identified = await candidate();
    const a = await entry(w.mission.id, identified.profile.id, "IDENTIFIED");
    for (const who of ["colleague", "rival"] as const) {
      expect((await load(approachLoader, w.browsers[who], `/cabinet/missions/${w.mission.id}/approche?ids=${a.id}`, { id: w.mission.id })).status).toBe(404);
      expect((await post(approachAction, w.browsers[who], `/cabinet/missions/${w.mission.id}/approche`, { id: w.mission.id }, { ids: [a.id], message: "Bonjour, un poste pourrait vous intéresser." })).status).toBe(404);
    }
    expect(await db.contactRequest.count({ where: { profileId: identified.profile.id } })).toBe(0);
  });
});

describe("the consultant's home", () => {
  it("lists their missions by stage and what waits on them, leaving out what is not theirs or was withdrawn", async () => {
    const w = await missionWorld();
    const stale = await candidate();
    const evaluated = await candidate({ visibility: "VISIBLE" });
    const gone = await candidate({ hiddenFrom: [w.client.officialKey] });
    const old = new Date(Date.now() - 20 * 86_400_000);
    await entry(w.mission.id, stale.profile.id, "APPROACHED", "CONTACT", { stageChangedAt: old });
    const e = await entry(w.mission.id, evaluated.profile.id, "EVALUATED");
    await entry(w.mission.id, gone.profile.id, "IDENTIFIED", "SEARCH", { stageChangedAt: old });
    await entry(w.mission.id, null, "NOT_RETAINED", "MANUAL", { stageChangedAt: old });
    await db.consentRequest.create({ data: { entryId: e.id, kind: "REFERENCES" } });
    await db.consentRequest.create({ data: { entryId: e.id, kind: "PRESENTATION" } });

    const home = (await load<{ home: CabinetHome }>(homeLoader, w.browsers.consultant, "/cabinet", {})).data.home;
    const mine = home.missions.find((m) => m.id === w.mission.id)!;
    expect(mine).toMatchObject({ total: 4, stages: [{ stage: "IDENTIFIED", count: 1 }, { stage: "APPROACHED", count: 1 }, { stage: "EVALUATED", count: 1 }, { stage: "NOT_RETAINED", count: 1 }] });
    expect(home.stale).toEqual({ total: 1, items: [expect.objectContaining({ label: stale.profile.pseudonym, stage: "APPROACHED", days: 20, missionId: w.mission.id })] });
    expect(home.consents).toEqual({ total: 1, items: [expect.objectContaining({ label: evaluated.user.name, entryId: e.id })] });
    expect(home.presentations).toEqual({ total: 1, items: [expect.objectContaining({ label: evaluated.user.name })] });

    const colleague = (await load<{ home: CabinetHome }>(homeLoader, w.browsers.colleague, "/cabinet", {})).data.home;
    expect(colleague.missions.map((m) => m.id)).not.toContain(w.mission.id);
    expect(colleague.stale.items.map((i) => i.missionId)).not.toContain(w.mission.id);
    const text = (await load(homeLoader, w.browsers.colleague, "/cabinet", {})).text;
    expect(text).not.toContain(evaluated.user.name);
    expect(text).not.toContain(stale.profile.pseudonym);
  });
});
