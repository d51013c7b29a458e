import { z } from "zod";

/**
 * The cabinet's evaluation of a candidate on a mission (interview notes, reference checks) and
 * what the candidate gives for it (their referees, their consents), as forms and French labels.
 * Browser-safe. The scorecard is app/schemas/scorecard.ts.
 */

// ---------------------------------------------------------------------------------------------
// Interview notes

export const INTERVIEW_FORMS = ["PRESENTIEL", "VISIO", "TELEPHONE"] as const;
export type InterviewForm = (typeof INTERVIEW_FORMS)[number];
export const INTERVIEW_FORM_LABEL: Record<InterviewForm, string> = {
  PRESENTIEL: "Présentiel",
  VISIO: "Visioconférence",
  TELEPHONE: "Téléphone",
};

/** The trade's three headings, in the order a consultant writes them. */
export const INTERVIEW_HEADINGS = {
  competences: "Compétences",
  comportement: "Comportement",
  adhesion: "Adhésion aux enjeux du territoire",
} as const;

const NOTE_MAX = 8000;
const noteText = z.string().trim().max(NOTE_MAX, { error: "8 000 caractères au plus par rubrique." });

/** A date typed in an `<input type="date">`, as midday UTC of that day (no time zone shifts the day). */
const day = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })
    .transform((v) => new Date(`${v}T12:00:00.000Z`))
    .refine((d) => !Number.isNaN(d.getTime()), { error: message });

/** Not after today (a note is written after the fact); a day's margin for the time zones. */
function notInFuture(d: Date): boolean {
  return d.getTime() <= Date.now() + 36 * 60 * 60 * 1000;
}

export const interviewNoteSchema = z
  .object({
    heldAt: day("Indiquez la date de l’entretien.").refine(notInFuture, { error: "L’entretien ne peut pas être à venir : notez-le une fois tenu." }),
    form: z.enum(INTERVIEW_FORMS, { error: "Choisissez la forme de l’entretien." }),
    competences: noteText,
    comportement: noteText,
    adhesion: noteText,
  })
  .superRefine((v, ctx) => {
    if (!v.competences && !v.comportement && !v.adhesion) {
      ctx.addIssue({ code: "custom", path: ["competences"], message: "Écrivez au moins une rubrique de vos notes d’entretien." });
    }
  });
export type InterviewNoteInput = z.infer<typeof interviewNoteSchema>;

// ---------------------------------------------------------------------------------------------
// Referees (named by the candidate) and reference checks (recorded by the consultant)

export const refereeSchema = z.object({
  name: z.string().trim().min(2, { error: "Indiquez le nom de la personne." }).max(120, { error: "120 caractères au plus." }),
  relation: z
    .string()
    .trim()
    .min(2, { error: "Indiquez votre lien avec elle (par exemple : ancienne DGS, maire de la commune)." })
    .max(160, { error: "160 caractères au plus." }),
  contact: z
    .string()
    .trim()
    .min(5, { error: "Indiquez comment la joindre : un téléphone ou une adresse e-mail." })
    .max(200, { error: "200 caractères au plus." }),
});
export type RefereeInput = z.infer<typeof refereeSchema>;

export const REFEREES_MAX = 6;

export const referenceCheckSchema = z.object({
  refereeId: z.string({ error: "Choisissez la référence contactée." }).trim().min(1, { error: "Choisissez la référence contactée." }),
  relation: z.string().trim().min(2, { error: "Précisez le lien entre la référence et le candidat." }).max(160, { error: "160 caractères au plus." }),
  checkedAt: day("Indiquez la date de l’échange.").refine(notInFuture, { error: "L’échange ne peut pas être à venir." }),
  summary: z.string().trim().min(20, { error: "Résumez l’échange en quelques phrases." }).max(6000, { error: "6 000 caractères au plus." }),
});
export type ReferenceCheckInput = z.infer<typeof referenceCheckSchema>;

// ---------------------------------------------------------------------------------------------
// Consents the cabinet asks of the candidate, one kind at a time

export const CONSENT_KINDS = ["REFERENCES", "PRESENTATION"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export function isConsentKind(value: unknown): value is ConsentKind {
  return typeof value === "string" && (CONSENT_KINDS as readonly string[]).includes(value);
}

/** What the candidate is asked, in their words; a presentation names whom and for what. */
export function consentQuestion(kind: ConsentKind, named: { organizationName: string | null; positionTitle: string | null }): string {
  if (kind === "REFERENCES") return "Le cabinet souhaite contacter les références que vous avez indiquées.";
  const to = named.organizationName ? ` à ${named.organizationName}` : " à la collectivité";
  const title = named.positionTitle ? ` pour le poste « ${named.positionTitle} »` : "";
  return `Le cabinet souhaite présenter votre candidature${to}${title} : votre nom et votre CV lui seraient transmis.`;
}

export const CONSENT_STATE_LABEL = {
  pending: "En attente de votre réponse",
  granted: "Accordé",
  refused: "Refusé",
  withdrawn: "Accord retiré",
} as const;
export type ConsentState = keyof typeof CONSENT_STATE_LABEL;

export const consentAnswerSchema = z.object({
  consentId: z.string().trim().min(1),
  answer: z.enum(["grant", "refuse", "withdraw"], { error: "Choisissez votre réponse." }),
});
