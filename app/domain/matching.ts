import { distanceForAnonymous } from "~/access/rules";
import { getCadre, type Categorie } from "~/reference/statute";
import { competencyKey } from "../../search/competency-keys";

/**
 * The explainable matching of a position and a candidate: a score from 0 to 100 and the reasons
 * for it, in French words a consultant can repeat to a client. Pure: no database, no index, no
 * clock (today comes in the context), no territory lookup (points and the distance function come
 * in). app/domain/matching.server.ts maps Prisma rows to these types and builds the context.
 *
 * The model (docs/decisions/040-matching-score.md):
 *
 * - Every candidate starts at 50 points; each factor adds a weight (an asset) or takes one away
 *   (a reservation), and each weight is a reason. The score is 50 + the weights, kept in 0–100.
 * - Two caps, each said in a reason: a candidate the statute does not allow on the post
 *   (catégorie, cadre d'emplois, grade, emploi fonctionnel, contract) scores at most 25, one who
 *   lacks an indispensable competency at most 40; every other candidate scores at least 41. So a
 *   capped candidate never ranks above an eligible one who has every indispensable competency.
 * - Ranking: score, then the unrounded sum, then the profile id: equal inputs, equal order.
 */

// ---------------------------------------------------------------------------------------------
// Input

export type CompetencyLevel = "INDISPENSABLE" | "IMPORTANT" | "APPRECIABLE";
export type EmployerType = "COMMUNE" | "EPCI" | "DEPARTEMENT" | "REGION";
export type EmploiFonctionnelCode = "DGS" | "DGA" | "DGST";
export type CandidateStatus = "TITULAIRE" | "CONTRACTUEL" | "PRIVE" | "DEMANDEUR_EMPLOI";
export type HousingKind = "NONE" | "NAS" | "COP_A";
export type MatchPoint = { lat: number; lon: number };

export type MatchPosition = {
  id: string;
  title: string;
  filiere: string;
  categorie: Categorie;
  /** Cadre codes of app/domain/reference.ts; empty: the employer named none. */
  cadresEmplois: readonly string[];
  /** Grade labels; empty: every grade of the cadres (or of the catégorie). */
  grades: readonly string[];
  emploiFonctionnel: EmploiFonctionnelCode | null;
  openToTitulaires: boolean;
  openToContractuels: boolean;
  /** The collectivité: its kind and population decide the emplois fonctionnels' rules. */
  employer: { type: EmployerType | null; population: number | null };
  /** The workplace (its commune's centre). */
  place: MatchPoint | null;
  /** YYYY-MM-DD; null: as soon as possible. */
  startDate: string | null;
  competencies: ReadonlyArray<{ label: string; level: CompetencyLevel }>;
  /** Annual gross pay, régime indemnitaire included (as the position form asks). */
  salaryMin: number | null;
  salaryMax: number | null;
  /** IFSE, euros gross a month. */
  ifse: number | null;
  housing: HousingKind;
  housingHelp: boolean;
  temporaryAccommodation: boolean;
  remoteDays: number;
};

export type MatchProfile = {
  id: string;
  status: CandidateStatus | null;
  filiere: string | null;
  categorie: string | null;
  cadreEmplois: string | null;
  grade: string | null;
  /** « Lauréat(e) de concours, inscrit(e) sur liste d'aptitude »: the concours's cadre d'emplois and year. */
  laureateCadre?: string | null;
  laureateYear?: number | null;
  currentFunction: string | null;
  previousFunctions: readonly string[];
  wishedFunctions: readonly string[];
  wishedCategories: readonly string[];
  wishedFilieres: readonly string[];
  competencies: readonly string[];
  /** Home (its commune's centre). Never named in a reason. */
  home: MatchPoint | null;
  maxDistanceKm: number | null;
  willingToRelocate: boolean;
  needsHousing: boolean;
  /** Annual gross, euros. */
  salaryExpectation: number | null;
  remoteDaysWished: number | null;
  /** YYYY-MM-DD; null: now. */
  availableFrom: string | null;
};

/** What the scorer needs from outside, given once: today, the trade's synonyms, the distance. */
export type MatchContext = {
  /** YYYY-MM-DD. */
  today: string;
  vocabulary: Vocabulary;
  distanceKm: (a: MatchPoint, b: MatchPoint) => number;
};

/**
 * How reasons may speak of the candidate: "full" for the candidate themselves and a consultant
 * who knows who they are; "anonymous" for a pseudonym, whose home distance is only a band
 * (app/access/rules.ts distanceForAnonymous).
 */
export type Disclosure = "full" | "anonymous";

// ---------------------------------------------------------------------------------------------
// Output

export const MATCH_FACTORS = ["plafond", "statut", "competences", "fonction", "distance", "remuneration", "logement", "disponibilite", "teletravail", "souhaits"] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

/** One reason: its words, and the points it adds (an asset) or takes (a reservation). */
export type MatchReason = { factor: MatchFactor; text: string; weight: number };

export type MatchResult = {
  score: number;
  /** Why the score is held at CAP or below, when it is. */
  capped: "statut" | "competence" | null;
  /** Strongest first: the caps, then by weight (either sign), then by factor. */
  reasons: MatchReason[];
  /** 50 + every weight, before rounding, bounds and caps: the tie-breaker after the score. */
  raw: number;
};

export const BASE = 50;
/** The highest score of a capped candidate; every other scores above it. */
export const CAP = 40;
/** The statute forbidding the recruitment is worse than a competency to acquire: a lower cap. */
export const STATUTORY_CAP = 25;

// ---------------------------------------------------------------------------------------------
// Words: accents, case, plurals and the trade's synonyms

/** Words that carry nothing when two competencies are compared. */
const STOP = new Set(["de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux", "pour", "avec", "sur", "par", "un", "une", "h", "f", "hf", "ou"]);

/** "Finances locales" → "finances locales": lower case, no accent, punctuation as spaces. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function stem(word: string): string {
  // French plurals: "finances" and "finance", "réseaux" and "réseau" are one word here.
  if (word.length > 3 && word.endsWith("aux")) return `${word.slice(0, -3)}al`;
  if (word.length > 3 && (word.endsWith("s") || word.endsWith("x"))) return word.slice(0, -1);
  return word;
}

/**
 * The trade's synonyms (search/settings.ts SYNONYM_GROUPS), compiled once: every term of a group
 * is rewritten as the group's one token before words are compared, the longest terms first.
 */
export type Vocabulary = {
  terms: ReadonlyArray<{ words: string[]; token: string }>;
  /** The terms by their first word, longest first: a phrase is read in one pass. */
  byFirstWord: ReadonlyMap<string, ReadonlyArray<{ words: string[]; token: string }>>;
};

export function compileVocabulary(groups: readonly (readonly string[])[]): Vocabulary {
  const terms: Array<{ words: string[]; token: string }> = [];
  groups.forEach((group, i) => {
    for (const term of group) {
      const words = normalizeText(term).split(" ").filter(Boolean).map(stem);
      if (words.length) terms.push({ words, token: `~${i}` });
    }
  });
  terms.sort((a, b) => b.words.length - a.words.length || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0) || (a.words.join(" ") < b.words.join(" ") ? -1 : 1));
  const byFirstWord = new Map<string, Array<{ words: string[]; token: string }>>();
  for (const t of terms) (byFirstWord.get(t.words[0]) ?? byFirstWord.set(t.words[0], []).get(t.words[0])!).push(t);
  return { terms, byFirstWord };
}

/** A phrase as a set of comparable tokens: synonyms folded, stop words out. */
export function tokens(phrase: string, vocabulary: Vocabulary): Set<string> {
  const words = normalizeText(phrase).split(" ").filter(Boolean).map(stem);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const term = vocabulary.byFirstWord.get(words[i])?.find((t) => t.words.every((w, k) => words[i + k] === w));
    if (term) {
      out.push(term.token);
      i += term.words.length;
    } else {
      out.push(words[i]);
      i += 1;
    }
  }
  return new Set(out.filter((w) => !STOP.has(w)));
}

/**
 * How well a candidate's phrase covers a wanted one: 1 the same (synonyms, accents, plurals
 * aside), 0.6 a close one (one contains the other, or they share at least half their words),
 * 0 otherwise.
 */
export function phraseMatch(wanted: Set<string>, held: Set<string>): number {
  if (wanted.size === 0 || held.size === 0) return 0;
  let common = 0;
  for (const w of wanted) if (held.has(w)) common++;
  if (common === wanted.size && common === held.size) return 1;
  if (common === wanted.size || common === held.size) return 0.6;
  const union = wanted.size + held.size - common;
  return common / union >= 0.5 ? 0.6 : 0;
}

// ---------------------------------------------------------------------------------------------
// French

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "2027-03-01" → "1er mars 2027". */
export function frenchDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d === 1 ? "1er" : d} ${MONTHS[m - 1]} ${y}`;
}

/** 52000 → "52 k€", 52500 → "52,5 k€". */
export function kiloEuros(n: number): string {
  const k = Math.round(n / 100) / 10;
  return `${String(k).replace(".", ",")} k€`;
}

function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** « Marchés publics » in a sentence is « marchés publics »; an acronym (« CCAS », « RH ») stays. */
function lowerFirst(s: string): string {
  if (!s || /^\p{Lu}{2}/u.test(s)) return s;
  return s[0].toLowerCase() + s.slice(1);
}

const LEVEL_WORD: Record<CompetencyLevel, string> = { INDISPENSABLE: "indispensable", IMPORTANT: "importante", APPRECIABLE: "appréciable" };

const STATUS_WORD: Record<CandidateStatus, string> = {
  TITULAIRE: "Fonctionnaire titulaire",
  CONTRACTUEL: "Sous contrat",
  PRIVE: "En poste dans le privé",
  DEMANDEUR_EMPLOI: "En recherche d’emploi",
};

const FONCTIONNEL_WORD: Record<EmploiFonctionnelCode, string> = { DGS: "DGS", DGA: "DGA", DGST: "DST / DGST" };

const EMPLOYER_WORD: Record<EmployerType, string> = { COMMUNE: "commune", EPCI: "intercommunalité", DEPARTEMENT: "département", REGION: "région" };

function employerWords(e: MatchPosition["employer"]): string {
  const kind = e.type ? EMPLOYER_WORD[e.type] : "collectivité";
  return e.population !== null && (e.type === "COMMUNE" || e.type === "EPCI") ? `${kind} de ${thousands(e.population)} habitants` : kind;
}

// ---------------------------------------------------------------------------------------------
// The statute: who may hold the post

/** A+ is a convention of the trade (prisma/data/cadres-emplois.json): by law it is catégorie A. */
export function legalCategorie(categorie: string | null): string | null {
  if (!categorie) return null;
  return categorie === "A+" ? "A" : categorie;
}

/**
 * Whether the emploi fonctionnel the position names exists for its collectivité: below its
 * threshold the post is an ordinary one, held on one's grade.
 * - DGS of a commune of 2,000 inhabitants and more; DGA of a commune of more than 10,000:
 *   décret n° 87-1101 du 30 décembre 1987, art. 1 (version in force 2024, Légifrance).
 * - DGST / DST of a commune of more than 10,000: article L412-6 CGFP and décret n° 90-128 du
 *   9 février 1990, art. 1 (DST 10,000–40,000, DGST above).
 * - DGS, DGA, DGST of an EPCI à fiscalité propre of more than 10,000: article L412-6 CGFP.
 * - DGS and DGA of every département and région: article L412-6 CGFP. A DGST of a département
 *   or région is not in the lists of L412-6 we could read (CDG 09, Sénat 2018): not verified,
 *   taken here as existing when the employer names it.
 * Unknown kind or population: the employer's word is taken.
 */
export function emploiFonctionnelExists(kind: EmploiFonctionnelCode, employer: MatchPosition["employer"]): boolean {
  const { type, population } = employer;
  if (type === null || population === null) return true;
  if (type === "DEPARTEMENT" || type === "REGION") return true;
  if (type === "COMMUNE") return kind === "DGS" ? population >= 2_000 : population > 10_000;
  return population > 10_000;
}

/**
 * Whether a contract is lawful on the emploi fonctionnel (« recrutement direct »): article
 * L343-1 CGFP (formerly article 47 of loi n° 84-53, as amended by article 16 of loi n° 2019-828
 * du 6 août 2019; décret n° 2020-257 du 13 mars 2020): DGS and DGA of départements and régions;
 * DGS, DGA and DGST of communes and EPCI à fiscalité propre of more than 40,000 inhabitants.
 * The threshold was 80,000 (DGS) and 150,000 (DGA) before 2019: the brief that started this work
 * quoted 80,000; the texts in force (Gazette des communes, CNFPT wiki territorial, Landot
 * avocats, 2019–2023) say 40,000, which is what this encodes.
 */
export function contractLawfulOnEmploiFonctionnel(kind: EmploiFonctionnelCode, employer: MatchPosition["employer"]): boolean {
  const { type, population } = employer;
  if (type === "DEPARTEMENT" || type === "REGION") return kind !== "DGST";
  if (population === null) return false;
  return population > 40_000;
}

/**
 * Who may be détaché on an emploi fonctionnel, by the size of the collectivité:
 * - only fonctionnaires of catégorie A (décret n° 87-1101, art. 6–7, « seuls les fonctionnaires
 *   de catégorie A » as the CDG 09 and the Assemblée nationale's answer n° 60237 quote it);
 * - DST / DGST: the engineers of the filière technique (ingénieurs, ingénieurs en chef:
 *   décret n° 90-128, art. 6 — the article itself was not read, only centres de gestion's
 *   summaries: not verified beyond them);
 * - DGS of more than 80,000 inhabitants (and of départements and régions): administrateurs and
 *   grades whose indice brut terminal reaches the hors-échelle B (Gazette des communes, 2017). We
 *   take the catégorie « A+ » cadres of the reference list, plus attaché hors classe and
 *   ingénieur hors classe, whose échelon spécial reaches HEB (not verified in the décrets);
 * - the thresholds of indice brut between 10,000 and 80,000 inhabitants (IB 966, 985, 1015,
 *   depending on the decree's version) are not encoded: the texts we could read disagree by
 *   version, and the employer's list of grades says it for its post.
 * Returns null when allowed, else why not (French, for the reason).
 */
export function detachementRefusal(kind: EmploiFonctionnelCode, employer: MatchPosition["employer"], profile: Pick<MatchProfile, "categorie" | "cadreEmplois" | "grade" | "filiere">): string | null {
  if (legalCategorie(profile.categorie) !== "A") return `seuls les fonctionnaires de catégorie A peuvent être détachés sur l’emploi fonctionnel de ${FONCTIONNEL_WORD[kind]}`;
  const cadre = profile.cadreEmplois ? getCadre(profile.cadreEmplois) : undefined;
  if (kind === "DGST" && (cadre?.filiere ?? profile.filiere) !== "technique") return "l’emploi de DST / DGST est réservé aux ingénieurs";
  const large = employer.type === "DEPARTEMENT" || employer.type === "REGION" || (employer.population !== null && employer.population > 80_000);
  if (large && (kind === "DGS" || kind === "DGST")) {
    const senior = profile.categorie === "A+" || profile.grade === "Attaché hors classe" || profile.grade === "Ingénieur hors classe";
    if (!senior) return `au-delà de 80 000 habitants, l’emploi de ${FONCTIONNEL_WORD[kind]} est réservé aux administrateurs, ingénieurs en chef et grades équivalents`;
  }
  return null;
}

type Statutory = { eligible: boolean; reasons: MatchReason[] };

const W_STATUT = { mutation: 10, fonctionnel: 10, otherCadre: 6, nomination: 8, contract: 7, contractCategorie: -4, refused: -20 } as const;

function statutoryReasons(position: MatchPosition, profile: MatchProfile, disclosure: Disclosure = "full"): Statutory {
  const reason = (text: string, weight: number): MatchReason => ({ factor: "statut", text, weight });
  const refuse = (text: string): Statutory => ({ eligible: false, reasons: [reason(text, W_STATUT.refused)] });
  // An anonymous card never shows the grade (the gate's rule 14): its reasons name the statut.
  const statusWord = profile.status ? STATUS_WORD[profile.status] : null;
  const who = disclosure === "anonymous"
    ? (statusWord ?? "Profil")
    : (profile.grade ?? (profile.cadreEmplois ? getCadre(profile.cadreEmplois)?.label : null) ?? statusWord);
  const fonctionnel = position.emploiFonctionnel && emploiFonctionnelExists(position.emploiFonctionnel, position.employer) ? position.emploiFonctionnel : null;
  const notes: MatchReason[] = [];
  if (position.emploiFonctionnel && !fonctionnel) {
    notes.push(reason(`${employerWords(position.employer)[0].toUpperCase()}${employerWords(position.employer).slice(1)} : le poste n’est pas un emploi fonctionnel de ${FONCTIONNEL_WORD[position.emploiFonctionnel]}, il se tient sur son grade`, 0));
  }
  const titulaire = profile.status === "TITULAIRE";
  // A job seeker with a cadre and a grade is on a liste d'aptitude (or was a titulaire): they may
  // be nommé on a post open to titulaires, but only a fonctionnaire can be détaché.
  const aptitude = profile.status === "DEMANDEUR_EMPLOI" && !!profile.cadreEmplois && !!profile.grade;

  const viaContract = (): Statutory => {
    if (!position.openToContractuels) return refuse(`${profile.status ? STATUS_WORD[profile.status] : "Statut non précisé"} : le poste n’est pas ouvert aux contractuels`);
    if (fonctionnel && !contractLawfulOnEmploiFonctionnel(fonctionnel, position.employer)) {
      return refuse(`${profile.status ? STATUS_WORD[profile.status] : "Statut non précisé"} : pas de recrutement contractuel sur l’emploi fonctionnel de ${FONCTIONNEL_WORD[fonctionnel]} d’une ${employerWords(position.employer)} (art. L343-1 CGFP : plus de 40 000 habitants, départements et régions)`);
    }
    const out = [...notes];
    out.push(reason(fonctionnel
      ? `${STATUS_WORD[profile.status ?? "CONTRACTUEL"]} : recrutement direct possible sur l’emploi fonctionnel de ${FONCTIONNEL_WORD[fonctionnel]} (art. L343-1 CGFP)`
      : `${STATUS_WORD[profile.status ?? "CONTRACTUEL"]} : poste ouvert aux contractuels`, W_STATUT.contract));
    const theirs = legalCategorie(profile.categorie);
    if (theirs && theirs !== legalCategorie(position.categorie)) out.push(reason(`Expérience de catégorie ${theirs} pour un poste de catégorie ${legalCategorie(position.categorie)}`, W_STATUT.contractCategorie));
    return { eligible: true, reasons: out };
  };

  // A lauréat(e) on a liste d'aptitude may be nommé(e) on a post of the concours's cadre
  // d'emplois, whatever their statut today (a rédacteur lauréat of the concours d'attaché
  // included); not on an emploi fonctionnel, which only a titulaire may hold by détachement.
  const laureate = profile.laureateCadre ? getCadre(profile.laureateCadre) : undefined;
  if (laureate && position.openToTitulaires && !fonctionnel) {
    const listed = position.cadresEmplois.length ? position.cadresEmplois.includes(laureate.code) : laureate.filiere === position.filiere && legalCategorie(laureate.categorie) === legalCategorie(position.categorie);
    if (listed) {
      // An anonymous card never shows the concours's year (lists of aptitude are public).
      const which = disclosure === "anonymous" ? "d’un concours de ce cadre d’emplois" : `du concours des ${laureate.label.toLowerCase()}${profile.laureateYear ? ` (liste d’aptitude ${profile.laureateYear})` : ""}`;
      return { eligible: true, reasons: [...notes, reason(`Lauréat(e) ${which} : nomination possible sur le poste`, W_STATUT.nomination)] };
    }
  }
  if (!profile.status) return refuse("Statut non renseigné : l’éligibilité ne peut pas être vérifiée");
  if (!titulaire && !aptitude) return viaContract();
  if (!profile.grade && !profile.cadreEmplois) return refuse(`${STATUS_WORD[profile.status]} sans grade renseigné : l’éligibilité ne peut pas être vérifiée`);
  if (!position.openToTitulaires) return refuse(`${who} : le poste est réservé aux contractuels`);

  if (fonctionnel) {
    if (aptitude) return viaContract();
    const refusal = detachementRefusal(fonctionnel, position.employer, profile);
    if (refusal) return refuse(`${who} : ${refusal}`);
  } else if (legalCategorie(profile.categorie) !== legalCategorie(position.categorie)) {
    return refuse(`${who} : catégorie ${legalCategorie(profile.categorie) ?? "non renseignée"}, le poste est de catégorie ${legalCategorie(position.categorie)}`);
  }
  if (position.grades.length && !(profile.grade && position.grades.includes(profile.grade))) {
    return refuse(`${who} : grade non retenu par l’employeur (${position.grades.join(", ")})`);
  }
  const cadreListed = position.cadresEmplois.length === 0 ? null : !!profile.cadreEmplois && position.cadresEmplois.includes(profile.cadreEmplois);
  const sameFiliere = (profile.cadreEmplois ? getCadre(profile.cadreEmplois)?.filiere : profile.filiere) === position.filiere;
  const own = cadreListed === true || (cadreListed === null && sameFiliere) || (position.grades.length > 0);
  const out = [...notes];
  if (fonctionnel) {
    out.push(reason(
      own
        ? `${who} : détachement possible sur l’emploi fonctionnel de ${FONCTIONNEL_WORD[fonctionnel]} (${employerWords(position.employer)})`
        : `${who} : détachement possible sur l’emploi fonctionnel de ${FONCTIONNEL_WORD[fonctionnel]}, d’un autre cadre d’emplois que ceux demandés`,
      own ? W_STATUT.fonctionnel : W_STATUT.otherCadre,
    ));
  } else if (aptitude) {
    out.push(reason(own ? `${who} : nomination possible (liste d’aptitude)` : `${who} : autre cadre d’emplois que ceux demandés, nomination à discuter`, own ? W_STATUT.nomination : W_STATUT.otherCadre - 2));
  } else {
    out.push(reason(
      own ? `${who} : grade accepté (mutation)` : `${who} : autre cadre d’emplois de catégorie ${legalCategorie(position.categorie)}, détachement possible`,
      own ? W_STATUT.mutation : W_STATUT.otherCadre,
    ));
  }
  return { eligible: true, reasons: out };
}

// ---------------------------------------------------------------------------------------------
// Competencies

const LEVEL_WEIGHT: Record<CompetencyLevel, number> = { INDISPENSABLE: 3, IMPORTANT: 2, APPRECIABLE: 1 };
/** The points all the position's competencies are worth together, shared by level weight. */
const COMPETENCY_POINTS = 24;
/** What a missing indispensable competency takes away at least (on top of the cap). */
const MISSING_INDISPENSABLE = 6;

// The position's phrases as tokens, once per position and vocabulary (a ranking scores one
// position against hundreds of profiles).
const wantedTokens = new WeakMap<object, WeakMap<Vocabulary, Map<string, Set<string>>>>();
function cachedTokens(owner: object, phrase: string, vocabulary: Vocabulary): Set<string> {
  let byVocabulary = wantedTokens.get(owner);
  if (!byVocabulary) wantedTokens.set(owner, (byVocabulary = new WeakMap()));
  let phrases = byVocabulary.get(vocabulary);
  if (!phrases) byVocabulary.set(vocabulary, (phrases = new Map()));
  let set = phrases.get(phrase);
  if (!set) phrases.set(phrase, (set = tokens(phrase, vocabulary)));
  return set;
}

// The position's competency keys (search/competency-keys.ts), once per position likewise.
const wantedKeys = new WeakMap<object, Map<string, string>>();
function cachedKey(owner: object, label: string): string {
  let keys = wantedKeys.get(owner);
  if (!keys) wantedKeys.set(owner, (keys = new Map()));
  let key = keys.get(label);
  if (key === undefined) keys.set(label, (key = competencyKey(label)));
  return key;
}

function competencyReasons(position: MatchPosition, profile: MatchProfile, vocabulary: Vocabulary): { missingIndispensable: string[]; reasons: MatchReason[] } {
  const wanted = position.competencies.filter((c) => c.label.trim());
  const total = wanted.reduce((s, c) => s + LEVEL_WEIGHT[c.level], 0);
  // A held label of the same key as the wanted one (search/competency-keys.ts) is the same
  // competency: the feasibility counts and the suggestions' exact tier count it so; the score too.
  const held = profile.competencies.map((label) => ({ label, tokens: tokens(label, vocabulary), key: competencyKey(label) }));
  const reasons: MatchReason[] = [];
  const missingIndispensable: string[] = [];
  for (const c of wanted) {
    const share = (COMPETENCY_POINTS * LEVEL_WEIGHT[c.level]) / total;
    const want = cachedTokens(position, c.label, vocabulary);
    const wantedKey = cachedKey(position, c.label);
    let best = { score: 0, label: "" };
    for (const h of held) {
      const s = h.key && h.key === wantedKey ? 1 : phraseMatch(want, h.tokens);
      if (s > best.score) best = { score: s, label: h.label };
    }
    const what = lowerFirst(c.label.trim());
    if (best.score === 1) reasons.push({ factor: "competences", text: `Compétence ${LEVEL_WORD[c.level]} : ${what}`, weight: share });
    else if (best.score > 0) reasons.push({ factor: "competences", text: `Compétence ${LEVEL_WORD[c.level]} approchée : ${what} (« ${best.label.trim()} »)`, weight: share * best.score });
    else if (c.level === "INDISPENSABLE") {
      missingIndispensable.push(what);
      reasons.push({ factor: "competences", text: `Compétence indispensable absente : ${what}`, weight: -Math.max(share, MISSING_INDISPENSABLE) });
    } else if (c.level === "IMPORTANT") reasons.push({ factor: "competences", text: `Compétence importante absente : ${what}`, weight: -share / 2 });
  }
  return { missingIndispensable, reasons };
}

// ---------------------------------------------------------------------------------------------
// The function itself

function functionReason(position: MatchPosition, profile: MatchProfile, vocabulary: Vocabulary, disclosure: Disclosure = "full"): MatchReason | null {
  const title = cachedTokens(position, position.title, vocabulary);
  const best = (list: readonly (string | null)[]) => Math.max(0, ...list.map((f) => (f ? phraseMatch(title, tokens(f, vocabulary)) : 0)));
  const current = best([profile.currentFunction]);
  if (current > 0 && profile.currentFunction) {
    // An anonymous card shows a family of functions, never the title (the gate's rule 14).
    const what = disclosure === "anonymous" ? "" : ` : ${lowerFirst(profile.currentFunction)}`;
    return { factor: "fonction", text: `${current === 1 ? "Exerce déjà cette fonction" : "Exerce une fonction proche"}${what}`, weight: 6 * current };
  }
  const previous = best(profile.previousFunctions);
  if (previous > 0) return { factor: "fonction", text: previous === 1 ? "A déjà exercé cette fonction" : "A exercé une fonction proche", weight: 4 * previous };
  const wished = best(profile.wishedFunctions);
  if (wished > 0) return { factor: "fonction", text: "Souhaite une fonction de ce type", weight: 3 * wished };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Distance, pay, housing, availability, remote work, wishes

/** A radius nobody gave: what most people accept to drive every day. */
const DEFAULT_RADIUS_KM = 30;
/** Beyond this, moving for the post is a change of region. */
const FAR_MOVE_KM = 150;

function distanceReason(km: number | null, profile: MatchProfile, disclosure: Disclosure): { reason: MatchReason; beyond: boolean } {
  if (km === null) return { reason: { factor: "distance", text: "Domicile ou lieu du poste non renseigné : distance inconnue", weight: 0 }, beyond: true };
  // « Domicile à 42 km » when the distance may be told; « Domicile : entre 20 et 30 km » in a band.
  const shown = disclosure === "anonymous" ? `: ${distanceForAnonymous(km)}` : km < 1 ? "à moins de 1 km" : `à ${Math.round(km)} km`;
  const radius = profile.maxDistanceKm ?? DEFAULT_RADIUS_KM;
  const within = profile.maxDistanceKm !== null ? `rayon accepté ${profile.maxDistanceKm} km` : "rayon non précisé";
  const beyond = profile.maxDistanceKm !== null ? `au-delà du rayon accepté (${profile.maxDistanceKm} km)` : `au-delà de ${DEFAULT_RADIUS_KM} km (rayon non précisé)`;
  // Living within reach is worth more than moving, even with housing found (at most 1 + 2).
  if (km <= radius) return { reason: { factor: "distance", text: `Domicile ${shown} ; ${within}`, weight: 8 - (4 * km) / Math.max(radius, 1) }, beyond: false };
  if (profile.willingToRelocate) {
    // A move across France is a real project, often given up: the recruiter will want it confirmed.
    return km <= FAR_MOVE_KM
      ? { reason: { factor: "distance", text: `Domicile ${shown}, ${beyond} ; déménagement envisagé`, weight: 1 }, beyond: true }
      : { reason: { factor: "distance", text: `Domicile ${shown} ; déménagement envisagé, mobilité lointaine à confirmer`, weight: -3 }, beyond: true };
  }
  if (km <= radius * 1.25) return { reason: { factor: "distance", text: `Domicile ${shown}, un peu ${beyond}`, weight: -5 }, beyond: true };
  // Someone who will neither drive that far nor move will not take the post: almost a cap.
  return { reason: { factor: "distance", text: `Domicile ${shown}, ${beyond}, sans projet de déménagement`, weight: -25 }, beyond: true };
}

function salaryReason(position: MatchPosition, profile: MatchProfile): MatchReason | null {
  const e = profile.salaryExpectation;
  if (e === null) return null;
  const { salaryMin: min, salaryMax: max } = position;
  const expect = `Attente salariale ${kiloEuros(e)}`;
  const range = min !== null && max !== null ? `${kiloEuros(min).replace(" k€", "")} à ${kiloEuros(max)}` : min !== null ? `à partir de ${kiloEuros(min)}` : max !== null ? `jusqu’à ${kiloEuros(max)}` : null;
  if (range === null) return { factor: "remuneration", text: `${expect} ; rémunération du poste non précisée`, weight: 0 };
  const withIfse = position.ifse ? " avec l’IFSE" : "";
  if (max === null) {
    return e <= min! * 1.1
      ? { factor: "remuneration", text: `${expect} : compatible avec la rémunération proposée (${range}${withIfse})`, weight: 2 }
      : { factor: "remuneration", text: `${expect} : au-dessus du minimum proposé (${range}), à vérifier`, weight: 0 };
  }
  if (min !== null && e < min) return { factor: "remuneration", text: `${expect} : sous la fourchette (${range})`, weight: 3 };
  if (e <= max) return { factor: "remuneration", text: `${expect} : dans la fourchette${withIfse} (${range})`, weight: 3 };
  const gap = (e - max) / max;
  if (gap <= 0.05) return { factor: "remuneration", text: `${expect} : juste au-dessus de la fourchette (${range}), à discuter`, weight: -2 };
  if (gap <= 0.15) return { factor: "remuneration", text: `${expect} : au-dessus de la fourchette (${range})`, weight: -6 };
  // A statutory grid and a vote of the council stand between the post and such an expectation.
  return { factor: "remuneration", text: `${expect} : nettement au-dessus de la fourchette (${range})`, weight: -18 };
}

function housingReason(position: MatchPosition, profile: MatchProfile, moving: boolean): MatchReason | null {
  if (!profile.needsHousing || !moving) return null;
  if (position.housing !== "NONE") return { factor: "logement", text: "Besoin de logement : logement de fonction proposé", weight: 2 };
  if (position.housingHelp) return { factor: "logement", text: "Besoin de logement : aide à la recherche proposée", weight: 1 };
  if (position.temporaryAccommodation) return { factor: "logement", text: "Besoin de logement : hébergement temporaire proposé", weight: 0.5 };
  return { factor: "logement", text: "Besoin de logement : ni logement ni aide proposés", weight: -10 };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

function availabilityReason(position: MatchPosition, profile: MatchProfile, today: string, disclosure: Disclosure): MatchReason {
  const start = position.startDate && position.startDate > today ? position.startDate : today;
  const available = profile.availableFrom && profile.availableFrom > today ? profile.availableFrom : today;
  const late = daysBetween(start, available);
  const startWords = position.startDate && position.startDate > today ? `prise de poste le ${frenchDay(position.startDate)}` : "poste à pourvoir dès que possible";
  // An anonymous card shows availability by period, not by day: its reasons do the same.
  const when = disclosure === "anonymous" ? "" : ` le ${frenchDay(available)}`;
  if (late <= 0) {
    const text = available === today ? `Disponible immédiatement ; ${startWords}` : disclosure === "anonymous" ? `Disponible avant la date voulue ; ${startWords}` : `Disponible${when} ; ${startWords}`;
    return { factor: "disponibilite", text, weight: 2 };
  }
  const delay = late < 14 ? `${late} jour${late > 1 ? "s" : ""}` : late < 60 ? `${Math.round(late / 7)} semaines` : `${Math.round(late / 30)} mois`;
  return { factor: "disponibilite", text: `Disponible${when ? `${when},` : ""} ${delay} après la ${startWords.startsWith("prise") ? "prise de poste" : "date souhaitée"}`, weight: late <= 90 ? -2 : -6 };
}

function remoteReason(position: MatchPosition, profile: MatchProfile): MatchReason | null {
  const wished = profile.remoteDaysWished ?? 0;
  if (wished <= 0) return null;
  const offered = position.remoteDays;
  const days = (n: number) => (n === 0 ? "aucun proposé" : `${n} proposé${n > 1 ? "s" : ""}`);
  const text = `Télétravail : ${wished} jour${wished > 1 ? "s" : ""} souhaité${wished > 1 ? "s" : ""}, ${days(offered)}`;
  return wished <= offered ? { factor: "teletravail", text, weight: 1 } : { factor: "teletravail", text, weight: -Math.min(4, 1.5 * (wished - offered)) };
}

function wishReasons(position: MatchPosition, profile: MatchProfile): MatchReason[] {
  const out: MatchReason[] = [];
  if (profile.wishedCategories.length && !profile.wishedCategories.includes(position.categorie) && !profile.wishedCategories.map(legalCategorie).includes(legalCategorie(position.categorie))) {
    out.push({ factor: "souhaits", text: `Vise la catégorie ${profile.wishedCategories.join(" ou ")} ; poste de catégorie ${position.categorie}`, weight: -3 });
  }
  if (profile.wishedFilieres.length && !profile.wishedFilieres.includes(position.filiere)) {
    out.push({ factor: "souhaits", text: `Vise une autre filière que celle du poste`, weight: -2 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The score

const FACTOR_ORDER = new Map(MATCH_FACTORS.map((f, i) => [f, i]));

function byStrength(a: MatchReason, b: MatchReason): number {
  if ((a.factor === "plafond") !== (b.factor === "plafond")) return a.factor === "plafond" ? -1 : 1;
  return Math.abs(b.weight) - Math.abs(a.weight) || FACTOR_ORDER.get(a.factor)! - FACTOR_ORDER.get(b.factor)! || a.text.localeCompare(b.text, "fr");
}

/** Weights as reasons show them: one decimal at most, so that equal inputs print equal text. */
function tidy(weight: number): number {
  return Math.round(weight * 10) / 10 || 0;
}

export function scoreMatch(position: MatchPosition, profile: MatchProfile, context: MatchContext, disclosure: Disclosure = "full"): MatchResult {
  const statutory = statutoryReasons(position, profile, disclosure);
  const competencies = competencyReasons(position, profile, context.vocabulary);
  const km = position.place && profile.home ? context.distanceKm(position.place, profile.home) : null;
  const distance = distanceReason(km, profile, disclosure);
  const reasons: MatchReason[] = [
    ...statutory.reasons,
    ...competencies.reasons,
    functionReason(position, profile, context.vocabulary, disclosure),
    distance.reason,
    salaryReason(position, profile),
    housingReason(position, profile, distance.beyond),
    availabilityReason(position, profile, context.today, disclosure),
    remoteReason(position, profile),
    ...wishReasons(position, profile),
  ].filter((r): r is MatchReason => r !== null).map((r) => ({ ...r, weight: tidy(r.weight) }));

  const raw = BASE + reasons.reduce((s, r) => s + r.weight, 0);
  const capped = !statutory.eligible ? "statut" : competencies.missingIndispensable.length ? "competence" : null;
  const bounded = Math.min(100, Math.max(0, Math.round(raw)));
  const cap = capped === "statut" ? STATUTORY_CAP : CAP;
  const score = capped ? Math.min(bounded, cap) : Math.max(bounded, CAP + 1);
  if (capped) {
    const why = capped === "statut" ? "le statut ne permet pas ce recrutement" : competencies.missingIndispensable.length > 1 ? "des compétences indispensables manquent" : "une compétence indispensable manque";
    reasons.push({ factor: "plafond", text: `Score plafonné à ${cap} : ${why}`, weight: 0 });
  }
  return { score, capped, reasons: reasons.sort(byStrength), raw: Math.round(raw * 1000) / 1000 };
}

/** Ranks candidates for a position, best first; ties broken by the profile's id. */
export function rankProfiles<P extends MatchProfile>(
  position: MatchPosition,
  profiles: readonly P[],
  context: MatchContext,
  disclosure: (profile: P) => Disclosure = () => "full",
): Array<{ profile: P; result: MatchResult }> {
  return profiles
    .map((profile) => ({ profile, result: scoreMatch(position, profile, context, disclosure(profile)) }))
    .sort((a, b) => compareResults(a.result, b.result) || (a.profile.id < b.profile.id ? -1 : a.profile.id > b.profile.id ? 1 : 0));
}

/** Ranks positions for a candidate, best first; ties broken by the position's id. */
export function rankPositions<Q extends MatchPosition>(profile: MatchProfile, positions: readonly Q[], context: MatchContext): Array<{ position: Q; result: MatchResult }> {
  return positions
    .map((position) => ({ position, result: scoreMatch(position, profile, context, "full") }))
    .sort((a, b) => compareResults(a.result, b.result) || (a.position.id < b.position.id ? -1 : a.position.id > b.position.id ? 1 : 0));
}

/** Higher score first, then the higher unrounded sum. */
export function compareResults(a: MatchResult, b: MatchResult): number {
  return b.score - a.score || b.raw - a.raw;
}
