import { describe, expect, it } from "vitest";
import {
  emptyPositionValues,
  formDataToPositionValues,
  makePositionSchema,
  positionFieldErrors,
  withSpareRows,
  type PositionFormValues,
} from "~/schemas/position";

const TODAY = "2030-03-15";
const schema = makePositionSchema({ today: () => TODAY, knownCommune: (code) => ["35238", "2A004"].includes(code) });

function valid(): PositionFormValues {
  return {
    ...emptyPositionValues(),
    title: "Directeur général des services",
    filiere: "administrative",
    categorie: "A",
    cadresEmplois: ["attaches"],
    grades: ["Attaché principal"],
    emploiFonctionnel: "DGS",
    strate: "2 000 à 10 000 habitants",
    communeCode: "35238",
    startDate: "2030-06-01",
    deadline: "2030-04-30",
    missions: "Diriger les services de la commune et piloter le projet de mandat.",
    competencies: [{ label: "Finances locales", level: "INDISPENSABLE" }],
    salaryMin: "45 000",
    salaryMax: "55000",
    housing: "NAS",
    remoteDays: "1",
    committee: [{ name: "Claire Dupont", function: "Maire", role: "DECIDE" }],
    criteria: [{ label: "Management", weight: "60" }, { label: "Finances", weight: "40" }],
  };
}

function errorsOf(values: PositionFormValues) {
  const parsed = schema.safeParse(values);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : positionFieldErrors(parsed.error);
}

describe("the position schema", () => {
  it("accepts a complete DGS position and types it for the database", () => {
    const parsed = schema.safeParse(valid());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data).toMatchObject({
      salaryMin: 45000, salaryMax: 55000, remoteDays: 1, fullTime: true, hoursPerWeek: null,
      emploiFonctionnel: "DGS", housing: "NAS",
      criteria: [{ label: "Management", weight: 60 }, { label: "Finances", weight: 40 }],
    });
    expect(parsed.data.deadline?.toISOString()).toBe("2030-04-30T12:00:00.000Z");
  });

  it("ignores the blank spare lines of the lists", () => {
    const parsed = schema.safeParse(withSpareRows(valid()));
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data.committee).toHaveLength(1);
      expect(parsed.data.criteria).toHaveLength(2);
      expect(parsed.data.competencies).toHaveLength(1);
    }
  });

  it("refuses criteria whose weights do not sum to 100", () => {
    const errors = errorsOf({ ...valid(), criteria: [{ label: "Management", weight: "60" }, { label: "Finances", weight: "30" }] });
    expect(errors.criteria).toBe("Les poids des critères doivent totaliser 100 (total actuel : 90).");
  });

  it("refuses a minimum salary above the maximum", () => {
    expect(errorsOf({ ...valid(), salaryMin: "60000", salaryMax: "50000" }).salaryMax).toMatch(/supérieure ou égale/);
  });

  it("refuses a deadline in the past but accepts today", () => {
    expect(errorsOf({ ...valid(), deadline: "2030-03-14" }).deadline).toMatch(/passée/);
    expect(schema.safeParse({ ...valid(), deadline: TODAY }).success).toBe(true);
  });

  it("refuses a commune that is not in the official list", () => {
    expect(errorsOf({ ...valid(), communeCode: "99999" }).communeCode).toMatch(/liste officielle/);
    expect(errorsOf({ ...valid(), communeCode: "Rennes" }).communeCode).toMatch(/Choisissez la commune/);
    expect(schema.safeParse({ ...valid(), communeCode: "2a004" }).success).toBe(true);
  });

  it("refuses an unknown grade, and a grade outside the chosen cadres", () => {
    expect(errorsOf({ ...valid(), grades: ["Grand vizir"] }).grades).toMatch(/Grade inconnu/);
    expect(errorsOf({ ...valid(), grades: ["Ingénieur principal"] }).grades).toMatch(/n’appartient à aucun/);
  });

  it("refuses an unknown cadre d’emplois and a position for titulaires without any", () => {
    expect(errorsOf({ ...valid(), cadresEmplois: ["mousquetaires"], grades: [] }).cadresEmplois).toMatch(/inconnu/);
    expect(errorsOf({ ...valid(), cadresEmplois: [], grades: [] }).cadresEmplois).toMatch(/au moins un cadre/);
    expect(schema.safeParse({ ...valid(), emploiFonctionnel: "", strate: "", cadresEmplois: [], grades: [], openToTitulaires: false, openToContractuels: true }).success).toBe(true);
  });

  it("refuses a filière and a catégorie that the cadres d’emplois contradict, with a French message", () => {
    const technical = errorsOf({ ...valid(), emploiFonctionnel: "", strate: "", filiere: "technique", categorie: "C", grades: [] });
    expect(technical.categorie).toBe("Le cadre d’emplois « Attachés territoriaux » est de catégorie A : la catégorie du poste doit être A (pas C), ou retirez ce cadre d’emplois.");
    expect(errorsOf({ ...valid(), filiere: "technique", grades: [] }).filiere).toMatch(/filière administrative : choisissez cette filière \(pas technique\)/);
    // A DGS post may be open to attachés and ingénieurs: the filière is one of theirs.
    expect(schema.safeParse({ ...valid(), cadresEmplois: ["attaches", "ingenieurs"], grades: [] }).success).toBe(true);
    expect(errorsOf({ ...valid(), categorie: "B", cadresEmplois: [], grades: [], openToTitulaires: false, openToContractuels: true, strate: "plus de 400 000 habitants" }).categorie).toMatch(/emploi fonctionnel est de catégorie A/);
  });

  it("fills an emploi fonctionnel by détachement, and opens it to contractuels only above 40,000 inhabitants", () => {
    expect(errorsOf({ ...valid(), openToContractuels: true }).openTo).toMatch(/par détachement d’un fonctionnaire.*40 000 habitants/);
    expect(schema.safeParse({ ...valid(), openToContractuels: true, strate: "40 000 à 80 000 habitants" }).success).toBe(true);
    const departement = makePositionSchema({ today: () => "2030-01-01", employer: { type: "DEPARTEMENT", population: 76_000 } });
    expect(departement.safeParse({ ...valid(), openToContractuels: true, strate: "" }).success).toBe(true);
    const small = makePositionSchema({ today: () => "2030-01-01", employer: { type: "COMMUNE", population: 7_674 } });
    expect(small.safeParse({ ...valid(), openToContractuels: true, strate: "" }).success).toBe(false);
  });

  it("refuses a position open to nobody", () => {
    expect(errorsOf({ ...valid(), openToTitulaires: false, openToContractuels: false }).openTo).toMatch(/titulaires, aux contractuels/);
  });

  it("requires the hours of a part-time position", () => {
    expect(errorsOf({ ...valid(), fullTime: "false" }).hoursPerWeek).toMatch(/temps non complet/);
    expect(errorsOf({ ...valid(), fullTime: "false", hoursPerWeek: "40" }).hoursPerWeek).toMatch(/entre 1 et 34,99/);
    const parsed = schema.safeParse({ ...valid(), fullTime: "false", hoursPerWeek: "28,5" });
    expect(parsed.success && parsed.data.hoursPerWeek).toBe(28.5);
  });

  it("refuses a DGA in a commune under 10 000 inhabitants", () => {
    expect(errorsOf({ ...valid(), emploiFonctionnel: "DGA" }).strate).toMatch(/plus de 10 000/);
  });

  it("requires the title, filière, catégorie and missions, in French", () => {
    const errors = errorsOf({ ...valid(), title: "", filiere: "", categorie: "Z", missions: "Court" });
    expect(errors.title).toMatch(/intitulé/);
    expect(errors.filiere).toBe("Choisissez la filière.");
    expect(errors.categorie).toMatch(/catégorie/);
    expect(errors.missions).toMatch(/missions/);
  });

  it("points at the incomplete line of a list, by its position in the form", () => {
    const errors = errorsOf({ ...valid(), criteria: [{ label: "", weight: "" }, { label: "Management", weight: "" }, { label: "Finances", weight: "100" }] });
    expect(errors["criteria.1.weight"]).toMatch(/poids entier/);
    const committee = errorsOf({ ...valid(), committee: [{ name: "Claire Dupont", function: "", role: "BOSS" }] });
    expect(committee["committee.0.function"]).toMatch(/fonction/);
    expect(committee["committee.0.role"]).toMatch(/rôle/);
  });

  it("refuses numbers that are not numbers, and remote work beyond five days", () => {
    expect(errorsOf({ ...valid(), salaryMin: "beaucoup" }).salaryMin).toMatch(/indiquez un nombre/);
    expect(errorsOf({ ...valid(), remoteDays: "6" }).remoteDays).toMatch(/entre 0 et 5/);
  });

  it("refuses an unknown benefit and an unknown housing option", () => {
    expect(errorsOf({ ...valid(), benefits: ["YACHT"] }).benefits).toMatch(/avantages/);
    expect(errorsOf({ ...valid(), housing: "CHATEAU" }).housing).toMatch(/logement/);
  });
});

describe("reading a posted position form", () => {
  it("turns checkboxes into booleans, repeated names into lists and numbered names into rows", () => {
    const form = new FormData();
    form.set("title", "Technicien voirie");
    form.append("cadresEmplois", "techniciens");
    form.append("grades", "Technicien");
    form.append("grades", "Technicien principal de 2e classe");
    form.set("serviceVehicle", "on");
    form.set("fullTime", "true");
    form.set("criteria.0.label", "Technique");
    form.set("criteria.0.weight", "100");
    form.set("criteria.2.label", "");
    form.set("unexpected", "ignored");
    const values = formDataToPositionValues(form);
    expect(values.title).toBe("Technicien voirie");
    expect(values.grades).toEqual(["Technicien", "Technicien principal de 2e classe"]);
    expect(values.serviceVehicle).toBe(true);
    expect(values.openToTitulaires).toBe(false);
    expect(values.criteria).toEqual([{ label: "Technique", weight: "100" }, { label: "", weight: "" }, { label: "", weight: "" }]);
    expect(values.committee).toEqual([]);
    expect("unexpected" in values).toBe(false);
  });
});
