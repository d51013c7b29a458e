import type { Prisma } from "~/generated/prisma/client";
import { anonymousCard } from "~/access/anonymous-card";
import { quasiFacts } from "../../search/quasi-facts";
import { assertConsultant, cabinetMissionWhere, cabinetScope, consultantKeys, type CabinetUser } from "~/access/guards.server";
import {
  cabinetRevealFacts, cabinetRevealSelect, cabinetRevealWhere, hidesFrom, isInTalentPool, shortlistEntrySight, shortlistListedWhere,
  type CabinetRevealFacts, type EntrySight,
} from "~/access/rules";
import { canMove, exitReasonLabel, STAGE_LABEL, type MoveInput, type Source, type Stage } from "~/schemas/shortlist";
import { db, isPostgresql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * The confidential shortlist of a mission: its entries, their stages and every move. Only the
 * mission's consultants reach any of it (the gate: cabinetMissionWhere); what each entry shows
 * of the candidate is the gate's rule 7 (app/access/rules.ts). The moves allowed are the one
 * table of app/schemas/shortlist.ts; an impossible move changes nothing.
 *
 * Other modules put candidates on the list inside their own transactions through the `on…`
 * functions at the end (a contact request sent or answered, an application sent).
 */

type Tx = Prisma.TransactionClient;

export type ShortlistError = { ok: false; status: 400 | 404 | 409; error: string };

const MISSION_NOT_FOUND: ShortlistError = { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." };
const ENTRY_NOT_FOUND: ShortlistError = { ok: false, status: 404, error: "Ce candidat n’est pas (ou plus) sur la liste de cette mission." };

/** The mission, if the consultant is on it, with what the shortlist rules need. */
async function missionOf(user: CabinetUser, missionId: string, tx: Tx | typeof db = db) {
  return tx.mission.findFirst({
    where: cabinetMissionWhere(user, missionId),
    select: { id: true, status: true, positionId: true, cabinetId: true, position: { select: { title: true, organization: { select: { name: true, officialKey: true } } } } },
  });
}

/** The keys the consultant acts for on this mission (the gate's rule 2). */
async function keysFor(user: CabinetUser, mission: { position: { organization: { officialKey: string } } }) {
  return (await consultantKeys(user, mission.position.organization.officialKey)).keys;
}

// ---------------------------------------------------------------------------------------------
// Entering the list

export type AddResult = { ok: true; entryId: string } | ShortlistError;

/**
 * « Ajouter à la mission »: a candidate found in the talent pool enters as identifié. Refused,
 * with nothing written, for a profile the consultant may not reach, one that hides from the
 * cabinet or the client, or one already on the list.
 */
export async function addToShortlist(user: SessionUser, missionId: string, profileId: string): Promise<AddResult> {
  assertConsultant(user);
  const mission = await missionOf(user, missionId);
  if (!mission) return MISSION_NOT_FOUND;
  if (mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée : on n’y ajoute plus de candidat." };
  const keys = await keysFor(user, mission);
  return db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUnique({
      where: { id: profileId },
      select: { id: true, visibility: true, user: { select: { role: true } }, hiddenFrom: { select: { officialKey: true } } },
    });
    if (!profile || !isInTalentPool(profile)) return { ok: false, status: 404, error: "Ce profil n’est pas (ou plus) disponible dans le vivier." } as const;
    if (hidesFrom(profile, keys)) {
      return { ok: false, status: 409, error: "Ce candidat a demandé à ne pas être montré à votre cabinet ou à cette collectivité : il ne peut pas être ajouté à la mission." } as const;
    }
    const existing = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: mission.id, profileId } }, select: { id: true } });
    if (existing) return { ok: false, status: 409, error: "Ce candidat est déjà sur la liste de cette mission." } as const;
    const entry = await createEntry(tx, { missionId: mission.id, profileId, source: "SEARCH", stage: "IDENTIFIED", actorId: user.id });
    return { ok: true, entryId: entry.id } as const;
  });
}

async function createEntry(tx: Tx, input: { missionId: string; profileId: string; source: Source; stage: Stage; actorId: string | null; reason?: string }) {
  const entry = await tx.shortlistEntry.create({
    data: { missionId: input.missionId, profileId: input.profileId, source: input.source, stage: input.stage, createdById: input.actorId },
    select: { id: true },
  });
  await tx.shortlistEvent.create({ data: { entryId: entry.id, actorId: input.actorId, fromStage: null, toStage: input.stage, reason: input.reason ?? "" } });
  return entry;
}

/** Moves an entry forward (only), with its event; used by the `on…` functions below. */
async function advance(tx: Tx, entry: { id: string; stage: string }, to: Stage, actorId: string | null, reason: string) {
  const order: readonly string[] = ["IDENTIFIED", "APPROACHED", "INTERESTED"];
  if (order.indexOf(entry.stage) < 0 || order.indexOf(entry.stage) >= order.indexOf(to)) return;
  await tx.shortlistEntry.update({ where: { id: entry.id }, data: { stage: to, stageChangedAt: new Date() } });
  await tx.shortlistEvent.create({ data: { entryId: entry.id, actorId, fromStage: entry.stage, toStage: to, reason } });
}

/** A contact request sent for a mission: the candidate is approché (entering the list if new). */
export async function onContactRequestSent(tx: Tx, input: { missionId: string; profileId: string; actorId: string }): Promise<void> {
  const entry = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: input.missionId, profileId: input.profileId } }, select: { id: true, stage: true } });
  if (!entry) {
    await createEntry(tx, { missionId: input.missionId, profileId: input.profileId, source: "CONTACT", stage: "APPROACHED", actorId: input.actorId, reason: "Proposition envoyée" });
    return;
  }
  await advance(tx, entry, "APPROACHED", input.actorId, "Proposition envoyée");
}

/** The candidate answered a mission's contact request: intéressé, or désisté (a décliné). */
export async function onContactRequestAnswered(tx: Tx, input: { missionId: string; profileId: string; accepted: boolean }): Promise<void> {
  const entry = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: input.missionId, profileId: input.profileId } }, select: { id: true, stage: true } });
  if (!entry) {
    if (input.accepted) await createEntry(tx, { missionId: input.missionId, profileId: input.profileId, source: "CONTACT", stage: "INTERESTED", actorId: null, reason: "Proposition acceptée" });
    return;
  }
  if (input.accepted) {
    await advance(tx, entry, "INTERESTED", null, "Proposition acceptée par le candidat");
  } else if (canMove(entry.stage as Stage, "WITHDREW")) {
    await tx.shortlistEntry.update({ where: { id: entry.id }, data: { stage: "WITHDREW", stageChangedAt: new Date(), exitReason: "DECLINED" } });
    await tx.shortlistEvent.create({ data: { entryId: entry.id, actorId: null, fromStage: entry.stage, toStage: "WITHDREW", reason: "Proposition déclinée par le candidat" } });
  }
}

/**
 * An application to a position: it enters the shortlist of every active mission on that
 * position (source candidature), as intéressé; a candidate already on it moves up to intéressé.
 */
export async function onApplicationSent(tx: Tx, input: { positionId: string; profileId: string }): Promise<void> {
  const missions = await tx.mission.findMany({ where: { positionId: input.positionId, status: "ACTIVE" }, select: { id: true } });
  for (const mission of missions) {
    const entry = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: mission.id, profileId: input.profileId } }, select: { id: true, stage: true } });
    if (entry) await advance(tx, entry, "INTERESTED", null, "Candidature reçue");
    else await createEntry(tx, { missionId: mission.id, profileId: input.profileId, source: "APPLICATION", stage: "INTERESTED", actorId: null, reason: "Candidature reçue" });
  }
}

/** A cabinet newly mandated for a position takes in the applications already received. */
export async function onMissionStarted(tx: Tx, missionId: string): Promise<void> {
  const mission = await tx.mission.findUniqueOrThrow({ where: { id: missionId }, select: { positionId: true } });
  const applications = await tx.application.findMany({ where: { positionId: mission.positionId, state: { not: "WITHDRAWN" } }, select: { profileId: true } });
  for (const a of applications) {
    const existing = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId, profileId: a.profileId } }, select: { id: true } });
    if (!existing) await createEntry(tx, { missionId, profileId: a.profileId, source: "APPLICATION", stage: "INTERESTED", actorId: null, reason: "Candidature reçue avant la mission" });
  }
}

// ---------------------------------------------------------------------------------------------
// Moving

export type MoveResult = { ok: true; stage: Stage } | ShortlistError;

/**
 * Moves an entry by the table of allowed moves; refused with a French message, and nothing
 * written, otherwise. « Non retenu » carries the reason and the feedback the candidate will read;
 * « désisté » a reason. The presentation to the client is not a plain move.
 */
export async function moveEntry(user: SessionUser, entryId: string, input: MoveInput): Promise<MoveResult> {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const entry = await tx.shortlistEntry.findFirst({
      where: { id: entryId, mission: cabinetMissionWhere(user) },
      select: { id: true, stage: true, mission: { select: { status: true } } },
    });
    if (!entry) return ENTRY_NOT_FOUND;
    const from = entry.stage as Stage;
    if (entry.mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée : sa liste ne change plus." } as const;
    if (input.to === "PRESENTED") {
      return { ok: false, status: 409, error: "La présentation à la collectivité se fait depuis la fiche du candidat, avec son accord." } as const;
    }
    if (!canMove(from, input.to)) {
      return { ok: false, status: 409, error: `Impossible de passer de « ${STAGE_LABEL[from]} » à « ${STAGE_LABEL[input.to]} ».` } as const;
    }
    const exit = input.to === "NOT_RETAINED" || input.to === "WITHDREW";
    // The stage is checked again in the write: a move made meanwhile by a colleague wins.
    const changed = await tx.shortlistEntry.updateMany({
      where: { id: entry.id, stage: from },
      data: {
        stage: input.to,
        stageChangedAt: new Date(),
        ...(exit ? { exitReason: input.exitReason } : {}),
        ...(input.to === "NOT_RETAINED" ? { feedback: input.feedback } : {}),
      },
    });
    if (changed.count !== 1) return { ok: false, status: 409, error: "Ce candidat vient de changer d’étape : rechargez la page." } as const;
    const why = exit ? [exitReasonLabel(input.to, input.exitReason), input.reason].filter(Boolean).join(" — ") : input.reason;
    await tx.shortlistEvent.create({ data: { entryId: entry.id, actorId: user.id, fromStage: from, toStage: input.to, reason: why } });
    return { ok: true, stage: input.to } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

const entryBaseSelect = {
  id: true, profileId: true, externalName: true, externalEmail: true, externalCvFile: true, source: true, stage: true, stageChangedAt: true,
  exitReason: true, feedback: true, createdAt: true,
} satisfies Prisma.ShortlistEntrySelect;

const profileBaseSelect = {
  id: true, pseudonym: true, visibility: true, currentFunction: true, grade: true, cadreEmplois: true, homeCommuneCode: true, currentEmployerName: true,
  // What a pseudonymous entry's anonymous card is made of (the gate's rule 14).
  status: true, filiere: true, categorie: true, yearsExperience: true, anonymousStep: true, laureateCadre: true,
  cvFile: true,
} satisfies Prisma.CandidateProfileSelect;

const entrySelect = (user: CabinetUser) =>
  ({
    ...entryBaseSelect,
    profile: {
      select: {
        ...profileBaseSelect,
        user: { select: { name: true, email: true } },
        hiddenFrom: { select: { officialKey: true } },
        ...cabinetRevealSelect(cabinetScope(user)),
      },
    },
    scorecards: { select: { total: true } },
  }) satisfies Prisma.ShortlistEntrySelect;

/** What entryView needs of an entry: its columns, its profile's, and its scorecards' totals. */
type EntryBase = Prisma.ShortlistEntryGetPayload<{ select: typeof entryBaseSelect }> & {
  profile: (Prisma.CandidateProfileGetPayload<{ select: typeof profileBaseSelect }> & { user: { name: string; email: string }; hiddenFrom: ReadonlyArray<{ officialKey: string }> }) | null;
  scorecards: ReadonlyArray<{ total: number | null }>;
};

/**
 * An entry as the mission's consultants may see it: a withdrawn candidate carries nothing but the
 * stage; a pseudonymous one their professional facts; an identified one their name and e-mail.
 * `reveal` is the gate's rule 3 for the entry's profile (null for an entry without one).
 */
function entryView(row: EntryBase, keys: readonly string[], reveal: CabinetRevealFacts | null) {
  const sight: EntrySight = shortlistEntrySight(row, row.profile, keys, reveal);
  const totals = row.scorecards.map((s) => s.total).filter((t): t is number => t !== null);
  // Written out field by field, not spread: for a list of a thousand, V8 spends ten times as
  // long building spread objects.
  if (sight === "withdrawn") {
    return {
      id: row.id, sight, source: row.source as Source, stage: row.stage as Stage, stageChangedAt: row.stageChangedAt.toISOString(), exitReason: row.exitReason,
      createdAt: row.createdAt.toISOString(),
      label: "Retiré par le candidat", name: null, email: null, profileId: null, currentFunction: null, grade: null, cadreEmplois: null, homeCommuneCode: null,
      currentEmployerName: null, hasCv: false, scoreAverage: null,
    };
  }
  const p = row.profile;
  const identity = sight === "identity" || sight === "external";
  return {
    id: row.id, sight, source: row.source as Source, stage: row.stage as Stage, stageChangedAt: row.stageChangedAt.toISOString(), exitReason: row.exitReason,
    createdAt: row.createdAt.toISOString(),
    label: sight === "external" ? (row.externalName ?? "") : identity && p ? p.user.name : (p?.pseudonym ?? ""),
    name: sight === "external" ? row.externalName : identity && p ? p.user.name : null,
    email: sight === "external" ? row.externalEmail : identity && p ? p.user.email : null,
    profileId: p?.id ?? null,
    ...professionalFacts(sight, p),
    currentEmployerName: identity && p ? p.currentEmployerName : null,
    hasCv: sight === "external" ? !!row.externalCvFile : identity && !!p?.cvFile,
    scoreAverage: totals.length ? Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
  };
}

export type ShortlistRow = ReturnType<typeof entryView>;

/**
 * A pseudonymous entry shows the anonymous card of the profile (the gate's rule 14): the family
 * of functions, the cadre d'emplois where its step allows it, never the grade. The home commune
 * stays on the row for the distance to the post, which the mission's rows show in bands only
 * (rule 9, distanceShownToCabinet); no reader of these rows sends it on.
 */
function professionalFacts(sight: EntrySight, p: EntryBase["profile"]) {
  if (!p) return { currentFunction: null, grade: null, cadreEmplois: null, homeCommuneCode: null };
  if (sight !== "pseudonym") return { currentFunction: p.currentFunction, grade: p.grade, cadreEmplois: p.cadreEmplois, homeCommuneCode: p.homeCommuneCode };
  const card = anonymousCard(quasiFacts(p), p.anonymousStep);
  return { currentFunction: card.functionFamily ? `${card.functionFamily} (famille de fonctions)` : null, grade: null, cadreEmplois: card.cadreEmplois, homeCommuneCode: p.homeCommuneCode };
}

/** The whole list of a mission (null: not the consultant's mission), oldest entries first. */
export async function listShortlist(user: SessionUser, missionId: string): Promise<ShortlistRow[] | null> {
  const scope = await shortlistScope(user, missionId);
  if (!scope) return null;
  return readEntries(db, user as CabinetUser, scope);
}

export type ShortlistScope = { mission: NonNullable<Awaited<ReturnType<typeof missionOf>>>; keys: string[] };

/**
 * A mission of the consultant (null: not theirs) and the keys they act for on it: what
 * readEntries needs, looked up once by a page that reads the list several ways.
 */
export async function shortlistScope(user: SessionUser, missionId: string): Promise<ShortlistScope | null> {
  assertConsultant(user);
  const mission = await missionOf(user, missionId);
  if (!mission) return null;
  return { mission, keys: await keysFor(user, mission) };
}

/**
 * The listed entries of the scope's mission (`where` narrows them: some ids, a stage…), each as
 * the gate shows it, oldest first. `client` may be a transaction: an export reads and writes its
 * journal in one.
 */
export async function readEntries(
  client: Tx | typeof db,
  user: CabinetUser,
  scope: ShortlistScope,
  where: Prisma.ShortlistEntryWhereInput = {},
  { take, longestInStageFirst = false }: { take?: number; longestInStageFirst?: boolean } = {},
): Promise<ShortlistRow[]> {
  // Which entries: the gate's `where` (listed on the mission, rule 7) with the caller's.
  const ids = (
    await client.shortlistEntry.findMany({
      where: { AND: [{ missionId: scope.mission.id }, shortlistListedWhere(scope.mission.positionId), where] },
      orderBy: longestInStageFirst ? [{ stageChangedAt: "asc" }, { id: "asc" }] : [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true },
    })
  ).map((e) => e.id);
  if (ids.length === 0) return [];
  // What they hold, in one statement: for a list of a thousand, nested selects cost four times
  // as much (docs/decisions/021-mission-page-performance.md). Who may see what is decided below,
  // by the gate, row by row. The same statement in each database's dialect (docs/decisions/132).
  const rows = isPostgresql()
    ? await client.$queryRaw<EntryDetailRow[]>`
    SELECT e.id, e."profileId", e."externalName", e."externalEmail", e."externalCvFile", e.source, e.stage, e."stageChangedAt", e."exitReason", e.feedback, e."createdAt",
      p.pseudonym, p.visibility, p."currentFunction", p.grade, p."cadreEmplois", p."homeCommuneCode", p."currentEmployerName", p."cvFile", u.name, u.email,
      p.status, p.filiere, p.categorie, p."yearsExperience", p."anonymousStep", p."laureateCadre",
      (SELECT string_agg(h."officialKey", chr(31)) FROM "HiddenOrganization" h WHERE h."profileId" = p.id) AS "hiddenKeys",
      (SELECT avg(s.total)::float8 FROM "Scorecard" s WHERE s."entryId" = e.id AND s.total IS NOT NULL) AS score
    FROM "ShortlistEntry" e
    LEFT JOIN "CandidateProfile" p ON p.id = e."profileId"
    LEFT JOIN "User" u ON u.id = p."userId"
    WHERE e.id = ANY(${ids}::text[])`
    : await client.$queryRaw<EntryDetailRow[]>`
    SELECT e.id, e.profileId, e.externalName, e.externalEmail, e.externalCvFile, e.source, e.stage, e.stageChangedAt, e.exitReason, e.feedback, e.createdAt,
      p.pseudonym, p.visibility, p.currentFunction, p.grade, p.cadreEmplois, p.homeCommuneCode, p.currentEmployerName, p.cvFile, u.name, u.email,
      p.status, p.filiere, p.categorie, p.yearsExperience, p.anonymousStep, p.laureateCadre,
      (SELECT group_concat(h.officialKey, char(31)) FROM HiddenOrganization h WHERE h.profileId = p.id) AS hiddenKeys,
      (SELECT avg(s.total) FROM Scorecard s WHERE s.entryId = e.id AND s.total IS NOT NULL) AS score
    FROM ShortlistEntry e
    LEFT JOIN CandidateProfile p ON p.id = e.profileId
    LEFT JOIN User u ON u.id = p.userId
    WHERE e.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const reveal = cabinetRevealWhere(cabinetScope(user));
  const ofProfiles: Prisma.CandidateProfileWhereInput = { shortlistEntries: { some: ids.length <= 200 ? { id: { in: ids } } : { missionId: scope.mission.id } } };
  const [accepted, applied] = await Promise.all([
    client.contactRequest.findMany({ where: { AND: [{ profile: ofProfiles }, reveal.contactRequests] }, select: { profileId: true } }),
    client.application.findMany({ where: { AND: [{ profile: ofProfiles }, reveal.applications] }, select: { profileId: true } }),
  ]);
  const acceptedSet = new Set(accepted.map((c) => c.profileId));
  const appliedSet = new Set(applied.map((a) => a.profileId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    const profile = r.profileId
      ? {
          id: r.profileId, pseudonym: r.pseudonym ?? "", visibility: r.visibility ?? "HIDDEN", currentFunction: r.currentFunction, grade: r.grade, cadreEmplois: r.cadreEmplois,
          homeCommuneCode: r.homeCommuneCode, currentEmployerName: r.currentEmployerName, cvFile: r.cvFile,
          status: r.status, filiere: r.filiere, categorie: r.categorie, laureateCadre: r.laureateCadre,
          yearsExperience: r.yearsExperience === null ? null : Number(r.yearsExperience), anonymousStep: r.anonymousStep === null ? null : Number(r.anonymousStep),
          user: { name: r.name ?? "", email: r.email ?? "" },
          hiddenFrom: r.hiddenKeys ? r.hiddenKeys.split("\u001f").map((officialKey) => ({ officialKey })) : [],
        }
      : null;
    const facts = profile ? { visibility: profile.visibility, acceptedContact: acceptedSet.has(profile.id), appliedThroughCabinet: appliedSet.has(profile.id) } : null;
    const entry: EntryBase = {
      id: r.id, profileId: r.profileId, externalName: r.externalName, externalEmail: r.externalEmail, externalCvFile: r.externalCvFile, source: r.source, stage: r.stage,
      stageChangedAt: new Date(r.stageChangedAt), exitReason: r.exitReason, feedback: r.feedback, createdAt: new Date(r.createdAt),
      profile, scorecards: r.score === null ? [] : [{ total: Number(r.score) }],
    };
    return entryView(entry, scope.keys, facts);
  });
}

/** One row of readEntries' statement. */
type EntryDetailRow = {
  id: string; profileId: string | null; externalName: string | null; externalEmail: string | null; externalCvFile: string | null;
  source: string; stage: string; stageChangedAt: Date | string; exitReason: string | null; feedback: string; createdAt: Date | string;
  pseudonym: string | null; visibility: string | null; currentFunction: string | null; grade: string | null; cadreEmplois: string | null;
  homeCommuneCode: string | null; currentEmployerName: string | null; cvFile: string | null; name: string | null; email: string | null;
  status: string | null; filiere: string | null; categorie: string | null; yearsExperience: number | bigint | null; anonymousStep: number | bigint | null; laureateCadre: string | null;
  hiddenKeys: string | null; score: number | null;
};

/** How many listed entries of the scope's mission `where` keeps (the same rows readEntries reads). */
export async function countEntries(scope: ShortlistScope, where: Prisma.ShortlistEntryWhereInput = {}): Promise<number> {
  return db.shortlistEntry.count({ where: { AND: [{ missionId: scope.mission.id }, shortlistListedWhere(scope.mission.positionId), where] } });
}

/**
 * One entry with its timeline (null: absent, or not on a mission of the consultant). `client`: a
 * transaction, for a reader that journals the view in the same transaction as the read.
 */
export async function getEntry(user: SessionUser, entryId: string, client: Tx | typeof db = db) {
  assertConsultant(user);
  const row = await client.shortlistEntry.findFirst({
    where: { id: entryId, mission: cabinetMissionWhere(user) },
    select: {
      ...entrySelect(user),
      missionId: true,
      mission: { select: { positionId: true, position: { select: { title: true, organization: { select: { name: true, officialKey: true } } } } } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, fromStage: true, toStage: true, reason: true, at: true, actor: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const listed = await client.shortlistEntry.count({ where: { id: row.id, ...shortlistListedWhere(row.mission.positionId) } });
  if (listed === 0) return null;
  const keys = await keysFor(user, row.mission);
  const view = entryView(row, keys, row.profile ? cabinetRevealFacts(row.profile) : null);
  return {
    entry: view,
    missionId: row.missionId,
    position: { title: row.mission.position.title, collectivite: row.mission.position.organization.name },
    // A withdrawn candidate's history is kept for the record, without a word about them.
    timeline: row.events.map((e) => ({
      id: e.id,
      from: e.fromStage as Stage | null,
      to: e.toStage as Stage,
      reason: view.sight === "withdrawn" ? "" : e.reason,
      at: e.at.toISOString(),
      by: e.actor?.name ?? "Vivier",
    })),
  };
}

export type ShortlistEntryDetail = NonNullable<Awaited<ReturnType<typeof getEntry>>>;

/** Counts by stage of a mission's list, for the mission's header and the consultant's home. */
export function countByStage(rows: ReadonlyArray<{ stage: Stage }>): Record<Stage, number> {
  const counts = Object.fromEntries(Object.keys(STAGE_LABEL).map((s) => [s, 0])) as Record<Stage, number>;
  for (const r of rows) counts[r.stage] += 1;
  return counts;
}
