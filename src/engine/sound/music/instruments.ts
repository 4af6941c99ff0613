/**
 * The music's instruments, each one function that renders one note (or one hit) as a mono buffer:
 * a warm pad (detuned saws, slow swell), a plucked string (Karplus–Strong), a piano-like struck
 * tone, a bass, and a small drum kit (kick, snare, hat, low tom).
 *
 * @example
 *   addAt(out, pianoNote(midiToHz(60), 1.5, 48000), at, 0.3);
 */
import type { Random } from '../../util/random.js';
import { biquad } from '../dsp/biquad.js';
import { expDecay } from '../dsp/buffer.js';
import { noiseBurst, sineSweep, struckTone } from '../dsp/burst.js';

export const midiToHz = (m: number) => 440 * Math.pow(2, (m - 69) / 12);

export function padNote(freq: number, seconds: number, sampleRate: number, brightness = 1800): Float32Array {
  return padChord([freq], seconds, sampleRate, brightness);
}

/** A whole chord on the pad: every note's saws summed, then filtered once. */
export function padChord(freqs: number[], seconds: number, sampleRate: number, brightness = 1800): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  const attack = Math.min(0.6, seconds / 3) * sampleRate;
  const release = Math.min(0.8, seconds / 3) * sampleRate;
  for (const freq of freqs) {
    for (const [detune, start] of [[0.995, 0.1], [1, 0.4], [1.006, 0.7]] as const) {
      const step = (freq * detune) / sampleRate;
      let phase = start;
      for (let i = 0; i < n; i++) {
        phase += step;
        if (phase >= 1) phase -= 1;
        out[i]! += 2 * phase - 1;
      }
    }
  }
  for (let i = 0; i < n; i++) out[i]! *= Math.min(1, i / attack, (n - i) / release) * 0.3;
  biquad(out, 'lowpass', brightness, 0.7, sampleRate);
  return biquad(out, 'lowpass', brightness * 1.5, 0.7, sampleRate);
}

export function pluckNote(freq: number, seconds: number, sampleRate: number, rng: Random): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const period = Math.max(2, Math.round(sampleRate / freq));
  const out = new Float32Array(n);
  const line = new Float32Array(period);
  for (let i = 0; i < period; i++) line[i] = rng.next() * 2 - 1;
  // a softer pick: smooth the excitation so the attack is not a burst of hiss
  for (let pass = 0; pass < 3; pass++) for (let i = 1; i < period; i++) line[i] = (line[i]! + line[i - 1]!) / 2;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const k = i % period;
    const v = line[k]!;
    line[k] = 0.498 * (v + prev);
    prev = v;
    out[i] = v;
  }
  const fade = Math.min(n, Math.round(0.01 * sampleRate));
  for (let i = 0; i < fade; i++) out[n - 1 - i]! *= i / fade;
  return out;
}

/** Piano-like: slightly stretched harmonics, the upper ones decaying faster, a soft hammer. */
export function pianoNote(freq: number, seconds: number, sampleRate: number): Float32Array {
  const tau = Math.max(0.4, 1.6 - Math.log2(freq / 220) * 0.4);
  const out = struckTone(freq, [1, 2.002, 3.006, 4.012, 5.02, 6.03], [1, 0.45, 0.25, 0.12, 0.07, 0.04], tau, sampleRate, seconds);
  const fade = Math.min(out.length, Math.round(0.05 * sampleRate));
  for (let i = 0; i < fade; i++) out[out.length - 1 - i]! *= i / fade;
  return out;
}

export function bassNote(freq: number, seconds: number, sampleRate: number): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    p += freq / sampleRate;
    const env = Math.min(1, i / (0.005 * sampleRate), (n - i) / (0.03 * sampleRate));
    out[i] = (Math.sin(2 * Math.PI * p) + 0.3 * Math.sin(4 * Math.PI * p)) * env;
  }
  return biquad(out, 'lowpass', 600, 0.7, sampleRate);
}

export function kick(sampleRate: number): Float32Array {
  return sineSweep(150, 45, 0.35, 0.09, sampleRate);
}

export function snare(sampleRate: number, rng: Random): Float32Array {
  const body = sineSweep(220, 180, 0.12, 0.04, sampleRate);
  const rattle = noiseBurst(0.2, 'highpass', 1500, 0.7, 0.05, rng, sampleRate);
  for (let i = 0; i < body.length; i++) rattle[i]! += body[i]! * 0.6;
  return rattle;
}

export function hat(sampleRate: number, rng: Random): Float32Array {
  return noiseBurst(0.05, 'highpass', 7000, 0.7, 0.012, rng, sampleRate);
}

export function tom(sampleRate: number, rng: Random): Float32Array {
  const body = sineSweep(90, 60, 0.8, 0.25, sampleRate);
  const skin = noiseBurst(0.1, 'lowpass', 800, 0.7, 0.03, rng, sampleRate);
  for (let i = 0; i < skin.length; i++) body[i]! += skin[i]! * 0.5;
  return expDecay(body, 2, sampleRate);
}
