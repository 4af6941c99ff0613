/**
 * An animal's eyes found by their catchlights: a living eye is wet and round, so it shows a
 * small bright specular spot, whitish, with a pupil several times darker beside it and a round
 * surround darker than the spot on (nearly) every side — and that holds in dark fur too, where an
 * eye is no darker than the fur round it (a black dog's eyes), which is where the dark-blob finder
 * (eyes.ts) fails.
 *
 * Searched inside a detector's box (an animal is known to be there), at a few scales (its long
 * side 400, 200, 100 and 50 px: an eye from under 1 % to over 10 % of the box), as local maxima
 * of luma that stand above a circle two pixels round them (a spot, not an edge or a whisker), with
 * a pupil under 0.3 of the spot's luma within the smallest radius R (of 2.5–6 px at that scale)
 * whose disc is darker than the spot in ten of twelve directions (a catchlight near the lid's edge
 * has a bright side). A spot scores by that contrast, less where the disc is textured (fur, not a
 * glossy eye), more where a brighter rim rounds it and where it is whitish. A pair — similar
 * spots, a few eye widths apart, roughly level, high in the box, with the animal between them —
 * is two eyes; a spot alone is one eye at a confidence under the animated threshold (a glint in
 * fur is one too).
 *
 * @example
 *   catchlightEyes(scene.image, animalBox, silhouette) // → { eyes: [{ x, y, r }, …], confidence: 0.8 } or null
 */
import type { Box, RgbImage } from '../../scene.js';
import { pairShape, type AnimalEyes, type AnimalEye } from './eyes.js';
import type { Silhouette } from './silhouette.js';

/** the box's long side at the finest scale (px) */
const FINEST = 400;
/** the eye radii tried at each scale, in that scale's px */
const RADII = [2.5, 3.5, 4.5, 6];
const DIRECTIONS = 12;

export interface Catchlight {
  /** centre of the spot, picture px */
  x: number; y: number;
  /** the eye's radius round it, picture px */
  r: number;
  /** the spot's luma (0…1), how much darker than it the surround is at its least, and the spot's whiteness */
  peak: number; contrast: number; white: number;
  /** the surround's luma spread (fur is textured, an eye glossy), and the share of directions with a brighter rim beyond it */
  texture: number; rim: number;
  score: number;
}

interface Level { luma: Float32Array; sat: Float32Array; w: number; h: number; scale: number; x0: number; y0: number }

/** The box's luma and saturation at `scale` (picture px per level px = 1/scale), area-averaged. */
function level(image: RgbImage, x0: number, y0: number, x1: number, y1: number, scale: number): Level {
  const w = Math.max(1, Math.round((x1 - x0) * scale)), h = Math.max(1, Math.round((y1 - y0) * scale));
  const luma = new Float32Array(w * h), sat = new Float32Array(w * h);
  const step = 1 / scale;
  for (let y = 0; y < h; y++) {
    const ay = y0 + Math.floor(y * step), by = Math.min(y1, Math.max(ay + 1, y0 + Math.floor((y + 1) * step)));
    for (let x = 0; x < w; x++) {
      const ax = x0 + Math.floor(x * step), bx = Math.min(x1, Math.max(ax + 1, x0 + Math.floor((x + 1) * step)));
      let r = 0, g = 0, b = 0, c = 0;
      for (let yy = ay; yy < by; yy++) for (let xx = ax; xx < bx; xx++) {
        const k = 3 * (yy * image.width + xx);
        r += image.data[k]!; g += image.data[k + 1]!; b += image.data[k + 2]!; c++;
      }
      r /= c * 255; g /= c * 255; b /= c * 255;
      luma[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
      const hi = Math.max(r, g, b);
      sat[y * w + x] = hi > 0 ? (hi - Math.min(r, g, b)) / hi : 0;
    }
  }
  return { luma, sat, w, h, scale, x0, y0 };
}

/** bilinear luma at a level's (x, y) */
function at(L: Level, x: number, y: number): number {
  const fx = Math.min(L.w - 1.001, Math.max(0, x)), fy = Math.min(L.h - 1.001, Math.max(0, y));
  const i = Math.floor(fx), j = Math.floor(fy), tx = fx - i, ty = fy - j, k = j * L.w + i;
  const a = L.luma[k]! + (L.luma[k + 1]! - L.luma[k]!) * tx;
  const b = L.luma[k + L.w]! + (L.luma[k + L.w + 1]! - L.luma[k + L.w]!) * tx;
  return a + (b - a) * ty;
}

/** The catchlights of one level: spots with a dark round surround. */
function spots(L: Level): Catchlight[] {
  const out: Catchlight[] = [];
  const margin = Math.ceil(1.8 * RADII[RADII.length - 1]!) + 1;
  for (let y = margin; y < L.h - margin; y++) for (let x = margin; x < L.w - margin; x++) {
    const k = y * L.w + x, peak = L.luma[k]!;
    if (peak < 0.25) continue;
    // a local maximum of its 3×3 neighbourhood (ties: the first in reading order)
    let top = true;
    for (let dy = -1; dy <= 1 && top; dy++) for (let dx = -1; dx <= 1; dx++) {
      if (!dx && !dy) continue;
      const v = L.luma[k + dy * L.w + dx]!;
      if (v > peak || (v === peak && (dy < 0 || (dy === 0 && dx < 0)))) { top = false; break; }
    }
    if (!top) continue;
    // a spot: the circle two pixels round it is clearly below it on every side
    let near = 0;
    for (let d = 0; d < DIRECTIONS; d++) { const a = (2 * Math.PI * d) / DIRECTIONS; near = Math.max(near, at(L, x + 2 * Math.cos(a), y + 2 * Math.sin(a))); }
    if (peak - near < 0.06) continue;
    // the surround: per direction, the mean of the disc between half the radius and the radius;
    // darker than the spot at its least; the radius whose surround is darkest and has the clearest
    // rim outside it (an eye's edge; none in fur as dark as the eye)
    let best: { r: number; contrast: number; score: number; texture: number; rim: number } | null = null;
    for (const R of RADII) {
      const dirs: number[] = [];
      let inner = 0, inner2 = 0, rim = 0;
      for (let d = 0; d < DIRECTIONS; d++) {
        const a = (2 * Math.PI * d) / DIRECTIONS, c = Math.cos(a), s = Math.sin(a);
        const v = [at(L, x + 0.55 * R * c, y + 0.55 * R * s), at(L, x + 0.8 * R * c, y + 0.8 * R * s), at(L, x + R * c, y + R * s)];
        const m = (v[0]! + v[1]! + v[2]!) / 3;
        dirs.push(m);
        for (const u of v) { inner += u; inner2 += u * u; }
        const out = (at(L, x + 1.4 * R * c, y + 1.4 * R * s) + at(L, x + 1.8 * R * c, y + 1.8 * R * s)) / 2;
        if (out > m + 0.03) rim++;
      }
      // a pupil beside the spot: the darkest of the disc, several times darker than the spot
      let pupil = 1;
      for (let yy = Math.round(y - 0.8 * R); yy <= Math.round(y + 0.8 * R); yy++) for (let xx = Math.round(x - 0.8 * R); xx <= Math.round(x + 0.8 * R); xx++) pupil = Math.min(pupil, L.luma[yy * L.w + xx]!);
      if (pupil > 0.3 * peak) continue;
      const n = 3 * DIRECTIONS, mean = inner / n;
      const texture = Math.sqrt(Math.max(0, inner2 / n - mean * mean));
      // darker than the spot all round but for two directions (a catchlight near the lid's edge)
      const contrast = peak - dirs.sort((p, q) => q - p)[2]!;
      if (contrast < 0.12) continue;
      const score = contrast * (1 - pupil / peak) * (1 - 0.5 * Math.min(1, texture / contrast)) * (0.6 + 0.4 * rim / DIRECTIONS);
      // the smallest radius that is dark all round: the eye's own disc (fur as dark would pass at any larger one)
      best = { r: R, contrast, score, texture, rim: rim / DIRECTIONS };
      break;
    }
    if (!best) continue;
    // whitish: a specular highlight takes the light's colour, not the fur's
    const white = 1 - Math.min(1, L.sat[k]! / 0.5);
    out.push({ x: L.x0 + (x + 0.5) / L.scale, y: L.y0 + (y + 0.5) / L.scale, r: best.r / L.scale, peak, contrast: best.contrast, white, texture: best.texture, rim: best.rim, score: best.score * (0.6 + 0.4 * white) });
  }
  return out;
}

/** Every catchlight in the box at every scale, strongest first, one per place. */
export function catchlights(image: RgbImage, box: Box): Catchlight[] {
  const { width: W, height: H } = image;
  const x0 = Math.max(0, Math.floor(box.x * W)), y0 = Math.max(0, Math.floor(box.y * H));
  const x1 = Math.min(W, Math.ceil((box.x + box.w) * W)), y1 = Math.min(H, Math.ceil((box.y + box.h) * H));
  const long = Math.max(x1 - x0, y1 - y0);
  if (long < 16) return [];
  const found: Catchlight[] = [];
  let last = 0;
  for (let side = FINEST; side >= 50; side /= 2) {
    // (never finer than the picture itself)
    const scale = Math.min(1, side / long);
    if (scale !== last) found.push(...spots(level(image, x0, y0, x1, y1, scale)));
    last = scale;
  }
  found.sort((a, b) => b.score - a.score);
  const kept: Catchlight[] = [];
  for (const c of found) if (!kept.some((k) => Math.hypot(k.x - c.x, k.y - c.y) < 1.5 * Math.max(k.r, c.r))) kept.push(c);
  return kept.slice(0, 24);
}

export function catchlightEyes(image: RgbImage, box: Box, silhouette: Silhouette | null): AnimalEyes | null {
  const { width: W, height: H } = image;
  const found = catchlights(image, box);
  if (!found.length) return null;
  const bw = box.w * W, bh = box.h * H, long = Math.max(bw, bh);
  const onAnimal = (x: number, y: number) => {
    if (!silhouette) return true;
    const mx = Math.min(silhouette.width - 1, Math.floor((x / W) * silhouette.width)), my = Math.min(silhouette.height - 1, Math.floor((y / H) * silhouette.height));
    return silhouette.mask[my * silhouette.width + mx] === 1;
  };
  // eyes sit high on an animal (its head is rarely in the bottom of its box)
  const high = (c: Catchlight) => 1 - 0.6 * Math.min(1, Math.max(0, (c.y / H - box.y) / Math.max(1e-6, box.h)));
  const eye = (c: Catchlight): AnimalEye => ({ x: c.x / W, y: c.y / H, r: c.r / W });
  let best: { a: Catchlight; b: Catchlight; score: number } | null = null;
  for (let i = 0; i < found.length; i++) for (let j = i + 1; j < found.length; j++) {
    const a = found[i]!, b = found[j]!;
    const { d, r, size, level } = pairShape(a, b);
    if (size < 0.45 || d < 3 * r || d > 24 * r || d < 0.04 * long || d > 0.5 * long || level > 0.6) continue;
    if (!onAnimal((a.x + b.x) / 2, (a.y + b.y) / 2)) continue;
    // the same light in both eyes: spots of like brightness and surround
    const like = Math.min(a.contrast, b.contrast) / Math.max(a.contrast, b.contrast) * (1 - Math.min(1, Math.abs(a.peak - b.peak) / 0.4));
    const score = Math.sqrt(a.score * b.score) * like * Math.sqrt(high(a) * high(b));
    if (!best || score > best.score) best = { a, b, score };
  }
  const strength = (s: number) => Math.min(1, s / 0.15);
  const top = found[0]!;
  if (best && best.score > 0.5 * top.score * high(top)) {
    const [l, rr] = best.a.x < best.b.x ? [best.a, best.b] : [best.b, best.a];
    // one animal's two eyes are one size: the radii found (the least dark disc round each spot, on
    // a coarse ladder of radii and scales) are averaged
    const r = (l.r + rr.r) / 2;
    return { eyes: [eye({ ...l, r }), eye({ ...rr, r })], confidence: round(strength(best.score)) };
  }
  // one eye (a profile): the strongest spot, clearly above the next
  const second = found[1];
  const alone = !second || top.score > 1.5 * second.score;
  return { eyes: [eye(top)], confidence: round((alone ? 0.5 : 0.25) * strength(top.score * high(top)) * (onAnimal(top.x, top.y) ? 1 : 0.5)) };
}

const round = (v: number) => Math.round(v * 1000) / 1000;
