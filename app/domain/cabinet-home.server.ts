import type { Prisma } from "~/generated/prisma/client";
import { assertConsultant, cabinetMissionWhere } from "~/access/guards.server";
import { shortlistListedWhere, shortlistNotWithdrawnWhere } from "~/access/rules";
import { STAGES, type Stage } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { cabinetSummary } from "./dashboard.server";
import { countEntries, readEntries, shortlistScope, type ShortlistScope } from "./shortlists.server";

/**
 * The consultant's home (/cabinet): their active missions with the shortlist's counts by stage,
 * and what waits on them — entries with no move for two weeks, reference checks waiting for the
 * candidate's consent, candidates evaluated and not yet presented. Only the missions the
 * consultant is on (all of the cabinet's for its lead), each entry as the gate shows it; an entry
 * « retiré par le candidat » waits on nobody and is left out.
 */

export const STALE_AFTER_DAYS = 14;
const SHOWN = 8;
const DAY_MS = 86_400_000;
const ENDED: readonly Stage[] = ["HIRED", "NOT_RETAINED", "WITHDREW"];

type Waiting = { entryId: string; missionId: string; missionTitle: string; label: string; stage: Stage; days: number };

async function waiting(user: SessionUser, scopes: ShortlistScope[], where: (scope: ShortlistScope) => Prisma.ShortlistEntryWhereInput, now: number) {
  assertConsultant(user);
  const items: Waiting[] = [];
  let total = 0;
  for (const scope of scopes) {
    const w = { AND: [where(scope), shortlistNotWithdrawnWhere(scope.keys)] };
    total += await countEntries(scope, w);
    if (items.length >= SHOWN) continue;
    const rows = await readEntries(db, user, scope, w, { take: SHOWN - items.length, longestInStageFirst: true });
    for (const r of rows) {
      items.push({
        entryId: r.id, missionId: scope.mission.id, missionTitle: scope.mission.position.title, label: r.label, stage: r.stage,
        days: Math.max(0, Math.floor((now - Date.parse(r.stageChangedAt)) / DAY_MS)),
      });
    }
  }
  return { total, items };
}

export async function cabinetHome(user: SessionUser, now = Date.now()) {
  assertConsultant(user);
  const missions = await db.mission.findMany({
    where: { ...cabinetMissionWhere(user), status: "ACTIVE" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, positionId: true, position: { select: { title: true, organization: { select: { name: true } } } } },
  });
  const scopes = (await Promise.all(missions.map((m) => shortlistScope(user, m.id)))).filter((s): s is ShortlistScope => s !== null);
  const counts = await Promise.all(
    missions.map((m) => db.shortlistEntry.groupBy({ by: ["stage"], where: { AND: [{ missionId: m.id }, shortlistListedWhere(m.positionId)] }, _count: { _all: true } })),
  );
  const staleBefore = new Date(now - STALE_AFTER_DAYS * DAY_MS);
  const [summary, stale, consents, presentations] = await Promise.all([
    cabinetSummary(user),
    waiting(user, scopes, () => ({ stageChangedAt: { lt: staleBefore }, stage: { notIn: [...ENDED] } }), now),
    waiting(user, scopes, () => ({ consents: { some: { kind: "REFERENCES", answeredAt: null, withdrawnAt: null } }, stage: { notIn: [...ENDED] } }), now),
    waiting(user, scopes, () => ({ stage: "EVALUATED" }), now),
  ]);
  return {
    organization: user.organization.name,
    summary,
    missions: missions.map((m, i) => {
      const by = new Map(counts[i].map((c) => [c.stage, c._count._all]));
      return {
        id: m.id,
        title: m.position.title,
        collectiviteName: m.position.organization.name,
        total: [...by.values()].reduce((a, b) => a + b, 0),
        stages: STAGES.filter((s) => by.get(s)).map((stage) => ({ stage, count: by.get(stage)! })),
      };
    }),
    stale,
    consents,
    presentations,
  };
}

export type CabinetHome = Awaited<ReturnType<typeof cabinetHome>>;
