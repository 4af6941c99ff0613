/**
 * Small buffer helpers shared by the sound files: mixing a source in at an offset, gains,
 * normalising, fades.
 *
 * @example
 *   addAt(out, click, Math.round(0.5 * 48000), 0.8); // a click half a second in
 */
export function addAt(out: Float32Array, src: Float32Array, offset: number, gain = 1): void {
  const start = Math.max(0, offset);
  const end = Math.min(out.length, offset + src.length);
  for (let i = start; i < end; i++) out[i]! += src[i - offset]! * gain;
}

export function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}

export function rms(buf: Float32Array): number {
  let s = 0;
  for (let i = 0; i < buf.length; i++) s += buf[i]! * buf[i]!;
  return Math.sqrt(s / Math.max(1, buf.length));
}

export function peak(buf: Float32Array): number {
  let p = 0;
  for (let i = 0; i < buf.length; i++) { const a = Math.abs(buf[i]!); if (a > p) p = a; }
  return p;
}

/** Scales in place to the given RMS (beds: a steady level the plan's gain_db is relative to). */
export function normalizeRms(buf: Float32Array, target: number): Float32Array {
  const r = rms(buf);
  if (r > 1e-9) { const g = target / r; for (let i = 0; i < buf.length; i++) buf[i]! *= g; }
  return buf;
}

/** Scales in place to the given peak (events: a punch the plan's gain_db is relative to). */
export function normalizePeak(buf: Float32Array, target: number): Float32Array {
  const p = peak(buf);
  if (p > 1e-9) { const g = target / p; for (let i = 0; i < buf.length; i++) buf[i]! *= g; }
  return buf;
}

/** Linear fade in over the first `a` samples and out over the last `b` samples, in place. */
export function fadeEdges(buf: Float32Array, a: number, b: number): Float32Array {
  const n = buf.length;
  for (let i = 0; i < Math.min(a, n); i++) buf[i]! *= i / a;
  for (let i = 0; i < Math.min(b, n); i++) buf[n - 1 - i]! *= i / b;
  return buf;
}

/** Multiplies by exp(-t/tau) from sample 0: a struck or plucked decay. */
export function expDecay(buf: Float32Array, tau: number, sampleRate: number): Float32Array {
  const k = Math.exp(-1 / (tau * sampleRate));
  let g = 1;
  for (let i = 0; i < buf.length; i++) { buf[i]! *= g; g *= k; }
  return buf;
}
