import { beforeAll, describe, expect, it } from "vitest";
import { candidateSight, type CandidateFacts, type CandidateSight, type GateActor } from "~/access/rules";
import { loader as vivierLoader } from "~/routes/cabinet.vivier";
import { loader as cabinetContactsLoader } from "~/routes/cabinet.contacts";
import { loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { loader as suggestionsLoader } from "~/routes/cabinet.missions.$id_.suggestions";
import { loader as candidateHomeLoader } from "~/routes/candidat._index";
import { loader as conversationsLoader } from "~/routes/cabinet.missions.$id_.messages._index";
import { loader as applicationsLoader } from "~/routes/employeur.postes.$id_.candidatures";
import { loader as applicationLoader } from "~/routes/employeur.candidatures.$applicationId";
import { loader as applicationInterviewsLoader } from "~/routes/employeur.candidatures.$applicationId_.entretien";
import { loader as applicationThreadLoader } from "~/routes/employeur.candidatures.$applicationId_.messages";
import { loader as ownApplicationThreadLoader } from "~/routes/candidat.candidatures.$id_.messages";
import { loader as employerHomeLoader } from "~/routes/employeur._index";
import { loader as finalistsLoader } from "~/routes/employeur.postes.$id_.finalistes";
import { loader as ownProfileLoader } from "~/routes/candidat.profil";
import { loader as ownContactsLoader } from "~/routes/candidat.contacts";
import { loader as ownMissionsLoader } from "~/routes/candidat.missions";
import { loader as entryLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId";
import { exportCandidateData, getOwnProfile } from "~/domain/candidates.server";
import { listCabinetContactRequests } from "~/domain/contact-requests.server";
import { db } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { applySettings } from "../../search/settings";
import { Browser, call, createCabinet, createUser } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { candidate, collectivite, missionFor, pushToIndex, tag } from "./talent-fixtures";

/**
 * The gate's table: for every actor (rows) and every state of a candidate (columns), what the
 * actor may know of the candidate. Each cell is asserted three ways: the table written here by
 * hand, the gate's one-candidate rule (candidateSight), and what the real pages send to the
 * browser (the loaders' JSON, as `?_data=` returns it), searched for the candidate's e-mail,
 * name and pseudonym.
 */

const COLUMNS = [
  "caché",
  "anonyme",
  "visible",
  "masqué pour la collectivité",
  "contact en attente",
  "contact accepté",
  "contact refusé",
  "candidature",
  "candidature retirée",
  "poste confidentiel, contact accepté",
  "poste confidentiel, contact en attente",
  "finaliste présenté",
] as const;
type Column = (typeof COLUMNS)[number];

const ACTORS = [
  "anonyme",
  "le candidat",
  "un autre candidat",
  "employeur de la collectivité",
  "employeur d’une collectivité masquée",
  "un autre employeur",
  "consultant du cabinet mandaté",
  "consultant du même cabinet, hors mission",
  "consultant d’un autre cabinet",
  "responsable du cabinet mandaté",
  "administrateur",
  "membre du comité",
  "membre du comité d’un autre poste",
] as const;
type Actor = (typeof ACTORS)[number];

const _ = "none" as const;
const P = "pseudonym" as const;
const N = "name" as const;
const I = "identity" as const;
const S = "self" as const;

/**
 * « Consultant du cabinet mandaté » is on both missions (staffed by the lead); « hors mission »
 * is a consultant of the same cabinet on neither: they find the pool like anyone, but nothing
 * that came through the missions.
 */
const EXPECTED: Record<Actor, readonly CandidateSight[]> = {
  //                                         caché anon vis masq att acc ref cand ret conf-acc conf-att présenté
  "anonyme":                                  [_, _, _, _, _, _, _, _, _, _, _, _],
  "le candidat":                              [S, S, S, S, S, S, S, S, S, S, S, S],
  "un autre candidat":                        [_, _, _, _, _, _, _, _, _, _, _, _],
  "employeur de la collectivité":             [_, _, _, _, _, _, _, I, N, _, _, I],
  "employeur d’une collectivité masquée":     [_, _, _, _, _, _, _, _, _, _, _, _],
  "un autre employeur":                       [_, _, _, _, _, _, _, _, _, _, _, _],
  "consultant du cabinet mandaté":            [_, P, I, _, P, I, P, I, _, I, P, I],
  "consultant du même cabinet, hors mission": [_, P, I, _, P, P, P, _, _, P, P, P],
  "consultant d’un autre cabinet":            [_, P, I, I, P, P, P, _, _, P, P, P],
  "responsable du cabinet mandaté":           [_, P, I, _, P, I, P, I, _, I, P, I],
  "administrateur":                           [_, _, _, _, _, _, _, _, _, _, _, _],
  "membre du comité":                         [_, _, _, _, _, _, _, _, _, _, _, I],
  "membre du comité d’un autre poste":        [_, _, _, _, _, _, _, _, _, _, _, _],
};

type World = Awaited<ReturnType<typeof buildWorld>>;

async function signedIn(userId: string | null): Promise<Browser> {
  const browser = await Browser.create();
  if (userId) await browser.signInAs(userId);
  return browser;
}

async function buildWorld() {
  const words = tag();
  // The client collectivité, with a public position and a confidential one, both entrusted to K.
  const client = await collectivite("Cliente");
  const hidden = await collectivite("Masquée");
  const other = await collectivite("Autre");
  const cabinet = await createCabinet();
  const otherCabinet = await createCabinet();
  const { position, mission } = await missionFor(cabinet.id, client.id);
  const confidential = await missionFor(cabinet.id, client.id);
  await db.position.update({ where: { id: confidential.position.id }, data: { confidential: true } });

  const users = {
    candidateOther: await createUser("CANDIDATE"),
    employer: await createUser("EMPLOYER", { organizationId: client.id }),
    hiddenEmployer: await createUser("EMPLOYER", { organizationId: hidden.id }),
    otherEmployer: await createUser("EMPLOYER", { organizationId: other.id }),
    lead: await createUser("CONSULTANT", { organizationId: cabinet.id, isCabinetLead: true }),
    onMission: await createUser("CONSULTANT", { organizationId: cabinet.id }),
    colleague: await createUser("CONSULTANT", { organizationId: cabinet.id }),
    otherConsultant: await createUser("CONSULTANT", { organizationId: otherCabinet.id }),
    admin: await createUser("ADMIN"),
    member: await createUser("ADMIN"),
    otherMember: await createUser("ADMIN"),
  };
  // Committee accounts (as an accepted invitation makes them): one on the position's committee,
  // one on the confidential position's.
  for (const [userId, positionId] of [[users.member.id, position.id], [users.otherMember.id, confidential.position.id]] as const) {
    await db.user.update({ where: { id: userId }, data: { role: "COMMITTEE" } });
    await db.committeeMember.create({ data: { positionId, name: "Membre", function: "Élu", role: "EVALUATE", userId } });
  }

  for (const missionId of [mission.id, confidential.mission.id]) {
    await db.missionConsultant.create({ data: { missionId, userId: users.onMission.id } });
  }

  const state: Record<Column, { visibility: "HIDDEN" | "ANONYMOUS" | "VISIBLE"; hidesFromClient?: boolean; contact?: { status: string; confidential?: boolean }; application?: string; presented?: boolean }> = {
    "caché": { visibility: "HIDDEN" },
    "anonyme": { visibility: "ANONYMOUS" },
    "visible": { visibility: "VISIBLE" },
    "masqué pour la collectivité": { visibility: "VISIBLE", hidesFromClient: true },
    "contact en attente": { visibility: "ANONYMOUS", contact: { status: "PENDING" } },
    "contact accepté": { visibility: "ANONYMOUS", contact: { status: "ACCEPTED" } },
    "contact refusé": { visibility: "ANONYMOUS", contact: { status: "DECLINED" } },
    "candidature": { visibility: "HIDDEN", application: "SENT" },
    "candidature retirée": { visibility: "HIDDEN", application: "WITHDRAWN" },
    "poste confidentiel, contact accepté": { visibility: "ANONYMOUS", contact: { status: "ACCEPTED", confidential: true } },
    "poste confidentiel, contact en attente": { visibility: "ANONYMOUS", contact: { status: "PENDING", confidential: true } },
    // Presented to the client for the position, with a granted PRESENTATION consent (rule 9).
    "finaliste présenté": { visibility: "ANONYMOUS", contact: { status: "ACCEPTED" }, presented: true },
  };

  /**
   * Each candidate on the shortlist of the mission their state concerns, at the stage the domain
   * would have put them: added from the pool, approached, interested, désisté, applied. « Caché »
   * and « candidature retirée » were added before stepping back, and are out of the list now.
   */
  const entry: Record<Column, { stage: string; source: string }> = {
    "caché": { stage: "IDENTIFIED", source: "SEARCH" },
    "anonyme": { stage: "IDENTIFIED", source: "SEARCH" },
    "visible": { stage: "IDENTIFIED", source: "SEARCH" },
    "masqué pour la collectivité": { stage: "IDENTIFIED", source: "SEARCH" },
    "contact en attente": { stage: "APPROACHED", source: "CONTACT" },
    "contact accepté": { stage: "INTERESTED", source: "CONTACT" },
    "contact refusé": { stage: "WITHDREW", source: "CONTACT" },
    "candidature": { stage: "INTERESTED", source: "APPLICATION" },
    "candidature retirée": { stage: "INTERESTED", source: "APPLICATION" },
    "poste confidentiel, contact accepté": { stage: "INTERESTED", source: "CONTACT" },
    "poste confidentiel, contact en attente": { stage: "APPROACHED", source: "CONTACT" },
    "finaliste présenté": { stage: "PRESENTED", source: "CONTACT" },
  };

  const candidates = {} as Record<Column, { userId: string; profileId: string; name: string; email: string; pseudonym: string; facts: CandidateFacts; applicationId: string | null; entry: { missionId: string; id: string } }>;
  for (const column of COLUMNS) {
    const s = state[column];
    // Everyone in the table hides from the « masquée » collectivité; one also from the client.
    const hiddenFrom = [hidden.officialKey, ...(s.hidesFromClient ? [client.officialKey] : [])];
    const created = await candidate({ visibility: s.visibility, competencies: [words], hiddenFrom });
    let applicationId: string | null = null;
    if (s.contact) {
      await db.contactRequest.create({
        data: {
          profileId: created.profile.id, cabinetId: cabinet.id, consultantId: users.lead.id,
          missionId: s.contact.confidential ? confidential.mission.id : mission.id,
          status: s.contact.status, answeredAt: s.contact.status === "PENDING" ? null : new Date(),
        },
      });
    }
    if (s.application) {
      const application = await db.application.create({
        data: { profileId: created.profile.id, positionId: position.id, state: s.application, withdrawnAt: s.application === "WITHDRAWN" ? new Date() : null },
      });
      applicationId = application.id;
    }
    const entryMissionId = s.contact?.confidential ? confidential.mission.id : mission.id;
    const onList = await db.shortlistEntry.create({ data: { missionId: entryMissionId, profileId: created.profile.id, stage: entry[column].stage, source: entry[column].source } });
    if (s.presented) {
      const consent = await db.consentRequest.create({
        data: { entryId: onList.id, kind: "PRESENTATION", organizationName: client.name, positionTitle: position.title, answeredAt: new Date(), granted: true },
      });
      await db.presentation.create({
        data: { entryId: onList.id, missionId: mission.id, positionId: position.id, consentId: consent.id, strengths: "Solide.", attention: "Aucun." },
      });
    }
    candidates[column] = {
      entry: { missionId: entryMissionId, id: onList.id },
      userId: created.user.id,
      profileId: created.profile.id,
      name: created.user.name,
      email: created.user.email,
      pseudonym: created.profile.pseudonym,
      applicationId,
      facts: {
        userId: created.user.id,
        visibility: s.visibility,
        hiddenFrom: hiddenFrom.map((officialKey) => ({ officialKey })),
        contactRequests: s.contact ? [{ cabinetId: cabinet.id, status: s.contact.status, missionId: s.contact.confidential ? confidential.mission.id : mission.id }] : [],
        applications: s.application ? [{ state: s.application, organizationId: client.id, missions: [{ id: mission.id, cabinetId: cabinet.id }] }] : [],
        presentations: s.presented
          ? [{ positionId: position.id, organizationId: client.id, organizationKey: client.officialKey, withdrawn: false, consentGranted: true, consentWithdrawn: false, listed: true, decided: false }]
          : [],
      },
    };
  }
  await pushToIndex();

  const consultantKeys = [cabinet.officialKey, client.officialKey].sort();
  const actors: Record<Actor, { userId: string | null; gate: (column: Column) => GateActor }> = {
    "anonyme": { userId: null, gate: () => ({ kind: "anonymous" }) },
    "le candidat": { userId: null, gate: (c) => ({ kind: "candidate", userId: candidates[c].userId }) },
    "un autre candidat": { userId: users.candidateOther.id, gate: () => ({ kind: "candidate", userId: users.candidateOther.id }) },
    "employeur de la collectivité": { userId: users.employer.id, gate: () => ({ kind: "employer", organizationId: client.id, organizationKey: client.officialKey }) },
    "employeur d’une collectivité masquée": { userId: users.hiddenEmployer.id, gate: () => ({ kind: "employer", organizationId: hidden.id, organizationKey: hidden.officialKey }) },
    "un autre employeur": { userId: users.otherEmployer.id, gate: () => ({ kind: "employer", organizationId: other.id, organizationKey: other.officialKey }) },
    "consultant du cabinet mandaté": { userId: users.onMission.id, gate: () => ({ kind: "consultant", cabinetId: cabinet.id, keys: consultantKeys, missionIds: [mission.id, confidential.mission.id] }) },
    "consultant du même cabinet, hors mission": { userId: users.colleague.id, gate: () => ({ kind: "consultant", cabinetId: cabinet.id, keys: consultantKeys, missionIds: [] }) },
    "consultant d’un autre cabinet": { userId: users.otherConsultant.id, gate: () => ({ kind: "consultant", cabinetId: otherCabinet.id, keys: [otherCabinet.officialKey], missionIds: "all" }) },
    "responsable du cabinet mandaté": { userId: users.lead.id, gate: () => ({ kind: "consultant", cabinetId: cabinet.id, keys: consultantKeys, missionIds: "all" }) },
    "administrateur": { userId: users.admin.id, gate: () => ({ kind: "admin" }) },
    "membre du comité": { userId: users.member.id, gate: () => ({ kind: "committee", positionIds: [position.id] }) },
    "membre du comité d’un autre poste": { userId: users.otherMember.id, gate: () => ({ kind: "committee", positionIds: [confidential.position.id] }) },
  };

  return { words, client, position, mission, confidential, candidates, actors };
}

/** Everything the pages that read candidates send to this browser, as one text. */
async function whatTheBrowserReceives(world: World, browser: Browser, column: Column): Promise<string> {
  const c = world.candidates[column];
  const responses = [
    await call(vivierLoader, browser.get(`/cabinet/vivier?q=${world.words}`)),
    await call(cabinetContactsLoader, browser.get("/cabinet/contacts")),
    await call(missionLoader, browser.get(`/cabinet/missions/${world.mission.id}`), { id: world.mission.id }),
    await call(missionLoader, browser.get(`/cabinet/missions/${world.confidential.mission.id}`), { id: world.confidential.mission.id }),
    await call(suggestionsLoader, browser.get(`/cabinet/missions/${world.mission.id}/suggestions`), { id: world.mission.id }),
    await call(suggestionsLoader, browser.get(`/cabinet/missions/${world.confidential.mission.id}/suggestions`), { id: world.confidential.mission.id }),
    await call(candidateHomeLoader, browser.get("/candidat")),
    await call(missionLoader, browser.get(`/cabinet/missions/${world.mission.id}?vue=tableau`), { id: world.mission.id }),
    await call(missionLoader, browser.get(`/cabinet/missions/${world.confidential.mission.id}?vue=tableau`), { id: world.confidential.mission.id }),
    await call(conversationsLoader, browser.get(`/cabinet/missions/${world.mission.id}/messages`), { id: world.mission.id }),
    await call(conversationsLoader, browser.get(`/cabinet/missions/${world.confidential.mission.id}/messages`), { id: world.confidential.mission.id }),
    await call(applicationsLoader, browser.get(`/employeur/postes/${world.position.id}/candidatures`), { id: world.position.id }),
    await call(employerHomeLoader, browser.get("/employeur")),
    await call(finalistsLoader, browser.get(`/employeur/postes/${world.position.id}/finalistes`), { id: world.position.id }),
    await call(finalistsLoader, browser.get(`/employeur/postes/${world.confidential.position.id}/finalistes`), { id: world.confidential.position.id }),
    ...(c.applicationId ? [await call(applicationLoader, browser.get(`/employeur/candidatures/${c.applicationId}`), { applicationId: c.applicationId })] : []),
    // Rule 13's readers: an application's interviews and its thread, on both sides.
    ...(c.applicationId
      ? [
          await call(applicationInterviewsLoader, browser.get(`/employeur/candidatures/${c.applicationId}/entretien`), { applicationId: c.applicationId }),
          await call(applicationThreadLoader, browser.get(`/employeur/candidatures/${c.applicationId}/messages`), { applicationId: c.applicationId }),
          await call(ownApplicationThreadLoader, browser.get(`/candidat/candidatures/${c.applicationId}/messages`), { id: c.applicationId }),
        ]
      : []),
    await call(ownProfileLoader, browser.get("/candidat/profil")),
    await call(ownContactsLoader, browser.get("/candidat/contacts")),
    await call(entryLoader, browser.get(`/cabinet/missions/${c.entry.missionId}/candidats/${c.entry.id}`), { id: c.entry.missionId, entryId: c.entry.id }),
    await call(ownMissionsLoader, browser.get("/candidat/missions")),
  ];
  const texts = await Promise.all(responses.map(async (r) => (r.status === 200 ? await r.text() : "")));
  return texts.join("\n");
}

/**
 * Does the text show the candidate as the cell says? « identity »: the name (the e-mail may be
 * there); « name »: the name, never the e-mail; « pseudonym »: the pseudonym, neither name nor
 * e-mail; « none »: none of the three; « self »: their own pseudonym, in their own space.
 */
function shows(text: string, c: World["candidates"][Column], sight: CandidateSight): boolean {
  const has = { email: text.includes(c.email), name: text.includes(c.name), pseudonym: text.includes(c.pseudonym) };
  switch (sight) {
    case "self": return has.pseudonym;
    case "identity": return has.name;
    case "name": return has.name && !has.email;
    case "pseudonym": return has.pseudonym && !has.name && !has.email;
    default: return !has.email && !has.name && !has.pseudonym;
  }
}

describe("the gate: who may know which candidate", () => {
  let world: World;
  beforeAll(async () => {
    await applySettings(searchClient());
    world = await buildWorld();
  }, 120_000);

  for (const actor of ACTORS) {
    it(`${actor}: every state of a candidate, as the table says, the rule says and the pages show`, async () => {
      for (const column of COLUMNS) {
        const expected = EXPECTED[actor][COLUMNS.indexOf(column)];
        const who = world.actors[actor];
        const c = world.candidates[column];
        expect(candidateSight(who.gate(column), c.facts), `rule: ${actor} × ${column}`).toBe(expected);
        const userId = actor === "le candidat" ? c.userId : who.userId;
        const browser = await signedIn(userId);
        const text = await whatTheBrowserReceives(world, browser, column);
        expect(shows(text, c, expected), `pages: ${actor} × ${column} should show « ${expected} »`).toBe(true);
      }
    }, 120_000);
  }

  it("lists on the mission's page each entry the rules keep, as rule 7 shows it (the table's entry pages are not empty)", async () => {
    const sights: Record<Column, string | null> = {
      "caché": null,
      "anonyme": "pseudonym",
      "visible": "identity",
      "masqué pour la collectivité": "withdrawn",
      "contact en attente": "pseudonym",
      "contact accepté": "identity",
      "contact refusé": "pseudonym",
      "candidature": "identity",
      "candidature retirée": null,
      "poste confidentiel, contact accepté": "identity",
      "poste confidentiel, contact en attente": "pseudonym",
      "finaliste présenté": "identity",
    };
    const browser = await signedIn(world.actors["consultant du cabinet mandaté"].userId);
    for (const column of COLUMNS) {
      const { entry } = world.candidates[column];
      const res = await call(entryLoader, browser.get(`/cabinet/missions/${entry.missionId}/candidats/${entry.id}`), { id: entry.missionId, entryId: entry.id });
      const expected = sights[column];
      expect(res.status, column).toBe(expected ? 200 : 404);
      if (expected) expect(((await res.json()) as { entry: { sight: string } }).entry.sight, column).toBe(expected);
    }
  });

  it("opens rule 13's pages (an application's interviews and thread) to the collectivité's employers and the candidate (the table's cells read them)", async () => {
    const c = world.candidates["candidature"];
    const id = c.applicationId!;
    const employer = await signedIn(world.actors["employeur de la collectivité"].userId);
    const own = await signedIn(c.userId);
    expect((await call(applicationInterviewsLoader, employer.get(`/employeur/candidatures/${id}/entretien`), { applicationId: id })).status).toBe(200);
    expect((await call(applicationThreadLoader, employer.get(`/employeur/candidatures/${id}/messages`), { applicationId: id })).status).toBe(200);
    expect((await call(ownApplicationThreadLoader, own.get(`/candidat/candidatures/${id}/messages`), { id })).status).toBe(200);
  });

  it("names a confidential search's employer to the candidate only once they accepted to be in it (rule 5)", async () => {
    const accepted = await signedIn(world.candidates["poste confidentiel, contact accepté"].userId);
    const pending = await signedIn(world.candidates["poste confidentiel, contact en attente"].userId);
    const text = async (b: Browser) => (await call(ownContactsLoader, b.get("/candidat/contacts"))).text();
    expect(await text(accepted)).toContain(world.client.name);
    expect(await text(pending)).not.toContain(world.client.name);
  });

  it("answers 403, not a crash, when the wrong kind of user calls another kind's function", async () => {
    const employer = await createUser("EMPLOYER", { organizationId: world.client.id });
    const user = (await getSessionUser((await signedIn(employer.id)).get("/")))!;
    for (const attempt of [() => getOwnProfile(user), () => listCabinetContactRequests(user), () => exportCandidateData(user)]) {
      const thrown = await attempt().then(() => null, (e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(403);
    }
  });
});
