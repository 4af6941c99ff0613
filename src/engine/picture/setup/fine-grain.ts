/**
 * How grainy the picture is round each pixel of a small synthesis raster, read at full resolution:
 * a lawn in focus at a photo's bottom edge and the same lawn out of focus a few metres back have
 * one colour on the small raster (its shrink averages the blades away), so the synthesis took
 * either to continue the edge, and a margin under a sharp, grainy lawn showed soft blocks beside
 * grainy ones (football-player's pull-out). Per small pixel: the mean absolute difference of each
 * of its full-resolution pixels' luma from the mean of its four neighbours (grey levels), over
 * the footprint's `known` pixels whose neighbours are known too; 0 where there are none.
 *
 * @example const grain = fineGrain(canvas, cw, ch, known, w, h); // → regionFeatures(…, { grain })
 */

/** Grain per small pixel (w×h) of an RGBA raster W×H; `known` (W×H, 1 = picture) says what may be read. */
export function fineGrain(rgba: Uint8Array, W: number, H: number, known: Uint8Array, w: number, h: number): Float32Array {
  const sum = new Float32Array(w * h), count = new Uint32Array(w * h), col = new Int32Array(W);
  for (let X = 0; X < W; X++) col[X] = Math.min(w - 1, Math.floor(((X + 0.5) * w) / W));
  const luma = (i: number) => 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  for (let Y = 1; Y < H - 1; Y++) {
    const row = Math.min(h - 1, Math.floor(((Y + 0.5) * h) / H)) * w;
    for (let X = 1, i = Y * W + 1; X < W - 1; X++, i++) {
      if (!known[i] || !known[i - 1] || !known[i + 1] || !known[i - W] || !known[i + W]) continue;
      const c = row + col[X]!;
      sum[c]! += Math.abs(luma(i) - (luma(i - 1) + luma(i + 1) + luma(i - W) + luma(i + W)) / 4);
      count[c]!++;
    }
  }
  for (let c = 0; c < sum.length; c++) sum[c] = count[c] ? sum[c]! / count[c]! : 0;
  return sum;
}
