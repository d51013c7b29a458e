import { z } from "zod";

/**
 * The shortlist's vocabulary, shared by the domain (app/domain/shortlists.server.ts), the forms
 * and the pages: stages and their French labels, the one table of allowed moves, the exit
 * reasons, and what a candidate reads of their own state (never the internal stage names).
 * Browser-safe: no server import.
 */

export const STAGES = [
  "IDENTIFIED",
  "APPROACHED",
  "INTERESTED",
  "CABINET_INTERVIEW",
  "EVALUATED",
  "PRESENTED",
  "FINALIST",
  "HIRED",
  "NOT_RETAINED",
  "WITHDREW",
] as const;
export type Stage = (typeof STAGES)[number];

/** The stages of the search in order; the two exits come after. */
export const PIPELINE: readonly Stage[] = ["IDENTIFIED", "APPROACHED", "INTERESTED", "CABINET_INTERVIEW", "EVALUATED", "PRESENTED", "FINALIST", "HIRED"];
export const EXITS: readonly Stage[] = ["NOT_RETAINED", "WITHDREW"];

export const STAGE_LABEL: Record<Stage, string> = {
  IDENTIFIED: "Identifié",
  APPROACHED: "Approché",
  INTERESTED: "Intéressé",
  CABINET_INTERVIEW: "Entretien cabinet",
  EVALUATED: "Évalué",
  PRESENTED: "Présenté",
  FINALIST: "Finaliste",
  HIRED: "Retenu",
  NOT_RETAINED: "Non retenu",
  WITHDREW: "Désisté",
};

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}

/**
 * The allowed moves, the one table of them: forward one step, or out by an exit from any stage
 * before the hire. The exits and the hire are final. A presentation to the client (PRESENTED)
 * needs the candidate's consent and is made from the presentation, not by a plain move.
 */
export const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  IDENTIFIED: ["APPROACHED", "NOT_RETAINED", "WITHDREW"],
  APPROACHED: ["INTERESTED", "NOT_RETAINED", "WITHDREW"],
  INTERESTED: ["CABINET_INTERVIEW", "NOT_RETAINED", "WITHDREW"],
  CABINET_INTERVIEW: ["EVALUATED", "NOT_RETAINED", "WITHDREW"],
  EVALUATED: ["PRESENTED", "NOT_RETAINED", "WITHDREW"],
  PRESENTED: ["FINALIST", "NOT_RETAINED", "WITHDREW"],
  FINALIST: ["HIRED", "NOT_RETAINED", "WITHDREW"],
  HIRED: [],
  NOT_RETAINED: [],
  WITHDREW: [],
};

export function canMove(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Moves a consultant makes with a button; PRESENTED goes through the presentation. */
export function manualMoves(from: Stage): Stage[] {
  return TRANSITIONS[from].filter((to) => to !== "PRESENTED");
}

export const SOURCES = ["SEARCH", "CONTACT", "APPLICATION", "MANUAL"] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABEL: Record<Source, string> = {
  SEARCH: "Recherche dans le vivier",
  CONTACT: "Proposition acceptée",
  APPLICATION: "Candidature",
  MANUAL: "Approche directe (hors plateforme)",
};

export const NOT_RETAINED_REASONS = {
  PROFILE: "Profil éloigné des attentes du poste",
  EXPERIENCE: "Expérience insuffisante sur les enjeux du poste",
  STATUTORY: "Conditions statutaires non remplies",
  SALARY: "Attentes de rémunération hors de la fourchette",
  MOBILITY: "Mobilité ou disponibilité incompatible",
  OTHER_PROFILES: "D’autres profils correspondaient davantage",
  OTHER: "Autre raison",
} as const;

export const WITHDREW_REASONS = {
  DECLINED: "A décliné la proposition",
  OTHER_OFFER: "A accepté un autre poste",
  CONDITIONS: "Conditions du poste (rémunération, logement, mobilité)",
  PERSONAL: "Raisons personnelles",
  NO_ANSWER: "Sans réponse",
  OTHER: "Autre raison",
} as const;

export type ExitReason = keyof typeof NOT_RETAINED_REASONS | keyof typeof WITHDREW_REASONS;

export function exitReasonLabel(stage: Stage, reason: string | null): string | null {
  if (!reason) return null;
  const table: Record<string, string> = stage === "WITHDREW" ? WITHDREW_REASONS : NOT_RETAINED_REASONS;
  return table[reason] ?? null;
}

/** What the candidate reads of their state on a mission: plain French, never the internal stage. */
export const CANDIDATE_STATE: Record<Stage, string> = {
  IDENTIFIED: "Votre candidature est étudiée",
  APPROACHED: "Votre candidature est étudiée",
  INTERESTED: "Votre candidature est étudiée",
  CABINET_INTERVIEW: "Entretien avec le cabinet",
  EVALUATED: "Votre candidature est étudiée",
  PRESENTED: "Présentée à la collectivité",
  FINALIST: "Finaliste : la collectivité vous rencontre",
  HIRED: "Retenue : félicitations",
  NOT_RETAINED: "Le cabinet ne poursuit pas",
  WITHDREW: "Vous ne poursuivez pas",
};

// ---------------------------------------------------------------------------------------------
// Forms

export const moveSchema = z
  .object({
    to: z.enum(STAGES, { error: "Choisissez une étape." }),
    exitReason: z.string().trim().max(40).optional().transform((v) => v || null),
    feedback: z.string().trim().max(4000, { error: "Le retour au candidat ne peut dépasser 4 000 caractères." }).optional().transform((v) => v ?? ""),
    reason: z.string().trim().max(1000, { error: "Le motif ne peut dépasser 1 000 caractères." }).optional().transform((v) => v ?? ""),
  })
  .superRefine((v, ctx) => {
    if (v.to === "NOT_RETAINED") {
      if (!v.exitReason || !(v.exitReason in NOT_RETAINED_REASONS)) ctx.addIssue({ code: "custom", path: ["exitReason"], message: "Choisissez la raison pour laquelle le candidat n’est pas retenu." });
      if (v.feedback.length < 20) ctx.addIssue({ code: "custom", path: ["feedback"], message: "Écrivez le retour que le candidat lira (au moins quelques phrases) : un retour honnête est dû à chacun." });
    }
    if (v.to === "WITHDREW" && (!v.exitReason || !(v.exitReason in WITHDREW_REASONS))) {
      ctx.addIssue({ code: "custom", path: ["exitReason"], message: "Choisissez la raison du désistement." });
    }
  });
export type MoveInput = z.infer<typeof moveSchema>;
