import type BetterSqlite3 from "better-sqlite3";
import { getCadre } from "../../app/reference/statute";
import { listCommunes, type Commune } from "../../app/reference/territory.server";
import { ARCHETYPES, FIRST_NAMES, LAST_NAMES, categorieOf, filiereOf, type Archetype } from "../../prisma/seed/careers";

/**
 * The benchmark's talent pool: N synthetic candidate profiles, the same on every run (a seeded
 * PRNG, dates relative to the day of the run), built from the seed's career archetypes of the
 * fonction publique territoriale and the real communes, so that functions, competencies, grades
 * and homes look like the real pool. Rows go straight into SQLite through prepared statements
 * in one transaction (Prisma's createMany is several times slower at this size); the documents
 * are then built from these rows by the production mapper (see bench.ts).
 */

/** mulberry32: small, fast, good enough for synthetic data, and the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** n distinct elements in random order (a partial Fisher–Yates shuffle). */
function sample<T>(r: Random, list: readonly T[], n: number): T[] {
  const copy = [...list];
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(r() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

class Sampler<T> {
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(private readonly items: readonly T[], weight: (item: T) => number) {
    for (const item of items) {
      this.total += Math.max(0, weight(item));
      this.cumulative.push(this.total);
    }
  }
  pick(r: Random): T {
    const x = r() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

/** The organisation the benchmark searches as: a cabinet presenting to Rennes and Ille-et-Vilaine. */
export const BENCH_VIEWER_CABINET = "CAB-900000001";
export function benchViewerKeys(): { organizationKey: string; presentingTo: string[] } {
  const rennes = listCommunes().find((c) => c.code === "35238");
  return { organizationKey: BENCH_VIEWER_CABINET, presentingTo: [rennes?.siren ?? "213502388", "DEP-35"] };
}

const DAY = 86_400_000;
/** SQLite DATETIME as Prisma's driver adapter writes it (ISO 8601, "+00:00"). */
const sqlDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export type GeneratedCounts = { rows: number; hidden: number; anonymous: number; visible: number; hiddenFrom: number };

/**
 * Writes `count` candidates the talent pool shows (anonymous or visible), plus one HIDDEN
 * profile for every nine of them, which the index must leave out (User + CandidateProfile +
 * HiddenOrganization rows), into the SQLite file opened as `sqlite`. Deterministic for a given
 * count and day.
 */
export function generateCandidates(sqlite: BetterSqlite3.Database, count: number, now = Date.now(), onProgress?: (done: number, total: number) => void): GeneratedCounts {
  const r = prng(20261125);
  const today = Math.floor(now / DAY) * DAY;
  const communes = listCommunes().filter((c) => !c.departementCode.startsWith("97") && c.population >= 50);
  const homes = new Sampler<Commune>(communes, (c) => Math.min(c.population, 150_000) ** 0.75);
  const archetypes = new Sampler<Archetype>(ARCHETYPES, (a) => a.weight);
  const statuses = new Sampler<[string, number]>([["TITULAIRE", 65], ["CONTRACTUEL", 17], ["PRIVE", 10], ["DEMANDEUR_EMPLOI", 8]], (s) => s[1]);
  const visibilities = new Sampler<[string, number]>([["ANONYMOUS", 2], ["VISIBLE", 1]], (v) => v[1]);
  const viewer = benchViewerKeys();

  const insertUser = sqlite.prepare(
    `INSERT INTO "User" (id, email, name, role, passwordHash, isCabinetLead, createdAt) VALUES (?, ?, ?, 'CANDIDATE', 'bench-no-login', 0, ?)`,
  );
  const insertProfile = sqlite.prepare(
    `INSERT INTO "CandidateProfile" (id, userId, pseudonym, visibility, status, filiere, categorie, cadreEmplois, grade,
       currentEmployerKey, currentEmployerName, currentFunction, yearsExperience, competencies, homeCommuneCode, maxDistanceKm,
       willingToRelocate, needsHousing, salaryExpectation, availableFrom, lastActivityAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHidden = sqlite.prepare(`INSERT INTO "HiddenOrganization" (id, profileId, officialKey, name) VALUES (?, ?, ?, ?)`);

  const rows = count + Math.floor(count / 9);
  const counts: GeneratedCounts = { rows, hidden: 0, anonymous: 0, visible: 0, hiddenFrom: 0 };
  const write = sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const id = i.toString(36).padStart(7, "0");
      const userId = `benchu${id}`;
      const profileId = `benchp${id}`;
      const female = r() < 0.55;
      const first = pick(r, female ? FIRST_NAMES.female : FIRST_NAMES.male);
      const last = pick(r, LAST_NAMES);
      const [status] = statuses.pick(r);
      const [visibility] = i % 10 === 9 ? ["HIDDEN"] : visibilities.pick(r);
      if (visibility === "HIDDEN") counts.hidden++;
      else if (visibility === "ANONYMOUS") counts.anonymous++;
      else counts.visible++;
      const archetype = archetypes.pick(r);
      const cadre = getCadre(archetype.cadre)!;
      const years = int(r, archetype.years[0], archetype.years[1]);
      const gradeIndex = years < 5 ? 0 : Math.min(cadre.grades.length - 1, Math.floor(r() * cadre.grades.length));
      const home = homes.pick(r);
      const job = pick(r, archetype.jobs);
      const employed = status === "TITULAIRE" || status === "CONTRACTUEL";
      const privateJob = status === "PRIVE" && archetype.privateJobs.length ? pick(r, archetype.privateJobs) : null;
      const byDepartement = employed && r() < 0.3;
      const employerKey = employed ? (byDepartement ? `DEP-${home.departementCode}` : home.siren) : null;
      const employerName = employed ? (byDepartement ? `Département (${home.departementCode})` : `Commune de ${home.name}`) : privateJob?.[1] ?? null;
      const fn = employed ? job.title[female ? 1 : 0] : privateJob ? privateJob[0][female ? 1 : 0] : null;
      const competencies = sample(r, archetype.competencies, int(r, 3, 7));
      const [salaryMin, salaryMax] = archetype.salary;
      const availableFrom = r() < 0.4 ? null : today + int(r, -60, 300) * DAY;
      const lastActivity = today - int(r, 0, 730) * DAY - int(r, 0, DAY - 1);

      insertUser.run(userId, `${slug(first)}.${slug(last)}.${id}@bench.vivier.test`, `${first} ${last}`, sqlDate(lastActivity));
      insertProfile.run(
        profileId, userId, `Profil B${id.toUpperCase()}`, visibility, status,
        filiereOf(archetype), categorieOf(archetype), archetype.cadre, status === "PRIVE" ? null : cadre.grades[gradeIndex],
        employerKey, employerName, fn, years, JSON.stringify(competencies), home.code, pick(r, [10, 20, 30, 50, 100, null]),
        r() < 0.3 ? 1 : 0, r() < 0.15 ? 1 : 0, int(r, salaryMin, salaryMax), availableFrom === null ? null : sqlDate(availableFrom),
        sqlDate(lastActivity), sqlDate(lastActivity), sqlDate(lastActivity),
      );
      // About one in eight hides from an organisation: mostly the current employer, sometimes the
      // département, now and then the cabinet the benchmark searches as or one of its clients.
      if (r() < 0.125) {
        const keys = new Set<string>();
        if (employerKey) keys.add(employerKey);
        if (r() < 0.4) keys.add(`DEP-${home.departementCode}`);
        if (r() < 0.05) keys.add(viewer.organizationKey);
        if (r() < 0.05) keys.add(pick(r, viewer.presentingTo));
        if (keys.size === 0) keys.add(home.siren);
        let k = 0;
        for (const key of keys) {
          insertHidden.run(`benchh${id}${k++}`, profileId, key, key);
          counts.hiddenFrom++;
        }
      }
      if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === rows)) onProgress(i + 1, rows);
    }
  });
  write();
  return counts;
}

function slug(s: string): string {
  return s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/**
 * The SQL baseline's place table: communes with their point and département (the portal keeps
 * them in memory; a search done in SQL needs them in the database), indexed for the joins.
 */
export function createCommuneTable(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(`CREATE TABLE BenchCommune (code TEXT PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, departementCode TEXT NOT NULL, regionCode TEXT NOT NULL);
    CREATE INDEX BenchCommune_departement ON BenchCommune (departementCode);
    CREATE INDEX BenchCommune_lat ON BenchCommune (lat);
    CREATE INDEX CandidateProfile_home ON CandidateProfile (homeCommuneCode);`);
  const insert = sqlite.prepare(`INSERT INTO BenchCommune (code, lat, lon, departementCode, regionCode) VALUES (?, ?, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (const c of listCommunes()) insert.run(c.code, c.lat, c.lon, c.departementCode, c.regionCode);
  })();
}
