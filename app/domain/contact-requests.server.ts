import type { Prisma } from "~/generated/prisma/client";
import type { ContactRequestInput } from "~/schemas/contact-request";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { notifyCandidate } from "./notifications.server";
import { assertConsultant, cabinetRowOfMyMissionsWhere, cabinetScope, consultantKeys, type CabinetUser } from "~/access/guards.server";
import { cabinetRevealFacts, cabinetRevealSelect, identityRevealedToCabinet, notHiddenFromWhere, talentPoolWhere } from "~/access/rules";
import { onContactRequestSent } from "./shortlists.server";
import { findCabinetMission, searchViewer } from "./talent-search.server";

/**
 * What passes between a cabinet and the candidates, on the consultant's side: contact requests
 * sent from the talent search, and the private conversations of a mission. The candidate's side
 * is app/domain/conversations.server.ts; the employer reaches neither.
 *
 * Every function takes the acting consultant and reads only their cabinet's rows. Who is
 * reachable and whose name shows are the gate's rules (app/access/rules.ts): a profile that hides
 * from the cabinet or from any collectivité it works for is never reachable here (rule 2, checked
 * in SQL against the HiddenOrganization rows rather than trusted from the search index), and a
 * name shows only where the candidate gave it to the cabinet (rule 3).
 */

export type SendContactResult =
  | { ok: true; id: string }
  | { ok: false; status: 404 | 409; error: string };

const UNAVAILABLE = "Ce profil n’est pas (ou plus) disponible dans le vivier pour votre cabinet.";

/** Profiles the viewer may reach: in the talent pool, and hiding from none of the keys (rules 1 and 2). */
function reachableProfileWhere(keys: readonly string[]): Prisma.CandidateProfileWhereInput {
  return { ...talentPoolWhere, ...notHiddenFromWhere(keys) };
}

/**
 * "Proposer une opportunité": asks a candidate found in the talent search whether they agree to
 * reveal their identity to the cabinet. One pending request per profile, cabinet and mission.
 * The candidate gets a discreet e-mail (app/domain/notifications.server.ts).
 */
export async function sendContactRequest(user: SessionUser, input: ContactRequestInput): Promise<SendContactResult> {
  assertConsultant(user);
  const missionId = input.missionId ?? null;
  if (missionId) {
    const mission = await findCabinetMission(user, missionId);
    if (!mission) return { ok: false, status: 404, error: "Cette mission n’existe pas ou n’est pas confiée à votre cabinet." };
    if (mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée : choisissez une mission en cours ou aucune mission." };
  }
  const { viewer } = await searchViewer(user, missionId);
  const keys = [viewer.organizationKey, ...viewer.presentingTo];

  const outcome = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findFirst({
      where: { id: input.profileId, ...reachableProfileWhere(keys) },
      select: { id: true, user: { select: { email: true, name: true } } },
    });
    if (!profile) return { ok: false, status: 404, error: UNAVAILABLE } as const;
    const pending = await tx.contactRequest.findFirst({
      where: { profileId: profile.id, cabinetId: user.organization.id, missionId, status: "PENDING" },
      select: { id: true },
    });
    if (pending) {
      return { ok: false, status: 409, error: "Votre cabinet a déjà fait cette proposition à ce candidat : attendez sa réponse." } as const;
    }
    const created = await tx.contactRequest.create({
      data: { profileId: profile.id, cabinetId: user.organization.id, consultantId: user.id, missionId, message: input.message },
      select: { id: true },
    });
    // A proposal for a mission puts the candidate on its shortlist as approché.
    if (missionId) await onContactRequestSent(tx, { missionId, profileId: profile.id, actorId: user.id });
    return { ok: true, id: created.id, candidate: profile.user } as const;
  });
  if (!outcome.ok) return outcome;
  await notifyCandidate(outcome.candidate, "contact-request");
  return { ok: true, id: outcome.id };
}

/** The cabinet's contact requests, newest first: a name only where the candidate revealed it. */
export async function listCabinetContactRequests(user: SessionUser) {
  assertConsultant(user);
  const { keys } = await consultantKeys(user);
  const rows = await db.contactRequest.findMany({
    where: {
      // The cabinet's requests of no mission or of a mission the consultant is on.
      ...cabinetRowOfMyMissionsWhere(user),
      // A candidate who has since hidden from the cabinet, or from a collectivité it works for,
      // disappears from its pages (rule 2).
      profile: notHiddenFromWhere(keys),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true, status: true, message: true, createdAt: true, answeredAt: true,
      consultant: { select: { name: true } },
      mission: { select: { id: true, position: { select: { title: true, organization: { select: { name: true } } } } } },
      profile: { select: { id: true, pseudonym: true, user: { select: { name: true, email: true } }, ...cabinetRevealSelect(cabinetScope(user)) } },
    },
  });
  return rows.map((r) => {
    const revealed = identityRevealedToCabinet(cabinetRevealFacts(r.profile));
    return {
      id: r.id,
      status: r.status as "PENDING" | "ACCEPTED" | "DECLINED",
      message: r.message,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      consultant: r.consultant?.name ?? null,
      candidate: {
        profileId: r.profile.id,
        pseudonym: r.profile.pseudonym,
        name: revealed ? r.profile.user.name : null,
        email: revealed ? r.profile.user.email : null,
      },
      mission: r.mission ? { id: r.mission.id, title: r.mission.position.title, collectiviteName: r.mission.position.organization.name } : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Conversations of a mission

/**
 * The candidates in a mission, the same rule as the candidate's side (conversations.server.ts,
 * missionsOfCandidateWhere): an accepted contact request for it, an application (not withdrawn)
 * to its position, or a conversation already started. Less those the gate hides (rule 2).
 */
function candidatesOfMissionWhere(mission: { id: string; positionId: string }, keys: readonly string[]): Prisma.CandidateProfileWhereInput {
  return {
    OR: [
      { contactRequests: { some: { missionId: mission.id, status: "ACCEPTED" } } },
      { applications: { some: { positionId: mission.positionId, state: { not: "WITHDRAWN" } } } },
      { messages: { some: { missionId: mission.id } } },
    ],
    ...notHiddenFromWhere(keys),
  };
}

const threadProfileSelect = (user: CabinetUser) =>
  ({
    id: true, pseudonym: true, userId: true,
    user: { select: { name: true } },
    ...cabinetRevealSelect(cabinetScope(user)),
  }) satisfies Prisma.CandidateProfileSelect;

type ThreadProfile = Prisma.CandidateProfileGetPayload<{ select: ReturnType<typeof threadProfileSelect> }>;

/** The name when the candidate gave it to the cabinet (rule 3), else the pseudonym. */
function candidateView(p: ThreadProfile, mission: { id: string; positionId: string }) {
  const revealed = identityRevealedToCabinet(cabinetRevealFacts(p));
  const applied = p.applications.some((a) => a.positionId === mission.positionId);
  const accepted = p.contactRequests.some((c) => c.missionId === mission.id);
  return {
    profileId: p.id,
    label: revealed ? p.user.name : p.pseudonym,
    via: applied ? ("application" as const) : accepted ? ("contact" as const) : ("conversation" as const),
  };
}

async function missionOfCabinet(user: CabinetUser, missionId: string) {
  const mission = await findCabinetMission(user, missionId);
  if (!mission) return null;
  const { keys } = await consultantKeys(user, mission.position.organization.officialKey);
  return { mission, keys };
}

/** The threads of a mission of the consultant's cabinet, or null (absent or another cabinet's). */
export async function listMissionConversations(user: SessionUser, missionId: string) {
  assertConsultant(user);
  const found = await missionOfCabinet(user, missionId);
  if (!found) return null;
  const { mission, keys } = found;
  const profiles = await db.candidateProfile.findMany({
    where: candidatesOfMissionWhere(mission, keys),
    orderBy: { createdAt: "asc" },
    select: {
      ...threadProfileSelect(user),
      messages: { where: { missionId: mission.id }, orderBy: { createdAt: "desc" }, take: 1, select: { body: true, createdAt: true } },
      _count: { select: { messages: { where: { missionId: mission.id } } } },
    },
  });
  return profiles
    .map((p) => ({
      ...candidateView(p, mission),
      messageCount: p._count.messages,
      last: p.messages[0] ? { excerpt: p.messages[0].body.slice(0, 140), at: p.messages[0].createdAt.toISOString() } : null,
    }))
    .sort((a, b) => (b.last?.at ?? "").localeCompare(a.last?.at ?? ""));
}

/** One thread of a mission of the consultant's cabinet, or null (404). */
export async function getMissionConversation(user: SessionUser, missionId: string, profileId: string) {
  assertConsultant(user);
  const found = await missionOfCabinet(user, missionId);
  if (!found) return null;
  const { mission, keys } = found;
  const profile = await db.candidateProfile.findFirst({
    where: { id: profileId, ...candidatesOfMissionWhere(mission, keys) },
    select: threadProfileSelect(user),
  });
  if (!profile) return null;
  const candidate = candidateView(profile, mission);
  const messages = await db.message.findMany({
    where: { missionId: mission.id, profileId: profile.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  });
  return {
    mission: { id: mission.id, open: mission.status === "ACTIVE", title: mission.position.title, collectiviteName: mission.position.organization.name },
    candidate,
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      at: m.createdAt.toISOString(),
      mine: m.authorId === user.id,
      author: m.authorId === user.id ? "Vous" : m.authorId === profile.userId ? candidate.label : (m.author?.name ?? "Consultant"),
    })),
  };
}

export type PostResult = "sent" | "closed" | null;

/**
 * A consultant's message in a thread, of which the candidate gets a discreet e-mail; null when
 * the mission or the candidate is out of reach.
 */
export async function postConsultantMessage(user: SessionUser, input: { missionId: string; profileId: string; body: string }): Promise<PostResult> {
  assertConsultant(user);
  const found = await missionOfCabinet(user, input.missionId);
  if (!found) return null;
  const { mission, keys } = found;
  const outcome = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findFirst({
      where: { id: input.profileId, ...candidatesOfMissionWhere(mission, keys) },
      select: { id: true, user: { select: { email: true, name: true } } },
    });
    if (!profile) return { result: null };
    if (mission.status !== "ACTIVE") return { result: "closed" as const };
    await tx.message.create({ data: { missionId: mission.id, profileId: profile.id, authorId: user.id, body: input.body } });
    return { result: "sent" as const, candidate: profile.user };
  });
  if (outcome.candidate) await notifyCandidate(outcome.candidate, "message");
  return outcome.result;
}
