import { z } from "zod";
import { MESSAGE_MAX } from "./application";

/** What a consultant sends: a contact request from a talent-search card, a reply in a thread. */

export const CONTACT_MESSAGE_MAX = 2000;

export const contactRequestSchema = z.object({
  profileId: z.string().trim().min(1, "Choisissez un profil du vivier.").max(40),
  // The card of a search without a mission sends an empty field.
  missionId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => (v ? v : undefined)),
  message: z
    .string()
    .trim()
    .max(CONTACT_MESSAGE_MAX, "Le message ne peut pas dépasser 2 000 caractères.")
    .default(""),
});

export type ContactRequestInput = z.output<typeof contactRequestSchema>;

export const consultantMessageSchema = z.object({
  body: z
    .string({ error: "Écrivez votre message." })
    .trim()
    .min(1, "Écrivez votre message.")
    .max(MESSAGE_MAX, "Le message ne peut pas dépasser 4 000 caractères."),
});

/** A contact request's state, as the candidate reads it. */
export const CONTACT_STATUS_LABEL: Record<string, string> = {
  PENDING: "En attente de votre réponse",
  ACCEPTED: "Acceptée : votre identité est visible de ce cabinet",
  DECLINED: "Refusée : rien n’a été révélé",
};

export const CONTACT_STATUS_CABINET_LABEL: Record<string, string> = {
  PENDING: "En attente",
  ACCEPTED: "Acceptée",
  DECLINED: "Refusée",
};
