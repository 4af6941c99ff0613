/**
 * A dog whining: two to four high, nasal whimpers (~700–1400 Hz, near-pure), each rising and
 * sliding back down, with short gaps.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const whine: SoundDef = {
  id: 'whine', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'a dog whining',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const count = 2 + rng.int(3);
    let t = 0.02;
    for (let k = 0; k < count && (t + 0.3) * sampleRate < frames; k++) {
      const len = Math.round(rng.range(0.25, 0.5) * sampleRate), lo = rng.range(750, 900), peak = lo * rng.range(1.25, 1.5);
      const w = new Float32Array(len);
      let phase = 0;
      for (let i = 0; i < len; i++) {
        const x = i / len;
        phase += (2 * Math.PI * (lo + (peak - lo) * Math.sin(Math.PI * Math.min(1, x * 1.2)))) / sampleRate;
        w[i] = (Math.sin(phase) + 0.2 * Math.sin(2 * phase) + 0.05 * (rng.next() - 0.5)) * Math.sin(Math.PI * x) ** 0.8;
      }
      addAt(out, w, Math.round(t * sampleRate), 1 - 0.15 * k);
      t += len / sampleRate + rng.range(0.1, 0.25);
    }
    return normalizePeak(out, 0.5);
  },
};
