/**
 * A single sheet that never folds. With no layers (no subject cut out, or one too large to
 * synthesise behind), the whole picture warps by one nearness; where that nearness steps (a hat
 * against the sky), a parallax move pulls the near side away from the far one and nothing lies
 * behind the step. The warp's fixed-point depth solve (kernel/wasm/assembly/lattice.ts) then
 * alternates between the two sides there, and the near edge shows twice, with holes: a portrait's
 * hat doubled above itself under a crane. The solve settles on one place of the picture for every
 * output pixel while the shift changes by at most half a pixel per pixel: k·|∇n| ≤ ½, k the shift
 * (px) per unit of nearness. So the sheet's nearness is flattened toward its median by the factor
 * that brings its steepest slope within that — the middle of the picture moves as planned, with
 * less parallax: gentler, never torn. Flattening toward one value keeps affine what straightening
 * made affine (./straighten.ts): straight edges stay straight.
 *
 * @example const { depth, factor } = foldFree(sheet, 640, 750, 300) // factor 0.08: a hat's hard edge
 */

/** the most the shift may change from one pixel to the next (px per px) */
const MAX_SLOPE = 0.5;

/**
 * `depth` (0…255 nearness, W×H) flattened toward its median so that k px of shift per unit of
 * nearness changes by at most MAX_SLOPE px per px; the same raster when it already does.
 */
export interface FoldFreeSheet {
  depth: Uint8Array;
  /** how much of its parallax the sheet keeps (1: all, untouched) */
  factor: number;
  /** a nearness (0…1) as the flattened sheet has it */
  flatten(n: number): number;
}

export function foldFree(depth: Uint8Array, W: number, H: number, k: number): FoldFreeSheet {
  const untouched = { depth, factor: 1, flatten: (n: number) => n };
  if (!(k > 0)) return untouched;
  // the steepest slope (nearness per px): central differences as a vector, read on every other row
  // and column (the map is softened over several px: camera/../maps.ts, warpNearness's blur)
  let steepest = 0;
  for (let y = 1; y < H - 1; y += 2) {
    const row = y * W;
    for (let x = 1; x < W - 1; x += 2) {
      const i = row + x;
      const gx = depth[i + 1]! - depth[i - 1]!, gy = depth[i + W]! - depth[i - W]!;
      const g = gx * gx + gy * gy;
      if (g > steepest) steepest = g;
    }
  }
  const slope = Math.sqrt(steepest) / 2 / 255;
  const factor = Math.min(1, MAX_SLOPE / (k * slope));
  if (!(factor < 1)) return untouched;
  const median = medianOf(depth);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.round(median + (v - median) * factor);
  const out = new Uint8Array(depth.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[depth[i]!]!;
  return { depth: out, factor, flatten: (n) => (median + (n * 255 - median) * factor) / 255 };
}

function medianOf(values: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (let i = 0; i < values.length; i++) counts[values[i]!]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) { seen += counts[v]!; if (2 * seen >= values.length) return v; }
  return 255;
}
