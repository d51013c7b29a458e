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

// ---------------------------------------------------------------------------------------------
// Coherence of a position's statute (the position editor, app/schemas/position.ts)

/** A+ is a convention of the trade (the reference list): by law it is catégorie A. */
export function legalCategorie(categorie: string | null): string | null {
  if (!categorie) return null;
  return categorie === "A+" ? "A" : categorie;
}

/**
 * The filière and catégorie the chosen cadres d'emplois give a position, when they agree: one
 * filière (null when the cadres span several, as a DGS post open to attachés and ingénieurs
 * does) and the highest catégorie among them (A+ before A).
 */
export function statuteOfCadres(codes: readonly string[]): { filiere: string | null; categorie: Categorie | null } {
  const cadres = codes.map(getCadre).filter((c): c is CadreEmplois => !!c);
  if (cadres.length === 0) return { filiere: null, categorie: null };
  const filieres = new Set(cadres.map((c) => c.filiere));
  const categorie = CATEGORIES.find((k) => cadres.some((c) => c.categorie === k)) ?? null;
  return { filiere: filieres.size === 1 ? cadres[0].filiere : null, categorie };
}

/**
 * Why the filière and catégorie of a position disagree with its cadres d'emplois, in French, or
 * null. Each cadre must be of the position's catégorie (A+ counted as A), the filière must be
 * that of one of the cadres, and an emploi fonctionnel is of catégorie A.
 */
export function statuteMismatch(p: { filiere: string; categorie: string; cadres: readonly string[]; emploiFonctionnel?: string | null }): { path: "filiere" | "categorie"; message: string } | null {
  const cadres = p.cadres.map(getCadre).filter((c): c is CadreEmplois => !!c);
  if (p.emploiFonctionnel && p.categorie && legalCategorie(p.categorie) !== "A") {
    return { path: "categorie", message: `Un emploi fonctionnel est de catégorie A : choisissez la catégorie A ou A+ (pas ${p.categorie}).` };
  }
  if (cadres.length === 0 || !p.filiere || !p.categorie) return null;
  const other = cadres.find((c) => legalCategorie(c.categorie) !== legalCategorie(p.categorie));
  if (other) {
    return { path: "categorie", message: `Le cadre d’emplois « ${other.label} » est de catégorie ${other.categorie} : la catégorie du poste doit être ${other.categorie} (pas ${p.categorie}), ou retirez ce cadre d’emplois.` };
  }
  if (!cadres.some((c) => c.filiere === p.filiere)) {
    const names = [...new Set(cadres.map((c) => filiereLabel(c.filiere).replace(/^Filière /i, "").toLowerCase()))];
    return { path: "filiere", message: `Les cadres d’emplois choisis relèvent de la filière ${names.join(" ou ")} : choisissez ${names.length > 1 ? "l’une de ces filières" : "cette filière"} (pas ${filiereLabel(p.filiere).replace(/^Filière /i, "").toLowerCase()}).` };
  }
  return null;
}

/** Strates of more than 40,000 inhabitants (index in STRATES): see contractOnEmploiFonctionnel. */
const STRATE_ABOVE_40K = 3;

/**
 * Whether a contractuel may be recruited directly on an emploi fonctionnel (article L343-1
 * CGFP, as amended by loi n° 2019-828): DGS and DGA of départements and régions; DGS, DGA and
 * DGST of communes and EPCI of more than 40,000 inhabitants. Elsewhere the post is filled by
 * détachement of a fonctionnaire. Decided from the employer's kind and population when known,
 * else from the strate; null when nothing tells (the server knows the employer).
 */
export function contractOnEmploiFonctionnel(kind: string, employer: { type: string | null; population?: number | null; strate: string | null }): boolean | null {
  if (employer.type === "DEPARTEMENT" || employer.type === "REGION") return kind !== "DGST";
  if (typeof employer.population === "number") return employer.population > 40_000;
  const index = employer.strate ? (STRATES as readonly string[]).indexOf(employer.strate) : -1;
  if (index >= 0) return index >= STRATE_ABOVE_40K;
  return null;
}
