import { createHash } from "node:crypto";
import { Faker, base, fr } from "@faker-js/faker";

/**
 * Determinism: every random choice of the seed goes through one faker instance with a fixed seed,
 * and the data is generated in memory, in a fixed order, before anything is read from the
 * database. The same code therefore produces the same rows on every run.
 */
export const FAKER_SEED = 20261125;

export function createFaker(): Faker {
  return new Faker({ locale: [fr, base], seed: FAKER_SEED });
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

export function weighted<T>(faker: Faker, choices: Weighted<T>): T {
  return faker.helpers.weightedArrayElement(choices.map(([value, weight]) => ({ value, weight })));
}

/** Picks one element of a long list in O(log n), by cumulative weights. */
export class WeightedSampler<T> {
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(private readonly items: readonly T[], weight: (item: T) => number) {
    for (const item of items) {
      this.total += Math.max(0, weight(item));
      this.cumulative.push(this.total);
    }
  }

  get size(): number {
    return this.items.length;
  }

  pick(faker: Faker): T {
    const x = faker.number.float({ min: 0, max: this.total });
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

/**
 * A stable, cuid-looking id for a seed row, derived from its stable key: the same row gets the
 * same id on every run, which is what makes upserting children (criteria, events…) possible.
 */
export function stableId(namespace: string, key: string): string {
  const digest = createHash("sha256").update(`vivier-seed:${namespace}:${key}`).digest();
  return `c${BigInt(`0x${digest.subarray(0, 16).toString("hex")}`).toString(36).padStart(24, "0").slice(0, 24)}`;
}

/** "Profil 7F3A2C": six hex digits from the e-mail, so a profile keeps its pseudonym across runs. */
export function pseudonymFor(email: string, attempt = 0): string {
  const digest = createHash("sha256").update(`${email}#${attempt}`).digest("hex");
  return `Profil ${digest.slice(0, 6).toUpperCase()}`;
}

/** ASCII, lower-case, words joined by `sep`: "Émilie Le Goff" → "emilie-le-goff". */
export function slugify(s: string, sep = "-"): string {
  return s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, "g"), "");
}
