import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousCard,
  cardKey,
  cardSteps,
  functionFamily,
  K_ANONYMITY,
  wideArea,
  type AnonymousCard,
  type QuasiFacts,
} from "~/access/anonymous-card";
import { anonymousPoolWhere } from "~/access/rules";
import { listCommunes } from "~/reference/territory.server";
import { CADRES } from "~/reference/statute";
import { loader as vivierLoader } from "~/routes/cabinet.vivier";
import { db } from "~/utils/db.server";
import { buildSeedPlan, seed } from "../../prisma/seed";
import { COMMITTEE_DEMO_EMAIL } from "../../prisma/seed/presentations";
import { quasiFacts, refreshAnonymousSteps, startAnonymousStepsTimer } from "../../search/anonymous-steps";
import { action as profileAction } from "~/routes/candidat.profil._index";
import { action as visibilityAction } from "~/routes/candidat.profil.visibilite";
import { body, signedInCandidate, validProfileFields } from "../helpers/candidate-requests";
import { candidateDocument, candidateDocumentInclude } from "../../search/documents";
import { enqueue } from "../../search/outbox";
import { applySettings } from "../../search/settings";
import { call } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { candidate, consultant, pushToIndex, tag } from "./talent-fixtures";
import { Prisma } from "~/generated/prisma/client";

/**
 * The gate's rule 14 (docs/decisions/110-anonymous-card-k-anonymity.md): no combination shown on
 * an anonymous card matches fewer than K anonymous profiles of the whole pool. Checked with a
 * yardstick of its own (does a profile fit what a card says, fact by fact), over the pool in
 * the database once the demo is seeded, and over a generated pool of 100,000.
 */

type Facts = QuasiFacts & { id: string };

/** How many profiles of the pool fit a card; the family of each profile is computed once. */
function fitCounter(pool: readonly Facts[]) {
  const families = pool.map((p) => functionFamily(p.currentFunction));
  const areas = pool.map((p) => wideArea(p.regionCode));
  return (card: AnonymousCard): number => {
    const e = card.experience;
    let n = 0;
    for (let i = 0; i < pool.length; i++) {
      const p = pool[i];
      if (card.functionFamily !== null && families[i] !== card.functionFamily) continue;
      if (card.status !== null && p.status !== card.status) continue;
      if (card.filiere !== null && p.filiere !== card.filiere) continue;
      if (card.categorie !== null && p.categorie !== card.categorie) continue;
      if (card.cadreEmplois !== null && p.cadreEmplois !== card.cadreEmplois) continue;
      if (e !== null && (p.yearsExperience === null || p.yearsExperience < e.fromYears || (e.toYears !== null && p.yearsExperience > e.toYears))) continue;
      if (card.departementCode !== null && p.departementCode !== card.departementCode) continue;
      if (card.regionCode !== null && p.regionCode !== card.regionCode) continue;
      if (card.area !== null && areas[i] !== card.area) continue;
      n++;
    }
    return n;
  };
}

/** Distinct cards shown, each with one profile that shows it. */
function distinctCards(pool: readonly Facts[], steps: ReadonlyMap<string, number | null>): Map<string, AnonymousCard> {
  const cards = new Map<string, AnonymousCard>();
  for (const p of pool) {
    const card = anonymousCard(p, steps.get(p.id));
    const key = `${card.step}:${cardKey(card)}`;
    if (!cards.has(key)) cards.set(key, card);
  }
  return cards;
}

async function anonymousPoolFromDb(): Promise<Array<Facts & { anonymousStep: number | null }>> {
  const rows = await db.candidateProfile.findMany({
    where: anonymousPoolWhere,
    select: { id: true, anonymousStep: true, currentFunction: true, status: true, filiere: true, categorie: true, cadreEmplois: true, yearsExperience: true, homeCommuneCode: true },
  });
  return rows.map((r) => ({ id: r.id, anonymousStep: r.anonymousStep, ...quasiFacts(r) }));
}

const MENDE = "48095"; // Lozère
const GUERET = "23096"; // Creuse

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("a profile alone in its département", () => {
  it("shows on its anonymous card neither its département nor its title, grade or years, in the search page's data", async () => {
    const { browser } = await consultant();
    const word = `lozerien${tag()}`;
    const lone = await candidate({
      visibility: "ANONYMOUS",
      currentFunction: "Directrice générale des services",
      cadreEmplois: "attaches",
      grade: "Attaché principal",
      yearsExperience: 17,
      homeCommuneCode: MENDE,
      competencies: [word, "Finances locales"],
    });
    await pushToIndex({ pass: true });
    // The precondition: no other anonymous profile of the pool shows her finest card (the same
    // family, statute, band of experience, in Lozère). Other test files put profiles in Lozère
    // (another function), which the rule counts apart.
    const pool = await anonymousPoolFromDb();
    const finest = cardKey(anonymousCard(pool.find((p) => p.id === lone.profile.id)!, 0));
    expect(pool.filter((p) => cardKey(anonymousCard(p, 0)) === finest).map((p) => p.id)).toEqual([lone.profile.id]);

    const res = await call(vivierLoader, browser.get(`/cabinet/vivier?q=${word}`));
    const text = await res.text();
    const hit = (JSON.parse(text) as { result: { hits: Array<Record<string, unknown>> } }).result.hits.find((h) => h.id === lone.profile.id)!;
    expect(hit).toMatchObject({
      visibility: "ANONYMOUS",
      currentFunction: null,
      grade: null,
      yearsExperience: null,
      departementCode: null,
      departementName: null,
      homeCommuneName: null,
      distanceKm: null,
    });
    expect(hit.experienceBand === null || /ans/.test(String(hit.experienceBand))).toBe(true);
    // Whatever step the pool allows, nothing exact is in the page's data.
    for (const exact of ["Directrice générale des services", "Attaché principal", "Lozère", "Mende", MENDE, "\"yearsExperience\":17", lone.profile.userId]) {
      expect(text).not.toContain(exact);
    }
    // And the card is the one the gate gives for the step stored.
    const row = await db.candidateProfile.findUniqueOrThrow({ where: { id: lone.profile.id }, include: candidateDocumentInclude });
    const card = anonymousCard(quasiFacts(row), row.anonymousStep);
    expect(card.departementCode).toBeNull();
    expect(card.functionFamily === null || card.functionFamily === "Direction générale").toBe(true);
    expect(hit.functionFamily).toBe(card.functionFamily);
    expect(hit.regionCode).toBe(card.regionCode);
    expect(hit.cadreEmplois).toBe(card.cadreEmplois);
  });

  it("cannot be found by a fact its card hides (its title, its département)", async () => {
    const { browser } = await consultant();
    const word = `gevaudan${tag()}`;
    const lone = await candidate({ visibility: "ANONYMOUS", currentFunction: `Responsable ${word}`, homeCommuneCode: MENDE, competencies: ["Urbanisme"] });
    await pushToIndex();
    const found = async (query: string) => {
      const res = await call(vivierLoader, browser.get(`/cabinet/vivier?${query}`));
      return ((await res.json()) as { result: { hits: Array<{ id: string }> } }).result.hits.map((h) => h.id);
    };
    expect(await found(`q=${word}`)).not.toContain(lone.profile.id);
    expect(await found(`departement=48&q=Urbanisme`)).not.toContain(lone.profile.id);
    await db.candidateProfile.delete({ where: { id: lone.profile.id } });
  });
});

describe("the steps are computed by a pass over the pool, never by the outbox's drain", () => {
  type Hit = { id: string; departementCode: string | null; regionCode: string | null; functionFamily: string | null; cadreEmplois: string | null };
  const hitsFor = async (word: string): Promise<Hit[]> => {
    const { browser } = await consultant();
    const res = await call(vivierLoader, browser.get(`/cabinet/vivier?q=${word}`));
    return ((await res.json()) as { result: { hits: Hit[] } }).result.hits;
  };

  it("shows a new profile at the last step until the pass, then at the step its class allows; a departure coarsens the others at the next pass", async () => {
    const word = `creusois${tag()}`;
    // Five with the same facts: a class of five at the finest step, whatever else the pool holds.
    const same = { visibility: "ANONYMOUS" as const, currentFunction: "Directeur des services techniques", status: "CONTRACTUEL", filiere: "technique", categorie: "A", cadreEmplois: "ingenieurs", yearsExperience: 23, homeCommuneCode: GUERET, competencies: [word] };
    const five: Array<Awaited<ReturnType<typeof candidate>>> = [];
    for (let i = 0; i < 5; i++) five.push(await candidate(same));
    const ids = five.map((c) => c.profile.id).sort();
    await pushToIndex();
    // The drain sent them without computing anything: no step stored, the last step shown.
    expect((await db.candidateProfile.findMany({ where: { id: { in: ids } } })).map((p) => p.anonymousStep)).toEqual([null, null, null, null, null]);
    let hits = await hitsFor(word);
    expect(hits.map((h) => h.id).sort()).toEqual(ids);
    for (const h of hits) expect(h).toMatchObject({ departementCode: null, regionCode: null, functionFamily: null, cadreEmplois: null });

    // The pass stores their step and sends their documents through the outbox.
    let visible: Awaited<ReturnType<typeof candidate>> | undefined;
    const timer = startAnonymousStepsTimer({ db, intervalMs: 60 * 60 * 1000, log: { warn: () => {} } });
    try {
      const moved = await timer.runNow();
      expect(moved).toBeGreaterThanOrEqual(5);
      expect(await db.searchOutbox.count({ where: { indexName: "candidates", entityId: { in: ids } } })).toBe(5);
      // Nothing changed in the pool since: the next pass does not compute.
      expect(await timer.runNow()).toBeNull();
      // Nor after a visible profile's edit: the pool is the same (under load, a pass for every
      // visible edit held the outbox worker's process back for a second each minute).
      visible = await candidate({ ...same, visibility: "VISIBLE", competencies: ["Voirie"] });
      await db.candidateProfile.update({ where: { id: visible.profile.id }, data: { summary: "Vingt ans de services techniques." } });
      expect(await timer.runNow()).toBeNull();
      await pushToIndex();
      expect((await db.candidateProfile.findMany({ where: { id: { in: ids } } })).map((p) => p.anonymousStep)).toEqual([0, 0, 0, 0, 0]);
      hits = await hitsFor(word);
      for (const h of hits) expect(h).toMatchObject({ departementCode: "23", functionFamily: "Services techniques", cadreEmplois: "ingenieurs" });

      // One leaves: four cannot show Creuse any more, once the next pass has run.
      await db.$transaction(async (tx) => {
        await enqueue(tx, "candidates", five[0].profile.id);
        await tx.user.delete({ where: { id: five[0].user.id } });
      });
      expect(await timer.runNow()).toBeGreaterThanOrEqual(4);
      await pushToIndex();
      hits = await hitsFor(word);
      expect(hits).toHaveLength(4);
      const pool = await anonymousPoolFromDb();
      const fits = fitCounter(pool);
      for (const h of hits) {
        expect(h.departementCode).toBeNull();
        const row = pool.find((p) => p.id === h.id)!;
        expect(fits(anonymousCard(row, row.anonymousStep))).toBeGreaterThanOrEqual(K_ANONYMITY);
      }
    } finally {
      await timer.stop();
      await db.user.deleteMany({ where: { id: { in: [...five.map((c) => c.user.id), ...(visible ? [visible.user.id] : [])] } } });
    }
  });

  it("forgets a profile's step when its card at that step changes (a move to another département, a change of visibility), not for a new summary", async () => {
    const { browser, user } = await signedInCandidate();
    const fields = validProfileFields();
    expect((await body<{ ok: boolean }>(await call(profileAction, browser.post("/candidat/profil", fields)))).ok).toBe(true);
    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "ANONYMOUS" }));
    const step = async () => (await db.candidateProfile.findUniqueOrThrow({ where: { userId: user.id } })).anonymousStep;
    const setStep = (value: number) => db.candidateProfile.update({ where: { userId: user.id }, data: { anonymousStep: value } });

    await setStep(0);
    await call(profileAction, browser.post("/candidat/profil", { ...fields, summary: "Vingt ans de finances locales." }));
    expect(await step()).toBe(0);
    await call(profileAction, browser.post("/candidat/profil", { ...fields, homeCommuneCode: "13055" }));
    expect(await step()).toBeNull();

    // At the step of the région, a move within the région changes nothing on the card.
    await setStep(1);
    await call(profileAction, browser.post("/candidat/profil", { ...fields, homeCommuneCode: "13001" }));
    expect(await step()).toBe(1);

    await setStep(0);
    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "VISIBLE" }));
    expect(await step()).toBeNull();
    await db.user.delete({ where: { id: user.id } });
  });
});

describe("every anonymous card over the seeded pool", () => {
  const now = new Date();
  let preexisting: { emails: Set<string>; keys: Set<string> };

  beforeAll(async () => {
    const { plan } = buildSeedPlan(now);
    const emails = [...plan.users, ...plan.candidates.map((c) => c.user)].map((u) => u.email);
    const keys = plan.organizations.map((o) => o.officialKey);
    preexisting = {
      emails: new Set((await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email)),
      keys: new Set((await db.organization.findMany({ where: { officialKey: { in: keys } }, select: { officialKey: true } })).map((o) => o.officialKey)),
    };
    await seed(db, { now });
    await refreshAnonymousSteps(db);
  }, 120_000);

  afterAll(async () => {
    const { plan } = buildSeedPlan(now);
    const emails = [...plan.users, ...plan.candidates.map((c) => c.user)].map((u) => u.email).filter((e) => !preexisting.emails.has(e));
    const keys = plan.organizations.map((o) => o.officialKey).filter((k) => !preexisting.keys.has(k));
    await db.user.deleteMany({ where: { email: { in: [...emails, COMMITTEE_DEMO_EMAIL] } } });
    await db.organization.deleteMany({ where: { officialKey: { in: keys } } });
    await refreshAnonymousSteps(db);
  }, 60_000);

  it("fits at least K anonymous profiles of the pool, for the step stored", async () => {
    const pool = await anonymousPoolFromDb();
    expect(pool.length).toBeGreaterThan(100);
    const fits = fitCounter(pool);
    const cards = distinctCards(pool, new Map(pool.map((p) => [p.id, p.anonymousStep])));
    for (const card of cards.values()) expect(fits(card), JSON.stringify(card)).toBeGreaterThanOrEqual(K_ANONYMITY);
    // A step is stored for every one of them.
    expect(pool.every((p) => p.anonymousStep !== null)).toBe(true);
  });

  it("writes into the index only the card of each anonymous profile", async () => {
    const rows = await db.candidateProfile.findMany({ where: anonymousPoolWhere, include: candidateDocumentInclude, take: 500 });
    for (const row of rows) {
      const doc = candidateDocument(row)!;
      const card = anonymousCard(quasiFacts(row), row.anonymousStep);
      expect(doc).toMatchObject({ currentFunction: null, grade: null, yearsExperience: null, homeCommuneName: null, functionFamily: card.functionFamily, cadreEmplois: card.cadreEmplois, departementCode: card.departementCode, regionCode: card.regionCode });
      expect(doc.name).toBeUndefined();
    }
  });
});

describe("every anonymous card over a generated pool of 100,000 (and 20,000 through the database)", () => {
  // A deterministic pool with the skews of real life: most people in a few cadres and
  // functions, départements of every size (communes drawn uniformly, so a département's share
  // is its number of communes), and Lozère left empty but for one directrice.
  function generate(n: number): Array<Facts & { communeCode: string }> {
    let seedValue = 20261202;
    const random = () => {
      seedValue = (seedValue + 0x6d2b79f5) | 0;
      let t = Math.imul(seedValue ^ (seedValue >>> 15), 1 | seedValue);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const skewed = <T,>(list: readonly T[]) => list[Math.floor(list.length * random() ** 2)];
    const communes = listCommunes().filter((c) => c.departementCode !== "48");
    const titles = ["Secrétaire de mairie", "Agent d'accueil", "Responsable des finances", "Directeur général des services", "Technicien voirie", "Responsable des ressources humaines", "Bibliothécaire", "Policier municipal", "Juriste marchés publics", "Chargé de mission urbanisme", "Auxiliaire de puériculture", "Directrice des systèmes d'information"];
    const cadres = CADRES.slice(0, 40);
    const pool: Array<Facts & { communeCode: string }> = [];
    for (let i = 0; i < n; i++) {
      const commune = communes[Math.floor(random() * communes.length)];
      const cadre = skewed(cadres);
      pool.push({
        id: `g${i}`,
        currentFunction: random() < 0.05 ? null : skewed(titles),
        status: skewed(["TITULAIRE", "CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"]),
        filiere: cadre.filiere,
        categorie: cadre.categorie,
        cadreEmplois: cadre.code,
        yearsExperience: random() < 0.03 ? null : Math.floor(random() * 40),
        departementCode: commune.departementCode,
        regionCode: commune.regionCode,
        communeCode: commune.code,
      });
    }
    pool.push({ id: "lone", currentFunction: "Directrice générale des services", status: "TITULAIRE", filiere: "administrative", categorie: "A", cadreEmplois: "attaches", yearsExperience: 17, departementCode: "48", regionCode: "76", communeCode: MENDE });
    return pool;
  }

  it("fits at least K profiles for every card shown, and hides the lone directrice's département", () => {
    const pool = generate(100_000);
    const steps = cardSteps(pool);
    expect(steps.size).toBe(pool.length);
    const cards = distinctCards(pool, steps);
    const fits = fitCounter(pool);
    // Every distinct card of a coarsened profile (the thin cases), and a sample of the others.
    const list = [...cards.values()];
    const thin = list.filter((c) => c.step > 0);
    const sample = list.filter((c) => c.step === 0).filter((_, i) => i % 50 === 0);
    expect(thin.length).toBeGreaterThan(0);
    for (const card of [...thin.slice(0, 1500), ...sample]) expect(fits(card), JSON.stringify(card)).toBeGreaterThanOrEqual(K_ANONYMITY);

    const lone = anonymousCard(pool.at(-1)!, steps.get("lone"));
    expect(lone.departementCode).toBeNull();
    expect(lone.functionFamily === null || lone.functionFamily === "Direction générale").toBe(true);
    expect(fits(lone)).toBeGreaterThanOrEqual(K_ANONYMITY);
  }, 120_000);

  // Through the database on 20,000 profiles: 100,000 took more than two minutes here (the
  // insert, Prisma reading the pool twice, the check), on a machine the whole suite shares; the
  // rule itself is checked on 100,000 above, in memory, with the same code.
  it("stores, through the database, a step for each of 20,000 generated profiles that fits at least K of them", async () => {
    const pool = generate(20_000);
    const prefix = `gen${tag()}`;
    // A fast insert: many rows a statement, one transaction; the dates copied from a row Prisma
    // wrote, so that they read back as Prisma writes them.
    const template = await candidate({ visibility: "HIDDEN" });
    const t = template.user.id;
    const BATCH = 2000;
    try {
      await db.$transaction(
        async (tx) => {
          for (let i = 0; i < pool.length; i += BATCH) {
            const slice = pool.slice(i, i + BATCH);
            const users = slice.map((p) => Prisma.sql`(${`${prefix}-${p.id}`}, ${`${prefix}-${p.id}@gen.vivier.test`})`);
            await tx.$executeRaw`INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "createdAt")
              SELECT v.column1, v.column2, 'Généré', 'CANDIDATE', 'x', t."createdAt" FROM (VALUES ${Prisma.join(users)}) v, "User" t WHERE t."id" = ${t}`;
            const profiles = slice.map((p) => Prisma.sql`(${`${prefix}-${p.id}`}, ${`${prefix}-${p.id}`}, ${p.status}, ${p.filiere}, ${p.categorie}, ${p.cadreEmplois}, ${p.currentFunction}, ${p.yearsExperience}, ${p.communeCode})`);
            await tx.$executeRaw`INSERT INTO "CandidateProfile" ("id", "userId", "pseudonym", "visibility", "status", "filiere", "categorie", "cadreEmplois", "currentFunction", "yearsExperience", "homeCommuneCode", "summary", "willingToRelocate", "needsHousing", "lastActivityAt", "createdAt", "updatedAt")
              SELECT v.column1, v.column1, v.column2, 'ANONYMOUS', v.column3, v.column4, v.column5, v.column6, v.column7, CAST(v.column8 AS INTEGER), v.column9, '', t."willingToRelocate", t."needsHousing", t."lastActivityAt", t."createdAt", t."updatedAt"
              FROM (VALUES ${Prisma.join(profiles)}) v, "CandidateProfile" t WHERE t."userId" = ${t}`;
          }
        },
        { timeout: 600_000 },
      );
      await refreshAnonymousSteps(db);
      const stored = await anonymousPoolFromDb();
      const generated = stored.filter((p) => p.id.startsWith(prefix));
      expect(generated).toHaveLength(pool.length);
      expect(generated.every((p) => p.anonymousStep !== null)).toBe(true);
      const fits = fitCounter(stored);
      const list = [...distinctCards(stored, new Map(stored.map((p) => [p.id, p.anonymousStep]))).values()];
      const thin = list.filter((c) => c.step > 0);
      const sample = list.filter((c) => c.step === 0).filter((_, i) => i % 50 === 0);
      expect(thin.length).toBeGreaterThan(0);
      for (const card of [...thin.slice(0, 1500), ...sample]) expect(fits(card), JSON.stringify(card)).toBeGreaterThanOrEqual(K_ANONYMITY);
      const lone = generated.find((p) => p.id === `${prefix}-lone`)!;
      expect(anonymousCard(lone, lone.anonymousStep).departementCode).toBeNull();
    } finally {
      await db.$executeRaw`DELETE FROM "CandidateProfile" WHERE "id" LIKE ${`${prefix}-%`}`;
      await db.$executeRaw`DELETE FROM "User" WHERE "id" LIKE ${`${prefix}-%`}`;
      await db.user.delete({ where: { id: t } });
      await refreshAnonymousSteps(db);
    }
  }, 600_000);
});
