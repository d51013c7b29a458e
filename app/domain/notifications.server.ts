import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";

/**
 * What the portal tells a candidate by e-mail, and how little it says. A mail can be read over a
 * shoulder, forwarded, or land in a mailbox that the current employer administers: it names
 * neither the position, nor the collectivité, nor the cabinet, nor even the kind of news (an
 * application, a proposal). It only says that something waits in the candidate's space, and
 * where; the detail is behind the sign-in.
 */

export type CandidateNotice = "application-state" | "contact-request" | "message" | "consent-request" | "presentation";

const PAGE: Record<CandidateNotice, string> = {
  "application-state": "/candidat/candidatures",
  "contact-request": "/candidat/contacts",
  message: "/candidat/messages",
  "consent-request": "/candidat/missions",
  presentation: "/candidat/presentations",
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

export async function notifyCandidate(to: { email: string; name: string }, notice: CandidateNotice): Promise<void> {
  await sendMail({ to: to.email, subject: CANDIDATE_NOTICE_SUBJECT, text: candidateNoticeText(to.name, notice) });
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
    select: { email: true, name: true },
  });
  for (const employer of employers) {
    await sendMail({
      to: employer.email,
      subject: `Vivier : nouvelle candidature — ${position.title}`,
      text: [
        `Bonjour ${employer.name},`,
        "",
        `Une nouvelle candidature est arrivée pour le poste « ${position.title} ». Consultez-la :`,
        `${env().APP_URL}/employeur/postes/${position.id}/candidatures`,
        "",
        "L’équipe Vivier",
      ].join("\n"),
    });
  }
}
