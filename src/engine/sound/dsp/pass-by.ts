/**
 * A source driving past the listener in a straight line (Farnell, "Designing Sound", ch. on
 * vehicles): its distance r(t) and radial speed give the level (1/r, plus air absorption of the
 * highs when far) and the Doppler factor c / (c + v_radial) that bends every partial — up as it
 * comes, down as it goes. The source is an engine (firing-rate harmonics) and tyre/road noise.
 *
 * @example
 *   passBy(48000 * 4, 48000, rng, { speed: 22, firing: 45, harmonics: 8, roughness: 0.2, closest: 2 })
 */
import type { Random } from '../../util/random.js';
import { biquad } from './biquad.js';
import { pinkNoise } from './noise.js';

export interface PassBy {
  /** m/s */
  speed: number;
  /** engine firing rate (Hz) at the source */
  firing: number;
  harmonics: number;
  /** 0 smooth … 1 rough (motorbike): per-cycle amplitude jitter and odd harmonics */
  roughness: number;
  /** seconds into the sound when the source is closest */
  closest: number;
  /** closest distance (m) */
  distance?: number;
  /** tyre/road noise level relative to the engine */
  tyres?: number;
}

const C = 343;

export function passBy(frames: number, sampleRate: number, rng: Random, p: PassBy): Float32Array {
  const out = new Float32Array(frames);
  const d = p.distance ?? 6;
  const phases = new Float64Array(p.harmonics);
  const amps = Array.from({ length: p.harmonics }, (_, k) => (1 / (k + 1)) * (p.roughness > 0.5 && k % 2 === 0 ? 1.4 : 1) * rng.range(0.7, 1.1));
  const noise = biquad(pinkNoise(frames, rng), 'lowpass', 1800, 0.7, sampleRate);
  const level = new Float32Array(frames);
  let jitter = 1;
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate - p.closest;
    const x = p.speed * t;
    const r = Math.hypot(x, d);
    const radial = (p.speed * x) / r; // > 0 receding
    const doppler = C / (C + radial);
    level[i] = d / r;
    if (phases[0]! + (p.firing * doppler) / sampleRate >= 1) jitter = 1 + (rng.next() - 0.5) * p.roughness;
    let s = 0;
    for (let k = 0; k < p.harmonics; k++) {
      phases[k] = (phases[k]! + ((k + 1) * p.firing * doppler) / sampleRate) % 1;
      s += Math.sin(2 * Math.PI * phases[k]!) * amps[k]!;
    }
    out[i] = (s * jitter * 0.3 + noise[i]! * (p.tyres ?? 0.6)) * level[i]!;
  }
  // far away the highs are absorbed: a gentle low-pass on the approach and departure, by mixing
  const dull = biquad(out.slice(), 'lowpass', 900, 0.7, sampleRate);
  for (let i = 0; i < frames; i++) { const near = level[i]!; out[i] = out[i]! * near + dull[i]! * (1 - near); }
  return out;
}
