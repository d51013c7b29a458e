import { invitationRights } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { Prisma } from "~/generated/prisma/client";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "~/utils/rate-limit.server";
import { hashToken, newToken } from "~/utils/session.server";
import { getOfficialOrganization } from "~/reference/territory.server";
import type { SessionUser } from "~/utils/session.server";

/** Invitations are valid 7 days, password-reset links 1 hour; both are single-use. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

export const BAD_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

// Compared against when the account does not exist, so that a login takes as long either way.
const dummyHash = hashPassword("not-a-real-password-just-for-timing");

export type LoginResult =
  | { ok: true; user: { id: string; role: string } }
  | { ok: false; error: string; status: 401 | 429 };

export async function login(email: string, password: string, address: string): Promise<LoginResult> {
  const wait = await loginRetryAfter(email, address);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    return { ok: false, status: 429, error: `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.` };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) {
    await recordLoginFailure(email, address);
    return { ok: false, status: 401, error: BAD_CREDENTIALS };
  }
  await clearLoginFailures(email, address);
  return { ok: true, user: { id: user.id, role: user.role } };
}

/**
 * A candidate signs up alone; the privacy notice's acceptance is dated. The answer is the same
 * whether the address is new or already has an account (a candidate's or staff's), so that
 * sign-up tells no one who uses Vivier: the owner of an existing account is told by e-mail
 * instead, and nothing is created. Either way the password is hashed, so both take as long.
 */
export async function signupCandidate(input: { name: string; email: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return tellOwnerOfSignupAttempt(input.email);
  try {
    await db.user.create({
      data: { email: input.email, name: input.name, role: "CANDIDATE", passwordHash, privacyAcceptedAt: new Date() },
      select: { id: true },
    });
  } catch (error) {
    // Two sign-ups with one address at once: the second finds the first's account.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return tellOwnerOfSignupAttempt(input.email);
    throw error;
  }
  await sendMail({
    to: input.email,
    subject: "Bienvenue sur Vivier",
    text: `Bonjour ${input.name},\n\nVotre profil candidat est créé. Connectez-vous avec l’adresse et le mot de passe choisis :\n${env().APP_URL}/connexion\n\nSi vous n’êtes pas à l’origine de cette inscription, reprenez la main sur ce compte en choisissant un nouveau mot de passe :\n${env().APP_URL}/mot-de-passe-oublie\n\nL’équipe Vivier`,
  });
}

async function tellOwnerOfSignupAttempt(email: string): Promise<void> {
  const owner = await db.user.findUniqueOrThrow({ where: { email }, select: { name: true } });
  const base = env().APP_URL;
  await sendMail({
    to: email,
    subject: "Tentative de création d’un compte Vivier avec votre adresse",
    text: `Bonjour ${owner.name},\n\nQuelqu’un a essayé de créer un compte sur Vivier avec votre adresse e-mail. Vous avez déjà un compte : aucun autre n’a été créé.\n\nPour vous connecter :\n${base}/connexion\n\nSi vous avez oublié votre mot de passe, choisissez-en un nouveau ici :\n${base}/mot-de-passe-oublie\n\nSi ce n’était pas vous, vous n’avez rien à faire.\n\nL’équipe Vivier`,
  });
}

// ---------------------------------------------------------------------------------------------
// Organisations

/** Registers a collectivité from the official list (idempotent on its official key). */
export async function registerCollectivite(officialKey: string) {
  const official = getOfficialOrganization(officialKey);
  if (!official) return null;
  return db.organization.upsert({
    where: { officialKey },
    update: {},
    create: {
      kind: "COLLECTIVITE",
      officialKey: official.officialKey,
      siren: official.siren,
      name: official.name,
      collectiviteType: official.type,
      code: official.code,
      departementCode: official.departementCode,
      regionCode: official.regionCode,
      population: official.population,
      communeCode: official.communeCode,
    },
  });
}

export async function registerCabinet(input: { name: string; siren: string }) {
  return db.organization.upsert({
    where: { officialKey: `CAB-${input.siren}` },
    update: {},
    create: { kind: "CABINET", officialKey: `CAB-${input.siren}`, siren: input.siren, name: input.name },
  });
}

// ---------------------------------------------------------------------------------------------
// Invitations: employers and consultants only come in this way.

export type InvitationError = { ok: false; error: string };

/**
 * An admin invites the DGS of a collectivité or the lead of a cabinet; a cabinet lead invites
 * consultants into their own cabinet. Anyone else is refused.
 */
export async function createInvitation(
  actor: SessionUser,
  input: { email: string; name: string; organizationId: string },
): Promise<{ ok: true; link: string } | InvitationError> {
  const organization = await db.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization) return { ok: false, error: "Cette organisation n’existe pas." };
  const invitation = invitationRights(actor, organization);
  if (!invitation) return { ok: false, error: "Vous ne pouvez pas inviter dans cette organisation." };
  const { role, isCabinetLead } = invitation;
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, error: "Un compte existe déjà avec cette adresse." };
  }
  const token = newToken();
  await db.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email: input.email,
      name: input.name,
      role,
      isCabinetLead,
      organizationId: organization.id,
      invitedById: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
  });
  const link = `${env().APP_URL}/invitation/${token}`;
  await sendMail({
    to: input.email,
    subject: `Invitation à rejoindre ${organization.name} sur Vivier`,
    text: `Bonjour ${input.name},\n\n${organization.name} vous invite à la rejoindre sur Vivier.\nChoisissez votre mot de passe ici (lien valable 7 jours, utilisable une fois) :\n${link}\n\nL’équipe Vivier`,
  });
  return { ok: true, link };
}

/** The pending invitation behind a token, or null when unknown, used or expired. */
export async function findValidInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: { select: { name: true } }, committeeMember: { select: { position: { select: { title: true } } } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

export async function acceptInvitation(token: string, input: { name: string; password: string }): Promise<{ ok: true; userId: string; role: string } | InvitationError> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) {
      return { ok: false as const, error: "Cette invitation n’est plus valable : elle a déjà servi ou a expiré. Demandez-en une nouvelle." };
    }
    // Marking it used first, conditionally, makes a second concurrent acceptance fail.
    const used = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (used.count !== 1) return { ok: false as const, error: "Cette invitation a déjà servi." };
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      return { ok: false as const, error: "Un compte existe déjà avec cette adresse." };
    }
    // A committee member's account belongs to no organisation: it reaches the one position
    // whose seat it is given (app/domain/committee.server.ts), nothing else of the collectivité.
    const committee = invitation.role === "COMMITTEE";
    if (committee && !invitation.committeeMemberId) return { ok: false as const, error: "Cette invitation n’est plus valable : demandez-en une nouvelle." };
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        isCabinetLead: invitation.isCabinetLead,
        organizationId: committee ? null : invitation.organizationId,
        passwordHash,
        privacyAcceptedAt: new Date(),
      },
      select: { id: true, role: true },
    });
    if (committee) await tx.committeeMember.update({ where: { id: invitation.committeeMemberId! }, data: { userId: user.id } });
    return { ok: true as const, userId: user.id, role: user.role };
  });
}

// ---------------------------------------------------------------------------------------------
// Password reset

/** Always answers the same, whether the account exists or not. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) return;
  const token = newToken();
  await db.passwordReset.create({
    data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  await sendMail({
    to: email,
    subject: "Réinitialisation de votre mot de passe Vivier",
    text: `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, utilisable une fois) :\n${env().APP_URL}/mot-de-passe/${token}\n\nSi vous n’avez rien demandé, ignorez ce message.\n\nL’équipe Vivier`,
  });
}

export async function findValidReset(token: string) {
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date()) return null;
  return reset;
}

/**
 * Sets the new password behind a valid reset link. The sign-in failures counted against the
 * account from the reset's address are forgotten: whoever holds the link owns the mailbox.
 */
export async function resetPassword(token: string, password: string, address: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true } } } });
    if (!reset || reset.usedAt || reset.expiresAt <= new Date()) return null;
    const used = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return null;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    // A new password ends the account's other reset links (one may sit in a mailbox someone
    // else reads) and closes every open session.
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return reset.user.email;
  });
  if (email === null) return false;
  await clearLoginFailures(email, address);
  return true;
}
