import nodemailer from "nodemailer";
import { db } from "./db.server";
import { env } from "./env.server";

let transport: nodemailer.Transporter | undefined;

/** A file sent with a mail (a calendar invitation…); its content is base64 in OutgoingMail. */
export type MailAttachment = { filename: string; contentType: string; content: string };

/**
 * Every mail is stored in OutgoingMail first (so it is never lost and the admin can read it);
 * it is delivered by SMTP when SMTP_URL is set.
 */
export async function sendMail(mail: { to: string; subject: string; text: string; attachments?: MailAttachment[] }): Promise<void> {
  const { attachments, ...rest } = mail;
  const row = await db.outgoingMail.create({ data: { ...rest, attachments: attachments?.length ? JSON.stringify(attachments) : null } });
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
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
