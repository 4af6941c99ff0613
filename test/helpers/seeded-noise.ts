/**
 * A seeded noise source for drawn test pictures: the same seed, the same values (−0.5 … 0.5).
 *
 * @example const rnd = seededNoise(3); rnd(); // → -0.27…
 */
export function seededNoise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
}
