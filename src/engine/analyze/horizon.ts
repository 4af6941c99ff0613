/**
 * Horizon: the normalised y where the sky meets the land or the sea. Taken from the sky mask as
 * the level reached by the lowest columns of sky (roofs and towers poke above it; the horizon is
 * where the sky comes down to). Null when there is no sky.
 *
 * @example
 *   const horizon = findHorizon(sky, w, h); // → 0.87 on the launch pad, null indoors
 */
import { quantile } from './filters.js';

export function findHorizon(sky: Float32Array, w: number, h: number): { horizon: number | null; vanishingX: number } {
  const lows = new Float32Array(w);
  const lowOf = new Int32Array(w).fill(-1);
  let columns = 0;
  let deepest = -1;
  for (let x = 0; x < w; x++) {
    for (let y = h - 1; y >= 0; y--) {
      if (sky[y * w + x]! > 0.5) {
        lowOf[x] = y;
        break;
      }
    }
    const low = lowOf[x]!;
    if (low >= 0) {
      lows[columns++] = (low + 1) / h;
      if (low > deepest) deepest = low;
    }
  }
  if (columns < w * 0.1) return { horizon: null, vanishingX: 0.5 };
  // the view goes farthest where the sky comes lowest: the middle of the columns that get there
  let sumX = 0;
  let count = 0;
  for (let x = 0; x < w; x++) {
    if (lowOf[x]! >= deepest - Math.max(1, h * 0.03)) {
      sumX += (x + 0.5) / w;
      count++;
    }
  }
  return { horizon: Math.min(0.98, quantile(lows.subarray(0, columns), 0.8)), vanishingX: sumX / count };
}
