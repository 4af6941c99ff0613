/** Night insects: crickets, each a 4–5 kHz tone gated into pulse trains, over a faint night hush. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const nightInsects: SoundDef = {
  id: 'night_insects', family: 'ambience', kind: 'bed', length: 0,
  description: 'crickets chirping on a quiet night',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'lowpass', 1200, 0.7, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.05;
    for (let c = 0; c < 4; c++) {
      const f = rng.range(3900, 5200);
      const pulse = rng.range(25, 40); // wing strokes a second
      const chirpRate = rng.range(1.5, 3.5);
      const pulses = 2 + rng.int(3);
      const gain = rng.range(0.2, 0.6);
      const offset = rng.next();
      const w = (2 * Math.PI * f) / sampleRate;
      for (let i = 0; i < frames; i++) {
        const t = i / sampleRate;
        const cp = (t * chirpRate + offset) % 1;
        if (cp > (pulses * chirpRate) / pulse) continue; // between chirps
        const pp = (t * pulse) % 1;
        const env = pp < 0.6 ? Math.sin((Math.PI * pp) / 0.6) : 0;
        out[i]! += Math.sin(w * i) * env * gain;
      }
    }
    return normalizeRms(out, 0.1);
  },
};
