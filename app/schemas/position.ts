import { z } from "zod";
import { getMetier } from "~/reference/metiers";
import { CATEGORIES, EMPLOIS_FONCTIONNELS, FILIERES, STRATES, contractOnEmploiFonctionnel, getCadre, isKnownGrade, statuteMismatch } from "~/reference/statute";
import { CONTRACT_GROUND_CODES, VACANCY_CAUSES, VACANCY_REASONS } from "./notice";

/**
 * A position as the employer writes it: one schema for the browser (react-hook-form with
 * zodResolver) and for the action, which parses the same values out of the posted FormData
 * (formDataToPositionValues). Inputs are the strings and booleans a form holds; the output is
 * typed for the database. Safe in the browser: the commune check that needs the official list
 * is passed in by the server (makePositionSchema({ knownCommune })).
 */

// ---------------------------------------------------------------------------------------------
// Vocabulary (values stored in the database, labels shown in French)

export const POSITION_STATES = ["DRAFT", "PUBLISHED", "FILLED", "CLOSED"] as const;
export type PositionState = (typeof POSITION_STATES)[number];
export const STATE_LABEL: Record<PositionState, string> = {
  DRAFT: "Brouillon",
  PUBLISHED: "Publié",
  FILLED: "Pourvu",
  CLOSED: "Clos",
};

export const COMPETENCY_LEVELS = ["INDISPENSABLE", "IMPORTANT", "APPRECIABLE"] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];
export const COMPETENCY_LEVEL_LABEL: Record<CompetencyLevel, string> = {
  INDISPENSABLE: "Indispensable",
  IMPORTANT: "Important",
  APPRECIABLE: "Appréciable",
};

export const COMMITTEE_ROLES = ["CONTRIBUTE", "DECIDE", "EVALUATE"] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
export const COMMITTEE_ROLE_LABEL: Record<CommitteeRole, string> = {
  CONTRIBUTE: "Contribue",
  DECIDE: "Décide",
  EVALUATE: "Évalue",
};

export const HOUSING_KINDS = ["NONE", "NAS", "COP_A"] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];
export const HOUSING_LABEL: Record<HousingKind, string> = {
  NONE: "Pas de logement de fonction",
  NAS: "Logement de fonction pour nécessité absolue de service (NAS)",
  COP_A: "Convention d’occupation précaire avec astreinte (COP-A)",
};

export const BENEFITS = [
  { code: "CNAS", label: "Action sociale (CNAS ou équivalent)" },
  { code: "TITRES_RESTAURANT", label: "Titres-restaurant" },
  { code: "MUTUELLE", label: "Participation à la mutuelle" },
  { code: "PREVOYANCE", label: "Participation à la prévoyance" },
  { code: "VEHICULE_SERVICE", label: "Véhicule de service avec remisage à domicile" },
  { code: "FORFAIT_MOBILITES", label: "Forfait mobilités durables" },
  { code: "TRANSPORTS", label: "Prise en charge des transports en commun" },
  { code: "RTT", label: "Jours de RTT" },
  { code: "EQUIPEMENT", label: "Ordinateur et téléphone portables" },
  { code: "CRECHE", label: "Places en crèche" },
] as const;
export const BENEFIT_CODES = BENEFITS.map((b) => b.code) as string[];
export function benefitLabel(code: string): string {
  return BENEFITS.find((b) => b.code === code)?.label ?? code;
}

/** Emplois fonctionnels that do not exist below a threshold (décrets 87-1101 and 90-128). */
const STRATE_FLOOR: Record<string, { minIndex: number; message: string }> = {
  DGA: { minIndex: 1, message: "L’emploi fonctionnel de DGA n’existe que dans les communes de plus de 10 000 habitants." },
  DGST: { minIndex: 1, message: "L’emploi fonctionnel de DGST / DST n’existe que dans les communes de plus de 10 000 habitants." },
};

/** Today in France as YYYY-MM-DD, the same in the browser and on the server. */
export function todayInFrance(now = new Date()): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// ---------------------------------------------------------------------------------------------
// Field types

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

/** An optional number typed in a form: "" is null; "45 000" and "2,5" are read as French writes them. */
function optionalNumber({ min = 0, max, integer = true, label }: { min?: number; max: number; integer?: boolean; label: string }) {
  return z
    .string()
    .trim()
    .transform((s, ctx): number | null => {
      if (s === "") return null;
      const n = Number(s.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez un nombre.` });
        return z.NEVER;
      }
      if (integer && !Number.isInteger(n)) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez un nombre entier.` });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez un nombre entre ${min} et ${max.toLocaleString("fr-FR")}.` });
        return z.NEVER;
      }
      return n;
    });
}

/** An optional date from <input type="date">: "" is null. Stored at noon UTC, the same day in France. */
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))), `${label} : indiquez une date valide.`)
    .transform((s) => (s === "" ? null : s));

export function dateFromDay(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** One of `values`; typed as a plain string on input, so that a form may start empty. */
function pick<T extends readonly string[]>(values: T, message: string) {
  return z
    .string()
    .refine((v) => (values as readonly string[]).includes(v), message)
    .transform((v) => v as T[number]);
}

const stringList = z.array(z.string());

/**
 * A repeatable row. A row whose text fields are empty (a spare line of a form without
 * JavaScript, whose select keeps its default) is ignored; errors keep the row's index in the form.
 */
function rows<S extends z.ZodRawShape, O>(
  shape: S,
  textFields: ReadonlyArray<keyof S & string>,
  check: (row: z.infer<z.ZodObject<S>>, ctx: z.RefinementCtx) => void,
  map: (row: z.infer<z.ZodObject<S>>) => O,
) {
  const isBlank = (row: Record<string, unknown>) => textFields.every((f) => typeof row[f] !== "string" || (row[f] as string).trim() === "");
  return z
    .array(z.object(shape).superRefine((row, ctx) => {
      if (!isBlank(row as Record<string, unknown>)) check(row, ctx);
    }))
    .transform((list) => list.filter((r) => !isBlank(r as Record<string, unknown>)).map(map));
}

const competencies = rows(
  { label: z.string().trim().max(200, "200 caractères au plus."), level: z.string() },
  ["label"],
  (row, ctx) => {
    if (!row.label) ctx.addIssue({ code: "custom", path: ["label"], message: "Nommez la compétence, ou videz la ligne." });
    if (!(COMPETENCY_LEVELS as readonly string[]).includes(row.level)) ctx.addIssue({ code: "custom", path: ["level"], message: "Choisissez : indispensable, important ou appréciable." });
  },
  (row) => ({ label: row.label, level: row.level as CompetencyLevel }),
);

const committee = rows(
  {
    name: z.string().trim().max(120, "120 caractères au plus."),
    function: z.string().trim().max(160, "160 caractères au plus."),
    role: z.string(),
  },
  ["name", "function"],
  (row, ctx) => {
    if (!row.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Indiquez le nom du membre, ou videz la ligne." });
    if (!row.function) ctx.addIssue({ code: "custom", path: ["function"], message: "Indiquez sa fonction (exemple : maire, DRH)." });
    if (!(COMMITTEE_ROLES as readonly string[]).includes(row.role)) ctx.addIssue({ code: "custom", path: ["role"], message: "Choisissez son rôle : contribue, décide ou évalue." });
  },
  (row) => ({ name: row.name, function: row.function, role: row.role as CommitteeRole }),
);

const criteria = rows(
  { label: z.string().trim().max(200, "200 caractères au plus."), weight: z.string().trim() },
  ["label", "weight"],
  (row, ctx) => {
    if (!row.label) ctx.addIssue({ code: "custom", path: ["label"], message: "Nommez le critère, ou videz la ligne." });
    if (!/^\d{1,3}$/.test(row.weight) || Number(row.weight) < 1 || Number(row.weight) > 100) {
      ctx.addIssue({ code: "custom", path: ["weight"], message: "Indiquez un poids entier entre 1 et 100." });
    }
  },
  (row) => ({ label: row.label, weight: Number(row.weight) }),
);

// ---------------------------------------------------------------------------------------------
// The schema

export type PositionSchemaOptions = {
  /** Whether a commune code is in the official list; given by the server (the list is not sent to browsers). */
  knownCommune?: (code: string) => boolean;
  /** Today as YYYY-MM-DD (tests pin it); defaults to today in France. */
  today?: () => string;
  /** The employer's kind and population, given by the server: who may hold an emploi fonctionnel. */
  employer?: { type: string | null; population: number | null };
};

export function makePositionSchema({ knownCommune, today = () => todayInFrance(), employer }: PositionSchemaOptions = {}) {
  return z
    .object({
      // Poste
      title: z.string().trim().min(3, "Indiquez l’intitulé du poste (3 caractères au moins).").max(160, "L’intitulé ne peut dépasser 160 caractères."),
      filiere: pick(FILIERES.map((f) => f.code), "Choisissez la filière."),
      categorie: pick(CATEGORIES, "Choisissez la catégorie (A+, A, B ou C)."),
      cadresEmplois: stringList,
      grades: stringList,
      emploiFonctionnel: z.string(),
      strate: z.string(),
      openToTitulaires: z.boolean(),
      openToContractuels: z.boolean(),
      fullTime: z.enum(["true", "false"], { error: "Précisez si le poste est à temps complet ou non complet." }),
      // Its bounds depend on fullTime: checked below.
      hoursPerWeek: optionalNumber({ max: 168, integer: false, label: "Durée hebdomadaire" }),
      communeCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^(\d{5}|2[AB]\d{3})$/, "Choisissez la commune du poste dans la liste (ou son code INSEE à 5 caractères)."),
      startDate: optionalDate("Date de prise de poste"),
      deadline: optionalDate("Date limite de candidature"),
      missions: z.string().trim().min(20, "Décrivez les missions du poste (20 caractères au moins).").max(10_000, "Les missions ne peuvent dépasser 10 000 caractères."),
      competencies,
      teamSize: optionalNumber({ max: 100_000, label: "Effectif encadré" }),
      budgetManaged: optionalNumber({ max: 10_000_000_000, label: "Budget géré" }),
      // Rémunération
      salaryMin: optionalNumber({ max: 300_000, label: "Rémunération minimale" }),
      salaryMax: optionalNumber({ max: 300_000, label: "Rémunération maximale" }),
      ifse: optionalNumber({ max: 100_000, label: "IFSE" }),
      cia: optionalNumber({ max: 100_000, label: "CIA" }),
      nbiPoints: optionalNumber({ max: 200, label: "NBI" }),
      benefits: stringList,
      // Logement
      housing: pick(HOUSING_KINDS, "Choisissez une option de logement de fonction."),
      housingHelp: z.boolean(),
      rentT3: optionalNumber({ max: 10_000, label: "Loyer d’un T3" }),
      temporaryAccommodation: z.boolean(),
      // Mobilité
      stationDistanceKm: optionalNumber({ max: 500, integer: false, label: "Distance à la gare" }),
      stationTimeMin: optionalNumber({ max: 600, label: "Temps d’accès à la gare" }),
      publicTransport: text(1000, "1 000 caractères au plus."),
      serviceVehicle: z.boolean(),
      remoteDays: optionalNumber({ max: 5, label: "Jours de télétravail" }),
      relocationHelp: z.boolean(),
      spouseJobHelp: z.boolean(),
      // Territoire
      territory: text(5000, "5 000 caractères au plus."),
      projects: text(5000, "5 000 caractères au plus."),
      // Confidentialité, comité, critères
      confidential: z.boolean(),
      committee,
      criteria,
      // Déclaration de vacance: optional while a draft, listed by the position page's checklist.
      vacancyReason: z.string(),
      vacancyCause: z.string(),
      metierCode: z.string(),
      workplace: text(500, "500 caractères au plus."),
      applicationsTo: text(1000, "1 000 caractères au plus."),
      contractGround: z.string(),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: path.split("."), message });

      if (!v.openToTitulaires && !v.openToContractuels) {
        issue("openTo", "Ouvrez le poste aux titulaires, aux contractuels, ou aux deux.");
      }
      const cadres = Array.isArray(v.cadresEmplois) ? v.cadresEmplois : [];
      const unknownCadre = cadres.find((c) => !getCadre(c));
      if (unknownCadre) issue("cadresEmplois", `Cadre d’emplois inconnu : « ${unknownCadre} ». Choisissez dans la liste.`);
      else if (v.openToTitulaires && cadres.length === 0) {
        issue("cadresEmplois", "Choisissez au moins un cadre d’emplois accepté (le poste est ouvert aux titulaires).");
      }
      const grades = Array.isArray(v.grades) ? v.grades : [];
      const unknownGrade = grades.find((g) => !isKnownGrade(g));
      if (unknownGrade) issue("grades", `Grade inconnu : « ${unknownGrade} ». Choisissez dans la liste.`);
      else {
        const allowed = new Set(cadres.flatMap((c) => getCadre(c)?.grades ?? []));
        const stray = grades.find((g) => !allowed.has(g));
        if (stray && !unknownCadre) issue("grades", `Le grade « ${stray} » n’appartient à aucun des cadres d’emplois choisis.`);
      }

      // The statute: the filière and the catégorie follow from the cadres d'emplois chosen.
      const mismatch = unknownCadre ? null : statuteMismatch({ filiere: v.filiere, categorie: v.categorie, cadres, emploiFonctionnel: v.emploiFonctionnel || null });
      if (mismatch) issue(mismatch.path, mismatch.message);

      if (v.emploiFonctionnel !== "" && v.openToContractuels) {
        const contract = contractOnEmploiFonctionnel(v.emploiFonctionnel, { type: employer?.type ?? null, population: employer?.population ?? null, strate: v.strate || null });
        if (contract === false) {
          issue("openTo", "Cet emploi fonctionnel se pourvoit par détachement d’un fonctionnaire : le recrutement direct d’un contractuel n’est permis que dans les départements, les régions et les communes et EPCI de plus de 40 000 habitants (article L343-1 du code général de la fonction publique). Décochez « Contractuels ».");
        }
      }

      if (v.emploiFonctionnel !== "") {
        if (!EMPLOIS_FONCTIONNELS.some((e) => e.code === v.emploiFonctionnel)) issue("emploiFonctionnel", "Choisissez un emploi fonctionnel de la liste.");
        else {
          const index = (STRATES as readonly string[]).indexOf(v.strate);
          if (v.strate !== "" && index < 0) issue("strate", "Choisissez une strate démographique de la liste.");
          const floor = STRATE_FLOOR[v.emploiFonctionnel];
          if (floor && index >= 0 && index < floor.minIndex) issue("strate", floor.message);
        }
      } else if (v.strate !== "" && !(STRATES as readonly string[]).includes(v.strate)) {
        issue("strate", "Choisissez une strate démographique de la liste.");
      }

      if (v.fullTime === "false" && v.hoursPerWeek === null) {
        issue("hoursPerWeek", "Indiquez la durée hebdomadaire d’un poste à temps non complet (moins de 35 heures).");
      } else if (v.fullTime === "false" && typeof v.hoursPerWeek === "number" && (v.hoursPerWeek < 1 || v.hoursPerWeek >= 35)) {
        issue("hoursPerWeek", "Un temps non complet compte entre 1 et 34,99 heures par semaine.");
      }

      if (typeof v.communeCode === "string" && knownCommune && /^(\d{5}|2[AB]\d{3})$/.test(v.communeCode) && !knownCommune(v.communeCode)) {
        issue("communeCode", "Cette commune n’existe pas dans la liste officielle : choisissez-la dans la liste proposée.");
      }

      if (typeof v.deadline === "string" && v.deadline < today()) {
        issue("deadline", "La date limite de candidature est passée : choisissez aujourd’hui ou une date à venir.");
      }

      if (typeof v.salaryMin === "number" && typeof v.salaryMax === "number" && v.salaryMin > v.salaryMax) {
        issue("salaryMax", "La rémunération maximale doit être supérieure ou égale à la minimale.");
      }

      const benefits = Array.isArray(v.benefits) ? v.benefits : [];
      const unknownBenefit = benefits.find((b) => !BENEFIT_CODES.includes(b));
      if (unknownBenefit) issue("benefits", "Choisissez les avantages dans la liste.");

      if (v.vacancyReason !== "" && !(VACANCY_REASONS as readonly string[]).includes(v.vacancyReason)) issue("vacancyReason", "Choisissez le motif de la vacance dans la liste.");
      if (v.vacancyCause !== "" && !(VACANCY_CAUSES as readonly string[]).includes(v.vacancyCause)) issue("vacancyCause", "Choisissez la cause du départ dans la liste.");
      if (v.metierCode !== "" && !getMetier(v.metierCode)) issue("metierCode", "Choisissez le métier dans la liste du répertoire.");
      if (v.contractGround !== "" && !CONTRACT_GROUND_CODES.includes(v.contractGround)) issue("contractGround", "Choisissez le fondement juridique dans la liste.");

      if (Array.isArray(v.criteria) && v.criteria.length > 0) {
        const sum = v.criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
        if (sum !== 100) issue("criteria", `Les poids des critères doivent totaliser 100 (total actuel : ${sum}).`);
      }
    })
    .transform((v) => ({
      ...v,
      fullTime: v.fullTime === "true",
      hoursPerWeek: v.fullTime === "true" ? null : v.hoursPerWeek,
      emploiFonctionnel: v.emploiFonctionnel === "" ? null : v.emploiFonctionnel,
      strate: v.emploiFonctionnel === "" || v.strate === "" ? null : v.strate,
      startDate: v.startDate ? dateFromDay(v.startDate) : null,
      deadline: v.deadline ? dateFromDay(v.deadline) : null,
      remoteDays: v.remoteDays ?? 0,
      grades: [...new Set(v.grades)],
      cadresEmplois: [...new Set(v.cadresEmplois)],
      benefits: [...new Set(v.benefits)],
      vacancyReason: v.vacancyReason === "" ? null : v.vacancyReason,
      // A cause is a vacance's; a legal ground is a contractual recruitment's: not kept otherwise.
      vacancyCause: v.vacancyReason === "VACANCE" && v.vacancyCause !== "" ? v.vacancyCause : null,
      metierCode: v.metierCode === "" ? null : v.metierCode,
      contractGround: v.openToContractuels && v.contractGround !== "" ? v.contractGround : null,
    }));
}

/** The schema the browser runs (the server adds the commune check, see positions.server.ts). */
export const positionSchema = makePositionSchema();

export type PositionFormValues = z.input<typeof positionSchema>;
export type PositionInput = z.output<typeof positionSchema>;

// ---------------------------------------------------------------------------------------------
// Form values

/** Spare blank lines a list shows, so that a form without JavaScript can add rows. */
export const SPARE_ROWS = 2;

export const BOOLEAN_FIELDS = [
  "openToTitulaires", "openToContractuels", "housingHelp", "temporaryAccommodation",
  "serviceVehicle", "relocationHelp", "spouseJobHelp", "confidential",
] as const;
const LIST_FIELDS = ["cadresEmplois", "grades", "benefits"] as const;
const ROW_FIELDS = {
  competencies: ["label", "level"],
  committee: ["name", "function", "role"],
  criteria: ["label", "weight"],
} as const;

export function emptyPositionValues(): PositionFormValues {
  return {
    title: "", filiere: "", categorie: "", cadresEmplois: [], grades: [], emploiFonctionnel: "", strate: "",
    openToTitulaires: true, openToContractuels: false, fullTime: "true", hoursPerWeek: "", communeCode: "",
    startDate: "", deadline: "", missions: "", competencies: [], teamSize: "", budgetManaged: "",
    salaryMin: "", salaryMax: "", ifse: "", cia: "", nbiPoints: "", benefits: [],
    housing: "NONE", housingHelp: false, rentT3: "", temporaryAccommodation: false,
    stationDistanceKm: "", stationTimeMin: "", publicTransport: "", serviceVehicle: false, remoteDays: "",
    relocationHelp: false, spouseJobHelp: false, territory: "", projects: "", confidential: false,
    committee: [], criteria: [],
    vacancyReason: "", vacancyCause: "", metierCode: "", workplace: "", applicationsTo: "", contractGround: "",
  };
}

/** The values with spare blank lines appended to each list (what the form displays). */
export function withSpareRows(values: PositionFormValues): PositionFormValues {
  const pad = <T,>(list: T[], blank: T) => [...list, ...Array.from({ length: SPARE_ROWS }, () => ({ ...blank }))];
  return {
    ...values,
    competencies: pad(values.competencies, { label: "", level: "IMPORTANT" }),
    committee: pad(values.committee, { name: "", function: "", role: "" }),
    criteria: pad(values.criteria, { label: "", weight: "" }),
  };
}

/**
 * The posted form as the values the schema reads: checkboxes become booleans, repeated names
 * lists, and "criteria.2.weight" a field of the third row. Anything else posted is ignored.
 */
export function formDataToPositionValues(form: FormData): PositionFormValues {
  const values = emptyPositionValues() as Record<string, unknown>;
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  for (const key of Object.keys(values)) {
    if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) values[key] = form.has(key);
    else if ((LIST_FIELDS as readonly string[]).includes(key)) values[key] = form.getAll(key).filter((v): v is string => typeof v === "string");
    else if (!(key in ROW_FIELDS)) values[key] = str(key);
  }
  if (!form.has("fullTime")) values.fullTime = "";
  for (const [list, fields] of Object.entries(ROW_FIELDS)) {
    const indexes = new Set<number>();
    for (const key of form.keys()) {
      const m = key.match(/^(\w+)\.(\d{1,3})\.(\w+)$/);
      if (m && m[1] === list) indexes.add(Number(m[2]));
    }
    const max = indexes.size ? Math.max(...indexes) : -1;
    values[list] = Array.from({ length: max + 1 }, (_, i) => Object.fromEntries(fields.map((f) => [f, str(`${list}.${i}.${f}`)])));
  }
  return values as PositionFormValues;
}

/** Field errors by path ("criteria.1.weight"), the first message of each. */
export function positionFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
