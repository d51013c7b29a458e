import type { Faker } from "@faker-js/faker";
import { getCadre, type Categorie } from "~/reference/statute";
import type { Commune, OfficialOrganization } from "~/reference/territory.server";
import {
  ARCHETYPES,
  FIRST_NAMES,
  LAST_NAMES,
  categorieOf,
  filiereOf,
  type Archetype,
  type EmployerLevel,
} from "./careers";
import { communeLabel, employerLabel, type SeedCollectivite } from "./collectivites";
import type { Clock } from "./dates";
import type { Geo } from "./geo";
import type { CandidatePlan, CandidateStatus, ProfilePlan, Visibility } from "./plan";
import { pseudonymFor, slugify, weighted } from "./random";

export const CANDIDATE_COUNT = 320;
export const CANDIDATE_EMAIL_DOMAIN = "exemple.fr";

type Gender = "female" | "male";

/** Names and e-mails handed out so far: every seed user gets a unique address. */
export class People {
  private readonly emails = new Set<string>();
  private readonly pseudonyms = new Set<string>();

  constructor(private readonly faker: Faker) {}

  person(gender?: Gender): { gender: Gender; first: string; last: string; name: string } {
    const g = gender ?? weighted<Gender>(this.faker, [["female", 58], ["male", 42]]);
    const first = this.faker.helpers.arrayElement(FIRST_NAMES[g]);
    const last = this.faker.helpers.arrayElement(LAST_NAMES);
    return { gender: g, first, last, name: `${first} ${last}` };
  }

  /** prenom.nom@domain, with a number when the address is taken. */
  email(first: string, last: string, domain: string): string {
    const local = `${slugify(first)}.${slugify(last)}`;
    for (let n = 1; ; n++) {
      const email = `${local}${n === 1 ? "" : n}@${domain}`;
      if (!this.emails.has(email)) return this.reserve(email);
    }
  }

  reserve(email: string): string {
    if (this.emails.has(email)) throw new Error(`Seed: e-mail ${email} used twice`);
    this.emails.add(email);
    return email;
  }

  pseudonym(email: string): string {
    for (let attempt = 0; ; attempt++) {
      const p = pseudonymFor(email, attempt);
      if (!this.pseudonyms.has(p)) {
        this.pseudonyms.add(p);
        return p;
      }
    }
  }
}

const STATUSES: ReadonlyArray<readonly [CandidateStatus, number]> = [["TITULAIRE", 65], ["CONTRACTUEL", 17], ["PRIVE", 10], ["DEMANDEUR_EMPLOI", 8]];
const VISIBILITIES: ReadonlyArray<readonly [Visibility, number]> = [["HIDDEN", 15], ["ANONYMOUS", 45], ["VISIBLE", 40]];

export function generateCandidates(args: {
  faker: Faker;
  clock: Clock;
  geo: Geo;
  people: People;
  demoCollectivite: SeedCollectivite;
  count?: number;
}): CandidatePlan[] {
  const { faker, clock, geo, people, demoCollectivite } = args;
  const out: CandidatePlan[] = [];
  for (let i = 0; i < (args.count ?? CANDIDATE_COUNT); i++) {
    const status = weighted(faker, STATUSES);
    const pool = status === "PRIVE" ? ARCHETYPES.filter((a) => a.privateJobs.length > 0) : ARCHETYPES;
    const archetype = weighted(faker, pool.map((a) => [a, a.weight] as const));
    const isLocal = faker.number.float() < 0.35;
    const home = (isLocal ? geo.local : geo.france).pick(faker);
    out.push(generateCandidate({ faker, clock, geo, people, demoCollectivite, status, archetype, home }));
  }
  return out;
}

function generateCandidate(args: {
  faker: Faker;
  clock: Clock;
  geo: Geo;
  people: People;
  demoCollectivite: SeedCollectivite;
  status: CandidateStatus;
  archetype: Archetype;
  home: Commune;
}): CandidatePlan {
  const { faker, clock, geo, people, demoCollectivite, status, archetype, home } = args;
  const person = people.person();
  const g = person.gender === "female" ? 1 : 0;
  const email = people.email(person.first, person.last, CANDIDATE_EMAIL_DOMAIN);
  const cadre = getCadre(archetype.cadre)!;
  const categorie = categorieOf(archetype);
  const filiere = filiereOf(archetype);
  const years = faker.number.int({ min: archetype.years[0], max: archetype.years[1] });

  // Grade follows seniority: nobody is "principal de 1re classe" after three years.
  let gradeIndex = faker.helpers.weightedArrayElement(archetype.gradeWeights.map((weight, value) => ({ weight: weight || 0.0001, value })));
  if (years < 5 || status !== "TITULAIRE") gradeIndex = 0;
  else if (years < 10) gradeIndex = Math.min(gradeIndex, 1);
  else if (years >= 15 && gradeIndex === 0 && cadre.grades.length > 1 && faker.number.float() < 0.7) gradeIndex = 1;
  const laureate = status === "DEMANDEUR_EMPLOI" && faker.number.float() < 0.35;
  const hasGrade = status === "TITULAIRE" || status === "CONTRACTUEL" || laureate;

  // Current post and employer.
  const job = faker.helpers.arrayElement(archetype.jobs);
  let employer: OfficialOrganization | undefined;
  let currentFunction: string | null = null;
  let currentEmployerName: string | null = null;
  if (status === "TITULAIRE" || status === "CONTRACTUEL") {
    const level: EmployerLevel = faker.helpers.arrayElement(job.employers);
    const seeded = geo.seededNear(level, home);
    employer = seeded.length > 0 && faker.number.float() < 0.3
      ? faker.helpers.arrayElement(seeded).org
      : geo.employerNear(faker, level, home) ?? geo.employerNear(faker, "COMMUNE", home);
    currentFunction = job.title[g];
    currentEmployerName = employer ? employerLabel(employer) : null;
  } else if (status === "PRIVE") {
    const [title, company] = faker.helpers.arrayElement(archetype.privateJobs);
    currentFunction = title[g];
    currentEmployerName = `${company} (${geo.departement(home.departementCode).name.replace(/ \(département\)$/, "")})`;
  }

  // Career: the current post, and before it one to three earlier ones.
  const currentSince = status === "DEMANDEUR_EMPLOI" ? clock.year : clock.year - Math.min(years, faker.number.int({ min: 1, max: 8 }));
  const previousPosts: Array<{ title: string; employer: string; from: number; to: number }> = [];
  let to = status === "DEMANDEUR_EMPLOI" ? clock.year - faker.number.int({ min: 0, max: 1 }) : currentSince;
  const careerStart = clock.year - years;
  // Earlier titles without repeats (in a random order), the last job first for a job seeker.
  const earlier = faker.helpers.shuffle(
    status === "PRIVE" ? [...archetype.privateJobs.map(([t]) => t).filter((t) => t[g] !== currentFunction), ...archetype.previous] : [...archetype.previous],
  );
  if (status === "DEMANDEUR_EMPLOI") earlier.unshift(job.title);
  for (let k = 0; k < 3 && to > careerStart; k++) {
    const from = k === 2 ? careerStart : Math.max(careerStart, to - faker.number.int({ min: 2, max: 7 }));
    const title = earlier[k % earlier.length];
    previousPosts.push({ title: title[g], employer: earlierEmployer(faker, geo, home, status, archetype, title[0]), from, to });
    to = from;
  }

  const diplomaTitles = faker.helpers.arrayElements(archetype.diplomas, { min: 1, max: categorie === "C" ? 1 : 2 });
  const diplomas = diplomaTitles.map((title, k) => ({ title, year: careerStart - 1 - 2 * k }));

  const competencies = faker.helpers.arrayElements(archetype.competencies, { min: 4, max: 8 });
  const languages = weighted<string[]>(faker, [
    [[], 25], [["Anglais"], 45], [["Anglais", "Espagnol"], 12], [["Anglais", "Allemand"], 6], [["Espagnol"], 4],
    [[home.regionCode === "53" ? "Breton" : home.regionCode === "76" ? "Occitan" : home.regionCode === "44" ? "Alsacien" : "Italien", "Anglais"], 5],
    [["Langue des signes française"], 3],
  ]);

  const wishedFunctions = faker.helpers.arrayElements(archetype.wished, { min: 1, max: Math.min(2, archetype.wished.length) }).map((t) => t[g]);
  const wishedCategories: Categorie[] = [categorie];
  if (categorie === "A+") wishedCategories.push("A");
  else if (categorie === "C" && faker.number.float() < 0.2) wishedCategories.push("B");
  else if (categorie === "B" && faker.number.float() < 0.25) wishedCategories.push("A");
  const wishedFilieres = [filiere];
  if (filiere !== "administrative" && faker.number.float() < 0.1) wishedFilieres.push("administrative");

  const willingToRelocate = faker.number.float() < (categorie === "A" || categorie === "A+" ? 0.45 : 0.25);
  const needsHousing = faker.number.float() < (willingToRelocate ? 0.35 : 0.05);
  const maxDistanceKm = weighted(faker, [[20, 10], [30, 20], [50, 30], [80, 20], [100, 10], [150, 5], [300, 5]]);
  const seniority = Math.min(1, years / 25);
  const salaryExpectation = Math.round((archetype.salary[0] + (archetype.salary[1] - archetype.salary[0]) * (0.6 * seniority + 0.4 * faker.number.float())) / 500) * 500;
  const remoteDaysWished = categorie === "C" ? 0 : faker.number.int({ min: 0, max: categorie === "B" ? 1 : 2 });

  const lastActivityDaysAgo = weighted(faker, [[[0, 30] as const, 35], [[31, 120] as const, 35], [[121, 365] as const, 30]]);
  const activityAgo = faker.number.int({ min: lastActivityDaysAgo[0], max: lastActivityDaysAgo[1] });
  const createdAgo = activityAgo + faker.number.int({ min: 0, max: 400 });
  const lastActivityAt = clock.days(-activityAgo, faker.number.int({ min: 7, max: 21 }));
  const createdAt = clock.days(-createdAgo, faker.number.int({ min: 7, max: 21 }));
  const availableFrom = clock.days(weighted(faker, [[0, 20], [faker.number.int({ min: 15, max: 90 }), 45], [faker.number.int({ min: 91, max: 180 }), 35]]), 0);

  // "Ne pas me montrer à": the current employer, and for some the demo collectivité or a
  // collectivité of the seed near home (a former employer, a neighbour).
  const hiddenFrom: Array<{ officialKey: string; name: string }> = [];
  const hide = (org: OfficialOrganization) => {
    if (!hiddenFrom.some((h) => h.officialKey === org.officialKey)) hiddenFrom.push({ officialKey: org.officialKey, name: employerLabel(org) });
  };
  if (employer && faker.number.float() < 0.85) hide(employer);
  if (faker.number.float() < (home.departementCode === demoCollectivite.org.departementCode ? 0.3 : 0.06)) hide(demoCollectivite.org);
  const neighbours = geo.collectivites.filter((s) => s.org.departementCode === home.departementCode && s.org.type !== "REGION");
  if (neighbours.length > 0 && faker.number.float() < 0.12) hide(faker.helpers.arrayElement(neighbours).org);

  const grade = hasGrade ? cadre.grades[gradeIndex] : null;
  const profile: ProfilePlan = {
    email,
    pseudonym: people.pseudonym(email),
    visibility: weighted(faker, VISIBILITIES),
    status,
    filiere: hasGrade ? filiere : null,
    categorie: hasGrade ? categorie : null,
    cadreEmplois: hasGrade ? cadre.code : null,
    grade,
    // The laureates the summary speaks of (« Lauréate du concours …, session N-1 »).
    laureateCadre: laureate ? cadre.code : null,
    laureateYear: laureate ? clock.year - 1 : null,
    currentEmployerKey: employer?.officialKey ?? null,
    currentEmployerName,
    currentFunction,
    yearsExperience: years,
    previousPosts: JSON.stringify(previousPosts),
    diplomas: JSON.stringify(diplomas),
    competencies: JSON.stringify(competencies),
    languages: JSON.stringify(languages),
    summary: summarize({ g, status, categorie, cadreLabel: cadre.label, years, currentFunction, employer, competencies, wishedFunctions, maxDistanceKm, willingToRelocate, laureate, clock }),
    wishedFunctions: JSON.stringify(wishedFunctions),
    wishedFilieres: JSON.stringify(wishedFilieres),
    wishedCategories: JSON.stringify(wishedCategories),
    homeCommuneCode: home.code,
    maxDistanceKm,
    willingToRelocate,
    needsHousing,
    salaryExpectation,
    remoteDaysWished,
    availableFrom,
    consentAt: createdAt,
    lastActivityAt,
    createdAt,
    updatedAt: lastActivityAt,
    hiddenFrom,
  };
  return {
    user: { email, name: person.name, role: "CANDIDATE", orgKey: null, isCabinetLead: false, privacyAcceptedAt: createdAt, lastActiveAt: lastActivityAt, createdAt },
    profile,
  };
}

/** Earlier posts that a collectivité does not hold, and who employs them. */
const OUTSIDE_EMPLOYERS: Record<string, string> = {
  "Gendarme": "Gendarmerie nationale",
  "Gendarme adjoint volontaire": "Gendarmerie nationale",
  "Auxiliaire de vie scolaire": "Éducation nationale",
  "Infirmier": "Centre hospitalier",
  "Puériculteur en maternité": "Centre hospitalier",
  "Auxiliaire de vie": "Association d'aide à domicile",
  "Ouvrier paysagiste": "Entreprise paysagiste",
  "Maçon": "Entreprise de maçonnerie",
  "Commis de cuisine": "Restaurant",
  "Conducteur de travaux": "Entreprise de travaux publics",
  "Dessinateur projeteur": "Bureau d'études VRD",
  "Secrétaire": "Office notarial",
};

function earlierEmployer(faker: Faker, geo: Geo, home: Commune, status: CandidateStatus, archetype: Archetype, title: string): string {
  const outside = OUTSIDE_EMPLOYERS[title];
  if (outside === "Centre hospitalier") return `Centre hospitalier ${deName(geo.communeInRegion(faker, home.regionCode, 10_000).name)}`;
  if (outside) return outside;
  const privateJob = archetype.privateJobs.find(([t]) => t[0] === title);
  if (privateJob) return privateJob[1];
  const commune = geo.communeInRegion(faker, home.regionCode, categorieOf(archetype) === "C" ? 500 : 1500);
  const epci = faker.number.float() < 0.2 ? geo.epciOf(commune) : undefined;
  return epci ? epci.name : communeLabel(commune.name);
}

/** "de Rodez", "d'Aurillac", "du Puy-en-Velay". */
function deName(name: string): string {
  return communeLabel(name).replace(/^Commune /, "");
}

function lowerFirst(s: string): string {
  return /^[A-ZÉÈ][a-zéèêàç]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** How an anonymous profile describes its employer: its kind and size, never its name. */
export function employerKind(org: OfficialOrganization): string {
  if (org.type === "DEPARTEMENT") return "un conseil départemental";
  if (org.type === "REGION") return "un conseil régional";
  if (org.type === "EPCI") return "une intercommunalité";
  const pop = org.population ?? 0;
  const rounded = pop < 1000 ? Math.round(pop / 100) * 100 : Math.round(pop / 500) * 500;
  return pop < 1000 ? "une commune rurale" : `une commune d'environ ${rounded.toLocaleString("fr-FR")} habitants`;
}

function summarize(a: {
  g: number;
  status: CandidateStatus;
  categorie: string;
  cadreLabel: string;
  years: number;
  currentFunction: string | null;
  employer: OfficialOrganization | undefined;
  competencies: string[];
  wishedFunctions: string[];
  maxDistanceKm: number;
  willingToRelocate: boolean;
  laureate: boolean;
  clock: Clock;
}): string {
  const e = a.g === 1 ? "e" : "";
  const skills = `Points forts : ${a.competencies.slice(0, 3).map(lowerFirst).join(", ")}.`;
  const wish = `Recherche un poste de ${lowerFirst(a.wishedFunctions[0])}${a.willingToRelocate ? ", mobilité géographique possible" : `, à moins de ${a.maxDistanceKm} km de mon domicile`}.`;
  const experience = `${a.years} an${a.years > 1 ? "s" : ""} d'expérience`;
  switch (a.status) {
    case "TITULAIRE":
      return `Fonctionnaire territorial${e} de catégorie ${a.categorie} (${a.cadreLabel.toLowerCase()}), ${experience} en collectivité. Actuellement ${lowerFirst(a.currentFunction ?? "")} dans ${a.employer ? employerKind(a.employer) : "une collectivité"}. ${skills} ${wish}`;
    case "CONTRACTUEL":
      return `Agent${e} contractuel${a.g === 1 ? "le" : ""} en collectivité, ${experience}. Actuellement ${lowerFirst(a.currentFunction ?? "")} dans ${a.employer ? employerKind(a.employer) : "une collectivité"}, je souhaite m'inscrire dans la durée. ${skills} ${wish}`;
    case "PRIVE":
      return `${experience} dans le secteur privé, actuellement ${lowerFirst(a.currentFunction ?? "")}. Je souhaite mettre mes compétences au service d'une collectivité et de ses habitants. ${skills} ${wish}`;
    case "DEMANDEUR_EMPLOI":
      return `${a.laureate ? `Lauréat${e} du concours (${a.cadreLabel.toLowerCase()}, session ${a.clock.year - 1}), ` : ""}${experience}, disponible rapidement. ${skills} ${wish}`;
  }
}
