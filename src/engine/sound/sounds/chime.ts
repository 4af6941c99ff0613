/** Chime / bell: a struck metal bell, inharmonic partials (the classic 1 : 2.76 : 5.40 : 8.93 bar ratios) ringing out. */
import { normalizePeak } from '../dsp/buffer.js';
import { struckTone } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

export const chime: SoundDef = {
  id: 'chime', family: 'effect', kind: 'event', length: 3,
  description: 'a bell or wind chime',
  render(frames, { sampleRate, params }) {
    const out = new Float32Array(frames);
    const tone = struckTone(num(params, 'freq', 880), [1, 2.76, 5.4, 8.93], [1, 0.6, 0.35, 0.2], 0.9, sampleRate, frames / sampleRate);
    out.set(tone.subarray(0, frames));
    return normalizePeak(out, 0.5);
  },
};
