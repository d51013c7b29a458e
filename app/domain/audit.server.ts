import type { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/utils/session.server";

/**
 * The journal (AuditEvent): each view of a revealed identity, each CV download, each export.
 * Written by the function that reads, inside the same transaction as the read, so that a read
 * the journal does not hold never happened. Names are copied (actor, organisation, what was
 * seen) so that a line reads the same after a rename or an account's deletion.
 */

export const AUDIT_ACTIONS = ["IDENTITY_VIEW", "CV_DOWNLOAD", "EXPORT"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acts, as a journal line names them: the user, their organisation, their address. */
export type AuditActor = {
  actorId: string | null;
  actorName: string;
  organizationId: string | null;
  organizationName: string;
  clientAddress: string;
};

export type AuditEventInput = AuditActor & {
  action: AuditAction;
  profileId: string | null;
  missionId: string | null;
  /** What was seen, in a few French words (the mission's position, the export's name). */
  detail: string;
};

/** The acting user as the journal names them; `clientAddress` comes from the route's context. */
export function auditActor(user: SessionUser, clientAddress: string | undefined): AuditActor {
  return {
    actorId: user.id,
    actorName: user.name,
    organizationId: user.organization?.id ?? null,
    organizationName: user.organization?.name ?? "",
    clientAddress: clientAddress ?? "",
  };
}

/** Writes the journal's lines in the caller's transaction; returns how many. */
export async function recordAudit(tx: Prisma.TransactionClient, events: readonly AuditEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const { count } = await tx.auditEvent.createMany({
    data: events.map((e) => ({
      actorId: e.actorId,
      actorName: e.actorName,
      organizationId: e.organizationId,
      organizationName: e.organizationName,
      action: e.action,
      profileId: e.profileId,
      missionId: e.missionId,
      detail: e.detail,
      clientAddress: e.clientAddress,
    })),
  });
  return count;
}
