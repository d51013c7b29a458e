import { beforeAll, describe, expect, it } from "vitest";
import { action as suggestionsAction, loader as suggestionsLoader } from "~/routes/cabinet.missions.$id_.suggestions";
import { loader as candidateHomeLoader } from "~/routes/candidat._index";
import { matchForEntry } from "~/domain/match-pages.server";
import { db } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { applySettings } from "../../search/settings";
import { Browser, call, createUser } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { COLMAR, MULHOUSE, SAINT_LOUIS, atFinestStep, candidate, collectivite, consultant, missionFor, pushToIndex, tag } from "./talent-fixtures";

type Suggestions = { result: { suggestions: Array<{ profileId: string; label: string; anonymous: boolean; score: number; reasons: Array<{ text: string }> }> } | null };
type Home = { offers: { state: string; offers: Array<{ id: string; title: string; score: number; reasons: Array<{ text: string }> }> } };

/** The suggestions page as the consultant's browser loads it: status, raw JSON, data. */
async function suggestions(browser: Browser, missionId: string) {
  const res = await call(suggestionsLoader, browser.get(`/cabinet/missions/${missionId}/suggestions`), { id: missionId });
  const text = res.status === 200 ? await res.text() : "";
  return { status: res.status, text, data: (text ? JSON.parse(text) : null) as Suggestions | null };
}

const ids = (s: Suggestions | null) => s?.result?.suggestions.map((x) => x.profileId) ?? [];

/** A position for an attaché in Mulhouse whose indispensable competency is a word of this test. */
async function world() {
  const word = `rapprochement${tag()}`;
  const { cabinet, user, browser } = await consultant();
  const client = await collectivite("Ville cliente");
  const { position, mission } = await missionFor(cabinet.id, client.id, {
    cadresEmplois: ["attaches"],
    competencies: [{ label: word, level: "INDISPENSABLE" }, { label: "Finances locales", level: "IMPORTANT" }],
  });
  return { word, cabinet, user, browser, client, position, mission };
}

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("« Profils suggérés »", () => {
  it("ranks the pool's fitting profiles with their reasons, and never a hidden one, one hiding from the client or the cabinet, or one already on the list", async () => {
    const w = await world();
    const fits = { status: "TITULAIRE", cadreEmplois: "attaches", grade: "Attaché principal", competencies: [w.word, "Finances locales"] };
    const near = await candidate({ ...fits, visibility: "VISIBLE", name: `Alix Proche ${w.word}`, homeCommuneCode: SAINT_LOUIS });
    const anonymous = await candidate({ ...fits, visibility: "ANONYMOUS", homeCommuneCode: COLMAR });
    const hidden = await candidate({ ...fits, visibility: "HIDDEN", homeCommuneCode: MULHOUSE });
    const hidesFromClient = await candidate({ ...fits, visibility: "VISIBLE", homeCommuneCode: MULHOUSE, hiddenFrom: [w.client.officialKey] });
    const hidesFromCabinet = await candidate({ ...fits, visibility: "VISIBLE", homeCommuneCode: MULHOUSE, hiddenFrom: [w.cabinet.officialKey] });
    const listed = await candidate({ ...fits, visibility: "VISIBLE", homeCommuneCode: MULHOUSE });
    await db.shortlistEntry.create({ data: { missionId: w.mission.id, profileId: listed.profile.id, source: "SEARCH", stage: "IDENTIFIED" } });
    await atFinestStep(anonymous);
    await pushToIndex();

    const { status, text, data } = await suggestions(w.browser, w.mission.id);
    expect(status).toBe(200);
    expect(ids(data)).toEqual(expect.arrayContaining([near.profile.id, anonymous.profile.id]));
    for (const out of [hidden, hidesFromClient, hidesFromCabinet, listed]) {
      expect(ids(data)).not.toContain(out.profile.id);
      expect(text).not.toContain(out.profile.id);
      expect(text).not.toContain(out.profile.pseudonym);
      expect(text).not.toContain(out.user.name);
    }
    const shown = data!.result!.suggestions.find((s) => s.profileId === near.profile.id)!;
    expect(shown.label).toBe(near.user.name);
    expect(shown.reasons.map((r) => r.text)).toEqual(expect.arrayContaining([`Compétence indispensable : ${w.word}`, "Attaché principal : grade accepté (mutation)", "Domicile à 23 km ; rayon non précisé"]));
  });

  it("leaves out a profile hidden or hiding from the client even before the search index has caught up", async () => {
    const w = await world();
    const fits = { status: "TITULAIRE", grade: "Attaché", competencies: [w.word], visibility: "VISIBLE" as const, homeCommuneCode: MULHOUSE };
    const nowHidden = await candidate(fits);
    const nowHiding = await candidate(fits);
    await pushToIndex();
    expect(ids((await suggestions(w.browser, w.mission.id)).data)).toEqual(expect.arrayContaining([nowHidden.profile.id, nowHiding.profile.id]));
    // Changed in the database only: the index still holds both as they were.
    await db.candidateProfile.update({ where: { id: nowHidden.profile.id }, data: { visibility: "HIDDEN" } });
    await db.hiddenOrganization.create({ data: { profileId: nowHiding.profile.id, officialKey: w.client.officialKey, name: w.client.name } });
    const { text } = await suggestions(w.browser, w.mission.id);
    expect(text).not.toContain(nowHidden.profile.id);
    expect(text).not.toContain(nowHiding.profile.id);
    await db.searchOutbox.createMany({ data: [nowHidden, nowHiding].map((c) => ({ indexName: "candidates", entityId: c.profile.id })) });
    await pushToIndex();
  });

  it("shows an anonymous candidate under their pseudonym, with the distance as a band and without their home commune", async () => {
    const w = await world();
    const anon = await candidate({ status: "TITULAIRE", grade: "Attaché", competencies: [w.word], visibility: "ANONYMOUS", homeCommuneCode: COLMAR });
    await db.candidateProfile.update({ where: { id: anon.profile.id }, data: { maxDistanceKm: 60 } });
    await atFinestStep(anon);
    await pushToIndex();
    const { text, data } = await suggestions(w.browser, w.mission.id);
    const shown = data!.result!.suggestions.find((s) => s.profileId === anon.profile.id)!;
    expect(shown.anonymous).toBe(true);
    expect(shown.label).toBe(anon.profile.pseudonym);
    expect(shown.reasons.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Domicile : entre \d+ et \d+ km ; rayon accepté 60 km$/)]));
    expect(text).not.toContain(anon.user.name);
    expect(text).not.toContain("Colmar");
    expect(text).not.toMatch(/Domicile à 4\d km/);
  });

  it("adds a suggested candidate to the shortlist with one POST, after which the suggestion is gone", async () => {
    const w = await world();
    const c = await candidate({ status: "TITULAIRE", grade: "Attaché", competencies: [w.word], visibility: "VISIBLE", homeCommuneCode: MULHOUSE });
    await pushToIndex();
    expect(ids((await suggestions(w.browser, w.mission.id)).data)).toContain(c.profile.id);

    const res = await call(suggestionsAction, w.browser.post(`/cabinet/missions/${w.mission.id}/suggestions`, { profileId: c.profile.id, label: c.user.name }), { id: w.mission.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    const entry = await db.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: w.mission.id, profileId: c.profile.id } } });
    expect(entry).toMatchObject({ stage: "IDENTIFIED", source: "SEARCH" });
    expect(ids((await suggestions(w.browser, w.mission.id)).data)).not.toContain(c.profile.id);

    // Twice: refused, nothing written twice.
    const again = await call(suggestionsAction, w.browser.post(`/cabinet/missions/${w.mission.id}/suggestions`, { profileId: c.profile.id }), { id: w.mission.id });
    expect(again.status).toBe(409);
    // Without the CSRF field: refused before anything is read.
    const forged = await call(suggestionsAction, w.browser.post(`/cabinet/missions/${w.mission.id}/suggestions`, { profileId: c.profile.id }, { withCsrf: false }), { id: w.mission.id });
    expect(forged.status).toBe(403);
  });

  it("answers 404 to a consultant not on the mission and to another cabinet's, 403 to the other spaces", async () => {
    const w = await world();
    const colleague = await createUser("CONSULTANT", { organizationId: w.cabinet.id });
    const colleagueBrowser = await Browser.create();
    await colleagueBrowser.signInAs(colleague.id);
    const other = await consultant();
    expect((await suggestions(colleagueBrowser, w.mission.id)).status).toBe(404);
    expect((await suggestions(other.browser, w.mission.id)).status).toBe(404);
    expect((await suggestions(w.browser, "no-such-mission")).status).toBe(404);
    const post = await call(suggestionsAction, other.browser.post(`/cabinet/missions/${w.mission.id}/suggestions`, { profileId: "x" }), { id: w.mission.id });
    expect(post.status).toBe(404);

    for (const role of ["EMPLOYER", "CANDIDATE", "ADMIN"] as const) {
      const u = await createUser(role, role === "EMPLOYER" ? { organizationId: w.client.id } : {});
      const b = await Browser.create();
      await b.signInAs(u.id);
      expect((await suggestions(b, w.mission.id)).status).toBe(403);
    }
  });
});

describe("the score beside a shortlist entry", () => {
  it("gives the mission's consultants the score and reasons, and nobody else anything", async () => {
    const w = await world();
    const c = await candidate({ status: "TITULAIRE", grade: "Attaché", competencies: [w.word], visibility: "ANONYMOUS", homeCommuneCode: COLMAR });
    await db.candidateProfile.update({ where: { id: c.profile.id }, data: { maxDistanceKm: 60 } });
    const entry = await db.shortlistEntry.create({ data: { missionId: w.mission.id, profileId: c.profile.id, source: "SEARCH", stage: "IDENTIFIED" } });
    const me = (await getSessionUser(w.browser.get("/")))!;
    const match = await matchForEntry(me, entry.id);
    expect(match!.score).toBeGreaterThan(40);
    expect(match!.reasons.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Domicile : entre \d+ et \d+ km ; rayon accepté 60 km$/)]));

    const other = await consultant();
    expect(await matchForEntry((await getSessionUser(other.browser.get("/")))!, entry.id)).toBeNull();
    // A candidate who hides from the client is « retiré »: nothing is said of them.
    await db.hiddenOrganization.create({ data: { profileId: c.profile.id, officialKey: w.client.officialKey, name: w.client.name } });
    expect(await matchForEntry(me, entry.id)).toBeNull();
  });
});

describe("« Offres pour vous »", () => {
  it("ranks public offers that fit the candidate, never a confidential or closed one, nor one of an employer they hide from", async () => {
    const word = `offre${tag()}`;
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    const employer = await collectivite("Employeur");
    const avoided = await collectivite("Écartée");
    await db.candidateProfile.create({
      data: {
        userId: user.id, pseudonym: `Offres-${tag()}`, visibility: "ANONYMOUS", status: "TITULAIRE", filiere: "administrative", categorie: "A",
        cadreEmplois: "attaches", grade: "Attaché", competencies: JSON.stringify([word]), homeCommuneCode: MULHOUSE, maxDistanceKm: 50,
        hiddenFrom: { create: [{ officialKey: avoided.officialKey, name: avoided.name }] },
      },
    });
    const offer = (title: string, over: Record<string, unknown> = {}, organizationId = employer.id) =>
      db.position.create({
        data: {
          organizationId, state: "PUBLISHED", publishedAt: new Date(), title: `${title} ${word}`, filiere: "administrative", categorie: "A",
          cadresEmplois: JSON.stringify(["attaches"]), competencies: JSON.stringify([{ label: word, level: "INDISPENSABLE" }]), communeCode: MULHOUSE, ...over,
        },
      });
    const open = await offer("Ouverte");
    const confidential = await offer("Confidentielle", { confidential: true });
    const closed = await offer("Close", { state: "CLOSED" });
    const filled = await offer("Pourvue", { state: "FILLED" });
    const draft = await offer("Brouillon", { state: "DRAFT", publishedAt: null });
    const expired = await offer("Expirée", { deadline: new Date("2020-01-01T12:00:00Z") });
    const fromAvoided = await offer("Écartée", {}, avoided.id);

    const res = await call(candidateHomeLoader, browser.get("/candidat"));
    expect(res.status).toBe(200);
    const text = await res.text();
    const home = JSON.parse(text) as Home;
    expect(home.offers.state).toBe("ready");
    expect(home.offers.offers.map((o) => o.id)).toContain(open.id);
    expect(home.offers.offers.find((o) => o.id === open.id)!.reasons.map((r) => r.text)).toContain(`Compétence indispensable : ${word}`);
    for (const out of [confidential, closed, filled, draft, expired, fromAvoided]) {
      expect(text).not.toContain(out.id);
      expect(text).not.toContain(out.title);
    }
  });

  it("asks a candidate without a profile to complete it", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    const home = (await (await call(candidateHomeLoader, browser.get("/candidat"))).json()) as Home;
    expect(home.offers).toEqual({ state: "no-profile", offers: [] });
  });
});
