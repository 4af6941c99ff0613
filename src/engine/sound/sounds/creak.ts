/**
 * Creak: wood or a hinge under strain — stick-slip friction, a train of tiny slips whose rate
 * wanders (a slow groan speeding up and falling back), each slip ringing the body's few
 * resonances. A floorboard, an old ship, a rocking chair, a door's hinge: one or two creaks.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { biquad } from '../dsp/biquad.js';
import type { SoundDef } from './types.js';

export const creak: SoundDef = {
  id: 'creak', family: 'effect', kind: 'event', length: 2,
  description: 'wood creaking under strain',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const creaks = rng.next() < 0.6 ? 2 : 1;
    let at = 0;
    for (let c = 0; c < creaks && at < frames; c++) {
      const n = Math.min(frames - at, Math.round(rng.range(0.55, 0.9) * sampleRate));
      // the slips: one impulse a period, the rate rising to its top and falling back (stick-slip
      // speeds up as the strain grows), each a little louder or softer than the last
      const low = rng.range(18, 35), high = low * rng.range(2.6, 4.2), top = rng.range(0.45, 0.7);
      const slips = new Float32Array(n);
      for (let i = 0, phase = 0; i < n; i++) {
        const x = i / n, hump = x < top ? (0.5 * x) / top : 0.5 + (0.5 * (x - top)) / (1 - top);
        phase += (low + (high - low) * Math.sin(Math.PI * hump)) / sampleRate;
        if (phase >= 1) { phase -= 1; slips[i] = 0.6 + 0.4 * rng.next(); }
      }
      // the wood's body: a low box, a mid plank and a small bright ring, each a narrow band
      const body = new Float32Array(n);
      for (const [f, q, gain] of [[rng.range(380, 520), 7, 1], [rng.range(900, 1300), 9, 0.8], [rng.range(2000, 2800), 12, 0.4]] as const) {
        const band = biquad(Float32Array.from(slips), 'bandpass', f, q, sampleRate);
        for (let i = 0; i < n; i++) body[i]! += band[i]! * gain;
      }
      // (the slips' own click above the wood's bands is dulled: a creak, not a buzz)
      biquad(body, 'lowpass', 3500, 0.7, sampleRate);
      addAt(out, fadeEdges(body, Math.round(0.03 * sampleRate), Math.round(0.08 * sampleRate)), at, c === 0 ? 1 : 0.7);
      at += n + Math.round(rng.range(0.15, 0.35) * sampleRate);
    }
    return normalizePeak(out, 0.45);
  },
};
