/** A car driving past, left to right: engine and tyre roar rising, the Doppler drop as it passes, fading away. */
import { normalizePeak } from '../dsp/buffer.js';
import { passBy } from '../dsp/pass-by.js';
import { num, type SoundDef } from './types.js';

export const carPassBy: SoundDef = {
  id: 'car_pass_by', family: 'effect', kind: 'event', length: 4,
  description: 'a car passing by (engine and tyres, Doppler shift as it passes)',
  render(frames, { rng, sampleRate, params }) {
    const seconds = frames / sampleRate;
    return normalizePeak(passBy(frames, sampleRate, rng, { speed: num(params, 'speed', 20), firing: rng.range(38, 50), harmonics: 10, roughness: 0.1, closest: seconds / 2, distance: 5, tyres: 0.8 }), 0.5);
  },
};
