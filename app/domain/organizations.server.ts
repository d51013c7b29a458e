import { db } from "~/utils/db.server";
import { attachmentNames } from "~/utils/mail.server";
import type { SessionUser } from "~/utils/session.server";

/** Organisations as the admin manages them: every one, with its people and pending invitations. */
export type OrganizationFilters = { since?: Date | null; kind?: "COLLECTIVITE" | "CABINET" | null; invited?: boolean };

/** The organisations, with the filters the admin's home links to. */
export async function listOrganizationsForAdmin(filters: OrganizationFilters = {}) {
  return db.organization.findMany({
    where: {
      ...(filters.since ? { createdAt: { gt: filters.since } } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.invited ? { invitations: { some: { acceptedAt: null, expiresAt: { gt: new Date() } } } } : {}),
    },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true, kind: true, name: true, officialKey: true, collectiviteType: true, departementCode: true, population: true,
      _count: { select: { users: true } },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, email: true, expiresAt: true } },
    },
  });
}

/** A cabinet lead's team: the consultants of their own cabinet and the invitations pending. */
export async function cabinetTeam(user: SessionUser) {
  const organizationId = user.organization?.id ?? "";
  const [consultants, invitations] = await Promise.all([
    db.user.findMany({ where: { organizationId, role: "CONSULTANT" }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true, isCabinetLead: true } }),
    db.invitation.findMany({ where: { organizationId, acceptedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, email: true, name: true, expiresAt: true } }),
  ]);
  return { consultants, invitations };
}

/**
 * The mails sent, newest first, as the admin reads them: the attachments by name only, and the
 * single-use links (invitations, password resets) masked — they are secrets of their addressee.
 */
export async function listMails(page: number, perPage = 30, since: Date | null = null) {
  const where = since ? { createdAt: { gt: since } } : {};
  const [total, rows] = await Promise.all([
    db.outgoingMail.count({ where }),
    db.outgoingMail.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * perPage, take: perPage }),
  ]);
  const mails = rows.map(({ attachments, ...m }) => ({
    ...m,
    attachments: attachmentNames(attachments),
    text: m.text.replace(/https?:\/\/\S+\/(invitation|mot-de-passe)\/\S+/g, "[lien personnel masqué]"),
  }));
  return { total, mails, pages: Math.max(1, Math.ceil(total / perPage)) };
}
