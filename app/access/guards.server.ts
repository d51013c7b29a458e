import { Prisma } from "~/generated/prisma/client";
import { forbidden } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { actingKeys, candidateEntriesWhere, notHiddenFromWhere, publicOfferWhere, type CabinetScope } from "./rules";

/**
 * The gate's guards: who the acting user is, and which rows are theirs to act on. The rules
 * themselves are app/access/rules.ts.
 *
 * - A user of the wrong kind for a function (a candidate calling an employer's function) gets
 *   403: that is a space they may not enter, and says nothing of any object.
 * - An object that is not the actor's (another collectivité's position, another cabinet's
 *   mission, another candidate's application) is "not found": the `…Where` fragments below are
 *   added to the query, so such a row is never read, and the route answers 404, never 403 (an
 *   identifier must not tell whether it exists).
 */

// ---------------------------------------------------------------------------------------------
// Actors

export type Employer = { userId: string; organizationId: string; officialKey: string };
export type CabinetUser = SessionUser & { organization: NonNullable<SessionUser["organization"]> };

/** An employer of a collectivité; anyone else: 403. */
export function asEmployer(user: SessionUser): Employer {
  if (user.role !== "EMPLOYER" || !user.organization || user.organization.kind !== "COLLECTIVITE") throw forbidden();
  return { userId: user.id, organizationId: user.organization.id, officialKey: user.organization.officialKey };
}

/** A consultant of a cabinet; anyone else: 403. */
export function assertConsultant(user: SessionUser): asserts user is CabinetUser {
  if (user.role !== "CONSULTANT" || !user.organization || user.organization.kind !== "CABINET") throw forbidden();
}

/** A candidate; anyone else: 403. */
export function assertCandidate(user: Pick<SessionUser, "role">): void {
  if (user.role !== "CANDIDATE") throw forbidden();
}

/** Vivier's administrator; anyone else: 403. */
export function assertAdmin(user: Pick<SessionUser, "role">): void {
  if (user.role !== "ADMIN") throw forbidden();
}

/**
 * Who may invite whom: an admin invites the first employer of a collectivité or the lead of a
 * cabinet; a cabinet's lead invites consultants into their own cabinet; nobody else invites.
 */
export function invitationRights(
  actor: SessionUser,
  organization: { id: string; kind: string },
): { role: "EMPLOYER" | "CONSULTANT"; isCabinetLead: boolean } | null {
  if (actor.role === "ADMIN") {
    return organization.kind === "CABINET" ? { role: "CONSULTANT", isCabinetLead: true } : { role: "EMPLOYER", isCabinetLead: false };
  }
  if (actor.role === "CONSULTANT" && actor.isCabinetLead && actor.organization?.id === organization.id) return { role: "CONSULTANT", isCabinetLead: false };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Objects: the employer's positions

/** The positions of the employer's collectivité (one of them with `id`). */
export function employerPositionWhere(employer: Employer, id?: string): Prisma.PositionWhereInput {
  return { ...(id ? { id } : {}), organizationId: employer.organizationId };
}

/** Does this position belong to the employer's collectivité? */
export async function isEmployerPosition(employer: Employer, positionId: string): Promise<boolean> {
  return (await db.position.count({ where: employerPositionWhere(employer, positionId) })) > 0;
}

/**
 * The applications (one with `id`) to the positions of the employer's collectivité from
 * candidates who do not hide from it (rules.ts, rule 2): the only applications whose page,
 * interviews and thread the employer reaches (rule 13); anything else is "not found".
 */
export function employerApplicationWhere(employer: Employer, id?: string): Prisma.ApplicationWhereInput {
  return { ...(id ? { id } : {}), position: employerPositionWhere(employer), profile: notHiddenFromWhere([employer.officialKey]) };
}

// ---------------------------------------------------------------------------------------------
// Objects: a cabinet's missions

/**
 * The missions the consultant works on (one of them with `id`): every mission of the cabinet for
 * its lead, who staffs them; the missions they are on for another consultant. The others of the
 * cabinet see nothing of a mission: it is "not found" to them.
 */
export function cabinetMissionWhere(user: CabinetUser, id?: string): Prisma.MissionWhereInput {
  return {
    ...(id ? { id } : {}),
    cabinetId: user.organization.id,
    ...(user.isCabinetLead ? {} : { consultants: { some: { userId: user.id } } }),
  };
}

type MissionChoiceRow = { id: string; title: string; collectiviteName: string };

/**
 * The missions a consultant may run a talent search for (« Pour la mission »): those
 * cabinetMissionWhere gives them (every mission of the cabinet for its lead, the missions they
 * are on for another consultant), active, or `current` whatever its state; the most recent first.
 * The same rule written in SQL, one statement, the same on both databases: read on every talent
 * search, where Prisma's nested read cost three statements and about 1.5 ms of CPU
 * (docs/decisions/146). tests/integration/talent-search.test.ts compares both, actor by actor.
 */
export async function missionChoices(user: CabinetUser, current: string | null): Promise<MissionChoiceRow[]> {
  const onTheMission = user.isCabinetLead
    ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "MissionConsultant" mc WHERE mc."missionId" = m."id" AND mc."userId" = ${user.id})`;
  return db.$queryRaw<MissionChoiceRow[]>`
    SELECT m."id", p."title", o."name" AS "collectiviteName"
    FROM "Mission" m
    JOIN "Position" p ON p."id" = m."positionId"
    JOIN "Organization" o ON o."id" = p."organizationId"
    WHERE m."cabinetId" = ${user.organization.id} AND (m."status" = 'ACTIVE' OR m."id" = ${current}) ${onTheMission}
    ORDER BY m."status" ASC, m."createdAt" DESC, m."id" ASC`;
}

/**
 * The shortlist entries (one with `id`) of the missions the consultant works on: the only entries
 * whose page, evaluation and CV they reach (rules.ts, rules 7 and 10).
 */
export function cabinetEntryWhere(user: CabinetUser, id?: string): Prisma.ShortlistEntryWhereInput {
  return { ...(id ? { id } : {}), mission: cabinetMissionWhere(user) };
}

/**
 * Who staffs a mission (assigns and removes its consultants): the lead of the cabinet that holds
 * it, and nobody else — a consultant on the mission works on it but does not choose colleagues.
 */
export function mayStaffMission(user: CabinetUser, mission: { cabinetId: string }): boolean {
  return user.isCabinetLead && mission.cabinetId === user.organization.id;
}

/** Where the consultant may look, for the reveal rule (rules.ts, rule 3). */
export function cabinetScope(user: CabinetUser): CabinetScope {
  return { cabinetId: user.organization.id, missions: cabinetMissionWhere(user) };
}

/** The cabinet's rows tied to a mission (contact requests…): those of no mission, or of one the consultant is on. */
export function cabinetRowOfMyMissionsWhere(user: CabinetUser): { cabinetId: string; OR: [{ missionId: null }, { mission: Prisma.MissionWhereInput }] } {
  return { cabinetId: user.organization.id, OR: [{ missionId: null }, { mission: cabinetMissionWhere(user) }] };
}

/**
 * The keys a consultant acts for (rules.ts, rule 2): their cabinet, the collectivités of the
 * cabinet's active missions, and the collectivité of `missionClientKey` (the mission at hand,
 * ended or not).
 */
export async function consultantKeys(user: CabinetUser, missionClientKey?: string | null): Promise<{ organizationKey: string; clients: string[]; keys: string[] }> {
  // One statement in SQL, the same on both databases (docs/decisions/132): read on every talent
  // search, where Prisma's nested read costs three statements and five times the CPU (146).
  const active = await db.$queryRaw<Array<{ officialKey: string }>>`
    SELECT DISTINCT o."officialKey"
    FROM "Mission" m
    JOIN "Position" p ON p."id" = m."positionId"
    JOIN "Organization" o ON o."id" = p."organizationId"
    WHERE m."cabinetId" = ${user.organization.id} AND m."status" = 'ACTIVE'`;
  const clients = new Set(active.map((o) => o.officialKey));
  if (missionClientKey) clients.add(missionClientKey);
  const sorted = [...clients].sort();
  return { organizationKey: user.organization.officialKey, clients: sorted, keys: actingKeys({ organizationKey: user.organization.officialKey, clients: sorted }) };
}

// ---------------------------------------------------------------------------------------------
// Objects: a candidate's own rows

export function ownProfileWhere(user: SessionUser): Prisma.CandidateProfileWhereInput {
  return { userId: user.id };
}

export function ownApplicationWhere(user: SessionUser, id?: string): Prisma.ApplicationWhereInput {
  return { ...(id ? { id } : {}), profile: { userId: user.id } };
}

export function ownContactRequestWhere(user: SessionUser, id?: string): Prisma.ContactRequestWhereInput {
  return { ...(id ? { id } : {}), profile: { userId: user.id } };
}

/** The candidate's own entries that they may read (rules.ts, rule 8), one with `id`. */
export function ownEntryWhere(user: SessionUser, id?: string): Prisma.ShortlistEntryWhereInput {
  return { ...(id ? { id } : {}), ...candidateEntriesWhere(user.id) };
}

/** The consents asked of the candidate, on entries they may read. */
export function ownConsentRequestWhere(user: SessionUser, id?: string): Prisma.ConsentRequestWhereInput {
  return { ...(id ? { id } : {}), entry: candidateEntriesWhere(user.id) };
}

export function ownRefereeWhere(user: SessionUser, id?: string): Prisma.RefereeWhereInput {
  return { ...(id ? { id } : {}), profile: { userId: user.id } };
}

// ---------------------------------------------------------------------------------------------
// Public offers

/** A public offer by id (rules.ts, rule 6). */
export function publicOfferByIdWhere(id: string): Prisma.PositionWhereInput {
  return { id, ...publicOfferWhere };
}

// ---------------------------------------------------------------------------------------------
// The position's committee and its finalists (rules.ts, rule 12)

export type CommitteeRole = "CONTRIBUTE" | "DECIDE" | "EVALUATE";

/**
 * Who looks at a position's finalists, and with which rights: an employer of the collectivité
 * (who may also sit on the committee), or a member of that position's committee with an
 * account. `member` is their seat, read again at every request: a removed member is a stranger
 * at once.
 */
export type FinalistsViewer = {
  userId: string;
  name: string;
  positionId: string;
  positionTitle: string;
  positionState: string;
  organizationId: string;
  organizationKey: string;
  organizationName: string;
  employer: boolean;
  member: { id: string; role: CommitteeRole; name: string } | null;
};

/**
 * The viewer of a position's finalists, or null (not found: another collectivité's position,
 * or a committee the user does not sit on). Anyone but an employer or a committee member: 403.
 */
export async function finalistsViewer(user: SessionUser, positionId: string): Promise<FinalistsViewer | null> {
  const isEmployer = user.role === "EMPLOYER" && user.organization?.kind === "COLLECTIVITE";
  if (!isEmployer && user.role !== "COMMITTEE") throw forbidden();
  const position = await db.position.findFirst({
    where: {
      id: positionId,
      ...(isEmployer ? { organizationId: user.organization!.id } : { committee: { some: { userId: user.id } } }),
    },
    select: {
      id: true, title: true, state: true,
      organization: { select: { id: true, officialKey: true, name: true } },
      committee: { where: { userId: user.id }, select: { id: true, role: true, name: true }, take: 1 },
    },
  });
  if (!position) return null;
  const seat = position.committee[0];
  return {
    userId: user.id,
    name: user.name,
    positionId: position.id,
    positionTitle: position.title,
    positionState: position.state,
    organizationId: position.organization.id,
    organizationKey: position.organization.officialKey,
    organizationName: position.organization.name,
    employer: isEmployer,
    member: seat ? { id: seat.id, role: seat.role as CommitteeRole, name: seat.name } : null,
  };
}

/** What a viewer may do on the finalists: score (évalue, décide), decide (décide), organise (employers). */
export function committeeRights(viewer: Pick<FinalistsViewer, "employer" | "member">) {
  const role = viewer.member?.role ?? null;
  return {
    score: role === "EVALUATE" || role === "DECIDE",
    decide: role === "DECIDE",
    organise: viewer.employer,
  };
}

/** The positions whose committee the user sits on (their seats). */
export function committeeSeatsWhere(user: SessionUser): Prisma.CommitteeMemberWhereInput {
  return { userId: user.id };
}

/** A candidate's own consent requests. */
export function ownConsentWhere(user: SessionUser, id?: string): Prisma.ConsentRequestWhereInput {
  return { ...(id ? { id } : {}), entry: { profile: { userId: user.id } } };
}
