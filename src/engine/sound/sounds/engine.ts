/**
 * Engine: a combustion engine (a pulse train at the firing rate through a body resonance), along
 * the course the vehicle takes (params.course, from the director's ENGINE_COURSES): `running`
 * idles then revs up and back; `slowing` arrives revving and runs down to idle; `leaving` idles,
 * revs up and fades as it drives away.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

const ramp = (t: number, from: number, to: number) => Math.max(0, Math.min(1, (t - from) / (to - from)));

/** Revs (0 idle … 1 high) and loudness at t (0 … 1 of the sound's length), by course. */
function course(name: unknown, t: number): { rev: number; level: number } {
  if (name === 'slowing') return { rev: 1 - ramp(t, 0.1, 0.65), level: 0.45 + 0.55 * ramp(t, 0, 0.35) };
  if (name === 'leaving') return { rev: ramp(t, 0.15, 0.5), level: 1 - 0.85 * ramp(t, 0.45, 1) };
  return { rev: t < 0.3 ? 0 : Math.sin(Math.PI * Math.min(1, (t - 0.3) / 0.6)), level: 1 };
}

export const engine: SoundDef = {
  id: 'engine', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'an engine idling and revving, slowing to idle, or revving away',
  render(frames, { rng, sampleRate, params }) {
    const out = whiteNoise(frames, rng);
    let phase = 0;
    for (let i = 0; i < frames; i++) {
      const { rev, level } = course(params.course, i / frames);
      phase += (30 + 60 * rev) / sampleRate;
      const p = phase % 1;
      out[i] = level * (p < 0.15 ? 1 - p / 0.15 : 0) * (1 + 0.3 * out[i]!);
    }
    biquad(out, 'lowpass', 900, 1.5, sampleRate);
    biquad(out, 'highpass', 30, 0.7, sampleRate);
    for (let i = 0; i < Math.min(frames, 4800); i++) out[i]! *= i / 4800;
    return normalizePeak(out, 0.5);
  },
};
