import type { Faker } from "@faker-js/faker";
import {
  communeToOrganization,
  departementToOrganization,
  distanceKm,
  epciOfCommune,
  epciToOrganization,
  getCommune,
  getDepartement,
  getRegion,
  listCommunes,
  regionToOrganization,
  type Commune,
  type OfficialOrganization,
} from "~/reference/territory.server";
import type { EmployerLevel } from "./careers";
import { WeightedSampler } from "./random";
import type { SeedCollectivite } from "./collectivites";

/**
 * Where the seed's candidates live and work: real communes of metropolitan France, chosen with a
 * weight that favours towns without forgetting villages, and real employers near home.
 */
export class Geo {
  readonly communes: Commune[];
  private readonly byDepartement = new Map<string, Commune[]>();
  private readonly byRegion = new Map<string, Commune[]>();
  private readonly orgCache = new Map<string, OfficialOrganization>();
  readonly france: WeightedSampler<Commune>;
  /** Homes in the départements of the seeded collectivités, so that each has candidates nearby. */
  readonly local: WeightedSampler<Commune>;

  constructor(readonly collectivites: readonly SeedCollectivite[]) {
    this.communes = listCommunes().filter((c) => !c.departementCode.startsWith("97") && c.population >= 50);
    for (const c of this.communes) {
      push(this.byDepartement, c.departementCode, c);
      push(this.byRegion, c.regionCode, c);
    }
    const weight = (c: Commune) => Math.min(c.population, 150_000) ** 0.75;
    this.france = new WeightedSampler(this.communes, weight);
    const localDeps = new Set(collectivites.flatMap((s) => (s.org.type === "REGION" ? [] : [s.org.departementCode ?? ""])));
    this.local = new WeightedSampler(this.communes.filter((c) => localDeps.has(c.departementCode)), weight);
  }

  commune(code: string): Commune {
    const c = getCommune(code);
    if (!c) throw new Error(`Seed: unknown commune ${code}`);
    return c;
  }

  departement(code: string): OfficialOrganization {
    return this.cached(`DEP-${code}`, () => departementToOrganization(getDepartement(code)!));
  }

  region(code: string): OfficialOrganization {
    return this.cached(`REG-${code}`, () => regionToOrganization(getRegion(code)!));
  }

  epciOf(c: Commune): OfficialOrganization | undefined {
    const e = epciOfCommune(c.code);
    return e && this.cached(e.siren, () => epciToOrganization(e));
  }

  /** A real employer of that level near `home`, or undefined when none fits. */
  employerNear(faker: Faker, level: EmployerLevel, home: Commune): OfficialOrganization | undefined {
    if (level === "DEPARTEMENT") return this.departement(home.departementCode);
    if (level === "REGION") return this.region(home.regionCode);
    if (level === "EPCI") return this.epciOf(home);
    const [min, max] = COMMUNE_SIZES[level];
    const fits = (c: Commune) => c.population >= min && c.population < max;
    let pool = (this.byDepartement.get(home.departementCode) ?? []).filter(fits);
    if (pool.length === 0) pool = (this.byRegion.get(home.regionCode) ?? []).filter(fits);
    if (pool.length === 0) return undefined;
    const nearest = pool
      .map((c) => ({ c, d: distanceKm(home, c) }))
      .sort((a, b) => a.d - b.d || a.c.code.localeCompare(b.c.code))
      .slice(0, 5);
    return communeToOrganization(faker.helpers.arrayElement(nearest).c);
  }

  /** A seeded collectivité of that level in the candidate's département (région for a région). */
  seededNear(level: EmployerLevel, home: Commune): SeedCollectivite[] {
    return this.collectivites.filter((s) => {
      const o = s.org;
      if (level === "REGION") return o.type === "REGION" && o.regionCode === home.regionCode;
      if (o.departementCode !== home.departementCode) return false;
      if (level === "DEPARTEMENT" || level === "EPCI") return o.type === level;
      if (o.type !== "COMMUNE") return false;
      const [min, max] = COMMUNE_SIZES[level];
      return (o.population ?? 0) >= min && (o.population ?? 0) < max;
    });
  }

  /** A commune of the région, for an employer earlier in a career. */
  communeInRegion(faker: Faker, regionCode: string, minPopulation: number): Commune {
    const pool = (this.byRegion.get(regionCode) ?? this.communes).filter((c) => c.population >= minPopulation);
    return faker.helpers.arrayElement(pool.length > 0 ? pool : this.communes);
  }

  private cached(key: string, make: () => OfficialOrganization): OfficialOrganization {
    let o = this.orgCache.get(key);
    if (!o) {
      o = make();
      this.orgCache.set(key, o);
    }
    return o;
  }
}

const COMMUNE_SIZES: Record<Exclude<EmployerLevel, "EPCI" | "DEPARTEMENT" | "REGION">, readonly [number, number]> = {
  COMMUNE_RURALE: [300, 3500],
  COMMUNE_2K: [2000, 10_000],
  COMMUNE_10K: [10_000, Infinity],
  COMMUNE: [1000, Infinity],
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
