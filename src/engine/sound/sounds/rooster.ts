/**
 * A rooster crowing: "cock-a-doodle-doo", four short harsh syllables stepping up in pitch
 * (~500–800 Hz) and a long fifth that holds and falls away, a bright nasal voice.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const rooster: SoundDef = {
  id: 'rooster', family: 'effect', kind: 'event', animalVoice: true, length: 2.2,
  description: 'a rooster crowing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const base = rng.range(480, 560);
    // [start s, length s, pitch × base at start, at end]
    const syllables: Array<[number, number, number, number]> = [[0, 0.14, 1, 1.05], [0.2, 0.1, 1.1, 1.15], [0.36, 0.16, 1.25, 1.3], [0.58, 0.14, 1.35, 1.4], [0.78, 0.8, 1.5, 1.05]];
    for (const [at, len, a, b] of syllables) {
      const n = Math.round(len * sampleRate);
      if ((at + len) * sampleRate > frames) break;
      const s = formants(pulseTrain(n, (i) => base * (a + (b - a) * (i / n)), sampleRate, () => rng.next(), 0.25), [{ f: 1300, bw: 250, gain: 1 }, { f: 2500, bw: 350, gain: 0.6 }, { f: 3600, bw: 400, gain: 0.25 }], sampleRate);
      fadeEdges(s, 0.015 * sampleRate, 0.04 * sampleRate);
      addAt(out, s, Math.round(at * sampleRate), 1);
    }
    return normalizePeak(out, 0.5);
  },
};
