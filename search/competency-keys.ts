import { SYNONYM_GROUPS } from "./settings";

/**
 * A competency as the talent pool's filters compare it (docs/decisions/113-competency-keys.md).
 * People write the same competency many ways: « Gestion budgétaire », « gestion du budget »,
 * « GESTION DES FINANCES ». A filter on the label as typed counted only the first, so the market
 * feasibility panel and the « same competencies » suggestions found far fewer profiles than the
 * pool holds. Each label gets a key instead, and profiles are filtered on keys:
 *
 * - lower case; accents, ligatures and punctuation folded; « de », « des », « et »… left out;
 * - French plurals as the singular (« marchés publics » is « marché public »);
 * - every term of one of the trade's synonym groups (search/settings.ts SYNONYM_GROUPS) written
 *   as that group's shortest term, longest terms first: « budgétaire », « budget » and
 *   « finances » are all « finance ».
 *
 * The words keep their order: « gestion budgétaire » and « budget de gestion » are two keys. The
 * key of a key is itself (a unit test checks it with fast-check), so a key may be compared with
 * a label's key, stored, or keyed again. Pure: the document mapper (search/documents.ts) writes
 * the keys of a profile's competencies, the filter builder (search/candidate-search.ts) asks for
 * the keys of the requested labels, and both call this function.
 */

/** Words that say nothing of a competency (accents already folded: « à » is « a »). */
const STOP_WORDS = new Set(["a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par", "pour", "sur", "un", "une"]);

/** Lower case, no accent nor ligature, anything but letters and digits as one space. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * French plurals: « finances » → « finance », « locaux » → « local », « réseaux » → « réseau ».
 * Never twice (« process » stays: a word ending in ss or sx is not a plural of ours), so that a
 * stemmed word stems to itself.
 */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("eaux")) return word.slice(0, -1);
  if (word.endsWith("aux")) return `${word.slice(0, -3)}al`;
  if (/[^sx][sx]$/.test(word)) return word.slice(0, -1);
  return word;
}

function words(text: string): string[] {
  return fold(text).split(" ").filter((w) => w !== "");
}

type Term = { words: string[]; canonical: string[] };

/** The synonym terms as words, by first word, longest first; each with its group's shortest term. */
function compileTerms(groups: readonly (readonly string[])[]): ReadonlyMap<string, readonly Term[]> {
  const terms: Term[] = [];
  for (const group of groups) {
    const forms = group.map((term) => words(term).filter((w) => !STOP_WORDS.has(w)).map(stem)).filter((w) => w.length > 0);
    if (forms.length === 0) continue;
    const canonical = forms.reduce((best, f) => (f.length < best.length ? f : best));
    for (const f of forms) terms.push({ words: f, canonical });
  }
  // Longest first; a term of two groups belongs to the first (a stable sort keeps their order).
  terms.sort((a, b) => b.words.length - a.words.length);
  const byFirst = new Map<string, Term[]>();
  for (const t of terms) (byFirst.get(t.words[0]) ?? byFirst.set(t.words[0], []).get(t.words[0])!).push(t);
  return byFirst;
}

const TERMS = compileTerms(SYNONYM_GROUPS);

function onePass(label: string): string {
  const all = words(label);
  const meaningful = all.filter((w) => !STOP_WORDS.has(w)).map(stem);
  // A label of nothing but small words (« De la ») is still itself, not nothing.
  if (meaningful.length === 0) return all.join(" ");
  const out: string[] = [];
  for (let i = 0; i < meaningful.length; ) {
    const term = TERMS.get(meaningful[i])?.find((t) => t.words.every((w, k) => meaningful[i + k] === w));
    if (term) {
      out.push(...term.canonical);
      i += term.words.length;
    } else {
      out.push(meaningful[i]);
      i += 1;
    }
  }
  return out.join(" ");
}

/**
 * The key of a competency label ("" for a label with no letter nor digit). Passes run until the
 * key no longer changes: a group's term written in its short form can meet the next words as a
 * longer term (« directrice général des services » gives « directeur général service », which
 * is « dgs »). Each pass keeps or shortens the words, so a few passes are enough.
 */
export function competencyKey(label: string): string {
  let key = onePass(label);
  for (let i = 0; i < 8; i++) {
    const next = onePass(key);
    if (next === key) return key;
    key = next;
  }
  return key;
}

/** The distinct keys of a profile's competencies, in their order, without empty ones. */
export function competencyKeys(labels: readonly string[]): string[] {
  return [...new Set(labels.map(competencyKey).filter((k) => k !== ""))];
}
