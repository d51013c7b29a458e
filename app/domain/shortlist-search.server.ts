import { assertConsultant, cabinetMissionWhere } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * The talent search, seen from a mission: which profiles of a page of results are on the
 * mission's list already (so their card says so instead of offering to add them). Only for a
 * mission of the consultant; the profiles are the search's own hits, which the gate let through.
 */
export async function profilesOnMission(user: SessionUser, missionId: string | null, profileIds: readonly string[]): Promise<string[]> {
  assertConsultant(user);
  if (!missionId || profileIds.length === 0) return [];
  const rows = await db.shortlistEntry.findMany({
    where: { mission: cabinetMissionWhere(user, missionId), profileId: { in: [...profileIds] } },
    select: { profileId: true },
  });
  return rows.map((r) => r.profileId).filter((id): id is string => id !== null);
}
