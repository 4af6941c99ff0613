/**
 * Measures for sound v2 (issue 14), each answering one question a listener would ask:
 * - `tonality`: is this stretch music (energy in narrow spectral peaks: notes and their
 *   harmonics) or noise? The fraction of the power in bins standing ≥ 10 dB above their
 *   neighbourhood's median, averaged over 4096-point Hann frames; within a band, a whine over a roar.
 * - `momentaryLoudness`: ffmpeg's ebur128 (an implementation that is not ours) — the 400 ms
 *   momentary loudness every 100 ms, and the integrated loudness.
 * - `peakFrequency`: the strongest frequency in a band over a stretch (a whistle's pitch, an
 *   engine's firing note before and after a pass-by).
 * - `envelopePeriod`: the strongest repetition period of a sound's level (a bark's rhythm) and how
 *   strong it is (normalised autocorrelation 0 … 1).
 * - `onsets`: when a band's level steps up (syllables of birdsong).
 * - `pitchTrack`: the fundamental over time (normalised autocorrelation of 40 ms frames), 0 where
 *   the frame is unvoiced (noise, silence): a meow's rise and fall, a moo's low note, a laugh's voicing.
 * - `octaveFractions`: the share of the power in each octave band (31 Hz … 16 kHz): a roar spread
 *   over many octaves with weight in the lows, against a tone or a narrow hiss.
 * test/helpers/sound-measures.test.ts shows each catching the defect it is for.
 */
import { ffmpegPath } from '../../src/engine/encode/ffmpeg-path.js';
import { runViaSpawner } from '../../src/engine/util/spawner.js';
import { fft } from './fft.js';

const SIZE = 4096;

function spectrumFrames(mono: Float32Array, from: number, to: number, sampleRate: number, each: (power: Float64Array) => void): void {
  const a = Math.max(0, Math.round(from * sampleRate)), b = Math.min(mono.length, Math.round(to * sampleRate));
  const re = new Float64Array(SIZE), im = new Float64Array(SIZE), power = new Float64Array(SIZE / 2);
  for (let start = a; start + SIZE <= b; start += SIZE / 2) {
    for (let i = 0; i < SIZE; i++) { re[i] = mono[start + i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / SIZE)); im[i] = 0; }
    fft(re, im);
    for (let k = 0; k < SIZE / 2; k++) power[k] = re[k]! ** 2 + im[k]! ** 2;
    each(power);
  }
}

/** Fraction (0 … 1) of the power in [loHz, hiHz] (default 50 Hz–8 kHz) that sits in spectral peaks, over [from, to] s. */
export function tonality(mono: Float32Array, from: number, to: number, sampleRate = 48000, loHz = 50, hiHz = 8000): number {
  const lo = Math.round((loHz * SIZE) / sampleRate), hi = Math.round((hiHz * SIZE) / sampleRate), half = 24;
  let peak = 0, total = 0;
  spectrumFrames(mono, from, to, sampleRate, (power) => {
    for (let k = lo; k < hi; k++) {
      const around = Array.from(power.subarray(Math.max(0, k - half), k + half)).sort((x, y) => x - y);
      const median = around[around.length >> 1]!;
      total += power[k]!;
      if (power[k]! >= 10 * median) peak += power[k]!;
    }
  });
  return total > 0 ? peak / total : 0;
}

/** The strongest frequency (Hz) within [lo, hi] Hz over [from, to] s (power summed over frames). */
export function peakFrequency(mono: Float32Array, from: number, to: number, lo: number, hi: number, sampleRate = 48000): number {
  const sum = new Float64Array(SIZE / 2);
  spectrumFrames(mono, from, to, sampleRate, (power) => { for (let k = 0; k < sum.length; k++) sum[k]! += power[k]!; });
  let best = 0, bestK = 0;
  for (let k = Math.ceil((lo * SIZE) / sampleRate); k <= Math.floor((hi * SIZE) / sampleRate); k++) if (sum[k]! > best) { best = sum[k]!; bestK = k; }
  // parabolic interpolation between bins
  const [l, c, r] = [sum[bestK - 1] ?? 0, sum[bestK]!, sum[bestK + 1] ?? 0];
  const shift = l + r - 2 * c !== 0 ? (0.5 * (l - r)) / (l - 2 * c + r) : 0;
  return ((bestK + shift) * sampleRate) / SIZE;
}

/** Fraction of the power within ±`width` (relative) of `centre` Hz: how narrow-band a sound is. */
export function bandFraction(mono: Float32Array, centre: number, width: number, sampleRate = 48000): number {
  let inside = 0, total = 0;
  spectrumFrames(mono, 0, mono.length / sampleRate, sampleRate, (power) => {
    for (let k = 1; k < power.length; k++) {
      const f = (k * sampleRate) / SIZE;
      total += power[k]!;
      if (Math.abs(f - centre) <= centre * width) inside += power[k]!;
    }
  });
  return total > 0 ? inside / total : 0;
}

/** RMS level envelope (linear) at `hop` seconds. */
export function levelEnvelope(mono: Float32Array, hop = 0.01, sampleRate = 48000): Float64Array {
  const step = Math.round(hop * sampleRate);
  const out = new Float64Array(Math.floor(mono.length / step));
  for (let h = 0; h < out.length; h++) {
    let e = 0;
    for (let i = h * step; i < (h + 1) * step; i++) e += mono[i]! ** 2;
    out[h] = Math.sqrt(e / step);
  }
  return out;
}

/** The envelope's strongest repetition period in [minS, maxS] s, and its normalised autocorrelation. */
export function envelopePeriod(mono: Float32Array, minS: number, maxS: number, sampleRate = 48000): { period: number; strength: number } {
  const hop = 0.005;
  const env = levelEnvelope(mono, hop, sampleRate);
  const mean = env.reduce((s, v) => s + v, 0) / env.length;
  const x = env.map((v) => v - mean);
  const zero = x.reduce((s, v) => s + v * v, 0);
  let best = { period: 0, strength: -1 };
  for (let lag = Math.round(minS / hop); lag <= Math.round(maxS / hop); lag++) {
    let acc = 0;
    for (let i = lag; i < x.length; i++) acc += x[i]! * x[i - lag]!;
    const strength = acc / zero;
    if (strength > best.strength) best = { period: lag * hop, strength };
  }
  return best;
}

/** Onsets (s): where the 5 ms level rises ≥ `stepDb` above its minimum of the previous 40 ms. */
export function onsets(mono: Float32Array, stepDb = 12, sampleRate = 48000): number[] {
  const env = levelEnvelope(mono, 0.005, sampleRate);
  const db = Array.from(env, (v) => 20 * Math.log10(v + 1e-9));
  const loudest = Math.max(...db);
  const out: number[] = [];
  let armed = true;
  for (let h = 8; h < db.length; h++) {
    const floor = Math.min(...db.slice(h - 8, h));
    if (armed && db[h]! > floor + stepDb && db[h]! > loudest - 40) { out.push(h * 0.005); armed = false; }
    if (db[h]! < floor + 3) armed = true;
  }
  return out;
}

/** ffmpeg ebur128: momentary loudness (400 ms) every 100 ms as [t, LUFS], and the integrated loudness. */
export async function momentaryLoudness(file: string): Promise<{ momentary: Array<[number, number]>; integrated: number }> {
  const { stderr } = await runViaSpawner(ffmpegPath(), ['-hide_banner', '-nostats', '-i', file, '-vn', '-af', 'ebur128', '-f', 'null', '-']);
  const momentary: Array<[number, number]> = [];
  for (const m of stderr.matchAll(/t:\s*([\d.]+)\s+TARGET:[^\n]*?M:\s*(-?[\d.]+|-inf)/g)) momentary.push([parseFloat(m[1]!), m[2] === '-inf' ? -Infinity : parseFloat(m[2]!)]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = parseFloat(/I:\s*(-?[\d.]+)\s*LUFS/.exec(summary)?.[1] ?? 'NaN');
  return { momentary, integrated };
}

/**
 * How much a sound's spectrum is scaled in frequency between two stretches (a Doppler shift):
 * the factor s in [0.8, 1.25] that best lines up the power spectrum of [a0, a1] with that of
 * [b0, b1] scaled by 1/s, within [lo, hi] Hz. Approaching then receding gives s > 1.
 */
export function spectralShift(mono: Float32Array, a: readonly [number, number], b: readonly [number, number], lo: number, hi: number, sampleRate = 48000): number {
  const sum = (from: number, to: number) => {
    const out = new Float64Array(SIZE / 2);
    spectrumFrames(mono, from, to, sampleRate, (power) => { for (let k = 0; k < out.length; k++) out[k]! += power[k]!; });
    return Array.from(out, (v) => Math.log10(v + 1e-12));
  };
  const pa = sum(a[0], a[1]), pb = sum(b[0], b[1]);
  const k0 = Math.ceil((lo * SIZE) / sampleRate), k1 = Math.floor((hi * SIZE) / sampleRate);
  const at = (p: number[], k: number) => { const i = Math.floor(k), f = k - i; return (p[i] ?? 0) * (1 - f) + (p[i + 1] ?? 0) * f; };
  let best = { s: 1, r: -Infinity };
  for (let s = 0.8; s <= 1.25; s += 0.002) {
    const xs: number[] = [], ys: number[] = [];
    for (let k = k0; k <= k1; k++) { xs.push(pa[k]!); ys.push(at(pb, k / s)); }
    const mx = xs.reduce((p, v) => p + v, 0) / xs.length, my = ys.reduce((p, v) => p + v, 0) / ys.length;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < xs.length; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; syy += (ys[i]! - my) ** 2; }
    const r = sxy / Math.sqrt(sxx * syy + 1e-12);
    if (r > best.r) best = { s, r };
  }
  return best.s;
}

/**
 * The fundamental (Hz) every `hop` s over [lo, hi] Hz: the lag with the highest normalised
 * autocorrelation in a 40 ms frame, 0 where that is below `clarity` or the frame is > 30 dB below
 * the loudest (unvoiced or silent).
 */
export function pitchTrack(mono: Float32Array, lo: number, hi: number, hop = 0.01, clarity = 0.6, sampleRate = 48000): number[] {
  const size = Math.round(0.04 * sampleRate), step = Math.round(hop * sampleRate);
  const minLag = Math.floor(sampleRate / hi), maxLag = Math.ceil(sampleRate / lo);
  const env = levelEnvelope(mono, hop, sampleRate), loudest = Math.max(...env);
  const out: number[] = [];
  for (let start = 0, h = 0; start + size + maxLag <= mono.length; start += step, h++) {
    if ((env[h] ?? 0) < loudest * 0.0316) { out.push(0); continue; }
    let best = 0, bestLag = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let xy = 0, xx = 0, yy = 0;
      for (let i = start; i < start + size; i++) { const a = mono[i]!, b = mono[i + lag]!; xy += a * b; xx += a * a; yy += b * b; }
      const r = xy / Math.sqrt(xx * yy + 1e-12);
      if (r > best) { best = r; bestLag = lag; }
    }
    out.push(best >= clarity ? sampleRate / bestLag : 0);
  }
  return out;
}

/**
 * The share of the audible power (31 Hz … 16 kHz) in each octave band [31.25·2^k, 62.5·2^k) Hz,
 * k = 0 … 9. Sub-audible drift below 31 Hz is left out: it is not heard.
 */
export function octaveFractions(mono: Float32Array, sampleRate = 48000): number[] {
  const bands = new Array<number>(10).fill(0);
  let total = 0;
  spectrumFrames(mono, 0, mono.length / sampleRate, sampleRate, (power) => {
    for (let k = 1; k < power.length; k++) {
      const band = Math.floor(Math.log2((k * sampleRate) / SIZE / 31.25));
      if (band >= 0 && band < 10) { bands[band]! += power[k]!; total += power[k]!; }
    }
  });
  return bands.map((b) => (total > 0 ? b / total : 0));
}

/** The middle value (the upper one of an even count), 0 for none. */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

/** A pitch track's voiced frames (0 = unvoiced, dropped). */
export const voiced = (track: readonly number[]) => track.filter((f) => f > 0);

/** A pitch track's voiced runs: stretches of ≥ `min` voiced frames, split by ≥ 3 unvoiced ones (a call, a sob, a quack). */
export function voicedRuns(track: readonly number[], min = 5): number[][] {
  const runs: number[][] = [];
  let gap = Infinity;
  for (const f of track) { if (f > 0) { if (gap >= 3) runs.push([]); runs[runs.length - 1]!.push(f); gap = 0; } else gap++; }
  return runs.filter((r) => r.length >= min);
}

/** Separate loud stretches, [start, end) in seconds: runs of 10 ms frames above a third of the loudest, ≥ 50 ms apart (coughs, caws, grunts). */
export function burstSpans(mono: Float32Array, sampleRate = 48000): Array<[number, number]> {
  const env = levelEnvelope(mono, 0.01, sampleRate), loud = Math.max(...env);
  const spans: Array<[number, number]> = [];
  let quiet = Infinity;
  env.forEach((v, h) => {
    if (v > loud / 3) { if (quiet >= 5) spans.push([h * 0.01, h * 0.01]); spans[spans.length - 1]![1] = (h + 1) * 0.01; quiet = 0; } else quiet++;
  });
  return spans;
}

/** How many separate loud stretches (see burstSpans). */
export const bursts = (mono: Float32Array, sampleRate = 48000) => burstSpans(mono, sampleRate).length;

/** The share of the audible power in the octave bands that start in [lo, hi) Hz. */
export function powerWithin(mono: Float32Array, lo: number, hi: number, sampleRate = 48000): number {
  return octaveFractions(mono, sampleRate).reduce((s, v, k) => (31.25 * 2 ** k >= lo && 31.25 * 2 ** k < hi ? s + v : s), 0);
}

/** The share of the audible power in the octave bands that start at `hz` or above. */
export const powerAbove = (mono: Float32Array, hz: number, sampleRate = 48000) => powerWithin(mono, hz, Infinity, sampleRate);

/**
 * How fast a sound pulses, for pulses too quick for envelopePeriod's 5 ms hop (a frog's croak, a
 * purr): the rectified signal smoothed under 200 Hz (its carrier gone), sampled every 1 ms; its
 * strongest repetition in [lo, hi] pulses a second with the normalised autocorrelation there, and
 * its depth (the envelope's spread over its mean: ~0 for a steady tone, ≥ 0.3 for pulses). Of
 * lags nearly as strong as the best (a pulse repeats at twice its period too), the shortest wins.
 */
export function pulseRate(mono: Float32Array, lo: number, hi: number, sampleRate = 48000): { rate: number; strength: number; depth: number } {
  const c = Math.exp((-2 * Math.PI * 200) / sampleRate), step = Math.round(sampleRate / 1000);
  const env: number[] = [];
  let y1 = 0, y2 = 0;
  for (let i = 0; i < mono.length; i++) {
    // two one-pole lowpasses in a row: the carrier's ripple falls 12 dB an octave above 200 Hz
    y1 += (1 - c) * (Math.abs(mono[i]!) - y1); y2 += (1 - c) * (y1 - y2);
    if (i % step === 0) env.push(y2);
  }
  const mean = env.reduce((s, v) => s + v, 0) / env.length;
  const x = env.map((v) => v - mean), zero = x.reduce((s, v) => s + v * v, 0);
  const lags: Array<{ rate: number; strength: number }> = [];
  for (let lag = Math.ceil(1000 / hi); lag <= Math.floor(1000 / lo); lag++) {
    let acc = 0;
    for (let i = lag; i < x.length; i++) acc += x[i]! * x[i - lag]!;
    lags.push({ rate: 1000 / lag, strength: acc / zero });
  }
  // a pulse repeats at twice its period too: the shortest lag nearly as strong as the best is the rate
  const top = Math.max(...lags.map((l) => l.strength));
  const best = lags.find((l) => l.strength >= 0.9 * top) ?? { rate: 0, strength: 0 };
  return { ...best, depth: Math.sqrt(zero / x.length) / (mean + 1e-12) };
}
