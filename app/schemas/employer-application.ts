import { z } from "zod";
import { APPLICATION_STATE_LABEL } from "./application";

/** What an employer may change on an application to one of their positions. */

/** The states an employer may set: SENT is the candidate's, WITHDRAWN the candidate's choice. */
export const EMPLOYER_APPLICATION_STATES = ["REVIEWING", "INTERVIEW", "ACCEPTED", "REJECTED"] as const;
export type EmployerApplicationState = (typeof EMPLOYER_APPLICATION_STATES)[number];

export const EMPLOYER_STATE_OPTIONS = EMPLOYER_APPLICATION_STATES.map((value) => ({ value, label: APPLICATION_STATE_LABEL[value] }));

export const INTERNAL_NOTE_MAX = 5000;

export const employerApplicationSchema = z.object({
  // Nothing is preselected: left empty, the state stays as it is (saving a note alone neither
  // changes the state nor mails the candidate).
  state: z
    .union([z.literal(""), z.enum(EMPLOYER_APPLICATION_STATES)], {
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
