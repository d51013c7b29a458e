import {
  communeToOrganization,
  departementToOrganization,
  epciToOrganization,
  getCommune,
  getDepartement,
  getEpci,
  getRegion,
  regionToOrganization,
  type OfficialOrganization,
} from "~/reference/territory.server";

/**
 * The collectivités of the demo, every one taken from the official list by its code (never typed
 * by hand): small rural communes, towns, an EPCI, a département and a région, over six régions.
 * What is written about each place is kept generic enough to stay true.
 */

export type PlaceRef =
  | { type: "COMMUNE"; code: string }
  | { type: "EPCI"; siren: string }
  | { type: "DEPARTEMENT"; code: string }
  | { type: "REGION"; code: string };

export type Place = {
  ref: PlaceRef;
  /** Used in e-mail addresses of the collectivité's users. */
  slug: string;
  /** "la commune de Langogne", "la Communauté de communes de Saint-Flour"… */
  designation: string;
  /** Title of the elected head, for the committee. */
  head: string;
  stationDistanceKm: number;
  stationTimeMin: number;
  publicTransport: string;
  rentT3: number;
  territory: string;
  projects: string;
};

export const PLACES: readonly Place[] = [
  {
    ref: { type: "COMMUNE", code: "48080" },
    slug: "langogne",
    designation: "la commune de Langogne",
    head: "Maire",
    stationDistanceKm: 0.8,
    stationTimeMin: 3,
    publicTransport: "Gare de Langogne sur la ligne des Cévennes (Clermont-Ferrand – Nîmes), cars régionaux vers Mende et Le Puy-en-Velay.",
    rentT3: 460,
    territory:
      "Langogne est une petite ville de Lozère, en Margeride, sur les bords de l'Allier, à quelques minutes du lac de Naussac.\n" +
      "La commune dispose d'écoles, d'un collège, de services de santé, de commerces de proximité et d'un marché.\n" +
      "Le cadre de vie est celui de la moyenne montagne : randonnée, pêche, activités nautiques l'été et une vie associative dense.",
    projects:
      "Revitalisation du centre-bourg et requalification des espaces publics.\n" +
      "Rénovation énergétique des bâtiments communaux (écoles, mairie, équipements sportifs).\n" +
      "Renouvellement programmé des réseaux d'eau potable et mutualisation de services avec l'intercommunalité.",
  },
  {
    ref: { type: "COMMUNE", code: "15162" },
    slug: "riom-es-montagnes",
    designation: "la commune de Riom-ès-Montagnes",
    head: "Maire",
    stationDistanceKm: 38,
    stationTimeMin: 45,
    publicTransport: "Cars régionaux ; gares les plus proches sur la ligne Clermont-Ferrand – Aurillac.",
    rentT3: 420,
    territory:
      "Riom-ès-Montagnes est un bourg-centre du nord du Cantal, au cœur du pays Gentiane, sur les plateaux de l'Artense et du Cézallier.\n" +
      "La commune offre écoles, services de santé, commerces et équipements sportifs ; elle rayonne sur un bassin de vie rural étendu.\n" +
      "Grands espaces, volcans d'Auvergne et traditions fromagères font l'identité du territoire.",
    projects:
      "Modernisation des équipements sportifs et de loisirs.\n" +
      "Aménagement des entrées de bourg et sécurisation de la traversée.\n" +
      "Accueil de nouveaux habitants et de professionnels de santé.",
  },
  {
    ref: { type: "COMMUNE", code: "23030" },
    slug: "bourganeuf",
    designation: "la commune de Bourganeuf",
    head: "Maire",
    stationDistanceKm: 34,
    stationTimeMin: 35,
    publicTransport: "Cars régionaux vers Guéret et Limoges ; gare de Guéret à 35 minutes.",
    rentT3: 400,
    territory:
      "Bourganeuf est une petite ville de la Creuse, au patrimoine médiéval marqué (tour Zizim), aux portes du plateau de Millevaches.\n" +
      "Écoles, collège, services de santé et commerces en font un pôle de services pour le sud-ouest creusois.\n" +
      "Le territoire offre un cadre de vie apaisé, tourné vers la nature, les lacs et la randonnée.",
    projects:
      "Requalification du centre ancien et lutte contre la vacance des logements.\n" +
      "Rénovation thermique du groupe scolaire.\n" +
      "Développement de l'offre culturelle et touristique autour du patrimoine.",
  },
  {
    ref: { type: "COMMUNE", code: "39333" },
    slug: "moirans-en-montagne",
    designation: "la commune de Moirans-en-Montagne",
    head: "Maire",
    stationDistanceKm: 16,
    stationTimeMin: 20,
    publicTransport: "Cars régionaux ; gare de Saint-Claude à 20 minutes.",
    rentT3: 550,
    territory:
      "Moirans-en-Montagne est une commune du Haut-Jura, connue pour son savoir-faire dans la fabrication de jouets et proche du lac de Vouglans.\n" +
      "La commune compte écoles, commerces, entreprises industrielles et équipements culturels.\n" +
      "Forêts, lacs et sentiers offrent un cadre de vie recherché par les familles.",
    projects:
      "Extension et mise en accessibilité des équipements scolaires.\n" +
      "Aménagement de liaisons douces entre le bourg et les zones d'activités.\n" +
      "Valorisation touristique du patrimoine et des abords du lac.",
  },
  {
    ref: { type: "COMMUNE", code: "39154" },
    slug: "clairvaux-les-lacs",
    designation: "la commune de Clairvaux-les-Lacs",
    head: "Maire",
    stationDistanceKm: 22,
    stationTimeMin: 25,
    publicTransport: "Cars régionaux ; gare de Lons-le-Saunier à 25 minutes.",
    rentT3: 560,
    territory:
      "Clairvaux-les-Lacs est un village du Jura au bord de ses deux lacs, au cœur de la région des lacs.\n" +
      "École, commerces, services de santé et une forte activité touristique l'été.\n" +
      "Baignade, randonnée, cascades et forêts à proximité immédiate.",
    projects:
      "Préservation de la qualité des lacs et aménagement de leurs abords.\n" +
      "Rénovation de la mairie et des locaux associatifs.\n" +
      "Gestion de la fréquentation estivale et du stationnement.",
  },
  {
    ref: { type: "COMMUNE", code: "61038" },
    slug: "belleme",
    designation: "la commune de Bellême",
    head: "Maire",
    stationDistanceKm: 24,
    stationTimeMin: 30,
    publicTransport: "Cars départementaux ; gares de la ligne Paris – Le Mans à une demi-heure.",
    rentT3: 520,
    territory:
      "Bellême est une petite cité de caractère du Perche ornais, au patrimoine remarquable, en lisière d'une grande forêt domaniale.\n" +
      "Écoles, commerces, marché et services de santé répondent aux besoins d'un bassin de vie rural.\n" +
      "Le Perche attire de nouveaux habitants pour son cadre de vie, à deux heures de Paris.",
    projects:
      "Mise en valeur du patrimoine bâti et des espaces publics du centre.\n" +
      "Entretien et rénovation énergétique des bâtiments communaux.\n" +
      "Soutien au commerce de proximité.",
  },
  {
    ref: { type: "COMMUNE", code: "68175" },
    slug: "lapoutroie",
    designation: "la commune de Lapoutroie",
    head: "Maire",
    stationDistanceKm: 20,
    stationTimeMin: 25,
    publicTransport: "Lignes de car vers Kaysersberg et Colmar ; gare de Colmar à 25 minutes.",
    rentT3: 650,
    territory:
      "Lapoutroie est une commune de montagne du Haut-Rhin, dans la vallée de la Weiss, sur le versant alsacien des Vosges.\n" +
      "École, commerces et services de proximité ; collège et lycées dans la vallée et à Colmar.\n" +
      "Randonnée, ski nordique et patrimoine vosgien à proximité immédiate.",
    projects:
      "Adaptation des services techniques à la viabilité hivernale.\n" +
      "Rénovation de l'école et de la salle polyvalente.\n" +
      "Gestion forestière et entretien des chemins communaux.",
  },
  {
    ref: { type: "COMMUNE", code: "48095" },
    slug: "mende",
    designation: "la ville de Mende",
    head: "Maire",
    stationDistanceKm: 1.5,
    stationTimeMin: 5,
    publicTransport: "Gare TER, cars régionaux vers Montpellier, Clermont-Ferrand et Rodez, navettes urbaines.",
    rentT3: 560,
    territory:
      "Préfecture de la Lozère, Mende est une ville à taille humaine nichée dans la vallée du Lot, entre Causses, Cévennes, Aubrac et Margeride.\n" +
      "Elle concentre lycées, formations supérieures, centre hospitalier, équipements culturels et sportifs.\n" +
      "Les grands espaces sont à quelques minutes : randonnée, VTT, pêche et sports de nature.",
    projects:
      "Modernisation de la gestion financière et pilotage pluriannuel des investissements.\n" +
      "Rénovation urbaine du centre historique et mise en accessibilité des équipements.\n" +
      "Transition énergétique du patrimoine municipal.",
  },
  {
    ref: { type: "COMMUNE", code: "23096" },
    slug: "gueret",
    designation: "la ville de Guéret",
    head: "Maire",
    stationDistanceKm: 1.5,
    stationTimeMin: 5,
    publicTransport: "Gare SNCF, réseau de bus urbain de l'agglomération, cars régionaux.",
    rentT3: 480,
    territory:
      "Préfecture de la Creuse, Guéret est une ville verte adossée aux monts de Guéret, au cœur du Limousin.\n" +
      "Écoles, lycées, centre hospitalier, médiathèque, équipements sportifs et culturels.\n" +
      "Forêts, étangs et sentiers de randonnée commencent aux portes de la ville.",
    projects:
      "Réorganisation des services et projet d'administration.\n" +
      "Requalification des quartiers et des équipements publics.\n" +
      "Renforcement de l'offre enfance-jeunesse.",
  },
  {
    ref: { type: "COMMUNE", code: "15014" },
    slug: "aurillac",
    designation: "la ville d'Aurillac",
    head: "Maire",
    stationDistanceKm: 1,
    stationTimeMin: 4,
    publicTransport: "Gare SNCF, réseau de bus urbain, aéroport avec liaison vers Paris.",
    rentT3: 560,
    territory:
      "Préfecture du Cantal, Aurillac est la principale ville de la Haute-Auvergne, connue pour son festival de théâtre de rue.\n" +
      "Elle offre l'ensemble des services d'une ville moyenne : lycées, enseignement supérieur, centre hospitalier, équipements culturels et sportifs.\n" +
      "Les monts du Cantal et le Parc naturel régional des Volcans d'Auvergne sont à proximité.",
    projects:
      "Programme pluriannuel de rénovation du patrimoine bâti municipal.\n" +
      "Aménagement des espaces publics et développement des mobilités douces.\n" +
      "Renforcement de la tranquillité publique.",
  },
  {
    ref: { type: "COMMUNE", code: "39300" },
    slug: "lons-le-saunier",
    designation: "la ville de Lons-le-Saunier",
    head: "Maire",
    stationDistanceKm: 1,
    stationTimeMin: 4,
    publicTransport: "Gare SNCF (lignes vers Dijon, Besançon, Bourg-en-Bresse et Lyon), bus urbains.",
    rentT3: 580,
    territory:
      "Préfecture du Jura, Lons-le-Saunier est une ville thermale au pied du Revermont, entre vignobles et premiers plateaux du Jura.\n" +
      "Lycées, centre hospitalier, théâtre, conservatoire et nombreux équipements sportifs.\n" +
      "Lacs, cascades et forêts du Jura à moins d'une demi-heure.",
    projects:
      "Sécurisation de la ressource en eau et renouvellement des réseaux.\n" +
      "Révision des documents d'urbanisme et reconquête des logements vacants.\n" +
      "Transition écologique des services municipaux.",
  },
  {
    ref: { type: "COMMUNE", code: "29233" },
    slug: "quimperle",
    designation: "la ville de Quimperlé",
    head: "Maire",
    stationDistanceKm: 1.5,
    stationTimeMin: 5,
    publicTransport: "Gare desservie par les TGV Paris – Quimper et les TER, réseau de bus intercommunal.",
    rentT3: 650,
    territory:
      "Quimperlé est une ville du sud-Finistère, au confluent de l'Ellé et de l'Isole, entre ville haute et ville basse au riche patrimoine.\n" +
      "Écoles, collèges, lycées, hôpital, médiathèque et équipements sportifs.\n" +
      "La côte atlantique est à un quart d'heure, les forêts et les rivières tout autour.",
    projects:
      "Adaptation des bâtiments et des espaces publics au risque d'inondation.\n" +
      "Rénovation des écoles et développement de la restauration scolaire en produits locaux.\n" +
      "Modernisation du centre technique municipal.",
  },
  {
    ref: { type: "COMMUNE", code: "12202" },
    slug: "rodez",
    designation: "la ville de Rodez",
    head: "Maire",
    stationDistanceKm: 1.2,
    stationTimeMin: 5,
    publicTransport: "Gare SNCF, réseau de bus de l'agglomération, aéroport Rodez-Aveyron.",
    rentT3: 620,
    territory:
      "Préfecture de l'Aveyron, Rodez est une ville dynamique perchée sur son piton, autour de sa cathédrale et de ses musées.\n" +
      "Lycées, enseignement supérieur, centre hospitalier, équipements culturels et sportifs de rayonnement départemental.\n" +
      "Causses, vallées du Lot et de l'Aveyron et plateau de l'Aubrac à proximité.",
    projects:
      "Grands projets d'aménagement urbain et de rénovation des équipements.\n" +
      "Programmation pluriannuelle des travaux de voirie et de bâtiments.\n" +
      "Modernisation de la fonction ressources humaines.",
  },
  {
    ref: { type: "EPCI", siren: "200066660" },
    slug: "saint-flour-communaute",
    designation: "la Communauté de communes de Saint-Flour",
    head: "Président",
    stationDistanceKm: 2,
    stationTimeMin: 6,
    publicTransport: "Gare de Saint-Flour, cars régionaux, accès direct à l'A75.",
    rentT3: 480,
    territory:
      "La communauté de communes rassemble Saint-Flour, ville d'art et d'histoire perchée sur sa table basaltique, et les communes de la Planèze et de la Margeride.\n" +
      "Le territoire offre collèges, lycées, centre hospitalier et services au cœur d'un bassin de vie rural.\n" +
      "Volcans, gorges et grands plateaux : un cadre naturel préservé, desservi par l'A75.",
    projects:
      "Prise en charge et sécurisation des compétences eau, assainissement et GEMAPI.\n" +
      "Modernisation de la collecte et du traitement des déchets.\n" +
      "Développement économique et accueil d'entreprises le long de l'A75.",
  },
  {
    ref: { type: "DEPARTEMENT", code: "15" },
    slug: "cantal",
    designation: "le Département du Cantal",
    head: "Président du conseil départemental",
    stationDistanceKm: 1,
    stationTimeMin: 4,
    publicTransport: "Siège à Aurillac : gare SNCF, bus urbains, aéroport avec liaison vers Paris.",
    rentT3: 560,
    territory:
      "Le Cantal est un département de moyenne montagne au cœur du Massif central, autour du plus grand volcan d'Europe.\n" +
      "Les services départementaux sont répartis entre le siège d'Aurillac et des implantations territoriales au plus près des habitants.\n" +
      "Qualité de vie, grands espaces et coût du logement modéré.",
    projects:
      "Attractivité du territoire et accueil de nouveaux habitants.\n" +
      "Modernisation du réseau routier départemental et de la viabilité hivernale.\n" +
      "Renforcement de la protection maternelle et infantile et de l'accompagnement des personnes âgées.",
  },
  {
    ref: { type: "REGION", code: "53" },
    slug: "bretagne",
    designation: "la Région Bretagne",
    head: "Président du conseil régional",
    stationDistanceKm: 1.5,
    stationTimeMin: 10,
    publicTransport: "Siège à Rennes : gare TGV (Paris en 1 h 30), métro et bus.",
    rentT3: 900,
    territory:
      "La Région Bretagne exerce ses compétences (lycées, transports, développement économique, formation, environnement) sur quatre départements.\n" +
      "Les services sont installés à Rennes, métropole étudiante et culturelle, et dans des antennes territoriales.\n" +
      "La mer, le littoral et les terres intérieures sont à moins d'une heure.",
    projects:
      "Transition énergétique et climatique du patrimoine régional, lycées compris.\n" +
      "Modernisation des transports régionaux.\n" +
      "Simplification des aides aux entreprises et aux territoires.",
  },
];

/** The demo collectivité of dgs@vivier.test: Langogne (Lozère, 2,836 inhabitants). */
export const DEMO_COLLECTIVITE_COMMUNE = "48080";

export type SeedCollectivite = Place & { org: OfficialOrganization };

export function officialOrganization(ref: PlaceRef): OfficialOrganization {
  const found =
    ref.type === "COMMUNE" ? mapOr(getCommune(ref.code), communeToOrganization)
    : ref.type === "EPCI" ? mapOr(getEpci(ref.siren), epciToOrganization)
    : ref.type === "DEPARTEMENT" ? mapOr(getDepartement(ref.code), departementToOrganization)
    : mapOr(getRegion(ref.code), regionToOrganization);
  if (!found) throw new Error(`Seed: ${JSON.stringify(ref)} is not in the official list`);
  return found;
}

function mapOr<T, U>(value: T | undefined, f: (v: T) => U): U | undefined {
  return value === undefined ? undefined : f(value);
}

export function loadCollectivites(): SeedCollectivite[] {
  return PLACES.map((place) => ({ ...place, org: officialOrganization(place.ref) }));
}

/** "Commune de Langogne", "Commune d'Aurillac", "Commune du Genest-Saint-Isle". */
export function communeLabel(name: string): string {
  if (name.startsWith("Le ")) return `Commune du ${name.slice(3)}`;
  if (name.startsWith("Les ")) return `Commune des ${name.slice(4)}`;
  return /^[AEIOUYÀÂÉÈÊÎÏÔÛ]/.test(name) ? `Commune d'${name}` : `Commune de ${name}`;
}

/** "Commune de Langogne", "CC de Saint-Flour", "Cantal (département)": how a career lists an employer. */
export function employerLabel(org: OfficialOrganization): string {
  return org.type === "COMMUNE" ? communeLabel(org.name) : org.name;
}
