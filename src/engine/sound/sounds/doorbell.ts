/** A doorbell: "ding-dong", two struck metal bars a major third apart, each ringing with its inharmonic partials. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const doorbell: SoundDef = {
  id: 'doorbell', family: 'effect', kind: 'event', length: 2,
  description: 'a doorbell: ding-dong',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const high = rng.range(640, 700);
    const bar = (f: number) => struckTone(f, [1, 2.76, 5.4, 8.93], [1, 0.35, 0.12, 0.05], 0.9, sampleRate, 1.6);
    addAt(out, bar(high), 0, 1);
    addAt(out, bar(high / 1.26), Math.round(0.5 * sampleRate), 0.9);
    return normalizePeak(out, 0.5);
  },
};
