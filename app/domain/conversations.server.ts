import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { ownContactRequestWhere } from "~/access/guards.server";
import { employerNameForCandidate, hidesFrom } from "~/access/rules";
import { touchProfile } from "./candidates.server";
import { onContactRequestAnswered } from "./shortlists.server";

/**
 * What passes between a candidate and the cabinets, on the candidate's side: contact requests
 * ("un cabinet souhaite vous présenter une opportunité") and the private conversation with the
 * consultants of a mission. The employer has no access to either: nothing here is reachable
 * from the employer's space.
 */

// ---------------------------------------------------------------------------------------------
// Contact requests

/** The acting candidate's contact requests, pending ones first. */
export async function listOwnContactRequests(user: SessionUser) {
  const rows = await db.contactRequest.findMany({
    where: ownContactRequestWhere(user),
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true, message: true, status: true, createdAt: true, answeredAt: true,
      cabinet: { select: { name: true } },
      consultant: { select: { name: true } },
      mission: { select: { id: true, position: { select: { title: true, confidential: true, organization: { select: { name: true } } } } } },
    },
  });
  const order = (s: string) => (s === "PENDING" ? 0 : 1);
  return rows
    .map((r) => ({
      id: r.id,
      message: r.message,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      cabinet: r.cabinet.name,
      consultant: r.consultant?.name ?? null,
      // A confidential search names its employer only once the candidate is in it (the gate's rule 5).
      opportunity: r.mission
        ? { missionId: r.mission.id, title: r.mission.position.title, employer: employerNameForCandidate(r.mission.position, r.status === "ACCEPTED") }
        : null,
    }))
    .sort((a, b) => order(a.status) - order(b.status));
}

export type AnswerResult = "answered" | "already-answered" | "not-found" | "hidden";

/**
 * Accepting reveals the candidate's identity to that cabinet (the cabinet's pages read the
 * ACCEPTED status); declining reveals nothing. A request is answered once.
 */
export async function answerContactRequest(user: SessionUser, requestId: string, accept: boolean): Promise<AnswerResult> {
  return db.$transaction(async (tx) => {
    const request = await tx.contactRequest.findFirst({
      where: ownContactRequestWhere(user, requestId),
      select: {
        id: true, status: true, profileId: true, missionId: true,
        cabinet: { select: { officialKey: true } },
        mission: { select: { position: { select: { organization: { select: { officialKey: true } } } } } },
        profile: { select: { hiddenFrom: { select: { officialKey: true } } } },
      },
    });
    if (!request) return "not-found";
    if (request.status !== "PENDING") return "already-answered";
    // The candidate hides from this cabinet, or from the collectivité of the mission: never
    // reveal anything to it (the gate's rule 2).
    const keys = [request.cabinet.officialKey, request.mission?.position.organization.officialKey ?? ""];
    if (accept && hidesFrom(request.profile, keys)) return "hidden";
    await tx.contactRequest.update({
      where: { id: request.id },
      data: { status: accept ? "ACCEPTED" : "DECLINED", answeredAt: new Date() },
    });
    if (request.missionId) await onContactRequestAnswered(tx, { missionId: request.missionId, profileId: request.profileId, accepted: accept });
    await touchProfile(tx, request.profileId);
    return "answered";
  });
}

// ---------------------------------------------------------------------------------------------
// Conversations with the consultants of a mission

/**
 * The missions a candidate is in: an accepted contact request for it, an application (not
 * withdrawn) to its position, or a conversation a consultant already started.
 */
function missionsOfCandidateWhere(userId: string): Prisma.MissionWhereInput {
  return {
    OR: [
      { contactRequests: { some: { status: "ACCEPTED", profile: { userId } } } },
      { position: { applications: { some: { state: { not: "WITHDRAWN" }, profile: { userId } } } } },
      { messages: { some: { profile: { userId } } } },
    ],
  };
}

const missionSelect = (userId: string) =>
  ({
    id: true, status: true,
    cabinet: { select: { name: true, officialKey: true } },
    position: {
      select: {
        title: true, confidential: true,
        organization: { select: { name: true, officialKey: true } },
        applications: { where: { state: { not: "WITHDRAWN" }, profile: { userId } }, select: { id: true }, take: 1 },
      },
    },
    contactRequests: { where: { status: "ACCEPTED", profile: { userId } }, select: { id: true }, take: 1 },
  }) satisfies Prisma.MissionSelect;

type MissionRow = Prisma.MissionGetPayload<{ select: ReturnType<typeof missionSelect> }>;

type HiddenFrom = ReadonlyArray<{ officialKey: string }>;

/**
 * A mission as its candidate reads it. The employer of a confidential search is named once the
 * candidate is in it (rule 5). A candidate who hides from the cabinet or the collectivité is out
 * of the cabinet's sight (rule 2): the thread closes for them, saying why, rather than carry
 * messages nobody will read.
 */
function missionView(m: MissionRow, hiddenFrom: HiddenFrom) {
  const inSearch = m.contactRequests.length > 0 || m.position.applications.length > 0;
  const hidden = hidesFrom({ hiddenFrom }, [m.cabinet.officialKey, m.position.organization.officialKey]);
  return {
    id: m.id,
    open: m.status === "ACTIVE" && !hidden,
    hiddenFromYou: hidden,
    cabinet: m.cabinet.name,
    title: m.position.title,
    employer: employerNameForCandidate(m.position, inSearch),
  };
}

async function ownHiddenFrom(userId: string): Promise<HiddenFrom> {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { hiddenFrom: { select: { officialKey: true } } } });
  return profile?.hiddenFrom ?? [];
}

/** The conversations the acting candidate may open, with their last message. */
export async function listOwnConversations(user: SessionUser, since: Date | null = null) {
  const hiddenFrom = await ownHiddenFrom(user.id);
  const missions = await db.mission.findMany({
    // With `since`: only the conversations with a consultant's message written after it.
    where: since ? { AND: [missionsOfCandidateWhere(user.id), { messages: { some: candidateMessagesSinceWhere(user, since) } }] } : missionsOfCandidateWhere(user.id),
    orderBy: { createdAt: "desc" },
    select: {
      ...missionSelect(user.id),
      messages: { where: { profile: { userId: user.id } }, orderBy: { createdAt: "desc" }, take: 1, select: { body: true, createdAt: true } },
    },
  });
  return missions.map((m) => ({
    ...missionView(m, hiddenFrom),
    last: m.messages[0] ? { excerpt: m.messages[0].body.slice(0, 140), at: m.messages[0].createdAt.toISOString() } : null,
  }));
}

/**
 * The messages a consultant wrote to the acting candidate after `since`, in the conversations
 * their list shows: the home's « nouveaux messages » and the list's `depuis` filter.
 */
export function candidateMessagesSinceWhere(user: SessionUser, since: Date): Prisma.MessageWhereInput {
  return { profile: { userId: user.id }, mission: missionsOfCandidateWhere(user.id), createdAt: { gt: since }, NOT: { authorId: user.id } };
}

/** One conversation of the acting candidate; null when they are not in that mission (404). */
export async function getOwnConversation(user: SessionUser, missionId: string) {
  const mission = await db.mission.findFirst({ where: { id: missionId, ...missionsOfCandidateWhere(user.id) }, select: missionSelect(user.id) });
  if (!mission) return null;
  const hiddenFrom = await ownHiddenFrom(user.id);
  const messages = await db.message.findMany({
    where: { missionId, profile: { userId: user.id } },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  });
  return {
    mission: missionView(mission, hiddenFrom),
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      at: m.createdAt.toISOString(),
      mine: m.authorId === user.id,
      author: m.authorId === user.id ? "Vous" : (m.author?.name ?? "Consultant"),
    })),
  };
}

export type SendResult = "sent" | "not-found" | "closed" | "hidden";

export async function sendMessageToConsultant(user: SessionUser, missionId: string, body: string): Promise<SendResult> {
  return db.$transaction(async (tx) => {
    const mission = await tx.mission.findFirst({
      where: { id: missionId, ...missionsOfCandidateWhere(user.id) },
      select: { id: true, status: true, cabinet: { select: { officialKey: true } }, position: { select: { organization: { select: { officialKey: true } } } } },
    });
    if (!mission) return "not-found";
    const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true, hiddenFrom: { select: { officialKey: true } } } });
    // The consultant could not read it (the gate's rule 2): refuse rather than write into the void.
    if (hidesFrom(profile, [mission.cabinet.officialKey, mission.position.organization.officialKey])) return "hidden";
    if (mission.status !== "ACTIVE") return "closed";
    await tx.message.create({ data: { missionId, profileId: profile.id, authorId: user.id, body } });
    await touchProfile(tx, profile.id);
    return "sent";
  });
}
