import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addOneMonth, noticeGaps, tooShortOnline, type NoticeFields } from "~/domain/vacancy-notice";
import { NOTICE_CSV_COLUMNS } from "~/domain/vacancy-notice.server";
import { loader as noticeCsvLoader } from "~/routes/employeur.postes.$id_.declaration[.csv]";
import { loader as noticeLoader } from "~/routes/employeur.postes.$id_.declaration";
import { loader as positionLoader } from "~/routes/employeur.postes.$id";
import { loader as editLoader } from "~/routes/employeur.postes.$id_.modifier";
import { action as createAction } from "~/routes/employeur.postes.nouveau";
import { todayInFrance } from "~/schemas/position";
import { db } from "~/utils/db.server";
import { Browser, call, createCabinet, createUser } from "../helpers/http";

// ---------------------------------------------------------------------------------------------
// Test data

const RENNES = "35238";

async function employer() {
  const tag = randomBytes(5).toString("hex");
  const organization = await db.organization.create({
    data: { kind: "COLLECTIVITE", name: `Commune ${tag}`, officialKey: `TEST-${tag}`, siren: "213502388", collectiviteType: "COMMUNE", communeCode: RENNES, population: 5000 },
  });
  const user = await createUser("EMPLOYER", { organizationId: organization.id });
  const browser = await Browser.create();
  await browser.signInAs(user.id);
  return { organization, user, browser };
}

async function signedIn(role: "CANDIDATE" | "CONSULTANT", organizationId?: string) {
  const user = await createUser(role, { organizationId });
  const browser = await Browser.create();
  await browser.signInAs(user.id);
  return { user, browser };
}

function dayFromToday(days: number): string {
  const d = new Date(`${todayInFrance()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Fields = Record<string, string | string[]>;

/** A position form with a complete vacancy notice, as the browser posts it. */
function noticeForm(overrides: Fields = {}): Fields {
  return {
    title: "Directeur des finances (H/F)",
    filiere: "administrative",
    categorie: "A",
    cadresEmplois: ["attaches"],
    grades: ["Attaché principal"],
    emploiFonctionnel: "",
    strate: "",
    openToTitulaires: "on",
    openToContractuels: "on",
    fullTime: "true",
    hoursPerWeek: "",
    communeCode: RENNES,
    startDate: dayFromToday(90),
    deadline: dayFromToday(45),
    missions: "Préparer et exécuter le budget, piloter la dette et la fiscalité, conseiller les élus.",
    housing: "NONE",
    "committee.0.name": "Claire Dupont",
    "committee.0.function": "Maire",
    "committee.0.role": "DECIDE",
    "criteria.0.label": "Finances",
    "criteria.0.weight": "100",
    vacancyReason: "VACANCE",
    vacancyCause: "RETRAITE",
    metierCode: "direction-finances",
    workplace: "Hôtel de ville, 1 place de la Mairie",
    applicationsTo: "Madame la Maire, Hôtel de ville, 1 place de la Mairie, ou rh@commune.test",
    contractGround: "L332-8-2",
    ...overrides,
  };
}

async function createThroughForm(browser: Browser, overrides: Fields = {}): Promise<string> {
  const res = await call(createAction, browser.post("/employeur/postes/nouveau", noticeForm(overrides)));
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
}

type Gap = { field: string; label: string };
const positionPage = async (browser: Browser, id: string) => {
  const res = await call(positionLoader, browser.get(`/employeur/postes/${id}`), { id });
  expect(res.status).toBe(200);
  return ((await res.json()) as { notice: { gaps: Gap[]; tooShortOnline: boolean } }).notice;
};

// ---------------------------------------------------------------------------------------------

describe("the position carries what its vacancy notice must state", () => {
  it("saves the notice's fields from the editor and gives them back to it", async () => {
    const e = await employer();
    const id = await createThroughForm(e.browser);
    const row = await db.position.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      vacancyReason: "VACANCE", vacancyCause: "RETRAITE", versant: "TERRITORIALE", metierCode: "direction-finances",
      workplace: "Hôtel de ville, 1 place de la Mairie", contractGround: "L332-8-2",
    });
    const edit = await call(editLoader, e.browser.get(`/employeur/postes/${id}/modifier`), { id });
    const { values } = (await edit.json()) as { values: Record<string, unknown> };
    expect(values).toMatchObject({ vacancyReason: "VACANCE", vacancyCause: "RETRAITE", metierCode: "direction-finances", contractGround: "L332-8-2" });
    expect((await positionPage(e.browser, id)).gaps).toEqual([]);
  });

  it("keeps a cause only for a vacance, and a legal ground only for a post open to contractuels", async () => {
    const e = await employer();
    const id = await createThroughForm(e.browser, { vacancyReason: "CREATION", openToContractuels: [] as unknown as string[] });
    const row = await db.position.findUniqueOrThrow({ where: { id } });
    expect(row.vacancyCause).toBeNull();
    expect(row.contractGround).toBeNull();
  });

  it("refuses a métier, a reason or a legal ground that is not in the lists, and writes nothing", async () => {
    const e = await employer();
    const before = await db.position.count({ where: { organizationId: e.organization.id } });
    const res = await call(createAction, e.browser.post("/employeur/postes/nouveau", noticeForm({ metierCode: "astronaute", vacancyReason: "CAPRICE", contractGround: "L999" })));
    expect(res.status).toBe(400);
    const { fieldErrors } = (await res.json()) as { fieldErrors: Record<string, string> };
    expect(fieldErrors.metierCode).toMatch(/métier/);
    expect(fieldErrors.vacancyReason).toMatch(/motif/);
    expect(fieldErrors.contractGround).toMatch(/fondement/);
    expect(await db.position.count({ where: { organizationId: e.organization.id } })).toBe(before);
  });
});

describe("the checklist flags each missing field before publication, in French, with a link to it", () => {
  const cases: Array<[string, Fields, string]> = [
    ["the reason of the vacancy", { vacancyReason: "" }, "vacancyReason"],
    ["the cause of a vacance", { vacancyCause: "" }, "vacancyCause"],
    ["the cadres d'emplois", { cadresEmplois: [], grades: [], openToTitulaires: [] as unknown as string[] }, "cadresEmplois"],
    ["the métier", { metierCode: "" }, "metierCode"],
    ["the workplace", { workplace: "" }, "workplace"],
    ["the date the post is free", { startDate: "" }, "startDate"],
    ["who receives the applications", { applicationsTo: "" }, "applicationsTo"],
    ["the deadline", { deadline: "" }, "deadline"],
    ["the legal ground of a contractual recruitment", { contractGround: "" }, "contractGround"],
  ];
  for (const [what, overrides, field] of cases) {
    it(`flags ${what}`, async () => {
      const e = await employer();
      const id = await createThroughForm(e.browser, overrides);
      const { gaps } = await positionPage(e.browser, id);
      expect(gaps.map((g) => g.field)).toEqual([field]);
      expect(gaps[0]!.label).toMatch(/^Indiquez|^Choisissez/);
    });
  }

  it("flags missions too short to describe the post (the pure rule: the editor already refuses them)", () => {
    const complete: NoticeFields = {
      title: "Poste", vacancyReason: "CREATION", vacancyCause: null, cadresEmplois: ["attaches"], grades: [], emploiFonctionnel: null,
      metierCode: "accueil", missions: "Accueillir le public et tenir l’état civil de la commune.", workplace: "Mairie", communeCode: RENNES,
      startDate: "2027-01-01", deadline: "2026-12-01", applicationsTo: "Le maire", openToContractuels: false, contractGround: null,
    };
    expect(noticeGaps(complete)).toEqual([]);
    expect(noticeGaps({ ...complete, missions: "À définir" }).map((g) => g.field)).toEqual(["missions"]);
  });

  it("points each line at a field of the editor (the e2e test follows one of these links)", async () => {
    const { emptyPositionValues } = await import("~/schemas/position");
    const fields = Object.keys(emptyPositionValues());
    const every: NoticeFields = {
      title: "Poste", vacancyReason: "VACANCE", vacancyCause: null, cadresEmplois: [], grades: [], emploiFonctionnel: null, metierCode: null,
      missions: "", workplace: "", communeCode: RENNES, startDate: null, deadline: null, applicationsTo: "", openToContractuels: true, contractGround: null,
    };
    const gaps = noticeGaps(every);
    expect(gaps).toHaveLength(9);
    for (const g of gaps) expect(fields, g.field).toContain(g.field);
  });
});

describe("the warning of an offer online for less than one month", () => {
  it("counts one calendar month, the 31st of a shorter month being its last day", () => {
    expect(addOneMonth("2026-12-15")).toBe("2027-01-15");
    expect(addOneMonth("2027-01-31")).toBe("2027-02-28");
    expect(tooShortOnline({ deadline: "2027-01-14", publishedOn: "2026-12-15", today: "2027-01-10" })).toBe(true);
    expect(tooShortOnline({ deadline: "2027-01-15", publishedOn: "2026-12-15", today: "2027-01-10" })).toBe(false);
    expect(tooShortOnline({ deadline: null, publishedOn: null, today: "2027-01-10" })).toBe(false);
  });

  it("warns on a draft whose deadline is less than a month away, not on one a month and a half away", async () => {
    const e = await employer();
    const soon = await createThroughForm(e.browser, { deadline: dayFromToday(20) });
    const later = await createThroughForm(e.browser, { deadline: dayFromToday(45) });
    expect((await positionPage(e.browser, soon)).tooShortOnline).toBe(true);
    expect((await positionPage(e.browser, later)).tooShortOnline).toBe(false);
  });

  it("counts from the publication for a published offer", async () => {
    const e = await employer();
    const id = await createThroughForm(e.browser, { deadline: dayFromToday(25) });
    // Published ten days ago: online 35 days before its deadline.
    await db.position.update({ where: { id }, data: { state: "PUBLISHED", publishedAt: new Date(Date.now() - 10 * 24 * 3600 * 1000) } });
    expect((await positionPage(e.browser, id)).tooShortOnline).toBe(false);
    await db.position.update({ where: { id }, data: { publishedAt: new Date() } });
    expect((await positionPage(e.browser, id)).tooShortOnline).toBe(true);
  });
});

describe("the vacancy notice, printable and as a CSV row", () => {
  it("gives the printable notice to the position's collectivité", async () => {
    const e = await employer();
    const id = await createThroughForm(e.browser);
    const res = await call(noticeLoader, e.browser.get(`/employeur/postes/${id}/declaration`), { id });
    expect(res.status).toBe(200);
    const { notice } = (await res.json()) as { notice: Record<string, unknown> };
    expect(notice).toMatchObject({
      title: "Directeur des finances (H/F)", versant: "Fonction publique territoriale", reason: "Vacance d’emploi (départ de l’agent)",
      cause: "Départ à la retraite", metier: "Directeur ou directrice des finances", cadres: ["Attachés territoriaux"], gaps: [],
    });
    expect(String(notice.contractGround)).toMatch(/^Article L332-8, 2° du CGFP/);
  });

  it("writes the CSV columns in the order the README documents, then the notice's row", async () => {
    const e = await employer();
    const id = await createThroughForm(e.browser);
    const res = await call(noticeCsvLoader, e.browser.get(`/employeur/postes/${id}/declaration.csv`), { id });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A BOM, so that a French spreadsheet reads the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, ...rest] = parse(new TextDecoder().decode(bytes), { delimiter: ";" }) as string[][];
    expect(rest).toEqual([]);
    const columns = [
      "Collectivité", "SIREN", "Département", "Versant", "Intitulé du poste", "Métier (Répertoire des métiers territoriaux)", "Filière",
      "Catégorie", "Cadres d’emplois", "Grades", "Emploi fonctionnel", "Motif de la vacance", "Cause de la vacance", "Ouvert aux titulaires",
      "Ouvert aux contractuels", "Fondement du recrutement contractuel", "Temps de travail", "Lieu de travail", "Commune (code INSEE)",
      "Date de vacance du poste", "Date de publication", "Date limite de candidature", "Destinataire des candidatures", "Missions", "Référence Vivier",
    ];
    expect(header).toEqual(columns);
    expect(NOTICE_CSV_COLUMNS.map(([h]) => h)).toEqual(columns);
    const value = (name: string) => row![columns.indexOf(name)];
    expect(value("Collectivité")).toBe(e.organization.name);
    expect(value("SIREN")).toBe("213502388");
    expect(value("Département")).toBe("Ille-et-Vilaine (35)");
    expect(value("Métier (Répertoire des métiers territoriaux)")).toBe("Directeur ou directrice des finances");
    expect(value("Motif de la vacance")).toBe("Vacance d’emploi (départ de l’agent)");
    expect(value("Ouvert aux contractuels")).toBe("Oui");
    expect(value("Commune (code INSEE)")).toBe(RENNES);
    const deadline = dayFromToday(45);
    expect(value("Date limite de candidature")).toBe(`${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`);
    expect(value("Date de publication")).toBe("");
    expect(value("Destinataire des candidatures")).toBe("Madame la Maire, Hôtel de ville, 1 place de la Mairie, ou rh@commune.test");
    expect(value("Référence Vivier")).toBe(id);
  });

  it("answers 404 to another collectivité's employer, and 403 to a candidate or a consultant (another space)", async () => {
    const e = await employer();
    const id = await createThroughForm(e.browser);
    const other = await employer();
    for (const [loader, path] of [[noticeLoader, `/employeur/postes/${id}/declaration`], [noticeCsvLoader, `/employeur/postes/${id}/declaration.csv`]] as const) {
      const res = await call(loader, other.browser.get(path), { id });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("Directeur des finances");
      // A guessed id is the same « introuvable » as another's.
      expect((await call(loader, e.browser.get(path), { id: "c0000000000000000000000000" })).status).toBe(404);
    }
    const candidate = await signedIn("CANDIDATE");
    const consultant = await signedIn("CONSULTANT", (await createCabinet()).id);
    for (const who of [candidate, consultant]) {
      expect((await call(noticeLoader, who.browser.get(`/employeur/postes/${id}/declaration`), { id })).status).toBe(403);
      expect((await call(noticeCsvLoader, who.browser.get(`/employeur/postes/${id}/declaration.csv`), { id })).status).toBe(403);
    }
  });
});
