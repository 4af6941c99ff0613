/**
 * Voice colours, one entry each: how a dry line is coloured for its style (whisper, shout, radio,
 * megaphone, phone …). Each works in place on mono 48 kHz samples.
 *
 * @example
 *   VOICE_STYLES.radio(samples, rng, 48000)
 */
import type { Random } from '../../util/random.js';
import { biquad } from '../dsp/biquad.js';
import { lpcNoiseResynthesis } from '../dsp/lpc.js';

type Colour = (samples: Float32Array, rng: Random, sampleRate: number) => void;

function drive(samples: Float32Array, amount: number): void {
  const norm = Math.tanh(amount);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.tanh(samples[i]! * amount) / norm;
}

/**
 * Breath instead of voicing, and still intelligible: the line's own spectral envelope (LPC, frame
 * by frame) re-synthesised with noise as the source — formants and consonants kept, pitch gone —
 * then tilted up (a whisper's energy sits higher: no low glottal harmonics).
 */
const whisper: Colour = (s, rng, sr) => {
  const breath = lpcNoiseResynthesis(s, sr, () => rng.next());
  biquad(breath, 'highpass', 300, 0.7, sr);
  biquad(breath, 'peaking', 2500, 0.8, sr, 3);
  s.set(breath);
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
