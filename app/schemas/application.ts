import { z } from "zod";

/** An application as the candidate sends it, and its states as the candidate reads them. */

export const APPLICATION_STATES = ["SENT", "REVIEWING", "INTERVIEW", "INTERVIEW_PROPOSED", "INTERVIEW_BOOKED", "ACCEPTED", "REJECTED", "WITHDRAWN"] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Plain French, as the candidate reads it. */
export const APPLICATION_STATE_LABEL: Record<ApplicationState, string> = {
  SENT: "Envoyée",
  REVIEWING: "En cours d’étude",
  INTERVIEW: "Entretien",
  INTERVIEW_PROPOSED: "Entretien proposé",
  INTERVIEW_BOOKED: "Entretien fixé",
  ACCEPTED: "Retenue",
  REJECTED: "Non retenue",
  WITHDRAWN: "Retirée",
};

export const APPLICATION_STATE_EXPLANATION: Record<ApplicationState, string> = {
  SENT: "Votre candidature est arrivée chez le recruteur ; il ne l’a pas encore étudiée.",
  REVIEWING: "Le recruteur étudie votre candidature.",
  INTERVIEW: "Le recruteur souhaite vous rencontrer : il vous contactera pour fixer l’entretien.",
  INTERVIEW_PROPOSED: "Le recruteur vous propose un entretien : choisissez l’un des créneaux, ou demandez-en d’autres.",
  INTERVIEW_BOOKED: "Votre entretien est fixé : la date, l’heure et le lieu sont indiqués ci-dessous, et l’invitation vous a été envoyée par e-mail.",
  ACCEPTED: "Votre candidature est retenue.",
  REJECTED: "Votre candidature n’a pas été retenue pour ce poste.",
  WITHDRAWN: "Vous avez retiré cette candidature : le recruteur ne la voit plus comme active.",
};

export function applicationStateLabel(state: string): string {
  return (APPLICATION_STATE_LABEL as Record<string, string>)[state] ?? state;
}

export const LETTER_MIN = 20;
export const LETTER_MAX = 8000;

export const applicationSchema = z.object({
  letter: z
    .string({ error: "Rédigez votre lettre de motivation." })
    .trim()
    .min(LETTER_MIN, `Rédigez quelques lignes de motivation (${LETTER_MIN} caractères au moins).`)
    .max(LETTER_MAX, `La lettre ne peut pas dépasser 8 000 caractères.`),
});

export type ApplicationInput = z.output<typeof applicationSchema>;

export const contactAnswerSchema = z.object({
  requestId: z.string().min(1).max(40),
  answer: z.enum(["accept", "decline"], { error: "Choisissez d’accepter ou de refuser." }),
});

export const MESSAGE_MAX = 4000;

export const messageSchema = z.object({
  body: z
    .string({ error: "Écrivez votre message." })
    .trim()
    .min(1, "Écrivez votre message.")
    .max(MESSAGE_MAX, `Le message ne peut pas dépasser 4 000 caractères.`),
});
