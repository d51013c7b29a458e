import { asEmployer, assertConsultant, cabinetMissionWhere, cabinetRowOfMyMissionsWhere, consultantKeys, employerPositionWhere, ownConsentRequestWhere, ownEntryWhere } from "~/access/guards.server";
import { notHiddenFromWhere } from "~/access/rules";
import { db } from "~/utils/db.server";
import { activeApplicationsWhere } from "./positions.server";
import type { SessionUser } from "~/utils/session.server";

/** What each space's home page summarises, for the acting user only. */

export async function employerSummary(user: SessionUser) {
  const employer = asEmployer(user);
  const [byState, applications, missions] = await Promise.all([
    db.position.groupBy({ by: ["state"], where: employerPositionWhere(employer), _count: { _all: true } }),
    // Candidates who hide from the collectivité are not counted, as they are not listed.
    db.application.count({ where: { position: employerPositionWhere(employer), ...activeApplicationsWhere(user) } }),
    db.mission.count({ where: { position: employerPositionWhere(employer), status: "ACTIVE" } }),
  ]);
  const count = (state: string) => byState.find((s) => s.state === state)?._count._all ?? 0;
  return { drafts: count("DRAFT"), published: count("PUBLISHED"), filled: count("FILLED"), closed: count("CLOSED"), applications, missions };
}

export async function cabinetSummary(user: SessionUser) {
  assertConsultant(user);
  const cabinetId = user.organization.id;
  const { keys } = await consultantKeys(user);
  const [missions, consultants, pendingContacts] = await Promise.all([
    db.mission.count({ where: { ...cabinetMissionWhere(user), status: "ACTIVE" } }),
    db.user.count({ where: { organizationId: cabinetId, role: "CONSULTANT" } }),
    // Counted as listed on /cabinet/contacts: a candidate who hides from the cabinet or a client is not there.
    db.contactRequest.count({ where: { ...cabinetRowOfMyMissionsWhere(user), status: "PENDING", profile: notHiddenFromWhere(keys) } }),
  ]);
  return { missions, consultants, pendingContacts };
}

export async function candidateSummary(user: SessionUser) {
  const profile = await db.candidateProfile.findUnique({
    where: { userId: user.id },
    select: {
      visibility: true, updatedAt: true,
      _count: { select: { applications: { where: { state: { not: "WITHDRAWN" } } }, contactRequests: { where: { status: "PENDING" } } } },
    },
  });
  const [missions, pendingConsents] = profile
    ? await Promise.all([
        db.shortlistEntry.count({ where: ownEntryWhere(user) }),
        db.consentRequest.count({ where: { ...ownConsentRequestWhere(user), answeredAt: null } }),
      ])
    : [0, 0];
  return profile
    ? { hasProfile: true, visibility: profile.visibility, updatedAt: profile.updatedAt.toISOString(), applications: profile._count.applications, pendingContacts: profile._count.contactRequests, missions, pendingConsents }
    : { hasProfile: false, visibility: "HIDDEN", updatedAt: null, applications: 0, pendingContacts: 0, missions, pendingConsents };
}

export async function adminSummary() {
  const [collectivites, cabinets, users, pendingInvitations, mails] = await Promise.all([
    db.organization.count({ where: { kind: "COLLECTIVITE" } }),
    db.organization.count({ where: { kind: "CABINET" } }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.invitation.count({ where: { acceptedAt: null, expiresAt: { gt: new Date() } } }),
    db.outgoingMail.count(),
  ]);
  return { collectivites, cabinets, users: Object.fromEntries(users.map((u) => [u.role, u._count._all])), pendingInvitations, mails };
}
