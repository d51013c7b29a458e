import type { Prisma } from "~/generated/prisma/client";

/**
 * The journal (AuditEvent): each view of a revealed identity, each CV download, each export,
 * written with the transaction of the read, names copied so that the line reads the same later.
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
