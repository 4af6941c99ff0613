/**
 * Music heard through a device in the scene (the plan's `music.source`, read by
 * direct/audio/music-source.ts): the rendered cue, coloured in place.
 * - radio: one small speaker — mono, the band of a transistor set (~300 Hz – 3.5 kHz) with its
 *   mid-range honk, a little driven, over a faint receiver hiss;
 * - record: a gramophone or jukebox — narrow stereo, the lows and highs of an old pressing rolled
 *   off (~80 Hz – 6 kHz), surface crackle and a soft hiss.
 * The level is kept (RMS as before), so the plan's gain_db means the same for every source.
 *
 * @example
 *   hearThrough('radio', left, right, createRandom(deriveSeed(seed, 'music-source')), 48000)
 */
import type { MusicSource } from '../../plan.js';
import type { Random } from '../../util/random.js';
import { biquad } from '../dsp/biquad.js';
import { addAt, rms } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import { whiteNoise } from '../dsp/noise.js';

const sumToMono = (left: Float32Array, right: Float32Array) => {
  const mono = new Float32Array(left.length);
  for (let i = 0; i < mono.length; i++) mono[i] = 0.5 * (left[i]! + right[i]!);
  return mono;
};

/** Noise in a band, at `level` times the signal's RMS. */
function hiss(frames: number, low: number, high: number, level: number, rng: Random, sampleRate: number): Float32Array {
  const out = whiteNoise(frames, rng);
  biquad(out, 'highpass', low, 0.7, sampleRate);
  biquad(out, 'lowpass', high, 0.7, sampleRate);
  const g = level / Math.max(1e-9, rms(out));
  for (let i = 0; i < frames; i++) out[i]! *= g;
  return out;
}

function radio(left: Float32Array, right: Float32Array, rng: Random, sampleRate: number): void {
  const mono = sumToMono(left, right);
  // a small amplifier's soft clipping, at the same level, before the speaker's band takes its overtones away
  const level = Math.max(1e-9, rms(mono));
  for (let i = 0; i < mono.length; i++) mono[i] = (level / 0.6) * Math.tanh((mono[i]! / level) * 0.6);
  for (let pass = 0; pass < 2; pass++) { biquad(mono, 'highpass', 300, 0.7, sampleRate); biquad(mono, 'lowpass', 3500, 0.7, sampleRate); }
  biquad(mono, 'peaking', 1500, 0.9, sampleRate, 4);
  const noise = hiss(mono.length, 400, 4000, 0.025 * rms(mono), rng, sampleRate);
  for (let i = 0; i < mono.length; i++) { left[i] = mono[i]! + noise[i]!; right[i] = left[i]!; }
}

function record(left: Float32Array, right: Float32Array, rng: Random, sampleRate: number): void {
  const frames = left.length;
  const mid = sumToMono(left, right);
  const side = new Float32Array(frames);
  for (let i = 0; i < frames; i++) side[i] = 0.25 * (left[i]! - right[i]!);
  for (const buf of [mid, side]) {
    biquad(buf, 'highpass', 80, 0.7, sampleRate);
    biquad(buf, 'lowpass', 6000, 0.7, sampleRate);
    biquad(buf, 'lowpass', 6000, 0.7, sampleRate);
  }
  biquad(mid, 'lowshelf', 250, 0.7, sampleRate, 2);
  const level = rms(mid);
  // the surface: a soft hiss and crackles, a few a second, each a tiny click of its own size
  const surface = hiss(frames, 1000, 8000, 0.02 * level, rng, sampleRate);
  for (const at of poissonOnsets(frames, 9, rng, sampleRate)) {
    addAt(surface, noiseBurst(0.004, 'highpass', 1500, 0.7, 0.0008, rng, sampleRate), at, level * rng.range(0.5, 2));
  }
  for (let i = 0; i < frames; i++) { left[i] = mid[i]! + side[i]! + surface[i]!; right[i] = mid[i]! - side[i]! + surface[i]!; }
}

export function hearThrough(source: MusicSource, left: Float32Array, right: Float32Array, rng: Random, sampleRate: number): void {
  if (source === 'score') return;
  const before = Math.hypot(rms(left), rms(right));
  if (source === 'radio') radio(left, right, rng, sampleRate);
  else record(left, right, rng, sampleRate);
  const g = before / Math.max(1e-9, Math.hypot(rms(left), rms(right)));
  for (let i = 0; i < left.length; i++) { left[i]! *= g; right[i]! *= g; }
}
