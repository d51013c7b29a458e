/**
 * THE GATE, the facts of an anonymous card (rule 14 of rules.ts;
 * docs/decisions/110-anonymous-card-k-anonymity.md). An anonymous profile shows no name, but
 * its exact function, grade, years of experience and département can name a person in a small
 * département: « Directrice générale des services, attachée principale, 17 ans, Lozère » is one
 * woman her employer knows. So an anonymous profile shows, to a cabinet, an employer or anyone
 * else, only coarsened facts, and only as coarse as needed:
 *
 * - the function as a family (« Direction générale »), never the exact title;
 * - the statute as the cadre d'emplois at best, never the grade;
 * - the experience in bands of five years at best, never the exact number;
 * - the département only where the pool is thick enough, else the région, else a quarter of
 *   France (or « Outre-mer »), else nothing.
 *
 * The rule: **no combination shown on an anonymous card matches fewer than K_ANONYMITY anonymous
 * profiles of the whole pool.** Each profile takes the first step of CARD_STEPS (most telling
 * first) at which its class — the anonymous profiles that show the same facts at that step —
 * holds at least K_ANONYMITY profiles. Every profile of that class fits the card, whatever step
 * it is shown at itself: at least K profiles fit what the card says. The last step shows
 * nothing that identifies; only a pool of fewer than K anonymous profiles in all falls through
 * to it without K (then the card says nothing of function, statute, experience or place).
 *
 * Counted over the ANONYMOUS profiles of the pool only: a VISIBLE profile is named on its
 * card, so it cannot stand in for an anonymous one. Competencies, wishes, salary expectation,
 * availability and the need for housing stay on the card: they are what a consultant searches
 * for, and they are declared to Vivier alone, not facts a current employer holds in its files.
 *
 * Pure and browser-safe. search/anonymous-steps.ts computes the steps over the pool and stores
 * them (CandidateProfile.anonymousStep); search/documents.ts writes only the coarsened facts in
 * an anonymous profile's document; the domain's anonymous views (suggestions, shortlists) call
 * anonymousCard with the stored step. A profile whose step is not known yet shows the last step.
 */

/** The smallest number of anonymous profiles that must fit any anonymous card. */
export const K_ANONYMITY = 5;

/** The facts that identify a person to someone who knows them (quasi-identifiers). */
export type QuasiFacts = {
  currentFunction: string | null;
  status: string | null;
  filiere: string | null;
  categorie: string | null;
  cadreEmplois: string | null;
  yearsExperience: number | null;
  departementCode: string | null;
  regionCode: string | null;
  /** Lauréat(e) of a concours, on a liste d'aptitude (never which one nor the year: the lists are public). */
  laureate?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Families of functions

/**
 * A function title's family, by the words of the trade (first rule that matches wins; the
 * technical directions before the general one, « directeur général des services techniques »
 * being technical).
 */
export const FUNCTION_FAMILIES: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  { label: "Services techniques", pattern: /services techniques|\bdst\b|\bdgst\b|technique|voirie|travaux|batiment|ingenieur|technicien|\beau\b|assainissement|dechet|espaces verts|\broute|reseaux|entretien|mecanic|electric|plomb|macon|jardinier|conducteur|agent polyvalent|maintenance|patrimoine bati|chantier/ },
  { label: "Direction générale", pattern: /general(e)? (adjoint(e)? )?des services|\bdgs\b|\bdga\b|\bdgas\b|secretaire general|secretaire de mairie|directeur de cabinet|directrice de cabinet|direction generale/ },
  { label: "Finances et contrôle de gestion", pattern: /financ|budget|comptab|controle(ur|use)? de gestion|fiscal|\bdaf\b/ },
  { label: "Ressources humaines", pattern: /ressources humaines|\brh\b|\bdrh\b|recrutement|paie|carriere|prevention/ },
  { label: "Commande publique et affaires juridiques", pattern: /march|commande publique|juris|juridique|achat|assurance/ },
  { label: "Urbanisme et aménagement", pattern: /urbanis|amenagement|foncier|habitat|\bsig\b|geomati|mobilite|developpement/ },
  { label: "Systèmes d'information", pattern: /informati|numerique|systemes d'information|\bdsi\b|reseau/ },
  { label: "Action sociale, santé et petite enfance", pattern: /social|\bccas\b|\bcias\b|creche|petite enfance|puericult|auxiliaire|sante|\bpmi\b|medecin|infirm|enfance|famille|insertion|maternel/ },
  { label: "Culture, sport et jeunesse", pattern: /biblioth|mediath|cultur|musee|archiv|sport|piscine|nageur|animat|jeunesse|periscolaire|loisirs|educat/ },
  { label: "Sécurité et police municipale", pattern: /polic|securite|garde champetre|\basvp\b/ },
  { label: "Administration générale et accueil", pattern: /accueil|etat civil|secretaire|assistant|gestionnaire|administrati|charge(e)? de mission|chef(fe)? de projet|communication|agent/ },
];

export const OTHER_FAMILY = "Autre fonction";

function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’']/g, "'");
}

// Titles repeat across a pool: the steps of 100,000 profiles test the patterns once per title.
const familyCache = new Map<string, string>();

/** The family of a function title, or null without a title. */
export function functionFamily(title: string | null): string | null {
  if (!title || title.trim() === "") return null;
  const cached = familyCache.get(title);
  if (cached) return cached;
  const t = fold(title);
  const family = FUNCTION_FAMILIES.find((f) => f.pattern.test(t))?.label ?? OTHER_FAMILY;
  if (familyCache.size > 20_000) familyCache.clear();
  familyCache.set(title, family);
  return family;
}

// ---------------------------------------------------------------------------------------------
// Experience bands

/** A band of years of experience: at least fromYears, at most toYears (null: no upper bound). */
export type ExperienceBand = { fromYears: number; toYears: number | null };

const FINE_BANDS = [0, 5, 10, 15, 20, 30] as const;
const WIDE_BANDS = [0, 10, 20] as const;

function bandOf(years: number, starts: readonly number[]): ExperienceBand {
  let i = 0;
  while (i + 1 < starts.length && years >= starts[i + 1]) i++;
  const from = starts[i];
  const next = starts[i + 1];
  return { fromYears: from, toYears: next === undefined ? null : next - 1 };
}

export function experienceBandLabel(band: ExperienceBand): string {
  if (band.toYears === null) return `${band.fromYears} ans et plus`;
  if (band.fromYears === 0) return `moins de ${band.toYears + 1} ans`;
  return `${band.fromYears} à ${band.toYears} ans`;
}

// ---------------------------------------------------------------------------------------------
// Wide areas

/** A quarter of metropolitan France, or the overseas régions, by région code (INSEE). */
const AREA_OF_REGION: Readonly<Record<string, string>> = {
  "28": "Nord-Ouest", "53": "Nord-Ouest", "52": "Nord-Ouest", "24": "Nord-Ouest",
  "11": "Nord-Est", "32": "Nord-Est", "44": "Nord-Est", "27": "Nord-Est",
  "75": "Sud-Ouest", "76": "Sud-Ouest",
  "84": "Sud-Est", "93": "Sud-Est", "94": "Sud-Est",
  "01": "Outre-mer", "02": "Outre-mer", "03": "Outre-mer", "04": "Outre-mer", "06": "Outre-mer",
};

export function wideArea(regionCode: string | null): string | null {
  return regionCode ? (AREA_OF_REGION[regionCode] ?? null) : null;
}

export function wideAreaLabel(area: string): string {
  return area === "Outre-mer" ? "Outre-mer" : `Quart ${area.toLowerCase()} de la France`;
}

// ---------------------------------------------------------------------------------------------
// The steps

/** How fine each fact is shown at a step: 0 is the finest a card ever shows. */
type StepLevels = {
  /** 0: the family; 1: nothing. */
  fn: 0 | 1;
  /** 0: statut, filière, catégorie, cadre d'emplois; 1: statut, filière, catégorie; 2: statut, catégorie; 3: nothing. */
  statute: 0 | 1 | 2 | 3;
  /** 0: bands of five years; 1: bands of ten; 2: nothing. */
  experience: 0 | 1 | 2;
  /** 0: the département; 1: the région; 2: the wide area; 3: nothing. */
  place: 0 | 1 | 2 | 3;
};

/**
 * Most telling first. The first seven coarsen one fact at a time, the place first (what a small
 * département gives away), the family and the catégorie last (what a consultant needs most);
 * then, for thin pools, the family without any place, or the place without the family.
 */
export const CARD_STEPS: readonly StepLevels[] = [
  { fn: 0, statute: 0, experience: 0, place: 0 },
  { fn: 0, statute: 0, experience: 0, place: 1 },
  { fn: 0, statute: 0, experience: 1, place: 1 },
  { fn: 0, statute: 1, experience: 1, place: 1 },
  { fn: 0, statute: 1, experience: 1, place: 2 },
  { fn: 0, statute: 2, experience: 1, place: 2 },
  { fn: 0, statute: 2, experience: 2, place: 2 },
  { fn: 0, statute: 2, experience: 2, place: 3 },
  { fn: 1, statute: 2, experience: 1, place: 2 },
  { fn: 1, statute: 2, experience: 2, place: 2 },
  { fn: 0, statute: 3, experience: 2, place: 3 },
  { fn: 1, statute: 2, experience: 2, place: 3 },
  { fn: 1, statute: 3, experience: 2, place: 3 },
];

export const LAST_STEP = CARD_STEPS.length - 1;

/** What an anonymous card may show: each fact coarsened to its step, or null. */
export type AnonymousCard = {
  step: number;
  functionFamily: string | null;
  status: string | null;
  filiere: string | null;
  categorie: string | null;
  cadreEmplois: string | null;
  /** Shown with the statute (filière level), as coarse: null where the statute is cut further. */
  laureate: boolean | null;
  experience: ExperienceBand | null;
  departementCode: string | null;
  regionCode: string | null;
  area: string | null;
};

/** A stored step as a usable one: unknown or out of range is the last (fail closed). */
export function knownStep(step: number | null | undefined): number {
  return typeof step === "number" && Number.isInteger(step) && step >= 0 && step <= LAST_STEP ? step : LAST_STEP;
}

/** The card of a profile at a step. */
export function anonymousCard(facts: QuasiFacts, step: number | null | undefined): AnonymousCard {
  const s = knownStep(step);
  const l = CARD_STEPS[s];
  const years = facts.yearsExperience;
  return {
    step: s,
    functionFamily: l.fn === 0 ? functionFamily(facts.currentFunction) : null,
    status: l.statute <= 2 ? facts.status : null,
    filiere: l.statute <= 1 ? facts.filiere : null,
    categorie: l.statute <= 2 ? facts.categorie : null,
    cadreEmplois: l.statute === 0 ? facts.cadreEmplois : null,
    laureate: l.statute <= 1 ? !!facts.laureate : null,
    experience: years === null || years < 0 || l.experience === 2 ? null : bandOf(years, l.experience === 0 ? FINE_BANDS : WIDE_BANDS),
    departementCode: l.place === 0 ? facts.departementCode : null,
    regionCode: l.place <= 1 ? facts.regionCode : null,
    area: l.place <= 2 ? wideArea(facts.regionCode) : null,
  };
}

/** The card as a key: two profiles show the same card at a step iff their keys are equal. */
export function cardKey(card: AnonymousCard): string {
  const e = card.experience;
  return [card.functionFamily, card.status, card.filiere, card.categorie, card.cadreEmplois, card.laureate === null ? null : String(card.laureate), e ? `${e.fromYears}-${e.toYears}` : null, card.departementCode, card.regionCode, card.area]
    .map((v) => v ?? "")
    .join("|");
}

/**
 * The step of each anonymous profile of the pool: the first at which at least k anonymous
 * profiles show the same card. `pool` is every ANONYMOUS profile of the talent pool (the
 * caller selects them with the gate's talentPoolWhere). Linear in the pool × the steps.
 */
export function cardSteps(pool: ReadonlyArray<{ id: string } & QuasiFacts>, k: number = K_ANONYMITY): Map<string, number> {
  const pending = new Map(pool.map((p) => [p.id, p]));
  const steps = new Map<string, number>();
  for (let s = 0; s <= LAST_STEP && pending.size > 0; s++) {
    // Class sizes over the whole pool, not only the profiles still looking for a step: a
    // profile placed at a finer step still fits the coarser card of its class.
    const keys = new Map<string, string>();
    const sizes = new Map<string, number>();
    for (const p of pool) {
      const key = cardKey(anonymousCard(p, s));
      keys.set(p.id, key);
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    for (const [id] of pending) {
      if ((sizes.get(keys.get(id)!) ?? 0) >= k || s === LAST_STEP) {
        steps.set(id, s);
        pending.delete(id);
      }
    }
  }
  return steps;
}

/** Does a profile fit what a card says? (Null on the card says nothing.) The test's yardstick. */
export function fitsCard(card: AnonymousCard, facts: QuasiFacts): boolean {
  const e = card.experience;
  const years = facts.yearsExperience;
  return (
    (card.functionFamily === null || functionFamily(facts.currentFunction) === card.functionFamily) &&
    (card.status === null || facts.status === card.status) &&
    (card.filiere === null || facts.filiere === card.filiere) &&
    (card.categorie === null || facts.categorie === card.categorie) &&
    (card.cadreEmplois === null || facts.cadreEmplois === card.cadreEmplois) &&
    (card.laureate === null || !!facts.laureate === card.laureate) &&
    (e === null || (years !== null && years >= e.fromYears && (e.toYears === null || years <= e.toYears))) &&
    (card.departementCode === null || facts.departementCode === card.departementCode) &&
    (card.regionCode === null || facts.regionCode === card.regionCode) &&
    (card.area === null || wideArea(facts.regionCode) === card.area)
  );
}
