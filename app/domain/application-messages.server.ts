import type { Prisma } from "~/generated/prisma/client";
import { asEmployer, assertCandidate, employerApplicationWhere, ownApplicationWhere } from "~/access/guards.server";
import { applicationThreadClosure, employerNameForCandidate, hidesFrom, type ThreadClosure } from "~/access/rules";
import { applicationStateLabel } from "~/schemas/application";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { SessionUser } from "~/utils/session.server";
import { notifyCandidate, sendOptionalMail } from "./notifications.server";

/**
 * The thread between the collectivité's employers and the candidate on one application (issue
 * 15), with the same discretion as the cabinets' threads (./conversations.server.ts): the mail
 * that tells the candidate of a new message names neither the position nor the employer. It is
 * the candidate's and the collectivité's only (the gate's rule 13): a cabinet on a mission for
 * the position has its own thread with the candidate and never reads this one. Read-only once
 * the application is withdrawn or refused, or the position filled or closed.
 */

const CLOSED_BECAUSE: Record<NonNullable<ThreadClosure>, { employer: string; candidate: string }> = {
  withdrawn: {
    employer: "Le candidat a retiré sa candidature : l’échange est fermé.",
    candidate: "Vous avez retiré cette candidature : l’échange est fermé.",
  },
  rejected: {
    employer: "La candidature n’est pas retenue : l’échange est fermé.",
    candidate: "Cette candidature n’a pas été retenue : l’échange est fermé.",
  },
  "position-ended": {
    employer: "Le poste est pourvu ou clos : l’échange est fermé.",
    candidate: "Le recrutement de ce poste est terminé : l’échange est fermé.",
  },
};

export const HIDDEN_THREAD =
  "Vous avez demandé à ne pas être montré à cet employeur : il ne voit plus votre candidature, et l’échange est donc fermé. Retirez-le de votre liste « Ne pas me montrer à » pour le rouvrir.";

const messageSelect = { id: true, body: true, createdAt: true, authorId: true, authorName: true, fromCandidate: true } satisfies Prisma.ApplicationMessageSelect;

// ---------------------------------------------------------------------------------------------
// The employer's side

/** The thread of one application of the employer's collectivité; null when the application is not theirs (404). */
export async function getEmployerThread(user: SessionUser, applicationId: string) {
  const employer = asEmployer(user);
  const a = await db.application.findFirst({
    where: employerApplicationWhere(employer, applicationId),
    select: {
      id: true, state: true,
      profile: { select: { user: { select: { name: true } } } },
      position: { select: { id: true, title: true, state: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: messageSelect },
    },
  });
  if (!a) return null;
  const closure = applicationThreadClosure({ state: a.state, positionState: a.position.state });
  return {
    application: { id: a.id, state: a.state, stateLabel: applicationStateLabel(a.state), candidateName: a.profile.user.name },
    position: { id: a.position.id, title: a.position.title },
    open: closure === null,
    closedBecause: closure ? CLOSED_BECAUSE[closure].employer : null,
    messages: a.messages.map((m) => ({
      id: m.id,
      body: m.body,
      at: m.createdAt.toISOString(),
      // The collectivité's side is « ours », whichever employer wrote.
      mine: !m.fromCandidate,
      author: m.fromCandidate ? a.profile.user.name : m.authorId === user.id ? "Vous" : m.authorName,
    })),
  };
}

export type PostResult = "sent" | "not-found" | "closed" | "hidden";

/** An employer writes to the candidate, who gets a discreet mail. */
export async function postEmployerMessage(user: SessionUser, applicationId: string, body: string): Promise<Exclude<PostResult, "hidden">> {
  const employer = asEmployer(user);
  const outcome = await db.$transaction(async (tx) => {
    const a = await tx.application.findFirst({
      where: employerApplicationWhere(employer, applicationId),
      select: { id: true, state: true, position: { select: { state: true } }, profile: { select: { user: { select: { name: true, email: true } } } } },
    });
    if (!a) return { result: "not-found" as const };
    if (applicationThreadClosure({ state: a.state, positionState: a.position.state })) return { result: "closed" as const };
    await tx.applicationMessage.create({ data: { applicationId: a.id, authorId: user.id, authorName: user.name, fromCandidate: false, body } });
    return { result: "sent" as const, candidate: a.profile.user };
  });
  if (outcome.result === "sent") await notifyCandidate(outcome.candidate, "message");
  return outcome.result;
}

// ---------------------------------------------------------------------------------------------
// The candidate's side

const ownThreadSelect = {
  id: true, state: true,
  profile: { select: { hiddenFrom: { select: { officialKey: true } } } },
  position: { select: { id: true, title: true, state: true, confidential: true, organization: { select: { name: true, officialKey: true } } } },
} satisfies Prisma.ApplicationSelect;

type OwnThreadRow = Prisma.ApplicationGetPayload<{ select: typeof ownThreadSelect }>;

/**
 * How a thread stands for its candidate: open, or closed and why. A candidate who hides from the
 * collectivité is out of its sight (rule 2): the thread closes for them, saying why, rather than
 * carry messages nobody will read.
 */
function ownStanding(a: OwnThreadRow) {
  const hidden = hidesFrom(a.profile, [a.position.organization.officialKey]);
  const closure = applicationThreadClosure({ state: a.state, positionState: a.position.state });
  return {
    open: !hidden && closure === null,
    hiddenFromYou: hidden,
    closedBecause: hidden ? HIDDEN_THREAD : closure ? CLOSED_BECAUSE[closure].candidate : null,
    // They applied: the employer is theirs to know (rule 5).
    employer: employerNameForCandidate(a.position, true),
  };
}

/** The thread of one of the candidate's own applications; null for anybody else's (404). */
export async function getOwnThread(user: SessionUser, applicationId: string) {
  const a = await db.application.findFirst({
    where: ownApplicationWhere(user, applicationId),
    select: { ...ownThreadSelect, messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: messageSelect } },
  });
  if (!a) return null;
  const standing = ownStanding(a);
  return {
    application: { id: a.id, state: a.state, stateLabel: applicationStateLabel(a.state) },
    position: { title: a.position.title },
    ...standing,
    messages: a.messages.map((m) => ({
      id: m.id,
      body: m.body,
      at: m.createdAt.toISOString(),
      mine: m.fromCandidate,
      author: m.fromCandidate ? "Vous" : `${m.authorName}${standing.employer ? ` (${standing.employer})` : ""}`,
    })),
  };
}

/** The candidate's threads with employers: every application with a message, the latest first. */
export async function listOwnApplicationThreads(user: SessionUser) {
  const rows = await db.application.findMany({
    where: { ...ownApplicationWhere(user), messages: { some: {} } },
    select: { ...ownThreadSelect, messages: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { body: true, createdAt: true } } },
  });
  return rows
    .map((a) => ({
      id: a.id,
      title: a.position.title,
      ...ownStanding(a),
      last: a.messages[0] ? { excerpt: a.messages[0].body.slice(0, 140), at: a.messages[0].createdAt.toISOString() } : null,
    }))
    .sort((x, y) => (y.last?.at ?? "").localeCompare(x.last?.at ?? ""));
}

/** The candidate writes to the collectivité's employers, who are told by mail. */
export async function postCandidateMessage(user: SessionUser, applicationId: string, body: string): Promise<PostResult> {
  assertCandidate(user);
  const outcome = await db.$transaction(async (tx) => {
    const a = await tx.application.findFirst({ where: ownApplicationWhere(user, applicationId), select: ownThreadSelect });
    if (!a) return { result: "not-found" as const };
    const standing = ownStanding(a);
    if (standing.hiddenFromYou) return { result: "hidden" as const };
    if (!standing.open) return { result: "closed" as const };
    await tx.applicationMessage.create({ data: { applicationId: a.id, authorId: user.id, authorName: user.name, fromCandidate: true, body } });
    return { result: "sent" as const, positionId: a.position.id };
  });
  if (outcome.result === "sent") await notifyEmployersOfApplicationNews(outcome.positionId, applicationId, "message");
  return outcome.result;
}

// ---------------------------------------------------------------------------------------------
// The employers' mails

const NEWS = {
  message: { subject: "nouveau message d’un candidat", text: "Un candidat vous a écrit au sujet du poste", page: "messages" },
  "other-slots": { subject: "d’autres créneaux demandés", text: "Un candidat demande d’autres créneaux d’entretien pour le poste", page: "entretien" },
} as const;

/**
 * Tells the employers of the position's collectivité that a candidate wrote or asked for other
 * slots: the position and where to read it, not who (that stays behind the sign-in, as for a new
 * application: ./notifications.server.ts).
 */
export async function notifyEmployersOfApplicationNews(positionId: string, applicationId: string, news: keyof typeof NEWS): Promise<void> {
  const position = await db.position.findUnique({ where: { id: positionId }, select: { title: true, organizationId: true } });
  if (!position) return;
  const employers = await db.user.findMany({ where: { organizationId: position.organizationId, role: "EMPLOYER" }, select: { email: true, name: true } });
  const n = NEWS[news];
  for (const employer of employers) {
    await sendOptionalMail(employer, "MESSAGE", {
      subject: `Vivier : ${n.subject} — ${position.title}`,
      text: [`Bonjour ${employer.name},`, "", `${n.text} « ${position.title} ». Consultez Vivier :`, `${env().APP_URL}/employeur/candidatures/${applicationId}/${n.page}`, "", "L’équipe Vivier"].join("\n"),
    }, { line: `${n.subject} — ${position.title}`, path: `/employeur/candidatures/${applicationId}/${n.page}` });
  }
}
