/**
 * An animal's idle ear flicks, where its ears were found: now and then (every 2.5–5 s, the first
 * after the opening second) both ears turn quickly out and back, ~0.35 s, by a small angle — half a
 * requested twitch's (build-rigs.ts) — so a still animal is seen to listen. Seeded per
 * subject; none while an ear action plays (that action is the ears' motion then).
 *
 * @example
 *   earFlickTimes(createRandom(deriveSeed(5, 'ears:subject:0')), 5) // → [1.02, 3.91]
 *   earFlickAt(times, t) // → turn in radians (0 between flicks)
 */
import type { Random } from '../../util/random.js';

/** a flick's length (s) and its largest turn (radians: about 6°, half a twitch's) */
const FLICK = 0.35;
const ANGLE = 0.1;

export function earFlickTimes(rng: Random, duration: number): number[] {
  const times: number[] = [];
  for (let t = rng.range(1, 2.4); t < duration - FLICK; t += rng.range(2.5, 5)) times.push(t);
  return times;
}

/** The ears' idle turn at time t for flicks starting at `times` (out and back: a raised cosine). */
export function earFlickAt(times: readonly number[], t: number): number {
  for (const s of times) {
    const u = (t - s) / FLICK;
    if (u > 0 && u < 1) return ANGLE * (0.5 - 0.5 * Math.cos(2 * Math.PI * u));
  }
  return 0;
}
