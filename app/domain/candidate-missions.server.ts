import { assertCandidate, ownEntryWhere, ownProfileWhere, ownRefereeWhere } from "~/access/guards.server";
import { candidateEntrySelect, candidateEntryStanding, candidateFeedback, consentStanding, employerNameForCandidate } from "~/access/rules";
import { consentQuestion, isConsentKind, REFEREES_MAX, type RefereeInput } from "~/schemas/evaluation";
import { CANDIDATE_STATE, isStage } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * The candidate's side of the shortlists: the missions they are in (the gate's rule 8), read in
 * plain French — the state, the cabinet, the position, the employer as rule 5 names it, the
 * feedback when the cabinet does not go on — the consents the cabinet asks of them, and the
 * referees they name. Nothing of the cabinet's evaluation is ever selected here.
 */

// ---------------------------------------------------------------------------------------------
// Missions

const STANDING_TEXT = {
  active: null,
  withdrawn: "Vous avez demandé que ce cabinet ou cette collectivité ne vous voie pas : le cabinet ne voit plus votre profil pour cette mission.",
  out: "Votre profil est caché et vous n’avez pas de candidature en cours pour ce poste : vous n’apparaissez plus dans cette recherche.",
} as const;

/** The missions the acting candidate is in, the latest news first. */
export async function listOwnMissions(user: SessionUser) {
  assertCandidate(user);
  const profile = await db.candidateProfile.findFirst({ where: ownProfileWhere(user), select: { visibility: true, hiddenFrom: { select: { officialKey: true } } } });
  if (!profile) return [];
  const entries = await db.shortlistEntry.findMany({
    where: ownEntryWhere(user),
    orderBy: [{ stageChangedAt: "desc" }, { id: "asc" }],
    select: {
      ...candidateEntrySelect,
      mission: {
        select: {
          id: true,
          cabinet: { select: { name: true, officialKey: true } },
          contactRequests: { where: { status: "ACCEPTED", profile: { userId: user.id } }, select: { id: true }, take: 1 },
          position: {
            select: {
              title: true, confidential: true,
              organization: { select: { name: true, officialKey: true } },
              applications: { where: { state: { not: "WITHDRAWN" }, profile: { userId: user.id } }, select: { id: true }, take: 1 },
            },
          },
        },
      },
      consents: {
        orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
        select: { id: true, kind: true, organizationName: true, positionTitle: true, requestedAt: true, answeredAt: true, granted: true, withdrawnAt: true },
      },
    },
  });
  return entries.map((e) => {
    const { mission } = e;
    const standing = candidateEntryStanding(profile, [mission.cabinet.officialKey, mission.position.organization.officialKey], mission.position.applications.length > 0);
    return {
      id: e.id,
      missionId: mission.id,
      cabinet: mission.cabinet.name,
      title: mission.position.title,
      // Every entry listed here is one whose search the candidate is in (rule 8 is rule 5's test).
      employer: employerNameForCandidate(mission.position, true),
      state: isStage(e.stage) ? CANDIDATE_STATE[e.stage] : CANDIDATE_STATE.IDENTIFIED,
      since: e.stageChangedAt.toISOString(),
      feedback: candidateFeedback(e),
      standing: STANDING_TEXT[standing],
      // The conversation with the cabinet is open to an accepted proposal or a running application (conversations.server.ts).
      canWrite: standing === "active" && (mission.contactRequests.length > 0 || mission.position.applications.length > 0),
      consents: e.consents.filter((c) => isConsentKind(c.kind)).map((c) => ({
        id: c.id,
        question: consentQuestion(c.kind as "REFERENCES" | "PRESENTATION", c),
        kind: c.kind,
        state: consentStanding(c),
        requestedAt: c.requestedAt.toISOString(),
        answeredAt: c.answeredAt?.toISOString() ?? null,
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      })),
    };
  });
}

export type OwnMission = Awaited<ReturnType<typeof listOwnMissions>>[number];

// ---------------------------------------------------------------------------------------------
// Referees

export async function listOwnReferees(user: SessionUser) {
  assertCandidate(user);
  const rows = await db.referee.findMany({ where: ownRefereeWhere(user), orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, relation: true, contact: true, createdAt: true } });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export type RefereeResult = { ok: true } | { ok: false; error: string };

export async function addReferee(user: SessionUser, input: RefereeInput): Promise<RefereeResult> {
  assertCandidate(user);
  return db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findFirst({ where: ownProfileWhere(user), select: { id: true } });
    // A referee serves a cabinet's search, which starts from a profile.
    if (!profile) return { ok: false, error: "Enregistrez d’abord votre profil : vos références l’accompagnent." } as const;
    const count = await tx.referee.count({ where: { profileId: profile.id } });
    if (count >= REFEREES_MAX) return { ok: false, error: `Vous avez déjà indiqué ${REFEREES_MAX} références : retirez-en une avant d’en ajouter une autre.` } as const;
    await tx.referee.create({ data: { profileId: profile.id, ...input } });
    return { ok: true } as const;
  });
}

/** Removes a referee; the checks already made keep the name they were made with. */
export async function removeReferee(user: SessionUser, refereeId: string): Promise<boolean> {
  assertCandidate(user);
  const removed = await db.referee.deleteMany({ where: ownRefereeWhere(user, refereeId) });
  return removed.count > 0;
}
