import type { SeedCollectivite } from "./collectivites";

/**
 * Positions as collectivités write them: one template per kind of post, filled in for the real
 * place that recruits (its size, its elected head, its projects).
 *
 * Pay is written here as a recruiter computes it: `salary` is the annual gross traitement
 * indiciaire of the grades open, `ifse` and `cia` the annual amounts of the régime indemnitaire,
 * `nbiPoints` the points of NBI. positions.ts turns them into what the position form stores.
 */

export type Level = "INDISPENSABLE" | "IMPORTANT" | "APPRECIABLE";
export type CommitteeRole = "CONTRIBUTE" | "DECIDE" | "EVALUATE";
/** Codes of app/schemas/position.ts BENEFITS. */
export type Benefit = "CNAS" | "TITRES_RESTAURANT" | "MUTUELLE" | "PREVOYANCE" | "VEHICULE_SERVICE" | "FORFAIT_MOBILITES" | "RTT" | "EQUIPEMENT";

export type TemplateContent = {
  title: string;
  filiere: string;
  /** Cadre codes (app/reference/statute.ts), the first one giving the catégorie. */
  cadres: string[];
  /** Grade labels open; all grades of the cadres when omitted. */
  grades?: string[];
  emploiFonctionnel: "DGS" | "DGA" | "DGST" | null;
  openToContractuels: boolean;
  hoursPerWeek?: number;
  communeCode?: string;
  missions: string[];
  competencies: Array<readonly [string, Level]>;
  teamSize: number;
  budgetManaged: number;
  /** Annual gross traitement indiciaire, euros. */
  salary: readonly [number, number];
  /** Annual IFSE, euros. */
  ifse: number;
  /** Annual CIA at most, euros. */
  cia: number;
  nbiPoints: number;
  benefits: Benefit[];
  housing?: "NONE" | "NAS" | "COP_A";
  housingHelp: boolean;
  temporaryAccommodation: boolean;
  serviceVehicle: boolean;
  remoteDays: number;
  relocationHelp: boolean;
  spouseJobHelp: boolean;
  /** Functions of the committee members, masculine and feminine, with their role. */
  committee: Array<readonly [string, string, CommitteeRole]>;
  /** Criteria and weights; the weights add up to 100. */
  criteria: Array<readonly [string, number]>;
};

export type TemplateContext = {
  c: SeedCollectivite;
  population: number;
  /** The consultant who runs the search, when it is entrusted to a cabinet. */
  consultant: { name: string; cabinet: string } | null;
};

export type Template = (ctx: TemplateContext) => TemplateContent;

const rural = (ctx: TemplateContext) => ctx.population < 10_000 && ctx.c.org.type === "COMMUNE";

/** Head of the executive, as a committee member. */
function head(ctx: TemplateContext, role: CommitteeRole = "DECIDE"): readonly [string, string, CommitteeRole] {
  const h = ctx.c.head;
  return h === "Maire" ? ["Maire", "Maire", role] : [h, h.replace(/^Président/, "Présidente"), role];
}

function recruiter(ctx: TemplateContext): readonly [string, string, CommitteeRole] {
  return ctx.consultant
    ? [`Consultant — ${ctx.consultant.cabinet}`, `Consultante — ${ctx.consultant.cabinet}`, "CONTRIBUTE"]
    : ["Conseiller en recrutement du centre de gestion", "Conseillère en recrutement du centre de gestion", "CONTRIBUTE"];
}

function projectsLine(ctx: TemplateContext): string {
  const first = ctx.c.projects.split("\n")[0].replace(/\.$/, "");
  return first[0].toLowerCase() + first.slice(1);
}

function emploiFonctionnelOpenToContractuels(ctx: TemplateContext): boolean {
  const t = ctx.c.org.type;
  return t === "DEPARTEMENT" || t === "REGION" || ctx.population > 40_000;
}

function agentsFor(population: number): number {
  return Math.max(8, Math.round(population / 110));
}

function budgetFor(population: number): number {
  return Math.round((population * 1300) / 100_000) * 100_000;
}

const BASE_BENEFITS: Benefit[] = ["CNAS", "MUTUELLE", "PREVOYANCE"];

export const TEMPLATES = {
  dgsCommune: (ctx) => {
    const agents = agentsFor(ctx.population);
    return {
      title: "Directeur général des services (H/F)",
      filiere: "administrative",
      cadres: ["attaches"],
      emploiFonctionnel: "DGS",
      openToContractuels: emploiFonctionnelOpenToContractuels(ctx),
      missions: [
        `Sous l'autorité du maire, vous dirigez l'ensemble des services de ${ctx.c.designation} (environ ${agents} agents) et coordonnez leur action.`,
        "Vous préparez et exécutez le budget (M57), conduisez la prospective financière et la recherche de financements.",
        "Vous assurez la préparation et le suivi des conseils municipaux et la sécurité juridique des actes.",
        `Vous pilotez les projets du mandat, notamment : ${projectsLine(ctx)}.`,
        "Vous encadrez la gestion des ressources humaines : carrières, paie, dialogue social, prévention.",
        "Vous entretenez les relations avec l'intercommunalité, les services de l'État et les partenaires du territoire.",
      ],
      competencies: [
        ["Gestion budgétaire M57", "INDISPENSABLE"],
        ["Finances locales", "IMPORTANT"],
        ["Droit des collectivités territoriales", "INDISPENSABLE"],
        ["Management d'équipe", "IMPORTANT"],
        ["Marchés publics", "IMPORTANT"],
        ["Ressources humaines", "IMPORTANT"],
        ["Urbanisme", "APPRECIABLE"],
        ["Recherche de subventions", "APPRECIABLE"],
      ],
      teamSize: agents,
      budgetManaged: budgetFor(ctx.population),
      salary: [30_000, 46_000],
      ifse: ctx.population < 10_000 ? 9_600 : 14_400,
      cia: 1_200,
      nbiPoints: ctx.population < 10_000 ? 20 : 35,
      benefits: [...BASE_BENEFITS, "RTT", "EQUIPEMENT", ...(ctx.population >= 10_000 ? (["TITRES_RESTAURANT"] as Benefit[]) : [])],
      housingHelp: rural(ctx),
      temporaryAccommodation: rural(ctx),
      serviceVehicle: false,
      remoteDays: 1,
      relocationHelp: true,
      spouseJobHelp: rural(ctx),
      committee: [head(ctx), ["Premier adjoint", "Première adjointe", "EVALUATE"], ["Adjoint chargé des finances", "Adjointe chargée des finances", "EVALUATE"], recruiter(ctx)],
      criteria: [
        ["Expérience de direction générale ou de secrétariat général", 30],
        ["Maîtrise des finances locales", 25],
        ["Management et dialogue social", 20],
        ["Conduite des projets du mandat", 15],
        ["Connaissance du territoire et de ses acteurs", 10],
      ],
    };
  },

  dgsEpci: (ctx) => ({
    title: "Directeur général des services (H/F)",
    filiere: "administrative",
    cadres: ["attaches", "administrateurs"],
    grades: ["Attaché principal", "Attaché hors classe", "Administrateur", "Administrateur hors classe"],
    emploiFonctionnel: "DGS",
    openToContractuels: emploiFonctionnelOpenToContractuels(ctx),
    missions: [
      `Sous l'autorité du président, vous dirigez les services de ${ctx.c.designation} et mettez en œuvre le projet de territoire.`,
      "Vous conduisez la stratégie budgétaire et financière, le pacte financier et fiscal avec les communes membres.",
      "Vous pilotez l'exercice des compétences communautaires : eau, assainissement, déchets, GEMAPI, développement économique.",
      "Vous préparez les conseils et bureaux communautaires et animez la conférence des maires.",
      "Vous développez les mutualisations avec les communes membres.",
      `Vous portez les grands projets : ${projectsLine(ctx)}.`,
    ],
    competencies: [
      ["Intercommunalité et relations avec les communes membres", "INDISPENSABLE"],
      ["Finances locales", "INDISPENSABLE"],
      ["Fiscalité locale", "IMPORTANT"],
      ["Management d'équipes de direction", "INDISPENSABLE"],
      ["Eau, assainissement et GEMAPI", "IMPORTANT"],
      ["Commande publique", "IMPORTANT"],
      ["Développement économique", "APPRECIABLE"],
    ],
    teamSize: 140,
    budgetManaged: 38_000_000,
    salary: [38_000, 60_000],
    ifse: 16_800,
    cia: 1_800,
    nbiPoints: 40,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT", "VEHICULE_SERVICE", "RTT", "EQUIPEMENT"],
    housingHelp: true,
    temporaryAccommodation: false,
    serviceVehicle: true,
    remoteDays: 1,
    relocationHelp: true,
    spouseJobHelp: true,
    committee: [head(ctx), ["Premier vice-président", "Première vice-présidente", "EVALUATE"], ["Vice-président chargé des finances", "Vice-présidente chargée des finances", "EVALUATE"], recruiter(ctx)],
    criteria: [
      ["Expérience de direction en intercommunalité", 30],
      ["Stratégie financière et fiscale", 25],
      ["Pilotage des compétences techniques", 20],
      ["Sens politique et relations avec les maires", 15],
      ["Management", 10],
    ],
  }),

  secretaireGeneralMairie: (ctx) => ({
    title: "Secrétaire général de mairie (H/F)",
    filiere: "administrative",
    cadres: ["redacteurs", "attaches"],
    grades: ["Rédacteur", "Rédacteur principal de 2e classe", "Rédacteur principal de 1re classe", "Attaché"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Interlocuteur privilégié du maire et des élus, vous assurez le fonctionnement administratif de ${ctx.c.designation}.`,
      "Vous préparez les conseils municipaux, rédigez les délibérations et les arrêtés, et veillez à leur légalité.",
      "Vous élaborez et exécutez le budget (M57) et suivez la trésorerie avec le service de gestion comptable.",
      "Vous gérez la paie et les carrières des agents, en lien avec le centre de gestion.",
      "Vous suivez l'urbanisme, l'état civil, les élections et les marchés publics simples.",
      "Vous encadrez les agents administratifs et techniques de la commune.",
    ],
    competencies: [
      ["Gestion budgétaire M57", "INDISPENSABLE"],
      ["Préparation et suivi des assemblées délibérantes", "INDISPENSABLE"],
      ["Paie et carrières", "IMPORTANT"],
      ["État civil et élections", "IMPORTANT"],
      ["Urbanisme", "IMPORTANT"],
      ["Marchés publics", "APPRECIABLE"],
    ],
    teamSize: Math.max(4, Math.round(ctx.population / 250)),
    budgetManaged: budgetFor(ctx.population),
    salary: [24_000, 35_000],
    ifse: 4_800,
    cia: 600,
    nbiPoints: 15,
    benefits: BASE_BENEFITS,
    housingHelp: true,
    temporaryAccommodation: true,
    serviceVehicle: false,
    remoteDays: 0,
    relocationHelp: false,
    spouseJobHelp: false,
    committee: [head(ctx), ["Premier adjoint", "Première adjointe", "EVALUATE"], recruiter(ctx)],
    criteria: [
      ["Maîtrise du budget et de la comptabilité M57", 35],
      ["Expérience du secrétariat de mairie", 30],
      ["Autonomie et polyvalence", 20],
      ["Qualités relationnelles avec les élus et les habitants", 15],
    ],
  }),

  dga: (ctx) => {
    const pole = DGA_POLES[ctx.c.slug] ?? DGA_POLES.default;
    const big = ctx.c.org.type === "DEPARTEMENT" || ctx.c.org.type === "REGION";
    return {
      title: `Directeur général adjoint des services — ${pole.name} (H/F)`,
      filiere: pole.filiere,
      cadres: pole.cadres,
      emploiFonctionnel: "DGA",
      openToContractuels: emploiFonctionnelOpenToContractuels(ctx),
      missions: [
        `Membre de l'équipe de direction générale de ${ctx.c.designation}, vous pilotez le pôle ${pole.name.toLowerCase()}.`,
        ...pole.missions,
        `Vous contribuez aux projets transversaux : ${projectsLine(ctx)}.`,
      ],
      competencies: pole.competencies,
      teamSize: big ? pole.team * 4 : pole.team,
      budgetManaged: big ? pole.budget * 8 : pole.budget,
      salary: big ? [45_000, 75_000] : [35_000, 55_000],
      ifse: big ? 22_000 : 14_400,
      cia: big ? 3_000 : 1_500,
      nbiPoints: big ? 50 : 35,
      benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT", "RTT", "EQUIPEMENT", ...(big ? (["VEHICULE_SERVICE", "FORFAIT_MOBILITES"] as Benefit[]) : [])],
      housingHelp: false,
      temporaryAccommodation: false,
      serviceVehicle: big,
      remoteDays: 2,
      relocationHelp: true,
      spouseJobHelp: !big,
      committee: [head(ctx), ["Directeur général des services", "Directrice générale des services", "EVALUATE"], [pole.electedM, pole.electedF, "EVALUATE"], recruiter(ctx)],
      criteria: pole.criteria,
    };
  },

  directeurFinances: (ctx) => ({
    title: "Directeur des finances (H/F)",
    filiere: "administrative",
    cadres: ["attaches"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Rattaché au directeur général des services de ${ctx.c.designation}, vous dirigez le service des finances (5 agents).`,
      "Vous préparez le budget principal et les budgets annexes (M57, M4), et le débat d'orientation budgétaire.",
      "Vous construisez la prospective financière et le plan pluriannuel d'investissement.",
      "Vous pilotez la dette, la trésorerie et la recherche de financements.",
      "Vous fiabilisez l'exécution comptable avec le service de gestion comptable et préparez le compte financier unique.",
      "Vous conseillez les élus et les directions sur les choix financiers.",
    ],
    competencies: [
      ["Finances locales", "INDISPENSABLE"],
      ["Gestion budgétaire M57", "IMPORTANT"],
      ["Prospective financière", "INDISPENSABLE"],
      ["Gestion de la dette et de la trésorerie", "IMPORTANT"],
      ["Management d'équipe", "IMPORTANT"],
      ["Fiscalité locale", "APPRECIABLE"],
    ],
    teamSize: 5,
    budgetManaged: budgetFor(ctx.population),
    salary: [30_000, 46_000],
    ifse: 9_600,
    cia: 1_000,
    nbiPoints: 25,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: false,
    remoteDays: 2,
    relocationHelp: true,
    spouseJobHelp: false,
    committee: [["Adjoint chargé des finances", "Adjointe chargée des finances", "DECIDE"], ["Directeur général des services", "Directrice générale des services", "EVALUATE"], ["Responsable des ressources humaines", "Responsable des ressources humaines", "CONTRIBUTE"]],
    criteria: [
      ["Expertise en finances locales", 40],
      ["Prospective et pilotage pluriannuel", 25],
      ["Management", 20],
      ["Pédagogie auprès des élus", 15],
    ],
  }),

  directeurServicesTechniques: (ctx) => ({
    title: "Directeur des services techniques (H/F)",
    filiere: "technique",
    cadres: ["ingenieurs"],
    emploiFonctionnel: "DGST",
    openToContractuels: emploiFonctionnelOpenToContractuels(ctx),
    missions: [
      `Sous l'autorité du directeur général des services, vous dirigez les services techniques de ${ctx.c.designation} (environ ${Math.round(ctx.population / 300)} agents).`,
      "Vous élaborez et suivez la programmation pluriannuelle des travaux de voirie, de réseaux et de bâtiments.",
      "Vous conduisez les opérations en maîtrise d'ouvrage publique et les marchés de travaux.",
      "Vous pilotez l'entretien du patrimoine bâti, des espaces publics et des espaces verts.",
      "Vous organisez les astreintes et la gestion des interventions d'urgence.",
      `Vous portez les projets techniques du mandat : ${projectsLine(ctx)}.`,
    ],
    competencies: [
      ["Maîtrise d'ouvrage publique", "INDISPENSABLE"],
      ["Voirie et réseaux divers", "INDISPENSABLE"],
      ["Marchés de travaux", "IMPORTANT"],
      ["Encadrement d'équipes techniques", "IMPORTANT"],
      ["Transition énergétique des bâtiments", "APPRECIABLE"],
    ],
    teamSize: Math.round(ctx.population / 300),
    budgetManaged: Math.round(ctx.population * 350 / 100_000) * 100_000,
    salary: [32_000, 52_000],
    ifse: 12_000,
    cia: 1_200,
    nbiPoints: 30,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT", "VEHICULE_SERVICE"],
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: true,
    remoteDays: 1,
    relocationHelp: true,
    spouseJobHelp: false,
    committee: [head(ctx), ["Adjoint chargé des travaux", "Adjointe chargée des travaux", "EVALUATE"], ["Directeur général des services", "Directrice générale des services", "EVALUATE"], recruiter(ctx)],
    criteria: [
      ["Expérience de direction de services techniques", 35],
      ["Conduite d'opérations et marchés de travaux", 25],
      ["Management des équipes", 25],
      ["Vision de la transition écologique", 15],
    ],
  }),

  responsableServicesTechniques: (ctx) => ({
    title: "Responsable des services techniques (H/F)",
    filiere: "technique",
    cadres: ["techniciens"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Sous l'autorité du directeur général des services, vous encadrez l'équipe technique de ${ctx.c.designation} (8 agents).`,
      "Vous planifiez les interventions en voirie, bâtiments, espaces verts et réseaux.",
      "Vous préparez et suivez les marchés de travaux et les chantiers confiés aux entreprises.",
      "Vous assurez le suivi des contrôles réglementaires des bâtiments et des établissements recevant du public.",
      "Vous organisez la viabilité hivernale et les astreintes.",
      "Vous proposez le programme d'investissement et d'entretien aux élus.",
    ],
    competencies: [
      ["Encadrement d'équipes techniques", "INDISPENSABLE"],
      ["Voirie et réseaux divers", "IMPORTANT"],
      ["Bâtiment et sécurité des ERP", "IMPORTANT"],
      ["Marchés de travaux", "IMPORTANT"],
      ["Déneigement et viabilité hivernale", "APPRECIABLE"],
    ],
    teamSize: 8,
    budgetManaged: 600_000,
    salary: [24_500, 35_000],
    ifse: 4_800,
    cia: 600,
    nbiPoints: 10,
    benefits: [...BASE_BENEFITS, "VEHICULE_SERVICE"],
    housingHelp: true,
    temporaryAccommodation: true,
    serviceVehicle: true,
    remoteDays: 0,
    relocationHelp: true,
    spouseJobHelp: false,
    committee: [head(ctx), ["Adjoint chargé des travaux", "Adjointe chargée des travaux", "EVALUATE"], ["Directeur général des services", "Directrice générale des services", "EVALUATE"]],
    criteria: [
      ["Expérience d'encadrement technique", 35],
      ["Compétences en bâtiment et voirie", 30],
      ["Suivi de chantiers et marchés", 20],
      ["Disponibilité et réactivité", 15],
    ],
  }),

  technicien: (ctx) => {
    const spec = TECHNICIEN_SPECS[ctx.c.slug] ?? TECHNICIEN_SPECS.default;
    return {
      title: `${spec.title} (H/F)`,
      filiere: "technique",
      cadres: ["techniciens"],
      emploiFonctionnel: null,
      openToContractuels: true,
      missions: [`Au sein des services techniques de ${ctx.c.designation}, ${spec.lead}`, ...spec.missions],
      competencies: spec.competencies,
      teamSize: spec.team,
      budgetManaged: spec.budget,
      salary: [24_500, 35_000],
      ifse: 4_200,
      cia: 500,
      nbiPoints: 0,
      benefits: [...BASE_BENEFITS, ...(ctx.population >= 10_000 ? (["TITRES_RESTAURANT"] as Benefit[]) : [])],
      housing: spec.housing,
      housingHelp: rural(ctx) || ctx.c.org.type === "DEPARTEMENT",
      temporaryAccommodation: false,
      serviceVehicle: true,
      remoteDays: 0,
      relocationHelp: false,
      spouseJobHelp: false,
      committee: [["Directeur des services techniques", "Directrice des services techniques", "DECIDE"], ["Responsable des ressources humaines", "Responsable des ressources humaines", "EVALUATE"], ["Chef d'équipe", "Cheffe d'équipe", "CONTRIBUTE"]],
      criteria: spec.criteria,
    };
  },

  ingenieur: (ctx) => {
    const spec = INGENIEUR_SPECS[ctx.c.slug] ?? INGENIEUR_SPECS.default;
    return {
      title: `${spec.title} (H/F)`,
      filiere: "technique",
      cadres: ["ingenieurs"],
      grades: ["Ingénieur", "Ingénieur principal"],
      emploiFonctionnel: null,
      openToContractuels: true,
      missions: [`Au sein de ${ctx.c.designation}, ${spec.lead}`, ...spec.missions],
      competencies: spec.competencies,
      teamSize: spec.team,
      budgetManaged: spec.budget,
      salary: [28_000, 46_000],
      ifse: 8_400,
      cia: 900,
      nbiPoints: 0,
      benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
      housingHelp: false,
      temporaryAccommodation: false,
      serviceVehicle: true,
      remoteDays: 2,
      relocationHelp: true,
      spouseJobHelp: ctx.c.org.type === "EPCI",
      committee: [[spec.bossM, spec.bossF, "DECIDE"], ["Directeur général des services", "Directrice générale des services", "EVALUATE"], ["Responsable des ressources humaines", "Responsable des ressources humaines", "CONTRIBUTE"]],
      criteria: spec.criteria,
    };
  },

  agentTechnique: (ctx) => {
    const mountain = ctx.c.slug === "lapoutroie" || ctx.c.slug === "riom-es-montagnes";
    return {
      title: mountain ? "Agent polyvalent des services techniques — voirie et déneigement (H/F)" : "Agent polyvalent des services techniques (H/F)",
      filiere: "technique",
      cadres: ["adjoints-techniques"],
      emploiFonctionnel: null,
      openToContractuels: true,
      missions: [
        `Au sein de l'équipe technique de ${ctx.c.designation}, vous entretenez la voirie, les bâtiments et les espaces verts.`,
        "Vous réalisez les petits travaux de maçonnerie, de peinture, de plomberie et d'électricité.",
        "Vous assurez l'entretien des espaces verts et du cimetière.",
        mountain ? "Vous participez au déneigement et aux astreintes hivernales." : "Vous participez à la logistique des manifestations communales.",
        "Vous veillez au bon état du matériel et des véhicules.",
      ],
      competencies: [
        ["Petits travaux de bâtiment", "INDISPENSABLE"],
        ["Entretien des espaces verts", "IMPORTANT"],
        [mountain ? "Conduite d'engins de déneigement" : "Entretien de la voirie", "IMPORTANT"],
        ["Permis poids lourd (C)", "APPRECIABLE"],
        ["Habilitation électrique", "APPRECIABLE"],
      ],
      teamSize: 0,
      budgetManaged: 0,
      salary: [21_500, 25_000],
      ifse: 2_400,
      cia: 300,
      nbiPoints: 0,
      benefits: BASE_BENEFITS,
      housing: ctx.c.slug === "lapoutroie" ? "COP_A" : "NONE",
      housingHelp: true,
      temporaryAccommodation: false,
      serviceVehicle: false,
      remoteDays: 0,
      relocationHelp: false,
      spouseJobHelp: false,
      committee: [head(ctx), ["Responsable des services techniques", "Responsable des services techniques", "EVALUATE"], ["Secrétaire général de mairie", "Secrétaire générale de mairie", "CONTRIBUTE"]],
      criteria: [
        ["Polyvalence technique", 40],
        ["Expérience en collectivité ou en entreprise du bâtiment", 25],
        ["Permis et habilitations", 20],
        ["Sens du service public", 15],
      ],
    };
  },

  chefEquipe: (ctx) => {
    const collecte = ctx.c.org.type === "EPCI";
    return {
      title: collecte ? "Chef d'équipe collecte des déchets (H/F)" : "Chef d'équipe espaces verts (H/F)",
      filiere: "technique",
      cadres: ["agents-maitrise", "adjoints-techniques"],
      grades: ["Agent de maîtrise", "Agent de maîtrise principal", "Adjoint technique territorial principal de 1re classe"],
      emploiFonctionnel: null,
      openToContractuels: true,
      missions: collecte
        ? [
            `Vous encadrez les équipes de collecte de ${ctx.c.designation} (12 agents) et organisez les tournées.`,
            "Vous veillez au respect des consignes de sécurité et au bon état des véhicules.",
            "Vous traitez les réclamations des usagers et des communes membres.",
            "Vous participez à l'optimisation des circuits et au déploiement du tri à la source.",
          ]
        : [
            `Vous encadrez l'équipe espaces verts de ${ctx.c.designation} (5 agents) et planifiez ses interventions.`,
            "Vous mettez en œuvre la gestion différenciée et le zéro phytosanitaire.",
            "Vous participez aux travaux de création et d'entretien des massifs, des arbres et des terrains de sport.",
            "Vous gérez le matériel et les commandes de fournitures.",
          ],
      competencies: collecte
        ? [["Encadrement d'équipe", "INDISPENSABLE"], ["Collecte des déchets", "IMPORTANT"], ["Prévention des risques professionnels", "IMPORTANT"], ["Permis poids lourd (C)", "APPRECIABLE"]]
        : [["Encadrement d'équipe", "INDISPENSABLE"], ["Gestion différenciée des espaces verts", "IMPORTANT"], ["Taille et soins aux arbres", "IMPORTANT"], ["Certiphyto", "APPRECIABLE"]],
      teamSize: collecte ? 12 : 5,
      budgetManaged: collecte ? 250_000 : 80_000,
      salary: [22_000, 28_000],
      ifse: 3_000,
      cia: 400,
      nbiPoints: 0,
      benefits: BASE_BENEFITS,
      housingHelp: true,
      temporaryAccommodation: false,
      serviceVehicle: false,
      remoteDays: 0,
      relocationHelp: false,
      spouseJobHelp: false,
      committee: [["Responsable des services techniques", "Responsable des services techniques", "DECIDE"], ["Directeur général des services", "Directrice générale des services", "EVALUATE"]],
      criteria: [
        ["Expérience d'encadrement d'équipe", 35],
        ["Maîtrise technique du métier", 35],
        ["Sécurité et prévention", 15],
        ["Relation aux usagers", 15],
      ],
    };
  },

  agentAccueil: (ctx) => ({
    title: "Agent d'accueil et d'état civil (H/F)",
    filiere: "administrative",
    cadres: ["adjoints-administratifs"],
    emploiFonctionnel: null,
    openToContractuels: true,
    hoursPerWeek: 28,
    missions: [
      `Vous accueillez et renseignez les habitants de ${ctx.c.designation} à l'accueil et au téléphone.`,
      "Vous instruisez les actes d'état civil et tenez les registres.",
      "Vous participez à l'organisation des élections et au recensement.",
      "Vous gérez les concessions du cimetière et la location des salles.",
      "Vous assurez le secrétariat courant du maire et des élus.",
    ],
    competencies: [["Accueil du public", "INDISPENSABLE"], ["État civil", "IMPORTANT"], ["Élections", "IMPORTANT"], ["Bureautique", "IMPORTANT"], ["Gestion des cimetières", "APPRECIABLE"]],
    teamSize: 0,
    budgetManaged: 0,
    salary: [21_500, 24_500],
    ifse: 2_100,
    cia: 300,
    nbiPoints: 10,
    benefits: BASE_BENEFITS,
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: false,
    remoteDays: 0,
    relocationHelp: false,
    spouseJobHelp: false,
    committee: [["Directeur général des services", "Directrice générale des services", "DECIDE"], ["Adjoint chargé de l'état civil", "Adjointe chargée de l'état civil", "EVALUATE"]],
    criteria: [["Sens de l'accueil", 40], ["Connaissance de l'état civil", 30], ["Rigueur", 20], ["Disponibilité", 10]],
  }),

  gestionnaireRh: (ctx) => {
    const small = ctx.population < 10_000;
    return {
      title: small ? "Gestionnaire comptabilité et paie (H/F)" : "Gestionnaire carrière et paie (H/F)",
      filiere: "administrative",
      cadres: small ? ["adjoints-administratifs", "redacteurs"] : ["redacteurs", "adjoints-administratifs"],
      emploiFonctionnel: null,
      openToContractuels: true,
      missions: small
        ? [
            `Au sein du secrétariat général de ${ctx.c.designation}, vous exécutez le budget : engagements, mandats, titres.`,
            "Vous préparez la paie mensuelle et les déclarations sociales.",
            "Vous suivez les carrières des agents avec le centre de gestion.",
            "Vous participez à la préparation budgétaire.",
          ]
        : [
            `Au sein de la direction des ressources humaines de ${ctx.c.designation}, vous gérez un portefeuille d'environ 180 agents.`,
            "Vous préparez la paie, les déclarations sociales et les charges.",
            "Vous rédigez les actes de carrière : avancements, promotions, positions statutaires.",
            "Vous suivez les absences, la retraite et conseillez les agents.",
          ],
      competencies: [["Paie et carrières", "INDISPENSABLE"], ["Statut de la fonction publique territoriale", "INDISPENSABLE"], ["Exécution comptable", small ? "IMPORTANT" : "APPRECIABLE"], ["Logiciels de paie", "IMPORTANT"], ["Discrétion", "IMPORTANT"]],
      teamSize: 0,
      budgetManaged: 0,
      salary: small ? [21_500, 27_000] : [24_000, 34_000],
      ifse: small ? 2_400 : 3_600,
      cia: 400,
      nbiPoints: 0,
      benefits: [...BASE_BENEFITS, ...(small ? [] : (["TITRES_RESTAURANT"] as Benefit[]))],
      housingHelp: small,
      temporaryAccommodation: false,
      serviceVehicle: false,
      remoteDays: small ? 0 : 1,
      relocationHelp: false,
      spouseJobHelp: false,
      committee: [["Directeur général des services", "Directrice générale des services", "DECIDE"], ["Responsable des ressources humaines", "Responsable des ressources humaines", "EVALUATE"]],
      criteria: [["Maîtrise de la paie", 40], ["Connaissance du statut", 30], ["Rigueur et confidentialité", 20], ["Travail en équipe", 10]],
    };
  },

  policeMunicipale: (ctx) => {
    const chief = ctx.population > 20_000;
    return {
      title: chief ? "Chef de service de police municipale (H/F)" : "Policier municipal (H/F)",
      filiere: "police-municipale",
      cadres: chief ? ["chefs-service-pm"] : ["agents-pm"],
      emploiFonctionnel: null,
      openToContractuels: false,
      missions: chief
        ? [
            `Vous dirigez le service de police municipale de ${ctx.c.designation} et coordonnez son action avec la police nationale.`,
            "Vous organisez les patrouilles, la surveillance des manifestations et la sécurité aux abords des écoles.",
            "Vous pilotez le dispositif de vidéoprotection.",
            "Vous conseillez le maire dans l'exercice de ses pouvoirs de police.",
          ]
        : [
            `Vous assurez une présence de proximité dans les quartiers de ${ctx.c.designation}.`,
            "Vous veillez au respect des arrêtés du maire : stationnement, bruit, occupation du domaine public.",
            "Vous sécurisez les abords des écoles, les marchés et les manifestations.",
            "Vous rédigez les rapports et procès-verbaux.",
          ],
      competencies: chief
        ? [["Pouvoirs de police du maire", "INDISPENSABLE"], ["Management d'équipe", "INDISPENSABLE"], ["Vidéoprotection", "IMPORTANT"], ["Partenariat avec les forces de sécurité", "IMPORTANT"]]
        : [["Police de proximité", "INDISPENSABLE"], ["Rédaction d'actes de procédure", "IMPORTANT"], ["Médiation", "IMPORTANT"], ["Sécurité routière", "APPRECIABLE"]],
      teamSize: chief ? 12 : 0,
      budgetManaged: chief ? 150_000 : 0,
      salary: chief ? [26_000, 36_000] : [22_000, 28_000],
      ifse: chief ? 4_800 : 3_000,
      cia: 500,
      nbiPoints: chief ? 15 : 0,
      benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
      housingHelp: false,
      temporaryAccommodation: false,
      serviceVehicle: false,
      remoteDays: 0,
      relocationHelp: false,
      spouseJobHelp: false,
      committee: [head(ctx), ["Adjoint chargé de la sécurité", "Adjointe chargée de la sécurité", "EVALUATE"], ["Directeur général des services", "Directrice générale des services", "EVALUATE"]],
      criteria: [["Expérience en police municipale", 35], ["Sens de la médiation", 25], ["Rigueur juridique", 25], ["Condition physique et disponibilité", 15]],
    };
  },

  animateurEnfanceJeunesse: (ctx) => ({
    title: "Coordinateur enfance-jeunesse (H/F)",
    filiere: "animation",
    cadres: ["animateurs"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Vous coordonnez l'accueil de loisirs et les temps périscolaires de ${ctx.c.designation}.`,
      "Vous encadrez l'équipe d'animation (10 animateurs) et élaborez le projet pédagogique.",
      "Vous pilotez le projet éducatif de territoire avec les écoles, les familles et les associations.",
      "Vous suivez le budget du service et les relations avec la caisse d'allocations familiales.",
    ],
    competencies: [["Direction d'accueil collectif de mineurs (BPJEPS ou équivalent)", "INDISPENSABLE"], ["Projet éducatif de territoire", "IMPORTANT"], ["Management d'équipe", "IMPORTANT"], ["Partenariat avec la CAF", "APPRECIABLE"]],
    teamSize: 10,
    budgetManaged: 300_000,
    salary: [24_000, 34_000],
    ifse: 3_600,
    cia: 400,
    nbiPoints: 0,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: false,
    remoteDays: 0,
    relocationHelp: false,
    spouseJobHelp: false,
    committee: [["Adjoint chargé de l'enfance et de la jeunesse", "Adjointe chargée de l'enfance et de la jeunesse", "DECIDE"], ["Directeur général adjoint des services", "Directrice générale adjointe des services", "EVALUATE"]],
    criteria: [["Expérience de direction d'accueil de loisirs", 35], ["Capacité à fédérer les partenaires", 25], ["Management", 25], ["Gestion budgétaire", 15]],
  }),

  atsem: (ctx) => ({
    title: "Agent territorial spécialisé des écoles maternelles — ATSEM (H/F)",
    filiere: "sociale",
    cadres: ["atsem"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Dans une école maternelle de ${ctx.c.designation}, vous assistez l'enseignant dans l'accueil et l'accompagnement des enfants.`,
      "Vous préparez et rangez les ateliers, et veillez à l'hygiène des enfants.",
      "Vous entretenez les locaux et le matériel de la classe.",
      "Vous encadrez les enfants pendant la restauration scolaire et la sieste.",
    ],
    competencies: [["CAP Accompagnant éducatif petite enfance", "INDISPENSABLE"], ["Accompagnement de l'enfant", "IMPORTANT"], ["Hygiène et entretien des locaux", "IMPORTANT"], ["Travail en équipe avec les enseignants", "APPRECIABLE"]],
    teamSize: 0,
    budgetManaged: 0,
    salary: [21_500, 25_000],
    ifse: 2_100,
    cia: 300,
    nbiPoints: 0,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: false,
    remoteDays: 0,
    relocationHelp: false,
    spouseJobHelp: false,
    committee: [["Responsable du service éducation", "Responsable du service éducation", "DECIDE"], ["Directeur d'école", "Directrice d'école", "CONTRIBUTE"]],
    criteria: [["Expérience auprès de jeunes enfants", 40], ["Diplôme (CAP AEPE)", 25], ["Sens du travail en équipe", 20], ["Hygiène et sécurité", 15]],
  }),

  instructeurUrbanisme: (ctx) => ({
    title: "Instructeur des autorisations d'urbanisme (H/F)",
    filiere: "administrative",
    cadres: ["redacteurs", "techniciens"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Au service urbanisme de ${ctx.c.designation}, vous instruisez les permis de construire, d'aménager, les déclarations préalables et les certificats d'urbanisme.`,
      "Vous renseignez les pétitionnaires et les professionnels.",
      "Vous contrôlez la conformité des travaux.",
      "Vous participez à l'évolution des documents d'urbanisme.",
    ],
    competencies: [["Droit de l'urbanisme", "INDISPENSABLE"], ["Instruction des autorisations d'urbanisme", "INDISPENSABLE"], ["Lecture de plans", "IMPORTANT"], ["SIG", "APPRECIABLE"]],
    teamSize: 0,
    budgetManaged: 0,
    salary: [24_000, 34_000],
    ifse: 3_600,
    cia: 400,
    nbiPoints: 10,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: false,
    remoteDays: 1,
    relocationHelp: false,
    spouseJobHelp: false,
    committee: [["Adjoint chargé de l'urbanisme", "Adjointe chargée de l'urbanisme", "DECIDE"], ["Responsable du service urbanisme", "Responsable du service urbanisme", "EVALUATE"]],
    criteria: [["Maîtrise du droit de l'urbanisme", 45], ["Expérience d'instruction", 30], ["Qualité d'accueil des pétitionnaires", 25]],
  }),

  puericulturePmi: (ctx) => ({
    title: "Puériculteur / puéricultrice de PMI (H/F)",
    filiere: "medico-sociale",
    cadres: ["puericultrices"],
    emploiFonctionnel: null,
    openToContractuels: true,
    missions: [
      `Au sein du service de protection maternelle et infantile de ${ctx.c.designation}, vous assurez des consultations de nourrissons et des visites à domicile.`,
      "Vous accompagnez les parents dans le développement et la santé de leur enfant.",
      "Vous participez à l'agrément et au suivi des assistants maternels.",
      "Vous contribuez aux actions de prévention et à la protection de l'enfance.",
    ],
    competencies: [["Diplôme d'État de puéricultrice", "INDISPENSABLE"], ["Protection maternelle et infantile", "IMPORTANT"], ["Travail en réseau partenarial", "IMPORTANT"], ["Permis B", "INDISPENSABLE"]],
    teamSize: 0,
    budgetManaged: 0,
    salary: [30_000, 42_000],
    ifse: 4_200,
    cia: 500,
    nbiPoints: 0,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT", "VEHICULE_SERVICE"],
    housingHelp: true,
    temporaryAccommodation: true,
    serviceVehicle: true,
    remoteDays: 0,
    relocationHelp: true,
    spouseJobHelp: true,
    committee: [["Médecin responsable de la PMI", "Médecin responsable de la PMI", "DECIDE"], ["Directeur enfance-famille", "Directrice enfance-famille", "EVALUATE"], ["Responsable des ressources humaines", "Responsable des ressources humaines", "CONTRIBUTE"]],
    criteria: [["Expérience en PMI ou en pédiatrie", 40], ["Qualités relationnelles avec les familles", 30], ["Autonomie sur un territoire rural", 30]],
  }),

  agentLycee: () => ({
    title: "Agent de maintenance des bâtiments en lycée (H/F)",
    filiere: "technique",
    cadres: ["adjoints-techniques-ee"],
    emploiFonctionnel: null,
    openToContractuels: true,
    communeCode: "56178",
    missions: [
      "Dans un lycée public de Pontivy, vous assurez la maintenance courante des bâtiments et des équipements.",
      "Vous réalisez les petits travaux de peinture, de plomberie, d'électricité et de serrurerie.",
      "Vous signalez les besoins d'intervention plus lourds à l'équipe mobile régionale.",
      "Vous participez à l'entretien des espaces extérieurs.",
    ],
    competencies: [["Maintenance des bâtiments", "INDISPENSABLE"], ["Habilitation électrique", "IMPORTANT"], ["Sécurité des ERP", "APPRECIABLE"]],
    teamSize: 0,
    budgetManaged: 0,
    salary: [21_500, 25_000],
    ifse: 2_400,
    cia: 300,
    nbiPoints: 0,
    benefits: [...BASE_BENEFITS, "TITRES_RESTAURANT"],
    housing: "NAS",
    housingHelp: false,
    temporaryAccommodation: false,
    serviceVehicle: false,
    remoteDays: 0,
    relocationHelp: false,
    spouseJobHelp: false,
    committee: [["Proviseur", "Proviseure", "EVALUATE"], ["Responsable du service des agents des lycées", "Responsable du service des agents des lycées", "DECIDE"]],
    criteria: [["Polyvalence technique", 45], ["Expérience de maintenance", 30], ["Sens du service et discrétion", 25]],
  }),
} satisfies Record<string, Template>;

export type TemplateKey = keyof typeof TEMPLATES;

type Pole = {
  name: string;
  filiere: string;
  cadres: string[];
  missions: string[];
  competencies: Array<readonly [string, Level]>;
  team: number;
  budget: number;
  electedM: string;
  electedF: string;
  criteria: Array<readonly [string, number]>;
};

const DGA_POLES: Record<string, Pole> = {
  default: {
    name: "Ressources",
    filiere: "administrative",
    cadres: ["attaches", "administrateurs"],
    missions: [
      "Vous dirigez les finances, les ressources humaines, la commande publique et les systèmes d'information.",
      "Vous conduisez la préparation budgétaire et la prospective financière.",
      "Vous pilotez la politique de ressources humaines et le dialogue social.",
      "Vous sécurisez les procédures de commande publique.",
    ],
    competencies: [["Finances locales", "INDISPENSABLE"], ["Ressources humaines", "INDISPENSABLE"], ["Commande publique", "IMPORTANT"], ["Management de managers", "IMPORTANT"], ["Transformation numérique", "APPRECIABLE"]],
    team: 40,
    budget: 2_500_000,
    electedM: "Adjoint chargé des finances",
    electedF: "Adjointe chargée des finances",
    criteria: [["Expertise des fonctions ressources", 35], ["Management de managers", 25], ["Pilotage budgétaire", 25], ["Conduite du changement", 15]],
  },
  aurillac: {
    name: "Aménagement et cadre de vie",
    filiere: "technique",
    cadres: ["ingenieurs", "ingenieurs-en-chef"],
    missions: [
      "Vous dirigez l'urbanisme, la voirie, les bâtiments, les espaces verts et la propreté.",
      "Vous pilotez le programme pluriannuel d'investissement technique.",
      "Vous conduisez les grandes opérations d'aménagement et de rénovation.",
      "Vous organisez la continuité du service public et les astreintes.",
    ],
    competencies: [["Aménagement urbain", "INDISPENSABLE"], ["Maîtrise d'ouvrage publique", "INDISPENSABLE"], ["Management de managers", "IMPORTANT"], ["Urbanisme réglementaire", "IMPORTANT"], ["Transition écologique", "APPRECIABLE"]],
    team: 180,
    budget: 12_000_000,
    electedM: "Adjoint chargé de l'urbanisme et des travaux",
    electedF: "Adjointe chargée de l'urbanisme et des travaux",
    criteria: [["Direction de services techniques", 30], ["Pilotage de grandes opérations", 30], ["Management", 25], ["Vision de la transition écologique", 15]],
  },
  "lons-le-saunier": {
    name: "Services à la population",
    filiere: "administrative",
    cadres: ["attaches"],
    missions: [
      "Vous dirigez l'éducation, l'enfance-jeunesse, la culture, les sports et la vie associative.",
      "Vous pilotez le projet éducatif de territoire et la restauration scolaire.",
      "Vous modernisez l'accueil des usagers et les démarches en ligne.",
      "Vous animez les partenariats avec l'Éducation nationale, la CAF et les associations.",
    ],
    competencies: [["Politiques éducatives et culturelles", "INDISPENSABLE"], ["Management de managers", "INDISPENSABLE"], ["Partenariats institutionnels", "IMPORTANT"], ["Finances locales", "IMPORTANT"]],
    team: 150,
    budget: 6_000_000,
    electedM: "Adjoint chargé de l'éducation",
    electedF: "Adjointe chargée de l'éducation",
    criteria: [["Expérience de direction de services à la population", 35], ["Management", 25], ["Sens du partenariat", 25], ["Gestion budgétaire", 15]],
  },
  rodez: {
    name: "Ressources humaines et modernisation",
    filiere: "administrative",
    cadres: ["attaches", "administrateurs"],
    missions: [
      "Vous dirigez les ressources humaines, les systèmes d'information et l'organisation.",
      "Vous pilotez la gestion prévisionnelle des emplois et des compétences.",
      "Vous conduisez le dialogue social et la politique de prévention.",
      "Vous accompagnez la transformation numérique des services.",
    ],
    competencies: [["Ressources humaines", "INDISPENSABLE"], ["Dialogue social", "INDISPENSABLE"], ["Transformation numérique", "IMPORTANT"], ["GPEEC", "IMPORTANT"]],
    team: 35,
    budget: 1_800_000,
    electedM: "Adjoint chargé du personnel",
    electedF: "Adjointe chargée du personnel",
    criteria: [["Expertise RH", 40], ["Dialogue social", 25], ["Conduite du changement", 20], ["Management", 15]],
  },
  cantal: {
    name: "Solidarités",
    filiere: "administrative",
    cadres: ["administrateurs", "attaches"],
    missions: [
      "Vous dirigez l'action sociale, l'autonomie, l'enfance-famille, l'insertion et la santé.",
      "Vous pilotez les schémas départementaux et les relations avec les établissements sociaux et médico-sociaux.",
      "Vous organisez les services territoriaux d'action sociale au plus près des habitants.",
      "Vous maîtrisez un budget d'allocations individuelles de solidarité en forte évolution.",
    ],
    competencies: [["Politiques de solidarité", "INDISPENSABLE"], ["Protection de l'enfance", "INDISPENSABLE"], ["Finances départementales", "IMPORTANT"], ["Management de managers", "IMPORTANT"]],
    team: 100,
    budget: 12_000_000,
    electedM: "Vice-président chargé des solidarités",
    electedF: "Vice-présidente chargée des solidarités",
    criteria: [["Expérience de direction des solidarités", 35], ["Protection de l'enfance", 25], ["Pilotage budgétaire", 20], ["Management", 20]],
  },
  bretagne: {
    name: "Transitions",
    filiere: "technique",
    cadres: ["ingenieurs-en-chef", "administrateurs"],
    missions: [
      "Vous dirigez le climat, l'énergie, la biodiversité et l'eau.",
      "Vous pilotez la feuille de route régionale de transition et son évaluation.",
      "Vous animez les partenariats avec l'État, les agences et les collectivités bretonnes.",
      "Vous conduisez la rénovation énergétique du patrimoine régional, lycées compris.",
    ],
    competencies: [["Transition énergétique et climatique", "INDISPENSABLE"], ["Management de managers", "INDISPENSABLE"], ["Fonds européens", "IMPORTANT"], ["Animation de partenariats", "IMPORTANT"]],
    team: 60,
    budget: 15_000_000,
    electedM: "Vice-président chargé du climat",
    electedF: "Vice-présidente chargée du climat",
    criteria: [["Expertise des transitions", 30], ["Direction de grandes équipes", 30], ["Partenariats institutionnels", 25], ["Fonds européens", 15]],
  },
};

type TechSpec = {
  title: string;
  lead: string;
  missions: string[];
  competencies: Array<readonly [string, Level]>;
  team: number;
  budget: number;
  housing?: "NONE" | "NAS" | "COP_A";
  criteria: Array<readonly [string, number]>;
};

const TECHNICIEN_SPECS: Record<string, TechSpec> = {
  default: {
    title: "Technicien voirie et réseaux",
    lead: "vous programmez et suivez les travaux de voirie et de réseaux.",
    missions: [
      "Vous élaborez les programmes annuels de travaux et les estimations.",
      "Vous rédigez les pièces techniques des marchés et suivez les chantiers.",
      "Vous instruisez les permissions de voirie et coordonnez les concessionnaires.",
      "Vous tenez à jour les plans de récolement et le SIG.",
    ],
    competencies: [["Voirie et réseaux divers", "INDISPENSABLE"], ["Suivi de chantier", "INDISPENSABLE"], ["Marchés de travaux", "IMPORTANT"], ["DAO et SIG", "APPRECIABLE"]],
    team: 0,
    budget: 900_000,
    criteria: [["Compétences VRD", 40], ["Suivi de chantiers", 30], ["Rédaction technique", 15], ["Relation aux riverains", 15]],
  },
  bourganeuf: {
    title: "Technicien bâtiments et voirie",
    lead: "vous êtes le référent technique des bâtiments et de la voirie communale.",
    missions: [
      "Vous suivez l'entretien et la rénovation énergétique des bâtiments communaux.",
      "Vous préparez et suivez les marchés de travaux.",
      "Vous assurez le suivi des vérifications réglementaires et de la sécurité des établissements recevant du public.",
      "Vous programmez l'entretien de la voirie communale.",
    ],
    competencies: [["Bâtiment tous corps d'état", "INDISPENSABLE"], ["Marchés de travaux", "IMPORTANT"], ["Sécurité des ERP", "IMPORTANT"], ["Voirie", "APPRECIABLE"]],
    team: 0,
    budget: 500_000,
    criteria: [["Connaissances en bâtiment", 40], ["Suivi de marchés et de chantiers", 30], ["Autonomie", 30]],
  },
  cantal: {
    title: "Chef de centre d'exploitation routière",
    lead: "vous dirigez un centre d'exploitation des routes départementales.",
    missions: [
      "Vous encadrez les agents d'exploitation (12 agents) et organisez l'entretien des routes du secteur.",
      "Vous pilotez le service hivernal et les astreintes.",
      "Vous suivez les travaux confiés aux entreprises et les interventions en régie.",
      "Vous gérez le matériel, les stocks de sel et les relations avec les communes.",
    ],
    competencies: [["Exploitation de la route", "INDISPENSABLE"], ["Viabilité hivernale", "INDISPENSABLE"], ["Encadrement d'équipe", "IMPORTANT"], ["Signalisation temporaire", "IMPORTANT"]],
    team: 12,
    budget: 400_000,
    housing: "COP_A",
    criteria: [["Expérience de l'exploitation routière", 40], ["Encadrement", 30], ["Disponibilité pour les astreintes", 30]],
  },
  "saint-flour-communaute": {
    title: "Technicien eau et assainissement",
    lead: "vous suivez l'exploitation des réseaux et des stations d'épuration communautaires.",
    missions: [
      "Vous contrôlez l'exploitation des ouvrages d'eau potable et d'assainissement.",
      "Vous suivez les travaux de renouvellement des réseaux.",
      "Vous instruisez les avis sur les autorisations d'urbanisme et les contrôles de branchement.",
      "Vous tenez à jour le SIG des réseaux.",
    ],
    competencies: [["Eau et assainissement", "INDISPENSABLE"], ["Suivi de chantier", "IMPORTANT"], ["SIG", "IMPORTANT"], ["Réglementation sanitaire", "APPRECIABLE"]],
    team: 0,
    budget: 1_200_000,
    criteria: [["Compétences eau et assainissement", 45], ["Suivi de travaux", 30], ["Rigueur", 25]],
  },
};

const INGENIEUR_SPECS: Record<string, TechSpec & { bossM: string; bossF: string }> = {
  default: {
    title: "Responsable du service eau et assainissement",
    lead: "vous dirigez le service eau et assainissement.",
    missions: [
      "Vous pilotez l'exploitation des ouvrages et le contrôle des délégataires.",
      "Vous élaborez et conduisez les schémas directeurs et le programme de renouvellement des réseaux.",
      "Vous préparez les budgets annexes et le prix de l'eau.",
      "Vous encadrez une équipe de techniciens et d'agents d'exploitation.",
    ],
    competencies: [["Eau et assainissement", "INDISPENSABLE"], ["Délégations de service public", "IMPORTANT"], ["Maîtrise d'ouvrage publique", "IMPORTANT"], ["Management d'équipe", "IMPORTANT"], ["GEMAPI", "APPRECIABLE"]],
    team: 9,
    budget: 3_500_000,
    criteria: [["Expertise eau et assainissement", 40], ["Pilotage de travaux", 25], ["Management", 20], ["Gestion budgétaire", 15]],
    bossM: "Directeur des services techniques",
    bossF: "Directrice des services techniques",
  },
  aurillac: {
    title: "Responsable du patrimoine bâti",
    lead: "vous dirigez la gestion du patrimoine bâti municipal (écoles, équipements sportifs et culturels).",
    missions: [
      "Vous pilotez le plan pluriannuel de rénovation et de mise en accessibilité des bâtiments.",
      "Vous conduisez les opérations de construction et de réhabilitation.",
      "Vous suivez les consommations énergétiques et le décret tertiaire.",
      "Vous encadrez les techniciens et les ateliers bâtiment.",
    ],
    competencies: [["Maîtrise d'ouvrage publique", "INDISPENSABLE"], ["Bâtiment et performance énergétique", "INDISPENSABLE"], ["Marchés de travaux", "IMPORTANT"], ["Management d'équipe", "IMPORTANT"]],
    team: 18,
    budget: 4_000_000,
    criteria: [["Conduite d'opérations de bâtiment", 40], ["Performance énergétique", 25], ["Management", 20], ["Gestion budgétaire", 15]],
    bossM: "Directeur général adjoint aménagement et cadre de vie",
    bossF: "Directrice générale adjointe aménagement et cadre de vie",
  },
  bretagne: {
    title: "Chargé de mission transition énergétique des lycées",
    lead: "vous accompagnez la rénovation énergétique des lycées publics bretons.",
    missions: [
      "Vous réalisez et faites réaliser les audits énergétiques du patrimoine des lycées.",
      "Vous programmez les travaux de rénovation et suivez les contrats de performance énergétique.",
      "Vous animez le réseau des équipes techniques des lycées.",
      "Vous suivez les consommations et les obligations du décret tertiaire.",
    ],
    competencies: [["Énergétique du bâtiment", "INDISPENSABLE"], ["Décret tertiaire", "IMPORTANT"], ["Conduite de projets", "IMPORTANT"], ["Marchés publics", "APPRECIABLE"]],
    team: 0,
    budget: 8_000_000,
    criteria: [["Expertise énergétique", 45], ["Conduite de projets", 30], ["Animation de réseau", 25]],
    bossM: "Directeur du patrimoine des lycées",
    bossF: "Directrice du patrimoine des lycées",
  },
};
