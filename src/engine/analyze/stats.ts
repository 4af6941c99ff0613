/**
 * Colour and luminance statistics of the full-resolution picture (one pass into a 256-bin luma
 * histogram, from which mean, median, contrast and the highlight/shadow fractions follow; rows
 * are sampled above 2 megapixels) plus a focus measure from the analysis raster.
 *
 * @example
 *   const stats = imageStats(scene.image, raster);
 *   stats.meanLuma < 0.2 // a dark, low-key picture
 */
import type { RgbImage, SceneStats } from '../scene.js';
import type { AnalysisRaster } from './analysis-raster.js';

export function imageStats(image: RgbImage, raster: AnalysisRaster): SceneStats {
  const { data, width, height } = image;
  // Rec.709 luma in 1/256 steps: everything about luma comes from this histogram
  const hist = new Float64Array(256);
  const reciprocal = new Float64Array(256);
  for (let v = 1; v < 256; v++) reciprocal[v] = 1 / v;
  let sumR = 0;
  let sumG = 0;
  let sumB = 0;
  let sumSat = 0;
  // beyond ~2 megapixels a regular sample of rows gives the same statistics to a fraction of a percent
  const rowStep = Math.max(1, Math.floor((width * height) / 2_000_000));
  let n = 0;
  for (let row = 0; row < height; row += rowStep) {
    const end = (row + 1) * width * 3;
    for (let j = row * width * 3; j < end; j += 3) {
      const r = data[j]!;
      const g = data[j + 1]!;
      const b = data[j + 2]!;
      sumR += r;
      sumG += g;
      sumB += b;
      hist[(54 * r + 183 * g + 19 * b + 128) >> 8]!++;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      sumSat += (max - min) * reciprocal[max]!;
    }
    n += width;
  }
  let sumY = 0;
  let sumYY = 0;
  let bright = 0;
  let dark = 0;
  let median = -1;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    const c = hist[v]!;
    const y = v / 255;
    sumY += c * y;
    sumYY += c * y * y;
    if (y > 0.9) bright += c;
    else if (y < 0.08) dark += c;
    seen += c;
    if (median < 0 && seen >= n / 2) median = y;
  }
  const meanLuma = sumY / n;
  let sharp = 0;
  for (let i = 0; i < raster.texture.length; i++) sharp += raster.texture[i]!;
  return {
    meanLuma,
    medianLuma: Math.max(0, median),
    contrast: Math.sqrt(Math.max(0, sumYY / n - meanLuma * meanLuma)),
    meanRgb: [sumR / n, sumG / n, sumB / n],
    saturation: sumSat / n,
    // mean (R − B) over a quarter of the range: an orange cast of 64 levels is fully warm
    warmth: Math.max(-1, Math.min(1, (sumR - sumB) / n / 64)),
    sharpness: sharp / raster.texture.length,
    highlights: bright / n,
    shadows: dark / n,
  };
}
