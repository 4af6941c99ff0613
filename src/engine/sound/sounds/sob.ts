/**
 * A person crying: a few broken sobs — each a catch of breath (a sharp, shaky in-breath) and a
 * wavering voiced "uh-huh" whose pitch falls, trembling at ~7 Hz — and a sniff between.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const sob: SoundDef = {
  id: 'sob', family: 'effect', kind: 'event', length: 2.5,
  description: 'a person sobbing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const base = rng.range(200, 290), tremor = rng.range(6, 8);
    let t = 0.02;
    while ((t + 0.6) * sampleRate < frames) {
      // the catch: a short shaky in-breath
      addAt(out, noiseBurst(0.14, 'bandpass', 1600, 1.2, 0.05, rng, sampleRate), Math.round(t * sampleRate), 0.35);
      t += 0.16;
      const len = Math.round(rng.range(0.3, 0.45) * sampleRate);
      const f0 = (i: number) => base * (1.15 - 0.3 * (i / len)) * (1 + 0.04 * Math.sin((2 * Math.PI * tremor * i) / sampleRate));
      const voice = formants(pulseTrain(len, f0, sampleRate, () => rng.next(), 0.45), [{ f: 600, bw: 160, gain: 1 }, { f: 1100, bw: 200, gain: 0.6 }, { f: 2600, bw: 300, gain: 0.25 }], sampleRate);
      for (let i = 0; i < len; i++) voice[i]! *= Math.sin(Math.PI * (i / len)) ** 0.7 * (1 + 0.3 * Math.sin((2 * Math.PI * tremor * i) / sampleRate));
      addAt(out, voice, Math.round(t * sampleRate), 1);
      t += len / sampleRate + rng.range(0.12, 0.25);
      // now and then a sniff
      if (rng.next() < 0.4) { addAt(out, noiseBurst(0.12, 'highpass', 2500, 0.8, 0.04, rng, sampleRate), Math.round(t * sampleRate), 0.2); t += 0.2; }
    }
    return normalizePeak(out, 0.5);
  },
};
