import { assertConsultant, cabinetMissionWhere } from "~/access/guards.server";
import { FOLLOW_UP_OPENS_DAYS, followUpState, type Signal, type WithWhom } from "~/schemas/presentation";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendOptionalMail } from "./notifications.server";
import type { SessionUser } from "~/utils/session.server";

/**
 * The integration follow-up: check-ins 1, 3 and 6 months after the hire's start date, each with
 * the hire and with the employer, recorded by the consultant (date, notes, a signal). Planned by
 * the committee's decision (committee.server.ts, scheduleFollowUps). Each function takes `now`
 * so that tests can move the clock.
 */

const DAY = 24 * 60 * 60 * 1000;

const followUpSelect = {
  id: true, months: true, withWhom: true, dueOn: true, heldOn: true, notes: true, signal: true, missionId: true,
  presentation: { select: { startDate: true, entry: { select: { profile: { select: { user: { select: { name: true } } } } } } } },
} as const;

type Row = { id: string; months: number; withWhom: string; dueOn: Date; heldOn: Date | null; notes: string; signal: string | null; missionId: string; presentation: { startDate: Date | null; entry: { profile: { user: { name: string } } | null } } };

function view(f: Row, now: Date) {
  return {
    id: f.id,
    missionId: f.missionId,
    months: f.months,
    withWhom: f.withWhom as WithWhom,
    dueOn: f.dueOn.toISOString().slice(0, 10),
    heldOn: f.heldOn?.toISOString().slice(0, 10) ?? null,
    notes: f.notes,
    signal: f.signal as Signal | null,
    state: followUpState(f, now),
    hireName: f.presentation.entry.profile?.user.name ?? "",
  };
}

export type FollowUpView = ReturnType<typeof view>;

/** The check-ins of one of the consultant's missions (null: not theirs). */
export async function listMissionFollowUps(user: SessionUser, missionId: string, now = new Date()): Promise<FollowUpView[] | null> {
  assertConsultant(user);
  const mission = await db.mission.findFirst({ where: cabinetMissionWhere(user, missionId), select: { id: true } });
  if (!mission) return null;
  const rows = await db.followUp.findMany({ where: { missionId: mission.id }, orderBy: [{ dueOn: "asc" }, { withWhom: "desc" }, { id: "asc" }], select: followUpSelect });
  return rows.map((r) => view(r, now));
}

/**
 * For the consultant's home: the check-ins of their missions that are due (from a week before
 * their date) or late (two weeks after), not yet recorded, oldest first.
 */
export async function followUpsDue(user: SessionUser, now = new Date()) {
  assertConsultant(user);
  const rows = await db.followUp.findMany({
    where: { heldOn: null, dueOn: { lte: new Date(now.getTime() + FOLLOW_UP_OPENS_DAYS * DAY) }, presentation: { entry: { mission: cabinetMissionWhere(user) } } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 50,
    select: { ...followUpSelect, presentation: { select: { ...followUpSelect.presentation.select, positionId: true, consent: { select: { positionTitle: true, organizationName: true } } } } },
  });
  return rows.map((r) => ({
    ...view(r, now),
    positionTitle: r.presentation.consent.positionTitle ?? "",
    organizationName: r.presentation.consent.organizationName ?? "",
    href: `/cabinet/missions/${r.missionId}/finalistes#suivi`,
  }));
}

export type FollowUpResult = { ok: true } | { ok: false; status: 404 | 409; error: string };

/** The consultant records a check-in once: the date it was held, the notes and the signal. */
export async function recordFollowUp(user: SessionUser, followUpId: string, input: { heldOn: Date; signal: Signal; notes: string }, now = new Date()): Promise<FollowUpResult> {
  assertConsultant(user);
  if (input.heldOn.getTime() > now.getTime()) return { ok: false, status: 409, error: "Ce point ne peut être daté dans le futur : enregistrez-le une fois tenu." };
  const changed = await db.followUp.updateMany({
    where: { id: followUpId, heldOn: null, presentation: { entry: { mission: cabinetMissionWhere(user) } } },
    data: { heldOn: input.heldOn, signal: input.signal, notes: input.notes, recordedById: user.id },
  });
  if (changed.count === 1) return { ok: true };
  const exists = await db.followUp.count({ where: { id: followUpId, presentation: { entry: { mission: cabinetMissionWhere(user) } } } });
  return exists ? { ok: false, status: 409, error: "Ce point de suivi est déjà enregistré." } : { ok: false, status: 404, error: "Ce point de suivi n’existe pas." };
}

/**
 * The daily job: one reminder mail per check-in that has become due (a week before its date),
 * to the mission's consultants, never twice. Idempotent and catching up: a check-in is claimed by
 * setting reminderSentAt in the same conditional write that selects it, so a portal that was down
 * sends the missed ones at its next run, and two runs never send one twice.
 */
export async function sendFollowUpReminders(now = new Date()): Promise<number> {
  const due = await db.followUp.findMany({
    where: { heldOn: null, reminderSentAt: null, dueOn: { lte: new Date(now.getTime() + FOLLOW_UP_OPENS_DAYS * DAY) } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: { id: true, months: true, withWhom: true, dueOn: true, missionId: true, presentation: { select: { consent: { select: { positionTitle: true, organizationName: true } } } } },
  });
  let sent = 0;
  for (const f of due) {
    const claimed = await db.followUp.updateMany({ where: { id: f.id, reminderSentAt: null }, data: { reminderSentAt: now } });
    if (claimed.count !== 1) continue;
    const mission = await db.mission.findUnique({ where: { id: f.missionId }, select: { cabinetId: true, consultants: { select: { user: { select: { name: true, email: true } } } } } });
    if (!mission) continue;
    const to = mission.consultants.length
      ? mission.consultants.map((c) => c.user)
      : await db.user.findMany({ where: { organizationId: mission.cabinetId, isCabinetLead: true }, select: { name: true, email: true } });
    const whom = f.withWhom === "HIRE" ? "avec la personne recrutée" : "avec l’employeur";
    const path = `/cabinet/missions/${f.missionId}/finalistes#suivi`;
    for (const c of to) {
      await sendOptionalMail(c, "REMINDER", {
        subject: `Vivier : point de suivi à ${f.months} mois — ${f.presentation.consent.positionTitle ?? ""}`,
        text: [
          `Bonjour ${c.name},`,
          "",
          `Le point de suivi d’intégration à ${f.months} mois ${whom} est prévu le ${f.dueOn.toLocaleDateString("fr-FR", { timeZone: "UTC" })} (${f.presentation.consent.organizationName ?? ""}, « ${f.presentation.consent.positionTitle ?? ""} »).`,
          "Enregistrez-le une fois tenu :",
          `${env().APP_URL}${path}`,
          "",
          "L’équipe Vivier",
        ].join("\n"),
      }, { line: `Point de suivi à ${f.months} mois ${whom} le ${f.dueOn.toLocaleDateString("fr-FR", { timeZone: "UTC" })} (« ${f.presentation.consent.positionTitle ?? ""} ») :`, path });
    }
    sent += 1;
  }
  return sent;
}
