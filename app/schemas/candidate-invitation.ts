import { z } from "zod";
import { newPassword } from "./auth";

/** Accepting a cabinet's invitation to create one's candidate space (/invitation-candidat/:token). Browser-safe. */

export const INVITATION_VISIBILITIES = ["ANONYMOUS", "VISIBLE"] as const;
export const INVITATION_VISIBILITY_LABEL: Record<(typeof INVITATION_VISIBILITIES)[number], string> = {
  ANONYMOUS: "Anonyme : les cabinets voient mon parcours sous un pseudonyme, jamais mon nom ni mon employeur",
  VISIBLE: "Visible : les cabinets voient aussi mon nom, mon e-mail et mon CV",
};

const consent = z.literal("on", { error: "Cochez cette case pour accepter : sans votre accord, le cabinet ne poursuit pas avec vous." });
const visibility = z.enum(INVITATION_VISIBILITIES, { error: "Choisissez comment les cabinets voient votre profil." });

export const candidateInvitationSchema = z.object({
  name: z.string({ error: "Indiquez votre nom." }).trim().min(2, "Indiquez votre prénom et votre nom.").max(120, "Le nom ne peut pas dépasser 120 caractères."),
  password: newPassword,
  privacy: z.literal("on", { error: "Vous devez accepter la politique de confidentialité pour créer un compte." }),
  consent,
  visibility,
});

export const candidateInvitationAsUserSchema = z.object({ consent, visibility });
