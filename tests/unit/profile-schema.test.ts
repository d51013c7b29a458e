import { describe, expect, it } from "vitest";
import {
  fieldErrors, formValues, profileFormState, profileSchema, submittedFormState, visibilitySchema,
} from "~/schemas/profile";
import { applicationSchema } from "~/schemas/application";

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

const complete = {
  status: "TITULAIRE",
  cadreEmplois: "attaches",
  grade: "Attaché principal",
  currentFunction: "Directrice des finances",
  yearsExperience: "12",
  "previousPosts.0.title": "Responsable du budget",
  "previousPosts.0.employer": "Ville de Vienne",
  "previousPosts.0.from": "2012",
  "previousPosts.0.to": "2018",
  "previousPosts.1.title": "",
  "previousPosts.1.employer": "",
  "previousPosts.1.from": "",
  "previousPosts.1.to": "",
  "diplomas.0.title": "Master finances publiques",
  "diplomas.0.year": "2010",
  competencies: "Prospective financière\nDette, M57\n\nDette",
  wishedCategories: ["A", "A+"],
  wishedFilieres: "administrative",
  homeCommuneCode: "69123",
  maxDistanceKm: "60",
  willingToRelocate: "on",
  salaryExpectation: "52 000",
  remoteDaysWished: "2",
  availableFrom: "2031-01-15",
};

function errorsOf(fields: Record<string, string | string[]>) {
  const parsed = profileSchema.safeParse(formValues(form(fields)));
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("the profile schema", () => {
  it("turns a complete posted form into what the profile stores", () => {
    const parsed = profileSchema.parse(formValues(form(complete)));
    expect(parsed).toMatchObject({
      status: "TITULAIRE",
      cadreEmplois: "attaches",
      filiere: "administrative",
      categorie: "A",
      grade: "Attaché principal",
      yearsExperience: 12,
      previousPosts: [{ title: "Responsable du budget", employer: "Ville de Vienne", from: 2012, to: 2018 }],
      diplomas: [{ title: "Master finances publiques", year: 2010 }],
      competencies: ["Prospective financière", "Dette", "M57"],
      wishedCategories: ["A", "A+"],
      wishedFilieres: ["administrative"],
      homeCommuneCode: "69123",
      maxDistanceKm: 60,
      willingToRelocate: true,
      needsHousing: false,
      salaryExpectation: 52000,
      remoteDaysWished: 2,
      currentEmployerKey: null,
    });
    expect(parsed.availableFrom?.toISOString()).toBe("2031-01-15T00:00:00.000Z");
  });

  it("accepts what react-hook-form holds as well as what a posted form sends", () => {
    const parsed = profileSchema.parse({
      ...profileFormState(null),
      status: "PRIVE",
      willingToRelocate: true,
      wishedCategories: ["B"],
      previousPosts: [{ title: "", employer: "", from: "", to: "" }],
    });
    expect(parsed.willingToRelocate).toBe(true);
    expect(parsed.wishedCategories).toEqual(["B"]);
    expect(parsed.previousPosts).toEqual([]);
    expect(parsed.cadreEmplois).toBeNull();
  });

  it("refuses a negative salary with a French message", () => {
    expect(errorsOf({ ...complete, salaryExpectation: "-1000" }).salaryExpectation).toBe("Le salaire souhaité ne peut pas être négatif.");
  });

  it("refuses a salary that is not a number", () => {
    expect(errorsOf({ ...complete, salaryExpectation: "beaucoup" }).salaryExpectation).toMatch(/en chiffres/);
  });

  it("refuses a commune code that is not an INSEE code", () => {
    expect(errorsOf({ ...complete, homeCommuneCode: "Lyon" }).homeCommuneCode).toMatch(/Choisissez une commune/);
  });

  it("accepts the Corsican INSEE codes", () => {
    expect(profileSchema.parse(formValues(form({ ...complete, homeCommuneCode: "2a004" }))).homeCommuneCode).toBe("2A004");
  });

  it("refuses a grade of another cadre d'emplois", () => {
    expect(errorsOf({ ...complete, grade: "Ingénieur principal" }).grade).toMatch(/n’appartient pas au cadre d’emplois/);
  });

  it("asks a titulaire for their cadre d'emplois", () => {
    expect(errorsOf({ ...complete, cadreEmplois: "", grade: "" }).cadreEmplois).toMatch(/titulaire/);
  });

  it("refuses an unknown status", () => {
    expect(errorsOf({ ...complete, status: "ELU" }).status).toBe("Choisissez votre statut.");
  });

  it("refuses a distance without a commune to count it from", () => {
    expect(errorsOf({ ...complete, homeCommuneCode: "" }).homeCommuneCode).toMatch(/distance/);
  });

  it("refuses an impossible date", () => {
    expect(errorsOf({ ...complete, availableFrom: "2031-02-30" }).availableFrom).toMatch(/date valide/);
  });

  it("refuses more than five remote days a week", () => {
    expect(errorsOf({ ...complete, remoteDaysWished: "6" }).remoteDaysWished).toMatch(/5 jours/);
  });

  it("points at the row and field of a bad previous post", () => {
    const errors = errorsOf({ ...complete, "previousPosts.1.employer": "Ville de Lyon", "previousPosts.0.to": "2001" });
    expect(errors["previousPosts.1.title"]).toMatch(/intitulé du poste/);
    expect(errors["previousPosts.0.to"]).toMatch(/fin doit suivre/);
  });

  it("refuses an unknown catégorie", () => {
    expect(errorsOf({ ...complete, wishedCategories: ["Z"] }).wishedCategories).toMatch(/catégories/);
  });
});

describe("reading a posted form", () => {
  it("ignores the CSRF field, files and names it does not expect", () => {
    const f = form({ csrf: "x", status: "PRIVE", "a.b.c.d": "x", "__proto__.polluted": "x" });
    f.append("cv", new File(["%PDF-"], "cv.pdf"));
    const values = formValues(f);
    expect(values).toEqual({ status: "PRIVE" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("gives back what was typed after a refusal, rows included", () => {
    const state = submittedFormState(formValues(form({ ...complete, salaryExpectation: "-5" })));
    expect(state.salaryExpectation).toBe("-5");
    expect(state.previousPosts[0].title).toBe("Responsable du budget");
    expect(state.wishedCategories).toEqual(["A", "A+"]);
    expect(state.willingToRelocate).toBe(true);
  });

  it("shows a stored profile with a spare blank row to fill", () => {
    const state = profileFormState({
      ...profileSchemaDefaults(),
      previousPosts: [{ title: "DGS", employer: "Ville", from: 2010, to: null }],
    });
    expect(state.previousPosts).toEqual([
      { title: "DGS", employer: "Ville", from: "2010", to: "" },
      { title: "", employer: "", from: "", to: "" },
    ]);
  });
});

describe("the other candidate forms", () => {
  it("knows only the three visibilities", () => {
    expect(visibilitySchema.safeParse({ visibility: "ANONYMOUS" }).success).toBe(true);
    expect(visibilitySchema.safeParse({ visibility: "PUBLIC" }).success).toBe(false);
  });

  it("asks for a letter of some substance", () => {
    const parsed = applicationSchema.safeParse({ letter: "  Bonjour  " });
    expect(parsed.success).toBe(false);
    expect(parsed.success ? "" : fieldErrors(parsed.error).letter).toMatch(/20 caractères/);
  });
});

function profileSchemaDefaults() {
  return {
    status: null, cadreEmplois: null, grade: null, currentEmployerKey: null, currentEmployerName: null,
    currentFunction: null, yearsExperience: null, previousPosts: [], diplomas: [], competencies: [], languages: [],
    summary: "", wishedFunctions: [], wishedFilieres: [], wishedCategories: [], homeCommuneCode: null,
    maxDistanceKm: null, willingToRelocate: false, needsHousing: false, salaryExpectation: null,
    remoteDaysWished: null, availableFrom: null,
  };
}
