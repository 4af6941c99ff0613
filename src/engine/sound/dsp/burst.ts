/**
 * Short building blocks for effects: a filtered noise burst with an exponential decay, and a
 * struck tone made of (possibly inharmonic) partials.
 *
 * @example
 *   const clap = noiseBurst(0.03, 'bandpass', 1800, 1.2, 0.008, rng, 48000);
 *   const bell = struckTone(880, [1, 2.76, 5.4], [1, 0.5, 0.25], 1.5, 48000);
 */
import type { Random } from '../../util/random.js';
import { biquad, type BiquadType } from './biquad.js';
import { expDecay } from './buffer.js';

export function noiseBurst(seconds: number, type: BiquadType, freq: number, q: number, tau: number, rng: Random, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.max(1, Math.round(seconds * sampleRate)));
  for (let i = 0; i < out.length; i++) out[i] = rng.next() * 2 - 1;
  biquad(out, type, freq, q, sampleRate);
  return expDecay(out, tau, sampleRate);
}

/** Sum of decaying sine partials at `freq × ratios[k]`; higher partials decay faster. */
export function struckTone(freq: number, ratios: number[], amps: number[], tau: number, sampleRate: number, seconds = tau * 5): Float32Array {
  const out = new Float32Array(Math.max(1, Math.round(seconds * sampleRate)));
  for (let k = 0; k < ratios.length; k++) {
    const f = freq * ratios[k]!;
    if (f >= sampleRate / 2) continue;
    const w = (2 * Math.PI * f) / sampleRate;
    const decay = Math.exp(-1 / ((tau / (1 + k * 0.6)) * sampleRate));
    let g = amps[k] ?? 0.3;
    // a rotating phasor: two multiplies a sample instead of a sin()
    let re = 0, im = 1;
    const cr = Math.cos(w), ci = Math.sin(w);
    for (let i = 0; i < out.length; i++) {
      out[i]! += im * g;
      const r = re * cr - im * ci;
      im = re * ci + im * cr;
      re = r;
      g *= decay;
    }
  }
  const attack = Math.round(0.002 * sampleRate);
  for (let i = 0; i < Math.min(attack, out.length); i++) out[i]! *= i / attack;
  return out;
}

/** A sine whose frequency glides exponentially from f0 to f1 with an exponential amplitude decay (kicks, booms, thumps). */
export function sineSweep(f0: number, f1: number, seconds: number, tau: number, sampleRate: number): Float32Array {
  const n = Math.max(1, Math.round(seconds * sampleRate));
  const out = new Float32Array(n);
  let phase = 0;
  const ratio = Math.pow(f1 / f0, 1 / n);
  let f = f0;
  const k = Math.exp(-1 / (tau * sampleRate));
  let g = 1;
  for (let i = 0; i < n; i++) {
    out[i] = Math.sin(phase) * g;
    phase += (2 * Math.PI * f) / sampleRate;
    f *= ratio;
    g *= k;
  }
  const attack = Math.round(0.001 * sampleRate);
  for (let i = 0; i < Math.min(attack, n); i++) out[i]! *= i / attack;
  return out;
}

/** Poisson onset times (in samples) at `rate` per second over `frames`. */
export function poissonOnsets(frames: number, rate: number, rng: Random, sampleRate: number): number[] {
  const onsets: number[] = [];
  if (rate <= 0) return onsets;
  let t = -Math.log(1 - rng.next()) / rate;
  while (t * sampleRate < frames) {
    onsets.push(Math.floor(t * sampleRate));
    t += -Math.log(1 - rng.next()) / rate;
  }
  return onsets;
}
