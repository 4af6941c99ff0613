/**
 * Many voices at once (Farnell's crowd: a density of overlapping vocal grains, not noise): each
 * grain one person's short call — a glottal source on its own pitch contour through a vowel's
 * formants — scattered in time at `rate` grains a second.
 *
 * @example
 *   crowdVoices(48000 * 3, 48000, rng, { rate: 20, f0: [200, 420], length: [0.3, 0.7], rise: 0.3, vowels: CHEER_VOWELS })
 */
import type { Random } from '../../util/random.js';
import { addAt } from './buffer.js';
import { whiteNoise } from './noise.js';
import { formants, pulseTrain } from './resonator.js';

export type Vowel = readonly [number, number, number];
/** F1, F2, F3 (Hz) of open vowels people shout and murmur on. */
export const VOWELS: Record<'a' | 'e' | 'o' | 'u' | 'ae', Vowel> = { a: [800, 1200, 2600], e: [500, 1900, 2600], o: [500, 900, 2500], u: [330, 850, 2400], ae: [700, 1700, 2600] };

export interface CrowdOptions {
  /** grains a second */
  rate: number;
  f0: readonly [number, number];
  length: readonly [number, number];
  /** pitch rise over a grain (0.3 = up 30 %: a cheer), negative falls */
  rise: number;
  vowels: readonly Vowel[];
  /** aspiration 0 … 1 */
  breath?: number;
  /** level over time 0 … 1 (swells) */
  level?: (t: number) => number;
}

export function crowdVoices(frames: number, sampleRate: number, rng: Random, o: CrowdOptions): Float32Array {
  const count = Math.round((frames / sampleRate) * o.rate);
  const table = whiteNoise(sampleRate, rng); // one second of breath noise, shared by every grain
  // the formant filter is linear: grains on one vowel are summed first and filtered once
  const sources = o.vowels.map(() => new Float32Array(frames));
  for (let k = 0; k < count; k++) {
    const len = Math.round(rng.range(o.length[0], o.length[1]) * sampleRate);
    const at = Math.round(rng.range(-0.3, frames / sampleRate) * sampleRate);
    const f = rng.range(o.f0[0], o.f0[1]);
    const v = rng.int(o.vowels.length);
    const grain = pulseTrain(len, (i) => f * (1 + o.rise * Math.sin((Math.PI / 2) * Math.min(1, (2 * i) / len))), sampleRate, () => rng.next(), o.breath ?? 0.3, { table, offset: rng.int(sampleRate) });
    for (let i = 0; i < len; i++) grain[i]! *= Math.sin(Math.PI * (i / len));
    const centre = Math.max(0, Math.min(frames - 1, at + len / 2));
    const level = o.level ? o.level(centre / frames) : 1;
    addAt(sources[v]!, at < 0 ? grain.subarray(-at) : grain, Math.max(0, at), rng.range(0.3, 1) * level);
  }
  const out = new Float32Array(frames);
  o.vowels.forEach((vowel, v) => {
    const y = formants(sources[v]!, [{ f: vowel[0], bw: 120, gain: 1 }, { f: vowel[1], bw: 160, gain: 0.5 }, { f: vowel[2], bw: 250, gain: 0.2 }], sampleRate);
    for (let i = 0; i < frames; i++) out[i]! += y[i]!;
  });
  return out;
}
