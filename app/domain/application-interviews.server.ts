import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { asEmployer, assertCandidate, employerApplicationWhere, ownApplicationWhere } from "~/access/guards.server";
import { applicationInterviewRefusal, employerNameForCandidate, hidesFrom, type InterviewRefusal } from "~/access/rules";
import { applicationStateLabel } from "~/schemas/application";
import { APPLICATION_INTERVIEW_STATUS_LABEL, type ApplicationInterviewStatus, type ProposeInterviewInput, type RescheduleInput } from "~/schemas/application-interview";
import { formatParis } from "~/schemas/presentation";
import { addressOf, icsAttachment, type CalendarInvitation } from "~/utils/calendar.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { jsonArray } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import { notifyEmployersOfApplicationNews } from "./application-messages.server";
import { notifyCandidate, sendOptionalMail } from "./notifications.server";

/**
 * Interviews on an application, when a collectivité recruits without a cabinet (issue 15): an
 * employer of the position's collectivité proposes slots, the candidate picks one in their space
 * or asks for others with a message; then the invitation leaves as an .ics file to the candidate,
 * the collectivité's employers and the committee members who will be present; a change sends an
 * update (same UID, higher SEQUENCE), a cancellation a METHOD:CANCEL (docs/decisions/053 and
 * 070). The application's state follows: « entretien proposé », then « entretien fixé ».
 *
 * Who may see or do what is the gate's rule 13 (app/access/rules.ts): the employer reaches only
 * the applications of employerApplicationWhere, the candidate only their own; anything else is
 * "not found". An impossible change (after a withdrawal or a decision, a slot in the past, a
 * second choice) is refused in French and writes nothing.
 */

type Tx = Prisma.TransactionClient;
type Ok = { ok: true };
export type InterviewError = { ok: false; status: 400 | 404 | 409; error: string };

const NOT_FOUND: InterviewError = { ok: false, status: 404, error: "Cette candidature n’existe pas (ou plus)." };
const INTERVIEW_NOT_FOUND: InterviewError = { ok: false, status: 404, error: "Cet entretien n’existe pas (ou plus)." };

/** The same words on both sides: they say what happened, not who may do what. */
const REFUSAL: Record<NonNullable<InterviewRefusal>, string> = {
  withdrawn: "Cette candidature est retirée : plus aucun entretien ne peut y être organisé.",
  decided: "La décision sur cette candidature est prise : plus aucun entretien ne peut y être organisé.",
  "position-ended": "Le recrutement de ce poste est terminé (poste pourvu ou clos) : plus aucun entretien ne peut y être organisé.",
};

const HIDDEN: InterviewError = {
  ok: false, status: 409,
  error: "Vous avez demandé à ne pas être montré à cet employeur : il ne voit plus votre candidature. Retirez-le de votre liste « Ne pas me montrer à » pour reprendre l’échange.",
};

function refused(r: NonNullable<InterviewRefusal>): InterviewError {
  return { ok: false, status: 409, error: REFUSAL[r] };
}

/** An interview still ahead: slots waiting for the candidate's choice, or fixed and not yet begun. */
export function openInterviewWhere(now = new Date()): Prisma.ApplicationInterviewWhereInput {
  return { OR: [{ status: "PROPOSED" }, { status: "BOOKED", startsAt: { gt: now } }] };
}

type PanelMember = { memberId: string; name: string; function: string };

function panelOf(text: string): PanelMember[] {
  return jsonArray(text).flatMap((v) => {
    const m = v as Partial<PanelMember> | null;
    return m && typeof m.name === "string" ? [{ memberId: String(m.memberId ?? ""), name: m.name, function: String(m.function ?? "") }] : [];
  });
}

const interviewSelect = {
  id: true, status: true, startsAt: true, durationMin: true, place: true, videoLink: true, panel: true, candidateNote: true, createdAt: true, updatedAt: true,
  slots: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } },
} satisfies Prisma.ApplicationInterviewSelect;

type InterviewRow = Prisma.ApplicationInterviewGetPayload<{ select: typeof interviewSelect }>;

function interviewView(i: InterviewRow, now: Date) {
  const status = i.status as ApplicationInterviewStatus;
  const passed = status === "BOOKED" && !!i.startsAt && i.startsAt.getTime() <= now.getTime();
  return {
    id: i.id,
    status,
    statusLabel: passed ? "Entretien passé" : APPLICATION_INTERVIEW_STATUS_LABEL[status],
    open: status === "PROPOSED" || (status === "BOOKED" && !passed),
    startsAt: i.startsAt?.toISOString() ?? null,
    durationMin: i.durationMin,
    place: i.place,
    videoLink: i.videoLink,
    panel: panelOf(i.panel).map(({ name, function: fn }) => ({ name, function: fn })),
    candidateNote: i.candidateNote,
    slots: i.slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), past: s.startsAt.getTime() <= now.getTime() })),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export type ApplicationInterviewView = ReturnType<typeof interviewView>;

function split(rows: readonly InterviewRow[], now: Date) {
  const views = rows.map((r) => interviewView(r, now));
  const current = views.find((v) => v.open) ?? null;
  return { current, history: views.filter((v) => v !== current) };
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The interviews of one application of the employer's collectivité, newest first, with what the
 * proposal form needs (the position's committee); null when the application is not theirs.
 */
export async function getInterviewsForEmployer(user: SessionUser, applicationId: string, now = new Date()) {
  const employer = asEmployer(user);
  const a = await db.application.findFirst({
    where: employerApplicationWhere(employer, applicationId),
    select: {
      id: true, state: true,
      profile: { select: { user: { select: { name: true } } } },
      position: { select: { id: true, title: true, state: true, committee: { orderBy: { sort: "asc" }, select: { id: true, name: true, function: true } } } },
      interviews: { orderBy: { createdAt: "desc" }, select: interviewSelect },
    },
  });
  if (!a) return null;
  const refusal = applicationInterviewRefusal({ state: a.state, positionState: a.position.state });
  const { current, history } = split(a.interviews, now);
  return {
    application: { id: a.id, state: a.state, stateLabel: applicationStateLabel(a.state), candidateName: a.profile.user.name },
    position: { id: a.position.id, title: a.position.title },
    committee: a.position.committee,
    refusal: refusal ? REFUSAL[refusal] : null,
    current,
    history,
    canPropose: !refusal && !current,
  };
}

/** The interviews of one of the candidate's own applications (never who proposed them); null for anybody else's. */
export async function getOwnInterviews(user: SessionUser, applicationId: string, now = new Date()) {
  const a = await db.application.findFirst({
    where: ownApplicationWhere(user, applicationId),
    select: { state: true, position: { select: { state: true } }, interviews: { orderBy: { createdAt: "desc" }, select: interviewSelect } },
  });
  if (!a) return null;
  const refusal = applicationInterviewRefusal({ state: a.state, positionState: a.position.state });
  const { current, history } = split(a.interviews, now);
  return { current, history: history.filter((h) => h.status !== "PROPOSED"), canAnswer: !refusal && current?.status === "PROPOSED" };
}

/** What the employer's application page says of its interview and thread. */
export async function applicationActivityForEmployer(user: SessionUser, applicationId: string, now = new Date()) {
  const employer = asEmployer(user);
  const a = await db.application.findFirst({
    where: employerApplicationWhere(employer, applicationId),
    select: {
      interviews: { where: openInterviewWhere(now), orderBy: { createdAt: "desc" }, take: 1, select: { status: true, startsAt: true } },
      _count: { select: { messages: true } },
    },
  });
  if (!a) return null;
  const i = a.interviews[0];
  return { interview: i ? { status: i.status as ApplicationInterviewStatus, startsAt: i.startsAt?.toISOString() ?? null } : null, messages: a._count.messages };
}

// ---------------------------------------------------------------------------------------------
// The employer's side

/** The employer proposes slots: the application becomes « entretien proposé » and the candidate hears of it, discreetly. */
export async function proposeInterview(user: SessionUser, applicationId: string, input: ProposeInterviewInput, now = new Date()): Promise<Ok | InterviewError> {
  const employer = asEmployer(user);
  const result = await db.$transaction(async (tx) => {
    const a = await tx.application.findFirst({
      where: employerApplicationWhere(employer, applicationId),
      select: { id: true, state: true, position: { select: { id: true, state: true } }, profile: { select: { user: { select: { name: true, email: true } } } } },
    });
    if (!a) return NOT_FOUND;
    const refusal = applicationInterviewRefusal({ state: a.state, positionState: a.position.state });
    if (refusal) return refused(refusal);
    if (input.slots.some((s) => s.getTime() <= now.getTime())) return { ok: false, status: 400, error: "Proposez des créneaux à venir : l’un d’eux est déjà passé. Rien n’a été envoyé." } as const;
    if ((await tx.applicationInterview.count({ where: { applicationId: a.id, ...openInterviewWhere(now) } })) > 0) {
      return { ok: false, status: 409, error: "Un entretien est déjà proposé ou fixé pour cette candidature : modifiez-le ou annulez-le d’abord." } as const;
    }
    const members = input.panel.length
      ? await tx.committeeMember.findMany({ where: { positionId: a.position.id, id: { in: input.panel } }, orderBy: { sort: "asc" }, select: { id: true, name: true, function: true } })
      : [];
    if (members.length !== input.panel.length) return { ok: false, status: 400, error: "Choisissez les personnes présentes parmi les membres du comité de ce poste." } as const;
    // The state in the WHERE: a withdrawal or a decision between the read and the write wins.
    // stateChangedAt: the candidate's home counts the employer's proposal among the answers.
    const moved = await tx.application.updateMany({ where: { id: a.id, state: a.state }, data: { state: "INTERVIEW_PROPOSED", stateChangedAt: new Date() } });
    if (moved.count !== 1) return { ok: false, status: 409, error: "Cette candidature vient de changer : rechargez la page." } as const;
    const slots = [...new Set(input.slots.map((s) => s.getTime()))].sort((x, y) => x - y);
    await tx.applicationInterview.create({
      data: {
        applicationId: a.id, uid: `${randomUUID()}@vivier`, place: input.place, videoLink: input.videoLink, durationMin: input.durationMin, proposedById: user.id,
        panel: JSON.stringify(members.map((m) => ({ memberId: m.id, name: m.name, function: m.function }))),
        slots: { create: slots.map((t) => ({ startsAt: new Date(t) })) },
      },
    });
    return { ok: true, candidate: a.profile.user } as const;
  });
  if (!result.ok) return result;
  await notifyCandidate(result.candidate, "application-state");
  return { ok: true };
}

/** The employer moves a fixed interview (date, time, place): everyone receives the update, same UID, higher SEQUENCE. */
export async function rescheduleInterview(user: SessionUser, applicationId: string, interviewId: string, input: RescheduleInput, now = new Date()): Promise<Ok | InterviewError> {
  const employer = asEmployer(user);
  const result = await db.$transaction(async (tx) => {
    const a = await tx.application.findFirst({ where: employerApplicationWhere(employer, applicationId), select: { id: true, state: true, position: { select: { state: true } } } });
    if (!a) return NOT_FOUND;
    const interview = await tx.applicationInterview.findFirst({ where: { id: interviewId, applicationId: a.id }, select: { id: true, status: true, startsAt: true } });
    if (!interview) return INTERVIEW_NOT_FOUND;
    const refusal = applicationInterviewRefusal({ state: a.state, positionState: a.position.state });
    if (refusal) return refused(refusal);
    if (interview.status !== "BOOKED" || !interview.startsAt || interview.startsAt.getTime() <= now.getTime()) {
      return { ok: false, status: 409, error: "Seul un entretien fixé et à venir peut être modifié." } as const;
    }
    if (input.startsAt.getTime() <= now.getTime()) return { ok: false, status: 400, error: "Choisissez une date à venir. Rien n’a été envoyé." } as const;
    const changed = await tx.applicationInterview.updateMany({
      where: { id: interview.id, status: "BOOKED", startsAt: interview.startsAt },
      data: { startsAt: input.startsAt, place: input.place, videoLink: input.videoLink, sequence: { increment: 1 } },
    });
    if (changed.count !== 1) return { ok: false, status: 409, error: "Cet entretien vient de changer : rechargez la page." } as const;
    return { ok: true } as const;
  });
  if (!result.ok) return result;
  await sendInvitations(interviewId, "REQUEST");
  return { ok: true };
}

/**
 * The employer cancels an interview still ahead. A fixed one sends everyone the cancellation;
 * the application goes back to « en cours d'étude ».
 */
export async function cancelInterview(user: SessionUser, applicationId: string, interviewId: string, now = new Date()): Promise<Ok | InterviewError> {
  const employer = asEmployer(user);
  const result = await db.$transaction(async (tx) => {
    const a = await tx.application.findFirst({ where: employerApplicationWhere(employer, applicationId), select: { id: true, state: true, profile: { select: { user: { select: { name: true, email: true } } } } } });
    if (!a) return NOT_FOUND;
    const interview = await tx.applicationInterview.findFirst({ where: { id: interviewId, applicationId: a.id }, select: { id: true, status: true, startsAt: true } });
    if (!interview) return INTERVIEW_NOT_FOUND;
    const open = await tx.applicationInterview.count({ where: { id: interview.id, ...openInterviewWhere(now) } });
    if (!open) return { ok: false, status: 409, error: "Cet entretien est déjà passé, annulé ou décliné : il n’y a rien à annuler." } as const;
    const booked = interview.status === "BOOKED";
    const changed = await tx.applicationInterview.updateMany({ where: { id: interview.id, status: interview.status }, data: { status: "CANCELLED", ...(booked ? { sequence: { increment: 1 } } : {}) } });
    if (changed.count !== 1) return { ok: false, status: 409, error: "Cet entretien vient de changer : rechargez la page." } as const;
    await tx.application.updateMany({ where: { id: a.id, state: { in: ["INTERVIEW_PROPOSED", "INTERVIEW_BOOKED"] } }, data: { state: "REVIEWING", stateChangedAt: new Date() } });
    return { ok: true, booked, candidate: a.profile.user } as const;
  });
  if (!result.ok) return result;
  // A fixed interview's cancellation is itself the candidate's notice; slots that were only proposed need one.
  if (result.booked) await sendInvitations(interviewId, "CANCEL");
  else await notifyCandidate(result.candidate, "application-state");
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// The candidate's side

/** The candidate's own application, with what their answers need; null when it is not theirs. */
async function ownForAnswer(tx: Tx, user: SessionUser, applicationId: string) {
  return tx.application.findFirst({
    where: ownApplicationWhere(user, applicationId),
    select: {
      id: true, state: true, profileId: true,
      profile: { select: { hiddenFrom: { select: { officialKey: true } } } },
      position: { select: { id: true, state: true, organization: { select: { officialKey: true } } } },
      interviews: { where: { status: "PROPOSED" }, take: 1, select: { id: true, slots: { select: { id: true, startsAt: true } } } },
    },
  });
}

const NOTHING_TO_ANSWER: InterviewError = { ok: false, status: 409, error: "Aucun créneau n’attend votre réponse : l’entretien est déjà fixé, ou la proposition a été retirée." };

/**
 * The proposal the candidate answers, on their own application that may still have one (not
 * closed, the position not filled, the employer not hidden from), or the refusal to give them.
 */
type OwnForAnswer = NonNullable<Awaited<ReturnType<typeof ownForAnswer>>>;
async function proposalToAnswer(
  tx: Tx, user: SessionUser, applicationId: string,
): Promise<{ ok: false; refusal: InterviewError } | { ok: true; application: OwnForAnswer; interview: OwnForAnswer["interviews"][number] }> {
  const a = await ownForAnswer(tx, user, applicationId);
  if (!a) return { ok: false, refusal: NOT_FOUND };
  const refusal = applicationInterviewRefusal({ state: a.state, positionState: a.position.state });
  if (refusal) return { ok: false, refusal: refused(refusal) };
  if (hidesFrom(a.profile, [a.position.organization.officialKey])) return { ok: false, refusal: HIDDEN };
  const interview = a.interviews[0];
  if (!interview) return { ok: false, refusal: NOTHING_TO_ANSWER };
  return { ok: true, application: a, interview };
}

/** The candidate picks one of the proposed slots: the interview is fixed, the invitations leave, the application is « entretien fixé ». */
export async function chooseSlot(user: SessionUser, applicationId: string, slotId: string, now = new Date()): Promise<Ok | InterviewError> {
  assertCandidate(user);
  const result = await db.$transaction(async (tx) => {
    const found = await proposalToAnswer(tx, user, applicationId);
    if (!found.ok) return found.refusal;
    const { application: a, interview } = found;
    const slot = interview.slots.find((s) => s.id === slotId);
    if (!slot) return { ok: false, status: 400, error: "Choisissez l’un des créneaux proposés." } as const;
    if (slot.startsAt.getTime() <= now.getTime()) return { ok: false, status: 409, error: "Ce créneau est passé : choisissez-en un autre, ou demandez d’autres créneaux." } as const;
    const changed = await tx.applicationInterview.updateMany({ where: { id: interview.id, status: "PROPOSED" }, data: { status: "BOOKED", startsAt: slot.startsAt } });
    if (changed.count !== 1) return NOTHING_TO_ANSWER;
    await tx.application.update({ where: { id: a.id }, data: { state: "INTERVIEW_BOOKED" } });
    return { ok: true, interviewId: interview.id } as const;
  });
  if (!result.ok) return result;
  await sendInvitations(result.interviewId, "REQUEST");
  return { ok: true };
}

/**
 * None of the slots suits the candidate: they say when they are free. The proposal is closed
 * (« d'autres créneaux demandés »), their words go into the application's thread, the
 * application is back to « entretien » (to be fixed) and the employers are told.
 */
export async function askOtherSlots(user: SessionUser, applicationId: string, note: string): Promise<Ok | InterviewError> {
  assertCandidate(user);
  const result = await db.$transaction(async (tx) => {
    const found = await proposalToAnswer(tx, user, applicationId);
    if (!found.ok) return found.refusal;
    const { application: a, interview } = found;
    const changed = await tx.applicationInterview.updateMany({ where: { id: interview.id, status: "PROPOSED" }, data: { status: "DECLINED", candidateNote: note } });
    if (changed.count !== 1) return NOTHING_TO_ANSWER;
    await tx.application.update({ where: { id: a.id }, data: { state: "INTERVIEW" } });
    await tx.applicationMessage.create({ data: { applicationId: a.id, authorId: user.id, authorName: user.name, fromCandidate: true, body: `Aucun des créneaux proposés ne me convient. ${note}` } });
    return { ok: true, positionId: a.position.id } as const;
  });
  if (!result.ok) return result;
  await notifyEmployersOfApplicationNews(result.positionId, applicationId, "other-slots");
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// When the application ends

/**
 * A withdrawal or a refusal ends the interviews still ahead: slots only proposed are withdrawn,
 * a fixed interview is cancelled for everyone (CANCEL, higher SEQUENCE). A retained application
 * keeps a fixed interview (the meeting may still be wanted) but its unanswered slots go.
 */
export async function closeApplicationInterviews(applicationId: string, why: "WITHDRAWN" | "REJECTED" | "ACCEPTED", now = new Date()): Promise<void> {
  const open = await db.applicationInterview.findMany({ where: { applicationId, ...openInterviewWhere(now) }, select: { id: true, status: true } });
  for (const i of open) {
    if (i.status === "PROPOSED") {
      await db.applicationInterview.updateMany({ where: { id: i.id, status: "PROPOSED" }, data: { status: "CANCELLED" } });
    } else if (why !== "ACCEPTED") {
      const changed = await db.applicationInterview.updateMany({ where: { id: i.id, status: "BOOKED" }, data: { status: "CANCELLED", sequence: { increment: 1 } } });
      if (changed.count === 1) await sendInvitations(i.id, "CANCEL");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The invitations

/**
 * The invitation (or its update, or its cancellation) as an .ics to everyone concerned: the
 * collectivité's employers and the committee members present who have an address get the full
 * one (the position, the candidate, every attendee); the candidate a discreet copy, like every
 * mail to a candidate: a neutral title and description, only them as attendee, and the place
 * (they have to go).
 */
async function sendInvitations(interviewId: string, method: "REQUEST" | "CANCEL"): Promise<void> {
  const i = await db.applicationInterview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      uid: true, sequence: true, startsAt: true, durationMin: true, place: true, videoLink: true, panel: true,
      application: {
        select: {
          id: true,
          profile: { select: { user: { select: { name: true, email: true } } } },
          position: { select: { id: true, title: true, confidential: true, organizationId: true, organization: { select: { name: true } } } },
        },
      },
    },
  });
  if (!i.startsAt) return;
  const a = i.application;
  const candidate = a.profile.user;
  const memberIds = panelOf(i.panel).map((m) => m.memberId);
  const [employers, members] = await Promise.all([
    db.user.findMany({ where: { organizationId: a.position.organizationId, role: "EMPLOYER" }, orderBy: { createdAt: "asc" }, select: { name: true, email: true } }),
    // The members as they are now: one removed from the committee since gets nothing.
    db.committeeMember.findMany({ where: { positionId: a.position.id, id: { in: memberIds } }, select: { name: true, email: true, user: { select: { email: true } } } }),
  ]);
  const team = new Map<string, string>();
  for (const person of [...employers, ...members.map((m) => ({ name: m.name, email: m.user?.email ?? m.email ?? "" }))]) {
    if (person.email && !team.has(person.email)) team.set(person.email, person.name);
  }
  const where = [i.place, i.videoLink].filter(Boolean).join(" — ");
  const when = formatParis(i.startsAt.toISOString());
  const base = {
    uid: i.uid, sequence: i.sequence, method, startsAt: i.startsAt, durationMin: i.durationMin, location: where,
    ...(i.videoLink ? { url: i.videoLink } : {}),
    organizer: { name: "Vivier", email: addressOf(env().MAIL_FROM) },
  };
  const verb = method === "CANCEL" ? "annulé" : i.sequence > 0 ? "modifié" : "fixé";
  const employerName = employerNameForCandidate(a.position, true) ?? a.position.organization.name;
  const teamInvitation: CalendarInvitation = {
    ...base,
    title: `Entretien — ${a.position.title} — ${candidate.name}`,
    description: `Entretien de recrutement de ${employerName} pour le poste « ${a.position.title} ». Candidature : ${env().APP_URL}/employeur/candidatures/${a.id}`,
    attendees: [candidate, ...[...team].map(([email, name]) => ({ name, email }))],
  };
  for (const [email, name] of team) {
    await sendOptionalMail({ email, name }, "INTERVIEW", {
      subject: `Vivier : entretien ${verb} — ${a.position.title}`,
      text: [
        `Bonjour ${name},`, "",
        `L’entretien avec ${candidate.name} pour le poste « ${a.position.title} » est ${verb}${method === "CANCEL" ? "" : ` : ${when} (heure de Paris), ${i.durationMin} minutes, ${where}`}.`,
        "L’invitation est jointe (fichier .ics) pour votre agenda.",
        `${env().APP_URL}/employeur/candidatures/${a.id}/entretien`, "",
        "L’équipe Vivier",
      ].join("\n"),
      attachments: [icsAttachment(teamInvitation)],
    }, { line: `Entretien ${verb} — ${a.position.title}`, path: `/employeur/candidatures/${a.id}/entretien` });
  }
  const page = `${env().APP_URL}/candidat/candidatures/${a.id}`;
  const own: CalendarInvitation = { ...base, title: "Entretien (Vivier)", description: `Le détail vous attend dans votre espace Vivier : ${page}`, attendees: [candidate] };
  await sendOptionalMail(candidate, "INTERVIEW", {
    subject: "Vivier : votre entretien",
    text: [
      `Bonjour ${candidate.name},`, "",
      `Votre entretien est ${verb}${method === "CANCEL" ? "" : ` : ${when} (heure de Paris)`}. L’invitation est jointe pour votre agenda ; le détail vous attend dans votre espace :`,
      page, "",
      "Par discrétion, ce message n’en dit pas plus.", "",
      "L’équipe Vivier",
    ].join("\n"),
    attachments: [icsAttachment(own)],
  }, { line: "Un entretien vous concerne", path: `/candidat/candidatures/${a.id}` });
}
