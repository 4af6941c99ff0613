/**
 * Water mask: below the horizon, smooth, reflective surfaces with horizontal structure (ripples
 * and reflections are streaked sideways) whose colour is bluish or close to the sky's own colour
 * (a reflection) — or, when it stretches across most of the picture's width, of no telling colour
 * at all (an overcast grey-brown lake), followed from there in its own colour. Grown from a band
 * below the horizon, so a grey road or a wall in the foreground is not taken for a lake, and kept
 * only as broad expanses, so scattered flecks are not.
 *
 * @example
 *   const water = waterMask(raster, sky, 0.55); // zeros when there is no horizon
 */
import { halfOf, type AnalysisRaster } from './analysis-raster.js';
import { clamp01, ramp, smoothBlur } from './filters.js';
import { upsample } from './resample.js';
import { components } from './layers/components.js';
import { flood4 } from './flood.js';

export function waterMask(raster: AnalysisRaster, sky: Float32Array, horizon: number | null): Float32Array {
  const { width: w, height: h, r, g, b, sat, hue } = raster;
  const n = w * h;
  const out = new Float32Array(n);
  if (horizon === null || horizon > 0.9) return out;

  // the sky's mean colour, to recognise its reflection
  let sr = 0;
  let sg = 0;
  let sb = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    const s = sky[i]!;
    sr += r[i]! * s;
    sg += g[i]! * s;
    sb += b[i]! * s;
    sw += s;
  }
  if (sw > 0) {
    sr /= sw;
    sg /= sw;
    sb /= sw;
  }
  // ripples and reflections streak sideways: compare |∂y| with |∂x| over a neighbourhood (half size)
  const half = halfOf(raster);
  const hn = half.width * half.height;
  const ax = new Float32Array(hn);
  const ay = new Float32Array(hn);
  for (let i = 0; i < hn; i++) {
    ax[i] = Math.abs(half.gx[i]!);
    ay[i] = Math.abs(half.gy[i]!);
  }
  const radius = Math.max(1, Math.round(Math.max(half.width, half.height) / 100));
  const sx = upsample(smoothBlur(ax, half.width, half.height, radius), half.width, half.height, w, h);
  const sy = upsample(smoothBlur(ay, half.width, half.height, radius), half.width, half.height, w, h);
  const like = new Float32Array(n);
  // water of no telling colour (an overcast grey-brown lake): streaked sideways, smooth, unsaturated
  const plain = new Float32Array(n);
  const y0 = Math.floor(horizon * h);
  for (let y = y0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const horizontal = ramp(sy[i]! / (sx[i]! + sy[i]! + 1e-4), 0.5, 0.65);
      const smooth = ramp(raster.texture[i]!, 0.06, 0.025);
      const hv = hue[i]!;
      const bluish = ramp(hv, 165, 185) * ramp(hv, 255, 235) * ramp(sat[i]!, 0.06, 0.15);
      const dr = r[i]! - sr;
      const dg = g[i]! - sg;
      const db = b[i]! - sb;
      const reflects = sw > 0 ? ramp(Math.sqrt(dr * dr + dg * dg + db * db), 0.25, 0.1) : 0;
      const colour = Math.max(bluish, reflects);
      like[i] = horizontal * smooth * colour * (1 - sky[i]!);
      plain[i] = horizontal * smooth * ramp(sat[i]!, 0.28, 0.18) * (1 - sky[i]!);
    }
  }

  // grow from a band below the horizon
  const region = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  // a shore or a quay may separate the horizon from the water's edge
  const band = Math.min(h, y0 + Math.max(2, Math.round(h * 0.25)));
  for (let y = y0; y < band; y++) {
    // plain water seeds only where it stretches across most of the row, as a lake or the sea does
    // (a road narrows towards the horizon; a wall or a field is textured or saturated)
    let plainRow = 0;
    for (let x = 0; x < w; x++) plainRow += plain[y * w + x]! > 0.5 ? 1 : 0;
    const wide = plainRow > w * 0.6;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (like[i]! > 0.4 || (wide && plain[i]! > 0.5)) {
        region[i] = 1;
        queue[tail++] = i;
      }
    }
  }
  if (tail === 0) return out;
  // the seeds' mean colour: water found by its plain look keeps near it
  let wr = 0;
  let wg = 0;
  let wb = 0;
  for (let k = 0; k < tail; k++) {
    wr += r[queue[k]!]!;
    wg += g[queue[k]!]!;
    wb += b[queue[k]!]!;
  }
  wr /= tail;
  wg /= tail;
  wb /= tail;
  // plain water continues the water's own colour in small steps (a shoreline's foam, a quay's edge
  // or sand's saturation stops it)
  const continues = (j: number, i: number) => {
    if (plain[j]! < 0.25 || Math.abs(r[j]! - r[i]!) + Math.abs(g[j]! - g[i]!) + Math.abs(b[j]! - b[i]!) > 0.1) return false;
    const dr = r[j]! - wr;
    const dg = g[j]! - wg;
    const db = b[j]! - wb;
    return dr * dr + dg * dg + db * db < 0.3 * 0.3;
  };
  flood4(queue, tail, w, n, (j, i) => {
    if (region[j] || !(like[j]! > 0.25 || continues(j, i))) return false;
    region[j] = 1;
    return true;
  });
  // a body of water is one broad expanse; scattered flecks (haze over a distant city, a blue car)
  // are not water
  for (const part of components(region, w, h)) if (part.length < n * 0.015) for (const i of part) region[i] = 0;
  let kept = 0;
  for (let i = 0; i < n; i++) kept += region[i]!;
  if (kept < n * 0.04) return out;
  for (let i = 0; i < n; i++) out[i] = region[i]! ? Math.max(0.6, like[i]!, plain[i]!) : 0;
  const soft = smoothBlur(out, w, h, 1);
  for (let i = 0; i < n; i++) soft[i] = clamp01((soft[i]! - 0.1) / 0.7);
  return soft;
}
