import { asEmployer, employerPositionWhere, ownApplicationWhere, ownConsentRequestWhere, ownContactRequestWhere, ownEntryWhere } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { activeApplicationsWhere } from "./positions.server";
import { candidateMessagesSinceWhere } from "./conversations.server";

/**
 * What each space's home says changed « depuis votre dernière visite », and what is left to do.
 * Every count is one of a list the home links to, read with the same rules as that list (so a
 * count never says more than the list shows). docs/decisions/100-home-since-last-visit.md.
 */

/** Homes opened within this gap belong to the same visit: reloading the home keeps its news. */
export const VISIT_GAP_MS = 2 * 60 * 60 * 1000;

/**
 * Records this opening of the home and gives the instant the changes are counted from: the last
 * time the home was opened in the previous visit (the account's creation for a first visit).
 */
export async function openHome(user: SessionUser, now = new Date()): Promise<Date> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { homeSeenAt: true, homeChangesSince: true, createdAt: true } });
  if (!row) return now;
  const sameVisit = row.homeSeenAt !== null && now.getTime() - row.homeSeenAt.getTime() <= VISIT_GAP_MS;
  const since = sameVisit ? (row.homeChangesSince ?? row.createdAt) : (row.homeSeenAt ?? row.createdAt);
  await db.user.update({ where: { id: user.id }, data: { homeSeenAt: now, homeChangesSince: since } });
  return since;
}

/** The employer's news and next actions, each per position where the list is one position's. */
export async function employerHome(user: SessionUser, since: Date) {
  const employer = asEmployer(user);
  const positions = employerPositionWhere(employer);
  const active = activeApplicationsWhere(user);
  const [byState, fresh, unread, missions, presented] = await Promise.all([
    db.position.groupBy({ by: ["state"], where: positions, _count: { _all: true } }),
    db.application.groupBy({ by: ["positionId"], where: { position: positions, ...active, createdAt: { gt: since } }, _count: { _all: true } }),
    // « Envoyée »: the employer has not opened the file yet (setting a state is what studying it says).
    db.application.groupBy({ by: ["positionId"], where: { position: positions, ...active, state: "SENT" }, _count: { _all: true } }),
    db.position.count({ where: { ...positions, missionsMandated: { some: { status: "ACTIVE" } } } }),
    db.presentation.groupBy({ by: ["positionId"], where: { positionId: { in: (await db.position.findMany({ where: positions, select: { id: true } })).map((p) => p.id) }, withdrawnAt: null, presentedAt: { gt: since } }, _count: { _all: true } }),
  ]);
  const ids = [...new Set([...fresh, ...unread, ...presented].map((g) => g.positionId))];
  const titles = new Map((await db.position.findMany({ where: { ...positions, id: { in: ids } }, select: { id: true, title: true } })).map((p) => [p.id, p.title]));
  const perPosition = (groups: Array<{ positionId: string; _count: { _all: number } }>) =>
    groups.filter((g) => titles.has(g.positionId)).map((g) => ({ positionId: g.positionId, title: titles.get(g.positionId) ?? "", count: g._count._all }));
  const count = (state: string) => byState.find((s) => s.state === state)?._count._all ?? 0;
  return {
    positions: { DRAFT: count("DRAFT"), PUBLISHED: count("PUBLISHED"), FILLED: count("FILLED"), CLOSED: count("CLOSED") },
    missions,
    newApplications: perPosition(fresh),
    toRead: perPosition(unread),
    newFinalists: perPosition(presented),
  };
}

/** The candidate's news and what waits for their answer. */
export async function candidateHome(user: SessionUser, since: Date) {
  const profile = await db.candidateProfile.findUnique({ where: { userId: user.id }, select: { id: true, visibility: true } });
  if (!profile) return { hasProfile: false, visibility: "HIDDEN", answered: 0, messages: 0, proposals: 0, pendingProposals: 0, pendingConsents: 0, pendingPresentations: 0, applications: 0, missions: 0 };
  const [answered, messages, proposals, pendingProposals, consents, applications, missions] = await Promise.all([
    db.application.count({ where: { ...ownApplicationWhere(user), state: { not: "WITHDRAWN" }, stateChangedAt: { gt: since } } }),
    db.message.count({ where: candidateMessagesSinceWhere(user, since) }),
    db.contactRequest.count({ where: { ...ownContactRequestWhere(user), createdAt: { gt: since } } }),
    db.contactRequest.count({ where: { ...ownContactRequestWhere(user), status: "PENDING" } }),
    db.consentRequest.groupBy({ by: ["kind"], where: { ...ownConsentRequestWhere(user), answeredAt: null, withdrawnAt: null }, _count: { _all: true } }),
    db.application.count({ where: { ...ownApplicationWhere(user), state: { not: "WITHDRAWN" } } }),
    db.shortlistEntry.count({ where: ownEntryWhere(user) }),
  ]);
  const consentsOf = (kind: string) => consents.find((c) => c.kind === kind)?._count._all ?? 0;
  return {
    hasProfile: true, visibility: profile.visibility, answered, messages, proposals, pendingProposals,
    pendingConsents: consentsOf("REFERENCES"), pendingPresentations: consentsOf("PRESENTATION"), applications, missions,
  };
}

/** The administrator's news: who joined, what the portal mailed, the journal; invitations waiting. */
export async function adminHome(since: Date) {
  const [organizations, users, mails, journal, pendingInvitations, collectivites, cabinets] = await Promise.all([
    db.organization.count({ where: { createdAt: { gt: since } } }),
    db.user.count({ where: { createdAt: { gt: since } } }),
    db.outgoingMail.count({ where: { createdAt: { gt: since } } }),
    db.auditEvent.count({ where: { at: { gt: since } } }),
    db.invitation.count({ where: { acceptedAt: null, expiresAt: { gt: new Date() } } }),
    db.organization.count({ where: { kind: "COLLECTIVITE" } }),
    db.organization.count({ where: { kind: "CABINET" } }),
  ]);
  return { organizations, users, mails, journal, pendingInvitations, collectivites, cabinets };
}
