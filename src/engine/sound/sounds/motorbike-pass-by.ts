/** A motorbike passing by: a rough, fast-firing single engine (odd harmonics, uneven cycles) with a steep Doppler drop. */
import { normalizePeak } from '../dsp/buffer.js';
import { passBy } from '../dsp/pass-by.js';
import { num, type SoundDef } from './types.js';

export const motorbikePassBy: SoundDef = {
  id: 'motorbike_pass_by', family: 'effect', kind: 'event', length: 3.5,
  description: 'a motorbike passing by (rough engine, Doppler shift as it passes)',
  render(frames, { rng, sampleRate, params }) {
    const seconds = frames / sampleRate;
    return normalizePeak(passBy(frames, sampleRate, rng, { speed: num(params, 'speed', 28), firing: rng.range(70, 95), harmonics: 14, roughness: 0.8, closest: seconds / 2, distance: 4, tyres: 0.3 }), 0.5);
  },
};
