import { assertCandidate, assertConsultant, cabinetMissionWhere, consultantKeys, ownConsentWhere } from "~/access/guards.server";
import { hidesFrom, shortlistListedWhere } from "~/access/rules";
import { canMove, type Stage } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { notifyCandidate } from "./notifications.server";

/**
 * The consents a cabinet asks of a candidate on one shortlist entry. A PRESENTATION consent
 * names the collectivité and the position (the candidate agrees to be presented to them, not to
 * anyone); it is answered once, dated, and may be withdrawn at any time, which takes the
 * finalist out of the client's view at once (the gate's rule 9).
 *
 * Every consent, of any kind, is answered and withdrawn here: from the candidate's missions page
 * (answerOwnConsent) and from /candidat/presentations.
 */

export type ConsentResult = { ok: true; consentId: string } | { ok: false; status: 400 | 404 | 409; error: string };

const ENTRY_NOT_FOUND = { ok: false, status: 404, error: "Ce candidat n’est pas (ou plus) sur la liste de cette mission." } as const;

/**
 * « Demander l’accord pour présenter »: asked of a candidate évalué on one of the consultant's
 * missions, who has a profile and does not hide from the cabinet or the client. One pending or
 * granted request at a time.
 */
export async function requestPresentationConsent(user: SessionUser, entryId: string): Promise<ConsentResult> {
  assertConsultant(user);
  const entry = await db.shortlistEntry.findFirst({
    where: { id: entryId, mission: cabinetMissionWhere(user) },
    select: {
      id: true, stage: true,
      mission: { select: { status: true, positionId: true, position: { select: { title: true, organization: { select: { name: true, officialKey: true } } } } } },
      profile: { select: { hiddenFrom: { select: { officialKey: true } }, user: { select: { email: true, name: true } } } },
      consents: { where: { kind: "PRESENTATION", withdrawnAt: null, OR: [{ answeredAt: null }, { granted: true }] }, select: { id: true } },
    },
  });
  if (!entry) return ENTRY_NOT_FOUND;
  if ((await db.shortlistEntry.count({ where: { id: entry.id, ...shortlistListedWhere(entry.mission.positionId) } })) === 0) return ENTRY_NOT_FOUND;
  if (entry.mission.status !== "ACTIVE") return { ok: false, status: 409, error: "Cette mission est terminée." };
  if (!entry.profile) return { ok: false, status: 409, error: "Cette personne n’a pas encore d’espace Vivier : invitez-la à le créer, elle pourra alors donner son accord." };
  const keys = (await consultantKeys(user, entry.mission.position.organization.officialKey)).keys;
  if (hidesFrom(entry.profile, keys)) return { ok: false, status: 409, error: "Ce candidat s’est retiré : il ne peut pas être présenté." };
  if (entry.stage !== "EVALUATED") return { ok: false, status: 409, error: "Demandez l’accord de présentation une fois le candidat évalué." };
  if (entry.consents.length > 0) return { ok: false, status: 409, error: "Une demande d’accord est déjà en cours ou accordée pour ce candidat." };
  const consent = await db.consentRequest.create({
    data: {
      entryId: entry.id,
      kind: "PRESENTATION",
      organizationName: entry.mission.position.organization.name,
      positionTitle: entry.mission.position.title,
      requestedById: user.id,
    },
    select: { id: true },
  });
  await notifyCandidate(entry.profile.user, "presentation");
  return { ok: true, consentId: consent.id };
}

/** The candidate answers a consent request of theirs, once: yes or no, dated. */
export async function answerConsent(user: SessionUser, consentId: string, granted: boolean): Promise<ConsentResult> {
  assertCandidate(user);
  const changed = await db.consentRequest.updateMany({
    where: { ...ownConsentWhere(user, consentId), answeredAt: null, withdrawnAt: null },
    data: { answeredAt: new Date(), granted },
  });
  if (changed.count === 1) return { ok: true, consentId };
  const exists = await db.consentRequest.count({ where: ownConsentWhere(user, consentId) });
  return exists
    ? { ok: false, status: 409, error: "Vous avez déjà répondu à cette demande." }
    : { ok: false, status: 404, error: "Cette demande n’existe pas." };
}

/**
 * The candidate withdraws a consent they gave. For a presentation not yet decided, the finalist
 * leaves the client's view at once (rule 9) and the entry moves to « désisté »; after a decision,
 * the decision stays without their identity.
 */
export async function withdrawConsent(user: SessionUser, consentId: string): Promise<ConsentResult> {
  assertCandidate(user);
  return db.$transaction(async (tx) => {
    const consent = await tx.consentRequest.findFirst({
      where: { ...ownConsentWhere(user, consentId), granted: true, withdrawnAt: null },
      select: { id: true, entry: { select: { id: true, stage: true, presentation: { select: { decision: true, withdrawnAt: true } } } } },
    });
    if (!consent) {
      const exists = await tx.consentRequest.count({ where: ownConsentWhere(user, consentId) });
      return exists ? ({ ok: false, status: 409, error: "Cet accord n’est pas (ou plus) en vigueur." } as const) : ({ ok: false, status: 404, error: "Cette demande n’existe pas." } as const);
    }
    await tx.consentRequest.update({ where: { id: consent.id }, data: { withdrawnAt: new Date() } });
    const { entry } = consent;
    const presentedUndecided = entry.presentation && !entry.presentation.decision && !entry.presentation.withdrawnAt;
    if (presentedUndecided && canMove(entry.stage as Stage, "WITHDREW")) {
      await tx.shortlistEntry.update({ where: { id: entry.id }, data: { stage: "WITHDREW", stageChangedAt: new Date(), exitReason: "DECLINED" } });
      await tx.shortlistEvent.create({ data: { entryId: entry.id, actorId: null, fromStage: entry.stage, toStage: "WITHDREW", reason: "Le candidat a retiré son accord de présentation" } });
    }
    return { ok: true, consentId: consent.id } as const;
  });
}

/** One answer from the candidate's missions page: grant, refuse, or withdraw a consent given. */
export async function answerOwnConsent(user: SessionUser, consentId: string, answer: "grant" | "refuse" | "withdraw"): Promise<ConsentResult> {
  return answer === "withdraw" ? withdrawConsent(user, consentId) : answerConsent(user, consentId, answer === "grant");
}

/** The candidate's presentation consents, newest first, with what they name. */
export async function listOwnPresentationConsents(user: SessionUser) {
  assertCandidate(user);
  const rows = await db.consentRequest.findMany({
    where: { ...ownConsentWhere(user), kind: "PRESENTATION" },
    orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
    select: { id: true, organizationName: true, positionTitle: true, requestedAt: true, answeredAt: true, granted: true, withdrawnAt: true, entry: { select: { mission: { select: { cabinet: { select: { name: true } } } } } } },
  });
  return rows.map((c) => ({
    id: c.id,
    organizationName: c.organizationName ?? "",
    positionTitle: c.positionTitle ?? "",
    cabinetName: c.entry.mission.cabinet.name,
    requestedAt: c.requestedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    granted: c.granted,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  }));
}
