/**
 * Tyres screeching: rubber sticking and slipping on asphalt sings a squeal (~1–2.5 kHz) that
 * wavers with the slip, over rough road noise; it holds while the car skids (~1–1.4 s) and dies
 * as it grips.
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const tireScreech: SoundDef = {
  id: 'tire_screech', family: 'effect', kind: 'event', length: 1.6,
  description: 'tyres screeching',
  render(frames, { rng, sampleRate }) {
    const n = Math.min(frames, Math.round(rng.range(1, 1.4) * sampleRate));
    const f = rng.range(1100, 2200);
    const slip = wander(n, rng, 0.08, sampleRate);
    const road = biquad(pinkNoise(n, rng), 'bandpass', 900, 0.8, sampleRate);
    const squeal = new Float32Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {
      p += (f * (1 + 0.06 * (slip[i]! - 0.5)) * (1 - 0.1 * (i / n))) / sampleRate;
      const w = 2 * Math.PI * p;
      squeal[i] = Math.sin(w) + 0.35 * Math.sin(2 * w) + 0.15 * Math.sin(3 * w) + 0.5 * road[i]!;
    }
    fadeEdges(squeal, 0.04 * sampleRate, 0.3 * sampleRate);
    const out = new Float32Array(frames);
    out.set(squeal);
    return normalizePeak(out, 0.5);
  },
};
