/**
 * Measuring what a viewer sees move, from decoded RGB frames: PSNR, global translation by phase
 * correlation (sub-pixel), scale by a search over zooms, and sharpness. Independent of the
 * renderer's own maths, so the tests check the picture, not our code against itself.
 */
import { fft } from './fft.js';

/** Rec.601 luma of packed RGB24, as floats 0…255. */
export function luma(rgb: Uint8Array, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return out;
}

/** Peak signal-to-noise ratio in dB between two same-sized 8-bit buffers. */
export function psnr(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`psnr: lengths differ (${a.length} vs ${b.length})`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  const mse = sum / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}


/**
 * 2-D FFT in place: each row, then each column. A row is transformed where it lies (a view); a
 * column is gathered into a buffer and put back. The same butterflies on the same values either
 * way: the result does not depend on which.
 */
function fft2d(re: Float64Array, im: Float64Array, size: number, inverse: boolean): void {
  for (let line = 0; line < size; line++) {
    fft(re.subarray(line * size, (line + 1) * size), im.subarray(line * size, (line + 1) * size), inverse);
  }
  const colRe = new Float64Array(size);
  const colIm = new Float64Array(size);
  for (let line = 0; line < size; line++) {
    for (let k = 0, idx = line; k < size; k++, idx += size) {
      colRe[k] = re[idx]!;
      colIm[k] = im[idx]!;
    }
    fft(colRe, colIm, inverse);
    for (let k = 0, idx = line; k < size; k++, idx += size) {
      re[idx] = colRe[k]!;
      im[idx] = colIm[k]!;
    }
  }
}

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Samples a region of a luma image into a size×size square (bilinear), mean-removed and Hann-windowed. */
function windowed(img: Float32Array, width: number, height: number, region: Region, size: number): Float64Array {
  const out = new Float64Array(size * size);
  let mean = 0;
  for (let y = 0; y < size; y++) {
    const sy = Math.min(height - 1.001, region.y + ((y + 0.5) * region.h) / size - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < size; x++) {
      const sx = Math.min(width - 1.001, region.x + ((x + 0.5) * region.w) / size - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const fx = Math.max(0, sx - x0);
      const i = y0 * width + x0;
      const v = (img[i]! * (1 - fx) + img[i + 1]! * fx) * (1 - fy) + (img[i + width]! * (1 - fx) + img[i + width + 1]! * fx) * fy;
      out[y * size + x] = v;
      mean += v;
    }
  }
  mean /= size * size;
  const hann = hannFor(size);
  for (let y = 0; y < size; y++) {
    const wy = hann[y]!;
    for (let x = 0; x < size; x++) out[y * size + x] = (out[y * size + x]! - mean) * hann[x]! * wy;
  }
  return out;
}

/** The Hann window's weights for a size, computed once (every frame of a series is windowed alike). */
const hannWindows = new Map<number, Float64Array>();
function hannFor(size: number): Float64Array {
  let found = hannWindows.get(size);
  if (!found) {
    found = new Float64Array(size);
    for (let k = 0; k < size; k++) found[k] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (k + 0.5)) / size);
    hannWindows.set(size, found);
  }
  return found;
}

export interface Shift {
  /** how far the content moved from a to b, in pixels of the frame (+x right, +y down) */
  dx: number;
  dy: number;
  /** normalised correlation peak height (confidence) */
  peak: number;
}

/**
 * The translation that carries frame `a`'s content to frame `b` (content moved right → dx > 0),
 * by phase correlation with a sub-pixel parabolic peak fit, measured in `region` (default: all).
 */
export function phaseCorrelate(a: Float32Array, b: Float32Array, width: number, height: number, region: Region = { x: 0, y: 0, w: width, h: height }, size = 256): Shift {
  return correlateSpectra(spectrum(a, width, height, region, size), spectrum(b, width, height, region, size));
}

/**
 * One frame's half of a phase correlation: its region windowed and transformed. A series of
 * frames correlated pairwise needs each frame's spectrum once, not twice.
 */
export interface Spectrum {
  re: Float64Array;
  im: Float64Array;
  region: Region;
  size: number;
}

export function spectrum(img: Float32Array, width: number, height: number, region: Region = { x: 0, y: 0, w: width, h: height }, size = 256): Spectrum {
  const re = windowed(img, width, height, region, size);
  const im = new Float64Array(size * size);
  fft2d(re, im, size, false);
  return { re, im, region, size };
}

/** `phaseCorrelate` from two spectra of the same region and size (`a`'s content carried to `b`'s). */
export function correlateSpectra(a: Spectrum, b: Spectrum): Shift {
  const { region, size } = a;
  const { re: ar, im: ai } = a;
  const { re: br, im: bi } = b;
  const xr = new Float64Array(size * size);
  const xi = new Float64Array(size * size);
  // cross-power spectrum B·conj(A) / |…|: its inverse peaks at the shift from a to b
  for (let i = 0; i < xr.length; i++) {
    const re = br[i]! * ar[i]! + bi[i]! * ai[i]!;
    const im = bi[i]! * ar[i]! - br[i]! * ai[i]!;
    const mag = Math.hypot(re, im) + 1e-12;
    xr[i] = re / mag;
    xi[i] = im / mag;
  }
  fft2d(xr, xi, size, true);
  let best = 0;
  for (let i = 1; i < xr.length; i++) if (xr[i]! > xr[best]!) best = i;
  const px = best % size;
  const py = Math.floor(best / size);
  const at = (x: number, y: number) => xr[((y + size) % size) * size + ((x + size) % size)]!;
  // sub-pixel offset from the peak's larger neighbour (Foroosh et al.: the peak of a shifted
  // phase correlation is a sampled sinc, so the neighbour ratio gives the fraction directly)
  const refine = (m: number, c: number, p: number) => {
    if (p >= m) return p > 0 ? p / (p + c) : 0;
    return m > 0 ? -m / (m + c) : 0;
  };
  let sx = px + refine(at(px - 1, py), at(px, py), at(px + 1, py));
  let sy = py + refine(at(px, py - 1), at(px, py), at(px, py + 1));
  if (sx > size / 2) sx -= size;
  if (sy > size / 2) sy -= size;
  return { dx: (sx * region.w) / size, dy: (sy * region.h) / size, peak: at(px, py) / (size * size) };
}

/** Scales a luma image about its centre by s (s > 1 magnifies), bilinear, edge-clamped. */
function scaleAboutCentre(img: Float32Array, width: number, height: number, s: number): Float32Array {
  const out = new Float32Array(width * height);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1.001, Math.max(0, cy + (y - cy) / s));
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(width - 1.001, Math.max(0, cx + (x - cx) / s));
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const i = y0 * width + x0;
      out[y * width + x] = (img[i]! * (1 - fx) + img[i + 1]! * fx) * (1 - fy) + (img[i + width]! * (1 - fx) + img[i + width + 1]! * fx) * fy;
    }
  }
  return out;
}

/**
 * The zoom that best carries `a` to `b` (b ≈ a magnified by `scale` about the centre, plus any
 * shift): searches scales and keeps the one whose phase-correlation peak is highest, measured on
 * the central 70 % so that edge clamping doesn't count.
 */
export function estimateScale(a: Float32Array, b: Float32Array, width: number, height: number, min = 0.6, max = 1.6): { scale: number; peak: number } {
  const centre = { x: width * 0.15, y: height * 0.15, w: width * 0.7, h: height * 0.7 };
  let best = { scale: 1, peak: -Infinity };
  const target = spectrum(b, width, height, centre, 64);
  const search = (lo: number, hi: number, steps: number) => {
    for (let k = 0; k <= steps; k++) {
      const s = lo * Math.pow(hi / lo, k / steps);
      const { peak } = correlateSpectra(spectrum(scaleAboutCentre(a, width, height, s), width, height, centre, 64), target);
      if (peak > best.peak) best = { scale: s, peak };
    }
  };
  search(min, max, 40);
  const coarse = best.scale;
  search(coarse / 1.03, coarse * 1.03, 12);
  return best;
}

/** Mean squared Laplacian of a region: a focus measure (higher = sharper). */
export function sharpness(img: Float32Array, width: number, height: number, mask?: (x: number, y: number) => boolean): number {
  let sum = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      if (mask && !mask(x, y)) continue;
      const i = y * width + x;
      const l = 4 * img[i]! - img[i - 1]! - img[i + 1]! - img[i - width]! - img[i + width]!;
      sum += l * l;
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** Mean absolute per-pixel difference between two luma images (0 = identical). */
export function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}
