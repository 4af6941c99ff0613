/**
 * Seeded noise sources: white, pink (Paul Kellet's filter) and brown (leaky integrated white).
 *
 * @example
 *   const bed = pinkNoise(48000, createRandom(7)); // one second of pink noise, RMS ≈ 0.1–0.2
 */
import type { Random } from '../../util/random.js';

export function whiteNoise(n: number, rng: Random): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

export function pinkNoise(n: number, rng: Random): Float32Array {
  const out = new Float32Array(n);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  for (let i = 0; i < n; i++) {
    const w = rng.next() * 2 - 1;
    b0 = 0.99886 * b0 + w * 0.0555179; b1 = 0.99332 * b1 + w * 0.0750759; b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856; b4 = 0.55 * b4 + w * 0.5329522; b5 = -0.7616 * b5 - w * 0.016898;
    out[i] = (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362) * 0.11;
    b6 = w * 0.115926;
  }
  return out;
}

export function brownNoise(n: number, rng: Random): Float32Array {
  const out = new Float32Array(n);
  let y = 0;
  for (let i = 0; i < n; i++) {
    y = (y + 0.02 * (rng.next() * 2 - 1)) * 0.998;
    out[i] = y * 3.5;
  }
  return out;
}

/**
 * A slowly wandering control signal in [0, 1] (smoothed random steps every `period` seconds):
 * gusts, swells, traffic density.
 */
export function wander(n: number, rng: Random, period: number, sampleRate: number): Float32Array {
  const out = new Float32Array(n);
  const step = Math.max(1, Math.round(period * sampleRate));
  let a = rng.next();
  let b = rng.next();
  for (let i = 0; i < n; i++) {
    const k = i % step;
    if (k === 0 && i > 0) { a = b; b = rng.next(); }
    const f = k / step;
    const s = f * f * (3 - 2 * f);
    out[i] = a + (b - a) * s;
  }
  return out;
}
