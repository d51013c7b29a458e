import { assertConsultant, cabinetMissionWhere, cabinetRowOfMyMissionsWhere, consultantKeys } from "~/access/guards.server";
import { notHiddenFromWhere } from "~/access/rules";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * The cabinet home's counts, for the acting consultant only (app/domain/cabinet-home.server.ts).
 * The other spaces' homes read their own lists (app/domain/home.server.ts and its neighbours).
 */

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
