import { z } from "zod";
import { CATEGORIES, FILIERES, getCadre, type Categorie } from "~/reference/statute";

/**
 * A candidate's profile as its forms send it. The input side is what a form holds (strings,
 * checkboxes, rows), so react-hook-form in the browser and the action on the server validate the
 * same values with the same French messages; the output side is what the domain stores.
 * Whether a commune or an employer exists is checked by the domain (the official list is
 * server-only).
 */

export const STATUSES = ["TITULAIRE", "CONTRACTUEL", "PRIVE", "DEMANDEUR_EMPLOI"] as const;
export type Status = (typeof STATUSES)[number];

/** Worded to read as well for a woman as for a man (no « contractuel(le) »). */
export const STATUS_LABEL: Record<Status, string> = {
  TITULAIRE: "Fonctionnaire titulaire",
  CONTRACTUEL: "Sous contrat dans la fonction publique",
  PRIVE: "En poste dans le secteur privé",
  DEMANDEUR_EMPLOI: "En recherche d’emploi",
};

export const VISIBILITIES = ["HIDDEN", "ANONYMOUS", "VISIBLE"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The three choices as the candidate reads them: what each one shows, and to whom. */
export const VISIBILITY_CHOICES: ReadonlyArray<{ value: Visibility; label: string; explanation: string }> = [
  {
    value: "HIDDEN",
    label: "Caché",
    explanation:
      "Personne ne vous trouve dans le vivier. Seuls les employeurs auxquels vous postulez voient votre candidature.",
  },
  {
    value: "ANONYMOUS",
    label: "Anonyme",
    explanation:
      "Les consultants des cabinets trouvent un profil sous pseudonyme : votre parcours et vos souhaits, mais ni votre nom, ni votre employeur actuel, ni votre adresse e-mail, ni votre CV. Un cabinet qui souhaite vous présenter une opportunité vous le demande d’abord ; votre identité ne lui est révélée que si vous acceptez.",
  },
  {
    value: "VISIBLE",
    label: "Visible",
    explanation:
      "Les consultants des cabinets voient votre profil complet, avec votre nom, votre employeur actuel et votre adresse e-mail. Les employeurs, eux, ne parcourent jamais le vivier.",
  },
];

export const VISIBILITY_LABEL: Record<Visibility, string> = { HIDDEN: "Caché", ANONYMOUS: "Anonyme", VISIBLE: "Visible" };

export const MAX_LIST_ITEMS = 30;
export const MAX_ROWS = 15;

// ---------------------------------------------------------------------------------------------
// Field builders: each takes what a form sends and gives what the domain stores.

/** A checkbox: react-hook-form gives a boolean, a posted form "on" or nothing. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, tooLong))
    .transform((v) => (v === "" ? null : v));
}

function longText(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, tooLong));
}

/** A whole number typed by a person: spaces allowed ("45 000"), empty means "not said". */
function optionalInteger({ min, max, notANumber, tooSmall, tooLarge }: { min: number; max: number; notANumber: string; tooSmall: string; tooLarge: string }) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((raw, ctx) => {
      const text = String(raw ?? "").replace(/[\s\u00a0\u202f]/g, "");
      if (text === "") return null;
      if (!/^-?\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", message: notANumber });
        return z.NEVER;
      }
      const n = Number(text);
      if (n < min) {
        ctx.addIssue({ code: "custom", message: tooSmall });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: "custom", message: tooLarge });
        return z.NEVER;
      }
      return n;
    });
}

/** A textarea, one item a line (commas accepted too), without blanks or duplicates. */
function lines(itemMax: number, what: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const items = [...new Set((raw ?? "").split(/[\n,;]/).map((s) => s.trim()).filter(Boolean))];
      if (items.length > MAX_LIST_ITEMS) {
        ctx.addIssue({ code: "custom", message: `Indiquez au plus ${MAX_LIST_ITEMS} ${what}.` });
        return z.NEVER;
      }
      const long = items.find((s) => s.length > itemMax);
      if (long) {
        ctx.addIssue({ code: "custom", message: `« ${long.slice(0, 30)}… » est trop long (${itemMax} caractères au plus par ligne).` });
        return z.NEVER;
      }
      return items;
    });
}

/** Checkboxes sharing a name: nothing, one value or several. */
function choices<T extends string>(allowed: readonly T[], invalid: string) {
  return z
    .union([z.array(z.string()), z.string(), z.boolean()])
    .optional()
    .transform((v, ctx) => {
      const list = v === undefined || typeof v === "boolean" ? [] : Array.isArray(v) ? v : [v];
      const unique = [...new Set(list.filter((s) => s !== ""))];
      if (unique.some((s) => !(allowed as readonly string[]).includes(s))) {
        ctx.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
      return unique as T[];
    });
}

const CURRENT_YEAR = new Date().getFullYear();

const year = (label: string) =>
  optionalInteger({
    min: 1950,
    max: CURRENT_YEAR + 1,
    notANumber: `${label} : indiquez une année sur 4 chiffres (exemple : 2018).`,
    tooSmall: `${label} : indiquez une année postérieure à 1950.`,
    tooLarge: `${label} : l’année ne peut pas dépasser ${CURRENT_YEAR + 1}.`,
  });

const postRow = z
  .object({
    title: longText(160, "L’intitulé du poste ne peut pas dépasser 160 caractères."),
    employer: longText(160, "Le nom de l’employeur ne peut pas dépasser 160 caractères."),
    from: year("Début"),
    to: year("Fin"),
  })
  .superRefine((row, ctx) => {
    const blank = !row.title && !row.employer && row.from === null && row.to === null;
    if (!blank && !row.title) ctx.addIssue({ code: "custom", path: ["title"], message: "Indiquez l’intitulé du poste, ou videz la ligne." });
    if (row.from !== null && row.to !== null && row.to < row.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "L’année de fin doit suivre l’année de début." });
    }
  });

const diplomaRow = z
  .object({
    title: longText(200, "L’intitulé du diplôme ne peut pas dépasser 200 caractères."),
    year: year("Année"),
  })
  .superRefine((row, ctx) => {
    if (!row.title && row.year !== null) ctx.addIssue({ code: "custom", path: ["title"], message: "Indiquez l’intitulé du diplôme, ou videz la ligne." });
  });

/** Rows of a repeated group; blank rows (the spare one the form always shows) are dropped. */
function rows<S extends z.ZodType<{ title: string }, unknown>>(row: S, tooMany: string) {
  return z
    .array(row)
    .max(MAX_ROWS + 1, tooMany)
    .optional()
    .transform((list) => (list ?? []).filter((r) => r.title !== "") as Array<z.output<S>>);
}

const isoDate = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = (raw ?? "").trim();
    if (v === "") return null;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00.000Z`) : new Date(NaN);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "Indiquez une date valide (jour, mois, année)." });
      return z.NEVER;
    }
    if (d.getUTCFullYear() > CURRENT_YEAR + 5) {
      ctx.addIssue({ code: "custom", message: "Indiquez une date dans les cinq prochaines années." });
      return z.NEVER;
    }
    return d;
  });

/** INSEE code of a commune: 5 characters (2A and 2B for Corsica). Existence is the domain's job. */
const communeCode = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().toUpperCase())
  .pipe(z.union([z.literal(""), z.string().regex(/^(\d{5}|2[AB]\d{3})$/, "Choisissez une commune dans la liste (ou son code INSEE à 5 chiffres).")]))
  .transform((v) => (v === "" ? null : v));

// ---------------------------------------------------------------------------------------------

export const profileSchema = z
  .object({
    status: z.enum(STATUSES, { error: "Choisissez votre statut." }),
    cadreEmplois: optionalText(80, "Choisissez un cadre d’emplois dans la liste."),
    grade: optionalText(120, "Choisissez un grade dans la liste."),
    // « Lauréat(e) de concours, inscrit(e) sur liste d'aptitude »: the concours's cadre d'emplois and the year.
    laureateCadre: optionalText(80, "Choisissez le cadre d’emplois du concours dans la liste."),
    laureateYear: optionalInteger({
      min: 2000, max: 2100,
      notANumber: "Indiquez l’année de la liste d’aptitude, en chiffres (exemple : 2025).",
      tooSmall: "Indiquez une année à partir de 2000.",
      tooLarge: "Indiquez une année valide.",
    }),
    currentEmployerKey: optionalText(40, "Choisissez votre employeur dans la liste."),
    currentEmployerName: optionalText(160, "Le nom de l’employeur ne peut pas dépasser 160 caractères."),
    currentFunction: optionalText(160, "La fonction ne peut pas dépasser 160 caractères."),
    yearsExperience: optionalInteger({
      min: 0, max: 50,
      notANumber: "Indiquez un nombre d’années entier (exemple : 12).",
      tooSmall: "Le nombre d’années ne peut pas être négatif.",
      tooLarge: "Indiquez au plus 50 années d’expérience.",
    }),
    previousPosts: rows(postRow, `Indiquez au plus ${MAX_ROWS} postes.`),
    diplomas: rows(diplomaRow, `Indiquez au plus ${MAX_ROWS} diplômes.`),
    competencies: lines(80, "compétences"),
    languages: lines(60, "langues"),
    summary: longText(2000, "La présentation ne peut pas dépasser 2 000 caractères."),

    wishedFunctions: lines(120, "fonctions"),
    wishedFilieres: choices(FILIERES.map((f) => f.code), "Choisissez des filières de la liste."),
    wishedCategories: choices<Categorie>(CATEGORIES, "Choisissez des catégories de la liste."),
    homeCommuneCode: communeCode,
    maxDistanceKm: optionalInteger({
      min: 0, max: 1000,
      notANumber: "Indiquez une distance en kilomètres, en chiffres (exemple : 50).",
      tooSmall: "La distance ne peut pas être négative.",
      tooLarge: "Indiquez une distance de 1 000 km au plus.",
    }),
    willingToRelocate: checkbox,
    needsHousing: checkbox,
    salaryExpectation: optionalInteger({
      min: 0, max: 300_000,
      notANumber: "Indiquez un montant annuel brut en euros, en chiffres (exemple : 48000).",
      tooSmall: "Le salaire souhaité ne peut pas être négatif.",
      tooLarge: "Indiquez un salaire annuel brut de 300 000 € au plus.",
    }),
    remoteDaysWished: optionalInteger({
      min: 0, max: 5,
      notANumber: "Indiquez un nombre de jours entier, de 0 à 5.",
      tooSmall: "Le nombre de jours ne peut pas être négatif.",
      tooLarge: "Indiquez au plus 5 jours de télétravail par semaine.",
    }),
    availableFrom: isoDate,
  })
  .superRefine((p, ctx) => {
    const cadre = p.cadreEmplois ? getCadre(p.cadreEmplois) : undefined;
    if (p.cadreEmplois && !cadre) {
      ctx.addIssue({ code: "custom", path: ["cadreEmplois"], message: "Choisissez un cadre d’emplois dans la liste." });
    }
    if (p.status === "TITULAIRE" && !p.cadreEmplois) {
      ctx.addIssue({ code: "custom", path: ["cadreEmplois"], message: "Un fonctionnaire titulaire indique son cadre d’emplois." });
    }
    if (p.grade && cadre && !cadre.grades.includes(p.grade)) {
      ctx.addIssue({ code: "custom", path: ["grade"], message: `Ce grade n’appartient pas au cadre d’emplois des ${cadre.label.toLowerCase()} : choisissez-en un de la liste.` });
    }
    if (p.grade && !p.cadreEmplois) {
      ctx.addIssue({ code: "custom", path: ["cadreEmplois"], message: "Indiquez le cadre d’emplois de votre grade." });
    }
    if (p.laureateCadre && !getCadre(p.laureateCadre)) {
      ctx.addIssue({ code: "custom", path: ["laureateCadre"], message: "Choisissez le cadre d’emplois du concours dans la liste." });
    }
    if (p.laureateCadre && p.laureateYear === null) {
      ctx.addIssue({ code: "custom", path: ["laureateYear"], message: "Indiquez l’année de votre inscription sur la liste d’aptitude." });
    }
    if (!p.laureateCadre && p.laureateYear !== null) {
      ctx.addIssue({ code: "custom", path: ["laureateCadre"], message: "Indiquez le concours obtenu (son cadre d’emplois), ou videz l’année." });
    }
    if (p.maxDistanceKm !== null && !p.homeCommuneCode) {
      ctx.addIssue({ code: "custom", path: ["homeCommuneCode"], message: "Indiquez votre commune : la distance se compte à partir d’elle." });
    }
  })
  .transform((p) => {
    const cadre = p.cadreEmplois ? getCadre(p.cadreEmplois) : undefined;
    return {
      ...p,
      // Filière and catégorie follow from the cadre d'emplois: never typed twice.
      filiere: cadre?.filiere ?? null,
      categorie: cadre?.categorie ?? null,
    };
  });

export type ProfileFormValues = z.input<typeof profileSchema>;
export type ProfileInput = z.output<typeof profileSchema>;

export const visibilitySchema = z.object({
  visibility: z.enum(VISIBILITIES, { error: "Choisissez qui peut voir votre profil." }),
});

export const hiddenOrganizationSchema = z.object({
  officialKey: z.string().trim().max(40).optional().transform((v) => v ?? ""),
  /** What the candidate typed, for a search when no organisation was picked (no JavaScript). */
  query: z.string().trim().max(120).optional().transform((v) => v ?? ""),
}).refine((v) => v.officialKey !== "" || v.query.length >= 2, {
  path: ["query"],
  message: "Tapez au moins deux lettres du nom de l’organisation, puis choisissez-la dans la liste.",
});

export const deleteAccountSchema = z.object({
  password: z.string({ error: "Indiquez votre mot de passe pour confirmer." }).min(1, "Indiquez votre mot de passe pour confirmer."),
  confirm: z.literal("on", { error: "Cochez la case pour confirmer que vous avez compris." }),
});

// ---------------------------------------------------------------------------------------------
// From a posted form, and back to a form

/**
 * A posted form as the nested object react-hook-form would hold: "previousPosts.0.title" becomes
 * previousPosts[0].title, a name sent several times becomes a list. Files and the CSRF field are
 * left out.
 */
export function formValues(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rowsByGroup = new Map<string, Array<Record<string, string>>>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key === "csrf" || key === "intent") continue;
    const row = /^([A-Za-z]+)\.(\d{1,2})\.([A-Za-z]+)$/.exec(key);
    if (row) {
      const [, group, index, field] = row;
      if (Number(index) > MAX_ROWS + 1) continue;
      const rows = rowsByGroup.get(group) ?? [];
      rowsByGroup.set(group, rows);
      (rows[Number(index)] ??= {})[field] = value;
      continue;
    }
    if (!/^[A-Za-z]+$/.test(key)) continue;
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  // Holes (a row whose fields were all left out) become blank rows, which validation drops.
  for (const [group, rows] of rowsByGroup) out[group] = Array.from(rows, (r) => r ?? {});
  return out;
}

/** A stored profile as the form shows it (with a spare blank row in each repeated group). */
export type StoredProfile = {
  status: string | null;
  cadreEmplois: string | null;
  grade: string | null;
  laureateCadre?: string | null;
  laureateYear?: number | null;
  currentEmployerKey: string | null;
  currentEmployerName: string | null;
  currentFunction: string | null;
  yearsExperience: number | null;
  previousPosts: Array<{ title: string; employer: string; from: number | null; to: number | null }>;
  diplomas: Array<{ title: string; year: number | null }>;
  competencies: string[];
  languages: string[];
  summary: string;
  wishedFunctions: string[];
  wishedFilieres: string[];
  wishedCategories: string[];
  homeCommuneCode: string | null;
  maxDistanceKm: number | null;
  willingToRelocate: boolean;
  needsHousing: boolean;
  salaryExpectation: number | null;
  remoteDaysWished: number | null;
  availableFrom: string | null;
};

export type ProfileFormState = {
  status: string;
  cadreEmplois: string;
  grade: string;
  laureateCadre: string;
  laureateYear: string;
  currentEmployerKey: string;
  currentEmployerName: string;
  currentFunction: string;
  yearsExperience: string;
  previousPosts: Array<{ title: string; employer: string; from: string; to: string }>;
  diplomas: Array<{ title: string; year: string }>;
  competencies: string;
  languages: string;
  summary: string;
  wishedFunctions: string;
  wishedFilieres: string[];
  wishedCategories: string[];
  homeCommuneCode: string;
  maxDistanceKm: string;
  willingToRelocate: boolean;
  needsHousing: boolean;
  salaryExpectation: string;
  remoteDaysWished: string;
  availableFrom: string;
};

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" && v ? [v] : []);

export function blankPost() {
  return { title: "", employer: "", from: "", to: "" };
}

export function blankDiploma() {
  return { title: "", year: "" };
}

export function profileFormState(p: StoredProfile | null): ProfileFormState {
  return {
    status: p?.status ?? "",
    cadreEmplois: p?.cadreEmplois ?? "",
    grade: p?.grade ?? "",
    laureateCadre: p?.laureateCadre ?? "",
    laureateYear: str(p?.laureateYear),
    currentEmployerKey: p?.currentEmployerKey ?? "",
    currentEmployerName: p?.currentEmployerName ?? "",
    currentFunction: p?.currentFunction ?? "",
    yearsExperience: str(p?.yearsExperience),
    previousPosts: [...(p?.previousPosts ?? []).map((r) => ({ title: r.title, employer: r.employer, from: str(r.from), to: str(r.to) })), blankPost()],
    diplomas: [...(p?.diplomas ?? []).map((d) => ({ title: d.title, year: str(d.year) })), blankDiploma()],
    competencies: (p?.competencies ?? []).join("\n"),
    languages: (p?.languages ?? []).join("\n"),
    summary: p?.summary ?? "",
    wishedFunctions: (p?.wishedFunctions ?? []).join("\n"),
    wishedFilieres: p?.wishedFilieres ?? [],
    wishedCategories: p?.wishedCategories ?? [],
    homeCommuneCode: p?.homeCommuneCode ?? "",
    maxDistanceKm: str(p?.maxDistanceKm),
    willingToRelocate: p?.willingToRelocate ?? false,
    needsHousing: p?.needsHousing ?? false,
    salaryExpectation: str(p?.salaryExpectation),
    remoteDaysWished: str(p?.remoteDaysWished),
    availableFrom: p?.availableFrom ? p.availableFrom.slice(0, 10) : "",
  };
}

/** What the candidate typed, back into the form after a refusal (nothing they typed is lost). */
export function submittedFormState(values: Record<string, unknown>): ProfileFormState {
  const rowsOf = (v: unknown) => (Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === "object") : []);
  const posts = rowsOf(values.previousPosts).map((r) => ({ title: str(r.title), employer: str(r.employer), from: str(r.from), to: str(r.to) }));
  const diplomas = rowsOf(values.diplomas).map((r) => ({ title: str(r.title), year: str(r.year) }));
  return {
    status: str(values.status),
    cadreEmplois: str(values.cadreEmplois),
    grade: str(values.grade),
    laureateCadre: str(values.laureateCadre),
    laureateYear: str(values.laureateYear),
    currentEmployerKey: str(values.currentEmployerKey),
    currentEmployerName: str(values.currentEmployerName),
    currentFunction: str(values.currentFunction),
    yearsExperience: str(values.yearsExperience),
    previousPosts: posts.length ? posts : [blankPost()],
    diplomas: diplomas.length ? diplomas : [blankDiploma()],
    competencies: str(values.competencies),
    languages: str(values.languages),
    summary: str(values.summary),
    wishedFunctions: str(values.wishedFunctions),
    wishedFilieres: list(values.wishedFilieres),
    wishedCategories: list(values.wishedCategories),
    homeCommuneCode: str(values.homeCommuneCode),
    maxDistanceKm: str(values.maxDistanceKm),
    willingToRelocate: values.willingToRelocate === "on" || values.willingToRelocate === true,
    needsHousing: values.needsHousing === "on" || values.needsHousing === true,
    salaryExpectation: str(values.salaryExpectation),
    remoteDaysWished: str(values.remoteDaysWished),
    availableFrom: str(values.availableFrom),
  };
}

export { fieldErrors } from "./errors";
