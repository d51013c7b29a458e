/**
 * The vocabulary of a vacancy notice (déclaration de vacance d'emploi, décret n° 2018-1351 du
 * 28 décembre 2018, art. 3): English codes stored on the position, French labels for the forms,
 * the printable notice and its CSV. Browser-safe.
 */

export const VACANCY_REASONS = ["CREATION", "VACANCE", "RENOUVELLEMENT"] as const;
export type VacancyReason = (typeof VACANCY_REASONS)[number];
export const VACANCY_REASON_LABEL: Record<VacancyReason, string> = {
  CREATION: "Création d’emploi",
  VACANCE: "Vacance d’emploi (départ de l’agent)",
  RENOUVELLEMENT: "Renouvellement d’un contrat (emploi déjà pourvu par un contractuel)",
};

/** Why the holder of a vacant post left: the notice says it for a VACANCE. */
export const VACANCY_CAUSES = [
  "MUTATION", "RETRAITE", "DISPONIBILITE", "DETACHEMENT", "DEMISSION", "FIN_CONTRAT", "PROMOTION", "AUTRE",
] as const;
export type VacancyCause = (typeof VACANCY_CAUSES)[number];
export const VACANCY_CAUSE_LABEL: Record<VacancyCause, string> = {
  MUTATION: "Mutation",
  RETRAITE: "Départ à la retraite",
  DISPONIBILITE: "Mise en disponibilité",
  DETACHEMENT: "Détachement",
  DEMISSION: "Démission",
  FIN_CONTRAT: "Fin de contrat",
  PROMOTION: "Promotion ou changement d’emploi en interne",
  AUTRE: "Autre motif",
};

export const VERSANT_LABEL: Record<string, string> = { TERRITORIALE: "Fonction publique territoriale" };

/**
 * The legal grounds of a contractual recruitment on a permanent or temporary post of a
 * collectivité, by article of the Code général de la fonction publique (CGFP). The 1° and 2° of
 * L332-8 are the usual grounds of an open post; the small communes' grounds are grouped as the
 * employer thinks of them. Stored as the code, printed as the label.
 */
export const CONTRACT_GROUNDS = [
  { code: "L332-8-1", label: "Article L332-8, 1° du CGFP : pas de cadre d’emplois de fonctionnaires pour ces fonctions" },
  { code: "L332-8-2", label: "Article L332-8, 2° du CGFP : besoins du service ou nature des fonctions, faute de fonctionnaire recruté" },
  { code: "L332-8-PETITES-COMMUNES", label: "Article L332-8 du CGFP : commune de moins de 1 000 habitants ou groupement de telles communes (tous emplois), commune de moins de 2 000 habitants pour un emploi dépendant d’une autorité extérieure" },
  { code: "L332-8-TNC", label: "Article L332-8 du CGFP : emploi à temps non complet de moins de 50 %" },
  { code: "L332-13", label: "Article L332-13 du CGFP : remplacement d’un agent momentanément absent" },
  { code: "L332-14", label: "Article L332-14 du CGFP : vacance temporaire d’emploi dans l’attente du recrutement d’un fonctionnaire" },
  { code: "L332-23", label: "Article L332-23 du CGFP : accroissement temporaire ou saisonnier d’activité" },
  { code: "L332-24", label: "Article L332-24 du CGFP : contrat de projet" },
  { code: "L343-1", label: "Article L343-1 du CGFP : recrutement direct sur un emploi fonctionnel de direction" },
  { code: "L352-4", label: "Article L352-4 du CGFP : recrutement d’un travailleur en situation de handicap" },
] as const;
export const CONTRACT_GROUND_CODES: readonly string[] = CONTRACT_GROUNDS.map((g) => g.code);

export function contractGroundLabel(code: string | null | undefined): string {
  return CONTRACT_GROUNDS.find((g) => g.code === code)?.label ?? "";
}
