/** What the entry page's action answers to a refused form (browser-safe: the page reads it). */

export const ENTRY_INTENTS = ["move", "interview", "scorecard", "ask-references", "reference-check"] as const;
export type EntryIntent = (typeof ENTRY_INTENTS)[number];

export type EntryActionData = {
  intent: EntryIntent;
  error: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

/** The message shown after a form of the page succeeded (?ok=<intent>). */
export const ENTRY_OK: Record<EntryIntent, string> = {
  move: "L’étape est enregistrée.",
  interview: "L’entretien est enregistré.",
  scorecard: "Votre grille est enregistrée.",
  "ask-references": "La demande est envoyée : le candidat la lira dans son espace et a reçu un courriel discret.",
  "reference-check": "La prise de références est enregistrée.",
};
