/**
 * A crow cawing: two to four harsh "caws" half a second apart, each ~0.3 s of a rough voice
 * (~500–700 Hz, breathy and jittered) whose pitch sags at its end, through an open bill's bright
 * formants.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const crow: SoundDef = {
  id: 'crow', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'a crow cawing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const calls = 2 + rng.int(3), f = rng.range(500, 700), gap = rng.range(0.45, 0.6);
    for (let k = 0; k < calls; k++) {
      const at = Math.round((0.05 + k * gap) * sampleRate);
      const n = Math.min(frames - at, Math.round(rng.range(0.25, 0.35) * sampleRate));
      if (n <= 0) break;
      const src = pulseTrain(n, (i) => f * (1 - 0.15 * Math.max(0, i / n - 0.6)), sampleRate, () => rng.next(), 0.6);
      // the rasp: the voice breaks up ~80 times a second
      for (let i = 0; i < n; i++) src[i]! *= 0.6 + 0.4 * Math.sin((2 * Math.PI * 80 * i) / sampleRate + rng.next() * 0.8);
      const caw = formants(src, [{ f: 1300, bw: 400, gain: 1 }, { f: 2300, bw: 500, gain: 0.6 }, { f: 3500, bw: 700, gain: 0.2 }], sampleRate);
      addAt(out, fadeEdges(caw, 0.02 * sampleRate, 0.08 * sampleRate), at, rng.range(0.8, 1));
    }
    return normalizePeak(out, 0.5);
  },
};
