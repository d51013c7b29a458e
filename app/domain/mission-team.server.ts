import { Prisma } from "~/generated/prisma/client";
import { assertConsultant, cabinetMissionWhere, mayStaffMission } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * Staffing: the cabinet's lead puts consultants of the cabinet on a mission and takes them off.
 * A consultant off a mission sees nothing of it from that moment (cabinetMissionWhere); the lead
 * sees every mission of the cabinet whether on it or not.
 */

export type StaffResult = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; error: string };

const NOT_YOURS = { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." } as const;
const LEAD_ONLY = { ok: false, status: 403, error: "Seul le responsable du cabinet affecte les consultants aux missions." } as const;

async function staffable(user: SessionUser, missionId: string) {
  assertConsultant(user);
  const mission = await db.mission.findFirst({ where: cabinetMissionWhere(user, missionId), select: { id: true, cabinetId: true } });
  if (!mission) return NOT_YOURS;
  if (!mayStaffMission(user, mission)) return LEAD_ONLY;
  return mission;
}

/** Puts a consultant of the cabinet on the mission. */
export async function staffMission(user: SessionUser, missionId: string, consultantId: string): Promise<StaffResult> {
  const mission = await staffable(user, missionId);
  if ("ok" in mission) return mission;
  const consultant = await db.user.findFirst({ where: { id: consultantId, organizationId: mission.cabinetId, role: "CONSULTANT" }, select: { id: true } });
  if (!consultant) return { ok: false, status: 400, error: "Choisissez un consultant de votre cabinet." };
  try {
    await db.missionConsultant.create({ data: { missionId: mission.id, userId: consultant.id } });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, status: 409, error: "Ce consultant est déjà sur la mission." };
    throw error;
  }
}

/** Takes a consultant off the mission. */
export async function unstaffMission(user: SessionUser, missionId: string, consultantId: string): Promise<StaffResult> {
  const mission = await staffable(user, missionId);
  if ("ok" in mission) return mission;
  const removed = await db.missionConsultant.deleteMany({ where: { missionId: mission.id, userId: consultantId } });
  return removed.count === 1 ? { ok: true } : { ok: false, status: 404, error: "Ce consultant n’est pas sur la mission." };
}
