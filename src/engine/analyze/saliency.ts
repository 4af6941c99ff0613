/**
 * Saliency: where a viewer looks. Colour-opponent contrast of each place against the whole
 * picture (frequency-tuned, Achanta et al.) and against its surroundings (centre-surround at two
 * scales), plus a boundary prior (colours that are rare along the frame's edges belong to the
 * subject, common ones to the background), weighted by a centre prior, smoothed and normalised.
 *
 * @example
 *   const { saliency, unlikeBorder } = saliencyMap(raster); // Float32Arrays 0…1, raster-sized
 */
import type { AnalysisRaster } from './analysis-raster.js';
import { boxBlur, clamp01, normalizeRobust, smoothBlur } from './filters.js';
import { halve, upsample } from './resample.js';

export interface SaliencyResult {
  /** 0…1, raster-sized */
  saliency: Float32Array;
  /** 0…1: how unlike the frame's border each place's colour is (the boundary prior alone) */
  unlikeBorder: Float32Array;
}

export function saliencyMap(raster: AnalysisRaster): SaliencyResult {
  const { width: w, height: h, r, g, b, luma } = raster;
  const n = w * h;
  // opponent channels: lightness, red–green, yellow–blue
  const L = luma;
  const A = new Float32Array(n);
  const B = new Float32Array(n);
  let mL = 0;
  let mA = 0;
  let mB = 0;
  for (let i = 0; i < n; i++) {
    A[i] = r[i]! - g[i]!;
    B[i] = 0.5 * (r[i]! + g[i]!) - b[i]!;
    mL += L[i]!;
    mA += A[i]!;
    mB += B[i]!;
  }
  mL /= n;
  mA /= n;
  mB /= n;
  const long = Math.max(w, h);
  const fine = Math.max(1, Math.round(long / 160));
  const L1 = boxBlur(L, w, h, fine);
  const A1 = boxBlur(A, w, h, fine);
  const B1 = boxBlur(B, w, h, fine);
  // the surround is wide and smooth: compute it at half size
  const surround = (plane: Float32Array) => {
    const small = halve(plane, w, h);
    const blurred = smoothBlur(small.data, small.width, small.height, Math.max(2, Math.round(long / 24)));
    return upsample(blurred, small.width, small.height, w, h);
  };
  const L2 = surround(L);
  const A2 = surround(A);
  const B2 = surround(B);
  const global = new Float32Array(n);
  const local = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const dl = L1[i]! - mL;
    const da = A1[i]! - mA;
    const db = B1[i]! - mB;
    global[i] = Math.sqrt(dl * dl + 1.5 * da * da + 1.5 * db * db);
    const sl = L1[i]! - L2[i]!;
    const sa = A1[i]! - A2[i]!;
    const sb = B1[i]! - B2[i]!;
    local[i] = Math.sqrt(sl * sl + 1.5 * sa * sa + 1.5 * sb * sb);
  }
  normalizeRobust(global, 0.01, 0.99);
  const localSmooth = smoothBlur(local, w, h, Math.max(2, Math.round(long / 64)));
  normalizeRobust(localSmooth, 0.01, 0.99);
  const unlikeBorder = smoothBlur(boundaryContrast(raster), w, h, fine);
  const out = new Float32Array(n);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const sx = 1 / (0.4 * w);
  const sy = 1 / (0.4 * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const dx = (x - cx) * sx;
      const dy = (y - cy) * sy;
      const prior = 0.35 + 0.65 * Math.exp(-0.5 * (dx * dx + dy * dy) * 2);
      out[i] = (0.3 * global[i]! + 0.3 * localSmooth[i]! + 0.4 * unlikeBorder[i]!) * prior;
    }
  }
  // no edge snapping here: depth does that, and the subject box does not need it
  const refined = smoothBlur(out, w, h, fine * 2);
  for (let i = 0; i < n; i++) refined[i] = clamp01(refined[i]!);
  return { saliency: normalizeRobust(refined, 0.0, 0.995), unlikeBorder };
}

const BINS = 8;

/**
 * 1 for colours absent from the frame's border, 0 for the border's common colours. The border is
 * a band along the top, left and right edges, and the bottom edge at half weight (a subject often
 * stands on it). Colours are binned 8×8×8 and the histogram smoothed across neighbouring bins.
 */
function boundaryContrast(raster: AnalysisRaster): Float32Array {
  const { width: w, height: h, r, g, b } = raster;
  const n = w * h;
  const bin = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const qr = Math.min(BINS - 1, (r[i]! * BINS) | 0);
    const qg = Math.min(BINS - 1, (g[i]! * BINS) | 0);
    const qb = Math.min(BINS - 1, (b[i]! * BINS) | 0);
    bin[i] = (qr * BINS + qg) * BINS + qb;
  }
  const hist = new Float64Array(BINS * BINS * BINS);
  const band = Math.max(2, Math.round(Math.min(w, h) * 0.04));
  let total = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const edge = y < band || x < band || x >= w - band ? 1 : y >= h - band ? 0.5 : 0;
      if (edge > 0) {
        hist[bin[y * w + x]!]! += edge;
        total += edge;
      }
    }
  }
  // spread each bin to its neighbours: a colour one step away is still the background's
  const spread = new Float64Array(hist.length);
  for (let qr = 0; qr < BINS; qr++) {
    for (let qg = 0; qg < BINS; qg++) {
      for (let qb = 0; qb < BINS; qb++) {
        let sum = 0;
        for (let dr = -1; dr <= 1; dr++) {
          for (let dg = -1; dg <= 1; dg++) {
            for (let db = -1; db <= 1; db++) {
              const nr = qr + dr;
              const ng = qg + dg;
              const nb = qb + db;
              if (nr < 0 || ng < 0 || nb < 0 || nr >= BINS || ng >= BINS || nb >= BINS) continue;
              const wgt = dr === 0 && dg === 0 && db === 0 ? 1 : 0.25;
              sum += wgt * hist[(nr * BINS + ng) * BINS + nb]!;
            }
          }
        }
        spread[(qr * BINS + qg) * BINS + qb] = sum;
      }
    }
  }
  // a colour making up 2 % of the border (after spreading) is fully background
  const full = Math.max(1e-9, total * 0.02);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 1 - Math.min(1, spread[bin[i]!]! / full);
  return out;
}
