/**
 * Smooth seeded flicker signals for flames and lamps: a few incommensurate sines with random
 * phases, normalised to roughly [-1, 1].
 *
 * @example const f = flicker(rng, 6); f(0.5) // → e.g. 0.31
 */
import type { Random } from '../../../util/random.js';

export function flicker(rng: Random, hz: number): (t: number) => number {
  const parts = [1, 1.618, 2.414, 0.382].map((r, i) => ({ f: hz * r * rng.range(0.9, 1.1), p: rng.next() * Math.PI * 2, a: [0.5, 0.3, 0.2, 0.35][i]! }));
  const norm = parts.reduce((s, q) => s + q.a, 0);
  return (t) => parts.reduce((s, q) => s + q.a * Math.sin(2 * Math.PI * q.f * t + q.p), 0) / norm * 1.6;
}
