/**
 * Métiers of the CNFPT's Répertoire des métiers territoriaux (2019 edition: 251 métiers in six
 * « champs d'action publique locale »), the ones the posts Vivier's collectivités publish need.
 * A vacancy notice names the métier where one fits (décret n° 2018-1351, art. 3); the centres de
 * gestion file offers under it. Browser-safe.
 *
 * The codes are Vivier's (stable slugs stored on the position), not the CNFPT's: the répertoire's
 * own numbering changed between editions and is not what a centre de gestion reads, its label is.
 * The labels follow the répertoire's wording as known when this list was written, without access
 * to the CNFPT's site: check a label there before relying on it word for word, and add métiers
 * here (never rename a code: positions store it).
 */

export type Metier = { code: string; label: string; champ: string };

const ORGANISATION = "Organisation et gestion des ressources";
const SOCIAL = "Social, santé publique";
const CITOYENNETE = "Citoyenneté, éducation, culture et sport";
const AMENAGEMENT = "Aménagement et développement durable des territoires";
const TECHNIQUE = "Services techniques et environnementaux";
const SECURITE = "Sécurité";

export const METIERS: readonly Metier[] = [
  { code: "direction-generale", label: "Directeur ou directrice général·e de collectivité ou d’établissement public", champ: ORGANISATION },
  { code: "direction-generale-adjointe", label: "Directeur ou directrice général·e adjoint·e", champ: ORGANISATION },
  { code: "secretariat-general-mairie", label: "Secrétaire général·e de mairie", champ: ORGANISATION },
  { code: "direction-finances", label: "Directeur ou directrice des finances", champ: ORGANISATION },
  { code: "gestion-budgetaire", label: "Responsable de gestion budgétaire et financière", champ: ORGANISATION },
  { code: "gestion-comptable", label: "Gestionnaire comptable", champ: ORGANISATION },
  { code: "direction-rh", label: "Directeur ou directrice des ressources humaines", champ: ORGANISATION },
  { code: "gestion-paie", label: "Gestionnaire des ressources humaines (carrière et paie)", champ: ORGANISATION },
  { code: "commande-publique", label: "Responsable de la commande publique", champ: ORGANISATION },
  { code: "accueil", label: "Agent ou agente d’accueil", champ: ORGANISATION },
  { code: "etat-civil", label: "Agent ou agente de gestion administrative (état civil, population)", champ: CITOYENNETE },
  { code: "assistanat-direction", label: "Assistant ou assistante de direction", champ: ORGANISATION },
  { code: "communication", label: "Chargé ou chargée de communication", champ: ORGANISATION },
  { code: "systemes-information", label: "Responsable des systèmes d’information", champ: ORGANISATION },
  { code: "enfance-jeunesse", label: "Coordonnateur ou coordonnatrice enfance-jeunesse", champ: CITOYENNETE },
  { code: "atsem", label: "Agent ou agente d’accompagnement à l’éducation de l’enfant (ATSEM)", champ: CITOYENNETE },
  { code: "animation", label: "Animateur ou animatrice enfance-jeunesse", champ: CITOYENNETE },
  { code: "bibliotheque", label: "Responsable de bibliothèque", champ: CITOYENNETE },
  { code: "puericulture", label: "Puériculteur ou puéricultrice", champ: SOCIAL },
  { code: "travail-social", label: "Travailleur ou travailleuse social·e", champ: SOCIAL },
  { code: "ccas", label: "Responsable de CCAS ou de CIAS", champ: SOCIAL },
  { code: "urbanisme-instruction", label: "Instructeur ou instructrice des autorisations d’urbanisme", champ: AMENAGEMENT },
  { code: "urbanisme-direction", label: "Responsable de l’urbanisme et de l’aménagement", champ: AMENAGEMENT },
  { code: "developpement-territorial", label: "Chargé ou chargée de développement territorial", champ: AMENAGEMENT },
  { code: "transition-energetique", label: "Chargé ou chargée de mission énergie et transition écologique", champ: AMENAGEMENT },
  { code: "direction-services-techniques", label: "Directeur ou directrice des services techniques", champ: TECHNIQUE },
  { code: "responsable-services-techniques", label: "Responsable des services techniques", champ: TECHNIQUE },
  { code: "voirie-reseaux", label: "Technicien ou technicienne voirie et réseaux divers", champ: TECHNIQUE },
  { code: "exploitation-routiere", label: "Responsable d’exploitation routière", champ: TECHNIQUE },
  { code: "eau-assainissement", label: "Responsable eau potable et assainissement", champ: TECHNIQUE },
  { code: "technicien-eau", label: "Technicien ou technicienne eau et assainissement", champ: TECHNIQUE },
  { code: "patrimoine-bati", label: "Responsable du patrimoine bâti", champ: TECHNIQUE },
  { code: "maintenance-batiments", label: "Agent ou agente de maintenance des bâtiments", champ: TECHNIQUE },
  { code: "agent-polyvalent", label: "Agent ou agente polyvalent·e des services techniques", champ: TECHNIQUE },
  { code: "espaces-verts", label: "Responsable d’équipe espaces verts", champ: TECHNIQUE },
  { code: "collecte-dechets", label: "Responsable d’équipe de collecte des déchets", champ: TECHNIQUE },
  { code: "police-municipale", label: "Policier ou policière municipal·e", champ: SECURITE },
  { code: "police-municipale-chef", label: "Responsable de service de police municipale", champ: SECURITE },
];

export const METIER_CHAMPS: readonly string[] = [...new Set(METIERS.map((m) => m.champ))];

export function getMetier(code: string | null | undefined): Metier | undefined {
  return code ? METIERS.find((m) => m.code === code) : undefined;
}
