/**
 * A horse neighing (a whinny): a loud high call (~900–1100 Hz) shaking with a fast vibrato
 * (~12 Hz) as it slides down over a second to ~400 Hz, ending in a low fluttering nicker.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const horse: SoundDef = {
  id: 'horse', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'a horse neighing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const top = rng.range(900, 1100), low = top * rng.range(0.38, 0.45), vib = rng.range(10, 14);
    const n = Math.min(frames, Math.round(rng.range(1.1, 1.3) * sampleRate));
    const f0 = (i: number) => { const x = i / n; return (top * (1 - x) + low * x) * (1 + 0.07 * Math.sin((2 * Math.PI * vib * i) / sampleRate)); };
    const call = formants(pulseTrain(n, f0, sampleRate, () => rng.next(), 0.3), [{ f: 1400, bw: 300, gain: 1 }, { f: 2600, bw: 400, gain: 0.5 }], sampleRate);
    fadeEdges(call, 0.05 * sampleRate, 0.15 * sampleRate);
    addAt(out, call, 0, 1);
    // the nicker: a low voice fluttering through the lips
    const m = Math.min(frames - n, Math.round(0.5 * sampleRate));
    if (m > 0) {
      const nick = formants(pulseTrain(m, () => low * 0.45, sampleRate, () => rng.next(), 0.5), [{ f: 500, bw: 200, gain: 1 }], sampleRate);
      for (let i = 0; i < m; i++) nick[i]! *= (0.5 + 0.5 * Math.sin((2 * Math.PI * 8 * i) / sampleRate)) * (1 - i / m);
      addAt(out, nick, n, 0.4);
    }
    return normalizePeak(out, 0.5);
  },
};
