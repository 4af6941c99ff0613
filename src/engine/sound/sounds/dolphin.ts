/**
 * A dolphin: two or three whistles — pure tones sweeping through ~5–14 kHz in the rise-and-fall
 * contours dolphins sign with, ~0.4–0.8 s each — and a train of echolocation clicks that speeds up.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const dolphin: SoundDef = {
  id: 'dolphin', family: 'effect', kind: 'event', animalVoice: true, length: 2.5,
  description: 'a dolphin whistling and clicking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    let t = 0.05;
    const whistles = 2 + rng.int(2), clicking = 0.6;
    for (let k = 0; k < whistles; k++) {
      // the click train follows the whistles: they stop where it needs its room
      const at = Math.round(t * sampleRate), n = Math.min(frames - at - Math.round(clicking * sampleRate), Math.round(rng.range(0.4, 0.8) * sampleRate));
      if (n < 0.2 * sampleRate) break;
      const lo = rng.range(5000, 7000), hi = rng.range(10000, 14000), turns = rng.range(0.5, 1.5);
      const w = new Float32Array(n);
      let p = 0;
      for (let i = 0; i < n; i++) {
        p += (lo + (hi - lo) * Math.abs(Math.sin(Math.PI * turns * (i / n)))) / sampleRate;
        w[i] = Math.sin(2 * Math.PI * p);
      }
      addAt(out, fadeEdges(w, 0.03 * sampleRate, 0.06 * sampleRate), at, rng.range(0.6, 0.9));
      t += n / sampleRate + rng.range(0.1, 0.25);
    }
    // clicks: broadband ticks from ~15 to ~60 a second
    const clicksAt = Math.min(t, frames / sampleRate - clicking), len = 0.5;
    for (let s = 0; s < len && (clicksAt + s) * sampleRate < frames; s += 1 / (15 + 90 * s)) {
      addAt(out, noiseBurst(0.004, 'highpass', 3000, 0.7, 0.0008, rng, sampleRate), Math.round((clicksAt + s) * sampleRate), 0.9);
    }
    biquad(out, 'highpass', 1500, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
