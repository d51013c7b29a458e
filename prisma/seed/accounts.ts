import type { Clock } from "./dates";
import type { People } from "./candidates";
import { communeLabel, employerLabel, type SeedCollectivite } from "./collectivites";
import type { Geo } from "./geo";
import type { CandidatePlan, OrganizationPlan, UserPlan } from "./plan";

/** The password of every demo and seed account. */
export const DEMO_PASSWORD = "vivier-demo";

export const DEMO_ACCOUNTS = {
  admin: "admin@vivier.test",
  /** Employer of the demo collectivité (Langogne). */
  dgs: "dgs@vivier.test",
  /** Lead consultant of the first cabinet (Boussole Territoires). */
  consultant: "consultant@vivier.test",
  candidate: "candidat@vivier.test",
} as const;

type Consultant = { first: string; last: string; female: boolean; lead: boolean; email?: string };
type Cabinet = { officialKey: string; name: string; slug: string; consultants: Consultant[] };

/** Recruitment cabinets are not in the official list: their names are invented, their SIREN only well-formed. */
export const CABINETS: readonly Cabinet[] = [
  {
    officialKey: "CAB-912457835",
    name: "Boussole Territoires",
    slug: "boussole-territoires",
    consultants: [
      { first: "Claire", last: "Vidal", female: true, lead: true, email: DEMO_ACCOUNTS.consultant },
      { first: "Thomas", last: "Le Gall", female: false, lead: false },
    ],
  },
  {
    officialKey: "CAB-883614026",
    name: "Sillon Public Conseil",
    slug: "sillon-public-conseil",
    consultants: [
      { first: "Anne", last: "Mercier", female: true, lead: true },
      { first: "Julien", last: "Fabre", female: false, lead: false },
    ],
  },
];

export function cabinetOrganizations(clock: Clock): OrganizationPlan[] {
  return CABINETS.map((c) => ({
    officialKey: c.officialKey,
    kind: "CABINET",
    name: c.name,
    siren: c.officialKey.slice(4),
    collectiviteType: null,
    code: null,
    departementCode: null,
    regionCode: null,
    population: null,
    communeCode: null,
    createdAt: clock.days(-400),
  }));
}

export function collectiviteOrganizations(collectivites: readonly SeedCollectivite[], clock: Clock): OrganizationPlan[] {
  return collectivites.map(({ org }) => ({
    officialKey: org.officialKey,
    kind: "COLLECTIVITE",
    name: org.name,
    siren: org.siren,
    collectiviteType: org.type,
    code: org.code,
    departementCode: org.departementCode,
    regionCode: org.regionCode,
    population: org.population,
    communeCode: org.communeCode,
    createdAt: clock.days(-380),
  }));
}

export function staffUsers(args: {
  clock: Clock;
  people: People;
  collectivites: readonly SeedCollectivite[];
  demoCollectivite: SeedCollectivite;
}): { users: UserPlan[]; employerEmailOf: (officialKey: string) => string } {
  const { clock, people, collectivites, demoCollectivite } = args;
  const users: UserPlan[] = [
    { email: people.reserve(DEMO_ACCOUNTS.admin), name: "Équipe Vivier", role: "ADMIN", orgKey: null, isCabinetLead: false, privacyAcceptedAt: clock.days(-400), lastActiveAt: clock.days(-1), createdAt: clock.days(-400) },
  ];
  for (const cabinet of CABINETS) {
    for (const c of cabinet.consultants) {
      users.push({
        email: c.email ? people.reserve(c.email) : people.email(c.first, c.last, `${cabinet.slug}.exemple.fr`),
        name: `${c.first} ${c.last}`,
        role: "CONSULTANT",
        orgKey: cabinet.officialKey,
        isCabinetLead: c.lead,
        privacyAcceptedAt: clock.days(-390),
        lastActiveAt: clock.days(c.lead ? -1 : -6),
        createdAt: clock.days(-390),
      });
    }
  }
  const employerByKey = new Map<string, string>();
  for (const c of collectivites) {
    const isDemo = c === demoCollectivite;
    const person = isDemo ? { first: "Hélène", last: "Bonnal", name: "Hélène Bonnal" } : people.person();
    const email = isDemo ? people.reserve(DEMO_ACCOUNTS.dgs) : people.email(person.first, person.last, `${c.slug}.exemple.fr`);
    employerByKey.set(c.org.officialKey, email);
    users.push({
      email,
      name: person.name,
      role: "EMPLOYER",
      orgKey: c.org.officialKey,
      isCabinetLead: false,
      privacyAcceptedAt: clock.days(-370),
      lastActiveAt: clock.days(isDemo ? -1 : -3),
      createdAt: clock.days(-370),
    });
  }
  return {
    users,
    employerEmailOf: (key) => {
      const email = employerByKey.get(key);
      if (!email) throw new Error(`Seed: no employer for ${key}`);
      return email;
    },
  };
}

/** Marvejols (Lozère), where the demo candidate works, and the intercommunalité she worked for. */
const DEMO_CANDIDATE_HOME = "48092";
const DEMO_CANDIDATE_FORMER_EPCI = "244800470";

/** candidat@vivier.test: a complete profile, anonymous, hiding from her employer. */
export function demoCandidate(args: { clock: Clock; people: People; geo: Geo }): CandidatePlan {
  const { clock, people, geo } = args;
  const email = people.reserve(DEMO_ACCOUNTS.candidate);
  const home = geo.commune(DEMO_CANDIDATE_HOME);
  const employer = { officialKey: home.siren, name: communeLabel(home.name) };
  const former = geo.epciOf(home);
  if (!former || former.officialKey !== DEMO_CANDIDATE_FORMER_EPCI) throw new Error("Seed: the demo candidate's former EPCI moved");
  const y = clock.year;
  return {
    user: { email, name: "Camille Roussel", role: "CANDIDATE", orgKey: null, isCabinetLead: false, privacyAcceptedAt: clock.days(-200), lastActiveAt: clock.days(-2), createdAt: clock.days(-200) },
    profile: {
      email,
      pseudonym: people.pseudonym(email),
      visibility: "ANONYMOUS",
      status: "TITULAIRE",
      filiere: "administrative",
      categorie: "A",
      cadreEmplois: "attaches",
      grade: "Attaché principal",
      laureateCadre: null,
      laureateYear: null,
      currentEmployerKey: employer.officialKey,
      currentEmployerName: employer.name,
      currentFunction: "Responsable des finances et des ressources humaines",
      yearsExperience: 13,
      previousPosts: JSON.stringify([
        { title: "Responsable des finances", employer: former.name, from: y - 9, to: y - 4 },
        { title: "Secrétaire générale de mairie", employer: "Commune de Chanac", from: y - 13, to: y - 9 },
      ]),
      diplomas: JSON.stringify([
        { title: "Master Administration publique (IPAG)", year: y - 14 },
        { title: "Licence Administration économique et sociale", year: y - 16 },
      ]),
      competencies: JSON.stringify(["Finances locales", "Gestion budgétaire M57", "Prospective financière", "Ressources humaines", "Marchés publics", "Management d'équipe", "Préparation et suivi des assemblées délibérantes"]),
      languages: JSON.stringify(["Anglais", "Occitan"]),
      summary:
        "Attachée principale, 13 ans d'expérience en collectivité, aujourd'hui responsable des finances et des ressources humaines d'une commune d'environ 5 000 habitants. " +
        "J'ai été secrétaire générale de mairie puis responsable des finances d'une intercommunalité rurale. " +
        "Je souhaite prendre la direction générale des services d'une commune de Lozère ou des départements voisins.",
      wishedFunctions: JSON.stringify(["Directrice générale des services", "Directrice des finances"]),
      wishedFilieres: JSON.stringify(["administrative"]),
      wishedCategories: JSON.stringify(["A"]),
      homeCommuneCode: home.code,
      maxDistanceKm: 80,
      willingToRelocate: true,
      needsHousing: false,
      salaryExpectation: 52_000,
      remoteDaysWished: 1,
      availableFrom: clock.monthStartAfter(60),
      consentAt: clock.days(-200),
      lastActivityAt: clock.days(-2),
      createdAt: clock.days(-200),
      updatedAt: clock.days(-2),
      hiddenFrom: [employer, { officialKey: former.officialKey, name: employerLabel(former) }],
    },
  };
}
