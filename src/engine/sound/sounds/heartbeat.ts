/** Heartbeat: lub-dub pairs of low thumps at a resting pulse (params.bpm). */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { sineSweep } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

export const heartbeat: SoundDef = {
  id: 'heartbeat', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a heartbeat',
  render(frames, { sampleRate, params }) {
    const out = new Float32Array(frames);
    const beat = 60 / num(params, 'bpm', 72);
    const lub = sineSweep(65, 40, 0.18, 0.05, sampleRate);
    const dub = sineSweep(80, 50, 0.15, 0.04, sampleRate);
    for (let t = 0; t * sampleRate < frames; t += beat) {
      addAt(out, lub, Math.round(t * sampleRate), 1);
      addAt(out, dub, Math.round((t + 0.28) * sampleRate), 0.7);
    }
    return normalizePeak(out, 0.5);
  },
};
