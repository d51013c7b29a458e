import nodemailer from "nodemailer";
import { db } from "./db.server";
import { env } from "./env.server";

let transport: nodemailer.Transporter | undefined;

/** A file sent with a mail (a calendar invitation…); its content is base64 in OutgoingMail. */
export type MailAttachment = { filename: string; contentType: string; content: string };

export type Mail = {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** Extra headers (List-Unsubscribe…), stored with the mail as the admin reads it. */
  headers?: Record<string, string>;
};

/** What can store a mail: the client, or a transaction that must store it with other rows. */
type MailStore = Pick<typeof db, "outgoingMail">;

/** Stores a mail in OutgoingMail, in the given transaction if any; deliverMail sends it. */
export async function storeMail(mail: Mail, store: MailStore = db): Promise<{ id: string }> {
  const { attachments, headers, ...rest } = mail;
  return store.outgoingMail.create({
    data: { ...rest, attachments: attachments?.length ? JSON.stringify(attachments) : null, headers: headers ? JSON.stringify(headers) : null },
    select: { id: true },
  });
}

/** Delivers a stored mail by SMTP when SMTP_URL is set, and records the outcome on its row. */
export async function deliverMail(row: { id: string }, mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
  const { attachments, ...rest } = mail;
  transport ??= nodemailer.createTransport(SMTP_URL);
  try {
    await transport.sendMail({
      from: MAIL_FROM,
      ...rest,
      attachments: attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: "base64" })),
    });
    await db.outgoingMail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (error) {
    await db.outgoingMail.update({ where: { id: row.id }, data: { error: String(error) } });
  }
}

/**
 * Every mail is stored in OutgoingMail first (so it is never lost and the admin can read it);
 * it is delivered by SMTP when SMTP_URL is set. An optional mail (news, not security) goes
 * through sendOptionalMail (app/domain/notifications.server.ts), which reads the user's choice.
 */
export async function sendMail(mail: Mail): Promise<void> {
  await deliverMail(await storeMail(mail), mail);
}

/** The file names of a stored mail's attachments, for the admin's list. */
export function attachmentNames(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const list: unknown = JSON.parse(stored);
    return Array.isArray(list) ? list.map((a) => String((a as { filename?: unknown }).filename ?? "")).filter(Boolean) : [];
  } catch {
    return [];
  }
}
