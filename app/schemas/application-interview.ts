import { z } from "zod";
import { interviewSchema, rescheduleSchema } from "./presentation";

/**
 * Interviews and messages on an application (issue 15): forms, codes and French labels.
 * Browser-safe: no server import. Times are typed and shown in Europe/Paris (the helpers of
 * ./presentation.ts), stored in UTC.
 */

export const APPLICATION_INTERVIEW_STATUSES = ["PROPOSED", "BOOKED", "DECLINED", "CANCELLED"] as const;
export type ApplicationInterviewStatus = (typeof APPLICATION_INTERVIEW_STATUSES)[number];

/** As the employer reads it. */
export const APPLICATION_INTERVIEW_STATUS_LABEL: Record<ApplicationInterviewStatus, string> = {
  PROPOSED: "Créneaux proposés, en attente du choix du candidat",
  BOOKED: "Entretien fixé",
  DECLINED: "Le candidat a demandé d’autres créneaux",
  CANCELLED: "Annulé",
};

/** At most this many slots in one proposal: enough to choose, few enough to keep free in a diary. */
export const MAX_SLOTS = 3;

/** The employer's proposal: the slots, duration, place or link of ./presentation.ts, and who of the committee will be present. */
export const proposeInterviewSchema = z
  .object({
    panel: z.array(z.string().trim().min(1).max(40)).max(30, { error: "Choisissez au plus 30 personnes." }),
    slotCount: z.number().int().max(MAX_SLOTS, { error: `Proposez au plus ${MAX_SLOTS} créneaux.` }),
  })
  .and(interviewSchema)
  .transform(({ slotCount: _count, ...v }) => ({ ...v, panel: [...new Set(v.panel)] }));
export type ProposeInterviewInput = z.output<typeof proposeInterviewSchema>;

/** The form's fields as the action reads them (slots and panel are repeated fields). */
export function proposeInterviewFields(form: FormData): Record<string, unknown> {
  const slots = form.getAll("slots").map(String);
  return {
    slots,
    slotCount: slots.filter((s) => s.trim() !== "").length,
    durationMin: String(form.get("durationMin") ?? ""),
    place: String(form.get("place") ?? ""),
    videoLink: String(form.get("videoLink") ?? ""),
    panel: form.getAll("panel").map(String),
  };
}

export { rescheduleSchema };
export type RescheduleInput = z.output<typeof rescheduleSchema>;

export const OTHER_SLOTS_MIN = 10;

/** The candidate asks for other slots: a message saying when they are free, which also goes into the thread. */
export const otherSlotsSchema = z.object({
  note: z
    .string({ error: "Dites au recruteur quels jours ou quelles heures vous conviendraient." })
    .trim()
    .min(OTHER_SLOTS_MIN, { error: "Dites au recruteur quels jours ou quelles heures vous conviendraient (quelques mots au moins)." })
    .max(2000, { error: "Le message ne peut pas dépasser 2 000 caractères." }),
});
