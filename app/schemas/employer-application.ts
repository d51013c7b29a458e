import { z } from "zod";
import { APPLICATION_STATE_LABEL, applicationStateLabel } from "./application";

/** What an employer may change on an application to one of their positions. */

/** The states an employer may set: SENT is the candidate's, WITHDRAWN the candidate's choice. */
export const EMPLOYER_APPLICATION_STATES = ["REVIEWING", "INTERVIEW", "ACCEPTED", "REJECTED"] as const;
export type EmployerApplicationState = (typeof EMPLOYER_APPLICATION_STATES)[number];

export const EMPLOYER_STATE_OPTIONS = EMPLOYER_APPLICATION_STATES.map((value) => ({ value, label: APPLICATION_STATE_LABEL[value] }));

/**
 * The states that follow the application's interview (app/domain/application-interviews.server.ts):
 * proposing slots sets the first, the candidate's choice the second. The employer never picks
 * them in the list; the form sends them back unchanged when the application is in one of them.
 */
export const INTERVIEW_STATES = ["INTERVIEW_PROPOSED", "INTERVIEW_BOOKED"] as const;

/** A decision: recorded once, never changed (docs/decisions/070-application-interviews.md). */
export const DECISION_STATES = ["ACCEPTED", "REJECTED"] as const;

export function isDecision(state: string): boolean {
  return (DECISION_STATES as readonly string[]).includes(state);
}

/** The options of the state list: the employer's choices, after the current state when it follows the interview. */
export function employerStateOptions(current: string): Array<{ value: string; label: string }> {
  const interview = (INTERVIEW_STATES as readonly string[]).includes(current) ? [{ value: current, label: `${applicationStateLabel(current)} (suit l’entretien)` }] : [];
  return [...interview, ...EMPLOYER_STATE_OPTIONS];
}

/**
 * Why an employer may not move an application from `current` to `next`, in French; null when
 * they may. `interviewOpen`: slots are proposed, or an interview is fixed and still to come.
 */
export function employerStateChangeRefusal(current: string, next: string, interviewOpen: boolean): string | null {
  if (next === current) return null;
  if (current === "WITHDRAWN") return "Le candidat a retiré cette candidature : elle ne peut plus être modifiée.";
  if (isDecision(current)) return `La décision sur cette candidature est déjà enregistrée (« ${applicationStateLabel(current)} ») : elle ne change plus.`;
  if ((INTERVIEW_STATES as readonly string[]).includes(next)) return "Cet état suit l’entretien : proposez des créneaux depuis la page « Entretien » de la candidature.";
  if (interviewOpen && !isDecision(next)) return "Un entretien est proposé ou fixé : annulez-le depuis la page « Entretien », ou enregistrez votre décision (retenue ou non retenue).";
  return null;
}

export const INTERNAL_NOTE_MAX = 5000;

export const employerApplicationSchema = z.object({
  // Nothing is preselected: left empty, the state stays as it is (saving a note alone neither
  // changes the state nor mails the candidate). An interview's state may come back unchanged.
  state: z
    .union([z.literal(""), z.enum([...EMPLOYER_APPLICATION_STATES, ...INTERVIEW_STATES])], {
      error: "Choisissez un état : en cours d’étude, entretien, retenue ou non retenue, ou laissez « Ne pas changer ».",
    })
    .optional()
    .transform((v) => (v ? v : null)),
  internalNote: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(INTERNAL_NOTE_MAX, "La note interne ne peut pas dépasser 5 000 caractères : raccourcissez-la.")),
  score: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? "").replace(/[\s\u00a0\u202f]/g, "");
      if (text === "") return null;
      if (!/^\d+$/.test(text) || Number(text) > 100) {
        ctx.addIssue({ code: "custom", message: "La note doit être un nombre entier de 0 à 100, ou rester vide." });
        return z.NEVER;
      }
      return Number(text);
    }),
});

export type EmployerApplicationInput = z.output<typeof employerApplicationSchema>;

/** The form's values as typed, to show them again after a refusal. */
export type EmployerApplicationValues = { state: string; internalNote: string; score: string };
