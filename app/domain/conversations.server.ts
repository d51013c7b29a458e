import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { canOrganizationSee, touchProfile } from "./candidates.server";

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
    where: { profile: { userId: user.id } },
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
      // A confidential search names its employer only once the candidate is in it.
      opportunity: r.mission
        ? { missionId: r.mission.id, title: r.mission.position.title, employer: r.mission.position.confidential && r.status !== "ACCEPTED" ? null : r.mission.position.organization.name }
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
      where: { id: requestId, profile: { userId: user.id } },
      select: {
        id: true, status: true, profileId: true,
        cabinet: { select: { officialKey: true } },
        profile: { select: { hiddenFrom: { select: { officialKey: true } } } },
      },
    });
    if (!request) return "not-found";
    if (request.status !== "PENDING") return "already-answered";
    // The candidate hides from this cabinet: never reveal anything to it.
    if (accept && !canOrganizationSee(request.profile, request.cabinet)) return "hidden";
    await tx.contactRequest.update({
      where: { id: request.id },
      data: { status: accept ? "ACCEPTED" : "DECLINED", answeredAt: new Date() },
    });
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

const missionSelect = {
  id: true, status: true,
  cabinet: { select: { name: true } },
  position: { select: { title: true, confidential: true, organization: { select: { name: true } } } },
} satisfies Prisma.MissionSelect;

type MissionRow = Prisma.MissionGetPayload<{ select: typeof missionSelect }>;

function missionView(m: MissionRow) {
  return {
    id: m.id,
    open: m.status === "ACTIVE",
    cabinet: m.cabinet.name,
    title: m.position.title,
    employer: m.position.confidential ? null : m.position.organization.name,
  };
}

/** The conversations the acting candidate may open, with their last message. */
export async function listOwnConversations(user: SessionUser) {
  const missions = await db.mission.findMany({
    where: missionsOfCandidateWhere(user.id),
    orderBy: { createdAt: "desc" },
    select: {
      ...missionSelect,
      messages: { where: { profile: { userId: user.id } }, orderBy: { createdAt: "desc" }, take: 1, select: { body: true, createdAt: true } },
    },
  });
  return missions.map((m) => ({
    ...missionView(m),
    last: m.messages[0] ? { excerpt: m.messages[0].body.slice(0, 140), at: m.messages[0].createdAt.toISOString() } : null,
  }));
}

/** One conversation of the acting candidate; null when they are not in that mission (404). */
export async function getOwnConversation(user: SessionUser, missionId: string) {
  const mission = await db.mission.findFirst({ where: { id: missionId, ...missionsOfCandidateWhere(user.id) }, select: missionSelect });
  if (!mission) return null;
  const messages = await db.message.findMany({
    where: { missionId, profile: { userId: user.id } },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  });
  return {
    mission: missionView(mission),
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      at: m.createdAt.toISOString(),
      mine: m.authorId === user.id,
      author: m.authorId === user.id ? "Vous" : (m.author?.name ?? "Consultant"),
    })),
  };
}

export type SendResult = "sent" | "not-found" | "closed";

export async function sendMessageToConsultant(user: SessionUser, missionId: string, body: string): Promise<SendResult> {
  return db.$transaction(async (tx) => {
    const mission = await tx.mission.findFirst({ where: { id: missionId, ...missionsOfCandidateWhere(user.id) }, select: { id: true, status: true } });
    if (!mission) return "not-found";
    if (mission.status !== "ACTIVE") return "closed";
    const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true } });
    await tx.message.create({ data: { missionId, profileId: profile.id, authorId: user.id, body } });
    await touchProfile(tx, profile.id);
    return "sent";
  });
}
