import data from "../../prisma/data/cadres-emplois.json";

/**
 * The fonction publique territoriale as a recruiter needs it: filières, cadres d'emplois with
 * their catégorie and grades, emplois fonctionnels. Kept as data (prisma/data/cadres-emplois.json,
 * each entry with its source); safe to use in the browser (no server-only import).
 */

export type Categorie = "A+" | "A" | "B" | "C";
export const CATEGORIES: readonly Categorie[] = ["A+", "A", "B", "C"];

export type CadreEmplois = {
  code: string;
  label: string;
  categorie: Categorie;
  filiere: string;
  grades: string[];
  enExtinction: boolean;
};

export type Filiere = { code: string; label: string; cadres: CadreEmplois[] };

type RawCadre = { code: string; label: string; categorie: string; grades: string[]; enExtinction?: boolean };
type RawFiliere = { code: string; label: string; cadres: RawCadre[] };

export const FILIERES: readonly Filiere[] = (data.filieres as RawFiliere[]).map((f) => ({
  code: f.code,
  label: f.label,
  cadres: f.cadres.map((c) => ({
    code: c.code,
    label: c.label,
    categorie: c.categorie as Categorie,
    filiere: f.code,
    grades: c.grades,
    enExtinction: !!c.enExtinction,
  })),
}));

export const CADRES: readonly CadreEmplois[] = FILIERES.flatMap((f) => f.cadres);

const cadreByCode = new Map(CADRES.map((c) => [c.code, c]));
const filiereByCode = new Map(FILIERES.map((f) => [f.code, f]));

export function getCadre(code: string): CadreEmplois | undefined {
  return cadreByCode.get(code);
}

export function getFiliere(code: string): Filiere | undefined {
  return filiereByCode.get(code);
}

export function filiereLabel(code: string): string {
  return filiereByCode.get(code)?.label.replace(/^Filière /, "") ?? code;
}

/** The filière as a label's value: « Filière : Administrative » (filiereLabel reads in a sentence). */
export function capitalized(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1) : text;
}

/** All grade labels, each with its cadre d'emplois. */
export const GRADES: ReadonlyArray<{ grade: string; cadre: string }> = CADRES.flatMap((c) =>
  c.grades.map((grade) => ({ grade, cadre: c.code })),
);

export function isKnownGrade(grade: string): boolean {
  return GRADES.some((g) => g.grade === grade);
}

/** Emplois fonctionnels a position may be (décrets 87-1101 and 90-128), with their thresholds. */
export const EMPLOIS_FONCTIONNELS = [
  { code: "DGS", label: "Directeur général des services (DGS)" },
  { code: "DGA", label: "Directeur général adjoint des services (DGA)" },
  { code: "DGST", label: "Directeur général des services techniques (DGST / DST)" },
] as const;
export type EmploiFonctionnel = (typeof EMPLOIS_FONCTIONNELS)[number]["code"];

/** Strates démographiques used for emplois fonctionnels (décret 87-1101). */
export const STRATES = [
  "2 000 à 10 000 habitants",
  "10 000 à 20 000 habitants",
  "20 000 à 40 000 habitants",
  "40 000 à 80 000 habitants",
  "80 000 à 150 000 habitants",
  "150 000 à 400 000 habitants",
  "plus de 400 000 habitants",
] as const;

/** The texts, with their thresholds and sources, as shipped in the reference list. */
export const EMPLOIS_FONCTIONNELS_SOURCES = data.emploisFonctionnels as Array<{ label: string; seuil: string; source: string }>;
