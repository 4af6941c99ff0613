/**
 * A grey (luma) image as floats, and the small image operations the integrity measures share:
 * conversion from I420 / RGB / luma arrays, separable Gaussian blur, gradients, bilinear sampling
 * and flips. Pure TypeScript on typed arrays.
 *
 * @example const g = grayFromI420(frame, 640, 360); const s = blur(g, 1); sample(s, 10.5, 3.25)
 */
export interface Gray {
  data: Float32Array;
  width: number;
  height: number;
}

export function gray(data: ArrayLike<number>, width: number, height: number): Gray {
  return { data: Float32Array.from({ length: width * height }, (_, i) => data[i]!), width, height };
}

/** The Y plane of an I420 frame (limited range expanded to 0…255). */
export function grayFromI420(frame: Uint8Array, width: number, height: number): Gray {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = (frame[i]! - 16) * (255 / 219);
  return { data, width, height };
}

/** Rec.601 luma of packed RGB (channels = 3) or RGBA (4). */
export function grayFromRgb(rgb: Uint8Array, width: number, height: number, channels = 3): Gray {
  const data = new Float32Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += channels) data[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return { data, width, height };
}

export function blur(img: Gray, sigma: number): Gray {
  const { width: w, height: h } = img;
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i]! /= sum;
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0;
    for (let i = -r; i <= r; i++) s += k[i + r]! * img.data[y * w + Math.min(w - 1, Math.max(0, x + i))]!;
    tmp[y * w + x] = s;
  }
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0;
    for (let i = -r; i <= r; i++) s += k[i + r]! * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x]!;
    out[y * w + x] = s;
  }
  return { data: out, width: w, height: h };
}

/** Central-difference gradients (edge-clamped). */
export function gradients(img: Gray): { gx: Float32Array; gy: Float32Array } {
  const { width: w, height: h, data } = img;
  const gx = new Float32Array(w * h), gy = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    gx[i] = 0.5 * (data[y * w + Math.min(w - 1, x + 1)]! - data[y * w + Math.max(0, x - 1)]!);
    gy[i] = 0.5 * (data[Math.min(h - 1, y + 1) * w + x]! - data[Math.max(0, y - 1) * w + x]!);
  }
  return { gx, gy };
}

/** Bilinear sample; NaN outside the image. */
export function sample(img: Gray, x: number, y: number): number {
  const { width: w, height: h, data } = img;
  if (!(x >= 0 && y >= 0 && x <= w - 1 && y <= h - 1)) return NaN;
  const x0 = Math.min(w - 2, Math.floor(x)), y0 = Math.min(h - 2, Math.floor(y));
  const fx = x - x0, fy = y - y0, i = y0 * w + x0;
  return (data[i]! * (1 - fx) + data[i + 1]! * fx) * (1 - fy) + (data[i + w]! * (1 - fx) + data[i + w + 1]! * fx) * fy;
}

export function flip(img: Gray, horizontal: boolean, vertical: boolean): Gray {
  const { width: w, height: h, data } = img;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    out[y * w + x] = data[(vertical ? h - 1 - y : y) * w + (horizontal ? w - 1 - x : x)]!;
  }
  return { data: out, width: w, height: h };
}
