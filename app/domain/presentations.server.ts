import type { Prisma } from "~/generated/prisma/client";
import { assertCandidate, assertConsultant, cabinetMissionWhere, type CabinetUser } from "~/access/guards.server";
import { shortlistListedWhere } from "~/access/rules";
import type { PresentationInput } from "~/schemas/presentation";
import { averageTotal } from "~/schemas/scorecard";
import { canMove, CANDIDATE_STATE, type Stage } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { jsonList } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import { deleteCv, readCv, storeCv } from "~/utils/uploads.server";
import { notifyCandidate, sendOptionalMail } from "./notifications.server";
import { getEntry } from "./shortlists.server";

/**
 * The cabinet presents its finalists to the collectivité (docs/decisions/051-presentation.md):
 * a synthesis, the cabinet's scores and the CV as of that day, only with the candidate's
 * PRESENTATION consent. The presentation moves the entry to « présenté » (the shortlist's
 * moveEntry refuses that move on purpose). After the committee's decision the cabinet gives
 * every finalist not kept an honest feedback, and may close its mission only then.
 *
 * What the client sees of a presentation is app/domain/committee.server.ts, under the gate's
 * rule 12.
 */

export type PresentationResult = { ok: true; presentationId: string } | { ok: false; status: 400 | 404 | 409; error: string };

const NOT_FOUND = { ok: false, status: 404, error: "Ce candidat n’est pas (ou plus) sur la liste de cette mission." } as const;

/** The cabinet's scorecards of an entry, summed up on the position's criteria. */
function cabinetSummary(criteria: ReadonlyArray<{ id: string; label: string; weight: number }>, scorecards: ReadonlyArray<{ total: number | null; scores: string }>) {
  const totals = scorecards.map((s) => s.total).filter((t): t is number => t !== null);
  const perCriterion = criteria.map((c) => {
    const values = scorecards.flatMap((s) => jsonList<{ criterionId: string; score: number }>(s.scores).filter((x) => x.criterionId === c.id).map((x) => x.score));
    const average = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
    return { criterionId: c.id, label: c.label, weight: c.weight, average };
  });
  return { total: averageTotal(totals), count: scorecards.length, perCriterion };
}

/** The consultant's presentation page of an entry: the candidate, the consent, the scores, the presentation if made. */
export async function getPresentationPage(user: SessionUser, entryId: string) {
  assertConsultant(user);
  const detail = await getEntry(user, entryId);
  if (!detail) return null;
  const row = await db.shortlistEntry.findUniqueOrThrow({
    where: { id: detail.entry.id },
    select: {
      feedback: true,
      mission: { select: { status: true, position: { select: { criteria: { orderBy: { sort: "asc" }, select: { id: true, label: true, weight: true } } } } } },
      profile: { select: { salaryExpectation: true, needsHousing: true, willingToRelocate: true, availableFrom: true, cvFile: true } },
      scorecards: { select: { total: true, scores: true } },
      consents: { where: { kind: "PRESENTATION" }, orderBy: { requestedAt: "desc" }, take: 1, select: { id: true, requestedAt: true, answeredAt: true, granted: true, withdrawnAt: true } },
      presentation: true,
    },
  });
  const consent = row.consents[0] ?? null;
  const p = row.presentation;
  return {
    ...detail,
    missionActive: row.mission.status === "ACTIVE",
    summary: cabinetSummary(row.mission.position.criteria, row.scorecards),
    hasCv: detail.entry.hasCv,
    suggestions: {
      salaryExpected: row.profile?.salaryExpectation ? `${row.profile.salaryExpectation.toLocaleString("fr-FR")} € bruts annuels` : "",
      housing: row.profile?.needsHousing ? "Recherche un logement" : "",
      availableFrom: row.profile?.availableFrom?.toISOString().slice(0, 10) ?? "",
    },
    consent: consent && {
      id: consent.id,
      requestedAt: consent.requestedAt.toISOString(),
      answeredAt: consent.answeredAt?.toISOString() ?? null,
      granted: consent.granted,
      withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    },
    presentation: p && {
      id: p.id,
      strengths: p.strengths,
      attention: p.attention,
      salaryExpected: p.salaryExpected,
      housing: p.housing,
      spouseJob: p.spouseJob,
      availableFrom: p.availableFrom?.toISOString().slice(0, 10) ?? null,
      cabinetScore: p.cabinetScore,
      presentedAt: p.presentedAt.toISOString(),
      withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
      decision: p.decision,
      decidedAt: p.decidedAt?.toISOString() ?? null,
      decidedByName: p.decidedByName,
      decisionNote: p.decisionNote,
      startDate: p.startDate?.toISOString().slice(0, 10) ?? null,
      feedbackGivenAt: p.feedbackGivenAt?.toISOString() ?? null,
    },
    feedback: row.feedback,
  };
}

export type PresentationPage = NonNullable<Awaited<ReturnType<typeof getPresentationPage>>>;

/**
 * « Présenter à la collectivité »: refused, with nothing written, unless the candidate is évalué,
 * named to the consultant, and gave a PRESENTATION consent (granted, not withdrawn) for this
 * collectivité and this position.
 */
export async function presentFinalist(user: SessionUser, entryId: string, input: PresentationInput): Promise<PresentationResult> {
  assertConsultant(user);
  const detail = await getEntry(user, entryId);
  if (!detail) return NOT_FOUND;
  const row = await db.shortlistEntry.findUniqueOrThrow({
    where: { id: detail.entry.id },
    select: {
      id: true, stage: true, missionId: true,
      mission: { select: { status: true, positionId: true, position: { select: { id: true, title: true, organizationId: true, criteria: { orderBy: { sort: "asc" }, select: { id: true, label: true, weight: true } } } } } },
      profile: { select: { cvFile: true } },
      scorecards: { select: { total: true, scores: true } },
      consents: { where: { kind: "PRESENTATION", granted: true, withdrawnAt: null }, select: { id: true, organizationName: true, positionTitle: true } },
      presentation: { select: { id: true } },
    },
  });
  if (row.mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée." };
  if (detail.entry.sight !== "identity" || !row.profile) {
    return { ok: false, status: 409, error: "Ce candidat ne vous a pas révélé son identité : il ne peut pas être présenté." };
  }
  if (row.presentation) return { ok: false, status: 409, error: "Ce candidat a déjà été présenté à la collectivité." };
  if (!canMove(row.stage as Stage, "PRESENTED")) return { ok: false, status: 409, error: "Seul un candidat évalué peut être présenté : terminez d’abord son évaluation." };
  const consent = row.consents[0];
  if (!consent) {
    return { ok: false, status: 409, error: "Le candidat n’a pas (ou plus) donné son accord pour être présenté à cette collectivité : demandez-le-lui d’abord." };
  }
  const summary = cabinetSummary(row.mission.position.criteria, row.scorecards);
  // The CV as of today: a copy of its own, so that a later change of the profile's CV changes nothing for the committee.
  const cvBytes = row.profile.cvFile ? await readCv(row.profile.cvFile) : null;
  const cvFile = cvBytes ? await storeCv(cvBytes) : null;
  try {
    const presentationId = await db.$transaction(async (tx) => {
      const moved = await tx.shortlistEntry.updateMany({ where: { id: row.id, stage: row.stage }, data: { stage: "PRESENTED", stageChangedAt: new Date() } });
      if (moved.count !== 1) throw new Conflict();
      await tx.shortlistEvent.create({ data: { entryId: row.id, actorId: user.id, fromStage: row.stage, toStage: "PRESENTED", reason: "Présenté à la collectivité, avec son accord" } });
      const created = await tx.presentation.create({
        data: {
          entryId: row.id,
          missionId: row.missionId,
          positionId: row.mission.positionId,
          consentId: consent.id,
          ...input,
          cvFile,
          cabinetScore: summary.total,
          cabinetCriteria: JSON.stringify(summary.perCriterion),
          presentedById: user.id,
        },
        select: { id: true },
      });
      return created.id;
    });
    await notifyClientOfPresentation(row.mission.position);
    return { ok: true, presentationId };
  } catch (error) {
    if (cvFile) await deleteCv(cvFile);
    if (error instanceof Conflict) return { ok: false, status: 409, error: "Ce candidat vient de changer d’étape : rechargez la page." };
    throw error;
  }
}

class Conflict extends Error {}

/** The employers and the committee's accounts hear that a finalist was presented (not who: that stays behind the sign-in). */
async function notifyClientOfPresentation(position: { id: string; title: string; organizationId: string }) {
  const people = await db.user.findMany({
    where: { OR: [{ organizationId: position.organizationId, role: "EMPLOYER" }, { committeeSeats: { some: { positionId: position.id } } }] },
    select: { id: true, email: true, name: true },
  });
  const path = `/employeur/postes/${position.id}/finalistes`;
  for (const person of people) {
    await sendOptionalMail(person, "CABINET_PROPOSAL", {
      subject: `Vivier : un finaliste vous est présenté — ${position.title}`,
      text: [`Bonjour ${person.name},`, "", `Le cabinet vous présente un finaliste pour le poste « ${position.title} ». Son dossier vous attend :`, `${env().APP_URL}${path}`, "", "L’équipe Vivier"].join("\n"),
    }, { line: `Un finaliste vous est présenté pour « ${position.title} » :`, path });
  }
}

// ---------------------------------------------------------------------------------------------
// Feedback and the mission's end

/** A presentation of one of the consultant's missions. */
function ownPresentationWhere(user: CabinetUser, id: string): Prisma.PresentationWhereInput {
  return { id, entry: { mission: cabinetMissionWhere(user) } };
}

/**
 * The consultant writes the feedback a finalist not kept reads in their space; the entry becomes
 * « non retenu ». Given before any decision (and with no hire), it also withdraws the finalist
 * from the client's view. Refused for the hire and for a candidate who withdrew.
 */
export async function giveFeedback(user: SessionUser, presentationId: string, feedback: string): Promise<PresentationResult> {
  assertConsultant(user);
  const result = await db.$transaction(async (tx) => {
    const p = await tx.presentation.findFirst({
      where: ownPresentationWhere(user, presentationId),
      select: { id: true, positionId: true, decision: true, feedbackGivenAt: true, entry: { select: { id: true, stage: true, mission: { select: { status: true } }, profile: { select: { user: { select: { email: true, name: true } } } } } } },
    });
    if (!p) return NOT_FOUND;
    if (p.entry.mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée." } as const;
    if (p.decision === "HIRED") return { ok: false, status: 409, error: "Ce finaliste est retenu : il n’y a pas de retour de refus à lui faire." } as const;
    if (p.feedbackGivenAt) return { ok: false, status: 409, error: "Le retour a déjà été donné à ce finaliste." } as const;
    const from = p.entry.stage as Stage;
    if (!canMove(from, "NOT_RETAINED")) return { ok: false, status: 409, error: "Ce candidat s’est retiré : il n’attend pas de retour." } as const;
    const hired = (await tx.presentation.count({ where: { positionId: p.positionId, decision: "HIRED" } })) > 0;
    const exitReason = hired ? "OTHER_PROFILES" : "PROFILE";
    await tx.shortlistEntry.update({ where: { id: p.entry.id }, data: { stage: "NOT_RETAINED", stageChangedAt: new Date(), exitReason, feedback } });
    await tx.shortlistEvent.create({ data: { entryId: p.entry.id, actorId: user.id, fromStage: from, toStage: "NOT_RETAINED", reason: "Retour donné au finaliste" } });
    const withdraw = !p.decision && !hired;
    await tx.presentation.update({ where: { id: p.id }, data: { feedbackGivenAt: new Date(), ...(withdraw ? { withdrawnAt: new Date() } : {}) } });
    return { ok: true, presentationId: p.id, to: p.entry.profile?.user ?? null } as const;
  });
  if (!result.ok) return result;
  if (result.to) await notifyCandidate(result.to, "presentation", "APPLICATION_STATE");
  return { ok: true, presentationId: result.presentationId };
}

/** A finalist presented and still in the running (not withdrawn by anyone), not the hire, without feedback. */
function awaitingFeedback(p: { withdrawnAt: Date | null; decision: string | null; feedbackGivenAt: Date | null; consent: { withdrawnAt: Date | null }; entry: { stage: string } }) {
  return !p.withdrawnAt && !p.consent.withdrawnAt && p.entry.stage !== "WITHDREW" && p.decision !== "HIRED" && !p.feedbackGivenAt;
}

/** The mission's presented finalists, for the consultant: where each stands, feedback and follow-up. */
export async function listMissionPresentations(user: SessionUser, missionId: string) {
  assertConsultant(user);
  const mission = await db.mission.findFirst({
    where: cabinetMissionWhere(user, missionId),
    select: { id: true, status: true, position: { select: { id: true, title: true, state: true, organization: { select: { name: true } } } } },
  });
  if (!mission) return null;
  const rows = await db.presentation.findMany({
    where: { missionId: mission.id, entry: shortlistListedWhere(mission.position.id) },
    orderBy: [{ presentedAt: "asc" }, { id: "asc" }],
    select: {
      id: true, entryId: true, presentedAt: true, withdrawnAt: true, decision: true, decidedAt: true, decidedByName: true, decisionNote: true, startDate: true, feedbackGivenAt: true, cabinetScore: true,
      consent: { select: { withdrawnAt: true } },
      entry: { select: { stage: true } },
    },
  });
  const entries = await Promise.all(rows.map((r) => getEntry(user, r.entryId)));
  const finalists = rows.map((r, i) => ({
    id: r.id,
    entryId: r.entryId,
    // A candidate who withdrew from the cabinet keeps their place here without a word about them.
    name: entries[i]?.entry.sight === "identity" ? entries[i]!.entry.name : "Retiré par le candidat",
    stage: r.entry.stage as Stage,
    presentedAt: r.presentedAt.toISOString(),
    withdrawn: !!r.withdrawnAt || !!r.consent.withdrawnAt,
    decision: r.decision,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    decisionNote: r.decisionNote,
    startDate: r.startDate?.toISOString().slice(0, 10) ?? null,
    feedbackGivenAt: r.feedbackGivenAt?.toISOString() ?? null,
    awaitingFeedback: awaitingFeedback(r),
    cabinetScore: r.cabinetScore,
  }));
  return {
    mission: { id: mission.id, status: mission.status, positionTitle: mission.position.title, positionState: mission.position.state, collectivite: mission.position.organization.name },
    finalists,
  };
}

/**
 * « Clore la mission »: refused while a presented finalist not kept has had no feedback (an
 * honest feedback is owed to each); the mission then ends for the cabinet.
 */
export async function closeMission(user: SessionUser, missionId: string): Promise<{ ok: true } | { ok: false; status: 404 | 409; error: string }> {
  assertConsultant(user);
  return db.$transaction(async (tx) => {
    const mission = await tx.mission.findFirst({ where: cabinetMissionWhere(user, missionId), select: { id: true, status: true } });
    if (!mission) return { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." } as const;
    if (mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est déjà close." } as const;
    const presentations = await tx.presentation.findMany({
      where: { missionId: mission.id },
      select: { withdrawnAt: true, decision: true, feedbackGivenAt: true, consent: { select: { withdrawnAt: true } }, entry: { select: { stage: true } } },
    });
    const missing = presentations.filter(awaitingFeedback).length;
    if (missing > 0) {
      return { ok: false, status: 409, error: `Il manque le retour à ${missing} finaliste${missing > 1 ? "s" : ""} : un retour honnête est dû à chacun avant de clore la mission.` } as const;
    }
    const changed = await tx.mission.updateMany({ where: { id: mission.id, status: "ACTIVE" }, data: { status: "CLOSED" } });
    if (changed.count !== 1) return { ok: false, status: 409, error: "Cette mission vient d’être close." } as const;
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// For the consultant's home and the entry page (placed there by the mission's pages)

/** The candidates évalués on the consultant's active missions, to present (with their consent's state). */
export async function presentationsToPrepare(user: SessionUser) {
  assertConsultant(user);
  const rows = await db.shortlistEntry.findMany({
    where: { stage: "EVALUATED", presentation: null, mission: { ...cabinetMissionWhere(user), status: "ACTIVE" } },
    orderBy: [{ stageChangedAt: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, missionId: true, mission: { select: { position: { select: { title: true } } } } },
  });
  const out = [];
  for (const r of rows) {
    const page = await getPresentationPage(user, r.id);
    if (!page || page.entry.sight === "withdrawn") continue;
    out.push({
      entryId: r.id,
      missionId: r.missionId,
      positionTitle: r.mission.position.title,
      label: page.entry.label,
      consent: page.consent ? (page.consent.withdrawnAt ? "withdrawn" : page.consent.granted === true ? "granted" : page.consent.granted === false ? "refused" : "pending") : "none",
      href: `/cabinet/missions/${r.missionId}/presentation/${r.id}`,
    });
  }
  return out;
}

/** One entry's presentation, in a few words, for the entry page (EntryPresentationCard). */
export async function entryPresentationState(user: SessionUser, entryId: string) {
  const page = await getPresentationPage(user, entryId);
  if (!page) return null;
  return {
    href: `/cabinet/missions/${page.missionId}/presentation/${page.entry.id}`,
    stage: page.entry.stage,
    consent: page.consent ? (page.consent.withdrawnAt ? "withdrawn" : page.consent.granted === true ? "granted" : page.consent.granted === false ? "refused" : "pending") : "none",
    presentedAt: page.presentation?.presentedAt ?? null,
    decision: page.presentation?.decision ?? null,
  } as const;
}

// ---------------------------------------------------------------------------------------------
// The candidate's side

/** The candidate's presentations: to whom, where it stands in plain French, the decision or the feedback. */
export async function listOwnPresentations(user: SessionUser) {
  assertCandidate(user);
  const rows = await db.presentation.findMany({
    where: { entry: { profile: { userId: user.id } } },
    orderBy: [{ presentedAt: "desc" }, { id: "asc" }],
    select: {
      id: true, presentedAt: true, decision: true, startDate: true, feedbackGivenAt: true, withdrawnAt: true,
      consent: { select: { organizationName: true, positionTitle: true, withdrawnAt: true } },
      entry: { select: { stage: true, feedback: true, mission: { select: { cabinet: { select: { name: true } } } } } },
      interviews: {
        where: { status: { not: "CANCELLED" } },
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, place: true, videoLink: true, durationMin: true, startsAt: true, slots: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } } },
      },
    },
  });
  return rows.map((r) => {
    const stage = r.entry.stage as Stage;
    return {
      id: r.id,
      organizationName: r.consent.organizationName ?? "",
      positionTitle: r.consent.positionTitle ?? "",
      cabinetName: r.entry.mission.cabinet.name,
      presentedAt: r.presentedAt.toISOString(),
      state: CANDIDATE_STATE[stage],
      hired: r.decision === "HIRED" && stage === "HIRED",
      startDate: r.decision === "HIRED" ? (r.startDate?.toISOString().slice(0, 10) ?? null) : null,
      // Only the consultant's feedback, never the committee's own words.
      feedback: stage === "NOT_RETAINED" && r.feedbackGivenAt ? r.entry.feedback : null,
      interviews: r.interviews.map((i) => ({
        id: i.id,
        status: i.status,
        place: i.place,
        videoLink: i.videoLink,
        durationMin: i.durationMin,
        startsAt: i.startsAt?.toISOString() ?? null,
        slots: i.slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString() })),
      })),
    };
  });
}

