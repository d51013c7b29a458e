import type { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/utils/session.server";

/**
 * The journal of accesses to candidates' identities (AuditEvent). Written by the code that reads
 * the identity, inside the same transaction as that read: a view is never served without its
 * line, and a line never written for a read that failed. Names are copied so the line reads the
 * same after a rename or a departure.
 */

export type AuditInput = {
  actor: { id: string; name: string };
  organization: { id: string; name: string } | null;
  action: "IDENTITY_VIEW" | "CV_DOWNLOAD" | "EXPORT";
  profileId: string | null;
  missionId: string | null;
  detail: string;
  clientAddress: string;
};

export async function recordAudit(tx: Prisma.TransactionClient, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((e) => ({
      actorId: e.actor.id,
      actorName: e.actor.name,
      organizationId: e.organization?.id ?? null,
      organizationName: e.organization?.name ?? "",
      action: e.action,
      profileId: e.profileId,
      missionId: e.missionId,
      detail: e.detail,
      clientAddress: e.clientAddress,
    })),
  });
}

/** Who acts, as a journal line names them: the user, their organisation, their address. */
export function auditActor(user: SessionUser, clientAddress: string | undefined): Pick<AuditInput, "actor" | "organization" | "clientAddress"> {
  return {
    actor: { id: user.id, name: user.name },
    organization: user.organization ? { id: user.organization.id, name: user.organization.name } : null,
    clientAddress: clientAddress ?? "",
  };
}
