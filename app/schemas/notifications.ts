/**
 * The kinds of optional e-mail a user may receive at once, in a daily digest or not at all
 * (issue 15), with their French labels. Security mails (an invitation, a password reset, a
 * committee seat) are not among them: they are always sent. Browser-safe.
 */

export const NOTIFICATION_KINDS = ["NEW_APPLICATION", "APPLICATION_STATE", "INTERVIEW", "MESSAGE", "CABINET_PROPOSAL", "REMINDER"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_MODES = ["IMMEDIATE", "DIGEST", "NONE"] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
export const NOTIFICATION_MODE_LABEL: Record<NotificationMode, string> = {
  IMMEDIATE: "Tout de suite",
  DIGEST: "Dans le récapitulatif quotidien",
  NONE: "Jamais",
};

/** What each kind is, as the settings page of each role names it. */
export const NOTIFICATION_KIND_LABEL: Record<string, Partial<Record<NotificationKind, string>>> = {
  CANDIDATE: {
    APPLICATION_STATE: "Une candidature change d’état (examinée, retenue, non retenue…)",
    INTERVIEW: "Un entretien est proposé, fixé, modifié ou annulé",
    MESSAGE: "Un message vous est adressé",
    CABINET_PROPOSAL: "Un cabinet vous fait une proposition ou vous demande votre accord",
  },
  EMPLOYER: {
    NEW_APPLICATION: "Une candidature arrive sur l’un de vos postes",
    APPLICATION_STATE: "Une candidature change d’état",
    INTERVIEW: "Un candidat choisit un créneau d’entretien ou en demande d’autres",
    MESSAGE: "Un candidat vous écrit",
    CABINET_PROPOSAL: "Un cabinet vous présente un finaliste",
    REMINDER: "Rappels",
  },
  CONSULTANT: {
    APPLICATION_STATE: "Le comité d’un client décide sur un finaliste",
    INTERVIEW: "Un entretien avec le comité d’un client est fixé ou modifié",
    MESSAGE: "Un candidat vous écrit",
    REMINDER: "Rappels du suivi d’intégration (1, 3 et 6 mois)",
  },
  COMMITTEE: {
    INTERVIEW: "Un entretien avec un finaliste est fixé ou modifié",
    CABINET_PROPOSAL: "Un cabinet présente un finaliste",
  },
};

/** The kinds a role chooses on its settings page, in the order of NOTIFICATION_KINDS. */
export function kindsOfRole(role: string): NotificationKind[] {
  const labels = NOTIFICATION_KIND_LABEL[role] ?? {};
  return NOTIFICATION_KINDS.filter((k) => labels[k]);
}

/** A posted mode, or null when it is not one of the three. */
export function parseMode(value: unknown): NotificationMode | null {
  return typeof value === "string" && (NOTIFICATION_MODES as readonly string[]).includes(value) ? (value as NotificationMode) : null;
}

/** The digest's own « kind » for its unsubscribe link: every kind the user receives in the digest. */
export const DIGEST_KIND = "DIGEST";
/** The kinds an unsubscribe link may name, in a fixed order (the link carries the index: append only). */
export const UNSUBSCRIBE_KINDS: readonly string[] = [...NOTIFICATION_KINDS, DIGEST_KIND];

/** The hour (Europe/Paris) of the daily digest. */
export const DIGEST_HOUR = 7;
