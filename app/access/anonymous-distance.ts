/**
 * THE GATE, the distance of an anonymous candidate: how precisely the talent search may tell where
 * an ANONYMOUS candidate lives (docs/decisions/011-anonymous-distance.md; rule 9 of rules.ts, in a
 * module of its own because the browser-side URL schema reads it). An anonymous profile shows its département, never its commune; no
 * distance filter, distance shown or distance order may give the commune back:
 *
 * - MIN_RADIUS_KM: a circle drawn around a commune is never smaller than 20 km. In metropolitan
 *   France such a circle holds 92 communes at the median and at least 23 for 99 % of them, so a
 *   profile found in it may live in any of dozens of communes.
 * - RADIUS_STEP_KM: radii come in steps of 10 km (rounded up), so that two searches cannot cut
 *   a thin ring (20 km, then 21 km) and tell the profile's distance to the kilometre.
 * - distanceBand: an anonymous profile's distance is shown as the ring between the two radii
 *   that hold it (« moins de 20 km », « entre 20 et 30 km »…): no finer than the filter could tell.
 *   Every such ring covers at least the area of the smallest circle (1,257 km²).
 * - The sort by distance orders by band, then as the engine ranks (relevance, then the most
 *   recently active), for every profile: ranking by exact distance would place an anonymous
 *   profile between visible ones whose distance is shown.
 *
 * A VISIBLE profile shows its commune, so its exact distance is shown too.
 *
 * Enforced on the server by search/candidate-search.ts for every caller; the URL schema
 * (app/schemas/talent-search.ts) raises a smaller radius and says so. Pure and safe in the
 * browser: the URL schema reads it too.
 */

export const MIN_RADIUS_KM = 20;
export const RADIUS_STEP_KM = 10;

/** The radius actually drawn for the one asked: at least the minimum, rounded up to a step. */
export function effectiveRadiusKm(askedKm: number): number {
  if (!Number.isFinite(askedKm)) return MIN_RADIUS_KM;
  return Math.max(MIN_RADIUS_KM, Math.ceil(askedKm / RADIUS_STEP_KM) * RADIUS_STEP_KM);
}

/** A distance as the ring between two radii: more than fromKm, at most toKm. */
export type DistanceBand = { fromKm: number; toKm: number };

/** The band of a distance: the smallest radius that holds it, and the radius before it. */
export function distanceBand(km: number): DistanceBand {
  const toKm = effectiveRadiusKm(km);
  return { fromKm: toKm === MIN_RADIUS_KM ? 0 : toKm - RADIUS_STEP_KM, toKm };
}

/** A band as the pages say it: « moins de 20 km », « entre 20 et 30 km ». */
export function distanceBandLabel(band: DistanceBand): string {
  return band.fromKm === 0 ? `moins de ${band.toKm} km` : `entre ${band.fromKm} et ${band.toKm} km`;
}
