/**
 * A hawk's or an eagle's screech, the raptor's cry of films ("kee-eeee-arr"): one or two hoarse
 * screams of about a second, each snapping up to ~2.6–3.4 kHz and sliding down by a third or more
 * as it fades; harsh rather than pure (a buzzy voice, its pitch and level roughened at ~40–70 Hz),
 * with no chest below ~1 kHz — neither a gull's laughing calls nor a songbird's phrase.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const hawkScreech: SoundDef = {
  id: 'hawk_screech', family: 'effect', kind: 'event', animalVoice: true, length: 2.2,
  description: "a hawk's or an eagle's screech (a hoarse high cry sliding down)",
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const cries = 1 + rng.int(2);
    let t = 0.02;
    for (let c = 0; c < cries; c++) {
      const seconds = rng.range(0.8, 1.2), top = rng.range(2600, 3400), fall = rng.range(0.6, 0.72);
      const at = Math.round(t * sampleRate), n = Math.min(frames - at, Math.round(seconds * sampleRate));
      if (n <= 0) break;
      // the rasp: the pitch and level wobble at a rough rate, not a vibrato's slow one
      const rasp = rng.range(40, 70), depth = rng.range(0.03, 0.05);
      const pitch = (i: number) => {
        const x = i / n;
        // ("kee-": a quick rise to the top, then the long slide down)
        const glide = x < 0.08 ? 0.85 + (0.15 * x) / 0.08 : 1 - (1 - fall) * ((x - 0.08) / 0.92) ** 0.8;
        return top * glide * (1 + depth * Math.sin((2 * Math.PI * rasp * i) / sampleRate));
      };
      const voice = pulseTrain(n, pitch, sampleRate, () => rng.next(), 0.25);
      // (formants that follow the voice: its fundamental and its second harmonic carry the cry)
      const cry = formants(voice, [{ f: pitch, bw: 500, gain: 1 }, { f: (i) => 2 * pitch(i), bw: 900, gain: 0.35 }], sampleRate);
      for (let i = 0; i < n; i++) cry[i]! *= (1 - 0.3 * (0.5 + 0.5 * Math.sin((2 * Math.PI * rasp * 1.3 * i) / sampleRate))) * (1 - 0.55 * (i / n));
      addAt(out, fadeEdges(cry, 0.02 * sampleRate, 0.25 * sampleRate), at, 1 - 0.25 * c);
      t += seconds + rng.range(0.25, 0.45);
    }
    return normalizePeak(biquad(out, 'highpass', 1000, 0.7, sampleRate), 0.5);
  },
};
