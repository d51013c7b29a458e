import type { Prisma } from "~/generated/prisma/client";
import { assertConsultant, cabinetEntryWhere, type CabinetUser } from "~/access/guards.server";
import {
  candidateEntriesWhere, consentGranted, consentStanding, entryCvFile, entryEvaluationVisible, identityViewJournaled, mayAskConsent,
  mayRecordReferenceCheck, refereesVisible, type ConsentFacts, type EntrySight,
} from "~/access/rules";
import type { InterviewNoteInput, InterviewForm, ReferenceCheckInput } from "~/schemas/evaluation";
import { averageTotal, parseScorecardForm, scorecardTotal, type CriterionScore } from "~/schemas/scorecard";
import { manualMoves, type MoveInput } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import { jsonArray } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import { readCv } from "~/utils/uploads.server";
import { recordAudit, type AuditInput } from "./audit.server";
import { notifyCandidate } from "./notifications.server";
import { getEntry, moveEntry, type MoveResult } from "./shortlists.server";

/**
 * The cabinet's private evaluation of a candidate on a mission: the entry's page (who, the
 * timeline, the moves), interview notes, one scorecard per consultant on the position's weighted
 * criteria, the consent to contact referees and the reference checks, and the CV. Only the
 * mission's consultants reach any of it (cabinetEntryWhere: 404 for anyone else); what they see
 * of the entry is the gate's rules 7 and 10 (app/access/rules.ts). Reading a revealed identity or
 * a CV writes its journal line in the same transaction (app/domain/audit.server.ts).
 */

type Tx = Prisma.TransactionClient;

export type EvaluationError = { ok: false; status: 400 | 404 | 409; error: string; fieldErrors?: Record<string, string> };
export type EvaluationResult = { ok: true } | EvaluationError;

const NOT_FOUND: EvaluationError = { ok: false, status: 404, error: "Ce candidat n’est pas (ou plus) sur la liste de cette mission." };
const CLOSED: EvaluationError = { ok: false, status: 409, error: "Cette mission est terminée : son évaluation ne change plus." };
const NOT_MET: EvaluationError = {
  ok: false,
  status: 409,
  error: "L’évaluation s’ouvre quand vous savez qui est le candidat : après qu’il a accepté votre proposition ou postulé. Un candidat retiré ne s’évalue plus.",
};

function journalLine(user: CabinetUser, action: AuditInput["action"], entry: { profileId: string | null }, missionId: string, what: string, clientAddress: string): AuditInput {
  return {
    actor: { id: user.id, name: user.name },
    organization: { id: user.organization.id, name: user.organization.name },
    action,
    profileId: entry.profileId,
    missionId,
    detail: what,
    clientAddress,
  };
}

/** The entry as the gate shows it, checked to be on `missionId`, with what the writes need. */
async function entryOnMission(tx: Tx, user: CabinetUser, missionId: string, entryId: string) {
  const detail = await getEntry(user, entryId, tx);
  if (!detail || detail.missionId !== missionId) return null;
  const row = await tx.shortlistEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: {
      externalCvFile: true,
      mission: { select: { status: true, positionId: true } },
      profile: { select: { id: true, userId: true, cvFile: true, user: { select: { name: true, email: true } } } },
      consents: { select: { id: true, kind: true, requestedAt: true, answeredAt: true, granted: true, withdrawnAt: true, organizationName: true, positionTitle: true } },
    },
  });
  return { detail, row, sight: detail.entry.sight as EntrySight };
}

async function inSearch(tx: Tx, entryId: string, userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  return (await tx.shortlistEntry.count({ where: { id: entryId, ...candidateEntriesWhere(userId) } })) > 0;
}

// ---------------------------------------------------------------------------------------------
// The entry's page

function scoresOf(json: string): Array<CriterionScore & { comment: string }> {
  return jsonArray(json)
    .filter((r): r is Record<string, unknown> => !!r && typeof r === "object")
    .map((r) => ({ criterionId: String(r.criterionId ?? ""), score: typeof r.score === "number" ? r.score : null, comment: String(r.comment ?? "") }));
}

async function readEvaluation(tx: Tx, user: CabinetUser, found: NonNullable<Awaited<ReturnType<typeof entryOnMission>>>) {
  const { detail, row, sight } = found;
  const entryId = detail.entry.id;
  const [criteria, scorecards, interviews, checks, referees, searching] = await Promise.all([
    tx.criterion.findMany({ where: { positionId: row.mission.positionId }, orderBy: [{ sort: "asc" }, { id: "asc" }], select: { id: true, label: true, weight: true } }),
    tx.scorecard.findMany({ where: { entryId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, consultantId: true, scores: true, updatedAt: true, consultant: { select: { name: true } } } }),
    tx.interviewNote.findMany({
      where: { entryId },
      orderBy: [{ heldAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, heldAt: true, form: true, competences: true, comportement: true, adhesion: true, author: { select: { name: true } } },
    }),
    tx.referenceCheck.findMany({
      where: { entryId },
      orderBy: [{ checkedAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, refereeName: true, relation: true, checkedAt: true, summary: true, consultant: { select: { name: true } } },
    }),
    refereesVisible(sight, row.consents) && row.profile
      ? tx.referee.findMany({ where: { profileId: row.profile.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, relation: true, contact: true } })
      : Promise.resolve([] as Array<{ id: string; name: string; relation: string; contact: string }>),
    inSearch(tx, entryId, row.profile?.userId),
  ]);
  const cards = scorecards.map((s) => {
    const marks = scoresOf(s.scores);
    return {
      id: s.id,
      consultant: s.consultant.name,
      mine: s.consultantId === user.id,
      updatedAt: s.updatedAt.toISOString(),
      total: scorecardTotal(criteria, marks),
      marks: criteria.map((c) => {
        const m = marks.find((x) => x.criterionId === c.id);
        return { criterionId: c.id, score: m?.score ?? null, comment: m?.comment ?? "" };
      }),
    };
  });
  const consents = [...row.consents]
    .filter((c) => c.kind === "REFERENCES")
    .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())
    .map((c) => ({ id: c.id, requestedAt: c.requestedAt.toISOString(), answeredAt: c.answeredAt?.toISOString() ?? null, withdrawnAt: c.withdrawnAt?.toISOString() ?? null, state: consentStanding(c) }));
  const pending = consents.some((c) => c.state === "pending");
  return {
    criteria,
    scorecards: cards,
    average: averageTotal(cards.map((c) => c.total)),
    interviews: interviews.map((n) => ({
      id: n.id, heldAt: n.heldAt.toISOString(), form: n.form as InterviewForm, author: n.author?.name ?? "Ancien consultant",
      competences: n.competences, comportement: n.comportement, adhesion: n.adhesion,
    })),
    references: {
      consents,
      granted: consentGranted(row.consents, "REFERENCES"),
      mayAsk: mayAskConsent(sight, searching) && !pending && !consentGranted(row.consents, "REFERENCES"),
      mayRecord: mayRecordReferenceCheck(sight, row.consents),
      referees,
      checks: checks.map((c) => ({ id: c.id, refereeName: c.refereeName, relation: c.relation, checkedAt: c.checkedAt.toISOString(), summary: c.summary, by: c.consultant?.name ?? "Ancien consultant" })),
    },
    hasCv: entryCvFile(sight, row, row.profile) !== null,
  };
}

export type EntryEvaluation = Awaited<ReturnType<typeof readEvaluation>>;

/**
 * The entry's page for a consultant of the mission, or null (404). A withdrawn or pseudonymous
 * candidate comes without evaluation; a revealed identity is journaled (IDENTITY_VIEW) in the
 * transaction that read it.
 */
export async function openEntry(user: SessionUser, missionId: string, entryId: string, clientAddress: string) {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const found = await entryOnMission(tx, user, missionId, entryId);
    if (!found) return null;
    const { detail, row, sight } = found;
    const evaluation = entryEvaluationVisible(sight) ? await readEvaluation(tx, user, found) : null;
    if (identityViewJournaled(sight)) {
      await recordAudit(tx, [journalLine(user, "IDENTITY_VIEW", detail.entry, missionId, `${detail.position.title} — ${detail.position.collectivite}`, clientAddress)]);
    }
    return {
      ...detail,
      // A withdrawn candidate's entry shows its stage and nothing else (rule 7).
      timeline: sight === "withdrawn" ? [] : detail.timeline,
      missionOpen: row.mission.status === "ACTIVE",
      moves: row.mission.status === "ACTIVE" ? manualMoves(detail.entry.stage) : [],
      evaluation,
    };
  });
}

export type EntryPage = NonNullable<Awaited<ReturnType<typeof openEntry>>>;

/** The CV of an entry, through the gate; the download is journaled (CV_DOWNLOAD) with the read. */
export async function downloadEntryCv(user: SessionUser, missionId: string, entryId: string, clientAddress: string): Promise<Buffer | null> {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const found = await entryOnMission(tx, user, missionId, entryId);
    if (!found) return null;
    const file = entryCvFile(found.sight, found.row, found.row.profile);
    const bytes = file ? await readCv(file) : null;
    if (!bytes) return null;
    const { detail } = found;
    await recordAudit(tx, [journalLine(user, "CV_DOWNLOAD", detail.entry, missionId, `${detail.position.title} — ${detail.position.collectivite}`, clientAddress)]);
    return bytes;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing the evaluation

type Writable = NonNullable<Awaited<ReturnType<typeof entryOnMission>>>;

/** The entry, if the consultant may write its evaluation now; else the French refusal. */
async function writableEntry(tx: Tx, user: CabinetUser, missionId: string, entryId: string): Promise<Writable | EvaluationError> {
  const found = await entryOnMission(tx, user, missionId, entryId);
  if (!found) return NOT_FOUND;
  if (found.row.mission.status !== "ACTIVE") return CLOSED;
  if (!entryEvaluationVisible(found.sight)) return NOT_MET;
  return found;
}

function isError(v: Writable | EvaluationError): v is EvaluationError {
  return "ok" in v && v.ok === false;
}

/** The consultant's own scorecard on the entry, created or replaced; every criterion marked. */
export async function saveScorecard(user: SessionUser, missionId: string, entryId: string, form: { get(name: string): FormDataEntryValue | null }): Promise<EvaluationResult> {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const found = await writableEntry(tx, user, missionId, entryId);
    if (isError(found)) return found;
    const criteria = await tx.criterion.findMany({ where: { positionId: found.row.mission.positionId }, orderBy: [{ sort: "asc" }, { id: "asc" }], select: { id: true, weight: true } });
    if (criteria.length === 0) {
      return { ok: false, status: 409, error: "Le poste n’a pas de critères pondérés : la collectivité les fixe dans la fiche du poste, avant toute évaluation." } as const;
    }
    const parsed = parseScorecardForm(form, criteria.map((c) => c.id));
    if (!parsed.ok) return { ok: false, status: 400, error: "Votre grille n’est pas enregistrée : notez chaque critère de 1 à 4.", fieldErrors: parsed.fieldErrors } as const;
    const scores = JSON.stringify(parsed.marks);
    const total = scorecardTotal(criteria, parsed.marks);
    await tx.scorecard.upsert({
      where: { entryId_consultantId: { entryId, consultantId: user.id } },
      create: { entryId, consultantId: user.id, scores, total },
      update: { scores, total },
    });
    return { ok: true } as const;
  });
}

export async function addInterviewNote(user: SessionUser, missionId: string, entryId: string, input: InterviewNoteInput): Promise<EvaluationResult> {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const found = await writableEntry(tx, user, missionId, entryId);
    if (isError(found)) return found;
    await tx.interviewNote.create({ data: { entryId, authorId: user.id, ...input } });
    return { ok: true } as const;
  });
}

/**
 * « Demander l’accord pour contacter ses références »: a consent request the candidate answers
 * in their space, of which they get a discreet e-mail. Once per pending or granted consent.
 */
export async function askReferencesConsent(user: SessionUser, missionId: string, entryId: string): Promise<EvaluationResult> {
  assertConsultant(user);
  const outcome = await db.$transaction(async (tx) => {
    const found = await writableEntry(tx, user, missionId, entryId);
    if (isError(found)) return found;
    const { row, sight } = found;
    if (!mayAskConsent(sight, await inSearch(tx, entryId, row.profile?.userId)) || !row.profile) {
      return { ok: false, status: 409, error: "Le candidat doit d’abord accepter votre proposition pour cette mission (ou y avoir postulé) : il pourra alors lire et donner son accord." } as const;
    }
    const references = row.consents.filter((c) => c.kind === "REFERENCES");
    if (references.some((c) => consentStanding(c) === "pending")) return { ok: false, status: 409, error: "Votre demande attend déjà la réponse du candidat." } as const;
    if (consentGranted(row.consents, "REFERENCES")) return { ok: false, status: 409, error: "Le candidat a déjà donné son accord : vous pouvez contacter ses références." } as const;
    await tx.consentRequest.create({ data: { entryId, kind: "REFERENCES", requestedById: user.id } });
    return { ok: true, candidate: row.profile.user } as const;
  });
  if (!outcome.ok) return outcome;
  await notifyCandidate(outcome.candidate, "consent-request");
  return { ok: true };
}

/** A reference check, recorded only while the candidate's consent stands; the referee is one they named. */
export async function recordReferenceCheck(user: SessionUser, missionId: string, entryId: string, input: ReferenceCheckInput): Promise<EvaluationResult> {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const found = await writableEntry(tx, user, missionId, entryId);
    if (isError(found)) return found;
    const consents: ConsentFacts[] = found.row.consents;
    if (!mayRecordReferenceCheck(found.sight, consents) || !found.row.profile) {
      return { ok: false, status: 409, error: "Le candidat n’a pas (ou plus) donné son accord pour que vous contactiez ses références : demandez-le-lui d’abord, rien n’a été enregistré." } as const;
    }
    const referee = await tx.referee.findFirst({ where: { id: input.refereeId, profileId: found.row.profile.id }, select: { id: true, name: true } });
    if (!referee) return { ok: false, status: 400, error: "Choisissez une des références indiquées par le candidat.", fieldErrors: { refereeId: "Choisissez une des références indiquées par le candidat." } } as const;
    await tx.referenceCheck.create({
      data: { entryId, refereeId: referee.id, refereeName: referee.name, relation: input.relation, checkedAt: input.checkedAt, summary: input.summary, consultantId: user.id },
    });
    return { ok: true } as const;
  });
}

/** A move from the entry's page: the entry must be on this mission; the move itself is shortlists.server.ts's. */
export async function moveEntryOnMission(user: SessionUser, missionId: string, entryId: string, input: MoveInput): Promise<MoveResult> {
  assertConsultant(user);
  const onMission = await db.shortlistEntry.count({ where: { ...cabinetEntryWhere(user, entryId), missionId } });
  if (onMission === 0) return { ok: false, status: 404, error: NOT_FOUND.error };
  return moveEntry(user, entryId, input);
}
