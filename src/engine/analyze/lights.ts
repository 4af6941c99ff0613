/**
 * Light sources: bright, compact spots that stand well above their surroundings (lamps, street
 * lights, stars, the sun). Returns a soft mask and a list of the strongest sources, each with
 * its centre, radius, brightness and colour.
 *
 * @example
 *   const { mask, lights } = findLights(raster, sky, stats.medianLuma);
 *   lights[0] // → { x: 0.23, y: 0.91, radius: 0.01, brightness: 0.97, color: [255, 231, 180] }
 */
import type { LightSource } from '../scene.js';
import { halfOf, type AnalysisRaster } from './analysis-raster.js';
import { clamp01, ramp, smoothBlur } from './filters.js';
import { upsample } from './resample.js';

const MAX_LIGHTS = 48;

export function findLights(raster: AnalysisRaster, sky: Float32Array, medianLuma: number): { mask: Float32Array; lights: LightSource[] } {
  const { width: w, height: h, luma } = raster;
  const n = w * h;
  const half = halfOf(raster);
  const surroundHalf = smoothBlur(half.luma, half.width, half.height, Math.max(2, Math.round(Math.max(half.width, half.height) / 40)));
  const surround = upsample(surroundHalf, half.width, half.height, w, h);
  const mask = new Float32Array(n);
  // in a bright picture a white spot must stand out much more to count as a source of light
  const lift = 0.2 + 0.35 * ramp(medianLuma, 0.15, 0.4);
  for (let i = 0; i < n; i++) {
    const l = luma[i]!;
    // the bright side of a roof line against the sky is not a lamp
    mask[i] = ramp(l, 0.55, 0.85) * ramp(l - surround[i]!, lift - 0.1, lift + 0.15) * (1 - sky[i]!);
  }

  // Connected spots over the threshold; a light is compact (a large bright area is a window or sky).
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const members = new Int32Array(n);
  const found: Array<LightSource & { score: number }> = [];
  const maxArea = n * 0.01;
  for (let start = 0; start < n; start++) {
    if (label[start] !== -1 || mask[start]! < 0.5) continue;
    let sp = 0;
    stack[sp++] = start;
    label[start] = start;
    let area = 0;
    let sx = 0;
    let sy = 0;
    let sl = 0;
    let sr = 0;
    let sg = 0;
    let sb = 0;
    let peak = 0;
    let brightest = 0;
    while (sp > 0) {
      const i = stack[--sp]!;
      members[area] = i;
      const x = i % w;
      const y = (i - x) / w;
      area++;
      sx += x;
      sy += y;
      sl += luma[i]!;
      sr += raster.r[i]!;
      sg += raster.g[i]!;
      sb += raster.b[i]!;
      if (mask[i]! > peak) peak = mask[i]!;
      const value = Math.max(raster.r[i]!, raster.g[i]!, raster.b[i]!);
      if (value > brightest) brightest = value;
      if (x > 0 && label[i - 1] === -1 && mask[i - 1]! >= 0.5) { label[i - 1] = start; stack[sp++] = i - 1; }
      if (x < w - 1 && label[i + 1] === -1 && mask[i + 1]! >= 0.5) { label[i + 1] = start; stack[sp++] = i + 1; }
      if (y > 0 && label[i - w] === -1 && mask[i - w]! >= 0.5) { label[i - w] = start; stack[sp++] = i - w; }
      if (y < h - 1 && label[i + w] === -1 && mask[i + w]! >= 0.5) { label[i + w] = start; stack[sp++] = i + w; }
    }
    // a light source burns out (a channel clips) at its core; a pale patch in daylight does not
    // in a well-lit picture, white paint and speculars are compact and bright too: a real source
    // also lights the air around it (bloom, glare), so its ring is brighter than further out
    const needsGlow = medianLuma > 0.25;
    if (area > maxArea || brightest < 0.93 || (needsGlow && (area < 6 || glow(luma, w, h, sx / area, sy / area, Math.sqrt(area / Math.PI), sl / area) < 0.25))) {
      // not a light: drop it from the mask too
      for (let k = 0; k < area; k++) mask[members[k]!] = 0;
      continue;
    }
    const brightness = sl / area;
    found.push({
      x: (sx / area + 0.5) / w,
      y: (sy / area + 0.5) / h,
      radius: Math.sqrt(area / Math.PI) / w,
      brightness,
      color: [Math.round((sr / area) * 255), Math.round((sg / area) * 255), Math.round((sb / area) * 255)],
      score: brightness * Math.sqrt(area) * peak,
    });
  }
  found.sort((a, b) => b.score - a.score);
  // keep the sources that matter: a speck beside a floodlight is noise
  const floor = (found[0]?.score ?? 0) * 0.08;
  const lights = found.filter((l) => l.score >= floor).slice(0, MAX_LIGHTS).map(({ score: _score, ...light }) => light);
  const soft = smoothBlur(mask, w, h, 1);
  for (let i = 0; i < n; i++) soft[i] = clamp01(Math.max(soft[i]!, mask[i]!));
  return { mask: soft, lights };
}

/**
 * How much a spot lights its surroundings: the mean luma of a ring just outside it above that of a
 * ring further out, as a fraction of the spot's own brightness above the far ring.
 */
function glow(luma: Float32Array, w: number, h: number, cx: number, cy: number, r: number, brightness: number): number {
  // start two pixels out: resampling smears every edge by a pixel
  const r1 = r + 2;
  const r2 = 2 * r + 4;
  const r3 = 3 * r + 5;
  const r4 = 5 * r + 7;
  let inner = 0;
  let innerN = 0;
  let outer = 0;
  let outerN = 0;
  const x0 = Math.max(0, Math.floor(cx - r4));
  const x1 = Math.min(w - 1, Math.ceil(cx + r4));
  const y0 = Math.max(0, Math.floor(cy - r4));
  const y1 = Math.min(h - 1, Math.ceil(cy + r4));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d >= r1 && d < r2) {
        inner += luma[y * w + x]!;
        innerN++;
      } else if (d >= r3 && d < r4) {
        outer += luma[y * w + x]!;
        outerN++;
      }
    }
  }
  if (innerN === 0 || outerN === 0) return 0;
  const far = outer / outerN;
  return (inner / innerN - far) / Math.max(brightness - far, 0.05);
}
