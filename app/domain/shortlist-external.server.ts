import { assertCandidate, assertConsultant, cabinetMissionWhere } from "~/access/guards.server";
import { employerNameForCandidate } from "~/access/rules";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken, newToken, type SessionUser } from "~/utils/session.server";
import { deleteCv, readCv, storeCv } from "~/utils/uploads.server";
import { enqueue } from "../../search/outbox";
import { auditActor, recordAudit } from "./audit.server";
import { ensureProfile } from "./candidates.server";
import { onContactRequestAnswered } from "./shortlists.server";

/**
 * A person the consultants met elsewhere (« hors plateforme »): added to a mission's shortlist
 * by hand with a name, an e-mail and maybe a CV, seen by the mission's consultants only (the
 * gate's rule 7), and invited by e-mail to create their candidate space. Accepting is their
 * consent: the entry then points at their profile, the typed fields are cleared, and the cabinet
 * knows them as a candidate who accepted its proposal (rule 3).
 */

/** An invitation link is valid 30 days; sending it again makes a new one. */
export const CANDIDATE_INVITATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type ExternalResult = { ok: true; entryId: string } | { ok: false; status: 400 | 404 | 409; error: string };

const NOT_YOURS = { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." } as const;

function invitationMail(to: { name: string; email: string }, token: string) {
  // Discreet, as every mail to a candidate: it may be read where their employer reads too.
  return {
    to: to.email,
    subject: "Vivier : une invitation à créer votre espace candidat",
    text: [
      `Bonjour ${to.name},`,
      "",
      "À la suite de votre échange avec un consultant en recrutement, une invitation vous attend pour créer votre espace candidat sur Vivier, le portail de recrutement des collectivités territoriales.",
      "Ce lien vous présente la démarche et vous laisse décider (valable 30 jours, utilisable une fois) :",
      `${env().APP_URL}/invitation-candidat/${token}`,
      "",
      "Sans réponse de votre part, rien ne se passe : vos coordonnées restent connues du seul consultant.",
      "",
      "L’équipe Vivier",
    ].join("\n"),
  };
}

/** « Ajouter une personne rencontrée hors de Vivier »: an entry approached by the invitation it sends. */
export async function addExternalEntry(user: SessionUser, missionId: string, input: { name: string; email: string }, cv: Buffer | null): Promise<ExternalResult> {
  assertConsultant(user);
  const mission = await db.mission.findFirst({ where: cabinetMissionWhere(user, missionId), select: { id: true, status: true } });
  if (!mission) return NOT_YOURS;
  if (mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée : on n’y ajoute plus de candidat." };
  // Only the entries typed by hand are compared: whether this address has an account is not the cabinet's to know.
  const twice = await db.shortlistEntry.count({ where: { missionId: mission.id, profileId: null, externalEmail: input.email } });
  if (twice) return { ok: false, status: 409, error: "Cette personne est déjà sur la liste de cette mission (même adresse e-mail)." };
  const cvFile = cv ? await storeCv(cv) : null;
  const token = newToken();
  try {
    const entry = await db.$transaction(async (tx) => {
      const created = await tx.shortlistEntry.create({
        data: {
          missionId: mission.id, profileId: null, externalName: input.name, externalEmail: input.email, externalCvFile: cvFile,
          inviteTokenHash: hashToken(token), invitedAt: new Date(), source: "MANUAL", stage: "APPROACHED", createdById: user.id,
        },
        select: { id: true },
      });
      await tx.shortlistEvent.create({ data: { entryId: created.id, actorId: user.id, fromStage: null, toStage: "APPROACHED", reason: "Ajouté hors plateforme ; invitation envoyée" } });
      return created;
    });
    await sendMail(invitationMail(input, token));
    return { ok: true, entryId: entry.id };
  } catch (error) {
    if (cvFile) await deleteCv(cvFile);
    throw error;
  }
}

/** Sends a new invitation link to a person still « hors plateforme » (the previous link stops working). */
export async function resendInvitation(user: SessionUser, missionId: string, entryId: string): Promise<ExternalResult> {
  assertConsultant(user);
  const entry = await db.shortlistEntry.findFirst({
    where: { id: entryId, missionId, profileId: null, mission: { ...cabinetMissionWhere(user), status: "ACTIVE" } },
    select: { id: true, externalName: true, externalEmail: true },
  });
  if (!entry?.externalEmail) return { ok: false, status: 404, error: "Cette personne n’est pas (ou plus) hors plateforme sur cette mission." };
  const token = newToken();
  await db.shortlistEntry.update({ where: { id: entry.id }, data: { inviteTokenHash: hashToken(token), invitedAt: new Date() } });
  await sendMail(invitationMail({ name: entry.externalName ?? "", email: entry.externalEmail }, token));
  return { ok: true, entryId: entry.id };
}

/** The CV typed in with a person met elsewhere, for the mission's consultants (journaled). */
export async function externalCv(user: SessionUser, missionId: string, entryId: string, clientAddress: string | undefined) {
  assertConsultant(user);
  const entry = await db.shortlistEntry.findFirst({
    where: { id: entryId, missionId, profileId: null, externalCvFile: { not: null }, mission: cabinetMissionWhere(user) },
    select: { externalCvFile: true, externalName: true, mission: { select: { id: true, position: { select: { title: true } } } } },
  });
  if (!entry?.externalCvFile) return null;
  const bytes = await readCv(entry.externalCvFile);
  if (!bytes) return null;
  await db.$transaction((tx) => recordAudit(tx, [{ ...auditActor(user, clientAddress), action: "CV_DOWNLOAD", profileId: null, missionId: entry.mission.id, detail: `${entry.mission.position.title} (personne hors plateforme)` }]));
  // A header carries ASCII only: the name without its accents.
  const ascii = (entry.externalName ?? "").normalize("NFD").replace(/[^A-Za-z0-9 .-]/g, "").trim();
  return { bytes, downloadName: `CV ${ascii || "hors plateforme"}.pdf` };
}

// ---------------------------------------------------------------------------------------------
// The invited person's side (/invitation-candidat/:token)

function validInvitationWhere(token: string): Prisma.ShortlistEntryWhereInput {
  return {
    inviteTokenHash: hashToken(token),
    profileId: null,
    invitedAt: { gt: new Date(Date.now() - CANDIDATE_INVITATION_TTL_MS) },
    mission: { status: "ACTIVE" },
  };
}

/**
 * What the invitation page tells its holder: the cabinet and the post it recruits for (a
 * confidential post keeps its employer's name: the gate's rule 5), or null when the link is
 * unknown, used or expired.
 */
export async function findCandidateInvitation(token: string) {
  if (!token) return null;
  const entry = await db.shortlistEntry.findFirst({
    where: validInvitationWhere(token),
    select: {
      externalName: true, externalEmail: true, externalCvFile: true,
      mission: { select: { cabinet: { select: { name: true } }, position: { select: { title: true, confidential: true, organization: { select: { name: true } } } } } },
    },
  });
  if (!entry?.externalEmail) return null;
  const account = await db.user.count({ where: { email: entry.externalEmail } });
  return {
    name: entry.externalName ?? "",
    email: entry.externalEmail,
    hasCv: !!entry.externalCvFile,
    cabinetName: entry.mission.cabinet.name,
    positionTitle: entry.mission.position.title,
    employerName: employerNameForCandidate(entry.mission.position, false),
    accountExists: account > 0,
  };
}

export type InvitationVisibility = "ANONYMOUS" | "VISIBLE";
export type AcceptResult = { ok: true; userId: string } | { ok: false; status: 400 | 409 | 410; error: string };

const EXPIRED = { ok: false, status: 410, error: "Cette invitation n’est plus valable : elle a déjà servi ou a expiré. Demandez-en une nouvelle au consultant." } as const;

/** The entry taken over by its person: their profile, their consent, the typed fields gone. */
async function linkEntry(tx: Prisma.TransactionClient, entry: { id: string; missionId: string; createdById: string | null; cabinetId: string }, profileId: string) {
  const already = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: entry.missionId, profileId } }, select: { id: true } });
  if (already) {
    // They were on the list already (found in the pool, or applied): one entry, the older one.
    await tx.shortlistEntry.delete({ where: { id: entry.id } });
  } else {
    await tx.shortlistEntry.update({
      where: { id: entry.id },
      data: { profileId, externalName: null, externalEmail: null, externalCvFile: null, inviteTokenHash: null },
    });
  }
  await tx.contactRequest.create({
    data: {
      profileId, cabinetId: entry.cabinetId, consultantId: entry.createdById, missionId: entry.missionId,
      message: "Invitation à créer votre espace candidat, acceptée.", status: "ACCEPTED", answeredAt: new Date(),
    },
  });
  await onContactRequestAnswered(tx, { missionId: entry.missionId, profileId, accepted: true });
  await enqueue(tx, "candidates", profileId);
}

const entryForAcceptSelect = { id: true, missionId: true, createdById: true, externalName: true, externalEmail: true, externalCvFile: true, mission: { select: { cabinetId: true } } } as const;

/** A new candidate account from the invitation: their password, the privacy notice, their visibility. */
export async function acceptCandidateInvitation(token: string, input: { name: string; password: string; visibility: InvitationVisibility }): Promise<AcceptResult> {
  const passwordHash = await hashPassword(input.password);
  const pending = await db.shortlistEntry.findFirst({ where: validInvitationWhere(token), select: { externalCvFile: true } });
  const cvSize = pending?.externalCvFile ? ((await readCv(pending.externalCvFile))?.length ?? null) : null;
  return db.$transaction(async (tx) => {
    const entry = await tx.shortlistEntry.findFirst({ where: validInvitationWhere(token), select: entryForAcceptSelect });
    if (!entry?.externalEmail) return EXPIRED;
    if (await tx.user.count({ where: { email: entry.externalEmail } })) {
      return { ok: false, status: 409, error: "Un compte Vivier existe déjà avec cette adresse : connectez-vous, puis rouvrez le lien de l’invitation." } as const;
    }
    const now = new Date();
    const user = await tx.user.create({
      data: { email: entry.externalEmail, name: input.name, role: "CANDIDATE", passwordHash, privacyAcceptedAt: now },
      select: { id: true },
    });
    const profile = await ensureProfile(tx, user.id);
    await tx.candidateProfile.update({
      where: { id: profile.id },
      data: {
        visibility: input.visibility, consentAt: now, lastActivityAt: now,
        // The CV the consultant had is now theirs to keep, replace or delete.
        ...(entry.externalCvFile ? { cvFile: entry.externalCvFile, cvSize, cvUploadedAt: now } : {}),
      },
    });
    await linkEntry(tx, { ...entry, cabinetId: entry.mission.cabinetId }, profile.id);
    return { ok: true, userId: user.id } as const;
  });
}

/** The same, for a candidate who already has an account and is signed in. */
export async function acceptCandidateInvitationAsUser(user: SessionUser, token: string, visibility: InvitationVisibility): Promise<AcceptResult> {
  assertCandidate(user);
  const outcome = await db.$transaction(async (tx) => {
    const entry = await tx.shortlistEntry.findFirst({ where: validInvitationWhere(token), select: entryForAcceptSelect });
    if (!entry) return { result: EXPIRED, orphanCv: null };
    const profile = await ensureProfile(tx, user.id);
    const current = await tx.candidateProfile.findUniqueOrThrow({ where: { id: profile.id }, select: { visibility: true } });
    // A hidden profile is out of every mission (rule 7): accepting opens it at least anonymously.
    await tx.candidateProfile.update({
      where: { id: profile.id },
      data: { visibility: current.visibility === "VISIBLE" ? "VISIBLE" : visibility, consentAt: new Date(), lastActivityAt: new Date() },
    });
    await linkEntry(tx, { ...entry, cabinetId: entry.mission.cabinetId }, profile.id);
    return { result: { ok: true, userId: user.id } as const, orphanCv: entry.externalCvFile };
  });
  // Their own profile keeps its own CV: the one the consultant typed in goes.
  if (outcome.orphanCv) await deleteCv(outcome.orphanCv);
  return outcome.result;
}
