import type { Faker } from "@faker-js/faker";
import { STRATES, getCadre } from "~/reference/statute";
import type { People } from "./candidates";
import type { SeedCollectivite } from "./collectivites";
import type { Clock } from "./dates";
import type { PositionPlan, PositionState } from "./plan";
import { TEMPLATES, type TemplateContent, type TemplateKey } from "./position-templates";
import { stableId } from "./random";

/** What each collectivité of the seed recruits, and where each search stands. */
export type PositionSpec = {
  /** Stable within the collectivité: with its official key, it makes the position's id. */
  key: string;
  template: TemplateKey;
  state: PositionState;
  confidential?: boolean;
  /** Entrusted to the first cabinet (consultant@vivier.test's). */
  mandated?: boolean;
};

export const POSITIONS_BY_PLACE: Record<string, PositionSpec[]> = {
  langogne: [
    { key: "dgs", template: "dgsCommune", state: "PUBLISHED", mandated: true },
    { key: "rst", template: "responsableServicesTechniques", state: "PUBLISHED" },
    { key: "accueil", template: "agentAccueil", state: "DRAFT" },
  ],
  "riom-es-montagnes": [
    { key: "dgs", template: "dgsCommune", state: "PUBLISHED" },
    { key: "agent-technique", template: "agentTechnique", state: "PUBLISHED" },
  ],
  bourganeuf: [
    { key: "dgs", template: "dgsCommune", state: "PUBLISHED" },
    { key: "technicien", template: "technicien", state: "PUBLISHED" },
    { key: "compta-paie", template: "gestionnaireRh", state: "PUBLISHED" },
  ],
  "moirans-en-montagne": [
    { key: "dgs", template: "dgsCommune", state: "FILLED" },
    { key: "espaces-verts", template: "chefEquipe", state: "PUBLISHED" },
  ],
  "clairvaux-les-lacs": [
    { key: "sgm", template: "secretaireGeneralMairie", state: "PUBLISHED" },
    { key: "agent-technique", template: "agentTechnique", state: "PUBLISHED" },
  ],
  belleme: [
    { key: "sgm", template: "secretaireGeneralMairie", state: "PUBLISHED" },
    { key: "agent-technique", template: "agentTechnique", state: "DRAFT" },
  ],
  lapoutroie: [
    { key: "sgm", template: "secretaireGeneralMairie", state: "PUBLISHED" },
    { key: "agent-technique", template: "agentTechnique", state: "PUBLISHED" },
  ],
  mende: [
    { key: "finances", template: "directeurFinances", state: "PUBLISHED" },
    { key: "dga", template: "dga", state: "PUBLISHED" },
    { key: "dst", template: "directeurServicesTechniques", state: "PUBLISHED" },
    { key: "police", template: "policeMunicipale", state: "PUBLISHED" },
  ],
  gueret: [
    { key: "dgs", template: "dgsCommune", state: "PUBLISHED", confidential: true, mandated: true },
    { key: "technicien", template: "technicien", state: "PUBLISHED" },
    { key: "enfance-jeunesse", template: "animateurEnfanceJeunesse", state: "PUBLISHED" },
  ],
  aurillac: [
    { key: "dga", template: "dga", state: "PUBLISHED" },
    { key: "patrimoine", template: "ingenieur", state: "PUBLISHED" },
    { key: "police", template: "policeMunicipale", state: "DRAFT" },
  ],
  "lons-le-saunier": [
    { key: "dga", template: "dga", state: "PUBLISHED" },
    { key: "eau", template: "ingenieur", state: "PUBLISHED" },
    { key: "urbanisme", template: "instructeurUrbanisme", state: "CLOSED" },
  ],
  quimperle: [
    { key: "dgs", template: "dgsCommune", state: "PUBLISHED" },
    { key: "technicien", template: "technicien", state: "PUBLISHED" },
    { key: "atsem", template: "atsem", state: "PUBLISHED" },
  ],
  rodez: [
    { key: "dga", template: "dga", state: "DRAFT" },
    { key: "dst", template: "directeurServicesTechniques", state: "PUBLISHED" },
    { key: "carriere-paie", template: "gestionnaireRh", state: "PUBLISHED" },
  ],
  "saint-flour-communaute": [
    { key: "dgs", template: "dgsEpci", state: "PUBLISHED" },
    { key: "eau", template: "ingenieur", state: "PUBLISHED" },
    { key: "technicien-eau", template: "technicien", state: "DRAFT" },
    { key: "collecte", template: "chefEquipe", state: "PUBLISHED" },
  ],
  cantal: [
    { key: "dga", template: "dga", state: "PUBLISHED" },
    { key: "routes", template: "technicien", state: "PUBLISHED" },
    { key: "pmi", template: "puericulturePmi", state: "DRAFT" },
  ],
  bretagne: [
    { key: "dga", template: "dga", state: "PUBLISHED" },
    { key: "energie", template: "ingenieur", state: "PUBLISHED" },
    { key: "lycee", template: "agentLycee", state: "PUBLISHED" },
  ],
};

export function positionId(officialKey: string, key: string): string {
  return stableId("position", `${officialKey}:${key}`);
}

export function strateFor(population: number): string | null {
  if (population < 2000) return null;
  const bounds = [10_000, 20_000, 40_000, 80_000, 150_000, 400_000];
  const i = bounds.findIndex((b) => population < b);
  return STRATES[i === -1 ? STRATES.length - 1 : i];
}

export function generatePositions(args: {
  faker: Faker;
  clock: Clock;
  people: People;
  collectivites: readonly SeedCollectivite[];
  employerEmailOf: (officialKey: string) => string;
  firstCabinet: { officialKey: string; name: string; consultantName: string; consultantFemale: boolean };
}): PositionPlan[] {
  const { faker, clock, people, collectivites, employerEmailOf, firstCabinet } = args;
  const out: PositionPlan[] = [];
  for (const c of collectivites) {
    const specs = POSITIONS_BY_PLACE[c.slug];
    if (!specs) throw new Error(`Seed: no positions for ${c.slug}`);
    for (const spec of specs) {
      const population = c.org.population ?? 0;
      const content: TemplateContent = TEMPLATES[spec.template]({
        c,
        population,
        consultant: spec.mandated ? { name: firstCabinet.consultantName, cabinet: firstCabinet.name } : null,
      });
      const cadres = content.cadres.map((code) => {
        const cadre = getCadre(code);
        if (!cadre) throw new Error(`Seed: unknown cadre ${code} in ${spec.template}`);
        return cadre;
      });
      const grades = content.grades ?? cadres.flatMap((k) => k.grades);
      for (const g of grades) {
        if (!cadres.some((k) => k.grades.includes(g))) throw new Error(`Seed: grade ${g} is not in the cadres of ${spec.template}`);
      }
      const criteriaTotal = content.criteria.reduce((s, [, w]) => s + w, 0);
      if (criteriaTotal !== 100) throw new Error(`Seed: criteria of ${spec.template} weigh ${criteriaTotal}`);

      const id = positionId(c.org.officialKey, spec.key);
      const dates = datesFor(faker, clock, spec.state);
      const events: PositionPlan["events"] = [{ id: stableId("event", `${id}:create`), fromState: null, toState: "DRAFT", at: dates.createdAt }];
      if (dates.publishedAt) events.push({ id: stableId("event", `${id}:publish`), fromState: "DRAFT", toState: "PUBLISHED", at: dates.publishedAt });
      if (dates.endedAt) events.push({ id: stableId("event", `${id}:end`), fromState: "PUBLISHED", toState: spec.state, at: dates.endedAt });

      const committee = content.committee.map(([m, f, role], sort) => {
        const isConsultant = !!spec.mandated && role === "CONTRIBUTE" && m.startsWith("Consultant");
        const person = people.person();
        const name = isConsultant ? firstCabinet.consultantName : person.name;
        const female = isConsultant ? firstCabinet.consultantFemale : person.gender === "female";
        return { id: stableId("committee", `${id}:${sort}`), name, function: female ? f : m, role, sort };
      });
      const criteria = content.criteria.map(([label, weight], sort) => ({ id: stableId("criterion", `${id}:${sort}`), label, weight, sort }));

      out.push({
        id,
        orgKey: c.org.officialKey,
        createdByEmail: employerEmailOf(c.org.officialKey),
        state: spec.state,
        confidential: !!spec.confidential,
        title: content.title,
        filiere: content.filiere,
        categorie: cadres[0].categorie,
        cadresEmplois: JSON.stringify(cadres.map((k) => k.code)),
        grades: JSON.stringify(grades),
        emploiFonctionnel: content.emploiFonctionnel,
        strate: content.emploiFonctionnel ? strateFor(population) : null,
        openToTitulaires: true,
        openToContractuels: content.openToContractuels,
        fullTime: content.hoursPerWeek === undefined,
        hoursPerWeek: content.hoursPerWeek ?? null,
        communeCode: content.communeCode ?? c.org.communeCode ?? "",
        startDate: dates.startDate,
        deadline: dates.deadline,
        missions: content.missions.join("\n"),
        competencies: JSON.stringify(content.competencies.map(([label, level]) => ({ label, level }))),
        teamSize: content.teamSize,
        budgetManaged: content.budgetManaged,
        ...pay(content),
        nbiPoints: content.nbiPoints,
        benefits: JSON.stringify(content.benefits),
        housing: content.housing ?? "NONE",
        housingHelp: content.housingHelp,
        rentT3: c.rentT3,
        temporaryAccommodation: content.temporaryAccommodation,
        stationDistanceKm: c.stationDistanceKm,
        stationTimeMin: c.stationTimeMin,
        publicTransport: c.publicTransport,
        serviceVehicle: content.serviceVehicle,
        remoteDays: content.remoteDays,
        relocationHelp: content.relocationHelp,
        spouseJobHelp: content.spouseJobHelp,
        territory: c.territory,
        projects: c.projects,
        publishedAt: dates.publishedAt,
        createdAt: dates.createdAt,
        updatedAt: events[events.length - 1].at,
        events,
        committee,
        criteria,
        missionCabinetKey: spec.mandated ? firstCabinet.officialKey : null,
        missionCreatedAt: spec.mandated ? clock.days(-faker.number.int({ min: 1, max: 3 }) + (dates.publishedAt ? daysBetween(clock.today, dates.publishedAt) : 0), 10) : null,
      });
    }
  }
  return out;
}

/** Value of the point d'indice, annual gross euros per point (4.92278 € a month). */
const POINT_ANNUAL = 4.92278 * 12;

/**
 * What the position form stores (components/positions/PositionEditor.tsx): annual gross pay
 * "traitement, régime indemnitaire et NBI compris", IFSE per month, CIA per year at most.
 */
function pay(content: TemplateContent) {
  const extras = content.ifse + content.nbiPoints * POINT_ANNUAL;
  const round = (n: number) => Math.round(n / 500) * 500;
  return {
    salaryMin: round(content.salary[0] + extras),
    salaryMax: round(content.salary[1] + extras + content.cia),
    ifse: Math.round(content.ifse / 12 / 10) * 10,
    cia: content.cia,
  };
}

function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** Noon UTC: how the position form stores a day (the same day in France). */
function noon(d: Date): Date {
  return new Date(d.getTime() + 12 * 3_600_000);
}

/** Dates that tell each state's story; a published position's deadline is always ahead. */
function datesFor(faker: Faker, clock: Clock, state: PositionState) {
  switch (state) {
    case "DRAFT": {
      const created = faker.number.int({ min: 1, max: 12 });
      return { createdAt: clock.days(-created, 10), publishedAt: null, endedAt: null, deadline: clock.days(faker.number.int({ min: 40, max: 60 }), 12), startDate: noon(clock.monthStartAfter(100)) };
    }
    case "PUBLISHED": {
      const published = faker.number.int({ min: 2, max: 42 });
      const deadline = faker.number.int({ min: 12, max: 45 });
      return {
        createdAt: clock.days(-published - faker.number.int({ min: 2, max: 10 }), 10),
        publishedAt: clock.days(-published, 11),
        endedAt: null,
        deadline: clock.days(deadline, 12),
        startDate: noon(clock.monthStartAfter(deadline + 45)),
      };
    }
    case "FILLED":
      return { createdAt: clock.days(-110, 10), publishedAt: clock.days(-100, 11), endedAt: clock.days(-12, 16), deadline: clock.days(-60, 12), startDate: noon(clock.monthStartAfter(20)) };
    case "CLOSED":
      return { createdAt: clock.days(-95, 10), publishedAt: clock.days(-90, 11), endedAt: clock.days(-45, 16), deadline: clock.days(-50, 12), startDate: noon(clock.monthStartAfter(-30)) };
  }
}
