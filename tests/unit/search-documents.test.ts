import { describe, expect, it } from "vitest";
import { availabilityBucket, candidateDocument, positionDocument, type CandidateRow, type PositionRow } from "../../search/documents";
import { CANDIDATE_DISPLAYED_ATTRIBUTES } from "../../search/settings";

const now = new Date("2026-06-01T12:00:00Z");

function profile(overrides: Partial<CandidateRow> = {}): CandidateRow {
  return {
    id: "p1",
    userId: "u1",
    user: { name: "Camille Martin", email: "camille@example.fr", role: "CANDIDATE" },
    hiddenFrom: [{ officialKey: "213502388" }, { officialKey: "DEP-35" }],
    pseudonym: "Candidat-42",
    visibility: "ANONYMOUS",
    status: "TITULAIRE",
    filiere: "administrative",
    categorie: "A",
    cadreEmplois: "attaches",
    grade: "Attaché principal",
    currentEmployerKey: "213502388",
    currentEmployerName: "Ville de Rennes",
    currentFunction: "Directrice des ressources humaines",
    yearsExperience: 12,
    previousPosts: "[]",
    diplomas: "[]",
    competencies: JSON.stringify(["GPEEC", "Dialogue social", 3, ""]),
    languages: "[]",
    summary: "Je travaille à la mairie de Rennes.",
    wishedFunctions: "[]",
    wishedFilieres: "[]",
    wishedCategories: "[]",
    homeCommuneCode: "35238",
    maxDistanceKm: 50,
    willingToRelocate: true,
    needsHousing: false,
    salaryExpectation: 45000,
    remoteDaysWished: 1,
    availableFrom: new Date("2026-08-01T00:00:00Z"),
    cvFile: "cv.pdf",
    cvSize: 1000,
    cvUploadedAt: now,
    consentAt: now,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
    anonymousStep: null,
    laureateCadre: null,
    laureateYear: null,
    ...overrides,
  };
}

function position(overrides: Partial<PositionRow> = {}): PositionRow {
  return {
    id: "pos1",
    organizationId: "o1",
    organization: { name: "Ville de Rennes", officialKey: "213502388" },
    createdById: null,
    state: "PUBLISHED",
    confidential: false,
    title: "Directeur général des services",
    filiere: "administrative",
    categorie: "A+",
    cadresEmplois: JSON.stringify(["administrateurs", "attaches"]),
    grades: JSON.stringify(["Attaché hors classe"]),
    emploiFonctionnel: "DGS",
    strate: null,
    openToTitulaires: true,
    openToContractuels: false,
    fullTime: true,
    hoursPerWeek: null,
    communeCode: "35238",
    startDate: null,
    deadline: new Date("2026-07-01T00:00:00Z"),
    missions: "Piloter l'administration.",
    competencies: JSON.stringify([{ label: "Management", level: "INDISPENSABLE" }, { label: "Finances locales", level: "IMPORTANT" }]),
    teamSize: null,
    budgetManaged: null,
    salaryMin: 50000,
    salaryMax: 65000,
    ifse: null,
    cia: null,
    nbiPoints: null,
    benefits: "[]",
    housing: "NONE",
    housingHelp: false,
    rentT3: null,
    temporaryAccommodation: false,
    stationDistanceKm: null,
    stationTimeMin: null,
    publicTransport: "",
    serviceVehicle: false,
    remoteDays: 0,
    relocationHelp: false,
    spouseJobHelp: false,
    territory: "",
    projects: "",
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
    vacancyReason: null, vacancyCause: null, versant: "TERRITORIALE", metierCode: null, workplace: "", applicationsTo: "", contractGround: null,
    ...overrides,
  };
}

describe("candidate documents", () => {
  it("leaves hidden profiles, unknown visibilities and non-candidates out of the index", () => {
    expect(candidateDocument(profile({ visibility: "HIDDEN" }), now)).toBeNull();
    expect(candidateDocument(profile({ visibility: "hidden" }), now)).toBeNull();
    expect(candidateDocument(profile({ user: { name: "A", email: "a@b.fr", role: "EMPLOYER" } }), now)).toBeNull();
  });

  it("carries nothing that names an anonymous candidate", () => {
    const doc = candidateDocument(profile(), now)!;
    expect(doc).not.toHaveProperty("name");
    expect(doc).not.toHaveProperty("email");
    expect(doc).not.toHaveProperty("currentEmployerName");
    expect(JSON.stringify(doc)).not.toMatch(/Camille|camille@|Ville de Rennes|cv\.pdf|mairie de Rennes/);
  });

  it("carries the identity of a visible candidate", () => {
    const doc = candidateDocument(profile({ visibility: "VISIBLE" }), now)!;
    expect(doc).toMatchObject({ name: "Camille Martin", email: "camille@example.fr", currentEmployerName: "Ville de Rennes" });
  });

  it("places the candidate at their home commune, with labels for search", () => {
    const doc = candidateDocument(profile({ visibility: "VISIBLE" }), now)!;
    expect(doc).toMatchObject({
      homeCommuneName: "Rennes",
      departementCode: "35",
      departementName: "Ille-et-Vilaine",
      regionCode: "53",
      regionName: "Bretagne",
      cadreLabel: "Attachés territoriaux",
      filiereLabel: "administrative",
      competencies: ["GPEEC", "Dialogue social"],
      hiddenFrom: ["213502388", "DEP-35"],
      availableFrom: new Date("2026-08-01T00:00:00Z").getTime(),
      availability: "3mois",
      lastActivityAt: now.getTime(),
    });
    expect(doc._geo?.lat).toBeCloseTo(48.11, 1);
    expect(doc._geo?.lng).toBeCloseTo(-1.68, 1);
    expect(doc.homeCommuneCode).toBe("35238");
  });

  it("holds only an anonymous profile's card, as coarse as its step (the gate's rule 14)", () => {
    const atFinest = candidateDocument(profile({ anonymousStep: 0 }), now)!;
    expect(atFinest).toMatchObject({
      currentFunction: null, functionFamily: "Ressources humaines", grade: null, yearsExperience: null, experienceBand: "10 à 14 ans",
      cadreEmplois: "attaches", homeCommuneName: null, departementCode: "35", regionCode: "53", homeCommuneCode: "35238",
    });
    // Not computed yet: the coarsest card.
    const unknown = candidateDocument(profile(), now)!;
    expect(unknown).toMatchObject({ functionFamily: null, status: null, categorie: null, cadreEmplois: null, experienceBand: null, departementCode: null, regionCode: null, areaName: null });
    expect(JSON.stringify(unknown)).not.toMatch(/Directrice|Attaché principal|Rennes|Ille-et-Vilaine|Bretagne/);
  });

  it("indexes a profile without a home commune, without a position on the map", () => {
    const doc = candidateDocument(profile({ homeCommuneCode: null }), now)!;
    expect(doc).not.toHaveProperty("_geo");
    expect(doc.homeCommuneCode).toBeNull();
    expect(doc.departementCode).toBeNull();
  });

  it("declares every field it writes as displayed, except those only filtered on (excluded organisations, home commune code, competency keys)", () => {
    const keys = Object.keys(candidateDocument(profile({ visibility: "VISIBLE" }), now)!);
    expect(keys.filter((k) => !CANDIDATE_DISPLAYED_ATTRIBUTES.includes(k)).sort()).toEqual(["competencyKeys", "hiddenFrom", "homeCommuneCode"]);
    expect(CANDIDATE_DISPLAYED_ATTRIBUTES).not.toContain("hiddenFrom");
    expect(CANDIDATE_DISPLAYED_ATTRIBUTES).not.toContain("homeCommuneCode");
    expect(CANDIDATE_DISPLAYED_ATTRIBUTES).not.toContain("competencyKeys");
  });

  it("keys the competencies for the filters, and no more on an anonymous card than its competencies say", () => {
    const competencies = JSON.stringify(["Gestion budgétaire", "GESTION DU BUDGET", "Marchés publics", "  "]);
    const visible = candidateDocument(profile({ visibility: "VISIBLE", competencies }), now)!;
    expect(visible.competencies).toEqual(["Gestion budgétaire", "GESTION DU BUDGET", "Marchés publics"]);
    expect(visible.competencyKeys).toEqual(["gestion finance", "marche public"]);
    // Rule 14 keeps the competencies on an anonymous card: the keys follow them, nothing else.
    const anonymous = candidateDocument(profile({ competencies }), now)!;
    expect(anonymous.competencies).toEqual(visible.competencies);
    expect(anonymous.competencyKeys).toEqual(visible.competencyKeys);
  });
});

describe("availability", () => {
  it("sorts a start date into now, within 3 months, within 6 months, or later", () => {
    expect(availabilityBucket(null, now)).toBe("immediate");
    expect(availabilityBucket(new Date("2026-05-01"), now)).toBe("immediate");
    expect(availabilityBucket(new Date("2026-08-31"), now)).toBe("3mois");
    expect(availabilityBucket(new Date("2026-11-30"), now)).toBe("6mois");
    expect(availabilityBucket(new Date("2027-01-15"), now)).toBe("plus");
  });
});

describe("position documents", () => {
  it("indexes a published, public position with its place and labels", () => {
    const doc = positionDocument(position())!;
    expect(doc).toMatchObject({
      organizationKey: "213502388",
      communeName: "Rennes",
      departementName: "Ille-et-Vilaine",
      cadresLabels: ["Administrateurs territoriaux", "Attachés territoriaux"],
      competencies: ["Management", "Finances locales"],
      housingOffered: false,
      telework: false,
      publishedAt: now.getTime(),
      deadline: new Date("2026-07-01T00:00:00Z").getTime(),
    });
  });

  it("keeps drafts, closed and confidential positions out of the index", () => {
    expect(positionDocument(position({ state: "DRAFT" }))).toBeNull();
    expect(positionDocument(position({ state: "FILLED" }))).toBeNull();
    expect(positionDocument(position({ state: "CLOSED" }))).toBeNull();
    expect(positionDocument(position({ confidential: true }))).toBeNull();
  });

  it("says whether housing and telework are offered", () => {
    expect(positionDocument(position({ housing: "NAS", remoteDays: 2 }))).toMatchObject({ housingOffered: true, telework: true, remoteDays: 2 });
  });
});
