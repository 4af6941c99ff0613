/**
 * Thunder: a sharp broadband crack at the onset, then a long rolling rumble. The onset is the
 * first sample: the director places it a moment after the lightning flash (sound travels slower).
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { brownNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const thunder: SoundDef = {
  id: 'thunder', family: 'effect', kind: 'event', length: 4,
  description: 'a thunderclap and its rumble',
  render(frames, { rng, sampleRate, intensity }) {
    const out = new Float32Array(frames);
    addAt(out, noiseBurst(0.4, 'lowpass', 5000, 0.7, 0.06 + 0.05 * intensity, rng, sampleRate), 0, 1);
    const rumble = brownNoise(frames, rng);
    biquad(rumble, 'lowpass', 160, 0.8, sampleRate);
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      // rolls: a few decaying swells after the crack
      const env = Math.min(1, t / 0.03) * Math.exp(-t / 1.4) * (0.7 + 0.3 * Math.sin(t * 5.3 + 1.1) * Math.sin(t * 2.1));
      out[i]! += rumble[i]! * env * 2.5;
    }
    return normalizePeak(out, 0.5);
  },
};
