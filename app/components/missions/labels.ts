import type { EntrySight } from "~/access/rules";
import type { Stage } from "~/schemas/shortlist";

/** What the mission pages say after an action (?ok=…), and the tone of each stage's badge. */

export const MISSION_SUCCESS: Record<string, string> = {
  deplace: "Le candidat a changé d’étape.",
  equipe: "L’équipe de la mission est à jour.",
  presentation: "La date de présentation au comité est enregistrée.",
  invitation: "Une nouvelle invitation est envoyée ; le lien précédent ne fonctionne plus.",
  ajoute: "La personne est ajoutée à la liste, hors plateforme : elle a reçu l’invitation à créer son espace candidat.",
  sortie: "La sortie est enregistrée.",
  approche: "Les messages sont envoyés.",
  cadrage: "Le cadrage est enregistré : une nouvelle version figure dans l’historique.",
  "cadrage-inchange": "Le cadrage n’a pas changé : aucune nouvelle version.",
  partage: "Le cadrage est partagé : les employeurs de la collectivité le lisent sur la page du poste.",
};

export const STAGE_TONE: Record<Stage, string> = {
  IDENTIFIED: "badge-grey",
  APPROACHED: "",
  INTERESTED: "",
  CABINET_INTERVIEW: "",
  EVALUATED: "",
  PRESENTED: "badge-green",
  FINALIST: "badge-green",
  HIRED: "badge-green",
  NOT_RETAINED: "badge-red",
  WITHDREW: "badge-red",
};

/** A badge beside a candidate's label, where how they show says something. */
export const SIGHT_BADGE: Partial<Record<EntrySight, string>> = {
  pseudonym: "Anonyme",
  external: "Hors plateforme",
};

/** « 1 candidat », « 3 candidats ». */
export function candidates(n: number): string {
  return `${n.toLocaleString("fr-FR")} candidat${n > 1 ? "s" : ""}`;
}

/** « depuis 1 jour », « depuis 12 jours », « depuis aujourd’hui ». */
export function sinceDays(days: number | null): string {
  if (days === null) return "—";
  return days === 0 ? "aujourd’hui" : `${days} jour${days > 1 ? "s" : ""}`;
}
