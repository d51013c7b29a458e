import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { eraseCandidateAccount } from "./candidates.server";

/**
 * How long Vivier keeps what it keeps (RGPD, docs/decisions/090-retention.md), run by the daily
 * jobs (app/cli/jobs.ts) and previewed on /admin. Every function takes `now`, so that tests move
 * the clock instead of waiting two years.
 *
 * - A candidate with no activity for INACTIVE_MONTHS (no sign-in, no change to the profile) is
 *   warned by e-mail WARN_DAYS before, then erased exactly as if they had asked
 *   (eraseCandidateAccount, the path of « Supprimer mon compte »). Any activity after the warning
 *   voids it; an erasure never comes less than WARN_DAYS after its warning, even when the job
 *   did not run for a while.
 * - Outgoing mails are deleted MAIL_MONTHS after they were written.
 * - Journal lines (AuditEvent) are deleted AUDIT_MONTHS after the access they record.
 */

export const RETENTION = { INACTIVE_MONTHS: 24, WARN_DAYS: 30, MAIL_MONTHS: 12, AUDIT_MONTHS: 72 } as const;

const DAY = 24 * 60 * 60 * 1000;

/** `now` moved back by whole calendar months (UTC), the day clamped to the shorter month. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

type CandidateActivity = {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  lastActiveAt: Date | null;
  retentionWarnedAt: Date | null;
  profile: { lastActivityAt: Date } | null;
};

const activitySelect = {
  id: true,
  email: true,
  name: true,
  createdAt: true,
  lastActiveAt: true,
  retentionWarnedAt: true,
  profile: { select: { lastActivityAt: true } },
} as const;

/** The latest sign of life: the account's creation, its last sign-in, its profile's last change. */
export function lastActivity(u: Pick<CandidateActivity, "createdAt" | "lastActiveAt" | "profile">): Date {
  const times = [u.createdAt.getTime(), u.lastActiveAt?.getTime() ?? 0, u.profile?.lastActivityAt.getTime() ?? 0];
  return new Date(Math.max(...times));
}

/** A warning that still counts: sent, and nothing happened on the account since. */
function standingWarning(u: CandidateActivity): Date | null {
  return u.retentionWarnedAt && u.retentionWarnedAt > lastActivity(u) ? u.retentionWarnedAt : null;
}

/** The day the account may be erased: 24 months after its last activity, 30 days after its warning. */
function erasableFrom(u: Pick<CandidateActivity, "createdAt" | "lastActiveAt" | "profile">, warnedAt: Date): Date {
  const byInactivity = monthsBefore(lastActivity(u), -RETENTION.INACTIVE_MONTHS);
  return new Date(Math.max(byInactivity.getTime(), warnedAt.getTime() + RETENTION.WARN_DAYS * DAY));
}

/**
 * Candidates whose last activity is older than the warning's threshold (24 months less 30 days),
 * read with what decides their fate. Filtered in SQL on each column, then on their maximum here.
 */
async function inactiveCandidates(now: Date): Promise<CandidateActivity[]> {
  const warnFrom = new Date(monthsBefore(now, RETENTION.INACTIVE_MONTHS).getTime() + RETENTION.WARN_DAYS * DAY);
  const rows = await db.user.findMany({
    where: {
      role: "CANDIDATE",
      createdAt: { lte: warnFrom },
      OR: [{ lastActiveAt: null }, { lastActiveAt: { lte: warnFrom } }],
      AND: [{ OR: [{ profile: { is: null } }, { profile: { is: { lastActivityAt: { lte: warnFrom } } } }] }],
    },
    select: activitySelect,
    orderBy: { id: "asc" },
  });
  return rows.filter((u) => lastActivity(u) <= warnFrom);
}

type Plan = {
  warn: CandidateActivity[];
  erase: CandidateActivity[];
  warned: Array<{ warnedAt: Date; erasableFrom: Date }>;
  mailsBefore: Date;
  auditBefore: Date;
};

async function plan(now: Date): Promise<Plan> {
  const out: Plan = {
    warn: [],
    erase: [],
    warned: [],
    mailsBefore: monthsBefore(now, RETENTION.MAIL_MONTHS),
    auditBefore: monthsBefore(now, RETENTION.AUDIT_MONTHS),
  };
  for (const u of await inactiveCandidates(now)) {
    const warnedAt = standingWarning(u);
    if (!warnedAt) {
      out.warn.push(u);
      continue;
    }
    const from = erasableFrom(u, warnedAt);
    out.warned.push({ warnedAt, erasableFrom: from });
    if (from <= now) out.erase.push(u);
  }
  out.warned.sort((a, b) => a.erasableFrom.getTime() - b.erasableFrom.getTime());
  return out;
}

function warningText(name: string, eraseOn: Date): string {
  const day = eraseOn.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" });
  return [
    `Bonjour ${name},`,
    "",
    "Vous ne vous êtes pas connecté à Vivier depuis près de deux ans.",
    `Sans nouvelle connexion de votre part, votre compte sera supprimé à partir du ${day}, avec votre profil, votre CV, vos candidatures et vos messages, comme si vous en aviez fait la demande.`,
    "",
    "Pour garder votre compte, il suffit de vous connecter :",
    `${env().APP_URL}/connexion`,
    "",
    "L’équipe Vivier",
  ].join("\n");
}

export const RETENTION_WARNING_SUBJECT = "Vivier : votre compte sera bientôt supprimé";

export type RetentionRun = { warned: number; erased: number; mailsDeleted: number; auditDeleted: number };

/**
 * The daily pass. Idempotent: a candidate is warned once per period of inactivity (the
 * warning's date is claimed before the mail is written), and erased only when the account,
 * read again inside the erasure's transaction, is still inactive since its warning.
 */
export async function runRetention(now = new Date()): Promise<RetentionRun> {
  const p = await plan(now);
  const result: RetentionRun = { warned: 0, erased: 0, mailsDeleted: 0, auditDeleted: 0 };

  for (const u of p.warn) {
    const claimed = await db.user.updateMany({
      where: { id: u.id, retentionWarnedAt: u.retentionWarnedAt },
      data: { retentionWarnedAt: now },
    });
    if (claimed.count !== 1) continue;
    const eraseOn = erasableFrom(u, now);
    await sendMail({ to: u.email, subject: RETENTION_WARNING_SUBJECT, text: warningText(u.name, eraseOn) });
    result.warned += 1;
  }

  for (const u of p.erase) {
    const erased = await eraseCandidateAccount(u.id, {
      stillDue: (row) => {
        const warnedAt = row.retentionWarnedAt && row.retentionWarnedAt > lastActivity(row) ? row.retentionWarnedAt : null;
        return warnedAt !== null && erasableFrom(row, warnedAt) <= now;
      },
    });
    if (erased) result.erased += 1;
  }

  // After the erasures, which delete the mails sent to the erased addresses anyway.
  result.mailsDeleted = (await db.outgoingMail.deleteMany({ where: { createdAt: { lt: p.mailsBefore } } })).count;
  result.auditDeleted = (await db.auditEvent.deleteMany({ where: { at: { lt: p.auditBefore } } })).count;
  return result;
}

export type RetentionPreview = {
  /** The day the preview is computed for: the next daily pass comes before it. */
  asOf: string;
  toWarn: number;
  toErase: number;
  mails: number;
  auditEvents: number;
  /** Accounts warned and still inactive, soonest erasure first; dates only, no identity. */
  warned: Array<{ warnedAt: string; erasableFrom: string }>;
  rules: typeof RETENTION;
};

/** What the next daily pass will remove, at the latest 24 hours from now (for /admin). */
export async function retentionPreview(now = new Date()): Promise<RetentionPreview> {
  const asOf = new Date(now.getTime() + DAY);
  const p = await plan(asOf);
  const [mails, auditEvents] = await Promise.all([
    db.outgoingMail.count({ where: { createdAt: { lt: p.mailsBefore } } }),
    db.auditEvent.count({ where: { at: { lt: p.auditBefore } } }),
  ]);
  return {
    asOf: asOf.toISOString(),
    toWarn: p.warn.length,
    toErase: p.erase.length,
    mails,
    auditEvents,
    warned: p.warned.map((w) => ({ warnedAt: w.warnedAt.toISOString(), erasableFrom: w.erasableFrom.toISOString() })),
    rules: RETENTION,
  };
}
