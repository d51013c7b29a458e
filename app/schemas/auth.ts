import { z } from "zod";

/** Trimmed and lower-cased: one account per address, whatever the case typed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const email = z
  .string({ error: "Indiquez votre adresse e-mail." })
  .trim()
  .min(1, "Indiquez votre adresse e-mail.")
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email("Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr)."))
  .transform(normalizeEmail);

export const newPassword = z
  .string({ error: "Choisissez un mot de passe." })
  .min(12, "Le mot de passe doit faire au moins 12 caractères.")
  .max(200, "Le mot de passe ne peut pas dépasser 200 caractères.");

const name = z
  .string({ error: "Indiquez votre nom." })
  .trim()
  .min(2, "Indiquez votre prénom et votre nom.")
  .max(120, "Le nom ne peut pas dépasser 120 caractères.");

export const loginSchema = z.object({
  email,
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe."),
  redirectTo: z.string().optional(),
});

/**
 * Where a sign-up lands, whether the address was new or already had an account: the sign-in page
 * with a notice that says to look in the mailbox (browser-safe, read by both routes).
 */
export const SIGNED_UP = "/connexion?inscription=1";

export const signupSchema = z.object({
  name,
  email,
  password: newPassword,
  privacy: z.literal("on", { error: "Vous devez accepter la politique de confidentialité pour créer un compte." }),
});

export const acceptInvitationSchema = z.object({ name, password: newPassword });

export const invitationSchema = z.object({
  email,
  name,
  /** Set by an admin (a collectivité or a cabinet); a cabinet lead always invites into their own. */
  organizationId: z.string().min(1, "Choisissez l’organisation."),
});

export const collectiviteSchema = z.object({
  officialKey: z.string().min(1, "Choisissez une collectivité dans la liste officielle."),
});

export const cabinetSchema = z.object({
  name: z.string().trim().min(2, "Indiquez le nom du cabinet.").max(120),
  siren: z.string().trim().regex(/^\d{9}$/, "Le SIREN compte 9 chiffres."),
});

export const resetRequestSchema = z.object({ email });
export const resetPasswordSchema = z.object({ password: newPassword });

export { fieldErrors } from "./errors";
