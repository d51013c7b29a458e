import { db } from "~/utils/db.server";
import { visibleToOrganizationWhere } from "./candidates.server";
import type { SessionUser } from "~/utils/session.server";

/** What each space's home page summarises, for the acting user only. */

export async function employerSummary(user: SessionUser) {
  const organizationId = user.organization?.id ?? "";
  const [byState, applications, missions] = await Promise.all([
    db.position.groupBy({ by: ["state"], where: { organizationId }, _count: { _all: true } }),
    // Candidates who hide from the collectivité are not counted, as they are not listed.
    db.application.count({
      where: { position: { organizationId }, state: { not: "WITHDRAWN" }, profile: visibleToOrganizationWhere({ officialKey: user.organization?.officialKey ?? "" }) },
    }),
    db.mission.count({ where: { position: { organizationId }, status: "ACTIVE" } }),
  ]);
  const count = (state: string) => byState.find((s) => s.state === state)?._count._all ?? 0;
  return { drafts: count("DRAFT"), published: count("PUBLISHED"), filled: count("FILLED"), closed: count("CLOSED"), applications, missions };
}

export async function cabinetSummary(user: SessionUser) {
  const cabinetId = user.organization?.id ?? "";
  const [missions, consultants, pendingContacts] = await Promise.all([
    db.mission.count({ where: { cabinetId, status: "ACTIVE" } }),
    db.user.count({ where: { organizationId: cabinetId, role: "CONSULTANT" } }),
    db.contactRequest.count({ where: { cabinetId, status: "PENDING" } }),
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
  return profile
    ? { hasProfile: true, visibility: profile.visibility, updatedAt: profile.updatedAt.toISOString(), applications: profile._count.applications, pendingContacts: profile._count.contactRequests }
    : { hasProfile: false, visibility: "HIDDEN", updatedAt: null, applications: 0, pendingContacts: 0 };
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
