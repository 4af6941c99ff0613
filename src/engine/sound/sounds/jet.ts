/**
 * A jet flying over: the engines' broadband roar and turbine whine, loudest overhead, with the
 * whine Doppler-shifted down as it passes and the ground reflection's moving comb (the "flanging"
 * sweep of a fly-over), fading into a long rumble.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const jet: SoundDef = {
  id: 'jet', family: 'effect', kind: 'event', length: 5,
  description: 'a jet flying over: roar, turbine whine with Doppler, fly-over flanging',
  render(frames, { rng, sampleRate }) {
    const roar = biquad(pinkNoise(frames, rng), 'lowpass', 4000, 0.7, sampleRate);
    const out = new Float32Array(frames);
    const seconds = frames / sampleRate, over = seconds * 0.45, speed = 120, height = 150;
    let pw = 0;
    const whine = rng.range(2500, 3200);
    for (let i = 0; i < frames; i++) {
      const x = speed * (i / sampleRate - over);
      const r = Math.hypot(x, height);
      const doppler = 343 / (343 + (speed * x) / r);
      pw += (2 * Math.PI * whine * doppler) / sampleRate;
      // ground reflection: a delayed copy whose delay shrinks as the jet passes overhead
      const delay = Math.round(((2 * 1.7 * height) / r / 343) * sampleRate * 0.2) + 1;
      const direct = roar[i]! + (i >= delay ? roar[i - delay]! : 0);
      out[i] = (direct + Math.sin(pw) * 0.08) * (height / r) ** 1.2;
    }
    return normalizePeak(out, 0.5);
  },
};
