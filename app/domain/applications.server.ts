import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { deleteCv, readCv, storeCv } from "~/utils/uploads.server";
import { applicationStateLabel, type ApplicationInput, type ApplicationState } from "~/schemas/application";
import { ownApplicationWhere, publicOfferByIdWhere } from "~/access/guards.server";
import { hidesFrom, isPublicOffer } from "~/access/rules";
import { ensureProfile, touchProfile } from "./candidates.server";
import { onApplicationSent } from "./shortlists.server";
import { notifyEmployersOfApplication } from "./notifications.server";
import { closeApplicationInterviews } from "./application-interviews.server";
import { getCommune } from "~/reference/territory.server";

/**
 * Applications, as the candidate sees and sends them. What recruiters write about an
 * application (internalNote, score) is never selected here: the candidate's pages are built from
 * these functions only, and the browser receives everything a loader returns.
 */

/** The only fields of an application a candidate may read. */
const candidateApplicationSelect = {
  id: true,
  state: true,
  letter: true,
  createdAt: true,
  updatedAt: true,
  withdrawnAt: true,
  cvFile: true,
  position: {
    select: { id: true, title: true, communeCode: true, state: true, confidential: true, organization: { select: { name: true } } },
  },
} satisfies Prisma.ApplicationSelect;

type CandidateApplicationRow = Prisma.ApplicationGetPayload<{ select: typeof candidateApplicationSelect }>;

function toView(a: CandidateApplicationRow) {
  return {
    id: a.id,
    state: a.state as ApplicationState,
    stateLabel: applicationStateLabel(a.state),
    letter: a.letter,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    canWithdraw: a.state !== "WITHDRAWN",
    /** Whether the CV sent with it is still kept (a withdrawal deletes it): not its file name. */
    hasSentCv: a.cvFile !== null,
    position: {
      id: a.position.id,
      title: a.position.title,
      employer: a.position.organization.name,
      commune: getCommune(a.position.communeCode)?.name ?? null,
      /** Whether the offer can still be opened publicly. */
      isPublic: isPublicOffer(a.position),
    },
  };
}

export type CandidateApplication = ReturnType<typeof toView>;

/** The acting candidate's applications, newest first. */
export async function listOwnApplications(user: SessionUser, stateChangedSince: Date | null = null): Promise<CandidateApplication[]> {
  const rows = await db.application.findMany({
    where: { ...ownApplicationWhere(user), ...(stateChangedSince ? { state: { not: "WITHDRAWN" }, stateChangedAt: { gt: stateChangedSince } } : {}) },
    orderBy: { createdAt: "desc" },
    select: candidateApplicationSelect,
  });
  return rows.map(toView);
}

/** One of the acting candidate's applications; null for anybody else's (the route answers 404). */
export async function getOwnApplication(user: SessionUser, applicationId: string): Promise<CandidateApplication | null> {
  const row = await db.application.findFirst({
    where: ownApplicationWhere(user, applicationId),
    select: candidateApplicationSelect,
  });
  return row ? toView(row) : null;
}

/** The CV the acting candidate sent with one of their applications; null otherwise. */
export async function getOwnSentCv(user: SessionUser, applicationId: string): Promise<Buffer | null> {
  const row = await db.application.findFirst({ where: ownApplicationWhere(user, applicationId), select: { cvFile: true } });
  return row?.cvFile ? readCv(row.cvFile) : null;
}

// ---------------------------------------------------------------------------------------------
// Applying

/** A position open to applications: a public offer (the gate's rule 6) whose deadline has not passed. */
const openPositionWhere = publicOfferByIdWhere;

const applyPositionSelect = {
  id: true, title: true, communeCode: true, deadline: true,
  organization: { select: { name: true, officialKey: true } },
} satisfies Prisma.PositionSelect;

function deadlinePassed(deadline: Date | null, now = new Date()): boolean {
  if (!deadline) return false;
  // The deadline is a day: applications are accepted until its end.
  const end = new Date(deadline);
  end.setUTCHours(23, 59, 59, 999);
  return end < now;
}

/**
 * What the apply page needs: the offer, whether the candidate already applied, their CV, and
 * whether they hide from this employer. Null when the offer is not public (the route answers 404).
 */
export async function getApplyContext(user: SessionUser, positionId: string) {
  const position = await db.position.findFirst({ where: openPositionWhere(positionId), select: applyPositionSelect });
  if (!position) return null;
  const profile = await db.candidateProfile.findUnique({
    where: { userId: user.id },
    select: {
      cvUploadedAt: true, cvFile: true,
      hiddenFrom: { select: { officialKey: true } },
      applications: { where: { positionId }, select: { id: true, state: true } },
    },
  });
  const existing = profile?.applications[0] ?? null;
  // Who will read the application: the collectivité, and the cabinets it mandated for this
  // position (the gate's rule 3 reveals an applicant to them), named before the candidate sends.
  const missions = await db.mission.findMany({ where: { positionId: position.id, status: "ACTIVE" }, select: { cabinet: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
  return {
    readers: { cabinets: [...new Set(missions.map((m) => m.cabinet.name))] },
    position: {
      id: position.id,
      title: position.title,
      employer: position.organization.name,
      commune: getCommune(position.communeCode)?.name ?? null,
      deadline: position.deadline?.toISOString() ?? null,
      closed: deadlinePassed(position.deadline),
    },
    existing: existing && existing.state !== "WITHDRAWN" ? { id: existing.id, state: existing.state as ApplicationState } : null,
    cv: profile?.cvFile && profile.cvUploadedAt ? { uploadedAt: profile.cvUploadedAt.toISOString() } : null,
    hiddenFromEmployer: profile ? hidesFrom(profile, [position.organization.officialKey]) : false,
  };
}

export type ApplyResult =
  | { ok: true; applicationId: string }
  | { ok: false; status: 400 | 404 | 409; error?: string; fieldErrors: Record<string, string> };

const ALREADY_APPLIED = "Vous avez déjà postulé à cette offre : suivez votre candidature dans « Mes candidatures ».";

/**
 * Sends an application with the letter and the CV (the one on the profile, or `cv`, checked PDF
 * bytes, which then becomes the profile's CV). One application per offer; a withdrawn one may be
 * sent again; the collectivité's employers get an e-mail. Refused, with nothing written, when the
 * offer is not open, when the candidate hides from its employer, or without a CV.
 */
export async function applyToPosition(
  user: SessionUser,
  positionId: string,
  input: ApplicationInput,
  cv: Buffer | null,
): Promise<ApplyResult> {
  const context = await getApplyContext(user, positionId);
  if (!context) return { ok: false, status: 404, fieldErrors: {} };
  if (context.position.closed) {
    return { ok: false, status: 400, error: "La date limite de candidature de cette offre est passée.", fieldErrors: {} };
  }
  if (context.hiddenFromEmployer) {
    return {
      ok: false, status: 400, fieldErrors: {},
      error: `Vous avez demandé à ne jamais être montré à ${context.position.employer}. Retirez cet employeur de votre liste « Ne pas me montrer à » si vous souhaitez lui envoyer votre candidature.`,
    };
  }
  if (context.existing) return { ok: false, status: 409, error: ALREADY_APPLIED, fieldErrors: {} };
  const cvBytes = cv ?? (await currentCvBytes(user.id));
  if (!cvBytes) return { ok: false, status: 400, fieldErrors: { cv: "Joignez votre CV au format PDF." } };

  // The application keeps a copy of its own (see Application.cvFile); a CV attached here also
  // becomes the profile's.
  const sentCvFile = await storeCv(cvBytes);
  const newCvFile = cv ? await storeCv(cv).catch(async (error: unknown) => {
    await deleteCv(sentCvFile);
    throw error;
  }) : null;
  let previousCv: string | null = null;
  let replacedSentCv: string | null = null;
  try {
    const applicationId = await db.$transaction(async (tx) => {
      const profile = await ensureProfile(tx, user.id);
      if (newCvFile && cv) {
        previousCv = profile.cvFile;
        await tx.candidateProfile.update({
          where: { id: profile.id },
          data: { cvFile: newCvFile, cvSize: cv.length, cvUploadedAt: new Date() },
        });
      }
      const withdrawn = await tx.application.findUnique({
        where: { profileId_positionId: { profileId: profile.id, positionId } },
        select: { id: true, state: true, cvFile: true },
      });
      let id: string;
      if (withdrawn) {
        // Sent again after a withdrawal: the same row, as if new (one application per offer).
        const revived = await tx.application.updateMany({
          where: { id: withdrawn.id, state: "WITHDRAWN" },
          data: { state: "SENT", letter: input.letter, cvFile: sentCvFile, withdrawnAt: null, createdAt: new Date() },
        });
        if (revived.count !== 1) throw new AlreadyApplied();
        replacedSentCv = withdrawn.cvFile;
        id = withdrawn.id;
      } else {
        id = (
          await tx.application.create({ data: { profileId: profile.id, positionId, letter: input.letter, cvFile: sentCvFile }, select: { id: true } })
        ).id;
      }
      // A cabinet mandated for the position takes the application into its shortlist.
      await onApplicationSent(tx, { positionId, profileId: profile.id });
      await touchProfile(tx, profile.id);
      return id;
    });
    if (previousCv) await deleteCv(previousCv);
    if (replacedSentCv) await deleteCv(replacedSentCv);
    await notifyEmployersOfApplication(positionId);
    return { ok: true, applicationId };
  } catch (error) {
    await deleteCv(sentCvFile);
    if (newCvFile) await deleteCv(newCvFile);
    if (error instanceof AlreadyApplied || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
      return { ok: false, status: 409, error: ALREADY_APPLIED, fieldErrors: {} };
    }
    throw error;
  }
}

class AlreadyApplied extends Error {}

/** The bytes of the profile's current CV, or null without one (or when its file is gone). */
async function currentCvBytes(userId: string): Promise<Buffer | null> {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { cvFile: true } });
  return profile?.cvFile ? readCv(profile.cvFile) : null;
}

export type WithdrawResult = "withdrawn" | "already" | "not-found";

/**
 * Withdraws one of the acting candidate's applications, whatever its state. The CV sent with it
 * is deleted: the recruiter may no longer open it. Its interviews still ahead are cancelled
 * (everyone receives the cancellation of a fixed one).
 */
export async function withdrawApplication(user: SessionUser, applicationId: string): Promise<WithdrawResult> {
  const outcome = await db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: ownApplicationWhere(user, applicationId),
      select: { id: true, state: true, profileId: true, cvFile: true },
    });
    if (!application) return { result: "not-found" as const };
    if (application.state === "WITHDRAWN") return { result: "already" as const };
    await tx.application.update({ where: { id: application.id }, data: { state: "WITHDRAWN", withdrawnAt: new Date(), cvFile: null } });
    await touchProfile(tx, application.profileId);
    return { result: "withdrawn" as const, sentCv: application.cvFile };
  });
  if (outcome.result === "withdrawn" && outcome.sentCv) await deleteCv(outcome.sentCv);
  if (outcome.result === "withdrawn") await closeApplicationInterviews(applicationId, "WITHDRAWN");
  return outcome.result;
}
