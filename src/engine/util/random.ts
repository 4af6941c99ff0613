/**
 * Seeded randomness. All randomness in the engine flows from the request's seed through these
 * helpers, so the same seed gives the same plan, pixels and samples (DESIGN.md, "Deterministic").
 *
 * @example
 *   const rng = createRandom(deriveSeed(plan.seed, 'rain'));
 *   const x = rng.next();          // [0, 1)
 *   const g = rng.gaussian();      // N(0, 1)
 */

/** A small, fast PRNG (mulberry32). Not cryptographic; fully determined by its 32-bit seed. */
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [min, max) */
  range(min: number, max: number): number;
  /** integer in [0, n) */
  int(n: number): number;
  /** standard normal (Box–Muller) */
  gaussian(): number;
  /** one element of a non-empty array */
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    gaussian: () => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** A 32-bit seed for one named purpose, derived from the request's seed (FNV-1a over the label). */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche so nearby labels/seeds land far apart
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** A fresh random seed for requests that give none (or -1). The only unseeded randomness. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296) >>> 0;
}
