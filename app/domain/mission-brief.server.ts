import { Prisma } from "~/generated/prisma/client";
import { asEmployer, assertConsultant, cabinetMissionWhere, employerPositionWhere, type CabinetUser } from "~/access/guards.server";
import {
  BRIEF_COLLECTIVITE_TYPE_LABEL, BRIEF_COLLECTIVITE_TYPES, BRIEF_SIZES, briefDiff, emptyBrief, sameBrief,
  type BriefChange, type BriefCollectiviteType, type BriefContent, type BriefField,
} from "~/schemas/mission-brief";
import { emptyTalentSearch, MAX_QUERY_LENGTH, talentSearchQuery } from "~/schemas/talent-search";
import { db } from "~/utils/db.server";
import { jsonList } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import { getRegion, listRegions } from "~/reference/territory.server";

/**
 * The mission brief (cadrage): written by the mission's consultants with the collectivité, every
 * save a new version (who, when, what changed); shared with the collectivité's employers, who
 * read it on their position's page and record their agreement. The employer reads the brief and
 * nothing else of the mission: never its shortlist (the gate's rule 7).
 */

type BriefRow = {
  context: string; transformation: string; offer: string; targetFunctions: string; targetCollectiviteTypes: string;
  targetSizes: string; targetRegions: string; priorityCompetencies: string; careerPaths: string; atypicalWelcome: boolean; atypicalTerms: string;
};

const strings = (text: string) => jsonList<unknown>(text).filter((v): v is string => typeof v === "string");

/** A stored version as the form and the pages read it. */
export function briefContent(row: BriefRow): BriefContent {
  return {
    context: row.context,
    transformation: row.transformation,
    offer: row.offer,
    targetFunctions: strings(row.targetFunctions),
    targetCollectiviteTypes: strings(row.targetCollectiviteTypes).filter((t): t is BriefCollectiviteType => (BRIEF_COLLECTIVITE_TYPES as readonly string[]).includes(t)),
    targetSizes: strings(row.targetSizes).filter((s) => (BRIEF_SIZES as readonly string[]).includes(s)),
    targetRegions: strings(row.targetRegions),
    priorityCompetencies: strings(row.priorityCompetencies),
    careerPaths: row.careerPaths,
    atypicalWelcome: row.atypicalWelcome,
    atypicalTerms: row.atypicalTerms,
  };
}

const briefSelect = {
  id: true, version: true, createdAt: true, context: true, transformation: true, offer: true, targetFunctions: true, targetCollectiviteTypes: true,
  targetSizes: true, targetRegions: true, priorityCompetencies: true, careerPaths: true, atypicalWelcome: true, atypicalTerms: true,
  author: { select: { name: true } },
} satisfies Prisma.MissionBriefSelect;

/** A code of a list field as a person reads it (a région's name, a type's label). */
export function describeBriefValue(field: BriefField, value: string): string {
  if (field === "targetRegions") return getRegion(value)?.name ?? value;
  if (field === "targetCollectiviteTypes") return BRIEF_COLLECTIVITE_TYPE_LABEL[value as BriefCollectiviteType] ?? value;
  return value;
}

/**
 * « Lancer la recherche »: the talent search of the mission, its words the functions the brief
 * targets (the search drops the last words when nothing matches them all), in its régions.
 */
export function briefSearchUrl(missionId: string, content: Pick<BriefContent, "targetFunctions" | "targetRegions">): string {
  const q = content.targetFunctions.join(" ").slice(0, MAX_QUERY_LENGTH).trim();
  return `/cabinet/vivier?${talentSearchQuery({ ...emptyTalentSearch(), mission: missionId, q, region: content.targetRegions.filter((r) => !!getRegion(r)) })}`;
}

export type BriefSummary = {
  version: number;
  updatedAt: string;
  author: string | null;
  context: string;
  targetFunctions: string[];
  targetRegions: string[];
  priorityCompetencies: string[];
  sharedAt: string | null;
  agreedAt: string | null;
  agreedByName: string | null;
  searchUrl: string;
} | null;

/** What the mission page shows of the brief: its latest version in short, and where it stands. */
export function briefSummary(mission: {
  id: string; briefSharedAt: Date | null; briefAgreedAt: Date | null; briefAgreedByName: string | null;
  briefs: Array<{ version: number; createdAt: Date; author: { name: string } | null; context: string; targetFunctions: string; targetRegions: string; priorityCompetencies: string }>;
}): BriefSummary {
  const last = mission.briefs[0];
  if (!last) return null;
  const targetFunctions = strings(last.targetFunctions);
  const regions = strings(last.targetRegions);
  return {
    version: last.version,
    updatedAt: last.createdAt.toISOString(),
    author: last.author?.name ?? null,
    context: last.context,
    targetFunctions,
    targetRegions: regions.map((r) => describeBriefValue("targetRegions", r)),
    priorityCompetencies: strings(last.priorityCompetencies),
    sharedAt: mission.briefSharedAt?.toISOString() ?? null,
    agreedAt: mission.briefAgreedAt?.toISOString() ?? null,
    agreedByName: mission.briefAgreedByName,
    searchUrl: briefSearchUrl(mission.id, { targetFunctions, targetRegions: regions }),
  };
}

// ---------------------------------------------------------------------------------------------
// The consultant's page (/cabinet/missions/:id/cadrage)

export type BriefVersion = { version: number; at: string; author: string | null; changes: BriefChange[] };

/** The brief's page: the latest version in the form, every version with what it changed; null: not the consultant's mission. */
export async function briefPage(user: SessionUser, missionId: string) {
  assertConsultant(user);
  const mission = await db.mission.findFirst({
    where: cabinetMissionWhere(user, missionId),
    select: {
      id: true, status: true, briefSharedAt: true, briefAgreedAt: true, briefAgreedByName: true,
      position: { select: { title: true, organization: { select: { name: true } } } },
      briefs: { orderBy: { version: "asc" }, select: briefSelect },
    },
  });
  if (!mission) return null;
  const contents = mission.briefs.map(briefContent);
  const versions: BriefVersion[] = mission.briefs
    .map((b, i) => ({ version: b.version, at: b.createdAt.toISOString(), author: b.author?.name ?? null, changes: briefDiff(i ? contents[i - 1] : null, contents[i], describeBriefValue) }))
    .reverse();
  const current = contents[contents.length - 1] ?? emptyBrief();
  return {
    mission: {
      id: mission.id,
      open: mission.status === "ACTIVE",
      title: mission.position.title,
      collectiviteName: mission.position.organization.name,
      sharedAt: mission.briefSharedAt?.toISOString() ?? null,
      agreedAt: mission.briefAgreedAt?.toISOString() ?? null,
      agreedByName: mission.briefAgreedByName,
    },
    current,
    versions,
    regions: listRegions().map((r) => ({ code: r.code, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    searchUrl: contents.length ? briefSearchUrl(mission.id, current) : null,
  };
}

export type BriefResult = { ok: true; version: number | null } | { ok: false; status: 400 | 404 | 409; error: string };

const NOT_YOURS = { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." } as const;
const CLOSED = { ok: false, status: 409, error: "Cette mission est terminée : son cadrage ne change plus." } as const;

/**
 * Saves the brief as a new version (version null: nothing changed, nothing written). A brief the
 * collectivité had agreed to needs its agreement again once changed; a shared one stays shared.
 */
export async function saveBrief(user: SessionUser, missionId: string, content: BriefContent): Promise<BriefResult> {
  assertConsultant(user);
  const unknownRegion = content.targetRegions.find((r) => !getRegion(r));
  if (unknownRegion) return { ok: false, status: 400, error: "Choisissez les régions dans la liste." };
  return saveVersion(user, missionId, content).catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, status: 409, error: "Un collègue vient d’enregistrer le cadrage : rechargez la page pour partir de sa version." } as const;
    }
    throw error;
  });
}

function saveVersion(user: CabinetUser, missionId: string, content: BriefContent): Promise<BriefResult> {
  return db.$transaction(async (tx) => {
    const mission = await tx.mission.findFirst({
      where: cabinetMissionWhere(user, missionId),
      select: { id: true, status: true, briefs: { orderBy: { version: "desc" }, take: 1, select: briefSelect } },
    });
    if (!mission) return NOT_YOURS;
    if (mission.status !== "ACTIVE") return CLOSED;
    const last = mission.briefs[0];
    if (last && sameBrief(briefContent(last), content)) return { ok: true, version: null } as const;
    const version = (last?.version ?? 0) + 1;
    // The unique (missionId, version) refuses a colleague's save made meanwhile: theirs wins.
    await tx.missionBrief.create({
      data: {
        missionId: mission.id, version, authorId: user.id,
        context: content.context, transformation: content.transformation, offer: content.offer,
        targetFunctions: JSON.stringify(content.targetFunctions), targetCollectiviteTypes: JSON.stringify(content.targetCollectiviteTypes),
        targetSizes: JSON.stringify(content.targetSizes), targetRegions: JSON.stringify(content.targetRegions),
        priorityCompetencies: JSON.stringify(content.priorityCompetencies), careerPaths: content.careerPaths,
        atypicalWelcome: content.atypicalWelcome, atypicalTerms: content.atypicalWelcome ? content.atypicalTerms : "",
      },
    });
    await tx.mission.update({ where: { id: mission.id }, data: { briefAgreedAt: null, briefAgreedByName: null } });
    return { ok: true, version } as const;
  });
}

/** « Partager avec la collectivité »: its employers read the brief on their position's page. */
export async function shareBrief(user: SessionUser, missionId: string): Promise<BriefResult> {
  assertConsultant(user);
  const mission = await db.mission.findFirst({ where: cabinetMissionWhere(user, missionId), select: { id: true, status: true, briefSharedAt: true, _count: { select: { briefs: true } } } });
  if (!mission) return NOT_YOURS;
  if (mission.status !== "ACTIVE") return CLOSED;
  if (mission._count.briefs === 0) return { ok: false, status: 409, error: "Écrivez et enregistrez le cadrage avant de le partager avec la collectivité." };
  if (!mission.briefSharedAt) await db.mission.update({ where: { id: mission.id }, data: { briefSharedAt: new Date() } });
  return { ok: true, version: null };
}

// ---------------------------------------------------------------------------------------------
// The employer's side (/employeur/postes/:id)

/**
 * The briefs shared with the employer's collectivité for one of its positions, one per mission,
 * latest version only: the brief, who shared it and whether it was agreed. Nothing else.
 */
export async function employerBriefs(user: SessionUser, positionId: string) {
  const employer = asEmployer(user);
  const missions = await db.mission.findMany({
    where: { positionId, position: employerPositionWhere(employer), briefSharedAt: { not: null } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, status: true, briefSharedAt: true, briefAgreedAt: true, briefAgreedByName: true,
      cabinet: { select: { name: true } },
      briefs: { orderBy: { version: "desc" }, take: 1, select: briefSelect },
    },
  });
  return missions
    .filter((m) => m.briefs.length > 0)
    .map((m) => {
      const content = briefContent(m.briefs[0]);
      return {
        missionId: m.id,
        open: m.status === "ACTIVE",
        cabinetName: m.cabinet.name,
        sharedAt: m.briefSharedAt!.toISOString(),
        updatedAt: m.briefs[0].createdAt.toISOString(),
        agreedAt: m.briefAgreedAt?.toISOString() ?? null,
        agreedByName: m.briefAgreedByName,
        content: {
          ...content,
          targetRegions: content.targetRegions.map((r) => describeBriefValue("targetRegions", r)),
          targetCollectiviteTypes: content.targetCollectiviteTypes.map((t) => describeBriefValue("targetCollectiviteTypes", t)),
        },
      };
    });
}

export type EmployerBrief = Awaited<ReturnType<typeof employerBriefs>>[number];

/** « Valider le cadrage », by an employer of the position's collectivité (named on the record). */
export async function agreeBrief(user: SessionUser, positionId: string, missionId: string): Promise<{ ok: true } | { ok: false; status: 404 | 409; error: string }> {
  const employer = asEmployer(user);
  const mission = await db.mission.findFirst({
    where: { id: missionId, positionId, position: employerPositionWhere(employer), briefSharedAt: { not: null } },
    select: { id: true, status: true, briefAgreedAt: true },
  });
  if (!mission) return { ok: false, status: 404, error: "Ce cadrage n’existe pas ou ne vous a pas été partagé." };
  if (mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée : son cadrage ne se valide plus." };
  if (mission.briefAgreedAt) return { ok: false, status: 409, error: "Ce cadrage est déjà validé." };
  await db.mission.update({ where: { id: mission.id }, data: { briefAgreedAt: new Date(), briefAgreedByName: user.name } });
  return { ok: true };
}

/** The cabinets whose active mission handles the applications to the employer's position (their names). */
export async function cabinetsHandlingApplications(user: SessionUser, positionId: string): Promise<string[]> {
  const employer = asEmployer(user);
  const missions = await db.mission.findMany({
    where: { positionId, status: "ACTIVE", position: employerPositionWhere(employer) },
    orderBy: { createdAt: "asc" },
    select: { cabinet: { select: { name: true } } },
  });
  return missions.map((m) => m.cabinet.name);
}
