import { getCadre, type Categorie } from "~/reference/statute";

/**
 * Careers of the fonction publique territoriale, as the seed's candidates live them: each
 * archetype ties a cadre d'emplois (from app/reference/statute.ts) to the functions people of that cadre
 * actually hold, the kind of employer that has such a post, what they did before, what they know
 * and what they studied.
 */

/** A function title, masculine and feminine. */
export type Title = readonly [string, string];

/** The kind of official employer that has such a post. */
export type EmployerLevel =
  | "COMMUNE_RURALE" // fewer than 3,500 inhabitants
  | "COMMUNE_2K" // 2,000 to 10,000 (a DGS emploi fonctionnel)
  | "COMMUNE_10K" // 10,000 and more
  | "COMMUNE" // 1,000 and more
  | "EPCI"
  | "DEPARTEMENT"
  | "REGION";

export type Job = { title: Title; employers: readonly EmployerLevel[] };

export type Archetype = {
  key: string;
  cadre: string;
  /** Weight of each grade of the cadre, in the cadre's order. */
  gradeWeights: readonly number[];
  /** Share of this archetype among the candidates. */
  weight: number;
  jobs: readonly Job[];
  previous: readonly Title[];
  /** Private-sector counterparts, for candidates who come from the private sector. */
  privateJobs: ReadonlyArray<readonly [Title, string]>;
  competencies: readonly string[];
  diplomas: readonly string[];
  wished: readonly Title[];
  years: readonly [number, number];
  /** Annual gross pay expected, euros. */
  salary: readonly [number, number];
};

const t = (m: string, f?: string): Title => [m, f ?? m];

// Competencies, by domain: the words recruiters in collectivités actually use.
export const COMPETENCIES = {
  direction: ["Management d'équipe", "Pilotage de projets", "Conseil aux élus", "Préparation et suivi des assemblées délibérantes", "Droit des collectivités territoriales", "Intercommunalité", "Dialogue social", "Conduite du changement"],
  finances: ["Finances locales", "Gestion budgétaire M57", "Préparation budgétaire", "Prospective financière", "Exécution comptable", "Fiscalité locale", "Recherche de subventions", "Contrôle de gestion"],
  rh: ["Ressources humaines", "Statut de la fonction publique territoriale", "Paie et carrières", "Gestion des absences", "Prévention des risques professionnels", "Recrutement", "GPEEC"],
  marches: ["Marchés publics", "Commande publique", "Rédaction de cahiers des charges", "Analyse des offres"],
  urbanisme: ["Urbanisme", "Instruction des autorisations d'urbanisme", "PLU et PLUi", "Droit des sols", "Foncier"],
  accueil: ["Accueil du public", "État civil", "Élections", "Recensement de la population", "Gestion des cimetières", "Secrétariat", "Gestion du courrier"],
  techDirection: ["Voirie et réseaux divers", "Eau et assainissement", "Maîtrise d'ouvrage publique", "Gestion du patrimoine bâti", "Marchés de travaux", "Encadrement d'équipes techniques", "Programmation pluriannuelle des investissements", "Transition énergétique"],
  techTerrain: ["Espaces verts", "Gestion différenciée", "Entretien de la voirie", "Déneigement et viabilité hivernale", "Maçonnerie", "Plomberie", "Électricité (habilitation)", "Conduite d'engins", "Petits travaux de bâtiment", "Entretien du matériel", "Propreté urbaine"],
  techB: ["SIG", "Dessin assisté par ordinateur", "Suivi de chantier", "Sécurité des ERP", "Éclairage public", "Accessibilité", "Métrés et estimations", "Voirie et réseaux divers"],
  eau: ["Eau et assainissement", "GEMAPI", "Gestion des stations d'épuration", "Schémas directeurs", "Délégations de service public"],
  dechets: ["Collecte des déchets", "Gestion des déchetteries", "Économie circulaire"],
  culture: ["Lecture publique", "Animation culturelle", "Médiation numérique", "Gestion des collections", "Accueil des publics scolaires", "Catalogage"],
  sport: ["Encadrement des activités physiques", "Surveillance des baignades", "Gestion des équipements sportifs", "Projets sportifs de territoire"],
  social: ["Accompagnement social", "Action sociale", "Protection de l'enfance", "Insertion", "Travail en réseau partenarial"],
  petiteEnfance: ["Petite enfance", "Projet pédagogique", "Accueil des familles", "Hygiène et sécurité alimentaire (HACCP)", "Entretien des locaux", "Accompagnement de l'enfant"],
  animation: ["Animation enfance-jeunesse", "Direction d'accueil collectif de mineurs", "Projet éducatif de territoire", "Périscolaire", "BAFA", "BAFD"],
  police: ["Police de proximité", "Pouvoirs de police du maire", "Rédaction d'actes de procédure", "Vidéoprotection", "Sécurité routière", "Médiation"],
  sante: ["Protection maternelle et infantile", "Consultations de nourrissons", "Prévention santé", "Agrément des assistants maternels"],
  routes: ["Routes départementales", "Exploitation de la route", "Déneigement et viabilité hivernale", "Ouvrages d'art"],
  lycees: ["Maintenance des bâtiments", "Entretien des locaux", "Restauration collective", "Accueil"],
} as const;

const C = COMPETENCIES;

export const ARCHETYPES: readonly Archetype[] = [
  // Filière administrative
  {
    key: "adm-direction", cadre: "attaches", gradeWeights: [0.3, 0.55, 0.15], weight: 6,
    jobs: [
      { title: t("Directeur général des services", "Directrice générale des services"), employers: ["COMMUNE_2K"] },
      { title: t("Directeur général des services", "Directrice générale des services"), employers: ["EPCI"] },
      { title: t("Directeur général adjoint des services", "Directrice générale adjointe des services"), employers: ["COMMUNE_10K"] },
    ],
    previous: [t("Secrétaire général de mairie", "Secrétaire générale de mairie"), t("Responsable des finances"), t("Directeur des ressources humaines", "Directrice des ressources humaines"), t("Chargé de mission développement local", "Chargée de mission développement local")],
    privateJobs: [],
    competencies: [...C.direction, ...C.finances.slice(0, 4), ...C.marches.slice(0, 2), "Ressources humaines"],
    diplomas: ["Master Administration publique (IPAG)", "Master Droit public", "Master Management des collectivités territoriales", "Diplôme d'institut d'études politiques"],
    wished: [t("Directeur général des services", "Directrice générale des services"), t("Directeur général adjoint des services", "Directrice générale adjointe des services")],
    years: [10, 28], salary: [48000, 64000],
  },
  {
    key: "adm-finances", cadre: "attaches", gradeWeights: [0.6, 0.35, 0.05], weight: 5,
    jobs: [
      { title: t("Responsable des finances"), employers: ["COMMUNE_10K", "EPCI"] },
      { title: t("Directeur des finances", "Directrice des finances"), employers: ["COMMUNE_10K", "DEPARTEMENT"] },
      { title: t("Contrôleur de gestion", "Contrôleuse de gestion"), employers: ["DEPARTEMENT", "REGION"] },
    ],
    previous: [t("Gestionnaire budgétaire"), t("Chargé de mission finances", "Chargée de mission finances"), t("Comptable")],
    privateJobs: [[t("Contrôleur de gestion", "Contrôleuse de gestion"), "Groupe industriel régional"], [t("Responsable comptable"), "Cabinet d'expertise comptable"]],
    competencies: [...C.finances, ...C.marches.slice(0, 2), "Management d'équipe"],
    diplomas: ["Master Finances publiques", "Master Comptabilité, contrôle, audit", "Master Administration publique (IPAG)", "Licence Économie et gestion"],
    wished: [t("Directeur des finances", "Directrice des finances"), t("Directeur général adjoint des services", "Directrice générale adjointe des services"), t("Responsable des finances")],
    years: [5, 22], salary: [40000, 56000],
  },
  {
    key: "adm-rh", cadre: "attaches", gradeWeights: [0.6, 0.35, 0.05], weight: 4,
    jobs: [
      { title: t("Responsable des ressources humaines"), employers: ["COMMUNE_10K", "EPCI"] },
      { title: t("Directeur des ressources humaines", "Directrice des ressources humaines"), employers: ["COMMUNE_10K", "DEPARTEMENT"] },
    ],
    previous: [t("Gestionnaire carrière et paie"), t("Chargé de recrutement", "Chargée de recrutement"), t("Conseiller en prévention", "Conseillère en prévention")],
    privateJobs: [[t("Responsable ressources humaines"), "PME agroalimentaire"], [t("Chargé de recrutement", "Chargée de recrutement"), "Cabinet de recrutement"]],
    competencies: [...C.rh, "Dialogue social", "Management d'équipe", "Préparation budgétaire"],
    diplomas: ["Master Gestion des ressources humaines", "Master Administration publique (IPAG)", "Master Droit social"],
    wished: [t("Directeur des ressources humaines", "Directrice des ressources humaines"), t("Responsable des ressources humaines"), t("Directeur général adjoint des services", "Directrice générale adjointe des services")],
    years: [5, 22], salary: [40000, 56000],
  },
  {
    key: "adm-commande-publique", cadre: "attaches", gradeWeights: [0.7, 0.3, 0], weight: 2,
    jobs: [
      { title: t("Responsable de la commande publique"), employers: ["COMMUNE_10K", "EPCI", "DEPARTEMENT"] },
      { title: t("Juriste marchés publics"), employers: ["DEPARTEMENT", "REGION"] },
    ],
    previous: [t("Gestionnaire marchés publics"), t("Juriste")],
    privateJobs: [[t("Juriste d'entreprise"), "Entreprise de travaux publics"]],
    competencies: [...C.marches, "Droit des collectivités territoriales", "Délégations de service public", "Conduite du changement"],
    diplomas: ["Master Droit public des affaires", "Master Droit public", "Master Administration publique (IPAG)"],
    wished: [t("Responsable de la commande publique"), t("Directeur des affaires juridiques", "Directrice des affaires juridiques")],
    years: [4, 18], salary: [38000, 52000],
  },
  {
    key: "adm-administrateur", cadre: "administrateurs", gradeWeights: [0.6, 0.35, 0.05], weight: 1.5,
    jobs: [
      { title: t("Directeur général des services", "Directrice générale des services"), employers: ["COMMUNE_10K"] },
      { title: t("Directeur général adjoint des services", "Directrice générale adjointe des services"), employers: ["DEPARTEMENT", "REGION"] },
    ],
    previous: [t("Directeur des finances", "Directrice des finances"), t("Directeur général adjoint des services", "Directrice générale adjointe des services"), t("Directeur de cabinet", "Directrice de cabinet")],
    privateJobs: [],
    competencies: [...C.direction, "Prospective financière", "Contrôle de gestion", "Commande publique"],
    diplomas: ["Diplôme de l'Institut national du service public", "Master Affaires publiques", "Diplôme d'institut d'études politiques"],
    wished: [t("Directeur général des services", "Directrice générale des services"), t("Directeur général adjoint des services", "Directrice générale adjointe des services")],
    years: [12, 30], salary: [72000, 95000],
  },
  {
    key: "adm-sgm", cadre: "redacteurs", gradeWeights: [0.35, 0.35, 0.3], weight: 8,
    jobs: [{ title: t("Secrétaire général de mairie", "Secrétaire générale de mairie"), employers: ["COMMUNE_RURALE"] }],
    previous: [t("Secrétaire de mairie"), t("Agent d'accueil et d'état civil", "Agente d'accueil et d'état civil"), t("Assistant comptable", "Assistante comptable")],
    privateJobs: [],
    competencies: [...C.accueil.slice(0, 4), "Gestion budgétaire M57", "Préparation budgétaire", "Paie et carrières", "Urbanisme", "Préparation et suivi des assemblées délibérantes", "Marchés publics"],
    diplomas: ["Licence Administration économique et sociale", "DUT Carrières juridiques", "Licence professionnelle Métiers de l'administration territoriale", "BTS Assistant de gestion PME-PMI"],
    wished: [t("Secrétaire général de mairie", "Secrétaire générale de mairie"), t("Responsable administratif et financier", "Responsable administrative et financière")],
    years: [4, 25], salary: [28000, 36000],
  },
  {
    key: "adm-redacteur", cadre: "redacteurs", gradeWeights: [0.45, 0.35, 0.2], weight: 6,
    jobs: [
      { title: t("Gestionnaire ressources humaines"), employers: ["COMMUNE_10K", "EPCI", "DEPARTEMENT"] },
      { title: t("Gestionnaire marchés publics"), employers: ["COMMUNE_10K", "DEPARTEMENT"] },
      { title: t("Comptable"), employers: ["COMMUNE_10K", "EPCI"] },
      { title: t("Assistant de direction", "Assistante de direction"), employers: ["COMMUNE_10K", "REGION"] },
      { title: t("Instructeur des autorisations d'urbanisme", "Instructrice des autorisations d'urbanisme"), employers: ["EPCI", "COMMUNE_10K"] },
    ],
    previous: [t("Agent administratif", "Agente administrative"), t("Gestionnaire paie"), t("Agent d'accueil et d'état civil", "Agente d'accueil et d'état civil")],
    privateJobs: [[t("Assistant de gestion", "Assistante de gestion"), "PME du bâtiment"], [t("Comptable"), "Cabinet d'expertise comptable"]],
    competencies: [...C.rh.slice(0, 3), ...C.marches.slice(0, 2), "Exécution comptable", "Gestion budgétaire M57", "Instruction des autorisations d'urbanisme", "Secrétariat"],
    diplomas: ["Licence Administration économique et sociale", "BTS Comptabilité et gestion", "DUT Carrières juridiques", "Licence Droit"],
    wished: [t("Secrétaire général de mairie", "Secrétaire générale de mairie"), t("Gestionnaire ressources humaines"), t("Responsable administratif et financier", "Responsable administrative et financière")],
    years: [3, 20], salary: [27000, 35000],
  },
  {
    key: "adm-adjoint", cadre: "adjoints-administratifs", gradeWeights: [0.4, 0.4, 0.2], weight: 10,
    jobs: [
      { title: t("Agent d'accueil et d'état civil", "Agente d'accueil et d'état civil"), employers: ["COMMUNE"] },
      { title: t("Secrétaire de mairie"), employers: ["COMMUNE_RURALE"] },
      { title: t("Assistant administratif", "Assistante administrative"), employers: ["EPCI", "DEPARTEMENT"] },
      { title: t("Gestionnaire paie"), employers: ["COMMUNE_10K", "EPCI"] },
      { title: t("Agent de gestion comptable", "Agente de gestion comptable"), employers: ["COMMUNE_10K", "EPCI"] },
    ],
    previous: [t("Agent d'accueil", "Agente d'accueil"), t("Agent administratif", "Agente administrative"), t("Secrétaire")],
    privateJobs: [[t("Secrétaire administratif", "Secrétaire administrative"), "Office notarial"], [t("Hôte d'accueil", "Hôtesse d'accueil"), "Agence bancaire"]],
    competencies: [...C.accueil, "Exécution comptable", "Paie et carrières", "Marchés publics"],
    diplomas: ["Baccalauréat professionnel Gestion-administration", "Baccalauréat STMG", "BTS Support à l'action managériale", "CAP Employé de bureau"],
    wished: [t("Agent d'accueil et d'état civil", "Agente d'accueil et d'état civil"), t("Secrétaire de mairie"), t("Gestionnaire paie")],
    years: [1, 25], salary: [21500, 27000],
  },
  // Filière technique
  {
    key: "tech-dgst", cadre: "ingenieurs-en-chef", gradeWeights: [0.7, 0.25, 0.05], weight: 1,
    jobs: [
      { title: t("Directeur général des services techniques", "Directrice générale des services techniques"), employers: ["COMMUNE_10K"] },
      { title: t("Directeur général adjoint aménagement", "Directrice générale adjointe aménagement"), employers: ["DEPARTEMENT", "REGION"] },
    ],
    previous: [t("Directeur des services techniques", "Directrice des services techniques"), t("Responsable du patrimoine bâti"), t("Chef de projet aménagement", "Cheffe de projet aménagement")],
    privateJobs: [],
    competencies: [...C.techDirection, "Management d'équipe", "Conseil aux élus"],
    diplomas: ["Diplôme d'ingénieur en génie civil", "Diplôme d'ingénieur de l'École nationale des travaux publics de l'État", "Master Aménagement et urbanisme"],
    wished: [t("Directeur général des services techniques", "Directrice générale des services techniques"), t("Directeur général adjoint des services", "Directrice générale adjointe des services")],
    years: [15, 30], salary: [65000, 85000],
  },
  {
    key: "tech-ingenieur", cadre: "ingenieurs", gradeWeights: [0.5, 0.4, 0.1], weight: 6,
    jobs: [
      { title: t("Directeur des services techniques", "Directrice des services techniques"), employers: ["COMMUNE_10K", "EPCI"] },
      { title: t("Responsable du service eau et assainissement"), employers: ["EPCI"] },
      { title: t("Responsable du patrimoine bâti"), employers: ["COMMUNE_10K", "DEPARTEMENT", "REGION"] },
      { title: t("Chargé d'opérations bâtiments", "Chargée d'opérations bâtiments"), employers: ["DEPARTEMENT", "REGION"] },
    ],
    previous: [t("Technicien voirie et réseaux", "Technicienne voirie et réseaux"), t("Chargé d'études", "Chargée d'études"), t("Conducteur de travaux", "Conductrice de travaux")],
    privateJobs: [[t("Chargé d'affaires VRD", "Chargée d'affaires VRD"), "Bureau d'études VRD"], [t("Ingénieur travaux", "Ingénieure travaux"), "Entreprise de travaux publics"]],
    competencies: [...C.techDirection, ...C.eau.slice(0, 3), "Marchés publics", "Management d'équipe"],
    diplomas: ["Diplôme d'ingénieur en génie civil", "Diplôme d'ingénieur en environnement", "Master Génie urbain", "Diplôme d'ingénieur en énergétique du bâtiment"],
    wished: [t("Directeur des services techniques", "Directrice des services techniques"), t("Responsable du service eau et assainissement"), t("Directeur général des services techniques", "Directrice générale des services techniques")],
    years: [4, 25], salary: [42000, 60000],
  },
  {
    key: "tech-technicien", cadre: "techniciens", gradeWeights: [0.35, 0.35, 0.3], weight: 7,
    jobs: [
      { title: t("Responsable des services techniques"), employers: ["COMMUNE_2K", "COMMUNE_RURALE"] },
      { title: t("Technicien voirie et réseaux", "Technicienne voirie et réseaux"), employers: ["COMMUNE_10K", "EPCI"] },
      { title: t("Technicien bâtiments", "Technicienne bâtiments"), employers: ["COMMUNE_10K", "EPCI", "REGION"] },
      { title: t("Technicien SIG", "Technicienne SIG"), employers: ["EPCI", "DEPARTEMENT"] },
      { title: t("Technicien routes", "Technicienne routes"), employers: ["DEPARTEMENT"] },
    ],
    previous: [t("Agent de maîtrise", "Agente de maîtrise"), t("Dessinateur projeteur", "Dessinatrice projeteuse"), t("Technicien de chantier", "Technicienne de chantier")],
    privateJobs: [[t("Conducteur de travaux", "Conductrice de travaux"), "Entreprise de travaux publics"], [t("Dessinateur projeteur", "Dessinatrice projeteuse"), "Bureau d'études VRD"]],
    competencies: [...C.techB, "Marchés de travaux", "Encadrement d'équipes techniques", "Gestion du patrimoine bâti", "Eau et assainissement", "Déneigement et viabilité hivernale"],
    diplomas: ["BTS Travaux publics", "DUT Génie civil – construction durable", "BTS Bâtiment", "Licence professionnelle Systèmes d'information géographique"],
    wished: [t("Responsable des services techniques"), t("Technicien voirie et réseaux", "Technicienne voirie et réseaux"), t("Directeur des services techniques", "Directrice des services techniques")],
    years: [3, 25], salary: [28000, 38000],
  },
  {
    key: "tech-maitrise", cadre: "agents-maitrise", gradeWeights: [0.55, 0.45], weight: 5,
    jobs: [
      { title: t("Chef d'équipe espaces verts", "Cheffe d'équipe espaces verts"), employers: ["COMMUNE"] },
      { title: t("Chef d'équipe voirie", "Cheffe d'équipe voirie"), employers: ["COMMUNE", "EPCI"] },
      { title: t("Responsable d'atelier mécanique"), employers: ["COMMUNE_10K", "DEPARTEMENT"] },
      { title: t("Chef d'équipe collecte", "Cheffe d'équipe collecte"), employers: ["EPCI"] },
    ],
    previous: [t("Agent des espaces verts", "Agente des espaces verts"), t("Agent de voirie", "Agente de voirie"), t("Agent polyvalent des services techniques", "Agente polyvalente des services techniques")],
    privateJobs: [[t("Chef d'équipe", "Cheffe d'équipe"), "Entreprise paysagiste"]],
    competencies: [...C.techTerrain, "Encadrement d'équipes techniques", "Prévention des risques professionnels"],
    diplomas: ["Baccalauréat professionnel Aménagements paysagers", "BTS Aménagements paysagers", "Baccalauréat professionnel Travaux publics", "CAP Maintenance des matériels"],
    wished: [t("Chef d'équipe espaces verts", "Cheffe d'équipe espaces verts"), t("Responsable des services techniques"), t("Chef d'équipe voirie", "Cheffe d'équipe voirie")],
    years: [6, 28], salary: [24000, 30000],
  },
  {
    key: "tech-adjoint", cadre: "adjoints-techniques", gradeWeights: [0.4, 0.4, 0.2], weight: 12,
    jobs: [
      { title: t("Agent polyvalent des services techniques", "Agente polyvalente des services techniques"), employers: ["COMMUNE_RURALE", "COMMUNE"] },
      { title: t("Agent des espaces verts", "Agente des espaces verts"), employers: ["COMMUNE"] },
      { title: t("Agent de voirie", "Agente de voirie"), employers: ["COMMUNE", "EPCI"] },
      { title: t("Agent d'entretien des bâtiments", "Agente d'entretien des bâtiments"), employers: ["COMMUNE", "EPCI"] },
      { title: t("Agent d'exploitation des routes", "Agente d'exploitation des routes"), employers: ["DEPARTEMENT"] },
      { title: t("Agent de collecte", "Agente de collecte"), employers: ["EPCI"] },
    ],
    previous: [t("Ouvrier paysagiste", "Ouvrière paysagiste"), t("Maçon"), t("Agent d'entretien", "Agente d'entretien")],
    privateJobs: [[t("Ouvrier paysagiste", "Ouvrière paysagiste"), "Entreprise paysagiste"], [t("Ouvrier du bâtiment", "Ouvrière du bâtiment"), "Entreprise de maçonnerie"]],
    competencies: [...C.techTerrain, "Prévention des risques professionnels"],
    diplomas: ["CAP Jardinier paysagiste", "CAP Maçon", "Baccalauréat professionnel Aménagements paysagers", "CAP Maintenance des bâtiments de collectivités", "Permis poids lourd (C)"],
    wished: [t("Agent polyvalent des services techniques", "Agente polyvalente des services techniques"), t("Agent des espaces verts", "Agente des espaces verts"), t("Chef d'équipe espaces verts", "Cheffe d'équipe espaces verts")],
    years: [1, 30], salary: [21500, 26000],
  },
  {
    key: "tech-adjoint-ee", cadre: "adjoints-techniques-ee", gradeWeights: [0.5, 0.35, 0.15], weight: 2,
    jobs: [
      { title: t("Agent de maintenance en lycée", "Agente de maintenance en lycée"), employers: ["REGION"] },
      { title: t("Agent de restauration en collège", "Agente de restauration en collège"), employers: ["DEPARTEMENT"] },
    ],
    previous: [t("Agent d'entretien", "Agente d'entretien"), t("Commis de cuisine")],
    privateJobs: [[t("Cuisinier", "Cuisinière"), "Société de restauration collective"]],
    competencies: [...C.lycees, "Hygiène et sécurité alimentaire (HACCP)", "Petits travaux de bâtiment"],
    diplomas: ["CAP Cuisine", "CAP Agent polyvalent de restauration", "CAP Maintenance des bâtiments de collectivités"],
    wished: [t("Agent de maintenance en lycée", "Agente de maintenance en lycée"), t("Agent de restauration en collège", "Agente de restauration en collège")],
    years: [1, 25], salary: [21500, 25500],
  },
  // Filière culturelle
  {
    key: "cult-bibliothecaire", cadre: "bibliothecaires", gradeWeights: [0.7, 0.3], weight: 1,
    jobs: [{ title: t("Directeur de médiathèque", "Directrice de médiathèque"), employers: ["COMMUNE_10K", "EPCI"] }],
    previous: [t("Responsable de médiathèque"), t("Chargé des collections", "Chargée des collections")],
    privateJobs: [],
    competencies: [...C.culture, "Management d'équipe", "Préparation budgétaire"],
    diplomas: ["Master Métiers du livre et de l'édition", "Master Sciences de l'information et des bibliothèques"],
    wished: [t("Directeur de médiathèque", "Directrice de médiathèque"), t("Directeur des affaires culturelles", "Directrice des affaires culturelles")],
    years: [6, 22], salary: [38000, 50000],
  },
  {
    key: "cult-assistant", cadre: "assistants-conservation", gradeWeights: [0.5, 0.3, 0.2], weight: 2,
    jobs: [{ title: t("Responsable de médiathèque"), employers: ["COMMUNE_2K", "EPCI"] }, { title: t("Assistant de conservation", "Assistante de conservation"), employers: ["COMMUNE_10K"] }],
    previous: [t("Agent de bibliothèque", "Agente de bibliothèque"), t("Médiateur du livre", "Médiatrice du livre")],
    privateJobs: [[t("Libraire"), "Librairie indépendante"]],
    competencies: [...C.culture, "Accueil du public"],
    diplomas: ["DUT Information-communication, option métiers du livre", "Licence professionnelle Métiers du livre", "Licence Lettres modernes"],
    wished: [t("Responsable de médiathèque"), t("Directeur de médiathèque", "Directrice de médiathèque")],
    years: [3, 20], salary: [27000, 34000],
  },
  {
    key: "cult-adjoint", cadre: "adjoints-patrimoine", gradeWeights: [0.5, 0.35, 0.15], weight: 2,
    jobs: [{ title: t("Agent de bibliothèque", "Agente de bibliothèque"), employers: ["COMMUNE", "EPCI"] }],
    previous: [t("Animateur lecture", "Animatrice lecture"), t("Agent d'accueil", "Agente d'accueil")],
    privateJobs: [[t("Vendeur en librairie", "Vendeuse en librairie"), "Librairie indépendante"]],
    competencies: [...C.culture.slice(0, 4), "Accueil du public"],
    diplomas: ["Baccalauréat littéraire", "DUT Métiers du livre", "Diplôme d'auxiliaire de bibliothèque"],
    wished: [t("Agent de bibliothèque", "Agente de bibliothèque"), t("Responsable de médiathèque")],
    years: [1, 20], salary: [21500, 25500],
  },
  // Filière sportive
  {
    key: "sport-educateur", cadre: "educateurs-aps", gradeWeights: [0.5, 0.3, 0.2], weight: 2,
    jobs: [{ title: t("Éducateur sportif", "Éducatrice sportive"), employers: ["COMMUNE_10K", "EPCI"] }, { title: t("Responsable du service des sports"), employers: ["COMMUNE_10K"] }],
    previous: [t("Maître-nageur sauveteur"), t("Animateur sportif", "Animatrice sportive")],
    privateJobs: [[t("Coach sportif", "Coach sportive"), "Salle de sport"]],
    competencies: [...C.sport, "Animation enfance-jeunesse"],
    diplomas: ["Licence STAPS", "BPJEPS Activités aquatiques et de la natation", "DEJEPS"],
    wished: [t("Responsable du service des sports"), t("Éducateur sportif", "Éducatrice sportive")],
    years: [2, 20], salary: [27000, 34000],
  },
  // Filière sociale
  {
    key: "soc-ase", cadre: "assistants-socio-educatifs", gradeWeights: [0.75, 0.25], weight: 2,
    jobs: [{ title: t("Travailleur social", "Travailleuse sociale"), employers: ["DEPARTEMENT"] }, { title: t("Responsable de l'action sociale"), employers: ["COMMUNE_10K"] }],
    previous: [t("Assistant de service social", "Assistante de service social"), t("Conseiller en économie sociale et familiale", "Conseillère en économie sociale et familiale")],
    privateJobs: [[t("Travailleur social", "Travailleuse sociale"), "Association d'insertion"]],
    competencies: [...C.social, "Accueil du public"],
    diplomas: ["Diplôme d'État d'assistant de service social", "Diplôme d'État de conseiller en économie sociale et familiale"],
    wished: [t("Travailleur social", "Travailleuse sociale"), t("Responsable de l'action sociale")],
    years: [2, 25], salary: [30000, 38000],
  },
  {
    key: "soc-eje", cadre: "educateurs-jeunes-enfants", gradeWeights: [0.75, 0.25], weight: 2,
    jobs: [{ title: t("Directeur de multi-accueil", "Directrice de multi-accueil"), employers: ["COMMUNE_10K", "EPCI"] }, { title: t("Éducateur de jeunes enfants", "Éducatrice de jeunes enfants"), employers: ["COMMUNE_10K", "EPCI"] }],
    previous: [t("Éducateur de jeunes enfants", "Éducatrice de jeunes enfants"), t("Auxiliaire de puériculture")],
    privateJobs: [[t("Éducateur de jeunes enfants", "Éducatrice de jeunes enfants"), "Crèche associative"]],
    competencies: [...C.petiteEnfance, "Management d'équipe"],
    diplomas: ["Diplôme d'État d'éducateur de jeunes enfants"],
    wished: [t("Directeur de multi-accueil", "Directrice de multi-accueil"), t("Coordinateur petite enfance", "Coordinatrice petite enfance")],
    years: [2, 22], salary: [30000, 40000],
  },
  {
    key: "soc-atsem", cadre: "atsem", gradeWeights: [0.6, 0.4], weight: 4,
    jobs: [{ title: t("ATSEM"), employers: ["COMMUNE"] }],
    previous: [t("Agent périscolaire", "Agente périscolaire"), t("Auxiliaire de vie scolaire")],
    privateJobs: [],
    competencies: [...C.petiteEnfance, "Périscolaire"],
    diplomas: ["CAP Accompagnant éducatif petite enfance", "Baccalauréat professionnel Services aux personnes"],
    wished: [t("ATSEM")],
    years: [1, 25], salary: [21500, 26000],
  },
  {
    key: "soc-agent-social", cadre: "agents-sociaux", gradeWeights: [0.5, 0.35, 0.15], weight: 2,
    jobs: [{ title: t("Aide à domicile"), employers: ["COMMUNE", "EPCI"] }, { title: t("Agent social en crèche", "Agente sociale en crèche"), employers: ["COMMUNE_10K"] }],
    previous: [t("Auxiliaire de vie"), t("Agent d'entretien", "Agente d'entretien")],
    privateJobs: [[t("Auxiliaire de vie"), "Association d'aide à domicile"]],
    competencies: ["Accompagnement de l'enfant", "Accueil des familles", "Entretien des locaux", "Action sociale", "Accompagnement social"],
    diplomas: ["Diplôme d'État d'accompagnant éducatif et social", "CAP Accompagnant éducatif petite enfance"],
    wished: [t("Aide à domicile"), t("Agent social en crèche", "Agente sociale en crèche")],
    years: [1, 25], salary: [21500, 25000],
  },
  // Filière médico-sociale
  {
    key: "med-puericultrice", cadre: "puericultrices", gradeWeights: [0.7, 0.3], weight: 1,
    jobs: [{ title: t("Puériculteur de PMI", "Puéricultrice de PMI"), employers: ["DEPARTEMENT"] }, { title: t("Directeur de crèche", "Directrice de crèche"), employers: ["COMMUNE_10K"] }],
    previous: [t("Infirmier", "Infirmière"), t("Puériculteur en maternité", "Puéricultrice en maternité")],
    privateJobs: [[t("Puériculteur", "Puéricultrice"), "Clinique privée"]],
    competencies: [...C.sante, "Petite enfance", "Travail en réseau partenarial"],
    diplomas: ["Diplôme d'État de puéricultrice", "Diplôme d'État d'infirmier"],
    wished: [t("Puériculteur de PMI", "Puéricultrice de PMI"), t("Directeur de crèche", "Directrice de crèche")],
    years: [4, 25], salary: [34000, 44000],
  },
  {
    key: "med-infirmier", cadre: "infirmiers-soins-generaux", gradeWeights: [0.75, 0.25], weight: 1,
    jobs: [{ title: t("Infirmier de PMI", "Infirmière de PMI"), employers: ["DEPARTEMENT"] }],
    previous: [t("Infirmier", "Infirmière")],
    privateJobs: [[t("Infirmier", "Infirmière"), "Clinique privée"]],
    competencies: [...C.sante, "Prévention santé", "Accompagnement social"],
    diplomas: ["Diplôme d'État d'infirmier"],
    wished: [t("Infirmier de PMI", "Infirmière de PMI")],
    years: [3, 25], salary: [31000, 40000],
  },
  // Filière animation
  {
    key: "anim-animateur", cadre: "animateurs", gradeWeights: [0.5, 0.3, 0.2], weight: 3,
    jobs: [{ title: t("Coordinateur enfance-jeunesse", "Coordinatrice enfance-jeunesse"), employers: ["COMMUNE_2K", "EPCI"] }, { title: t("Directeur d'accueil de loisirs", "Directrice d'accueil de loisirs"), employers: ["COMMUNE_10K", "EPCI"] }],
    previous: [t("Animateur périscolaire", "Animatrice périscolaire"), t("Directeur adjoint d'accueil de loisirs", "Directrice adjointe d'accueil de loisirs")],
    privateJobs: [[t("Animateur socioculturel", "Animatrice socioculturelle"), "Centre social associatif"]],
    competencies: [...C.animation, "Management d'équipe", "Préparation budgétaire"],
    diplomas: ["BPJEPS Loisirs tous publics", "DEJEPS Animation socio-éducative ou culturelle", "DUT Carrières sociales"],
    wished: [t("Coordinateur enfance-jeunesse", "Coordinatrice enfance-jeunesse"), t("Responsable du service enfance-jeunesse")],
    years: [3, 20], salary: [27000, 34000],
  },
  {
    key: "anim-adjoint", cadre: "adjoints-animation", gradeWeights: [0.55, 0.35, 0.1], weight: 4,
    jobs: [{ title: t("Animateur périscolaire", "Animatrice périscolaire"), employers: ["COMMUNE"] }, { title: t("Animateur de l'accueil de loisirs", "Animatrice de l'accueil de loisirs"), employers: ["COMMUNE", "EPCI"] }],
    previous: [t("Animateur vacataire", "Animatrice vacataire"), t("Agent périscolaire", "Agente périscolaire")],
    privateJobs: [[t("Animateur", "Animatrice"), "Association d'éducation populaire"]],
    competencies: [...C.animation.slice(0, 5), "Accompagnement de l'enfant"],
    diplomas: ["BAFA", "CAP Accompagnant éducatif petite enfance", "BPJEPS Loisirs tous publics"],
    wished: [t("Animateur de l'accueil de loisirs", "Animatrice de l'accueil de loisirs"), t("Directeur d'accueil de loisirs", "Directrice d'accueil de loisirs")],
    years: [1, 18], salary: [21500, 25000],
  },
  // Filière police municipale
  {
    key: "pm-chef", cadre: "chefs-service-pm", gradeWeights: [0.4, 0.35, 0.25], weight: 1.5,
    jobs: [{ title: t("Chef de service de police municipale", "Cheffe de service de police municipale"), employers: ["COMMUNE_10K"] }],
    previous: [t("Policier municipal", "Policière municipale"), t("Gendarme")],
    privateJobs: [],
    competencies: [...C.police, "Management d'équipe"],
    diplomas: ["Baccalauréat", "Licence Droit"],
    wished: [t("Chef de service de police municipale", "Cheffe de service de police municipale"), t("Directeur de la police municipale", "Directrice de la police municipale")],
    years: [8, 25], salary: [30000, 38000],
  },
  {
    key: "pm-agent", cadre: "agents-pm", gradeWeights: [0.55, 0.45], weight: 3,
    jobs: [{ title: t("Policier municipal", "Policière municipale"), employers: ["COMMUNE_10K", "COMMUNE_2K"] }],
    previous: [t("Agent de surveillance de la voie publique", "Agente de surveillance de la voie publique"), t("Gendarme adjoint volontaire")],
    privateJobs: [[t("Agent de sécurité", "Agente de sécurité"), "Société de sécurité privée"]],
    competencies: C.police,
    diplomas: ["Baccalauréat professionnel Métiers de la sécurité", "Baccalauréat"],
    wished: [t("Policier municipal", "Policière municipale"), t("Chef de service de police municipale", "Cheffe de service de police municipale")],
    years: [2, 22], salary: [24000, 30000],
  },
];

// Every archetype names a cadre of the reference list, with one weight per grade.
for (const a of ARCHETYPES) {
  const cadre = getCadre(a.cadre);
  if (!cadre) throw new Error(`Seed archetype ${a.key}: unknown cadre ${a.cadre}`);
  if (cadre.grades.length !== a.gradeWeights.length) throw new Error(`Seed archetype ${a.key}: ${cadre.grades.length} grades`);
}

export function categorieOf(a: Archetype): Categorie {
  return getCadre(a.cadre)!.categorie;
}

export function filiereOf(a: Archetype): string {
  return getCadre(a.cadre)!.filiere;
}

export const LANGUAGES = ["Anglais", "Espagnol", "Allemand", "Italien", "Occitan", "Breton", "Alsacien", "Portugais", "Langue des signes française"] as const;

/** Common first names of people born between the 1960s and the 2000s. */
export const FIRST_NAMES = {
  female: ["Nathalie", "Isabelle", "Sylvie", "Catherine", "Valérie", "Sandrine", "Christine", "Véronique", "Céline", "Stéphanie", "Sophie", "Virginie", "Laurence", "Karine", "Aurélie", "Émilie", "Julie", "Caroline", "Audrey", "Mélanie", "Claire", "Anne", "Marie", "Hélène", "Élodie", "Camille", "Laura", "Pauline", "Manon", "Marion", "Sarah", "Léa", "Chloé", "Anaïs", "Justine", "Mathilde", "Charlotte", "Lucie", "Margaux", "Amandine", "Delphine", "Florence", "Agnès", "Corinne", "Patricia", "Martine", "Brigitte", "Muriel", "Fabienne", "Magali", "Gaëlle", "Maëlle", "Nolwenn", "Solène", "Inès", "Nadia", "Samia", "Fatima", "Leïla", "Elsa", "Alice", "Clémence", "Morgane", "Estelle", "Jennifer", "Coralie", "Noémie", "Océane", "Marine", "Laetitia"],
  male: ["Philippe", "Christophe", "Stéphane", "Laurent", "Frédéric", "Olivier", "Éric", "Thierry", "Pascal", "Nicolas", "Sébastien", "David", "Julien", "Jérôme", "Vincent", "Fabrice", "Franck", "Cédric", "Guillaume", "Mathieu", "Alexandre", "Romain", "Thomas", "Antoine", "Maxime", "Kévin", "Anthony", "Benjamin", "Florian", "Damien", "Jean-Marc", "Jean-Philippe", "Jean-François", "Pierre", "Bruno", "Patrick", "Gilles", "Hervé", "Didier", "Yannick", "Loïc", "Gwenaël", "Erwan", "Yann", "Hugo", "Lucas", "Théo", "Quentin", "Clément", "Adrien", "Baptiste", "Arnaud", "Cyril", "Ludovic", "Sylvain", "Karim", "Mehdi", "Samir", "Rachid", "Mickaël", "Grégory", "Jonathan", "Alexis", "Benoît", "Xavier", "Emmanuel", "Raphaël", "Simon", "Arthur", "Louis"],
} as const;

/** Surnames, common ones and a few with a regional ring (Auvergne, Occitanie, Bretagne, Alsace). */
export const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier",
  "Delmas", "Bouquet", "Chabrol", "Vialle", "Bonnal", "Rouvière", "Chassang", "Malzac", "Pagès", "Teissier", "Costes", "Cabrol", "Vernet", "Fabry", "Mazars", "Andrieu", "Bastide", "Boudet", "Chastang", "Rigal", "Soulier", "Vayssière", "Lafon", "Delort", "Mallet", "Aubrac", "Vigier", "Chauvet", "Besson", "Tixier",
  "Le Goff", "Le Gall", "Le Bihan", "Le Roux", "Guillou", "Tanguy", "Kerhervé", "Le Floc'h", "Cadiou", "Morvan", "Le Corre", "Jaouen", "Riou", "Le Meur", "Quéméner",
  "Schneider", "Weber", "Fischer", "Klein", "Wolff", "Koehler", "Heitz", "Zimmermann", "Kieffer", "Hoffmann",
  "Benali", "Haddad", "Mansouri", "Ferreira", "Da Silva", "Rodrigues", "Moulin", "Charpentier", "Perret", "Jacquet", "Baudry", "Poirier", "Collet", "Prévost", "Hubert", "Carpentier", "Royer", "Lebrun", "Marty", "Barre",
] as const;
