/**
 * When lightning flashes: 1–3 instants from the seed, never in the first 0.8 s (the clip opens on
 * the untouched picture) nor in the last 0.3 s, at least 0.7 s apart. The sound director times
 * thunder from these.
 *
 * @example
 *   lightningTimes(createRandom(deriveSeed(seed, 'lightning')), 5, 0.8);  // e.g. [1.42, 3.87]
 */
import type { Random } from '../../../util/random.js';

export function lightningTimes(rng: Random, duration: number, intensity: number): number[] {
  const first = 0.8, last = Math.max(first + 0.1, duration - 0.3);
  const room = Math.max(1, Math.floor((last - first) / 0.7) + 1);
  const wanted = Math.min(room, 1 + rng.int(intensity > 0.7 ? 3 : 2) + (duration >= 8 ? 1 : 0), 3);
  const times: number[] = [];
  for (let attempt = 0; attempt < 50 && times.length < wanted; attempt++) {
    const t = Math.round(rng.range(first, last) * 1000) / 1000;
    if (times.every((u) => Math.abs(u - t) >= 0.7)) times.push(t);
  }
  return times.sort((a, b) => a - b);
}
