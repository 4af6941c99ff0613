/**
 * Resampling speech from the engine's rate (8, 16 or 22.05 kHz) to the mix's 48 kHz: a windowed
 * sinc (Lanczos, a = 4) with its cut-off at the lower Nyquist, so no images above the voice.
 *
 * @example
 *   const at48k = resample(samples, 16000, 48000);
 */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return input.slice();
  const ratio = from / to;
  const n = Math.floor(input.length / ratio);
  const out = new Float32Array(n);
  const a = 4;
  const scale = Math.min(1, to / from); // low-pass when downsampling
  const half = Math.ceil(a / scale);
  // tabulate the kernel (1/64-sample steps) so the inner loop is a lookup
  const steps = 64;
  const table = new Float32Array((half + 1) * steps + 1);
  for (let i = 0; i < table.length; i++) {
    const x = (i / steps) * scale;
    table[i] = x === 0 ? 1 : x >= a ? 0 : (a * Math.sin(Math.PI * x) * Math.sin((Math.PI * x) / a)) / (Math.PI * Math.PI * x * x);
  }
  for (let j = 0; j < n; j++) {
    const center = j * ratio;
    const i0 = Math.floor(center);
    let s = 0, w = 0;
    for (let k = i0 - half + 1; k <= i0 + half; k++) {
      if (k < 0 || k >= input.length) continue;
      const d = Math.abs(center - k);
      const kv = table[Math.min(table.length - 1, Math.round(d * steps))]!;
      s += input[k]! * kv;
      w += kv;
    }
    out[j] = w !== 0 ? s / w : 0;
  }
  return out;
}
