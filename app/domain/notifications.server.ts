import type { SessionUser } from "~/utils/session.server";
import {
  DIGEST_HOUR, DIGEST_KIND, NOTIFICATION_KIND_LABEL, UNSUBSCRIBE_KINDS, NOTIFICATION_MODE_LABEL, kindsOfRole, parseMode,
  type NotificationKind, type NotificationMode,
} from "~/schemas/notifications";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { deliverMail, sendMail, storeMail, type Mail, type MailAttachment } from "~/utils/mail.server";
import { readUnsubscribeToken, unsubscribeToken } from "~/utils/unsubscribe-token.server";

/**
 * What the portal tells people by e-mail, and each user's choice of how (issue 15).
 *
 * Every optional mail goes through sendOptionalMail, which reads the recipient's choice for its
 * kind: at once (with a one-click unsubscribe link and the List-Unsubscribe headers), in the
 * daily digest (a DigestItem kept in the database until the digest that lists it is stored), or
 * not at all. Security mails (invitations, password resets) call sendMail directly: they are
 * always sent.
 *
 * A candidate's mail can be read over a shoulder, forwarded, or land in a mailbox that the
 * current employer administers: it names neither the position, nor the collectivité, nor the
 * cabinet, nor even the kind of news (an application, a proposal). It only says that something
 * waits in the candidate's space, and where; the detail is behind the sign-in. Its unsubscribe
 * footer and its digest lines keep the same discretion.
 */

// ---------------------------------------------------------------------------------------------
// Links

/** The settings page of each role's space. */
const SETTINGS_PAGE: Record<string, string> = {
  CANDIDATE: "/candidat/notifications",
  EMPLOYER: "/employeur/notifications",
  COMMITTEE: "/employeur/notifications",
  CONSULTANT: "/cabinet/notifications",
};

export { UNSUBSCRIBE_KINDS };

export function unsubscribeUrl(userId: string, kind: string): string {
  return `${env().APP_URL}/desabonnement/${unsubscribeToken(userId, kind, UNSUBSCRIBE_KINDS)}`;
}

/** RFC 2369 and RFC 8058: the mail client's own « unsubscribe » button, one click, no sign-in. */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function footer(role: string, kind: NotificationKind, url: string): string[] {
  const settings = `${env().APP_URL}${SETTINGS_PAGE[role] ?? "/connexion"}`;
  if (role === "CANDIDATE") {
    return ["", "—", "Pour ne plus recevoir ce type d’avis par courriel (sans vous connecter) :", url, "Pour les recevoir plutôt dans un récapitulatif quotidien :", settings];
  }
  const label = NOTIFICATION_KIND_LABEL[role]?.[kind] ?? "ce type de courriel";
  return ["", "—", `Vous recevez ce courriel : « ${label} ».`, "Pour ne plus le recevoir (sans vous connecter) :", url, "Tous vos choix de courriels :", settings];
}

// ---------------------------------------------------------------------------------------------
// Preferences

async function modeOf(userId: string, kind: NotificationKind): Promise<NotificationMode> {
  const row = await db.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } }, select: { mode: true } });
  return parseMode(row?.mode) ?? "IMMEDIATE";
}

/** The user's choice for each kind their role receives (at once, unless they chose otherwise). */
export async function getPreferences(user: Pick<SessionUser, "id" | "role">) {
  const rows = await db.notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, mode: true } });
  const labels = NOTIFICATION_KIND_LABEL[user.role] ?? {};
  return kindsOfRole(user.role).map((kind) => ({
    kind,
    label: labels[kind] ?? kind,
    mode: parseMode(rows.find((r) => r.kind === kind)?.mode) ?? "IMMEDIATE",
  }));
}

export type PreferencesResult = { ok: true } | { ok: false; error: string };

/** Saves the posted choices: one mode per kind of the user's role; anything else posted is ignored. */
export async function savePreferences(user: Pick<SessionUser, "id" | "role">, form: FormData): Promise<PreferencesResult> {
  const kinds = kindsOfRole(user.role);
  const chosen: Array<[NotificationKind, NotificationMode]> = [];
  for (const kind of kinds) {
    const mode = parseMode(form.get(kind));
    if (!mode) return { ok: false, error: "Choisissez, pour chaque type de courriel : tout de suite, dans le récapitulatif quotidien, ou jamais." };
    chosen.push([kind, mode]);
  }
  await db.$transaction(chosen.map(([kind, mode]) => db.notificationPreference.upsert({
    where: { userId_kind: { userId: user.id, kind } },
    create: { userId: user.id, kind, mode },
    update: { mode },
  })));
  return { ok: true };
}

/** What an unsubscribe link is about, read from its token; null for a forged or foreign one (404). */
export async function readUnsubscribeLink(token: string) {
  const read = readUnsubscribeToken(token, UNSUBSCRIBE_KINDS);
  if (!read) return null;
  const user = await db.user.findUnique({ where: { id: read.userId }, select: { id: true, role: true } });
  if (!user) return null;
  // A candidate's page says no more than their mail did: « ce type d'avis ».
  const label = read.kind === DIGEST_KIND
    ? "le récapitulatif quotidien"
    : user.role === "CANDIDATE" ? null : (NOTIFICATION_KIND_LABEL[user.role]?.[read.kind as NotificationKind] ?? null);
  return { userId: user.id, kind: read.kind, label, settingsPath: SETTINGS_PAGE[user.role] ?? null };
}

/**
 * Unsubscribes the token's user from its kind (the digest's token: every kind they receive in
 * the digest), and drops what waited for their digest under it. Idempotent.
 */
export async function unsubscribe(token: string): Promise<boolean> {
  const link = await readUnsubscribeLink(token);
  if (!link) return false;
  await db.$transaction(async (tx) => {
    let kinds: string[] = [link.kind];
    if (link.kind === DIGEST_KIND) {
      kinds = (await tx.notificationPreference.findMany({ where: { userId: link.userId, mode: "DIGEST" }, select: { kind: true } })).map((r) => r.kind);
    }
    for (const kind of kinds) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: link.userId, kind } },
        create: { userId: link.userId, kind, mode: "NONE" },
        update: { mode: "NONE" },
      });
    }
    await tx.digestItem.deleteMany({ where: { userId: link.userId, kind: { in: kinds }, sentAt: null } });
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Sending

export type Recipient = { id?: string; email: string; name: string };

/**
 * The one way an optional mail leaves the portal: at once, into the digest, or not at all, as
 * the recipient chose for its kind. `digest` is the line the digest lists instead (as discreet as
 * the mail) and the page it points to. Returns what was done, for the tests and the callers' logs.
 */
export async function sendOptionalMail(
  to: Recipient,
  kind: NotificationKind,
  mail: { subject: string; text: string; attachments?: MailAttachment[] },
  digest: { line: string; path: string },
): Promise<NotificationMode | "UNKNOWN_USER"> {
  const user = await db.user.findUnique({ where: to.id ? { id: to.id } : { email: to.email }, select: { id: true, role: true, email: true } });
  // An address without an account (none today) cannot choose: it gets the mail, without a link.
  if (!user) {
    await sendMail({ to: to.email, ...mail });
    return "UNKNOWN_USER";
  }
  const mode = await modeOf(user.id, kind);
  if (mode === "NONE") return mode;
  if (mode === "DIGEST") {
    await db.digestItem.create({ data: { userId: user.id, kind, line: digest.line, path: digest.path } });
    return mode;
  }
  const url = unsubscribeUrl(user.id, kind);
  await sendMail({
    to: user.email,
    subject: mail.subject,
    text: [mail.text, ...footer(user.role, kind, url)].join("\n"),
    attachments: mail.attachments,
    headers: unsubscribeHeaders(url),
  });
  return mode;
}

// ---------------------------------------------------------------------------------------------
// The daily digest

/** The last digest time (DIGEST_HOUR, Europe/Paris) at or before `now`. */
export function lastDigestTime(now: Date): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const [y, m, d, h] = [Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour)];
  const dayUtc = Date.UTC(y, m - 1, h >= DIGEST_HOUR ? d : d - 1);
  // DIGEST_HOUR in Paris that day: try the two offsets France uses (UTC+1, UTC+2).
  for (const offset of [1, 2]) {
    const candidate = new Date(dayUtc + (DIGEST_HOUR - offset) * 3_600_000);
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).format(candidate));
    if (hour === DIGEST_HOUR && candidate <= now) return candidate;
  }
  return new Date(dayUtc + (DIGEST_HOUR - 1) * 3_600_000);
}

const DIGEST_SUBJECT = "Vivier : votre récapitulatif du jour";

/**
 * Sends each user one mail listing what waited for their digest since the last one: every item
 * created before the last digest time (7 h in Paris) and not yet sent. The scheduler calls it
 * every quarter of an hour and at start, so a portal that was down at 7 h sends at its next run;
 * items are kept in the database until then, and the mail and the items' sentAt are written in
 * one transaction: nothing is listed twice, nothing is lost. Returns the number of mails.
 */
export async function sendDigests(now: Date): Promise<number> {
  const cutoff = lastDigestTime(now);
  const users = await db.digestItem.groupBy({ by: ["userId"], where: { sentAt: null, createdAt: { lte: cutoff } } });
  let sent = 0;
  for (const { userId } of users) {
    const prepared = await db.$transaction(async (tx) => {
      const items = await tx.digestItem.findMany({ where: { userId, sentAt: null, createdAt: { lte: cutoff } }, orderBy: { createdAt: "asc" } });
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } });
      if (!user || items.length === 0) return null;
      const mail = digestMail(user, items);
      const row = await storeMail(mail, tx);
      const claimed = await tx.digestItem.updateMany({ where: { id: { in: items.map((i) => i.id) }, sentAt: null }, data: { sentAt: now } });
      // Another run claimed them first: roll back this mail.
      if (claimed.count !== items.length) throw new DigestRace();
      return { row, mail };
    }).catch((error: unknown) => {
      if (error instanceof DigestRace) return null;
      throw error;
    });
    if (!prepared) continue;
    await deliverMail(prepared.row, prepared.mail);
    sent++;
  }
  return sent;
}

class DigestRace extends Error {}

function digestMail(user: { id: string; email: string; name: string; role: string }, items: Array<{ kind: string; line: string; path: string }>): Mail {
  const base = env().APP_URL;
  const lines = [`Bonjour ${user.name},`, "", "Voici ce qui s’est passé depuis votre dernier récapitulatif :"];
  const kinds = [...new Set(items.map((i) => i.kind))] as NotificationKind[];
  for (const kind of kinds) {
    lines.push("");
    // Staff read what each group is; a candidate's groups are not named (see the module's comment).
    if (user.role !== "CANDIDATE") lines.push(`${NOTIFICATION_KIND_LABEL[user.role]?.[kind] ?? "Autres nouvelles"} :`);
    for (const item of items.filter((i) => i.kind === kind)) lines.push(`- ${item.line} ${base}${item.path}`);
    lines.push(`  Ne plus recevoir ce type d’avis : ${unsubscribeUrl(user.id, kind)}`);
  }
  const url = unsubscribeUrl(user.id, DIGEST_KIND);
  lines.push("", "—", "Pour ne plus recevoir ce récapitulatif (sans vous connecter) :", url, "Tous vos choix de courriels :", `${base}${SETTINGS_PAGE[user.role] ?? "/connexion"}`, "", "L’équipe Vivier");
  return { to: user.email, subject: DIGEST_SUBJECT, text: lines.join("\n"), headers: unsubscribeHeaders(url) };
}

export { DIGEST_SUBJECT, NOTIFICATION_MODE_LABEL };

// ---------------------------------------------------------------------------------------------
// The candidate's discreet notices

export type CandidateNotice = "application-state" | "contact-request" | "message" | "consent-request" | "presentation";

const PAGE: Record<CandidateNotice, string> = {
  "application-state": "/candidat/candidatures",
  "contact-request": "/candidat/contacts",
  message: "/candidat/messages",
  "consent-request": "/candidat/missions",
  presentation: "/candidat/presentations",
};

/** The kind of mail each notice is, for the candidate's choice (a caller may say better). */
const NOTICE_KIND: Record<CandidateNotice, NotificationKind> = {
  "application-state": "APPLICATION_STATE",
  "contact-request": "CABINET_PROPOSAL",
  message: "MESSAGE",
  "consent-request": "CABINET_PROPOSAL",
  presentation: "CABINET_PROPOSAL",
};

export const CANDIDATE_NOTICE_SUBJECT = "Vivier : du nouveau dans votre espace";

export function candidateNoticeText(name: string, notice: CandidateNotice): string {
  return [
    `Bonjour ${name},`,
    "",
    "Du nouveau vous attend dans votre espace Vivier. Connectez-vous pour le consulter :",
    `${env().APP_URL}${PAGE[notice]}`,
    "",
    "Par discrétion, ce message n’en dit pas plus.",
    "",
    "L’équipe Vivier",
  ].join("\n");
}

export async function notifyCandidate(to: Recipient, notice: CandidateNotice, kind: NotificationKind = NOTICE_KIND[notice]): Promise<void> {
  await sendOptionalMail(
    to,
    kind,
    { subject: CANDIDATE_NOTICE_SUBJECT, text: candidateNoticeText(to.name, notice) },
    { line: "Du nouveau vous attend dans votre espace :", path: PAGE[notice] },
  );
}

/**
 * Tells the employers of the position's collectivité that an application arrived: the
 * position's title and where to read it, not who applied (that stays behind the sign-in).
 */
export async function notifyEmployersOfApplication(positionId: string): Promise<void> {
  const position = await db.position.findUnique({ where: { id: positionId }, select: { id: true, title: true, organizationId: true } });
  if (!position) return;
  const employers = await db.user.findMany({
    where: { organizationId: position.organizationId, role: "EMPLOYER" },
    select: { id: true, email: true, name: true },
  });
  const path = `/employeur/postes/${position.id}/candidatures`;
  for (const employer of employers) {
    await sendOptionalMail(
      employer,
      "NEW_APPLICATION",
      {
        subject: `Vivier : nouvelle candidature — ${position.title}`,
        text: [
          `Bonjour ${employer.name},`,
          "",
          `Une nouvelle candidature est arrivée pour le poste « ${position.title} ». Consultez-la :`,
          `${env().APP_URL}${path}`,
          "",
          "L’équipe Vivier",
        ].join("\n"),
      },
      { line: `Une nouvelle candidature pour « ${position.title} » :`, path },
    );
  }
}
