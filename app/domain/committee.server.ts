import type { Prisma } from "~/generated/prisma/client";
import { asEmployer, committeeRights, committeeSeatsWhere, employerPositionWhere, finalistsViewer, type FinalistsViewer } from "~/access/guards.server";
import { finalistFacts, finalistFactsSelect, finalistSight, type FinalistSight } from "~/access/rules";
import type { Decision } from "~/schemas/presentation";
import { addMonths, FOLLOW_UP_MONTHS, WITH_WHOM } from "~/schemas/presentation";
import { averageTotal, scorecardTotal, type CriterionScore } from "~/schemas/scorecard";
import { canMove, type Stage } from "~/schemas/shortlist";
import { forbidden } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { jsonList } from "~/utils/json";
import { sendMail } from "~/utils/mail.server";
import { hashToken, newToken, type SessionUser } from "~/utils/session.server";
import { readCv } from "~/utils/uploads.server";
import { INVITATION_TTL_MS } from "./accounts.server";
import { recordAudit, type AuditInput } from "./audit.server";
import { notifyCandidate, sendOptionalMail } from "./notifications.server";
import { fillPositionFromHire } from "./positions.server";

/**
 * The collectivité's side of the presentation: its committee as people (invited accounts tied
 * to one position), the finalists it reads (the gate's rule 12: app/access/rules.ts), each
 * member's scorecard, the comparison, and the decision. Every function starts from
 * finalistsViewer (app/access/guards.server.ts): another collectivité's position, or a committee
 * the user does not sit on, is « not found »; a user of another kind gets 403. Every view of an
 * identity, CV download and export is written in the journal (AuditEvent) with the read.
 *
 * Rights by committee role (docs/decisions/052-committee-rights.md): contribue reads; évalue
 * reads and scores; décide reads, scores and records the decision. The collectivité's employers
 * read everything, organise the interviews and invite the members; they score or decide only
 * through a seat of their own.
 */

type Tx = Prisma.TransactionClient;
export type CommitteeError = { ok: false; status: 400 | 403 | 404 | 409; error: string };

const FINALIST_NOT_FOUND: CommitteeError = { ok: false, status: 404, error: "Ce finaliste n’est pas (ou plus) présenté pour ce poste." };

// ---------------------------------------------------------------------------------------------
// Members and their accounts

export type InviteResult = { ok: true; link: string | null } | CommitteeError;

/**
 * « Inviter » a member of one of the employer's positions: an e-mail with a single-use link
 * (7 days) to create a committee account tied to that seat. An address that already has a
 * committee account, or is an employer of the same collectivité, is given the seat at once; any
 * other account's address is refused.
 */
export async function inviteMember(user: SessionUser, positionId: string, memberId: string, email: string): Promise<InviteResult> {
  const employer = asEmployer(user);
  const member = await db.committeeMember.findFirst({
    where: { id: memberId, positionId, position: employerPositionWhere(employer) },
    select: { id: true, name: true, userId: true, position: { select: { id: true, title: true, organization: { select: { id: true, name: true } } } } },
  });
  if (!member) return { ok: false, status: 404, error: "Ce membre n’est pas (ou plus) dans le comité de ce poste." };
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true, organizationId: true } });
  const { position } = member;
  if (existing) {
    const allowed = existing.role === "COMMITTEE" || (existing.role === "EMPLOYER" && existing.organizationId === employer.organizationId);
    if (!allowed) return { ok: false, status: 409, error: "Cette adresse est déjà celle d’un autre type de compte Vivier : indiquez une autre adresse pour ce membre." };
    await db.committeeMember.update({ where: { id: member.id }, data: { userId: existing.id, email, invitedAt: new Date() } });
    await sendMail({
      to: email,
      subject: `Vivier : comité de recrutement — ${position.title}`,
      text: [`Bonjour ${member.name},`, "", `${position.organization.name} a inscrit votre nom au comité de recrutement du poste « ${position.title} ». Connectez-vous pour voir les finalistes :`, `${env().APP_URL}/employeur/postes/${position.id}/finalistes`, "", "L’équipe Vivier"].join("\n"),
    });
    return { ok: true, link: null };
  }
  const token = newToken();
  await db.$transaction(async (tx) => {
    // One link at a time per seat: a new invitation cancels the earlier ones not yet used.
    await tx.invitation.deleteMany({ where: { committeeMemberId: member.id, acceptedAt: null } });
    await tx.invitation.create({
      data: {
        tokenHash: hashToken(token), email, name: member.name, role: "COMMITTEE", organizationId: position.organization.id,
        committeeMemberId: member.id, invitedById: user.id, expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await tx.committeeMember.update({ where: { id: member.id }, data: { email, invitedAt: new Date(), userId: null } });
  });
  const link = `${env().APP_URL}/invitation/${token}`;
  await sendMail({
    to: email,
    subject: `Invitation au comité de recrutement — ${position.title}`,
    text: [
      `Bonjour ${member.name},`,
      "",
      `${position.organization.name} vous invite à rejoindre sur Vivier le comité de recrutement du poste « ${position.title} ».`,
      "Vous y verrez les finalistes présentés pour ce poste, et rien d’autre.",
      "Créez votre accès ici (lien valable 7 jours, utilisable une fois) :",
      link,
      "",
      "L’équipe Vivier",
    ].join("\n"),
  });
  return { ok: true, link };
}

/** « Retirer l’accès »: the member keeps their place in the committee, their account loses the position at once. */
export async function revokeMemberAccess(user: SessionUser, positionId: string, memberId: string): Promise<{ ok: true } | CommitteeError> {
  const employer = asEmployer(user);
  return db.$transaction(async (tx) => {
    const changed = await tx.committeeMember.updateMany({
      where: { id: memberId, positionId, position: employerPositionWhere(employer) },
      data: { userId: null, email: null, invitedAt: null },
    });
    if (changed.count !== 1) return { ok: false, status: 404, error: "Ce membre n’est pas (ou plus) dans le comité de ce poste." } as const;
    await tx.invitation.deleteMany({ where: { committeeMemberId: memberId, acceptedAt: null } });
    return { ok: true } as const;
  });
}

/** The committee seats of the signed-in user (a committee account's home). */
export async function listSeats(user: SessionUser) {
  if (user.role !== "COMMITTEE" && user.role !== "EMPLOYER") throw forbidden();
  const seats = await db.committeeMember.findMany({
    where: committeeSeatsWhere(user),
    orderBy: [{ position: { title: "asc" } }, { id: "asc" }],
    select: { id: true, role: true, position: { select: { id: true, title: true, state: true, organization: { select: { name: true } } } } },
  });
  return seats.map((s) => ({ id: s.id, role: s.role, positionId: s.position.id, positionTitle: s.position.title, positionState: s.position.state, organizationName: s.position.organization.name }));
}

// ---------------------------------------------------------------------------------------------
// Reading the finalists

const finalistSelect = (viewer: FinalistsViewer) =>
  ({
    id: true, missionId: true, strengths: true, attention: true, salaryExpected: true, housing: true, spouseJob: true, availableFrom: true,
    cvFile: true, cabinetScore: true, cabinetCriteria: true, presentedAt: true, decidedAt: true, decidedByName: true, decisionNote: true, startDate: true,
    ...finalistFactsSelect(viewer.organizationKey, viewer.positionId),
    entry: {
      select: {
        stage: true, feedback: true,
        mission: { select: { cabinet: { select: { name: true } } } },
        profile: {
          select: {
            id: true, currentFunction: true, currentEmployerName: true, grade: true, yearsExperience: true,
            user: { select: { name: true, email: true, role: true } },
            visibility: true,
            hiddenFrom: { where: { officialKey: viewer.organizationKey }, select: { officialKey: true } },
            applications: { where: { positionId: viewer.positionId, state: { not: "WITHDRAWN" } }, select: { id: true } },
          },
        },
      },
    },
    scores: { select: { memberId: true, scores: true, total: true, submittedAt: true, member: { select: { name: true, function: true, role: true } } } },
    interviews: { where: { status: { not: "CANCELLED" } }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true, startsAt: true, place: true, videoLink: true, durationMin: true, sequence: true, slots: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } } } },
  }) satisfies Prisma.PresentationSelect;

type FinalistRow = Prisma.PresentationGetPayload<{ select: ReturnType<typeof finalistSelect> }>;

/** The scores a viewer may read on one finalist: a member who scores sees the others' once they submitted their own. */
function visibleScores(viewer: FinalistsViewer, row: FinalistRow) {
  const rights = committeeRights(viewer);
  const own = viewer.member ? row.scores.find((s) => s.memberId === viewer.member!.id) : undefined;
  const seesOthers = !rights.score || !!own;
  return {
    own: own ? { total: own.total, scores: jsonList<CriterionScore>(own.scores), submittedAt: own.submittedAt.toISOString() } : null,
    others: seesOthers
      ? row.scores
          .filter((s) => s.memberId !== viewer.member?.id)
          .map((s) => ({ memberId: s.memberId, name: s.member.name, function: s.member.function, total: s.total, scores: jsonList<CriterionScore>(s.scores) }))
      : null,
    submittedCount: row.scores.length,
  };
}

function finalistView(viewer: FinalistsViewer, row: FinalistRow, sight: FinalistSight) {
  const base = {
    id: row.id,
    sight,
    presentedAt: row.presentedAt.toISOString(),
    decision: row.decision as Decision | null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: row.decision ? row.decidedByName : "",
    startDate: row.decision === "HIRED" ? (row.startDate?.toISOString().slice(0, 10) ?? null) : null,
  };
  if (sight !== "identity" || !row.entry.profile) return { ...base, identity: null };
  const p = row.entry.profile;
  return {
    ...base,
    identity: {
      name: p.user.name,
      email: p.user.email,
      currentFunction: p.currentFunction,
      currentEmployerName: p.currentEmployerName,
      grade: p.grade,
      yearsExperience: p.yearsExperience,
      cabinetName: row.entry.mission.cabinet.name,
      strengths: row.strengths,
      attention: row.attention,
      salaryExpected: row.salaryExpected,
      housing: row.housing,
      spouseJob: row.spouseJob,
      availableFrom: row.availableFrom?.toISOString().slice(0, 10) ?? null,
      hasCv: !!row.cvFile,
      cabinetScore: row.cabinetScore,
      cabinetCriteria: jsonList<{ criterionId: string; label: string; weight: number; average: number | null }>(row.cabinetCriteria),
      decisionNote: row.decision ? row.decisionNote : "",
      stage: row.entry.stage as Stage,
      scores: visibleScores(viewer, row),
      interview: row.interviews[0]
        ? {
            id: row.interviews[0].id,
            status: row.interviews[0].status,
            startsAt: row.interviews[0].startsAt?.toISOString() ?? null,
            place: row.interviews[0].place,
            videoLink: row.interviews[0].videoLink,
            durationMin: row.interviews[0].durationMin,
            slots: row.interviews[0].slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString() })),
          }
        : null,
    },
  };
}

export type FinalistView = ReturnType<typeof finalistView>;

function audit(viewer: FinalistsViewer, action: AuditInput["action"], row: { missionId: string; entry: { profile: { id: string } | null } } | null, detail: string, clientAddress: string): AuditInput {
  return {
    actor: { id: viewer.userId, name: viewer.name },
    organization: { id: viewer.organizationId, name: viewer.organizationName },
    action,
    profileId: row?.entry.profile?.id ?? null,
    missionId: row?.missionId ?? null,
    detail,
    clientAddress,
  };
}

function viewerSummary(viewer: FinalistsViewer) {
  return {
    positionId: viewer.positionId,
    positionTitle: viewer.positionTitle,
    positionState: viewer.positionState,
    organizationName: viewer.organizationName,
    employer: viewer.employer,
    member: viewer.member,
    rights: committeeRights(viewer),
  };
}

async function readFinalists(tx: Tx, viewer: FinalistsViewer, id?: string) {
  const rows = await tx.presentation.findMany({
    where: { positionId: viewer.positionId, ...(id ? { id } : {}) },
    orderBy: [{ presentedAt: "asc" }, { id: "asc" }],
    select: finalistSelect(viewer),
  });
  return rows
    .map((row) => ({ row, sight: finalistSight(finalistFacts(row)) }))
    .filter((f) => f.sight !== "none");
}

/** The position's finalists as the viewer may see them (null: not found for them); each identity shown is journaled. */
export async function listFinalists(user: SessionUser, positionId: string, clientAddress: string) {
  const viewer = await finalistsViewer(user, positionId);
  if (!viewer) return null;
  const criteria = await db.criterion.findMany({ where: { positionId }, orderBy: { sort: "asc" }, select: { id: true, label: true, weight: true } });
  return db.$transaction(async (tx) => {
    const finalists = await readFinalists(tx, viewer);
    await recordAudit(tx, finalists.filter((f) => f.sight === "identity").map((f) => audit(viewer, "IDENTITY_VIEW", f.row, `Finalistes — ${viewer.positionTitle}`, clientAddress)));
    return { viewer: viewerSummary(viewer), criteria, finalists: finalists.map((f) => finalistView(viewer, f.row, f.sight)) };
  });
}

/** One finalist (null: not found for the viewer); the view of the identity is journaled. */
export async function getFinalist(user: SessionUser, positionId: string, presentationId: string, clientAddress: string) {
  const viewer = await finalistsViewer(user, positionId);
  if (!viewer) return null;
  const criteria = await db.criterion.findMany({ where: { positionId }, orderBy: { sort: "asc" }, select: { id: true, label: true, weight: true } });
  return db.$transaction(async (tx) => {
    const [found] = await readFinalists(tx, viewer, presentationId);
    if (!found) return null;
    if (found.sight === "identity") await recordAudit(tx, [audit(viewer, "IDENTITY_VIEW", found.row, `Dossier de finaliste — ${viewer.positionTitle}`, clientAddress)]);
    return { viewer: viewerSummary(viewer), criteria, finalist: finalistView(viewer, found.row, found.sight) };
  });
}

/** The CV as presented (null: not found for the viewer, or none); the download is journaled. */
export async function finalistCv(user: SessionUser, positionId: string, presentationId: string, clientAddress: string): Promise<{ bytes: Buffer; name: string } | null> {
  const viewer = await finalistsViewer(user, positionId);
  if (!viewer) return null;
  return db.$transaction(async (tx) => {
    const [found] = await readFinalists(tx, viewer, presentationId);
    if (!found || found.sight !== "identity" || !found.row.cvFile || !found.row.entry.profile) return null;
    const bytes = await readCv(found.row.cvFile);
    if (!bytes) return null;
    await recordAudit(tx, [audit(viewer, "CV_DOWNLOAD", found.row, `CV de finaliste — ${viewer.positionTitle}`, clientAddress)]);
    const name = found.row.entry.profile.user.name.normalize("NFD").replace(/[^\w -]/g, "").replace(/\s+/g, "-").toLowerCase();
    return { bytes, name: `cv-${name || "finaliste"}.pdf` };
  });
}

// ---------------------------------------------------------------------------------------------
// The comparison

/** Criteria × finalists: each visible member's score, the weighted totals, the cabinet's beside them. */
export async function compareFinalists(user: SessionUser, positionId: string, clientAddress: string, forExport = false) {
  const list = await listFinalists(user, positionId, clientAddress);
  if (!list) return null;
  const finalists = list.finalists.flatMap((f) => (f.identity ? [{ ...f, identity: f.identity }] : []));
  const columns = finalists.map((f) => {
    const members = [...(f.identity.scores.own && list.viewer.member ? [{ memberId: list.viewer.member.id, name: `${list.viewer.member.name} (vous)`, total: f.identity.scores.own.total, scores: f.identity.scores.own.scores }] : []), ...(f.identity.scores.others ?? [])];
    return {
      presentationId: f.id,
      name: f.identity.name,
      decision: f.decision,
      cabinetScore: f.identity.cabinetScore,
      cabinetCriteria: f.identity.cabinetCriteria,
      members,
      committeeAverage: averageTotal(members.map((m) => m.total)),
      hiddenUntilOwn: f.identity.scores.others === null,
    };
  });
  if (forExport) {
    const viewer = (await finalistsViewer(user, positionId))!;
    await db.$transaction((tx) => recordAudit(tx, [audit(viewer, "EXPORT", null, `Comparaison des finalistes (CSV) — ${viewer.positionTitle}`, clientAddress)]));
  }
  return { viewer: list.viewer, criteria: list.criteria, columns };
}

export type Comparison = NonNullable<Awaited<ReturnType<typeof compareFinalists>>>;

// ---------------------------------------------------------------------------------------------
// Scoring and deciding

/** The finalist as a member acts on it: on the position, identity shown (rule 12). */
async function actionable(tx: Tx, viewer: FinalistsViewer, presentationId: string) {
  const [found] = await readFinalists(tx, viewer, presentationId);
  return found && found.sight === "identity" ? found.row : null;
}

/**
 * Is this a finalist the user may act on (a finalist of a position they see, shown to them with
 * its identity)? The finalist's page answers any other with 404 before reading the form, so that
 * a form's errors never tell a guessed finalist from a real one.
 */
export async function isActionableFinalist(user: SessionUser, positionId: string, presentationId: string): Promise<boolean> {
  const viewer = await finalistsViewer(user, positionId);
  return viewer !== null && (await actionable(db, viewer, presentationId)) !== null;
}

/**
 * A member who évalue or décide records their scorecard (1–4 per criterion, a comment each),
 * until the decision on that finalist; sending again replaces it.
 */
export async function submitScore(user: SessionUser, positionId: string, presentationId: string, scores: CriterionScore[]): Promise<{ ok: true; total: number } | CommitteeError> {
  const viewer = await finalistsViewer(user, positionId);
  if (!viewer) return FINALIST_NOT_FOUND;
  if (!committeeRights(viewer).score || !viewer.member) return { ok: false, status: 403, error: "Votre rôle dans le comité ne prévoit pas de noter les finalistes." };
  const member = viewer.member;
  const criteria = await db.criterion.findMany({ where: { positionId }, select: { id: true, weight: true } });
  const total = scorecardTotal(criteria, scores);
  if (total === null) return { ok: false, status: 400, error: "Notez chaque critère de 1 à 4." };
  return db.$transaction(async (tx) => {
    const row = await actionable(tx, viewer, presentationId);
    if (!row) return FINALIST_NOT_FOUND;
    if (row.decision) return { ok: false, status: 409, error: "La décision est prise : les notes ne changent plus." } as const;
    const data = { scores: JSON.stringify(scores.filter((s) => criteria.some((c) => c.id === s.criterionId))), total, submittedAt: new Date() };
    await tx.committeeScore.upsert({ where: { presentationId_memberId: { presentationId, memberId: member.id } }, update: data, create: { presentationId, memberId: member.id, ...data } });
    return { ok: true, total } as const;
  });
}

export type DecisionInput = { decision: Decision; note: string; startDate: Date | null };

/**
 * A deciding member records the decision on a finalist, once: retenu (with the start date; the
 * position becomes pourvu and the integration follow-up is planned) or non retenu (with the
 * committee's reasons, from which the cabinet writes the feedback). Refused, with nothing
 * changed, for anyone else, twice, after a withdrawal, or for a second hire.
 */
export async function decide(user: SessionUser, positionId: string, presentationId: string, input: DecisionInput): Promise<{ ok: true } | CommitteeError> {
  const viewer = await finalistsViewer(user, positionId);
  if (!viewer) return FINALIST_NOT_FOUND;
  if (!committeeRights(viewer).decide) return { ok: false, status: 403, error: "Seul un membre du comité qui décide peut enregistrer la décision." };
  const result = await db.$transaction(async (tx) => {
    const row = await actionable(tx, viewer, presentationId);
    if (!row) {
      const decided = await tx.presentation.count({ where: { id: presentationId, positionId, decision: { not: null } } });
      return decided ? ({ ok: false, status: 409, error: "La décision sur ce finaliste est déjà enregistrée." } as const) : FINALIST_NOT_FOUND;
    }
    const stage = row.entry.stage as Stage;
    if (row.decision) return { ok: false, status: 409, error: "La décision sur ce finaliste est déjà enregistrée." } as const;
    if (stage !== "PRESENTED" && stage !== "FINALIST") return { ok: false, status: 409, error: "Ce finaliste n’est plus en lice : la décision n’est plus possible." } as const;
    if (input.decision === "HIRED" && (await tx.presentation.count({ where: { positionId, decision: "HIRED" } })) > 0) {
      return { ok: false, status: 409, error: "Un finaliste est déjà retenu pour ce poste." } as const;
    }
    const now = new Date();
    const changed = await tx.presentation.updateMany({
      where: { id: row.id, decision: null },
      data: { decision: input.decision, decidedAt: now, decidedById: user.id, decidedByName: viewer.member?.name ?? user.name, decisionNote: input.note, startDate: input.decision === "HIRED" ? input.startDate : null },
    });
    if (changed.count !== 1) return { ok: false, status: 409, error: "La décision sur ce finaliste est déjà enregistrée." } as const;
    if (input.decision === "HIRED") {
      const entryId = (await tx.presentation.findUniqueOrThrow({ where: { id: row.id }, select: { entryId: true } })).entryId;
      let from: Stage = stage;
      for (const to of ["FINALIST", "HIRED"] as const) {
        if (from === to || !canMove(from, to)) continue;
        await tx.shortlistEntry.update({ where: { id: entryId }, data: { stage: to, stageChangedAt: now } });
        await tx.shortlistEvent.create({ data: { entryId, actorId: user.id, fromStage: from, toStage: to, reason: to === "HIRED" ? "Retenu par le comité" : "Retenu par le comité : finaliste" } });
        from = to;
      }
      await fillPositionFromHire(tx, positionId, user.id);
      await scheduleFollowUps(tx, { presentationId: row.id, missionId: row.missionId, startDate: input.startDate! });
    }
    return { ok: true, missionId: row.missionId, candidate: row.entry.profile?.user ?? null } as const;
  });
  if (!result.ok) return result;
  await notifyCabinetOfDecision(result.missionId, viewer, input.decision);
  if (input.decision === "HIRED" && result.candidate) await notifyCandidate(result.candidate, "presentation", "APPLICATION_STATE");
  return { ok: true };
}

/** The six check-ins of the integration follow-up: 1, 3 and 6 months after the start, with the hire and with the employer. */
export async function scheduleFollowUps(tx: Tx, input: { presentationId: string; missionId: string; startDate: Date }): Promise<void> {
  await tx.followUp.createMany({
    data: FOLLOW_UP_MONTHS.flatMap((months) => WITH_WHOM.map((withWhom) => ({ presentationId: input.presentationId, missionId: input.missionId, months, withWhom, dueOn: addMonths(input.startDate, months) }))),
  });
}

async function notifyCabinetOfDecision(missionId: string, viewer: FinalistsViewer, decision: Decision) {
  const consultants = await db.user.findMany({
    where: { role: "CONSULTANT", OR: [{ missionsStaffed: { some: { missionId } } }, { isCabinetLead: true, organization: { missions: { some: { id: missionId } } } }] },
    select: { id: true, email: true, name: true },
  });
  const what = decision === "HIRED" ? "a retenu un finaliste" : "a enregistré une décision « non retenu »";
  const path = `/cabinet/missions/${missionId}/finalistes`;
  for (const c of consultants) {
    await sendOptionalMail(c, "APPLICATION_STATE", {
      subject: `Vivier : décision du comité — ${viewer.positionTitle}`,
      text: [`Bonjour ${c.name},`, "", `Le comité de ${viewer.organizationName} ${what} pour le poste « ${viewer.positionTitle} ». Un retour honnête est dû à chaque finaliste non retenu :`, `${env().APP_URL}${path}`, "", "L’équipe Vivier"].join("\n"),
    }, { line: `Le comité de ${viewer.organizationName} ${what} pour « ${viewer.positionTitle} » :`, path });
  }
}
