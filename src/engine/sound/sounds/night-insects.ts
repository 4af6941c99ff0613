/**
 * Night insects: a few field crickets and a distant katydid. A cricket's chirp is a short train of
 * 3–5 pulses (each ~15 ms of a ~4.5 kHz carrier: the file-and-scraper of its wings, at ~30 pulses
 * a second), chirps repeating 1.5–3 times a second, each cricket at its own pitch, rate and
 * distance; the katydid a faint rasping buzz in slow bursts.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const nightInsects: SoundDef = {
  id: 'night_insects', family: 'ambience', kind: 'bed', length: 0, loudness: -26,
  description: 'crickets chirping and a distant katydid at night',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'lowpass', 600, 0.7, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.03;
    const crickets = 2 + rng.int(3);
    for (let c = 0; c < crickets; c++) {
      const carrier = rng.range(4200, 4900), pulseRate = rng.range(26, 34), pulses = 3 + rng.int(3);
      const chirpEvery = 1 / rng.range(1.5, 3), level = rng.range(0.2, 0.6);
      const pulseLen = 0.55 / pulseRate;
      let phase = rng.next() * 6;
      for (let t = rng.range(0, chirpEvery); t * sampleRate < frames; t += chirpEvery * rng.range(0.95, 1.05)) {
        for (let p = 0; p < pulses; p++) {
          const start = Math.round((t + p / pulseRate) * sampleRate), n = Math.round(pulseLen * sampleRate);
          for (let i = 0; i < n && start + i < frames; i++) {
            phase += (2 * Math.PI * carrier) / sampleRate;
            out[start + i]! += Math.sin(phase) * Math.sin((Math.PI * i) / n) * level;
          }
        }
      }
    }
    // katydid: a rasp (a buzz of 8 kHz-ish noise gated at ~50 Hz) in bursts every couple of seconds
    const rasp = biquad(pinkNoise(frames, rng), 'bandpass', 7500, 3, sampleRate);
    const burst = rng.range(1.8, 2.6);
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      const on = (t % burst) < 0.35 ? Math.sin((Math.PI * (t % burst)) / 0.35) : 0;
      out[i]! += rasp[i]! * on * (Math.sin(2 * Math.PI * 50 * t) > 0 ? 1 : 0.2) * 0.6;
    }
    return normalizeRms(out, 0.1);
  },
};
