import { beforeAll, describe, expect, it } from "vitest";
import { deleteCandidateAccount, exportCandidateData } from "~/domain/candidates.server";
import { loader as adminJournalLoader } from "~/routes/admin.journal";
import { loader as candidateJournalLoader } from "~/routes/candidat.journal";
import { loader as exportLoader } from "~/routes/candidat.donnees.export";
import { loader as entryLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId";
import { loader as cvLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId_.cv";
import { addInterviewNote } from "~/domain/evaluations.server";
import { hashPassword } from "~/utils/password.server";
import { TEST_PASSWORD } from "../helpers/http";
import { anonymousBrowser, call, db, entryParams, entryUrl, identified, interested, shortlistWorld, type Actor, type World } from "./shortlist-fixtures";
import { tag } from "./talent-fixtures";

/**
 * The journal of accesses to identities: the admin reads and filters it; a candidate reads, and
 * exports, which organisation saw their name or CV, when and for which mission — never which
 * staff member; erasure keeps the lines but no longer says about whom.
 */

type JournalPage = {
  total: number;
  pages: number;
  rows: Array<{ id: string; at: string; actorName: string; organizationName: string; action: string; actionLabel: string; detail: string }>;
  organizations: Array<{ id: string; name: string }>;
  errors: Record<string, string>;
};

async function adminJournal(world: World, query = "", who: Actor = world.admin) {
  return call(adminJournalLoader, who.browser.get(`/admin/journal${query}`));
}

async function view(world: World, who: Actor, entryId: string) {
  const res = await call(entryLoader, who.browser.get(entryUrl(world, entryId)), entryParams(world, entryId));
  expect(res.status).toBe(200);
}

let world: World;
beforeAll(async () => {
  world = await shortlistWorld();
}, 60_000);

describe("the admin's journal", () => {
  it("lists the views and downloads as they happened, with French labels, and never the candidate", async () => {
    const t = await interested(world);
    await view(world, world.onMission, t.entryId);
    await call(cvLoader, world.lead.browser.get(`${entryUrl(world, t.entryId)}/cv`), entryParams(world, t.entryId));
    const res = await adminJournal(world, `?organisation=${world.cabinet.id}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const page = JSON.parse(text) as JournalPage;
    expect(page.rows.slice(0, 2).map((r) => [r.actionLabel, r.actorName, r.organizationName])).toEqual([
      ["Téléchargement d’un CV", world.lead.name, world.cabinet.name],
      ["Consultation d’une identité", world.onMission.name, world.cabinet.name],
    ]);
    expect(page.organizations).toContainEqual({ id: world.cabinet.id, name: world.cabinet.name });
    for (const hidden of [t.name, t.email, t.pseudonym]) expect(text).not.toContain(hidden);
  });

  it("filters by action, by organisation and by date range, page by page", async () => {
    const org = { id: `org-${tag()}`, name: `Cabinet Journal ${tag()}` };
    const at = (day: string, n: number) => new Date(`${day}T${String(8 + (n % 10)).padStart(2, "0")}:00:00Z`);
    await db.auditEvent.createMany({
      data: [
        ...Array.from({ length: 55 }, (_, n) => ({ at: at("2020-03-10", n), actorName: "Consultante", organizationId: org.id, organizationName: org.name, action: "IDENTITY_VIEW", detail: "Poste A" })),
        { at: at("2020-03-12", 0), actorName: "Consultante", organizationId: org.id, organizationName: org.name, action: "CV_DOWNLOAD", detail: "Poste A" },
        { at: at("2020-04-01", 0), actorName: "Consultante", organizationId: org.id, organizationName: org.name, action: "EXPORT", detail: "Liste du poste A" },
      ],
    });
    const json = async (q: string) => (await (await adminJournal(world, q)).json()) as JournalPage;

    const all = await json(`?organisation=${org.id}`);
    expect(all.total).toBe(57);
    expect(all.pages).toBe(2);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0]!.actionLabel).toBe("Export");
    expect((await json(`?organisation=${org.id}&page=2`)).rows).toHaveLength(7);

    expect((await json(`?organisation=${org.id}&action=CV_DOWNLOAD`)).rows.map((r) => r.actionLabel)).toEqual(["Téléchargement d’un CV"]);
    expect((await json(`?organisation=${org.id}&du=2020-03-11&au=2020-03-31`)).total).toBe(1);
    expect((await json(`?organisation=${org.id}&du=2020-03-10&au=2020-03-10`)).total).toBe(55);
    expect((await json(`?organisation=${org.id}&du=2020-03-13`)).total).toBe(1);

    const backwards = await json(`?organisation=${org.id}&du=2020-04-01&au=2020-03-01`);
    expect(backwards.errors.to).toBe("La date de fin précède la date de début : inversez-les.");
  });

  it("is the admin's only", async () => {
    for (const who of [world.lead, world.onMission, world.employer, world.otherCandidate]) {
      expect((await adminJournal(world, "", who)).status, who.name).toBe(403);
    }
    const anonymous = await call(adminJournalLoader, (await anonymousBrowser()).get("/admin/journal"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/connexion\?redirectTo=/);
  });
});

describe("« Qui a vu mon identité »", () => {
  it("tells the candidate which cabinet saw their name or CV, when and for which post — not who in it", async () => {
    const t = await interested(world);
    await view(world, world.onMission, t.entryId);
    await call(cvLoader, world.lead.browser.get(`${entryUrl(world, t.entryId)}/cv`), entryParams(world, t.entryId));
    const res = await call(candidateJournalLoader, t.browser.get("/candidat/journal"));
    expect(res.status).toBe(200);
    const text = await res.text();
    const page = JSON.parse(text) as { total: number; lines: Array<{ organization: string; what: string; mission: { title: string; employer: string | null } | null }> };
    expect(page.total).toBe(2);
    expect(page.lines.map((l) => [l.organization, l.what])).toEqual([
      [world.cabinet.name, "a téléchargé votre CV"],
      [world.cabinet.name, "a consulté votre identité"],
    ]);
    expect(page.lines[0]!.mission).toEqual({ title: world.position.title, employer: world.client.name });
    for (const staff of [world.lead.name, world.onMission.name, "203.0.113.7"]) expect(text).not.toContain(staff);
  });

  it("keeps a confidential employer unnamed to a candidate not in its search", async () => {
    const secret = await shortlistWorld({ confidential: true });
    // Visible in the pool: the cabinet knows the name without the candidate being in its search.
    const t = await identified(secret, { visibility: "VISIBLE" });
    await view(secret, secret.lead, t.entryId);
    const text = await (await call(candidateJournalLoader, t.browser.get("/candidat/journal"))).text();
    const page = JSON.parse(text) as { lines: Array<{ organization: string; mission: { title: string; employer: string | null } }> };
    expect(page.lines).toHaveLength(1);
    expect(page.lines[0]).toMatchObject({ organization: secret.cabinet.name, mission: { title: secret.position.title, employer: null } });
    expect(text).not.toContain(secret.client.name);
  });

  it("shows nobody's lines but the candidate's own", async () => {
    const t = await interested(world);
    await view(world, world.onMission, t.entryId);
    const other = (await (await call(candidateJournalLoader, world.otherCandidate.browser.get("/candidat/journal"))).json()) as { total: number };
    expect(other.total).toBe(0);
    expect((await call(candidateJournalLoader, world.lead.browser.get("/candidat/journal"))).status).toBe(403);
  });
});

describe("the candidate's data export and erasure", () => {
  it("says who saw the identity, organisation by organisation, with the mission and the date", async () => {
    const t = await interested(world);
    await view(world, world.onMission, t.entryId);
    const res = await call(exportLoader, t.browser.get("/candidat/donnees/export"));
    expect(res.status).toBe(200);
    const text = await res.text();
    const data = JSON.parse(text) as Awaited<ReturnType<typeof exportCandidateData>>;
    expect(data.identityViews).toHaveLength(1);
    expect(data.identityViews[0]).toMatchObject({ organization: world.cabinet.name, action: "IDENTITY_VIEW", mission: world.position.title });
    expect(Date.parse(data.identityViews[0]!.at)).not.toBeNaN();
    expect(data.missions).toEqual([expect.objectContaining({ cabinet: world.cabinet.name, position: world.position.title, state: "Votre candidature est étudiée" })]);
    expect(text).not.toContain(world.onMission.name);
  });

  it("erases the candidate's entries with their notes, scorecards and consents, and leaves the journal about nobody", async () => {
    const t = await interested(world);
    await addInterviewNote(world.onMission.session, world.mission.id, t.entryId, { heldAt: new Date(), form: "VISIO", competences: "Solide.", comportement: "", adhesion: "" });
    await db.scorecard.create({ data: { entryId: t.entryId, consultantId: world.onMission.id, scores: "[]", total: null } });
    await db.consentRequest.create({ data: { entryId: t.entryId, kind: "REFERENCES" } });
    await db.referee.create({ data: { profileId: t.profile.id, name: "Jeanne Martin", relation: "DGS", contact: "jeanne@example.org" } });
    await view(world, world.onMission, t.entryId);
    const line = await db.auditEvent.findFirstOrThrow({ where: { profileId: t.profile.id } });
    await db.user.update({ where: { id: t.user.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });

    expect(await deleteCandidateAccount(t.session, TEST_PASSWORD)).toEqual({ ok: true });
    expect(await db.shortlistEntry.count({ where: { id: t.entryId } })).toBe(0);
    expect(await db.interviewNote.count({ where: { entryId: t.entryId } })).toBe(0);
    expect(await db.scorecard.count({ where: { entryId: t.entryId } })).toBe(0);
    expect(await db.consentRequest.count({ where: { entryId: t.entryId } })).toBe(0);
    expect(await db.referee.count({ where: { profileId: t.profile.id } })).toBe(0);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ profileId: null, organizationName: world.cabinet.name });
    expect((await call(entryLoader, world.onMission.browser.get(entryUrl(world, t.entryId)), entryParams(world, t.entryId))).status).toBe(404);
  });
});
