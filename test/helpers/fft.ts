/**
 * In-place radix-2 complex FFT (n a power of two), shared by the tests' measurements (phase
 * correlation of frames, spectra of sounds). Unnormalised in both directions.
 *
 * @example
 *   const re = Float64Array.from([1, 0, 0, 0]), im = new Float64Array(4);
 *   fft(re, im); // re → [1, 1, 1, 1]
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i]!;
      re[i] = re[j]!;
      re[j] = r;
      const m = im[i]!;
      im[i] = im[j]!;
      im[j] = m;
    }
  }
  // each stage's twiddles once (by the same recurrence), not again in every block
  const twr = new Float64Array(n >> 1);
  const twi = new Float64Array(n >> 1);
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    let cr = 1;
    let ci = 0;
    for (let k = 0; k < half; k++) {
      twr[k] = cr;
      twi[k] = ci;
      const nr = cr * wr - ci * wi;
      ci = cr * wi + ci * wr;
      cr = nr;
    }
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const a = i + k;
        const b = a + half;
        const tr = re[b]! * twr[k]! - im[b]! * twi[k]!;
        const ti = re[b]! * twi[k]! + im[b]! * twr[k]!;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}
