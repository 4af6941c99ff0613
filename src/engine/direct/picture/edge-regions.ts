/**
 * How much of each edge of the picture can be continued beyond the frame, region by region: the
 * renderer's outpainting lets a margin pixel copy only from the region of the edge pixel it grows
 * from (picture/setup/border-regions.ts — the same features and the same test of "one region"),
 * so an edge pixel can be continued only where its region is large enough near it (its share of
 * the picture within reach) and not so busy that the edge crosses region after region (a flag's
 * stripes, a facade's windows, branches against the sky: each run along the edge is too short to
 * continue without inventing). The director reveals less beyond an edge the less of it can be.
 *
 * Measured on a copy about 320 px wide, as synthesis sees the picture.
 *
 * @example edgeContinuation(scene) // → { left: 0.3, right: 0.5, top: 0.9, bottom: 1 }
 */
import type { Scene } from '../../scene.js';
import { edgeRaster } from './edge-objects.js';
import { REGION_REACH, regionDistance, regionFeatures, SAME_REGION } from '../../picture/setup/border-regions.js';
import type { Reveal } from './camera/reveal.js';

/** the share of the picture within reach an edge pixel's region must cover to be continued */
const SUPPORT = 0.12;
/** the shortest run of one region along an edge that can be continued, as a share of the side */
const RUN = 0.1;

export function edgeContinuation(scene: Scene): Reveal {
  const { w, h, small } = edgeRaster(scene);
  const m = scene.maps;
  const sample = (map: Float32Array) => {
    const out = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = map[Math.min(m.height - 1, Math.floor(((y + 0.5) * m.height) / h)) * m.width + Math.min(m.width - 1, Math.floor(((x + 0.5) * m.width) / w))] ?? 0;
    return out;
  };
  const f = regionFeatures(small, 3, w, h, new Uint8Array(w * h).fill(1), { sky: sample(m.sky), nearness: sample(scene.layers?.nearness ?? m.depth) });
  const reach = REGION_REACH * Math.max(w, h), step = Math.max(1, Math.round(reach / 10)), span = Math.ceil(reach / step);
  /** the share of the picture within reach of i that is i's region */
  const support = (i: number): number => {
    const ix = i % w, iy = (i / w) | 0;
    let same = 0, all = 0;
    for (let j = -span; j <= span; j++) for (let q = -span; q <= span; q++) {
      const x = ix + q * step, y = iy + j * step;
      if (x < 0 || x >= w || y < 0 || y >= h || (q * q + j * j) * step * step > reach * reach) continue;
      all++;
      if (regionDistance(f, y * w + x, i) <= SAME_REGION) same++;
    }
    return all ? same / all : 0;
  };
  /** the share of an edge (its pixels, in order) that lies in long enough runs of regions large enough */
  const side = (pixels: number[]): number => {
    let good = 0, start = 0;
    const close = (end: number) => {
      if (end - start < RUN * pixels.length) return;
      for (let p = start; p < end; p += 4) if (support(pixels[p]!) >= SUPPORT) good += Math.min(4, end - p);
    };
    for (let p = 1; p <= pixels.length; p++) {
      if (p < pixels.length && regionDistance(f, pixels[p]!, pixels[start]!) <= SAME_REGION) continue;
      close(p);
      start = p;
    }
    return good / pixels.length;
  };
  const line = (n: number, at: (t: number) => number) => Array.from({ length: n }, (_, t) => at(t));
  return {
    left: side(line(h, (y) => y * w)), right: side(line(h, (y) => y * w + w - 1)),
    top: side(line(w, (x) => x)), bottom: side(line(w, (x) => (h - 1) * w + x)),
  };
}
