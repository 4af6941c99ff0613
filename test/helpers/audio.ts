/**
 * Listening to what we render, for sound tests: WAV files from float samples, AAC round trips
 * through the real ffmpeg (what the MP4 carries), spectrum statistics, onset finding, and speech
 * recognition with Debian's pocketsphinx (pocketsphinx + pocketsphinx-en-us) plus word error rate.
 *
 * @example
 *   const wav = await writeWavFile(samples, 2);
 *   const words = await recognise(wav, 0.4, 3.0);  // 'welcome home'
 *   wordErrorRate('welcome home', words)           // 0
 */
import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath } from '../../src/engine/encode/ffmpeg-path.js';
import { encodeWav } from '../../src/engine/sound/speech/wav.js';
import { runViaSpawner } from '../../src/engine/util/spawner.js';
import { fft } from './fft.js';

// programs are started by the engine's spawner process, not forked from a test's big process
const run = runViaSpawner;
let dir: string | null = null;
let counter = 0;

export async function tempFile(name: string): Promise<string> {
  if (!dir) {
    const made = await mkdtemp(join(tmpdir(), 'moviola-sound-test-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return join(dir, `${counter++}-${name}`);
}

/** Interleaved float samples (48 kHz) → a 16-bit WAV file; its path. */
export async function writeWavFile(samples: Float32Array, channels: number, sampleRate = 48000): Promise<string> {
  const path = await tempFile('audio.wav');
  await writeFile(path, encodeWav(samples, sampleRate, channels));
  return path;
}

/** Encodes to AAC 192k 48 kHz stereo in an .m4a (as the MP4's audio track); its path. */
export async function toAac(wav: string): Promise<string> {
  const path = await tempFile('audio.m4a');
  await run(ffmpegPath(), ['-y', '-v', 'error', '-i', wav, '-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2', path]);
  return path;
}

/** One channel (or the mono sum) of interleaved stereo. */
export function channel(samples: Float32Array, which: 0 | 1 | 'mono'): Float32Array {
  const out = new Float32Array(samples.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = which === 'mono' ? (samples[2 * i]! + samples[2 * i + 1]!) / 2 : samples[2 * i + which]!;
  return out;
}


export interface SpectrumStats {
  /** power-weighted mean frequency (Hz) */
  centroid: number;
  /** geometric / arithmetic mean of the power spectrum, 0 (pure tones) … 1 (white noise), over 50 Hz–16 kHz */
  flatness: number;
  rms: number;
}

/** Average power spectrum over Hann-windowed 4096-sample frames of a mono signal, and its centroid and flatness. */
export function spectrumStats(mono: Float32Array, sampleRate = 48000): SpectrumStats {
  const N = 4096;
  const power = new Float64Array(N / 2);
  let frames = 0;
  for (let off = 0; off + N <= mono.length; off += N / 2) {
    const re = new Float64Array(N), im = new Float64Array(N);
    for (let i = 0; i < N; i++) re[i] = mono[off + i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (N - 1)));
    fft(re, im);
    for (let k = 0; k < N / 2; k++) power[k]! += re[k]! ** 2 + im[k]! ** 2;
    frames++;
  }
  let total = 0, weighted = 0, logSum = 0, sum = 0, bins = 0;
  for (let k = 1; k < N / 2; k++) {
    const f = (k * sampleRate) / N;
    total += power[k]!; weighted += power[k]! * f;
    if (f >= 50 && f <= 16000) { logSum += Math.log(power[k]! / frames + 1e-20); sum += power[k]! / frames; bins++; }
  }
  let e = 0;
  for (let i = 0; i < mono.length; i++) e += mono[i]! ** 2;
  return { centroid: weighted / Math.max(1e-20, total), flatness: Math.exp(logSum / bins) / (sum / bins), rms: Math.sqrt(e / Math.max(1, mono.length)) };
}

/**
 * Short-time energy (dB) per `hop` seconds of a mono signal, optionally of its content below
 * `lowpass` Hz only (two one-pole low-passes: rumbles without the chirps and hiss above them).
 */
export function energyEnvelope(mono: Float32Array, hop = 0.01, sampleRate = 48000, lowpass?: number): Float64Array {
  if (lowpass) {
    const a = 1 - Math.exp((-2 * Math.PI * lowpass) / sampleRate);
    const out = new Float32Array(mono.length);
    let y1 = 0, y2 = 0;
    for (let i = 0; i < mono.length; i++) { y1 += a * (mono[i]! - y1); y2 += a * (y1 - y2); out[i] = y2; }
    mono = out;
  }
  const step = Math.round(hop * sampleRate);
  const out = new Float64Array(Math.floor(mono.length / step));
  for (let h = 0; h < out.length; h++) {
    let e = 0;
    for (let i = h * step; i < (h + 1) * step; i++) e += mono[i]! ** 2;
    out[h] = 10 * Math.log10(e / step + 1e-12);
  }
  return out;
}

/** Words pocketsphinx hears in [from, to] seconds of a file (any format ffmpeg reads). */
export async function recognise(file: string, from = 0, to?: number): Promise<string> {
  const wav16 = await tempFile('speech16k.wav');
  await run(ffmpegPath(), ['-y', '-v', 'error', '-i', file, '-ss', String(from), ...(to !== undefined ? ['-to', String(to)] : []), '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', wav16]);
  const { stdout } = await run('pocketsphinx_continuous', ['-infile', wav16, '-logfn', '/dev/null']);
  return stdout.toString().replace(/\s+/g, ' ').trim();
}

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);

/** Word error rate: (substitutions + deletions + insertions) / reference words (Levenshtein over words). */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const r = words(reference), h = words(hypothesis);
  const d = Array.from({ length: r.length + 1 }, (_, i) => Array.from({ length: h.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= r.length; i++) {
    for (let j = 1; j <= h.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (r[i - 1] === h[j - 1] ? 0 : 1));
    }
  }
  return d[r.length]![h.length]! / Math.max(1, r.length);
}
