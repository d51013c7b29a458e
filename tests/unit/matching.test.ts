import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceForAnonymous } from "~/access/rules";
import {
  CAP,
  STATUTORY_CAP,
  compileVocabulary,
  contractLawfulOnEmploiFonctionnel,
  emploiFonctionnelExists,
  rankProfiles,
  scoreMatch,
  type MatchContext,
  type MatchPosition,
  type MatchProfile,
} from "~/domain/matching";
import { matchContext } from "~/domain/matching.server";
import { distanceKm, getCommune } from "~/reference/territory.server";
import { SYNONYM_GROUPS } from "../../search/settings";

/** Communes by INSEE code, with their official points. */
const at = (code: string) => {
  const c = getCommune(code)!;
  return { lat: c.lat, lon: c.lon };
};
const BAIN = "35012"; // 7,674 inhabitants
const JANZE = "35136"; // 18 km from Bain
const NANTES = "44109"; // 67 km from Bain
const BREST = "29019"; // 219 km from Bain

const context: MatchContext = matchContext("2026-12-01");

function dgs(over: Partial<MatchPosition> = {}): MatchPosition {
  return {
    id: "dgs",
    title: "Directeur général des services (H/F)",
    filiere: "administrative",
    categorie: "A",
    cadresEmplois: ["attaches"],
    grades: [],
    emploiFonctionnel: "DGS",
    openToTitulaires: true,
    openToContractuels: false,
    employer: { type: "COMMUNE", population: 7674 },
    place: at(BAIN),
    startDate: "2027-03-01",
    competencies: [
      { label: "Gestion budgétaire M57", level: "INDISPENSABLE" },
      { label: "Droit des collectivités territoriales", level: "INDISPENSABLE" },
      { label: "Finances locales", level: "IMPORTANT" },
      { label: "Marchés publics", level: "IMPORTANT" },
      { label: "Urbanisme", level: "APPRECIABLE" },
    ],
    salaryMin: 40000,
    salaryMax: 56000,
    ifse: 800,
    housing: "NONE",
    housingHelp: false,
    temporaryAccommodation: false,
    remoteDays: 1,
    ...over,
  };
}

function attache(over: Partial<MatchProfile> = {}): MatchProfile {
  return {
    id: "p1",
    status: "TITULAIRE",
    filiere: "administrative",
    categorie: "A",
    cadreEmplois: "attaches",
    grade: "Attaché principal",
    currentFunction: "Directrice générale des services",
    previousFunctions: [],
    wishedFunctions: [],
    wishedCategories: [],
    wishedFilieres: [],
    competencies: ["Gestion budgétaire M57", "Droit des collectivités territoriales", "Finances locales", "Marchés publics"],
    home: at(JANZE),
    maxDistanceKm: 40,
    willingToRelocate: false,
    needsHousing: false,
    salaryExpectation: 50000,
    remoteDaysWished: 1,
    availableFrom: "2027-02-01",
    ...over,
  };
}

const texts = (p: MatchPosition, q: MatchProfile, disclosure: "full" | "anonymous" = "full") => scoreMatch(p, q, context, disclosure).reasons.map((r) => r.text);
const weightOf = (p: MatchPosition, q: MatchProfile, text: string | RegExp) => scoreMatch(p, q, context).reasons.find((r) => (typeof text === "string" ? r.text === text : text.test(r.text)))?.weight;

describe("statutory eligibility", () => {
  it("accepts an attaché principal on a DGS post of a commune of 7,674 inhabitants by détachement", () => {
    expect(texts(dgs(), attache())).toContain("Attaché principal : détachement possible sur l’emploi fonctionnel de DGS (commune de 7\u202f674 habitants)");
    expect(scoreMatch(dgs(), attache(), context).capped).toBeNull();
  });

  it("knows a lauréat(e) de concours: nomination on a post of the concours's cadre, never on an emploi fonctionnel", () => {
    const post = dgs({ emploiFonctionnel: null, title: "Responsable des finances" });
    const redacteurLaureat = attache({ categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur", laureateCadre: "attaches", laureateYear: 2025 });
    expect(texts(post, redacteurLaureat)).toContain("Lauréat(e) du concours des attachés territoriaux (liste d’aptitude 2025) : nomination possible sur le poste");
    expect(scoreMatch(post, redacteurLaureat, context).capped).toBeNull();
    // Without the concours, a rédacteur is refused on a catégorie A post.
    expect(scoreMatch(post, { ...redacteurLaureat, laureateCadre: null }, context).capped).toBe("statut");
    // An anonymous card never says which concours nor the year.
    expect(texts(post, redacteurLaureat, "anonymous")).toContain("Lauréat(e) d’un concours de ce cadre d’emplois : nomination possible sur le poste");
    const jobSeeker = attache({ status: "DEMANDEUR_EMPLOI", categorie: null, cadreEmplois: null, grade: null, laureateCadre: "attaches", laureateYear: 2025 });
    expect(scoreMatch(dgs(), jobSeeker, context).capped).toBe("statut");
  });

  it("says « grade accepté (mutation) » for an ordinary post of the titulaire's cadre", () => {
    const post = dgs({ emploiFonctionnel: null, title: "Responsable des finances" });
    expect(texts(post, attache())).toContain("Attaché principal : grade accepté (mutation)");
  });

  it("caps a rédacteur on the DGS emploi fonctionnel: only catégorie A may be détachés", () => {
    const r = scoreMatch(dgs(), attache({ categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur principal de 1re classe" }), context);
    expect(r.capped).toBe("statut");
    expect(r.score).toBeLessThanOrEqual(STATUTORY_CAP);
    expect(r.reasons[0].text).toBe(`Score plafonné à ${STATUTORY_CAP} : le statut ne permet pas ce recrutement`);
    expect(r.reasons.map((x) => x.text)).toContain("Rédacteur principal de 1re classe : seuls les fonctionnaires de catégorie A peuvent être détachés sur l’emploi fonctionnel de DGS");
  });

  it("holds a DGS post of a commune under 2,000 inhabitants on the grade, with a note, so a rédacteur may hold it", () => {
    const small = dgs({ employer: { type: "COMMUNE", population: 1500 }, categorie: "B", cadresEmplois: ["redacteurs"] });
    const r = scoreMatch(small, attache({ categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur" }), context);
    expect(r.capped).toBeNull();
    expect(r.reasons.map((x) => x.text)).toContain("Commune de 1\u202f500 habitants : le poste n’est pas un emploi fonctionnel de DGS, il se tient sur son grade");
  });

  it("refuses a grade the employer did not list", () => {
    const r = scoreMatch(dgs({ grades: ["Attaché principal", "Attaché hors classe"] }), attache({ grade: "Attaché" }), context);
    expect(r.capped).toBe("statut");
    expect(r.reasons.map((x) => x.text)).toContain("Attaché : grade non retenu par l’employeur (Attaché principal, Attaché hors classe)");
  });

  it("refuses another catégorie on an ordinary post, and accepts another cadre of the same catégorie by détachement", () => {
    const post = dgs({ emploiFonctionnel: null });
    expect(scoreMatch(post, attache({ categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur" }), context).capped).toBe("statut");
    const engineer = attache({ filiere: "technique", cadreEmplois: "ingenieurs", grade: "Ingénieur" });
    expect(texts(post, engineer)).toContain("Ingénieur : autre cadre d’emplois de catégorie A, détachement possible");
    expect(weightOf(post, engineer, /détachement possible/)).toBeLessThan(weightOf(post, attache(), /mutation/)!);
  });

  it("takes A+ as catégorie A, and reserves the DGS of more than 80,000 inhabitants to administrateurs and equivalents", () => {
    const big = dgs({ employer: { type: "COMMUNE", population: 150000 }, cadresEmplois: [] });
    expect(scoreMatch(big, attache({ categorie: "A+", cadreEmplois: "administrateurs", grade: "Administrateur" }), context).capped).toBeNull();
    const r = scoreMatch(big, attache(), context);
    expect(r.capped).toBe("statut");
    expect(r.reasons.map((x) => x.text).join("\n")).toContain("au-delà de 80 000 habitants, l’emploi de DGS est réservé aux administrateurs");
  });

  it("reserves the DST to engineers (décret n° 90-128)", () => {
    const dst = dgs({ emploiFonctionnel: "DGST", filiere: "technique", cadresEmplois: ["ingenieurs"], employer: { type: "COMMUNE", population: 20000 } });
    expect(scoreMatch(dst, attache(), context).capped).toBe("statut");
    expect(scoreMatch(dst, attache({ filiere: "technique", cadreEmplois: "ingenieurs", grade: "Ingénieur principal" }), context).capped).toBeNull();
  });

  it("opens a contract on an emploi fonctionnel only above 40,000 inhabitants and in départements and régions (art. L343-1 CGFP)", () => {
    expect(contractLawfulOnEmploiFonctionnel("DGS", { type: "COMMUNE", population: 40000 })).toBe(false);
    expect(contractLawfulOnEmploiFonctionnel("DGS", { type: "COMMUNE", population: 40001 })).toBe(true);
    expect(contractLawfulOnEmploiFonctionnel("DGA", { type: "EPCI", population: 95000 })).toBe(true);
    expect(contractLawfulOnEmploiFonctionnel("DGS", { type: "DEPARTEMENT", population: null })).toBe(true);
    expect(contractLawfulOnEmploiFonctionnel("DGST", { type: "REGION", population: null })).toBe(false);
    const privateSector = attache({ status: "PRIVE", categorie: null, cadreEmplois: null, grade: null });
    const small = scoreMatch(dgs({ openToContractuels: true }), privateSector, context);
    expect(small.capped).toBe("statut");
    expect(small.reasons.map((x) => x.text)).toContain("En poste dans le privé : pas de recrutement contractuel sur l’emploi fonctionnel de DGS d’une commune de 7\u202f674 habitants (art. L343-1 CGFP : plus de 40 000 habitants, départements et régions)");
    const large = scoreMatch(dgs({ openToContractuels: true, employer: { type: "COMMUNE", population: 60000 } }), privateSector, context);
    expect(large.capped).toBeNull();
    expect(large.reasons.map((x) => x.text)).toContain("En poste dans le privé : recrutement direct possible sur l’emploi fonctionnel de DGS (art. L343-1 CGFP)");
  });

  it("knows which emplois fonctionnels exist by the size of the collectivité (décret n° 87-1101)", () => {
    expect(emploiFonctionnelExists("DGS", { type: "COMMUNE", population: 1999 })).toBe(false);
    expect(emploiFonctionnelExists("DGS", { type: "COMMUNE", population: 2000 })).toBe(true);
    expect(emploiFonctionnelExists("DGA", { type: "COMMUNE", population: 10000 })).toBe(false);
    expect(emploiFonctionnelExists("DGA", { type: "COMMUNE", population: 10001 })).toBe(true);
    expect(emploiFonctionnelExists("DGST", { type: "EPCI", population: 8000 })).toBe(false);
    expect(emploiFonctionnelExists("DGA", { type: "DEPARTEMENT", population: 76000 })).toBe(true);
  });

  it("refuses contractuels where the post is closed to them, and lets a job seeker on a liste d'aptitude be nommé", () => {
    const post = dgs({ emploiFonctionnel: null });
    expect(texts(post, attache({ status: "CONTRACTUEL" }))).toContain("Sous contrat : le poste n’est pas ouvert aux contractuels");
    expect(texts(post, attache({ status: "DEMANDEUR_EMPLOI", grade: "Attaché" }))).toContain("Attaché : nomination possible (liste d’aptitude)");
    expect(texts(dgs({ emploiFonctionnel: null, openToContractuels: true }), attache({ status: "CONTRACTUEL", categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur" }))).toEqual(
      expect.arrayContaining(["Sous contrat : poste ouvert aux contractuels", "Expérience de catégorie B pour un poste de catégorie A"]),
    );
  });
});

describe("competencies", () => {
  it("weighs an indispensable competency more than an important one, and an important one more than an appréciable one", () => {
    const p = dgs();
    const q = attache({ competencies: ["Gestion budgétaire M57", "Droit des collectivités territoriales", "Finances locales", "Urbanisme"] });
    const w = (t: string) => weightOf(p, q, t)!;
    expect(w("Compétence indispensable : gestion budgétaire M57")).toBeGreaterThan(w("Compétence importante : finances locales"));
    expect(w("Compétence importante : finances locales")).toBeGreaterThan(w("Compétence appréciable : urbanisme"));
    expect(w("Compétence importante absente : marchés publics")).toBeLessThan(0);
  });

  it("caps a candidate who lacks an indispensable competency, and names it", () => {
    const r = scoreMatch(dgs(), attache({ competencies: ["Gestion budgétaire M57", "Finances locales"] }), context);
    expect(r.capped).toBe("competence");
    expect(r.score).toBeLessThanOrEqual(CAP);
    expect(r.reasons[0].text).toBe(`Score plafonné à ${CAP} : une compétence indispensable manque`);
    expect(r.reasons.map((x) => x.text)).toContain("Compétence indispensable absente : droit des collectivités territoriales");
  });

  it("reads accents, case, plurals and the trade's synonyms as the same competency", () => {
    const p = dgs({ competencies: [{ label: "Marchés publics", level: "INDISPENSABLE" }, { label: "Finances locales", level: "INDISPENSABLE" }] });
    const q = attache({ competencies: ["COMMANDE PUBLIQUE", "finance locale"] });
    const r = scoreMatch(p, q, context);
    expect(r.capped).toBeNull();
    expect(r.reasons.map((x) => x.text)).toEqual(expect.arrayContaining(["Compétence indispensable : marchés publics", "Compétence indispensable : finances locales"]));
  });

  it("scores as held a competency of the same key as the one asked (search/competency-keys.ts), as the feasibility counts do", () => {
    // Without « d' », the phrase of the synonym group is not there word for word; the keys agree.
    const p = dgs({ competencies: [{ label: "CCAS", level: "INDISPENSABLE" }] });
    const r = scoreMatch(p, attache({ competencies: ["Centre communal action sociale"] }), context);
    expect(r.capped).toBeNull();
    expect(r.reasons.map((x) => x.text)).toContain("Compétence indispensable : CCAS");
  });

  it("counts a close competency for part of its weight, and names what the candidate wrote", () => {
    const p = dgs({ competencies: [{ label: "Eau, assainissement et GEMAPI", level: "INDISPENSABLE" }] });
    const r = scoreMatch(p, attache({ competencies: ["Eau et assainissement"] }), context);
    expect(r.capped).toBeNull();
    expect(r.reasons.map((x) => x.text)).toContain("Compétence indispensable approchée : eau, assainissement et GEMAPI (« Eau et assainissement »)");
  });

  it("compiles the synonyms of search/settings.ts once, longest terms first", () => {
    const v = compileVocabulary(SYNONYM_GROUPS);
    expect(v.terms[0].words.length).toBeGreaterThanOrEqual(v.terms.at(-1)!.words.length);
  });
});

describe("distance from the commune points", () => {
  it("measures home to workplace on the official communes' points", () => {
    expect(Math.round(distanceKm(at(BAIN), at(JANZE)))).toBe(18);
    expect(texts(dgs(), attache())).toContain("Domicile à 18 km ; rayon accepté 40 km");
  });

  it("says the distance as a band to whoever may not know who the candidate is", () => {
    expect(texts(dgs(), attache(), "anonymous")).toContain("Domicile : moins de 20 km ; rayon accepté 40 km");
    expect(texts(dgs(), attache({ home: at(NANTES), maxDistanceKm: 100 }), "anonymous")).toContain("Domicile : entre 60 et 70 km ; rayon accepté 100 km");
    expect([5, 20, 20.5, 49.9, 99, 400].map(distanceForAnonymous)).toEqual(["moins de 20 km", "moins de 20 km", "entre 20 et 30 km", "entre 40 et 50 km", "entre 90 et 100 km", "entre 390 et 400 km"]);
  });

  it("weighs a home beyond the radius heavily when the candidate will not move, lightly when they will", () => {
    const stays = attache({ home: at(NANTES), maxDistanceKm: 30 });
    const moves = attache({ home: at(NANTES), maxDistanceKm: 30, willingToRelocate: true });
    expect(texts(dgs(), stays)).toContain("Domicile à 67 km, au-delà du rayon accepté (30 km), sans projet de déménagement");
    expect(scoreMatch(dgs(), moves, context).score).toBeGreaterThan(scoreMatch(dgs(), stays, context).score);
    expect(scoreMatch(dgs(), attache(), context).score).toBeGreaterThan(scoreMatch(dgs(), moves, context).score);
  });
});

describe("pay, housing, availability, remote work", () => {
  it("compares the expectation with the range, IFSE included", () => {
    expect(texts(dgs(), attache({ salaryExpectation: 52000 }))).toContain("Attente salariale 52 k€ : dans la fourchette avec l’IFSE (40 à 56 k€)");
    expect(texts(dgs(), attache({ salaryExpectation: 57500 }))).toContain("Attente salariale 57,5 k€ : juste au-dessus de la fourchette (40 à 56 k€), à discuter");
    expect(texts(dgs(), attache({ salaryExpectation: 75000 }))).toContain("Attente salariale 75 k€ : nettement au-dessus de la fourchette (40 à 56 k€)");
  });

  it("meets a housing need with a logement de fonction or help, and says when nothing is offered", () => {
    const mover = attache({ home: at(BREST), willingToRelocate: true, needsHousing: true });
    expect(texts(dgs({ housing: "NAS" }), mover)).toContain("Besoin de logement : logement de fonction proposé");
    expect(texts(dgs({ housingHelp: true }), mover)).toContain("Besoin de logement : aide à la recherche proposée");
    expect(texts(dgs(), mover)).toContain("Besoin de logement : ni logement ni aide proposés");
    // Living within reach, the need does not arise.
    expect(texts(dgs(), attache({ needsHousing: true })).join("\n")).not.toContain("logement");
  });

  it("compares availability with the start date", () => {
    expect(texts(dgs(), attache())).toContain("Disponible le 1er février 2027 ; prise de poste le 1er mars 2027");
    const late = scoreMatch(dgs(), attache({ availableFrom: "2027-09-01" }), context);
    expect(late.reasons.map((r) => r.text)).toContain("Disponible le 1er septembre 2027, 6 mois après la prise de poste");
    expect(late.score).toBeLessThan(scoreMatch(dgs(), attache(), context).score);
  });

  it("compares the remote days wished with those offered", () => {
    expect(texts(dgs(), attache({ remoteDaysWished: 1 }))).toContain("Télétravail : 1 jour souhaité, 1 proposé");
    expect(weightOf(dgs(), attache({ remoteDaysWished: 3 }), "Télétravail : 3 jours souhaités, 1 proposé")).toBeLessThan(0);
  });

  it("keeps the score within 0–100 and tells an asset from a reservation by its sign", () => {
    const r = scoreMatch(dgs(), attache({ salaryExpectation: 52000 }), context);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(r.reasons.find((x) => x.factor === "remuneration")!.weight).toBeGreaterThan(0);
  });
});

describe("determinism", () => {
  it("gives equal output for equal input, and breaks ties by the profile id", () => {
    const twins = ["b", "a", "c"].map((id) => attache({ id }));
    const once = rankProfiles(dgs(), twins, context);
    const again = rankProfiles(dgs(), [...twins].reverse(), matchContext("2026-12-01"));
    expect(once.map((r) => r.profile.id)).toEqual(["a", "b", "c"]);
    expect(again).toEqual(once);
    expect(JSON.stringify(scoreMatch(dgs(), attache(), context))).toBe(JSON.stringify(scoreMatch(dgs(), attache(), matchContext("2026-12-01"))));
  });
});

// ---------------------------------------------------------------------------------------------
// The caps, as a property

const GRADES: Array<Pick<MatchProfile, "status" | "categorie" | "cadreEmplois" | "grade" | "filiere">> = [
  { status: "TITULAIRE", categorie: "A", cadreEmplois: "attaches", grade: "Attaché", filiere: "administrative" },
  { status: "TITULAIRE", categorie: "A", cadreEmplois: "attaches", grade: "Attaché principal", filiere: "administrative" },
  { status: "TITULAIRE", categorie: "A+", cadreEmplois: "administrateurs", grade: "Administrateur", filiere: "administrative" },
  { status: "TITULAIRE", categorie: "A", cadreEmplois: "ingenieurs", grade: "Ingénieur principal", filiere: "technique" },
  { status: "TITULAIRE", categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur", filiere: "administrative" },
  { status: "TITULAIRE", categorie: "C", cadreEmplois: "adjoints-techniques", grade: "Adjoint technique territorial", filiere: "technique" },
  { status: "CONTRACTUEL", categorie: "A", cadreEmplois: "attaches", grade: "Attaché", filiere: "administrative" },
  { status: "PRIVE", categorie: null, cadreEmplois: null, grade: null, filiere: null },
  { status: "DEMANDEUR_EMPLOI", categorie: "A", cadreEmplois: "attaches", grade: "Attaché", filiere: "administrative" },
  { status: null, categorie: null, cadreEmplois: null, grade: null, filiere: null },
];
const COMPETENCIES = ["Gestion budgétaire M57", "Droit des collectivités territoriales", "Finances locales", "Marchés publics", "Urbanisme", "Ressources humaines", "Voirie et réseaux divers", "Commande publique"];
const HOMES = ["35012", "35136", "35238", "44109", "29019", "75056", "13055"];

const profileArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  statut: fc.constantFrom(...GRADES),
  competencies: fc.subarray(COMPETENCIES),
  home: fc.option(fc.constantFrom(...HOMES), { nil: null }),
  maxDistanceKm: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  willingToRelocate: fc.boolean(),
  needsHousing: fc.boolean(),
  salaryExpectation: fc.option(fc.integer({ min: 15000, max: 120000 }), { nil: null }),
  remoteDaysWished: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  availableFrom: fc.option(fc.constantFrom("2026-11-01", "2027-01-10", "2027-03-01", "2027-06-30", "2028-01-01"), { nil: null }),
  wishedCategories: fc.subarray(["A", "B", "C"]),
}).map(({ statut, home, ...p }): MatchProfile => ({
  ...attache(),
  ...statut,
  ...p,
  home: home ? at(home) : null,
}));

const positionArb = fc.record({
  emploiFonctionnel: fc.constantFrom<MatchPosition["emploiFonctionnel"]>(null, "DGS", "DGA"),
  population: fc.integer({ min: 500, max: 200000 }),
  openToContractuels: fc.boolean(),
  grades: fc.constantFrom<string[]>([], ["Attaché principal", "Attaché hors classe"]),
  categorie: fc.constantFrom<MatchPosition["categorie"]>("A", "B"),
  indispensable: fc.subarray(COMPETENCIES, { minLength: 1, maxLength: 3 }),
  housing: fc.constantFrom<MatchPosition["housing"]>("NONE", "NAS"),
}).map((p) => dgs({
  emploiFonctionnel: p.emploiFonctionnel,
  employer: { type: "COMMUNE", population: p.population },
  openToContractuels: p.openToContractuels,
  grades: p.grades,
  categorie: p.categorie,
  competencies: [...p.indispensable.map((label) => ({ label, level: "INDISPENSABLE" as const })), { label: "Urbanisme", level: "APPRECIABLE" as const }],
  housing: p.housing,
}));

describe("the caps, as a property", () => {
  it("never ranks a capped candidate above an eligible one who has every indispensable competency", () => {
    fc.assert(
      fc.property(positionArb, fc.array(profileArb, { minLength: 2, maxLength: 8 }), (position, profiles) => {
        const ranked = rankProfiles(position, profiles, context);
        const firstCapped = ranked.findIndex((r) => r.result.capped !== null);
        if (firstCapped < 0) return true;
        // Every candidate after the first capped one is capped too; and the scores say it.
        return ranked.slice(firstCapped).every((r) => r.result.capped !== null && r.result.score <= CAP)
          && ranked.slice(0, firstCapped).every((r) => r.result.score > CAP);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it("keeps every score within 0–100 and equal for equal inputs", () => {
    fc.assert(
      fc.property(positionArb, profileArb, (position, profile) => {
        const a = scoreMatch(position, profile, context);
        const b = scoreMatch(structuredClone(position), structuredClone(profile), context);
        return a.score >= 0 && a.score <= 100 && JSON.stringify(a) === JSON.stringify(b);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("the suggestions' retrieval plan", () => {
  it("looks for the post's catégorie around the post and among movers, and for contractuels only when the post is open to them", async () => {
    const { retrievalPlan, retrievalWords } = await import("~/domain/suggestions.server");
    const closed = retrievalPlan(dgs());
    expect(closed.map((q) => q.name)).toEqual(["near", "movers", "exact"]);
    expect(closed.reduce((n, q) => n + q.pages, 0) * 50).toBeLessThanOrEqual(500);
    for (const q of closed) expect(q.params.categorie).toEqual(["A", "A+"]);
    expect(closed[0].params.around).toMatchObject({ radiusKm: 100 });
    expect(closed[2].params.competencies).toEqual(["Gestion budgétaire M57", "Droit des collectivités territoriales"]);
    expect(retrievalWords(dgs())).toBe("Gestion budgétaire M57 Droit collectivités territoriales");
    const open = retrievalPlan(dgs({ openToContractuels: true, emploiFonctionnel: null, categorie: "B" }));
    expect(open.at(-1)).toMatchObject({ name: "contract", params: { status: ["CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"] } });
    expect(open[0].params.categorie).toEqual(["B"]);
  });
});

describe("what an anonymous candidate's reasons may say", () => {
  it("says availability by period, not by day, and never names the home commune", () => {
    const anonymous = texts(dgs(), attache({ availableFrom: "2027-04-05" }), "anonymous");
    expect(anonymous).toContain("Disponible 5 semaines après la prise de poste");
    expect(anonymous.join("\n")).not.toContain("5 avril");
    expect(texts(dgs(), attache(), "anonymous")).toContain("Disponible avant la date voulue ; prise de poste le 1er mars 2027");
    expect(texts(dgs(), attache(), "full").join("\n")).not.toMatch(/Janzé/);
  });
});
