/**
 * Linear prediction (LPC): each short frame of a signal as an all-pole filter (its spectral
 * envelope: the vocal tract's formants) and the energy of what the filter cannot predict (the
 * source). Re-synthesising with noise as the source keeps the formants — every vowel and
 * consonant — but removes the voicing: a whisper (the mechanism of whispered speech, where the
 * glottis does not vibrate and turbulence excites the same tract).
 *
 * @example
 *   const whisper = lpcNoiseResynthesis(voice, 48000, rng.next) // same words, no pitch
 */

const PRE = 0.9;

/**
 * Levinson–Durbin: autocorrelation r[0..p] → predictor a[1..p] (a[0] = 1), the residual energy,
 * and the reflection coefficients k[1..p] (a lattice filter's: stable to interpolate).
 */
export function levinson(r: Float64Array, order: number): { a: Float64Array; error: number; k: Float64Array } {
  const a = new Float64Array(order + 1), k = new Float64Array(order + 1);
  a[0] = 1;
  let error = r[0]!;
  if (error <= 0) return { a, error: 0, k };
  const tmp = new Float64Array(order + 1);
  for (let i = 1; i <= order; i++) {
    let acc = r[i]!;
    for (let j = 1; j < i; j++) acc += a[j]! * r[i - j]!;
    const ki = -acc / error;
    tmp.set(a);
    for (let j = 1; j < i; j++) a[j] = tmp[j]! + ki * tmp[i - j]!;
    a[i] = ki;
    k[i] = ki;
    error *= 1 - ki * ki;
    if (error <= 1e-12) break;
  }
  return { a, error, k };
}

/**
 * Frame by frame (25 ms Hann windows, 50 % overlap): the LPC envelope of `src` drives white noise
 * of the frame's residual energy; the frames overlap-add back. Returns a new buffer.
 */
export function lpcNoiseResynthesis(src: Float32Array, sampleRate: number, next: () => number, order = 56): Float32Array {
  const size = Math.round(0.025 * sampleRate) & ~1, hop = size / 2;
  const window = new Float64Array(size);
  for (let i = 0; i < size; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  const out = new Float32Array(src.length);
  const frame = new Float64Array(size), r = new Float64Array(order + 1), y = new Float64Array(size);
  for (let start = 0; start < src.length; start += hop) {
    // pre-emphasis for the analysis: the envelope's upper formants (consonants) get their share of the fit
    for (let i = 0; i < size; i++) frame[i] = ((src[start + i] ?? 0) - PRE * (src[start + i - 1] ?? 0)) * window[i]!;
    for (let lag = 0; lag <= order; lag++) {
      let acc = 0;
      for (let i = lag; i < size; i++) acc += frame[i]! * frame[i - lag]!;
      r[lag] = acc;
    }
    if (r[0]! < 1e-9) continue;
    r[0] = r[0]! * 1.0001; // a little white-noise correction keeps the filter stable
    const { a, error } = levinson(r, order);
    // the residual's RMS over the window's effective length
    const gain = Math.sqrt(error / (size * 0.375));
    for (let i = 0; i < size; i++) {
      let v = (next() * 2 - 1) * 1.732 * gain;
      for (let j = 1; j <= order && j <= i; j++) v -= a[j]! * y[i - j]!;
      y[i] = v;
    }
    for (let i = 0; i < size && start + i < out.length; i++) out[start + i]! += y[i]! * window[i]!;
  }
  // undo the pre-emphasis on the result
  let prev = 0;
  for (let i = 0; i < out.length; i++) { prev = out[i]! + PRE * prev; out[i] = prev; }
  return out;
}
