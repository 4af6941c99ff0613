/**
 * Small, allocation-light filters on single-channel float rasters (row-major, width × height):
 * the building blocks of every analysis map. All run in O(pixels) regardless of radius.
 *
 * @example
 *   const smooth = boxBlur(luma, w, h, 4);
 *   const refined = guidedFilter(luma, depth, w, h, 8, 1e-3);
 */

/** Mean over a (2r+1)² window, edges clamped. Separable running sums, both passes row-sequential. */
export function boxBlur(src: Float32Array, w: number, h: number, r: number, out: Float32Array = new Float32Array(w * h)): Float32Array {
  if (r < 1) {
    out.set(src);
    return out;
  }
  const tmp = scratch(w * h);
  const norm = 1 / (2 * r + 1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += src[row + (i < 0 ? 0 : i >= w ? w - 1 : i)]!;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = sum * norm;
      const add = x + r + 1;
      const sub = x - r;
      sum += src[row + (add >= w ? w - 1 : add)]! - src[row + (sub < 0 ? 0 : sub)]!;
    }
  }
  // vertical: a running sum per column, advanced one row at a time (cache-friendly)
  const col = new Float64Array(w);
  for (let i = -r; i <= r; i++) {
    const row = (i < 0 ? 0 : i >= h ? h - 1 : i) * w;
    for (let x = 0; x < w; x++) col[x]! += tmp[row + x]!;
  }
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const add = y + r + 1;
    const sub = y - r;
    const addRow = (add >= h ? h - 1 : add) * w;
    const subRow = (sub < 0 ? 0 : sub) * w;
    for (let x = 0; x < w; x++) {
      const c = col[x]!;
      out[row + x] = c * norm;
      col[x] = c + tmp[addRow + x]! - tmp[subRow + x]!;
    }
  }
  return out;
}

let scratchBuffer = new Float32Array(0);
/** One reusable intermediate buffer: blurs run one at a time on the main thread. */
function scratch(size: number): Float32Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float32Array(size);
  return scratchBuffer;
}

/** Two box passes: a tent, smooth enough for masks and priors (no box-shaped plateaus). */
export function smoothBlur(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const a = boxBlur(src, w, h, r);
  return boxBlur(a, w, h, r, a);
}

/**
 * He et al.'s guided filter with a grey guide: smooths `src` while keeping the edges of `guide`,
 * so a coarse map (depth, a mask) snaps to the picture's own edges.
 */
export function guidedFilter(guide: Float32Array, src: Float32Array, w: number, h: number, r: number, eps: number): Float32Array {
  const n = w * h;
  const ip = new Float32Array(n);
  const ii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ip[i] = guide[i]! * src[i]!;
    ii[i] = guide[i]! * guide[i]!;
  }
  const meanI = boxBlur(guide, w, h, r);
  const meanP = boxBlur(src, w, h, r);
  const meanIp = boxBlur(ip, w, h, r);
  const meanII = boxBlur(ii, w, h, r);
  const a = ip;
  const b = ii;
  for (let i = 0; i < n; i++) {
    const mi = meanI[i]!;
    const varI = meanII[i]! - mi * mi;
    const cov = meanIp[i]! - mi * meanP[i]!;
    const ai = cov / (varI + eps);
    a[i] = ai;
    b[i] = meanP[i]! - ai * mi;
  }
  const meanA = boxBlur(a, w, h, r, meanIp);
  const meanB = boxBlur(b, w, h, r, meanII);
  const out = meanP;
  for (let i = 0; i < n; i++) out[i] = meanA[i]! * guide[i]! + meanB[i]!;
  return out;
}

/**
 * The fast guided filter (He & Sun 2015): the filter's linear coefficients are computed on a
 * half-size guide and source, brought up bilinearly and applied to the full-size guide. Nearly
 * the same output as guidedFilter at a quarter of the cost.
 */
export function fastGuidedFilter(
  guide: Float32Array, w: number, h: number,
  smallGuide: Float32Array, smallSrc: Float32Array, sw: number, sh: number,
  r: number, eps: number,
  upsample: (src: Float32Array, sw: number, sh: number, w: number, h: number) => Float32Array,
): Float32Array {
  const n = sw * sh;
  const ip = new Float32Array(n);
  const ii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ip[i] = smallGuide[i]! * smallSrc[i]!;
    ii[i] = smallGuide[i]! * smallGuide[i]!;
  }
  const meanI = boxBlur(smallGuide, sw, sh, r);
  const meanP = boxBlur(smallSrc, sw, sh, r);
  const meanIp = boxBlur(ip, sw, sh, r);
  const meanII = boxBlur(ii, sw, sh, r);
  const a = ip;
  const b = ii;
  for (let i = 0; i < n; i++) {
    const mi = meanI[i]!;
    const ai = (meanIp[i]! - mi * meanP[i]!) / (meanII[i]! - mi * mi + eps);
    a[i] = ai;
    b[i] = meanP[i]! - ai * mi;
  }
  const A = upsample(boxBlur(a, sw, sh, r, meanIp), sw, sh, w, h);
  const B = upsample(boxBlur(b, sw, sh, r, meanII), sw, sh, w, h);
  for (let i = 0; i < w * h; i++) A[i] = A[i]! * guide[i]! + B[i]!;
  return A;
}

/** Horizontal and vertical central differences (edges replicated). */
export function gradients(src: Float32Array, w: number, h: number): { gx: Float32Array; gy: Float32Array } {
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(y - 1, 0) * w;
    const down = Math.min(y + 1, h - 1) * w;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const l = Math.max(x - 1, 0);
      const r = Math.min(x + 1, w - 1);
      gx[row + x] = (src[row + r]! - src[row + l]!) * 0.5;
      gy[row + x] = (src[down + x]! - src[up + x]!) * 0.5;
    }
  }
  return { gx, gy };
}

/** |∇²| with the 4-neighbour Laplacian: a fine-detail (focus) measure. */
export function laplacianMagnitude(src: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(y - 1, 0) * w;
    const down = Math.min(y + 1, h - 1) * w;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const c = src[row + x]!;
      const v = src[row + Math.max(x - 1, 0)]! + src[row + Math.min(x + 1, w - 1)]! + src[up + x]! + src[down + x]! - 4 * c;
      out[row + x] = Math.abs(v);
    }
  }
  return out;
}

/** The q-quantile (0…1) of a map, by a 1024-bin histogram over its own range. */
export function quantile(src: Float32Array, q: number): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return min;
  const bins = new Uint32Array(1024);
  const scale = 1023 / (max - min);
  for (let i = 0; i < src.length; i++) bins[((src[i]! - min) * scale) | 0]!++;
  const target = q * src.length;
  let seen = 0;
  for (let b = 0; b < 1024; b++) {
    seen += bins[b]!;
    if (seen >= target) return min + (b + 0.5) / scale;
  }
  return max;
}

/** Rescales in place so that quantile lo → 0 and quantile hi → 1, clamped. */
export function normalizeRobust(src: Float32Array, lo = 0.02, hi = 0.98): Float32Array {
  const a = quantile(src, lo);
  const b = quantile(src, hi);
  const span = b - a;
  for (let i = 0; i < src.length; i++) src[i] = span > 1e-9 ? clamp01((src[i]! - a) / span) : 0;
  return src;
}

export function mean(src: Float32Array): number {
  let s = 0;
  for (let i = 0; i < src.length; i++) s += src[i]!;
  return src.length ? s / src.length : 0;
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Smooth step from 0 at `a` to 1 at `b` (a > b gives a falling step). */
export function ramp(v: number, a: number, b: number): number {
  const t = clamp01((v - a) / (b - a));
  return t * t * (3 - 2 * t);
}
