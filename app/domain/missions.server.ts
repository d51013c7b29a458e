import type { PositionState } from "~/schemas/position";
import { asEmployer, employerPositionWhere } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { enqueue } from "../../search/outbox";
import { onMissionStarted } from "./shortlists.server";

/**
 * Missions: a collectivité entrusts the search for one of its positions to a cabinet, whose
 * consultants then see that position (even a confidential one) and run its shortlist.
 */

/** The cabinets an employer may choose from. */
export async function listCabinets() {
  return db.organization.findMany({ where: { kind: "CABINET" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Positions whose search may be entrusted: not filled, not closed. */
const MANDATABLE: readonly PositionState[] = ["DRAFT", "PUBLISHED"];

export type MissionResult = { ok: true; missionId: string } | { ok: false; status: 400 | 404 | 409; error: string };

/**
 * Mandates a cabinet for one of the user's positions. A mission that had ended is resumed
 * rather than duplicated (one mission per position and cabinet).
 */
export async function mandateCabinet(user: SessionUser, positionId: string, cabinetId: string): Promise<MissionResult> {
  const employer = asEmployer(user);
  return db.$transaction(async (tx) => {
    const position = await tx.position.findFirst({ where: employerPositionWhere(employer, positionId), select: { state: true } });
    if (!position) return { ok: false, status: 404, error: "Ce poste n’existe pas ou n’appartient pas à votre collectivité." } as const;
    if (!MANDATABLE.includes(position.state as PositionState)) {
      return { ok: false, status: 409, error: "Ce poste est pourvu ou clos : il ne peut plus être confié à un cabinet." } as const;
    }
    const cabinet = await tx.organization.findFirst({ where: { id: cabinetId, kind: "CABINET" }, select: { id: true } });
    if (!cabinet) return { ok: false, status: 400, error: "Choisissez un cabinet dans la liste." } as const;
    const existing = await tx.mission.findUnique({ where: { positionId_cabinetId: { positionId, cabinetId } } });
    if (existing?.status === "ACTIVE") return { ok: false, status: 409, error: "Ce cabinet est déjà mandaté pour ce poste." } as const;
    const mission = existing
      ? await tx.mission.update({ where: { id: existing.id }, data: { status: "ACTIVE", createdById: user.id } })
      : await tx.mission.create({ data: { positionId, cabinetId, createdById: user.id } });
    // The applications already received enter the cabinet's shortlist.
    await onMissionStarted(tx, mission.id);
    // Who may see the position changed: its search document follows.
    await enqueue(tx, "positions", positionId);
    return { ok: true, missionId: mission.id } as const;
  });
}

/** Ends a mission of one of the user's positions: the cabinet no longer works on it. */
export async function endMission(user: SessionUser, positionId: string, missionId: string): Promise<{ ok: true } | { ok: false; status: 404; error: string }> {
  const employer = asEmployer(user);
  return db.$transaction(async (tx) => {
    const changed = await tx.mission.updateMany({
      where: { id: missionId, positionId, status: "ACTIVE", position: employerPositionWhere(employer) },
      data: { status: "CLOSED" },
    });
    if (changed.count === 0) return { ok: false, status: 404, error: "Cette mission n’existe pas ou est déjà terminée." } as const;
    await enqueue(tx, "positions", positionId);
    return { ok: true } as const;
  });
}
