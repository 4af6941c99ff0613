/**
 * An elephant trumpeting: a loud, brassy call blown through the trunk — the voice leaps from
 * ~250 Hz to a held ~400–550 Hz for about a second, buzzing with strong upper harmonics and a
 * rough edge, then breaks off.
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const elephant: SoundDef = {
  id: 'elephant', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'an elephant trumpeting',
  render(frames, { rng, sampleRate }) {
    const n = Math.min(frames, Math.round(rng.range(1.1, 1.5) * sampleRate));
    const held = rng.range(400, 550);
    const f0 = (i: number) => { const x = i / n; return held * (x < 0.1 ? 0.55 + 4.5 * x : 1 - 0.08 * Math.max(0, x - 0.8) / 0.2) * (1 + 0.02 * Math.sin((2 * Math.PI * 7 * i) / sampleRate)); };
    const src = pulseTrain(n, f0, sampleRate, () => rng.next(), 0.25);
    // a brass-like edge: the trunk's lips slap shut each cycle (a sharper source than a throat's)
    for (let i = 0; i < n; i++) src[i] = Math.tanh(3 * src[i]!);
    const call = formants(src, [{ f: 1200, bw: 350, gain: 1 }, { f: 2400, bw: 450, gain: 0.8 }, { f: 3600, bw: 600, gain: 0.5 }], sampleRate);
    // blown through a long trunk: the body of the sound is its upper harmonics
    biquad(call, 'highpass', 700, 0.7, sampleRate);
    biquad(call, 'highpass', 700, 0.7, sampleRate);
    fadeEdges(call, 0.04 * sampleRate, 0.12 * sampleRate);
    const out = new Float32Array(frames);
    out.set(call);
    return normalizePeak(out, 0.5);
  },
};
