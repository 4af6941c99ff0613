/**
 * Natural blinks for one face: irregular intervals (2–6 s, now and then a quick double blink),
 * each a ~70 ms close, a short hold and a slower ~110 ms reopening. Seeded per face, so two faces
 * (or two seeds) never blink in step; the first blink comes after the opening frames.
 *
 * @example
 *   blinkTimes(createRandom(deriveSeed(seed, 'blink:0')), 5) // → [1.37, 4.92]
 */
import type { Random } from '../../util/random.js';

export function blinkTimes(rng: Random, duration: number): number[] {
  const times: number[] = [];
  let t = rng.range(0.5, 2.2);
  while (t < duration - 0.1) {
    times.push(t);
    if (rng.next() < 0.15) times.push(t + rng.range(0.3, 0.45)); // a double blink
    t += rng.range(2, 6);
  }
  return times.filter((x) => x < duration - 0.1);
}

/** Lid closure 0 … 1 at time t for blinks starting at `times`. */
export function blinkAt(times: readonly number[], t: number): number {
  let v = 0;
  for (const s of times) {
    const d = t - s;
    if (d < 0 || d > 0.22) continue;
    const c = d < 0.07 ? d / 0.07 : d < 0.11 ? 1 : 1 - (d - 0.11) / 0.11;
    v = Math.max(v, c);
  }
  return v;
}
