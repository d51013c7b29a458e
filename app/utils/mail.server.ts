import nodemailer from "nodemailer";
import { db } from "./db.server";
import { env } from "./env.server";

let transport: nodemailer.Transporter | undefined;

/**
 * Every mail is stored in OutgoingMail first (so it is never lost and the admin can read it);
 * it is delivered by SMTP when SMTP_URL is set.
 */
export async function sendMail(mail: { to: string; subject: string; text: string }): Promise<void> {
  const row = await db.outgoingMail.create({ data: mail });
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
  transport ??= nodemailer.createTransport(SMTP_URL);
  try {
    await transport.sendMail({ from: MAIL_FROM, ...mail });
    await db.outgoingMail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (error) {
    await db.outgoingMail.update({ where: { id: row.id }, data: { error: String(error) } });
  }
}
