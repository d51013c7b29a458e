import { randomUUID } from "node:crypto";
import { assertCandidate, committeeRights, finalistsViewer, type FinalistsViewer } from "~/access/guards.server";
import { finalistFacts, finalistFactsSelect, finalistSight } from "~/access/rules";
import { formatParis, type InterviewInput } from "~/schemas/presentation";
import { canMove, type Stage } from "~/schemas/shortlist";
import { addressOf, icsAttachment, type CalendarInvitation } from "~/utils/calendar.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { SessionUser } from "~/utils/session.server";
import type { CommitteeError } from "./committee.server";
import { notifyCandidate, sendOptionalMail } from "./notifications.server";

/**
 * The committee's interview of a finalist: an employer of the collectivité proposes slots, the
 * candidate picks one in their space, and everyone concerned (the candidate, the employers, the
 * committee's members, the mission's consultants) receives the invitation as an .ics file; a
 * change sends an update (same UID, higher SEQUENCE), a cancellation a METHOD:CANCEL.
 *
 * The candidate's copy is discreet, like every mail to a candidate: it names neither the
 * position nor the collectivité, and lists only them as attendee; the place is there, since they
 * have to go.
 */

type Ok = { ok: true };
const NOT_FOUND: CommitteeError = { ok: false, status: 404, error: "Ce finaliste n’est pas (ou plus) présenté pour ce poste." };
const INTERVIEW_NOT_FOUND: CommitteeError = { ok: false, status: 404, error: "Cet entretien n’existe pas (ou plus)." };

async function organiser(user: SessionUser, positionId: string): Promise<{ error: CommitteeError } | { viewer: FinalistsViewer }> {
  const viewer = await finalistsViewer(user, positionId);
  if (!viewer) return { error: NOT_FOUND };
  if (!committeeRights(viewer).organise) return { error: { ok: false, status: 403, error: "Les entretiens sont organisés par les employeurs de la collectivité." } };
  return { viewer };
}

/** A finalist the client may see (rule 9), undecided. */
async function openFinalist(positionId: string, organizationKey: string, presentationId: string) {
  const row = await db.presentation.findFirst({ where: { id: presentationId, positionId }, select: { id: true, ...finalistFactsSelect(organizationKey, positionId) } });
  return row && finalistSight(finalistFacts(row)) === "identity" ? row : null;
}

export async function proposeInterview(user: SessionUser, positionId: string, presentationId: string, input: InterviewInput): Promise<Ok | CommitteeError> {
  const o = await organiser(user, positionId);
  if ("error" in o) return o.error;
  const row = await openFinalist(positionId, o.viewer.organizationKey, presentationId);
  if (!row) return NOT_FOUND;
  if (row.decision) return { ok: false, status: 409, error: "La décision sur ce finaliste est prise : il n’y a plus d’entretien à organiser." };
  const now = Date.now();
  if (input.slots.some((s) => s.getTime() <= now)) return { ok: false, status: 400, error: "Proposez des créneaux à venir." };
  const created = await db.$transaction(async (tx) => {
    const open = await tx.committeeInterview.count({ where: { presentationId, status: { not: "CANCELLED" } } });
    if (open > 0) return false;
    await tx.committeeInterview.create({
      data: {
        presentationId, uid: `${randomUUID()}@vivier`, place: input.place, videoLink: input.videoLink, durationMin: input.durationMin, proposedById: user.id,
        slots: { create: input.slots.map((startsAt) => ({ startsAt })) },
      },
    });
    return true;
  });
  if (!created) return { ok: false, status: 409, error: "Un entretien est déjà proposé ou fixé pour ce finaliste : modifiez-le ou annulez-le." };
  const candidate = await db.presentation.findUnique({ where: { id: presentationId }, select: { entry: { select: { profile: { select: { user: { select: { email: true, name: true } } } } } } } });
  if (candidate?.entry.profile) await notifyCandidate(candidate.entry.profile.user, "presentation", "INTERVIEW");
  return { ok: true };
}

/** The candidate picks one of the proposed slots: the interview is fixed, the invitations leave, the candidate is finaliste. */
export async function chooseSlot(user: SessionUser, interviewId: string, slotId: string): Promise<Ok | CommitteeError> {
  assertCandidate(user);
  const result = await db.$transaction(async (tx) => {
    const interview = await tx.committeeInterview.findFirst({
      where: { id: interviewId, presentation: { entry: { profile: { userId: user.id } }, withdrawnAt: null, decision: null, consent: { granted: true, withdrawnAt: null } } },
      select: { id: true, status: true, slots: { where: { id: slotId }, select: { startsAt: true } }, presentation: { select: { entryId: true, entry: { select: { stage: true } } } } },
    });
    if (!interview) return INTERVIEW_NOT_FOUND;
    const slot = interview.slots[0];
    if (!slot) return { ok: false, status: 400, error: "Choisissez l’un des créneaux proposés." } as const;
    if (interview.status !== "PROPOSED") return { ok: false, status: 409, error: "Un créneau est déjà choisi pour cet entretien." } as const;
    const changed = await tx.committeeInterview.updateMany({ where: { id: interview.id, status: "PROPOSED" }, data: { status: "BOOKED", startsAt: slot.startsAt } });
    if (changed.count !== 1) return { ok: false, status: 409, error: "Un créneau est déjà choisi pour cet entretien." } as const;
    const from = interview.presentation.entry.stage as Stage;
    if (from === "PRESENTED" && canMove(from, "FINALIST")) {
      await tx.shortlistEntry.update({ where: { id: interview.presentation.entryId }, data: { stage: "FINALIST", stageChangedAt: new Date() } });
      await tx.shortlistEvent.create({ data: { entryId: interview.presentation.entryId, actorId: null, fromStage: from, toStage: "FINALIST", reason: "Entretien avec le comité fixé" } });
    }
    return { ok: true } as const;
  });
  if (!result.ok) return result;
  await sendInvitations(interviewId, "REQUEST");
  return { ok: true };
}

/** An employer moves a fixed interview (date, time, place): an update with the same UID and a higher SEQUENCE. */
export async function rescheduleInterview(user: SessionUser, positionId: string, interviewId: string, input: { startsAt: Date; place: string; videoLink: string }): Promise<Ok | CommitteeError> {
  const o = await organiser(user, positionId);
  if ("error" in o) return o.error;
  if (input.startsAt.getTime() <= Date.now()) return { ok: false, status: 400, error: "Choisissez une date à venir." };
  const changed = await db.committeeInterview.updateMany({
    where: { id: interviewId, status: "BOOKED", presentation: { positionId, decision: null } },
    data: { startsAt: input.startsAt, place: input.place, videoLink: input.videoLink, sequence: { increment: 1 } },
  });
  if (changed.count !== 1) return INTERVIEW_NOT_FOUND;
  await sendInvitations(interviewId, "REQUEST");
  return { ok: true };
}

/** An employer cancels an interview; if it was fixed, everyone receives the cancellation. */
export async function cancelInterview(user: SessionUser, positionId: string, interviewId: string): Promise<Ok | CommitteeError> {
  const o = await organiser(user, positionId);
  if ("error" in o) return o.error;
  const interview = await db.committeeInterview.findFirst({ where: { id: interviewId, status: { not: "CANCELLED" }, presentation: { positionId } }, select: { id: true, status: true } });
  if (!interview) return INTERVIEW_NOT_FOUND;
  const booked = interview.status === "BOOKED";
  const changed = await db.committeeInterview.updateMany({
    where: { id: interview.id, status: interview.status },
    data: { status: "CANCELLED", ...(booked ? { sequence: { increment: 1 } } : {}) },
  });
  if (changed.count !== 1) return INTERVIEW_NOT_FOUND;
  if (booked) await sendInvitations(interview.id, "CANCEL");
  return { ok: true };
}

/** The invitation (or its update, or its cancellation) to everyone concerned, each with the .ics. */
async function sendInvitations(interviewId: string, method: "REQUEST" | "CANCEL"): Promise<void> {
  const i = await db.committeeInterview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      uid: true, sequence: true, startsAt: true, durationMin: true, place: true, videoLink: true,
      presentation: {
        select: {
          positionId: true, missionId: true,
          entry: { select: { profile: { select: { user: { select: { name: true, email: true } } } } } },
        },
      },
    },
  });
  const p = i.presentation;
  const position = await db.position.findUniqueOrThrow({
    where: { id: p.positionId },
    select: { id: true, title: true, organizationId: true, organization: { select: { name: true } }, committee: { select: { name: true, email: true, user: { select: { email: true } } } } },
  });
  const mission = await db.mission.findUniqueOrThrow({ where: { id: p.missionId }, select: { cabinetId: true, consultants: { select: { user: { select: { name: true, email: true } } } } } });
  const employers = await db.user.findMany({ where: { organizationId: position.organizationId, role: "EMPLOYER" }, select: { name: true, email: true } });
  const consultants = mission.consultants.length
    ? mission.consultants.map((c) => c.user)
    : await db.user.findMany({ where: { organizationId: mission.cabinetId, isCabinetLead: true }, select: { name: true, email: true } });
  const candidate = p.entry.profile?.user ?? null;
  const team = new Map<string, string>();
  for (const person of [...employers, ...position.committee.map((m) => ({ name: m.name, email: m.user?.email ?? m.email ?? "" })), ...consultants]) {
    if (person.email && !team.has(person.email)) team.set(person.email, person.name);
  }
  if (!i.startsAt) return;
  const where = [i.place, i.videoLink].filter(Boolean).join(" — ");
  const when = formatParis(i.startsAt.toISOString());
  const organizer = { name: "Vivier", email: addressOf(env().MAIL_FROM) };
  const base = { uid: i.uid, sequence: i.sequence, method, startsAt: i.startsAt, durationMin: i.durationMin, location: where, ...(i.videoLink ? { url: i.videoLink } : {}), organizer };
  const verb = method === "CANCEL" ? "annulé" : i.sequence > 0 ? "modifié" : "fixé";
  const teamInvitation: CalendarInvitation = {
    ...base,
    title: `Entretien du comité — ${position.title}${candidate ? ` — ${candidate.name}` : ""}`,
    description: `Entretien du comité de recrutement de ${position.organization.name} pour le poste « ${position.title} ». Dossier : ${env().APP_URL}/employeur/postes/${position.id}/finalistes`,
    attendees: [...(candidate ? [candidate] : []), ...[...team].map(([email, name]) => ({ name, email }))],
  };
  // In a digest the .ics is not attached: the line says when, the page has the detail.
  const teamLine = `Entretien du comité ${verb} pour « ${position.title} »${method === "CANCEL" ? "" : ` : ${when} (heure de Paris)`} :`;
  for (const [email, name] of team) {
    await sendOptionalMail({ email, name }, "INTERVIEW", {
      subject: `Vivier : entretien ${verb} — ${position.title}`,
      text: [`Bonjour ${name},`, "", `L’entretien du comité pour le poste « ${position.title} » est ${verb}${method === "CANCEL" ? "" : ` : ${when} (heure de Paris), ${where}`}.`, "L’invitation est jointe (fichier .ics) pour votre agenda.", "", "L’équipe Vivier"].join("\n"),
      attachments: [icsAttachment(teamInvitation)],
    }, { line: teamLine, path: `/employeur/postes/${position.id}/finalistes` });
  }
  if (candidate) {
    const own: CalendarInvitation = { ...base, title: "Entretien (Vivier)", description: `Le détail vous attend dans votre espace Vivier : ${env().APP_URL}/candidat/presentations`, attendees: [candidate] };
    await sendOptionalMail(candidate, "INTERVIEW", {
      subject: "Vivier : votre entretien",
      text: [`Bonjour ${candidate.name},`, "", `Votre entretien est ${verb}${method === "CANCEL" ? "" : ` : ${when} (heure de Paris)`}. L’invitation est jointe pour votre agenda ; le détail vous attend dans votre espace :`, `${env().APP_URL}/candidat/presentations`, "", "L’équipe Vivier"].join("\n"),
      attachments: [icsAttachment(own)],
    }, { line: "Du nouveau vous attend dans votre espace :", path: "/candidat/presentations" });
  }
}
