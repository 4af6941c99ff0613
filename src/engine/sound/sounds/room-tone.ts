/** Room tone: the quiet air of an indoor space, dark noise with a faint low hum. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const roomTone: SoundDef = {
  id: 'room_tone', family: 'ambience', kind: 'bed', length: 0, loudness: -30,
  description: 'the quiet air of a room',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'lowpass', 1200, 0.7, sampleRate);
    biquad(out, 'highpass', 60, 0.7, sampleRate);
    const w = (2 * Math.PI * 120) / sampleRate;
    for (let i = 0; i < frames; i++) out[i]! += Math.sin(w * i) * 0.01;
    return normalizeRms(out, 0.1);
  },
};
