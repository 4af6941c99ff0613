/**
 * A portrait's backdrop is not sky. The sky finder (./sky.ts) sees pixels only, and a studio's
 * blue-grey backdrop is as smooth and as cool as an overcast sky; once the people are known, a
 * region of "sky" is told apart by what lies under it. Under a sky the land comes up to meet it
 * beside whoever stands in front (a horizon, roofs, a field); under a backdrop there is only the
 * person, from the backdrop's edge down to the frame. A region that is clearly a daylight sky
 * (spans the top, smooth as air, shaded as a sky) stays sky even behind a head and shoulders.
 *
 * @example
 *   const sky2 = withoutBackdrop(raster, sky, people) ?? sky; // null: nothing was a backdrop
 */
import type { AnalysisRaster } from './analysis-raster.js';
import { palesDownwards, skyRegion, type SkyRegion } from './sky.js';

/** The sky mask without the regions that are a person's backdrop; null when there are none. */
export function withoutBackdrop(raster: AnalysisRaster, sky: Float32Array, people: Float32Array): Float32Array | null {
  const { width: w, height: h } = raster;
  const n = w * h;
  let personArea = 0;
  for (let i = 0; i < n; i++) if (people[i]! > 0.5) personArea++;
  if (personArea < n * 0.01) return null;

  const drop = new Uint8Array(n);
  let dropped = false;
  for (const pixels of regionsOf(sky, w, h)) {
    if (clearlySky(skyRegion(raster, pixels))) continue;
    const { person, land } = whatLiesUnder(raster, pixels, people);
    if (process.env.SKYDBG) console.error(pixels.length, person, land);
    if (person <= land) continue;
    for (let k = 0; k < pixels.length; k++) drop[pixels[k]!] = 1;
    dropped = true;
  }
  if (!dropped) return null;
  // the mask's soft rim round a dropped region goes with it
  const out = Float32Array.from(sky);
  for (let i = 0; i < n; i++) {
    if (sky[i]! > 0.5 && !drop[i]) continue;
    const x = i % w;
    const y = (i - x) / w;
    let near = false;
    for (let dy = -2; dy <= 2 && !near; dy++) {
      for (let dx = -2; dx <= 2 && !near; dx++) {
        const yy = y + dy;
        const xx = x + dx;
        near = yy >= 0 && yy < h && xx >= 0 && xx < w && drop[yy * w + xx] === 1;
      }
    }
    if (near) out[i] = 0;
  }
  return out;
}

/**
 * A daylight sky even behind a portrait: spanning the top, smooth as air, brighter downwards and,
 * unless overcast grey, paler downwards.
 */
function clearlySky(region: SkyRegion): boolean {
  const shaded = region.lumaRise >= 0.03 && (region.saturation < 0.08 || palesDownwards(region));
  return region.top >= 0.5 && region.texture < 0.008 && shaded;
}

/**
 * Below the region in each of its columns: how many pixels are the person, and how many are land
 * (neither the person nor of the region's own colour: a backdrop's lower part is neither).
 */
function whatLiesUnder(raster: AnalysisRaster, pixels: Int32Array, people: Float32Array): { person: number; land: number } {
  const { width: w, height: h } = raster;
  const lowest = new Int32Array(w).fill(-1);
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k]!;
    const x = i % w;
    lowest[x] = Math.max(lowest[x]!, (i - x) / w);
  }
  const own = meanColour(raster, pixels);
  let person = 0;
  let land = 0;
  for (let x = 0; x < w; x++) {
    for (let y = lowest[x]! + 1; lowest[x]! >= 0 && y < h; y++) {
      const i = y * w + x;
      if (people[i]! > 0.5) person++;
      else if (Math.hypot(raster.r[i]! - own.r, raster.g[i]! - own.g, raster.b[i]! - own.b) > 0.15) land++;
    }
  }
  return { person, land };
}

function meanColour(raster: AnalysisRaster, pixels: Int32Array): { r: number; g: number; b: number } {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k]!;
    r += raster.r[i]!;
    g += raster.g[i]!;
    b += raster.b[i]!;
  }
  const n = Math.max(1, pixels.length);
  return { r: r / n, g: g / n, b: b / n };
}

/** The connected regions (4-neighbours) of mask > 0.5, as pixel lists. */
function regionsOf(mask: Float32Array, w: number, h: number): Int32Array[] {
  const n = w * h;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  const regions: Int32Array[] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s] || mask[s]! <= 0.5) continue;
    let head = 0;
    let tail = 0;
    seen[s] = 1;
    queue[tail++] = s;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % w;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w < n ? i + w : -1]) {
        if (j >= 0 && !seen[j] && mask[j]! > 0.5) {
          seen[j] = 1;
          queue[tail++] = j;
        }
      }
    }
    regions.push(queue.slice(0, tail));
  }
  return regions;
}
