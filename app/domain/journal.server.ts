import type { Prisma } from "~/generated/prisma/client";
import { assertAdmin, assertCandidate, ownProfileWhere } from "~/access/guards.server";
import { candidateJournalSelect, employerNameForCandidate, missionSearchOfCandidateWhere } from "~/access/rules";
import { AUDIT_ACTION_FOR_CANDIDATE, auditActionLabel, JOURNAL_PAGE_SIZE, type JournalFilters } from "~/schemas/journal";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * Reading the journal of accesses to identities (AuditEvent, written by audit.server.ts): the
 * admin's whole journal, filtered; and a candidate's own lines, « qui a vu mon identité »,
 * organisation by organisation (never the staff member: the gate's candidateJournalSelect).
 */

// ---------------------------------------------------------------------------------------------
// The admin's journal

/** Midnight in Paris of a yyyy-mm-dd day, as an instant. */
function parisMidnight(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function journalWhere(f: JournalFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.organizationId ? { organizationId: f.organizationId } : {}),
    ...(f.since ? { AND: [{ at: { gt: new Date(f.since) } }] } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: parisMidnight(f.from) } : {}), ...(f.to ? { lt: parisMidnight(nextDay(f.to)) } : {}) } } : {}),
  };
}

/**
 * One page of the journal, newest first, for the admin only. The lines name the staff member and
 * their organisation, never the candidate (the admin reads who looked, not at whom).
 */
export async function listJournal(user: SessionUser, filters: JournalFilters) {
  assertAdmin(user);
  const where = journalWhere(filters);
  const [total, rows, organizations] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      select: { id: true, at: true, actorName: true, organizationName: true, action: true, detail: true, clientAddress: true },
    }),
    db.auditEvent.groupBy({ by: ["organizationId", "organizationName"], where: { organizationId: { not: null } }, orderBy: { organizationName: "asc" } }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, at: r.at.toISOString(), actionLabel: auditActionLabel(r.action) })),
    // One organisation renamed since keeps one entry: the id filters, the latest name shows.
    organizations: [...new Map(organizations.map((o) => [o.organizationId as string, o.organizationName])).entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

// ---------------------------------------------------------------------------------------------
// A candidate's own lines

async function ownProfileId(user: SessionUser): Promise<string | null> {
  return (await db.candidateProfile.findFirst({ where: ownProfileWhere(user), select: { id: true } }))?.id ?? null;
}

/** The missions of these lines, each with its title and the employer as rule 5 lets the candidate read it. */
async function missionsAsCandidateReadsThem(userId: string, missionIds: string[]) {
  if (missionIds.length === 0) return new Map<string, { title: string; employer: string | null }>();
  const [missions, inSearch] = await Promise.all([
    db.mission.findMany({ where: { id: { in: missionIds } }, select: { id: true, position: { select: { title: true, confidential: true, organization: { select: { name: true } } } } } }),
    db.mission.findMany({ where: { id: { in: missionIds }, ...missionSearchOfCandidateWhere(userId) }, select: { id: true } }),
  ]);
  const searching = new Set(inSearch.map((m) => m.id));
  return new Map(missions.map((m) => [m.id, { title: m.position.title, employer: employerNameForCandidate(m.position, searching.has(m.id)) }]));
}

type CandidateLine = { id: string; at: string; organization: string; action: string; what: string; mission: { title: string; employer: string | null } | null };

async function candidateLines(user: SessionUser, profileId: string, page: { skip: number; take: number } | null): Promise<CandidateLine[]> {
  const rows = await db.auditEvent.findMany({
    where: { profileId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    ...(page ?? {}),
    select: candidateJournalSelect,
  });
  const missions = await missionsAsCandidateReadsThem(user.id, [...new Set(rows.map((r) => r.missionId).filter((id): id is string => !!id))]);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    organization: r.organizationName || "Une organisation",
    action: r.action,
    what: auditActionLabel(r.action, AUDIT_ACTION_FOR_CANDIDATE),
    mission: r.missionId ? (missions.get(r.missionId) ?? null) : null,
  }));
}

/** « Qui a vu mon identité »: one page of the lines about the acting candidate, newest first. */
export async function ownIdentityViews(user: SessionUser, pageNumber: number) {
  assertCandidate(user);
  const profileId = await ownProfileId(user);
  if (!profileId) return { total: 0, pages: 1, page: 1, lines: [] as CandidateLine[] };
  const total = await db.auditEvent.count({ where: { profileId } });
  const pages = Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE));
  const page = Math.min(Math.max(1, pageNumber), pages);
  const lines = await candidateLines(user, profileId, { skip: (page - 1) * JOURNAL_PAGE_SIZE, take: JOURNAL_PAGE_SIZE });
  return { total, pages, page, lines };
}

/** Every line about the candidate, for their data export: organisation, action, mission, when. */
export async function identityViewsForExport(user: SessionUser, profileId: string) {
  const lines = await candidateLines(user, profileId, null);
  return lines.map((l) => ({ organization: l.organization, action: l.action, mission: l.mission?.title ?? null, at: l.at }));
}
