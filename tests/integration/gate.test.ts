import { beforeAll, describe, expect, it } from "vitest";
import { candidateSight, type CandidateFacts, type CandidateSight, type GateActor } from "~/access/rules";
import { loader as vivierLoader } from "~/routes/cabinet.vivier";
import { loader as cabinetContactsLoader } from "~/routes/cabinet.contacts";
import { loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { loader as conversationsLoader } from "~/routes/cabinet.missions.$id_.messages._index";
import { loader as applicationsLoader } from "~/routes/employeur.postes.$id_.candidatures";
import { loader as applicationLoader } from "~/routes/employeur.candidatures.$applicationId";
import { loader as employerHomeLoader } from "~/routes/employeur._index";
import { loader as ownProfileLoader } from "~/routes/candidat.profil";
import { loader as ownContactsLoader } from "~/routes/candidat.contacts";
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
  //                                         caché anon vis masq att acc ref cand ret conf-acc conf-att
  "anonyme":                                  [_, _, _, _, _, _, _, _, _, _, _],
  "le candidat":                              [S, S, S, S, S, S, S, S, S, S, S],
  "un autre candidat":                        [_, _, _, _, _, _, _, _, _, _, _],
  "employeur de la collectivité":             [_, _, _, _, _, _, _, I, N, _, _],
  "employeur d’une collectivité masquée":     [_, _, _, _, _, _, _, _, _, _, _],
  "un autre employeur":                       [_, _, _, _, _, _, _, _, _, _, _],
  "consultant du cabinet mandaté":            [_, P, I, _, P, I, P, I, _, I, P],
  "consultant du même cabinet, hors mission": [_, P, I, _, P, P, P, _, _, P, P],
  "consultant d’un autre cabinet":            [_, P, I, I, P, P, P, _, _, P, P],
  "responsable du cabinet mandaté":           [_, P, I, _, P, I, P, I, _, I, P],
  "administrateur":                           [_, _, _, _, _, _, _, _, _, _, _],
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
  };

  for (const missionId of [mission.id, confidential.mission.id]) {
    await db.missionConsultant.create({ data: { missionId, userId: users.onMission.id } });
  }

  const state: Record<Column, { visibility: "HIDDEN" | "ANONYMOUS" | "VISIBLE"; hidesFromClient?: boolean; contact?: { status: string; confidential?: boolean }; application?: string }> = {
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
  };

  const candidates = {} as Record<Column, { userId: string; profileId: string; name: string; email: string; pseudonym: string; facts: CandidateFacts; applicationId: string | null }>;
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
    // On the shortlist of the mission it came through, as the domain's hooks put it there.
    await db.shortlistEntry.create({
      data: {
        missionId: s.contact?.confidential ? confidential.mission.id : mission.id, profileId: created.profile.id,
        source: s.application ? "APPLICATION" : s.contact ? "CONTACT" : "SEARCH",
        stage: s.application || s.contact?.status === "ACCEPTED" ? "INTERESTED" : s.contact ? "APPROACHED" : "IDENTIFIED",
      },
    });
    candidates[column] = {
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
    await call(missionLoader, browser.get(`/cabinet/missions/${world.mission.id}?vue=tableau`), { id: world.mission.id }),
    await call(missionLoader, browser.get(`/cabinet/missions/${world.confidential.mission.id}?vue=tableau`), { id: world.confidential.mission.id }),
    await call(conversationsLoader, browser.get(`/cabinet/missions/${world.mission.id}/messages`), { id: world.mission.id }),
    await call(conversationsLoader, browser.get(`/cabinet/missions/${world.confidential.mission.id}/messages`), { id: world.confidential.mission.id }),
    await call(applicationsLoader, browser.get(`/employeur/postes/${world.position.id}/candidatures`), { id: world.position.id }),
    await call(employerHomeLoader, browser.get("/employeur")),
    ...(c.applicationId ? [await call(applicationLoader, browser.get(`/employeur/candidatures/${c.applicationId}`), { applicationId: c.applicationId })] : []),
    await call(ownProfileLoader, browser.get("/candidat/profil")),
    await call(ownContactsLoader, browser.get("/candidat/contacts")),
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
