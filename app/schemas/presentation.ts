import { z } from "zod";
import { SCORE_LEVELS } from "./scorecard";

/**
 * The presentation of finalists, the committee's evaluation and decision, the interviews and the
 * integration follow-up: forms, codes and French labels. Browser-safe: no server import.
 */

export const COMMITTEE_RIGHTS_LABEL = {
  CONTRIBUTE: "Contribue : lit les dossiers des finalistes",
  EVALUATE: "Évalue : lit les dossiers et note chaque finaliste",
  DECIDE: "Décide : note les finalistes et enregistre la décision",
} as const;

export const DECISIONS = ["HIRED", "NOT_RETAINED"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABEL: Record<Decision, string> = { HIRED: "Retenu", NOT_RETAINED: "Non retenu" };

export const SIGNALS = ["OK", "ATTENTION", "DIFFICULTY"] as const;
export type Signal = (typeof SIGNALS)[number];
export const SIGNAL_LABEL: Record<Signal, string> = { OK: "Tout va bien", ATTENTION: "Point d’attention", DIFFICULTY: "Difficulté" };

export const FOLLOW_UP_MONTHS = [1, 3, 6] as const;
export const WITH_WHOM = ["HIRE", "EMPLOYER"] as const;
export type WithWhom = (typeof WITH_WHOM)[number];
export const WITH_WHOM_LABEL: Record<WithWhom, string> = { HIRE: "avec la personne recrutée", EMPLOYER: "avec l’employeur" };

export const INTERVIEW_STATUS_LABEL = { PROPOSED: "Créneaux proposés", BOOKED: "Entretien fixé", CANCELLED: "Entretien annulé" } as const;
export type InterviewStatus = keyof typeof INTERVIEW_STATUS_LABEL;

// ---------------------------------------------------------------------------------------------
// Follow-up due dates

/** A check-in opens for the consultant a week before its date, and is late two weeks after it. */
export const FOLLOW_UP_OPENS_DAYS = 7;
export const FOLLOW_UP_LATE_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

export type FollowUpState = "upcoming" | "due" | "late" | "done";
export const FOLLOW_UP_STATE_LABEL: Record<FollowUpState, string> = { upcoming: "À venir", due: "À faire", late: "En retard", done: "Fait" };

export function followUpState(f: { dueOn: Date; heldOn: Date | null }, now: Date): FollowUpState {
  if (f.heldOn) return "done";
  if (now.getTime() > f.dueOn.getTime() + FOLLOW_UP_LATE_DAYS * DAY) return "late";
  if (now.getTime() >= f.dueOn.getTime() - FOLLOW_UP_OPENS_DAYS * DAY) return "due";
  return "upcoming";
}

/** The date `months` months after `start` (the last day of a shorter month if needed), UTC. */
export function addMonths(start: Date, months: number): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(start.getUTCDate(), last)));
}

// ---------------------------------------------------------------------------------------------
// Paris time: slots are typed and shown in Europe/Paris, stored in UTC.

export const PARIS = "Europe/Paris";

function parisOffsetMs(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** « 2026-12-08T14:30 » read as a wall-clock time in Paris; null if not such a value. */
export function parisLocalToUtc(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let utc = guess - parisOffsetMs(new Date(guess));
  utc = guess - parisOffsetMs(new Date(utc));
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A UTC instant as Paris wall-clock « 2026-12-08T14:30 » (for a datetime-local field). */
export function utcToParisLocal(at: Date): string {
  const shifted = new Date(at.getTime() + parisOffsetMs(at));
  return shifted.toISOString().slice(0, 16);
}

/** « mardi 8 décembre 2026 à 14 h 30 », in Paris. */
export function formatParis(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString("fr-FR", { timeZone: PARIS, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const time = d.toLocaleTimeString("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" }).replace(":", " h ");
  return `${date} à ${time}`;
}

// ---------------------------------------------------------------------------------------------
// Forms

const text = (max: number, label: string) => z.string().trim().max(max, { error: `${label} : ${max.toLocaleString("fr-FR")} caractères au plus.` });
const isoDay = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Indiquez une date (jj/mm/aaaa)." });

export const presentationSchema = z.object({
  strengths: text(4000, "Points forts").min(20, { error: "Décrivez les points forts du candidat (quelques phrases au moins)." }),
  attention: text(4000, "Points d’attention").min(10, { error: "Indiquez les points d’attention : un portrait honnête en a toujours." }),
  salaryExpected: text(300, "Rémunération attendue"),
  housing: text(500, "Logement"),
  spouseJob: text(500, "Emploi du conjoint"),
  availableFrom: z.union([z.literal(""), isoDay]).optional().transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
});
export type PresentationInput = z.infer<typeof presentationSchema>;

export const feedbackSchema = z.object({
  feedback: text(4000, "Retour").min(40, { error: "Écrivez le retour que le candidat lira : quelques phrases honnêtes et utiles (40 caractères au moins)." }),
});

export const inviteMemberSchema = z.object({
  memberId: z.string().min(1),
  email: z.email({ error: "Indiquez une adresse e-mail valide, par exemple prenom.nom@mairie.fr." }).trim().toLowerCase().max(200),
});

/** A committee member's scorecard: one score 1–4 per criterion (`score-<criterionId>`), a comment each. */
export function scoreFormSchema(criterionIds: readonly string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const id of criterionIds) {
    shape[`score-${id}`] = z.coerce.number({ error: "Choisissez une note de 1 à 4 pour chaque critère." }).int().refine((n) => (SCORE_LEVELS as readonly number[]).includes(n), { error: "Choisissez une note de 1 à 4 pour chaque critère." });
    shape[`comment-${id}`] = text(1000, "Commentaire").optional().transform((v) => v ?? "");
  }
  return z.object(shape).transform((v) =>
    criterionIds.map((criterionId) => ({ criterionId, score: v[`score-${criterionId}`] as number, comment: v[`comment-${criterionId}`] as string })),
  );
}

export const decisionSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: "Choisissez : retenu ou non retenu." }),
    note: text(4000, "Motifs").optional().transform((v) => v ?? ""),
    startDate: z.union([z.literal(""), isoDay]).optional().transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "HIRED" && !v.startDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: "Indiquez la date de prise de poste : elle fixe le suivi d’intégration." });
    if (v.decision === "NOT_RETAINED" && v.note.length < 20) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Écrivez les motifs du comité (quelques phrases) : le cabinet en fera un retour honnête au candidat." });
    }
  });

export const INTERVIEW_DURATIONS = [30, 45, 60, 90, 120] as const;

export const interviewSchema = z
  .object({
    slots: z.array(z.string().trim()).transform((list) => list.filter((s) => s !== "")),
    durationMin: z.coerce.number().int().refine((n) => (INTERVIEW_DURATIONS as readonly number[]).includes(n), { error: "Choisissez une durée." }),
    place: text(300, "Lieu"),
    videoLink: z.union([z.literal(""), z.url({ protocol: /^https$/, error: "Le lien de visioconférence doit commencer par https://." }).max(500)]),
  })
  .superRefine((v, ctx) => {
    if (v.slots.length === 0) ctx.addIssue({ code: "custom", path: ["slots"], message: "Proposez au moins un créneau (date et heure)." });
    if (v.slots.some((s) => !parisLocalToUtc(s))) ctx.addIssue({ code: "custom", path: ["slots"], message: "Un créneau n’est pas une date et une heure valides." });
    if (!v.place && !v.videoLink) ctx.addIssue({ code: "custom", path: ["place"], message: "Indiquez le lieu de l’entretien ou un lien de visioconférence." });
  })
  .transform((v) => ({ ...v, slots: v.slots.map((s) => parisLocalToUtc(s)!) }));
export type InterviewInput = z.infer<typeof interviewSchema>;

export const rescheduleSchema = z
  .object({
    startsAt: z.string().trim(),
    place: text(300, "Lieu"),
    videoLink: z.union([z.literal(""), z.url({ protocol: /^https$/, error: "Le lien de visioconférence doit commencer par https://." }).max(500)]),
  })
  .superRefine((v, ctx) => {
    if (!parisLocalToUtc(v.startsAt)) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "Indiquez une date et une heure valides." });
    if (!v.place && !v.videoLink) ctx.addIssue({ code: "custom", path: ["place"], message: "Indiquez le lieu de l’entretien ou un lien de visioconférence." });
  })
  .transform((v) => ({ ...v, startsAt: parisLocalToUtc(v.startsAt)! }));

export const followUpSchema = z.object({
  heldOn: isoDay.transform((v) => new Date(`${v}T00:00:00Z`)),
  signal: z.enum(SIGNALS, { error: "Choisissez un signal : tout va bien, point d’attention ou difficulté." }),
  notes: text(4000, "Notes").min(10, { error: "Notez ce qui s’est dit (quelques mots au moins)." }),
});
