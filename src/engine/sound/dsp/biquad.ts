/**
 * RBJ biquad filters (Audio EQ Cookbook), processed in place on a mono buffer.
 *
 * @example
 *   biquad(noise, 'lowpass', 800, 0.7, 48000); // darken white noise in place
 */
export type BiquadType = 'lowpass' | 'highpass' | 'bandpass' | 'peaking' | 'lowshelf' | 'highshelf';

export interface BiquadCoefficients { b0: number; b1: number; b2: number; a1: number; a2: number }

export function biquadCoefficients(type: BiquadType, freq: number, q: number, sampleRate: number, gainDb = 0): BiquadCoefficients {
  const w = (2 * Math.PI * Math.min(freq, sampleRate * 0.49)) / sampleRate;
  const cos = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  const A = Math.pow(10, gainDb / 40);
  let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
  switch (type) {
    case 'lowpass': b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = b0; a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha; break;
    case 'highpass': b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = b0; a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha; break;
    case 'bandpass': b0 = alpha; b1 = 0; b2 = -alpha; a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha; break;
    case 'peaking': b0 = 1 + alpha * A; b1 = -2 * cos; b2 = 1 - alpha * A; a0 = 1 + alpha / A; a1 = -2 * cos; a2 = 1 - alpha / A; break;
    case 'lowshelf': {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 - (A - 1) * cos + s); b1 = 2 * A * (A - 1 - (A + 1) * cos); b2 = A * (A + 1 - (A - 1) * cos - s);
      a0 = A + 1 + (A - 1) * cos + s; a1 = -2 * (A - 1 + (A + 1) * cos); a2 = A + 1 + (A - 1) * cos - s; break;
    }
    case 'highshelf': {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 + (A - 1) * cos + s); b1 = -2 * A * (A - 1 + (A + 1) * cos); b2 = A * (A + 1 + (A - 1) * cos - s);
      a0 = A + 1 - (A - 1) * cos + s; a1 = 2 * (A - 1 - (A + 1) * cos); a2 = A + 1 - (A - 1) * cos - s; break;
    }
  }
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

/** Filters `buf` in place (direct form I). */
export function biquad(buf: Float32Array, type: BiquadType, freq: number, q: number, sampleRate: number, gainDb = 0): Float32Array {
  return applyBiquad(buf, biquadCoefficients(type, freq, q, sampleRate, gainDb));
}

export function applyBiquad(buf: Float32Array, c: BiquadCoefficients): Float32Array {
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  const { b0, b1, b2, a1, a2 } = c;
  for (let i = 0; i < buf.length; i++) {
    const x = buf[i]!;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1; x1 = x; y2 = y1; y1 = y;
    buf[i] = y;
  }
  return buf;
}

/**
 * A bandpass whose centre frequency follows `freqAt(i)` (recomputed every 64 samples): wind gusts,
 * whooshes, passing cars.
 */
export function sweptFilter(buf: Float32Array, type: BiquadType, freqAt: (i: number) => number, q: number, sampleRate: number): Float32Array {
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  let c = biquadCoefficients(type, freqAt(0), q, sampleRate);
  for (let i = 0; i < buf.length; i++) {
    if ((i & 63) === 0) c = biquadCoefficients(type, Math.max(20, freqAt(i)), q, sampleRate);
    const x = buf[i]!;
    const y = c.b0 * x + c.b1 * x1 + c.b2 * x2 - c.a1 * y1 - c.a2 * y2;
    x2 = x1; x1 = x; y2 = y1; y1 = y;
    buf[i] = y;
  }
  return buf;
}
