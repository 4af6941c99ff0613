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
  const { swaps, twiddles } = tablesFor(n, inverse);
  for (let s = 0; s < swaps.length; s += 2) {
    const i = swaps[s]!, j = swaps[s + 1]!;
    const r = re[i]!;
    re[i] = re[j]!;
    re[j] = r;
    const m = im[i]!;
    im[i] = im[j]!;
    im[j] = m;
  }
  // a stage's butterflies are independent: taken twiddle by twiddle (each loaded once, not once
  // per block), they compute the same values as block by block, bit for bit, ~1.6-2x faster
  for (let len = 2, stage = 0; len <= n; len <<= 1, stage++) {
    const half = len >> 1;
    const { re: twr, im: twi } = twiddles[stage]!;
    for (let k = 0; k < half; k++) {
      const wr = twr[k]!;
      const wi = twi[k]!;
      for (let a = k; a < n; a += len) {
        const b = a + half;
        const xr = re[b]!;
        const xi = im[b]!;
        const tr = xr * wr - xi * wi;
        const ti = xr * wi + xi * wr;
        const ar = re[a]!;
        const ai = im[a]!;
        re[b] = ar - tr;
        im[b] = ai - ti;
        re[a] = ar + tr;
        im[a] = ai + ti;
      }
    }
  }
}

interface Tables {
  /** the bit-reversal permutation as pairs (i, j), i < j */
  swaps: Int32Array;
  /** each stage's twiddles */
  twiddles: Array<{ re: Float64Array; im: Float64Array }>;
}

/** a size's tables, made once (a measure transforms thousands of rows of one size), by 2n (+1 inverse): no key string per row */
const tables = new Map<number, Tables>();

function tablesFor(n: number, inverse: boolean): Tables {
  const key = 2 * n + (inverse ? 1 : 0);
  let found = tables.get(key);
  if (found) return found;
  const pairs: number[] = [];
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) pairs.push(i, j);
  }
  const twiddles: Tables['twiddles'] = [];
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    const stage = { re: new Float64Array(half), im: new Float64Array(half) };
    // by the recurrence (not cos/sin per k): the values every measure was calibrated with
    let cr = 1;
    let ci = 0;
    for (let k = 0; k < half; k++) {
      stage.re[k] = cr;
      stage.im[k] = ci;
      const nr = cr * wr - ci * wi;
      ci = cr * wi + ci * wr;
      cr = nr;
    }
    twiddles.push(stage);
  }
  found = { swaps: Int32Array.from(pairs), twiddles };
  tables.set(key, found);
  return found;
}
