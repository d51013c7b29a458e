import { pathToFileURL } from "node:url";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { CABINETS, DEMO_ACCOUNTS, DEMO_PASSWORD, cabinetOrganizations, collectiviteOrganizations, demoCandidate, staffUsers } from "./seed/accounts";
import { generateApplications } from "./seed/applications";
import { planDemoEvaluation, writeDemoEvaluation } from "./seed/evaluation";
import { People, generateCandidates } from "./seed/candidates";
import { DEMO_COLLECTIVITE_COMMUNE, loadCollectivites } from "./seed/collectivites";
import { generateConversations } from "./seed/conversations";
import { createClock } from "./seed/dates";
import { Geo } from "./seed/geo";
import type { SeedPlan } from "./seed/plan";
import { generatePositions, positionId } from "./seed/positions";
import { createFaker } from "./seed/random";
import { generateSavedSearches } from "./seed/saved-searches";
import { generateShortlists, presentationReserved } from "./seed/shortlists";
import { writePlan, type Counts, type WriteSummary } from "./seed/write";
import { seedPresentations } from "./seed/presentations";
import { seedRetention } from "./seed/retention";
import { seedNotices } from "./seed/notices";
import { planInterviewStates, seedApplicationInterviews } from "./seed/application-interviews";
import { seedLastVisits } from "./seed/last-visit";

/**
 * Vivier's demo data: real collectivités of the official list with their positions, two
 * cabinets, a talent pool of 300+ candidates, their applications, the first cabinet's proposals
 * and conversations, consultant@'s saved searches, and the demo accounts (password
 * "vivier-demo").
 *
 * Idempotent: every row has a stable key (official key, e-mail, or an id derived from one), and a
 * second run finds everything in place and writes nothing. Deterministic: the data is generated
 * in memory from a fixed faker seed before the database is read; dates are relative to the day of
 * the run, so that published positions always have a deadline ahead.
 *
 * The seed writes no SearchOutbox rows: the start script reindexes everything after seeding.
 */

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/accounts";
export { positionId } from "./seed/positions";

export type SeedOptions = {
  /** The day the dates are relative to; today by default. */
  now?: Date;
};

export type SeedSummary = WriteSummary & {
  /** The demo candidate's entry on the demo DGS search, its evaluation, referee, consent and journal lines. */
  demoEvaluation: Counts;
  counts: {
    collectivites: number;
    cabinets: number;
    employers: number;
    consultants: number;
    candidates: number;
    positions: Record<"DRAFT" | "PUBLISHED" | "FILLED" | "CLOSED", number>;
    confidentialPositions: number;
    applications: number;
  };
  /** Keys the tests and the demo can rely on. */
  keys: {
    demoCollectiviteKey: string;
    demoCollectiviteName: string;
    firstCabinetKey: string;
    firstCabinetName: string;
    collectiviteKeys: string[];
    cabinetKeys: string[];
    /** Every seed account: demo accounts, employers, consultants, candidates. */
    userEmails: string[];
    candidateEmails: string[];
    positionIds: string[];
    /** The DGS of the demo collectivité, published and entrusted to the first cabinet. */
    demoDgsPositionId: string;
  };
  durationMs: number;
};

/** Builds the whole seed in memory; no database access. */
export function buildSeedPlan(now = new Date()) {
  const faker = createFaker();
  const clock = createClock(now);
  const collectivites = loadCollectivites();
  const demoCollectivite = collectivites.find((c) => c.org.code === DEMO_COLLECTIVITE_COMMUNE && c.org.type === "COMMUNE");
  if (!demoCollectivite) throw new Error("Seed: the demo collectivité is missing");
  const geo = new Geo(collectivites);
  const people = new People(faker);

  const { users, employerEmailOf } = staffUsers({ clock, people, collectivites, demoCollectivite });
  const firstCabinet = CABINETS[0];
  const lead = firstCabinet.consultants.find((c) => c.lead)!;
  const positions = generatePositions({
    faker,
    clock,
    people,
    collectivites,
    employerEmailOf,
    firstCabinet: { officialKey: firstCabinet.officialKey, name: firstCabinet.name, consultantName: `${lead.first} ${lead.last}`, consultantFemale: lead.female },
  });
  const candidates = [demoCandidate({ clock, people, geo }), ...generateCandidates({ faker, clock, geo, people, demoCollectivite })];
  const organizations = [...collectiviteOrganizations(collectivites, clock), ...cabinetOrganizations(clock)];
  const applications = planInterviewStates(generateApplications({
    faker,
    clock,
    candidates,
    positions,
    orgNames: new Map(collectivites.map((c) => [c.org.officialKey, c.designation])),
    demoCollectiviteKey: demoCollectivite.org.officialKey,
  }), demoCollectivite.org.officialKey);
  const { contactRequests, messages } = generateConversations({ clock, candidates, positions, demoCollectiviteKey: demoCollectivite.org.officialKey });
  // The missions' shortlists leave alone the people other parts of the demo give a story on the
  // same missions: those with a proposal or a message, the finalists and the hire of seed/presentations.ts.
  const moirans = collectivites.find((c) => c.slug === "moirans-en-montagne");
  const reserved = new Set([
    ...contactRequests.map((r) => r.email),
    ...messages.map((m) => m.email),
    ...presentationReserved(candidates, [demoCollectivite.org.officialKey, firstCabinet.officialKey, moirans?.org.officialKey ?? ""]),
  ]);
  const shortlists = generateShortlists({ clock, positions, candidates, applications, users, reserved });
  const plan: SeedPlan = {
    organizations, users, candidates, positions, applications,
    contactRequests: [...contactRequests, ...shortlists.contacts], messages, savedSearches: generateSavedSearches(clock), shortlists,
  };
  return { plan, demoCollectivite, firstCabinet, collectivites, clock };
}

/** The shared hash of the seed accounts: the one already stored if it still matches, so a rerun changes nothing. */
async function demoPasswordHash(db: PrismaClient): Promise<string> {
  const admin = await db.user.findUnique({ where: { email: DEMO_ACCOUNTS.admin }, select: { passwordHash: true } });
  if (admin && (await verifyPassword(DEMO_PASSWORD, admin.passwordHash))) return admin.passwordHash;
  return hashPassword(DEMO_PASSWORD);
}

export async function seed(db: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const { plan, demoCollectivite, firstCabinet, collectivites, clock } = buildSeedPlan(options.now);
  const passwordHash = await demoPasswordHash(db);
  const written = await writePlan(db, plan, passwordHash);
  const demoEvaluation = await writeDemoEvaluation(db, planDemoEvaluation({ clock, plan, demoCollectiviteKey: demoCollectivite.org.officialKey }));
  const moirans = collectivites.find((c) => c.slug === "moirans-en-montagne");
  await seedPresentations(db, {
    now: options.now ?? new Date(),
    passwordHash,
    demoCollectiviteKey: demoCollectivite.org.officialKey,
    firstCabinetKey: firstCabinet.officialKey,
    moiransKey: moirans?.org.officialKey ?? "",
  });
  await seedRetention(db, { now: options.now ?? new Date(), passwordHash });
  await seedNotices(db, { demoCollectiviteKey: demoCollectivite.org.officialKey });
  await seedApplicationInterviews(db, { now: options.now ?? new Date(), applications: plan.applications, demoCollectiviteKey: demoCollectivite.org.officialKey });
  await seedLastVisits(db, clock);
  const byState = { DRAFT: 0, PUBLISHED: 0, FILLED: 0, CLOSED: 0 };
  for (const p of plan.positions) byState[p.state]++;
  return {
    ...written,
    demoEvaluation,
    counts: {
      collectivites: collectivites.length,
      cabinets: CABINETS.length,
      employers: plan.users.filter((u) => u.role === "EMPLOYER").length,
      consultants: plan.users.filter((u) => u.role === "CONSULTANT").length,
      candidates: plan.candidates.length,
      positions: byState,
      confidentialPositions: plan.positions.filter((p) => p.confidential).length,
      applications: plan.applications.length,
    },
    keys: {
      demoCollectiviteKey: demoCollectivite.org.officialKey,
      demoCollectiviteName: demoCollectivite.org.name,
      firstCabinetKey: firstCabinet.officialKey,
      firstCabinetName: firstCabinet.name,
      collectiviteKeys: collectivites.map((c) => c.org.officialKey),
      cabinetKeys: CABINETS.map((c) => c.officialKey),
      userEmails: [...plan.users, ...plan.candidates.map((c) => c.user)].map((u) => u.email),
      candidateEmails: plan.candidates.map((c) => c.user.email),
      positionIds: plan.positions.map((p) => p.id),
      demoDgsPositionId: positionId(demoCollectivite.org.officialKey, "dgs"),
    },
    durationMs: Math.round(performance.now() - started),
  };
}

function formatSummary(s: SeedSummary): string {
  const line = (label: string, c: { total: number; created: number; updated: number; deleted: number }) =>
    `  ${label.padEnd(22)} ${String(c.total).padStart(5)}  (${c.created} created, ${c.updated} updated${c.deleted ? `, ${c.deleted} deleted` : ""})`;
  const p = s.counts.positions;
  return [
    `Seed done in ${(s.durationMs / 1000).toFixed(1)} s`,
    line("organisations", s.organizations),
    line("users", s.users),
    line("candidate profiles", s.profiles),
    line("hidden organisations", s.hiddenOrganizations),
    line("positions", s.positions),
    line("position events", s.positionEvents),
    line("committee members", s.committeeMembers),
    line("criteria", s.criteria),
    line("missions", s.missions),
    line("applications", s.applications),
    line("contact requests", s.contactRequests),
    line("messages", s.messages),
    line("saved searches", s.savedSearches),
    line("demo evaluation", s.demoEvaluation),
    line("mission consultants", s.missionConsultants),
    line("mission briefs", s.missionBriefs),
    line("message templates", s.messageTemplates),
    line("shortlist entries", s.shortlistEntries),
    line("shortlist events", s.shortlistEvents),
    line("scorecards", s.scorecards),
    line("consent requests", s.consentRequests),
    `  ${s.counts.collectivites} collectivités, ${s.counts.cabinets} cabinets, ${s.counts.employers} employers, ${s.counts.consultants} consultants, ${s.counts.candidates} candidates`,
    `  positions: ${p.PUBLISHED} published (${s.counts.confidentialPositions} confidential), ${p.DRAFT} drafts, ${p.FILLED} filled, ${p.CLOSED} closed`,
    `  demo accounts (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_ACCOUNTS).join(", ")}`,
    `  dgs@ recruits for ${s.keys.demoCollectiviteName} (${s.keys.demoCollectiviteKey}); consultant@ leads ${s.keys.firstCabinetName} (${s.keys.firstCabinetKey})`,
  ].join("\n");
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  // Only the database is needed, not the portal's configuration (~/utils/db.server reads all of
  // it, SESSION_SECRET included): the same client, built from DATABASE_URL alone.
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = await import("~/generated/prisma/client");
  const { databaseUrl } = await import("~/utils/database-url");
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 }) });
  try {
    console.log(formatSummary(await seed(db)));
  } finally {
    await db.$disconnect();
  }
}
