/**
 * Measures for effects as a viewer sees them, on luma (0…255) or RGB frames:
 * - brightPaths: thin bright connected structures (a lightning bolt): pixels far brighter than
 *   their 9×9 surroundings and near white, grouped 8-connected; each with its extent, its
 *   thickness (mean run length across it, the smaller of rows and columns) and how many rows it
 *   forks in (rows where it has two or more separate runs);
 * - blobCount: particles added to a frame (snow, rain): connected groups of pixels at least 10
 *   grey levels brighter than the same frame without the effect;
 * - regionStats: mean luma and chroma (max − min of R, G, B, 0…1: how far from grey) over a region.
 *
 * @example brightPaths(l, w, h)[0] // → { extent: 160, meanWidth: 1.8, forkedRows: 22, pixels }
 */

export interface BrightPath {
  /** the larger side of its bounding box, px */
  extent: number;
  /** mean run length across the path, px */
  meanWidth: number;
  /** rows in which the path has two or more separate runs (a fork side by side) */
  forkedRows: number;
  pixels: Array<[number, number]>;
}

/** 8-connected components of the pixels where `on` is 1. */
function components(on: Uint8Array, w: number, h: number, minSize: number): Array<Array<[number, number]>> {
  const seen = new Uint8Array(w * h);
  const out: Array<Array<[number, number]>> = [];
  const stack: number[] = [];
  for (let s = 0; s < on.length; s++) {
    if (!on[s] || seen[s]) continue;
    const comp: Array<[number, number]> = [];
    seen[s] = 1; stack.push(s);
    while (stack.length) {
      const p = stack.pop()!, x = p % w, y = (p / w) | 0;
      comp.push([x, y]);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const q = ny * w + nx;
        if (on[q] && !seen[q]) { seen[q] = 1; stack.push(q); }
      }
    }
    if (comp.length >= minSize) out.push(comp);
  }
  return out;
}

/** Mean of a box (2r+1)² around every pixel, by an integral image. */
function boxMean(l: ArrayLike<number>, w: number, h: number, r: number): Float64Array {
  const I = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) { let row = 0; for (let x = 0; x < w; x++) { row += l[y * w + x]!; I[(y + 1) * (w + 1) + x + 1] = I[y * (w + 1) + x + 1]! + row; } }
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1), y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    out[y * w + x] = (I[y1 * (w + 1) + x1]! - I[y0 * (w + 1) + x1]! - I[y1 * (w + 1) + x0]! + I[y0 * (w + 1) + x0]!) / ((x1 - x0) * (y1 - y0));
  }
  return out;
}

/** Runs of consecutive pixels per line: mean length, and lines with two or more runs. */
function runs(pixels: Array<[number, number]>, byRow: boolean): { mean: number; forked: number } {
  const lines = new Map<number, number[]>();
  for (const [x, y] of pixels) { const k = byRow ? y : x; const v = byRow ? x : y; (lines.get(k) ?? lines.set(k, []).get(k)!).push(v); }
  let total = 0, count = 0, forked = 0;
  for (const vs of lines.values()) {
    vs.sort((a, b) => a - b);
    let n = 1;
    for (let i = 1; i < vs.length; i++) if (vs[i]! > vs[i - 1]! + 1) n++;
    total += vs.length; count += n;
    if (n >= 2) forked++;
  }
  return { mean: count ? total / count : 0, forked };
}

export function brightPaths(l: ArrayLike<number>, w: number, h: number): BrightPath[] {
  const around = boxMean(l, w, h, 4);
  const on = new Uint8Array(w * h);
  for (let i = 0; i < on.length; i++) if (l[i]! >= 200 && l[i]! - around[i]! >= 30) on[i] = 1;
  return components(on, w, h, 15).map((pixels) => {
    let x0 = w, x1 = 0, y0 = h, y1 = 0;
    for (const [x, y] of pixels) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    const rows = runs(pixels, true), cols = runs(pixels, false);
    return { extent: Math.max(x1 - x0, y1 - y0) + 1, meanWidth: Math.min(rows.mean, cols.mean), forkedRows: rows.forked, pixels };
  }).sort((a, b) => b.extent - a.extent);
}

/** Particles in `withEffect` that are not in `without`: groups of pixels ≥ 10 grey levels brighter. */
export function blobCount(withEffect: ArrayLike<number>, without: ArrayLike<number>, w: number, h: number): number {
  const on = new Uint8Array(w * h);
  for (let i = 0; i < on.length; i++) if (withEffect[i]! - without[i]! >= 10) on[i] = 1;
  return components(on, w, h, 1).length;
}

/**
 * Mean luma (0…255) and mean chroma (0…1) of packed RGB over the pixels where `where` holds. Chroma,
 * not HSV saturation: a darkened blue keeps its HSV saturation but a viewer sees it greyer.
 */
export function regionStats(rgb: Uint8Array, w: number, h: number, where: (x: number, y: number) => boolean): { luma: number; chroma: number; pixels: number } {
  let l = 0, s = 0, n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!where(x, y)) continue;
    const o = (y * w + x) * 3, r = rgb[o]!, g = rgb[o + 1]!, b = rgb[o + 2]!;
    const max = Math.max(r, g, b), min = Math.min(r, g, b);
    l += 0.299 * r + 0.587 * g + 0.114 * b; s += (max - min) / 255; n++;
  }
  return { luma: n ? l / n : 0, chroma: n ? s / n : 0, pixels: n };
}
