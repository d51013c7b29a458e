import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { JsonLd } from "~/components/positions/JsonLd";
import { todayInFrance } from "~/schemas/position";
import { loader as communesLoader } from "~/routes/api.communes";
import { action as positionAction, loader as positionLoader } from "~/routes/employeur.postes.$id";
import { action as editAction, loader as editLoader } from "~/routes/employeur.postes.$id_.modifier";
import { loader as listLoader } from "~/routes/employeur.postes._index";
import { action as createAction } from "~/routes/employeur.postes.nouveau";
import { loader as offerLoader } from "~/routes/offres.$id";
import { loader as offersLoader } from "~/routes/offres._index";
import { db } from "~/utils/db.server";
import { searchErrorCode } from "../../search/client";
import { drainOutbox } from "../../search/outbox";
import { applySettings } from "../../search/settings";
import { Browser, call, createCabinet, createUser } from "../helpers/http";
import { searchClient } from "../helpers/meili";

// ---------------------------------------------------------------------------------------------
// Test data: each test builds its own collectivités and employers.

const RENNES = "35238";

async function createCollectivite(name = "Commune") {
  const tag = randomBytes(5).toString("hex");
  return db.organization.create({
    data: { kind: "COLLECTIVITE", name: `${name} ${tag}`, officialKey: `TEST-${tag}`, collectiviteType: "COMMUNE", communeCode: RENNES, population: 5000 },
  });
}

/** A signed-in employer of a fresh collectivité. */
async function employer(name?: string) {
  const organization = await createCollectivite(name);
  const user = await createUser("EMPLOYER", { organizationId: organization.id });
  const browser = await Browser.create();
  await browser.signInAs(user.id);
  return { organization, user, browser };
}

function dayFromToday(days: number): string {
  const d = new Date(`${todayInFrance()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Fields = Record<string, string | string[]>;

/** A complete position form, as the browser posts it (with a spare blank line per list). */
function positionForm(overrides: Fields = {}): Fields {
  return {
    title: "Directeur général des services (H/F)",
    filiere: "administrative",
    categorie: "A",
    cadresEmplois: ["attaches"],
    grades: ["Attaché principal", "Attaché hors classe"],
    emploiFonctionnel: "DGS",
    strate: "2 000 à 10 000 habitants",
    openToTitulaires: "on",
    fullTime: "true",
    hoursPerWeek: "",
    communeCode: RENNES,
    startDate: dayFromToday(90),
    deadline: dayFromToday(30),
    missions: "Diriger l’ensemble des services et piloter le projet de mandat avec les élus.",
    "competencies.0.label": "Finances locales",
    "competencies.0.level": "INDISPENSABLE",
    "competencies.1.label": "",
    "competencies.1.level": "IMPORTANT",
    teamSize: "45",
    budgetManaged: "8 500 000",
    salaryMin: "48 000",
    salaryMax: "58000",
    ifse: "900",
    cia: "1500",
    nbiPoints: "",
    benefits: ["CNAS", "MUTUELLE"],
    housing: "NAS",
    housingHelp: "on",
    rentT3: "650",
    stationDistanceKm: "12,5",
    stationTimeMin: "15",
    publicTransport: "Car régional toutes les heures vers la gare.",
    remoteDays: "1",
    relocationHelp: "on",
    territory: "Deux écoles, une maison de santé, le bocage à perte de vue.",
    projects: "Rénovation de l’école, nouvelle médiathèque.",
    "committee.0.name": "Claire Dupont",
    "committee.0.function": "Maire",
    "committee.0.role": "DECIDE",
    "committee.1.name": "Marc Leroy",
    "committee.1.function": "Adjoint aux finances",
    "committee.1.role": "EVALUATE",
    "committee.2.name": "",
    "committee.2.function": "",
    "committee.2.role": "",
    "criteria.0.label": "Management",
    "criteria.0.weight": "60",
    "criteria.1.label": "Finances",
    "criteria.1.weight": "40",
    "criteria.2.label": "",
    "criteria.2.weight": "",
    ...overrides,
  };
}

async function createThroughForm(browser: Browser, overrides: Fields = {}): Promise<string> {
  const res = await call(createAction, browser.post("/employeur/postes/nouveau", positionForm(overrides)));
  expect(res.status).toBe(302);
  const location = res.headers.get("Location") ?? "";
  const match = location.match(/^\/employeur\/postes\/([^/?]+)\?ok=cree$/);
  expect(match, location).not.toBeNull();
  return match![1];
}

async function act(browser: Browser, id: string, intent: string, extra: Fields = {}) {
  return call(positionAction, browser.post(`/employeur/postes/${id}`, { intent, ...extra }), { id });
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function outboxCount(id: string) {
  return db.searchOutbox.count({ where: { indexName: "positions", entityId: id } });
}

// ---------------------------------------------------------------------------------------------

describe("creating and editing a position", () => {
  it("creates a draft with its territorial context, committee and criteria, dated and signed", async () => {
    const { user, organization, browser } = await employer();
    const id = await createThroughForm(browser);

    const position = await db.position.findUniqueOrThrow({ where: { id }, include: { committee: { orderBy: { sort: "asc" } }, criteria: { orderBy: { sort: "asc" } }, events: true } });
    expect(position).toMatchObject({
      organizationId: organization.id, createdById: user.id, state: "DRAFT", confidential: false,
      salaryMin: 48000, salaryMax: 58000, budgetManaged: 8_500_000, housing: "NAS", housingHelp: true, rentT3: 650,
      stationDistanceKm: 12.5, stationTimeMin: 15, remoteDays: 1, relocationHelp: true, spouseJobHelp: false,
      communeCode: RENNES, emploiFonctionnel: "DGS",
    });
    expect(JSON.parse(position.competencies)).toEqual([{ label: "Finances locales", level: "INDISPENSABLE" }]);
    expect(JSON.parse(position.grades)).toEqual(["Attaché principal", "Attaché hors classe"]);
    expect(position.committee.map((m) => [m.name, m.role])).toEqual([["Claire Dupont", "DECIDE"], ["Marc Leroy", "EVALUATE"]]);
    expect(position.criteria.map((c) => [c.label, c.weight])).toEqual([["Management", 60], ["Finances", 40]]);
    expect(position.events).toMatchObject([{ fromState: null, toState: "DRAFT", userId: user.id }]);
    expect(await outboxCount(id)).toBeGreaterThan(0);
  });

  it("refuses invalid input next to each field, writes nothing and gives back what was typed", async () => {
    const { organization, browser } = await employer();
    const res = await call(createAction, browser.post("/employeur/postes/nouveau", positionForm({
      "criteria.1.weight": "30",
      salaryMin: "60000",
      salaryMax: "50000",
      deadline: dayFromToday(-1),
      communeCode: "99999",
      grades: ["Attaché principal", "Grand vizir"],
    })));
    expect(res.status).toBe(400);
    const body = await json<{ fieldErrors: Record<string, string>; values: Record<string, unknown> }>(res);
    expect(body.fieldErrors).toMatchObject({
      criteria: expect.stringContaining("totaliser 100"),
      salaryMax: expect.stringContaining("supérieure ou égale"),
      deadline: expect.stringContaining("passée"),
      communeCode: expect.stringContaining("liste officielle"),
      grades: expect.stringContaining("Grand vizir"),
    });
    expect(body.values).toMatchObject({ title: "Directeur général des services (H/F)", salaryMin: "60000", rentT3: "650", housing: "NAS" });
    expect((body.values.criteria as unknown[])[0]).toEqual({ label: "Management", weight: "60" });
    expect(await db.position.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("edits a position through the same action and form values, dated and signed", async () => {
    const { browser } = await employer();
    const id = await createThroughForm(browser);

    const form = await call(editLoader, browser.get(`/employeur/postes/${id}/modifier`), { id });
    const { values, communeLabel } = await json<{ values: Record<string, unknown>; communeLabel: string }>(form);
    expect(values).toMatchObject({ title: "Directeur général des services (H/F)", salaryMin: "48000", stationDistanceKm: "12.5" });
    expect(communeLabel).toBe("Rennes (35)");

    const res = await call(editAction, browser.post(`/employeur/postes/${id}/modifier`, positionForm({
      title: "DGS — commune nouvelle", housing: "NONE", "criteria.0.weight": "50", "criteria.1.weight": "50", "committee.1.name": "",
      "committee.1.function": "", "committee.1.role": "",
    })), { id });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/employeur/postes/${id}?ok=enregistre`);
    const position = await db.position.findUniqueOrThrow({ where: { id }, include: { committee: true, criteria: true } });
    expect(position.title).toBe("DGS — commune nouvelle");
    expect(position.housing).toBe("NONE");
    expect(position.committee).toHaveLength(1);
    expect(position.criteria.map((c) => c.weight)).toEqual([50, 50]);
    const events = await db.positionEvent.findMany({ where: { positionId: id } });
    expect(events).toHaveLength(2);
    expect(events).toContainEqual(expect.objectContaining({ fromState: "DRAFT", toState: "DRAFT", userId: position.createdById }));
  });

  it("refuses a form without its CSRF token, writing nothing", async () => {
    const { organization, browser } = await employer();
    const res = await call(createAction, browser.post("/employeur/postes/nouveau", positionForm(), { withCsrf: false }));
    expect(res.status).toBe(403);
    expect(await db.position.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});

describe("the life of a position", () => {
  it("publishes, then closes, each change dated and signed, and follows it in the search index", async () => {
    const { user, browser } = await employer();
    const id = await createThroughForm(browser);
    const client = searchClient();
    await applySettings(client);

    const published = await act(browser, id, "publish");
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe(`/employeur/postes/${id}?ok=publish`);
    expect(await db.position.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "PUBLISHED", publishedAt: expect.any(Date) });
    expect((await drainOutbox({ db, client })).failed).toBe(0);
    expect(await client.index("positions").getDocument(id)).toMatchObject({ id, title: "Directeur général des services (H/F)" });

    expect((await act(browser, id, "close")).status).toBe(302);
    const events = await db.positionEvent.findMany({ where: { positionId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.fromState, e.toState, e.userId])).toEqual([
      [null, "DRAFT", user.id], ["DRAFT", "PUBLISHED", user.id], ["PUBLISHED", "CLOSED", user.id],
    ]);
    expect((await drainOutbox({ db, client })).failed).toBe(0);
    await expect(client.index("positions").getDocument(id)).rejects.toSatisfy((e: unknown) => searchErrorCode(e) === "document_not_found");

    // A closed position is not published again, nor edited.
    expect((await act(browser, id, "publish")).status).toBe(409);
    expect((await call(editAction, browser.post(`/employeur/postes/${id}/modifier`, positionForm({ title: "Encore" })), { id })).status).toBe(409);
    expect((await db.position.findUniqueOrThrow({ where: { id } })).title).toBe("Directeur général des services (H/F)");
  });

  it("marks a published position filled and ends its missions", async () => {
    const { browser } = await employer();
    const cabinet = await createCabinet();
    const id = await createThroughForm(browser);
    await act(browser, id, "publish");
    expect((await act(browser, id, "mandate", { cabinetId: cabinet.id })).status).toBe(302);
    expect((await act(browser, id, "fill")).status).toBe(302);
    expect((await db.position.findUniqueOrThrow({ where: { id } })).state).toBe("FILLED");
    expect((await db.mission.findFirstOrThrow({ where: { positionId: id } })).status).toBe("CLOSED");
  });

  it("does not start a search without a committee member who decides", async () => {
    const { browser } = await employer();
    const id = await createThroughForm(browser, { "committee.0.role": "CONTRIBUTE" });
    const res = await act(browser, id, "publish");
    expect(res.status).toBe(400);
    expect((await json<{ error: string }>(res)).error).toMatch(/au moins une personne qui décide/);
    expect((await db.position.findUniqueOrThrow({ where: { id } })).state).toBe("DRAFT");
  });

  it("duplicates a position into a new draft with its committee and criteria", async () => {
    const { browser } = await employer();
    const id = await createThroughForm(browser);
    await act(browser, id, "publish");
    const res = await act(browser, id, "duplicate");
    expect(res.status).toBe(302);
    const copyId = (res.headers.get("Location") ?? "").match(/^\/employeur\/postes\/([^/?]+)\?ok=duplique$/)?.[1];
    expect(copyId).toBeTruthy();
    const copy = await db.position.findUniqueOrThrow({ where: { id: copyId! }, include: { committee: true, criteria: true } });
    expect(copy).toMatchObject({ state: "DRAFT", title: "Directeur général des services (H/F) (copie)", publishedAt: null, housing: "NAS" });
    expect(copy.committee).toHaveLength(2);
    expect(copy.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it("mandates a cabinet, which creates a mission, and refuses an organisation that is not a cabinet", async () => {
    const { user, browser } = await employer();
    const cabinet = await createCabinet();
    const other = await createCollectivite("Pas un cabinet");
    const id = await createThroughForm(browser, { confidential: "on" });

    expect((await act(browser, id, "mandate", { cabinetId: other.id })).status).toBe(400);
    const res = await act(browser, id, "mandate", { cabinetId: cabinet.id });
    expect(res.headers.get("Location")).toBe(`/employeur/postes/${id}?ok=mandate`);
    expect(await db.mission.findMany({ where: { positionId: id } })).toMatchObject([{ cabinetId: cabinet.id, status: "ACTIVE", createdById: user.id }]);
    expect((await act(browser, id, "mandate", { cabinetId: cabinet.id })).status).toBe(409);

    const page = await json<{ position: { missions: Array<{ cabinetName: string; status: string }> } }>(await call(positionLoader, browser.get(`/employeur/postes/${id}`), { id }));
    expect(page.position.missions).toEqual([expect.objectContaining({ cabinetName: cabinet.name, status: "ACTIVE" })]);
  });

  it("deletes a draft that was never published", async () => {
    const { browser } = await employer();
    const id = await createThroughForm(browser);
    const res = await act(browser, id, "delete");
    expect(res.headers.get("Location")).toBe("/employeur/postes?ok=supprime");
    expect(await db.position.count({ where: { id } })).toBe(0);
  });
});

describe("another collectivité's position", () => {
  it("answers 404 on read and on every write, and changes nothing", async () => {
    const owner = await employer("Propriétaire");
    const intruder = await employer("Voisine");
    const cabinet = await createCabinet();
    const id = await createThroughForm(owner.browser);
    const before = await db.position.findUniqueOrThrow({ where: { id } });

    expect((await call(positionLoader, intruder.browser.get(`/employeur/postes/${id}`), { id })).status).toBe(404);
    expect((await call(editLoader, intruder.browser.get(`/employeur/postes/${id}/modifier`), { id })).status).toBe(404);
    expect((await call(editAction, intruder.browser.post(`/employeur/postes/${id}/modifier`, positionForm({ title: "Piraté" })), { id })).status).toBe(404);
    expect((await call(editAction, intruder.browser.post(`/employeur/postes/${id}/modifier`, { title: "" }), { id })).status).toBe(404);
    for (const [intent, extra] of [["publish", {}], ["close", {}], ["duplicate", {}], ["delete", {}], ["mandate", { cabinetId: cabinet.id }]] as const) {
      expect((await act(intruder.browser, id, intent, extra)).status, intent).toBe(404);
    }

    const after = await db.position.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual(before);
    expect(await db.mission.count({ where: { positionId: id } })).toBe(0);
    expect(await db.position.count({ where: { organizationId: intruder.organization.id } })).toBe(0);
  });
});

describe("the list of positions", () => {
  it("sorts, filters and paginates in the database, with the count of applications", async () => {
    const { browser } = await employer();
    const titles = ["Agent d’accueil", "Bibliothécaire", "Chef de cuisine", "Directeur des finances", "Éducateur sportif"];
    const ids: string[] = [];
    for (const title of titles) ids.push(await createThroughForm(browser, { title }));
    await act(browser, ids[1], "publish");
    await act(browser, ids[3], "publish");
    const candidate = await createUser("CANDIDATE");
    const profile = await db.candidateProfile.create({ data: { userId: candidate.id, pseudonym: `Candidat-${randomBytes(4).toString("hex")}` } });
    await db.application.create({ data: { profileId: profile.id, positionId: ids[3] } });

    type Page = { rows: Array<{ id: string; title: string; state: string; applications: number }>; total: number; params: { page: number; size: number } };
    const list = async (query: string) => json<Page>(await call(listLoader, browser.get(`/employeur/postes?${query}`)));

    const byTitle = await list("sort=title&dir=asc&size=10&page=1");
    expect(byTitle.total).toBe(5);
    expect(byTitle.rows.map((r) => r.title)).toEqual(titles);

    const reversed = await list("sort=title&dir=desc&size=10&page=1");
    expect(reversed.rows[0].title).toBe("Éducateur sportif");
    const pageTwo = await list("sort=title&dir=asc&size=10&page=2");
    expect(pageTwo.rows).toEqual([]);

    const published = await list("state=PUBLISHED&sort=title&dir=asc");
    expect(published.rows.map((r) => r.title)).toEqual(["Bibliothécaire", "Directeur des finances"]);

    const byApplications = await list("sort=applications&dir=desc");
    expect(byApplications.rows[0]).toMatchObject({ id: ids[3], applications: 1 });

    const search = await list("q=cuisine");
    expect(search.rows.map((r) => r.id)).toEqual([ids[2]]);
    // Whatever the case typed, on SQLite and on PostgreSQL alike.
    expect((await list("q=CUISINE")).rows.map((r) => r.id)).toEqual([ids[2]]);

    // A page size the table does not offer falls back to the default; a page past the end is empty.
    const odd = await list("size=7&page=99");
    expect(odd.params.size).toBe(20);
    expect(odd.rows).toEqual([]);
  });

  it("sorts by the number of applications it shows, so that the order reveals no hidden or withdrawn application", async () => {
    const { organization, browser } = await employer();
    const a = await createThroughForm(browser, { title: "Poste A" });
    const b = await createThroughForm(browser, { title: "Poste B" });
    const others: string[] = [];
    for (let i = 0; i < 9; i++) others.push(await createThroughForm(browser, { title: `Autre poste ${i}` }));
    const applicant = async (hidesFromEmployer: boolean) => {
      const user = await createUser("CANDIDATE");
      return db.candidateProfile.create({
        data: {
          userId: user.id,
          pseudonym: `Candidat-${randomBytes(4).toString("hex")}`,
          ...(hidesFromEmployer ? { hiddenFrom: { create: { officialKey: organization.officialKey, name: organization.name } } } : {}),
        },
      });
    };
    // A: one application the employer sees. B: two from candidates who hide from the
    // collectivité, and one withdrawn: the employer sees none of them.
    await db.application.create({ data: { profileId: (await applicant(false)).id, positionId: a } });
    for (let i = 0; i < 2; i++) await db.application.create({ data: { profileId: (await applicant(true)).id, positionId: b } });
    await db.application.create({ data: { profileId: (await applicant(false)).id, positionId: b, state: "WITHDRAWN", withdrawnAt: new Date() } });

    type Page = { rows: Array<{ id: string; applications: number }>; total: number };
    const list = async (query: string) => json<Page>(await call(listLoader, browser.get(`/employeur/postes?sort=applications&${query}`)));
    // At an equal count, the most recently updated first: B, the oldest of the zeros, comes last of them.
    const zeros = (await db.position.findMany({ where: { id: { in: others } }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], select: { id: true } })).map((p) => p.id);

    const desc = [...(await list("dir=desc&size=10&page=1")).rows, ...(await list("dir=desc&size=10&page=2")).rows];
    expect(desc.map((r) => r.id)).toEqual([a, ...zeros, b]);
    expect(desc.find((r) => r.id === a)!.applications).toBe(1);
    expect(desc.find((r) => r.id === b)!.applications).toBe(0);

    const firstAsc = await list("dir=asc&size=10&page=1");
    expect(firstAsc.total).toBe(11);
    expect(firstAsc.rows).toHaveLength(10);
    const asc = [...firstAsc.rows, ...(await list("dir=asc&size=10&page=2")).rows];
    expect(asc.map((r) => r.id)).toEqual([...zeros, b, a]);
    expect((await list("dir=asc&size=10&page=3")).rows).toEqual([]);
  });

  it("never lists another collectivité's positions", async () => {
    const a = await employer();
    const b = await employer();
    await createThroughForm(a.browser, { title: "Poste de A" });
    const page = await json<{ rows: Array<{ title: string }>; total: number }>(await call(listLoader, b.browser.get("/employeur/postes")));
    expect(page.total).toBe(0);
  });
});

describe("public offers", () => {
  let published = "";
  let confidential = "";
  let draft = "";
  let closed = "";
  let filled = "";
  // A word of every title here and nowhere else, to find these offers among all the others.
  const tag = `zq${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    const { browser } = await employer("Publique");
    published = await createThroughForm(browser, { title: `Responsable des services techniques ${tag}` });
    confidential = await createThroughForm(browser, { title: `DGS confidentiel ${tag}`, confidential: "on" });
    draft = await createThroughForm(browser, { title: `Brouillon ${tag}` });
    closed = await createThroughForm(browser, { title: `Clos ${tag}` });
    filled = await createThroughForm(browser, { title: `Pourvu ${tag}` });
    for (const id of [published, confidential, closed, filled]) await act(browser, id, "publish");
    await act(browser, closed, "close");
    await act(browser, filled, "fill");
  });

  it("shows a published offer with its context and a valid JobPosting JSON-LD", async () => {
    const res = await call(offerLoader, new Request(`http://localhost/offres/${published}`), { id: published });
    expect(res.status).toBe(200);
    const { offer, jsonLd } = await json<{ offer: Record<string, unknown>; jsonLd: unknown }>(res);
    expect(offer).toMatchObject({ title: `Responsable des services techniques ${tag}`, housing: "NAS", rentT3: 650, remoteDays: 1, salaryMin: 48000 });
    expect("committee" in offer).toBe(false);

    const html = renderToStaticMarkup(createElement(JsonLd, { data: jsonLd }));
    const script = html.match(/^<script type="application\/ld\+json">(.*)<\/script>$/s)?.[1];
    expect(script).toBeTruthy();
    const parsed = JSON.parse(script!) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: `Responsable des services techniques ${tag}`,
      hiringOrganization: { "@type": "Organization", name: expect.stringContaining("Publique") },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: "Rennes", addressCountry: "FR" } },
      baseSalary: { "@type": "MonetaryAmount", currency: "EUR", value: { "@type": "QuantitativeValue", minValue: 48000, maxValue: 58000, unitText: "YEAR" } },
      datePosted: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      validThrough: dayFromToday(30),
      employmentType: "FULL_TIME",
    });
  });

  it("cannot break out of its script element, whatever the offer says", () => {
    const html = renderToStaticMarkup(createElement(JsonLd, { data: { title: "</script><script>alert(1)</script>" } }));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(html.replace(/^<script[^>]*>|<\/script>$/g, ""))).toEqual({ title: "</script><script>alert(1)</script>" });
  });

  it("answers 404 for a draft, a confidential search, a closed and a filled position", async () => {
    for (const id of [draft, confidential, closed, filled, "nope"]) {
      expect((await call(offerLoader, new Request(`http://localhost/offres/${id}`), { id })).status, id).toBe(404);
    }
  });

  it("lists only the published, non-confidential offer at /offres", async () => {
    const client = searchClient();
    await applySettings(client);
    expect((await drainOutbox({ db, client })).failed).toBe(0);
    const res = await call(offersLoader, new Request(`http://localhost/offres?q=${tag}`));
    expect(res.status).toBe(200);
    const page = await json<{ result: { hits: Array<{ id: string }> } }>(res);
    expect(page.result.hits.map((h) => h.id)).toEqual([published]);
  });
});

describe("the commune picker's resource", () => {
  it("answers communes by name, with their INSEE code", async () => {
    const res = await call(communesLoader, new Request("http://localhost/api/communes?q=renne"));
    const communes = await json<Array<{ code: string; name: string; departementCode: string; postalCode: string | null }>>(res);
    expect(communes[0]).toMatchObject({ code: RENNES, name: "Rennes", departementCode: "35" });
    expect(communes.length).toBeLessThanOrEqual(10);
    expect(await json<unknown[]>(await call(communesLoader, new Request("http://localhost/api/communes?q=r")))).toEqual([]);
  });
});
