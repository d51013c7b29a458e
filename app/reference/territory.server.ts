import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { parse } from "csv-parse/sync";

/**
 * French territory: communes, EPCI, départements and régions from the official list
 * (@etalab/decoupage-administratif), and a point for each commune from prisma/data/communes-centres.csv
 * (the official list has no coordinates). Loaded once, lazily, on the server only.
 */

const require = createRequire(import.meta.url);

export type CollectiviteType = "COMMUNE" | "EPCI" | "DEPARTEMENT" | "REGION";

export type Commune = {
  code: string;
  name: string;
  siren: string;
  departementCode: string;
  regionCode: string;
  population: number;
  postalCodes: string[];
  lat: number;
  lon: number;
  /** true when the commune has no point of its own and stands at its département's mean point. */
  approximateLocation: boolean;
};

export type Departement = { code: string; name: string; regionCode: string; chefLieu: string };
export type Region = { code: string; name: string; chefLieu: string };
export type Epci = { siren: string; name: string; type: string; population: number; memberCodes: string[] };

/** An organisation of the official list, as an employer or a candidate picks it. */
export type OfficialOrganization = {
  officialKey: string;
  siren: string | null;
  type: CollectiviteType;
  code: string;
  name: string;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
  communeCode: string | null;
};

type RawCommune = {
  code: string; nom: string; type: string; departement: string; region: string;
  siren?: string; population?: number; codesPostaux?: string[];
};

type Territory = {
  communes: Map<string, Commune>;
  departements: Map<string, Departement>;
  regions: Map<string, Region>;
  epcis: Map<string, Epci>;
  epciOfCommune: Map<string, string>;
};

let territory: Territory | undefined;

function dataFile(name: string): string {
  return path.resolve(process.cwd(), "prisma", "data", name);
}

function load(): Territory {
  if (territory) return territory;
  const rawCommunes = require("@etalab/decoupage-administratif/data/communes.json") as RawCommune[];
  const rawDeps = require("@etalab/decoupage-administratif/data/departements.json") as Array<{ code: string; nom: string; region: string; chefLieu: string }>;
  const rawRegions = require("@etalab/decoupage-administratif/data/regions.json") as Array<{ code: string; nom: string; chefLieu: string }>;
  const rawEpcis = require("@etalab/decoupage-administratif/data/epci.json") as Array<{ code: string; nom: string; type: string; populationTotale: number; membres: Array<{ code: string }> }>;

  const rows = parse(fs.readFileSync(dataFile("communes-centres.csv")), { columns: true, skip_empty_lines: true }) as Array<{ code: string; lat: string; lon: string }>;
  const points = new Map(rows.map((r) => [r.code, { lat: Number(r.lat), lon: Number(r.lon) }]));

  const current = rawCommunes.filter((c) => c.type === "commune-actuelle");
  // Mean point of each département, for the few communes without a point of their own.
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const c of current) {
    const p = points.get(c.code);
    if (!p) continue;
    const s = sums.get(c.departement) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += p.lat; s.lon += p.lon; s.n += 1;
    sums.set(c.departement, s);
  }

  const communes = new Map<string, Commune>();
  for (const c of current) {
    const p = points.get(c.code);
    const s = sums.get(c.departement);
    communes.set(c.code, {
      code: c.code,
      name: c.nom,
      siren: c.siren ?? "",
      departementCode: c.departement,
      regionCode: c.region,
      population: c.population ?? 0,
      postalCodes: c.codesPostaux ?? [],
      lat: p ? p.lat : s ? s.lat / s.n : 46.6,
      lon: p ? p.lon : s ? s.lon / s.n : 2.4,
      approximateLocation: !p,
    });
  }

  const epcis = new Map<string, Epci>();
  const epciOfCommune = new Map<string, string>();
  for (const e of rawEpcis) {
    epcis.set(e.code, { siren: e.code, name: e.nom, type: e.type, population: e.populationTotale, memberCodes: e.membres.map((m) => m.code) });
    for (const m of e.membres) epciOfCommune.set(m.code, e.code);
  }

  territory = {
    communes,
    departements: new Map(rawDeps.map((d) => [d.code, { code: d.code, name: d.nom, regionCode: d.region, chefLieu: d.chefLieu }])),
    regions: new Map(rawRegions.map((r) => [r.code, { code: r.code, name: r.nom, chefLieu: r.chefLieu }])),
    epcis,
    epciOfCommune,
  };
  return territory;
}

export function getCommune(code: string): Commune | undefined {
  return load().communes.get(code);
}

export function getDepartement(code: string): Departement | undefined {
  return load().departements.get(code);
}

export function getRegion(code: string): Region | undefined {
  return load().regions.get(code);
}

export function getEpci(siren: string): Epci | undefined {
  return load().epcis.get(siren);
}

export function listDepartements(): Departement[] {
  return [...load().departements.values()];
}

export function listRegions(): Region[] {
  return [...load().regions.values()];
}

/** All current communes (about 35,000); for the seed and for tests. */
export function listCommunes(): Commune[] {
  return [...load().communes.values()];
}

/** Lower-case, without accents, hyphens and apostrophes as spaces: "Saint-Étienne" → "saint etienne". */
export function normalizeName(s: string): string {
  return s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[-'’]/g, " ").replace(/\s+/g, " ").trim();
}

function rank(name: string, q: string): number {
  const n = normalizeName(name);
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.includes(` ${q}`)) return 2;
  if (n.includes(q)) return 3;
  return -1;
}

/** Communes whose name or postal code matches, exact and prefix matches first, larger first. */
export function searchCommunes(query: string, limit = 10): Commune[] {
  const q = normalizeName(query);
  if (q.length < 2) return [];
  const hits: Array<{ c: Commune; r: number }> = [];
  for (const c of load().communes.values()) {
    const r = /^\d/.test(q) ? (c.postalCodes.some((p) => p.startsWith(q)) || c.code.startsWith(q) ? 1 : -1) : rank(c.name, q);
    if (r >= 0) hits.push({ c, r });
  }
  hits.sort((a, b) => a.r - b.r || b.c.population - a.c.population);
  return hits.slice(0, limit).map((h) => h.c);
}

export function communeToOrganization(c: Commune): OfficialOrganization {
  return {
    officialKey: c.siren, siren: c.siren, type: "COMMUNE", code: c.code, name: c.name,
    departementCode: c.departementCode, regionCode: c.regionCode, population: c.population, communeCode: c.code,
  };
}

export function epciToOrganization(e: Epci): OfficialOrganization {
  // An EPCI sits at its most populous member commune (usually the seat).
  const members = e.memberCodes.map(getCommune).filter((c): c is Commune => !!c);
  const seat = members.sort((a, b) => b.population - a.population)[0];
  return {
    officialKey: e.siren, siren: e.siren, type: "EPCI", code: e.siren, name: e.name,
    departementCode: seat?.departementCode ?? null, regionCode: seat?.regionCode ?? null,
    population: e.population, communeCode: seat?.code ?? null,
  };
}

export function departementToOrganization(d: Departement): OfficialOrganization {
  const population = listCommunes().filter((c) => c.departementCode === d.code).reduce((s, c) => s + c.population, 0);
  return {
    officialKey: `DEP-${d.code}`, siren: null, type: "DEPARTEMENT", code: d.code, name: `${d.name} (département)`,
    departementCode: d.code, regionCode: d.regionCode, population, communeCode: d.chefLieu,
  };
}

export function regionToOrganization(r: Region): OfficialOrganization {
  const population = listCommunes().filter((c) => c.regionCode === r.code).reduce((s, c) => s + c.population, 0);
  return {
    officialKey: `REG-${r.code}`, siren: null, type: "REGION", code: r.code, name: `${r.name} (région)`,
    departementCode: getCommune(r.chefLieu)?.departementCode ?? null, regionCode: r.code, population, communeCode: r.chefLieu,
  };
}

/** Finds an organisation of the official list by its official key (see Organization.officialKey). */
export function getOfficialOrganization(officialKey: string): OfficialOrganization | undefined {
  const t = load();
  if (officialKey.startsWith("DEP-")) {
    const d = t.departements.get(officialKey.slice(4));
    return d && departementToOrganization(d);
  }
  if (officialKey.startsWith("REG-")) {
    const r = t.regions.get(officialKey.slice(4));
    return r && regionToOrganization(r);
  }
  const e = t.epcis.get(officialKey);
  if (e) return epciToOrganization(e);
  for (const c of t.communes.values()) if (c.siren === officialKey) return communeToOrganization(c);
  return undefined;
}

/** Communes, EPCI, départements and régions whose name matches, for pickers. */
export function searchOfficialOrganizations(query: string, limit = 12): OfficialOrganization[] {
  const q = normalizeName(query);
  if (q.length < 2) return [];
  const t = load();
  const out: Array<{ o: () => OfficialOrganization; r: number; size: number }> = [];
  for (const r of t.regions.values()) { const k = rank(r.name, q); if (k >= 0) out.push({ o: () => regionToOrganization(r), r: k, size: 1e9 }); }
  for (const d of t.departements.values()) { const k = rank(d.name, q); if (k >= 0) out.push({ o: () => departementToOrganization(d), r: k, size: 1e8 }); }
  for (const e of t.epcis.values()) { const k = rank(e.name, q); if (k >= 0) out.push({ o: () => epciToOrganization(e), r: k, size: e.population }); }
  for (const c of searchCommunes(query, limit)) out.push({ o: () => communeToOrganization(c), r: rank(c.name, q), size: c.population });
  out.sort((a, b) => a.r - b.r || b.size - a.size);
  return out.slice(0, limit).map((x) => x.o());
}

export function epciOfCommune(code: string): Epci | undefined {
  const siren = load().epciOfCommune.get(code);
  return siren ? load().epcis.get(siren) : undefined;
}

export type CommuneAtDistance = { code: string; km: number };

// Communes by latitude, so that a circle only measures the band of latitudes it spans.
let byLatitude: Commune[] | undefined;
const circles = new Map<string, readonly CommuneAtDistance[]>();
const CIRCLES_KEPT = 256;
const KM_PER_DEGREE_OF_LATITUDE = (Math.PI * 6371) / 180;

/**
 * The communes whose centre lies within `radiusKm` of the point, nearest first (then by code):
 * what "within 50 km of Rennes" means for people, whose homes are commune centres. The talent
 * search filters and sorts by distance with it (search/candidate-search.ts). About 1 ms for a
 * 100 km circle; the last circles asked are kept.
 */
export function communesWithin(point: { lat: number; lon: number }, radiusKm: number): readonly CommuneAtDistance[] {
  const key = `${point.lat},${point.lon},${radiusKm}`;
  const kept = circles.get(key);
  if (kept) {
    // Most recently used last: the first key is the one to drop.
    circles.delete(key);
    circles.set(key, kept);
    return kept;
  }
  byLatitude ??= listCommunes().sort((a, b) => a.lat - b.lat);
  const from = point.lat - radiusKm / KM_PER_DEGREE_OF_LATITUDE;
  const to = point.lat + radiusKm / KM_PER_DEGREE_OF_LATITUDE;
  let lo = 0;
  let hi = byLatitude.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byLatitude[mid].lat < from) lo = mid + 1;
    else hi = mid;
  }
  const found: CommuneAtDistance[] = [];
  for (let i = lo; i < byLatitude.length && byLatitude[i].lat <= to; i++) {
    const km = distanceKm(point, byLatitude[i]);
    if (km <= radiusKm) found.push({ code: byLatitude[i].code, km });
  }
  found.sort((a, b) => a.km - b.km || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  circles.set(key, found);
  if (circles.size > CIRCLES_KEPT) circles.delete(circles.keys().next().value!);
  return found;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
