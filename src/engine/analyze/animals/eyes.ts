/**
 * An animal's eyes, found as what they look like rather than by a face model (which knows only
 * people): dark, round blobs — darker than a ring around them on every side, so an edge or a
 * stripe does not count — of a size a head's eye can have, best in pairs (similar size, a few
 * eye widths apart, roughly level) and better with a specular highlight inside. Searched in a
 * crop of the picture (its long side 256 px) over the animal's region; one eye alone (an animal
 * in profile) counts with a lower confidence.
 *
 * @example
 *   animalEyes(scene.image, silhouette.box, silhouette) // → { eyes: [{ x, y, r }, …], confidence: 0.8 } or null
 */
import type { Box, RgbImage } from '../../scene.js';
import type { Silhouette } from './silhouette.js';

export interface AnimalEye {
  /** centre and radius, normalised to the picture's width (x, r) and height (y) */
  x: number; y: number; r: number;
  /** how much of the animal lies straight above the eye's top before its outline (fraction of the picture's height; set by animalParts) */
  room?: number;
}
export interface AnimalEyes {
  /** one or two eyes, image-left first */
  eyes: AnimalEye[];
  /** 0…1: how eye-like the blobs are and how well they pair */
  confidence: number;
}

const CROP = 256;

interface Blob { x: number; y: number; r: number; dark: number; shine: number; score: number }

export function animalEyes(image: RgbImage, region: Box, silhouette: Silhouette | null, saliency: { width: number; height: number; data: Float32Array } | null): AnimalEyes | null {
  const { width: W, height: H } = image;
  const sx0 = Math.max(0, Math.floor(region.x * W)), sy0 = Math.max(0, Math.floor(region.y * H));
  const sx1 = Math.min(W, Math.ceil((region.x + region.w) * W)), sy1 = Math.min(H, Math.ceil((region.y + region.h) * H));
  const scale = CROP / Math.max(sx1 - sx0, sy1 - sy0);
  const w = Math.max(8, Math.round((sx1 - sx0) * scale)), h = Math.max(8, Math.round((sy1 - sy0) * scale));
  // the crop's luma (area average) and its integral image
  const luma = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const ax = sx0 + Math.floor(x / scale), ay = sy0 + Math.floor(y / scale);
    const bx = Math.min(sx1, Math.max(ax + 1, sx0 + Math.floor((x + 1) / scale))), by = Math.min(sy1, Math.max(ay + 1, sy0 + Math.floor((y + 1) / scale)));
    let s = 0, c = 0;
    for (let yy = ay; yy < by; yy++) for (let xx = ax; xx < bx; xx++) {
      const k = 3 * (yy * W + xx);
      s += 0.299 * image.data[k]! + 0.587 * image.data[k + 1]! + 0.114 * image.data[k + 2]!; c++;
    }
    luma[y * w + x] = s / Math.max(1, c) / 255;
  }
  const I = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) I[(y + 1) * (w + 1) + x + 1] = luma[y * w + x]! + I[y * (w + 1) + x + 1]! + I[(y + 1) * (w + 1) + x]! - I[y * (w + 1) + x]!;
  const boxMean = (x0: number, y0: number, x1: number, y1: number) => {
    x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(w, x1); y1 = Math.min(h, y1);
    if (x1 <= x0 || y1 <= y0) return NaN;
    return (I[y1 * (w + 1) + x1]! - I[y0 * (w + 1) + x1]! - I[y1 * (w + 1) + x0]! + I[y0 * (w + 1) + x0]!) / ((x1 - x0) * (y1 - y0));
  };
  const onAnimal = (x: number, y: number) => {
    if (!silhouette) return true;
    const u = (sx0 + x / scale) / W, v = (sy0 + y / scale) / H;
    const mx = Math.min(silhouette.width - 1, Math.floor(u * silhouette.width)), my = Math.min(silhouette.height - 1, Math.floor(v * silhouette.height));
    return silhouette.mask[my * silhouette.width + mx] === 1;
  };
  const salientAt = (u: number, v: number) => {
    if (!saliency) return 0.6;
    const mx = Math.min(saliency.width - 1, Math.floor(u * saliency.width)), my = Math.min(saliency.height - 1, Math.floor(v * saliency.height));
    return saliency.data[my * saliency.width + mx]!;
  };
  const blobs: Blob[] = [];
  for (let r = 3; r <= 16; r = Math.round(r * 1.3 + 0.5)) {
    const found: Blob[] = [];
    for (let y = 2 * r; y < h - 2 * r; y += Math.max(1, r >> 1)) {
      for (let x = 2 * r; x < w - 2 * r; x += Math.max(1, r >> 1)) {
        const inside = boxMean(x - r, y - r, x + r + 1, y + r + 1);
        // the ring on each side (left, right, above, below) must be brighter than the disk
        const sides = [boxMean(x - 2 * r, y - r, x - r, y + r + 1), boxMean(x + r + 1, y - r, x + 2 * r + 1, y + r + 1), boxMean(x - r, y - 2 * r, x + r + 1, y - r), boxMean(x - r, y + r + 1, x + r + 1, y + 2 * r + 1)];
        const least = Math.min(...sides.map((s) => s - inside));
        if (!(least > 0.04)) continue;
        // a catchlight: the brightest pixel inside the disk stands out of it
        let top = 0;
        for (let yy = y - r; yy <= y + r; yy++) for (let xx = x - r; xx <= x + r; xx++) top = Math.max(top, luma[yy * w + xx]!);
        const shine = Math.max(0, top - inside - 0.15);
        // a viewer's eye goes to an animal's eyes: the saliency map weighs the candidates
        const seen = salientAt((sx0 + x / scale) / W, (sy0 + y / scale) / H);
        // off the silhouette counts less (the colour silhouette can miss a head), not nothing
        const on = onAnimal(x, y) ? 1 : 0.6;
        found.push({ x, y, r, dark: least, shine, score: least * (1 + 3 * Math.min(0.3, shine)) * (1 - inside * 0.5) * (0.4 + seen) * on });
      }
    }
    blobs.push(...found);
  }
  // non-maximum suppression: the strongest blob in its neighbourhood across scales
  blobs.sort((a, b) => b.score - a.score);
  const kept: Blob[] = [];
  for (const b of blobs) {
    if (kept.some((k) => Math.hypot(k.x - b.x, k.y - b.y) < 1.5 * Math.max(k.r, b.r))) continue;
    kept.push(b);
    if (kept.length >= 12) break;
  }
  if (!kept.length) return null;
  const norm = (b: Blob): AnimalEye => {
    const e = outline(luma, w, h, b);
    return { x: (sx0 + (e.x + 0.5) / scale) / W, y: (sy0 + (e.y + 0.5) / scale) / H, r: e.r / scale / W };
  };
  // the mean colour of the ring around a blob (its fur), 0…1 per channel
  const ringColour = (b: Blob): [number, number, number] => {
    const c: [number, number, number] = [0, 0, 0];
    let count = 0;
    const X0 = sx0 + (b.x - 2 * b.r) / scale, Y0 = sy0 + (b.y - 2 * b.r) / scale, X1 = sx0 + (b.x + 2 * b.r + 1) / scale, Y1 = sy0 + (b.y + 2 * b.r + 1) / scale;
    const step = Math.max(1, Math.floor((X1 - X0) / 12));
    for (let y = Math.max(0, Math.floor(Y0)); y < Math.min(H, Y1); y += step) for (let x = Math.max(0, Math.floor(X0)); x < Math.min(W, X1); x += step) {
      const u = (x - sx0) * scale - b.x, v = (y - sy0) * scale - b.y;
      if (Math.max(Math.abs(u), Math.abs(v)) <= b.r) continue;
      const k = 3 * (y * W + x);
      c[0] += image.data[k]!; c[1] += image.data[k + 1]!; c[2] += image.data[k + 2]!; count++;
    }
    return c.map((v) => v / Math.max(1, count) / 255) as [number, number, number];
  };
  // the best pair: similar size and darkness, apart by 2.5 radii at least and by 6–60 % of the
  // region's long side, within 30° of level
  let best: { a: Blob; b: Blob; score: number } | null = null;
  for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) {
    const a = kept[i]!, b = kept[j]!;
    const { d, r, size, level } = pairShape(a, b);
    if (size < 0.35 || d < 2.5 * r || d < 0.06 * CROP || d > 0.6 * CROP || level > 0.58) continue;
    // both eyes sit in the same fur, with the animal between them
    const between = onAnimal((a.x + b.x) / 2, (a.y + b.y) / 2) ? 1 : 0.7;
    const fur = colourDistance(ringColour(a), ringColour(b));
    if (fur > 0.25) continue;
    const like = Math.min(a.dark, b.dark) / Math.max(a.dark, b.dark);
    // eyes are the highest pair on a head (nostrils pair up below them)
    const high = 1 - 0.3 * Math.min(1, (a.y + b.y) / 2 / h);
    // (the blobs' sizes are only their dark cores' — a pupil beside a shaded eye — so size only gates)
    const score = ((a.score + b.score) / 2) * Math.sqrt(like) * (1 - 2 * fur) * high * between;
    if (!best || score > best.score) best = { a, b, score };
  }
  const top = kept[0]!;
  const strength = (s: number) => Math.min(1, s / 0.25);
  // a texture full of eye-like blobs (sparkling water, holes in foliage) makes any one doubtful
  const similar = kept.filter((k) => k.score >= 0.7 * top.score).length;
  const distinct = Math.max(0, 1 - 0.12 * Math.max(0, similar - 3));
  if (best && best.score > 0.45 * top.score) {
    const [l, r] = best.a.x < best.b.x ? [best.a, best.b] : [best.b, best.a];
    // eyes shine (a catchlight in each); a pair of nostrils does not
    const shine = 0.5 + 0.5 * Math.min(1, Math.min(l.shine, r.shine) / 0.1);
    return { eyes: [norm(l), norm(r)], confidence: round(strength(best.score) * shine * distinct) };
  }
  // one eye (a profile): only with a catchlight and clearly the strongest blob
  if (top.shine > 0 && (kept.length < 2 || top.score > 1.5 * kept[1]!.score)) return { eyes: [norm(top)], confidence: round((0.2 + 0.6 * strength(top.score)) * distinct) };
  return { eyes: [norm(top)], confidence: round(0.3 * strength(top.score) * distinct) };
}

/**
 * The whole eye around a dark core: a found blob is often only the pupil (a cat's slit, a
 * mandrill's pupil in an orange iris). The eye's outline is the strongest round edge around it —
 * the mean radial luma step over a circle — searched over centres near the core and radii from
 * 1.3 to 3.5 times the core's; kept only where it is clearly stronger than the core's own edge.
 */
function outline(luma: Float64Array, w: number, h: number, b: Blob): { x: number; y: number; r: number } {
  const at = (x: number, y: number) => {
    const X = Math.min(w - 1, Math.max(0, Math.round(x))), Y = Math.min(h - 1, Math.max(0, Math.round(y)));
    return luma[Y * w + X]!;
  };
  const edge = (cx: number, cy: number, r: number) => {
    let s = 0;
    for (let k = 0; k < 32; k++) {
      const c = Math.cos((k * Math.PI) / 16), d = Math.sin((k * Math.PI) / 16);
      s += Math.abs(at(cx + (r + 1.5) * c, cy + (r + 1.5) * d) - at(cx + (r - 1.5) * c, cy + (r - 1.5) * d));
    }
    return s / 32;
  };
  const core = Math.max(edge(b.x, b.y, b.r), edge(b.x, b.y, b.r * 0.8));
  let best = { x: b.x, y: b.y, r: b.r, e: core * 1.4 };
  const reach = Math.max(1, Math.round(0.6 * b.r));
  // centres and radii a quarter of the core's radius apart: the outline's edge is a few px wide
  const step = Math.max(1, Math.round(b.r / 4));
  for (let dy = -reach; dy <= reach; dy += step) for (let dx = -reach; dx <= reach; dx += step) {
    for (let r = Math.ceil(1.3 * b.r); r <= 3.5 * b.r; r += step) {
      if (r > 3 * reach + 3 * b.r) break;
      const e = edge(b.x + dx, b.y + dy, r);
      if (e > best.e) best = { x: b.x + dx, y: b.y + dy, r, e };
    }
  }
  return best;
}

/** Two round spots as a pair of eyes: their distance, mean radius, size ratio (≤ 1) and slope (|dy| / |dx|). */
export function pairShape(a: { x: number; y: number; r: number }, b: { x: number; y: number; r: number }): { d: number; r: number; size: number; level: number } {
  return {
    d: Math.hypot(a.x - b.x, a.y - b.y),
    r: (a.r + b.r) / 2,
    size: Math.min(a.r, b.r) / Math.max(a.r, b.r),
    level: Math.abs(a.y - b.y) / Math.max(1, Math.abs(a.x - b.x)),
  };
}

const colourDistance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const round = (v: number) => Math.round(v * 1000) / 1000;
