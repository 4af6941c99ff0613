/**
 * Voice colours, one entry each: how a dry line is coloured for its style (whisper, shout, radio,
 * megaphone, phone …). Each works in place on mono 48 kHz samples.
 *
 * @example
 *   VOICE_STYLES.radio(samples, rng, 48000)
 */
import type { Random } from '../../util/random.js';
import { biquad } from '../dsp/biquad.js';

type Colour = (samples: Float32Array, rng: Random, sampleRate: number) => void;

function drive(samples: Float32Array, amount: number): void {
  const norm = Math.tanh(amount);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.tanh(samples[i]! * amount) / norm;
}

/** Breath instead of voicing: the line's own envelope modulating band-limited noise, over a thin trace of the voice. */
const whisper: Colour = (s, rng, sr) => {
  const env = new Float32Array(s.length);
  let e = 0;
  const k = Math.exp(-1 / (0.01 * sr));
  for (let i = 0; i < s.length; i++) { e = Math.max(Math.abs(s[i]!), e * k); env[i] = e; }
  biquad(s, 'highpass', 900, 0.7, sr);
  const noise = new Float32Array(s.length);
  for (let i = 0; i < s.length; i++) noise[i] = rng.next() * 2 - 1;
  biquad(noise, 'bandpass', 2500, 0.8, sr);
  for (let i = 0; i < s.length; i++) s[i] = s[i]! * 0.6 + noise[i]! * env[i]! * 0.9;
};

export const VOICE_STYLES: Record<string, Colour> = {
  neutral: () => {},
  calm: () => {},
  narrator: (s, _rng, sr) => { biquad(s, 'lowshelf', 200, 0.7, sr, 2); },
  whisper,
  shout: (s, _rng, sr) => { biquad(s, 'peaking', 2500, 1, sr, 4); drive(s, 2.5); },
  radio: (s, rng, sr) => {
    biquad(s, 'highpass', 400, 0.9, sr); biquad(s, 'lowpass', 3000, 0.9, sr); drive(s, 3);
    for (let i = 0; i < s.length; i++) s[i]! += (rng.next() - 0.5) * 0.02;
  },
  phone: (s, _rng, sr) => { biquad(s, 'highpass', 350, 0.9, sr); biquad(s, 'lowpass', 3400, 0.9, sr); drive(s, 1.5); },
  megaphone: (s, _rng, sr) => { biquad(s, 'highpass', 600, 1, sr); biquad(s, 'lowpass', 2800, 1, sr); biquad(s, 'peaking', 1500, 2, sr, 8); drive(s, 5); },
};
