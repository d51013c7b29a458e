import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCadre } from "~/reference/statute";
import { getCommune, getOfficialOrganization } from "~/reference/territory.server";
import { parseTalentSearch, talentSearchQuery } from "~/schemas/talent-search";
import { db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, buildSeedPlan, seed, type SeedSummary } from "../../prisma/seed";
import { COMMITTEE_DEMO_EMAIL } from "../../prisma/seed/presentations";
import { followUpsDue } from "~/domain/follow-ups.server";
import { getSessionUser } from "~/utils/session.server";
import { Browser } from "../helpers/http";

/**
 * The demo data: real collectivités, consistent careers and positions, and a seed that can run
 * any number of times. The integration database is shared with other files, so everything here
 * is scoped to the seed's own keys, and the rows the seed created are removed at the end.
 */

const now = new Date();
let first: SeedSummary;
let second: SeedSummary;
let preexisting: { emails: Set<string>; keys: Set<string> };

beforeAll(async () => {
  const { plan } = buildSeedPlan(now);
  const emails = [...plan.users, ...plan.candidates.map((c) => c.user)].map((u) => u.email);
  const keys = plan.organizations.map((o) => o.officialKey);
  preexisting = {
    emails: new Set((await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email)),
    keys: new Set((await db.organization.findMany({ where: { officialKey: { in: keys } }, select: { officialKey: true } })).map((o) => o.officialKey)),
  };
  first = await seed(db, { now });
  second = await seed(db, { now });
}, 60_000);

afterAll(async () => {
  const { plan } = buildSeedPlan(now);
  const emails = [...plan.users, ...plan.candidates.map((c) => c.user)].map((u) => u.email).filter((e) => !preexisting.emails.has(e));
  const keys = plan.organizations.map((o) => o.officialKey).filter((k) => !preexisting.keys.has(k));
  await db.user.deleteMany({ where: { email: { in: [...emails, COMMITTEE_DEMO_EMAIL] } } });
  await db.organization.deleteMany({ where: { officialKey: { in: keys } } });
});

async function collectivites() {
  return db.organization.findMany({
    where: { officialKey: { in: first.keys.collectiviteKeys } },
    include: { positions: { include: { criteria: true, committee: true, events: true } }, users: true },
  });
}

describe("running the seed", () => {
  it("builds the same data every time", () => {
    expect(buildSeedPlan(now).plan).toEqual(buildSeedPlan(now).plan);
  });

  it("changes nothing the second time", () => {
    const tables = [
      "organizations", "users", "profiles", "hiddenOrganizations", "positions", "positionEvents", "committeeMembers", "criteria", "missions", "applications",
      "contactRequests", "messages", "savedSearches", "demoEvaluation",
      "missionConsultants", "missionBriefs", "messageTemplates", "shortlistEntries", "shortlistEvents", "scorecards", "consentRequests",
    ] as const;
    for (const table of tables) {
      expect(second[table], table).toEqual({ total: first[table].total, created: 0, updated: 0, deleted: 0 });
    }
    expect(second.counts).toEqual(first.counts);
  });

  it("keeps the same rows in the database after a second run", async () => {
    const emails = first.keys.userEmails;
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(emails.length);
    expect(await db.position.count({ where: { id: { in: first.keys.positionIds } } })).toBe(first.keys.positionIds.length);
    expect(await db.criterion.count({ where: { positionId: { in: first.keys.positionIds } } })).toBe(first.criteria.total);
    expect(await db.application.count({ where: { profile: { user: { email: { in: emails } } } } })).toBe(first.applications.total);
  });

  it("runs well under the time budget", () => {
    expect(first.durationMs).toBeLessThan(15_000);
    expect(second.durationMs).toBeLessThan(15_000);
  });

  it("writes nothing to the search outbox (the start script reindexes)", async () => {
    const profiles = await db.candidateProfile.findMany({ where: { user: { email: { in: first.keys.userEmails } } }, select: { id: true } });
    const ids = [...profiles.map((p) => p.id), ...first.keys.positionIds];
    expect(await db.searchOutbox.count({ where: { entityId: { in: ids } } })).toBe(0);
  });
});

describe("collectivités", () => {
  it("are real ones from the official list, of every kind and over several régions", async () => {
    const orgs = await collectivites();
    expect(orgs.length).toBeGreaterThanOrEqual(12);
    for (const o of orgs) {
      const official = getOfficialOrganization(o.officialKey);
      expect(official, o.officialKey).toBeDefined();
      expect(o).toMatchObject({
        kind: "COLLECTIVITE",
        name: official!.name,
        siren: official!.siren,
        collectiviteType: official!.type,
        code: official!.code,
        departementCode: official!.departementCode,
        regionCode: official!.regionCode,
        population: official!.population,
        communeCode: official!.communeCode,
      });
    }
    expect(orgs.filter((o) => o.collectiviteType === "COMMUNE" && o.population! < 3500).length).toBeGreaterThanOrEqual(4);
    expect(orgs.some((o) => o.collectiviteType === "COMMUNE" && o.population! >= 10_000)).toBe(true);
    for (const type of ["EPCI", "DEPARTEMENT", "REGION"]) expect(orgs.some((o) => o.collectiviteType === type), type).toBe(true);
    expect(new Set(orgs.map((o) => o.regionCode)).size).toBeGreaterThanOrEqual(2);
  });

  it("each have one employer account", async () => {
    for (const o of await collectivites()) {
      expect(o.users.filter((u) => u.role === "EMPLOYER"), o.name).toHaveLength(1);
    }
  });
});

describe("cabinets and consultants", () => {
  it("are two cabinets of two consultants, one lead each, consultant@ leading the first", async () => {
    const cabinets = await db.organization.findMany({ where: { officialKey: { in: first.keys.cabinetKeys } }, include: { users: true } });
    expect(cabinets).toHaveLength(2);
    for (const c of cabinets) {
      expect(c.kind).toBe("CABINET");
      expect(c.officialKey).toMatch(/^CAB-\d{9}$/);
      expect(c.users.filter((u) => u.role === "CONSULTANT")).toHaveLength(2);
      expect(c.users.filter((u) => u.isCabinetLead)).toHaveLength(1);
    }
    const consultant = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.consultant }, include: { organization: true } });
    expect(consultant).toMatchObject({ role: "CONSULTANT", isCabinetLead: true });
    expect(consultant.organization?.officialKey).toBe(first.keys.firstCabinetKey);
  });
});

describe("demo accounts", () => {
  it("exist with their roles and the demo password", async () => {
    const expected = { admin: "ADMIN", dgs: "EMPLOYER", consultant: "CONSULTANT", candidate: "CANDIDATE" } as const;
    for (const [account, role] of Object.entries(expected)) {
      const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[account as keyof typeof DEMO_ACCOUNTS] } });
      expect(user.role).toBe(role);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    }
  });

  it("give dgs@ a commune where a DGS emploi fonctionnel exists (2,000 to 3,500 inhabitants)", async () => {
    const dgs = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.dgs }, include: { organization: true } });
    expect(dgs.organization).toMatchObject({ officialKey: first.keys.demoCollectiviteKey, collectiviteType: "COMMUNE" });
    expect(dgs.organization!.population).toBeGreaterThanOrEqual(2000);
    expect(dgs.organization!.population).toBeLessThanOrEqual(3500);
  });

  it("give candidat@ a complete anonymous profile hiding from the current employer, with two applications", async () => {
    const user = await db.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.candidate },
      include: { profile: { include: { hiddenFrom: true, applications: { include: { position: true } } } } },
    });
    const p = user.profile!;
    expect(user.privacyAcceptedAt).toBeInstanceOf(Date);
    expect(p.visibility).toBe("ANONYMOUS");
    expect(p.homeCommuneCode && getCommune(p.homeCommuneCode)).toBeTruthy();
    expect(p.hiddenFrom.map((h) => h.officialKey)).toContain(p.currentEmployerKey);
    for (const field of ["wishedFunctions", "competencies", "previousPosts", "diplomas"] as const) {
      expect((JSON.parse(p[field]) as unknown[]).length, field).toBeGreaterThan(0);
    }
    expect(p.applications).toHaveLength(2);
    for (const a of p.applications) expect(a.position.state).toBe("PUBLISHED");
  });
});

describe("what passes between consultant@'s cabinet and the candidates", () => {
  it("gives candidat@ a proposal awaiting her answer and a conversation on the demo DGS she applied to", async () => {
    const profile = await db.candidateProfile.findFirstOrThrow({
      where: { user: { email: DEMO_ACCOUNTS.candidate } },
      include: { contactRequests: { include: { cabinet: true, consultant: true, mission: true } }, messages: { include: { mission: true, author: true } } },
    });
    expect(profile.contactRequests).toHaveLength(1);
    const [request] = profile.contactRequests;
    expect(request).toMatchObject({ status: "PENDING", answeredAt: null });
    expect(request.cabinet.officialKey).toBe(first.keys.firstCabinetKey);
    expect(request.consultant?.email).toBe(DEMO_ACCOUNTS.consultant);
    expect(request.mission?.cabinetId).toBe(request.cabinetId);
    const thread = profile.messages.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(thread.map((m) => m.author?.email)).toEqual([DEMO_ACCOUNTS.consultant, DEMO_ACCOUNTS.candidate]);
    for (const m of thread) expect(m.mission.positionId).toBe(first.keys.demoDgsPositionId);
    for (const m of thread) expect(m.createdAt.getTime()).toBeLessThan(Date.now());
  });

  it("shows consultant@ proposals in every state on the confidential search, one leading to a conversation", async () => {
    const requests = await db.contactRequest.findMany({
      where: { cabinet: { officialKey: first.keys.firstCabinetKey }, profile: { user: { email: { in: first.keys.candidateEmails } } } },
      include: { mission: { include: { position: { include: { organization: true } }, messages: true } }, profile: { include: { hiddenFrom: true } } },
    });
    const onConfidential = requests.filter((r) => r.mission?.position.confidential);
    expect(new Set(onConfidential.map((r) => r.status))).toEqual(new Set(["PENDING", "ACCEPTED", "DECLINED"]));
    for (const r of requests) {
      expect(r.profile.visibility).not.toBe("HIDDEN");
      expect(r.profile.hiddenFrom.map((h) => h.officialKey)).not.toContain(first.keys.firstCabinetKey);
      expect(r.profile.hiddenFrom.map((h) => h.officialKey)).not.toContain(r.mission?.position.organization.officialKey);
      if (r.status !== "PENDING") expect(r.answeredAt!.getTime()).toBeGreaterThan(r.createdAt.getTime());
    }
    const accepted = onConfidential.find((r) => r.status === "ACCEPTED")!;
    expect(accepted.mission!.messages.filter((m) => m.profileId === accepted.profileId).length).toBeGreaterThanOrEqual(2);
  });
});

describe("consultant@'s saved searches", () => {
  it("are two, last run a week ago, stored as the talent search page stores them", async () => {
    const searches = await db.savedSearch.findMany({ where: { user: { email: DEMO_ACCOUNTS.consultant } } });
    expect(searches.length).toBeGreaterThanOrEqual(2);
    for (const s of searches) {
      const { search, errors } = parseTalentSearch(new URLSearchParams(s.query));
      expect(errors, s.name).toEqual({});
      expect(talentSearchQuery(search, { page: false })).toBe(s.query);
      expect(s.lastRunAt.getTime()).toBeLessThan(Date.now());
    }
  });
});

describe("candidates", () => {
  it("are 300 and more, with every visibility and every status", async () => {
    const profiles = await db.candidateProfile.findMany({
      where: { user: { email: { in: first.keys.candidateEmails } } },
      include: { user: true, hiddenFrom: true },
    });
    expect(profiles.length).toBeGreaterThanOrEqual(300);
    expect(new Set(profiles.map((p) => p.visibility))).toEqual(new Set(["HIDDEN", "ANONYMOUS", "VISIBLE"]));
    expect(new Set(profiles.map((p) => p.status))).toEqual(new Set(["TITULAIRE", "CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"]));
    expect(new Set(profiles.map((p) => p.pseudonym)).size).toBe(profiles.length);
    const hidden = profiles.filter((p) => p.visibility === "HIDDEN").length / profiles.length;
    expect(hidden).toBeGreaterThan(0.08);
    expect(hidden).toBeLessThan(0.25);
    expect(profiles.some((p) => p.hiddenFrom.some((h) => h.officialKey === first.keys.demoCollectiviteKey))).toBe(true);
  });

  it("have careers consistent with the reference list and real places", async () => {
    const profiles = await db.candidateProfile.findMany({ where: { user: { email: { in: first.keys.candidateEmails } } }, include: { user: true } });
    for (const p of profiles) {
      expect(p.pseudonym).toMatch(/^Profil [0-9A-F]{6}$/);
      expect(p.user.privacyAcceptedAt).toBeInstanceOf(Date);
      expect(getCommune(p.homeCommuneCode!), p.homeCommuneCode!).toBeDefined();
      if (p.status === "TITULAIRE") expect(p.cadreEmplois).not.toBeNull();
      if (p.cadreEmplois) {
        const cadre = getCadre(p.cadreEmplois)!;
        expect(cadre.grades).toContain(p.grade);
        expect(p.filiere).toBe(cadre.filiere);
        expect(p.categorie).toBe(cadre.categorie);
      }
      if (p.currentEmployerKey) expect(getOfficialOrganization(p.currentEmployerKey), p.currentEmployerKey).toBeDefined();
    }
    expect(profiles.some((p) => p.currentFunction?.startsWith("Directeur général des services") || p.currentFunction?.startsWith("Directrice générale des services"))).toBe(true);
  });
});

describe("positions", () => {
  it("are two to four per collectivité, with a direction post where the strate allows it, a technical post and a B or C post", async () => {
    for (const o of await collectivites()) {
      const positions = o.positions;
      expect(positions.length, o.name).toBeGreaterThanOrEqual(2);
      expect(positions.length, o.name).toBeLessThanOrEqual(4);
      expect(positions.some((p) => p.filiere === "technique"), `${o.name}: technical`).toBe(true);
      expect(positions.some((p) => p.categorie === "B" || p.categorie === "C"), `${o.name}: B or C`).toBe(true);
      const direction = o.collectiviteType === "DEPARTEMENT" || o.collectiviteType === "REGION" || o.population! >= (o.collectiviteType === "EPCI" ? 10_000 : 2000);
      if (direction) expect(positions.some((p) => p.emploiFonctionnel === "DGS" || p.emploiFonctionnel === "DGA"), `${o.name}: DGS or DGA`).toBe(true);
    }
  });

  it("come with cadres, grades, committee and criteria weighing 100", async () => {
    const positions = (await collectivites()).flatMap((o) => o.positions);
    for (const p of positions) {
      const cadres = JSON.parse(p.cadresEmplois) as string[];
      const grades = JSON.parse(p.grades) as string[];
      expect(cadres.length).toBeGreaterThan(0);
      for (const g of grades) expect(cadres.some((c) => getCadre(c)!.grades.includes(g)), g).toBe(true);
      expect(p.criteria.reduce((s, c) => s + c.weight, 0), p.title).toBe(100);
      expect(p.committee.length).toBeGreaterThanOrEqual(2);
      expect(p.committee.length).toBeLessThanOrEqual(4);
      for (const m of p.committee) expect(["CONTRIBUTE", "DECIDE", "EVALUATE"]).toContain(m.role);
      expect(p.missions.split("\n").length).toBeGreaterThan(2);
      expect(p.territory).not.toBe("");
      expect(p.projects).not.toBe("");
      expect(p.salaryMin).toBeLessThan(p.salaryMax!);
    }
  });

  it("tell their story: published ones open until a future deadline, drafts, an ended search, a confidential one", async () => {
    const positions = (await collectivites()).flatMap((o) => o.positions);
    const published = positions.filter((p) => p.state === "PUBLISHED");
    expect(published.length).toBeGreaterThan(positions.length / 2);
    for (const p of published) {
      expect(p.publishedAt!.getTime()).toBeLessThan(Date.now());
      expect(p.deadline!.getTime()).toBeGreaterThan(Date.now());
    }
    expect(positions.some((p) => p.state === "DRAFT")).toBe(true);
    expect(positions.some((p) => p.state === "FILLED" || p.state === "CLOSED")).toBe(true);
    expect(published.some((p) => p.confidential)).toBe(true);
    for (const p of positions) {
      const events = [...p.events].sort((a, b) => a.at.getTime() - b.at.getTime());
      expect(events[0]).toMatchObject({ fromState: null, toState: "DRAFT" });
      expect(events[events.length - 1].toState).toBe(p.state);
    }
  });

  it("entrust the confidential search and the demo DGS to consultant@'s cabinet", async () => {
    const cabinet = await db.organization.findUniqueOrThrow({ where: { officialKey: first.keys.firstCabinetKey }, include: { missions: { include: { position: true } } } });
    expect(cabinet.missions.some((m) => m.position.confidential)).toBe(true);
    expect(cabinet.missions.map((m) => m.positionId)).toContain(first.keys.demoDgsPositionId);
  });
});

describe("missions", () => {
  it("are staffed, briefed, and hold a shortlist at every stage for consultant@ to show", async () => {
    const missions = await db.mission.findMany({
      where: { cabinet: { officialKey: first.keys.firstCabinetKey } },
      include: { consultants: { include: { user: true } }, briefs: true, entries: { include: { events: true, profile: { include: { hiddenFrom: true } } } }, position: { include: { organization: true } } },
    });
    const demo = missions.find((m) => m.positionId === first.keys.demoDgsPositionId)!;
    expect(demo.consultants.map((c) => c.user.email)).toContain("consultant@vivier.test");
    expect(demo.consultants).toHaveLength(2);
    expect(demo.briefs.map((b) => b.version).sort()).toEqual([1, 2]);
    expect(demo.briefAgreedAt).not.toBeNull();
    for (const m of missions) {
      // A search still running (not the one filled through the cabinet, seed/presentations.ts) holds every stage.
      if (m.position.state !== "FILLED") expect(new Set(m.entries.map((e) => e.stage)).size, m.position.title).toBeGreaterThanOrEqual(6);
      for (const e of m.entries) {
        const events = [...e.events].sort((a, b) => a.at.getTime() - b.at.getTime());
        expect(events[events.length - 1].toStage).toBe(e.stage);
        expect(e.stageChangedAt.getTime()).toBe(events[events.length - 1].at.getTime());
        // Nobody on a list hides from the cabinet or its client.
        expect(e.profile?.hiddenFrom.map((h) => h.officialKey) ?? []).not.toContain(m.position.organization.officialKey);
      }
    }
    expect(demo.entries.some((e) => e.profileId === null && e.source === "MANUAL")).toBe(true);
    const demoCandidate = demo.entries.find((e) => e.profile && e.profile.pseudonym && e.source === "APPLICATION" && e.stage === "EVALUATED");
    expect(demoCandidate).toBeDefined();
    expect(await db.messageTemplate.count({ where: { cabinet: { officialKey: first.keys.firstCabinetKey } } })).toBeGreaterThanOrEqual(2);
  });
});

describe("applications", () => {
  it("are a few dozen, to public positions, never to an organisation the candidate hides from", async () => {
    const applications = await db.application.findMany({
      where: { profile: { user: { email: { in: first.keys.userEmails } } } },
      include: { position: { include: { organization: true } }, profile: { include: { hiddenFrom: true } } },
    });
    expect(applications.length).toBeGreaterThanOrEqual(24);
    expect(new Set(applications.map((a) => a.state)).size).toBeGreaterThanOrEqual(4);
    for (const a of applications) {
      expect(a.position.publishedAt).not.toBeNull();
      expect(a.position.confidential).toBe(false);
      expect(a.profile.hiddenFrom.map((h) => h.officialKey)).not.toContain(a.position.organization.officialKey);
    }
    expect(applications.some((a) => a.internalNote !== "")).toBe(true);
  });
});

describe("the demo evaluation", () => {
  it("puts candidat@ on the demo DGS search beyond intéressé, met, scored, with a referee and a consent waiting for her", async () => {
    const entry = await db.shortlistEntry.findFirstOrThrow({
      where: { profile: { user: { email: DEMO_ACCOUNTS.candidate } }, mission: { positionId: first.keys.demoDgsPositionId } },
      include: { interviews: true, scorecards: { include: { consultant: true } }, consents: true, events: { orderBy: { at: "asc" } }, profile: { include: { referees: true } } },
    });
    expect(entry.stage).toBe("EVALUATED");
    expect(entry.events.map((e) => e.toStage)).toEqual(["INTERESTED", "CABINET_INTERVIEW", "EVALUATED"]);
    expect(entry.interviews).toHaveLength(1);
    expect(entry.scorecards.map((s) => [s.consultant.email, s.total])).toEqual([[DEMO_ACCOUNTS.consultant, 79]]);
    expect(entry.profile!.referees).toHaveLength(1);
    expect(entry.consents.map((c) => [c.kind, c.answeredAt])).toEqual([["REFERENCES", null]]);
    expect(await db.auditEvent.count({ where: { profileId: entry.profileId, action: "IDENTITY_VIEW" } })).toBeGreaterThanOrEqual(3);
    // The story is over before the day the seed runs, after her application.
    const application = await db.application.findFirstOrThrow({ where: { profileId: entry.profileId!, positionId: first.keys.demoDgsPositionId } });
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    for (const d of [...entry.events.map((e) => e.at), entry.interviews[0]!.heldAt, entry.consents[0]!.requestedAt]) {
      expect(d.getTime()).toBeGreaterThanOrEqual(application.createdAt.getTime());
      expect(d.getTime()).toBeLessThan(today);
    }
  });
});

describe("the presentation's demo", () => {
  async function asUser(email: string) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    return (await getSessionUser(browser.get("/")))!;
  }

  it("presents two finalists to dgs@ on the DGS search, one scored by comite@, the committee account of that position only", async () => {
    const presentations = await db.presentation.findMany({ where: { positionId: first.keys.demoDgsPositionId }, include: { scores: true, consent: true } });
    expect(presentations).toHaveLength(2);
    expect(presentations.every((p) => p.consent.granted && !p.consent.withdrawnAt && !p.decision)).toBe(true);
    expect(presentations.flatMap((p) => p.scores)).toHaveLength(1);
    const comite = await db.user.findUniqueOrThrow({ where: { email: COMMITTEE_DEMO_EMAIL }, include: { committeeSeats: true } });
    expect(comite.role).toBe("COMMITTEE");
    expect(comite.organizationId).toBeNull();
    expect(comite.committeeSeats.map((s) => s.positionId)).toEqual([first.keys.demoDgsPositionId]);
    expect(await verifyPassword(DEMO_PASSWORD, comite.passwordHash)).toBe(true);
  });

  it("puts candidat@ évaluée on that search, named to the cabinet, ready to be asked her consent", async () => {
    const entry = await db.shortlistEntry.findFirstOrThrow({ where: { mission: { positionId: first.keys.demoDgsPositionId }, profile: { user: { email: DEMO_ACCOUNTS.candidate } } } });
    expect(entry.stage).toBe("EVALUATED");
  });

  it("gives consultant@ the one-month check-ins of a hire, due now", async () => {
    const due = await followUpsDue(await asUser(DEMO_ACCOUNTS.consultant), now);
    expect(due.map((f) => f.months)).toEqual([1, 1]);
    expect(due.every((f) => f.state === "due")).toBe(true);
  });

  it("writes no presentation row twice", async () => {
    expect(await db.presentation.count({ where: { positionId: first.keys.demoDgsPositionId } })).toBe(2);
    expect(await db.followUp.count({ where: { presentation: { entry: { mission: { cabinet: { officialKey: first.keys.firstCabinetKey } } } } } })).toBe(6);
  });
});

describe("the interviews and threads on applications (issue 15)", () => {
  const ofDemoCollectivite = () => ({ position: { organization: { officialKey: first.keys.demoCollectiviteKey } } });

  it("give dgs@ an interview fixed ahead with its thread, and slots waiting for another candidate", async () => {
    const interviews = await db.applicationInterview.findMany({ where: { application: ofDemoCollectivite() }, include: { slots: true, application: { include: { _count: { select: { messages: true } } } } } });
    const booked = interviews.find((i) => i.status === "BOOKED")!;
    expect(booked.application.state).toBe("INTERVIEW_BOOKED");
    expect(booked.startsAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(booked.application._count.messages).toBe(3);
    expect(JSON.parse(booked.panel)).toHaveLength(2);
    const proposed = interviews.find((i) => i.status === "PROPOSED")!;
    expect(proposed.application.state).toBe("INTERVIEW_PROPOSED");
    expect(proposed.slots).toHaveLength(2);
  });

  it("give candidat@ two slots to choose from, and the recruiter's message, on her application to Mende", async () => {
    const application = await db.application.findFirstOrThrow({
      where: { profile: { user: { email: DEMO_ACCOUNTS.candidate } }, state: "INTERVIEW_PROPOSED" },
      include: { interviews: { include: { slots: true } }, messages: true, position: { include: { organization: true } } },
    });
    expect(application.position.organization.name).toContain("Mende");
    expect(application.interviews[0]!.slots.every((s) => s.startsAt.getTime() > now.getTime())).toBe(true);
    expect(application.messages.map((m) => m.fromCandidate)).toEqual([false]);
    expect(application.messages[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(application.createdAt.getTime());
  });

  it("writes them once", async () => {
    expect(await db.applicationInterview.count({ where: { application: { profile: { user: { email: { in: first.keys.candidateEmails } } } } } })).toBe(3);
    expect(await db.applicationMessage.count({ where: { application: { profile: { user: { email: { in: first.keys.candidateEmails } } } } } })).toBe(4);
  });
});
