/**
 * A machine's electrical hum: the mains frequency (50 or 60 Hz; params.mains) and its
 * harmonics from a transformer's core, a little buzz from loose laminations, and a fan's air.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { num, type SoundDef } from './types.js';

export const hum: SoundDef = {
  id: 'hum', family: 'ambience', kind: 'bed', length: 0, loudness: -30,
  description: 'the electrical hum of a machine',
  render(frames, { rng, sampleRate, params }) {
    const mains = num(params, 'mains', rng.next() < 0.5 ? 50 : 60);
    const out = new Float32Array(frames);
    const air = new Float32Array(frames);
    for (let i = 0; i < frames; i++) air[i] = rng.next() * 2 - 1;
    biquad(air, 'lowpass', 1200, 0.7, sampleRate);
    // a transformer hums at twice the mains frequency (magnetostriction), with odd overtones
    const partials: Array<[number, number]> = [[1, 0.5], [2, 1], [3, 0.25], [4, 0.35], [6, 0.15], [8, 0.08]];
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      let s = 0;
      for (const [k, a] of partials) s += a * Math.sin(2 * Math.PI * mains * k * t);
      out[i] = s + 0.15 * air[i]!;
    }
    return normalizeRms(out, 0.1);
  },
};
