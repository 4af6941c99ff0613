/** An owl hooting at night: "hoo — hoo-hoo", soft near-pure tones around 400 Hz with a breathy edge and a slight downward slur. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const owlHoot: SoundDef = {
  id: 'owl_hoot', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'an owl hooting',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const f = rng.range(360, 440);
    for (const [at, len] of [[0, 0.45], [0.75, 0.22], [1.05, 0.5]] as const) {
      const n = Math.round(len * sampleRate);
      const hoot = new Float32Array(n);
      let phase = 0;
      for (let i = 0; i < n; i++) {
        const x = i / n;
        phase += (2 * Math.PI * f * (1.03 - 0.08 * x)) / sampleRate;
        hoot[i] = (Math.sin(phase) + 0.15 * Math.sin(2 * phase) + (rng.next() - 0.5) * 0.05) * Math.sin(Math.PI * x) ** 0.7;
      }
      addAt(out, hoot, Math.round(at * sampleRate), 1);
    }
    return normalizePeak(out, 0.5);
  },
};
