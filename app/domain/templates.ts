import { employerNameForCandidate, positionPlaceForCandidate } from "~/access/rules";
import { HOUSING_LABEL, type HousingKind } from "~/schemas/position";
import type { Placeholder } from "~/schemas/message-template";

/**
 * The values of an approach template's placeholders, from the mission's position: what a
 * candidate reads before they are in the search. So a confidential position names neither its
 * collectivité nor its commune (the gate's rule 5). Pure: the caller resolves the places.
 */

export type TemplatePosition = {
  title: string;
  confidential: boolean;
  organization: { name: string };
  /** « Langogne (48) » */
  communeLabel: string;
  /** « Lozère (48) » */
  departementLabel: string;
  salaryMin: number | null;
  salaryMax: number | null;
  /** Monthly, gross (as the position form stores it). */
  ifse: number | null;
  housing: string;
  housingHelp: boolean;
  remoteDays: number;
  deadline: Date | null;
};

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

function salary(min: number | null, max: number | null): string {
  if (min != null && max != null) return min === max ? `${euros.format(min)} brut par an` : `${euros.format(min)} à ${euros.format(max)} brut par an`;
  if (min != null) return `à partir de ${euros.format(min)} brut par an`;
  if (max != null) return `jusqu’à ${euros.format(max)} brut par an`;
  return "selon profil et grille statutaire";
}

function housing(kind: string, help: boolean): string {
  if (kind !== "NONE") return (HOUSING_LABEL[kind as HousingKind] ?? "un logement de fonction").replace(/^./, (c) => c.toLowerCase());
  return help ? "une aide à la recherche d’un logement" : "pas de logement de fonction";
}

export function templateValues(position: TemplatePosition, sender: { cabinetName: string; consultantName: string }): Record<Placeholder, string> {
  // The candidate is not in the search yet: an approach is what asks them in.
  const employer = employerNameForCandidate(position, false);
  const place = positionPlaceForCandidate(position, false);
  return {
    poste: position.title,
    collectivite: employer ?? "une collectivité (recherche confidentielle)",
    commune: place === "commune" ? position.communeLabel : position.departementLabel,
    salaire: salary(position.salaryMin, position.salaryMax),
    ifse: position.ifse != null ? `${euros.format(position.ifse)} brut par mois` : "selon profil",
    logement: housing(position.housing, position.housingHelp),
    teletravail: position.remoteDays > 0 ? `${position.remoteDays} jour${position.remoteDays > 1 ? "s" : ""} par semaine` : "pas de télétravail",
    date_limite: position.deadline ? day.format(position.deadline) : "non fixée",
    cabinet: sender.cabinetName,
    consultant: sender.consultantName,
  };
}
