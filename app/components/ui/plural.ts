const integer = new Intl.NumberFormat("fr-FR");

/**
 * A count and its noun, as French writes it: « 0 brouillon », « 1 brouillon », « 8 brouillons »
 * (below 2 the noun stays singular). Never « brouillon(s) ».
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${integer.format(n)} ${n >= 2 ? many : one}`;
}

/** The word alone, for a count written elsewhere: « 3 » … agree(3, "reçue", "reçues"). */
export function agree(n: number, one: string, many = `${one}s`): string {
  return n >= 2 ? many : one;
}
