/**
 * A train passing: the rumble of wheels on rail, swelling as the locomotive nears and fading
 * after the last car; over it the "clickety-clack" of the wheels crossing a rail joint — the two
 * axles of a bogie a few metres apart, the car's other bogie and the next car's first close
 * behind — so the clicks come in pairs in a rhythm set by the car length and the speed. A faint
 * squeal of steel on steel comes and goes; half the trains sound a horn as they approach.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import { brownNoise, pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

/** Axle positions along one car (m): two bogies of two axles each. */
const AXLES = [2, 4.5, 15.5, 18];
const CAR = 20;

export const train: SoundDef = {
  id: 'train', family: 'effect', kind: 'event', sustained: true, length: 6,
  description: 'a train passing, wheels clacking over the rail joints',
  render(frames, { rng, sampleRate }) {
    const speed = rng.range(14, 22);
    const rumble = brownNoise(frames, rng);
    biquad(rumble, 'lowpass', 180, 0.8, sampleRate);
    const body = biquad(pinkNoise(frames, rng), 'bandpass', 420, 0.9, sampleRate);
    const squeal = biquad(pinkNoise(frames, rng), 'bandpass', rng.range(2800, 3600), 12, sampleRate);
    const squealLevel = wander(frames, rng, 0.7, sampleRate);
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i++) out[i] = rumble[i]! * 0.5 + body[i]! * 0.35 + squeal[i]! * 0.1 * Math.max(0, squealLevel[i]! - 0.6);
    // the wheels over the joint beside the listener: every axle of every car in turn
    const first = rng.range(0.2, 0.5);
    for (let car = 0; ; car++) {
      const start = first + (car * CAR) / speed;
      if (start * sampleRate >= frames) break;
      for (const x of AXLES) {
        const at = Math.round((start + x / speed) * sampleRate);
        if (at >= frames) break;
        const level = rng.range(0.8, 1);
        addAt(out, sineSweep(rng.range(120, 160), 60, 0.09, 0.025, sampleRate), at, level * 0.9);
        addAt(out, noiseBurst(0.035, 'bandpass', rng.range(1800, 2600), 1.4, 0.006, rng, sampleRate), at, level * 0.9);
      }
    }
    if (rng.next() < 0.5) {
      // a diesel horn: two reedy tones a minor third apart, sounded once as it approaches
      const n = Math.min(frames, Math.round(rng.range(0.9, 1.3) * sampleRate));
      const horn = new Float32Array(n), f = rng.range(280, 330);
      for (const [ratio, g] of [[1, 1], [1.19, 0.8]] as const) {
        let p = 0;
        for (let i = 0; i < n; i++) { p += (f * ratio) / sampleRate; horn[i]! += g * ((p % 1) * 2 - 1); }
      }
      biquad(horn, 'lowpass', 1800, 0.7, sampleRate);
      addAt(out, fadeEdges(horn, 0.05 * sampleRate, 0.2 * sampleRate), Math.round(0.1 * sampleRate), 0.25);
    }
    // it comes and goes: a second to near, a second and a half to fade after
    fadeEdges(out, Math.min(frames / 3, sampleRate), Math.min(frames / 3, 1.5 * sampleRate));
    return normalizePeak(out, 0.5);
  },
};
