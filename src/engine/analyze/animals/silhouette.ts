/**
 * An animal's silhouette from colour alone, for pictures whose layered scene has no matte (an
 * animal is neither segmented as a person nor, often, a depth layer): the salient box's centre is
 * "animal", what lies well outside the box is "background", and each pixel is classed by which
 * colour histogram explains it better (two rounds, the second learnt from the first's mask). The
 * largest part at the box's centre, its holes filled, is the silhouette. Where the animal fills
 * the frame the silhouette does too: the picture's edge then cuts it (`cut` says which edges).
 * A detector's box (`bounded`) holds the whole animal: nothing a little beyond it is animal (a
 * bicycle's handlebar above a dog's head in the colours of its fur is not an ear).
 *
 * @example
 *   const s = animalSilhouette(rgb, w, h, scene.subject, scene.maps.saliency); // s.mask: 0/1 per pixel
 */
import type { Box } from '../../scene.js';
import { boxBlur } from '../filters.js';
import { components } from '../layers/components.js';
import { close, fillEnclosed } from '../layers/refine-matte.js';

export interface Silhouette {
  mask: Uint8Array;
  width: number; height: number;
  /** bounding box, normalised */
  box: Box;
  /** share of each picture edge the silhouette touches (top, right, bottom, left) */
  cut: [number, number, number, number];
}

const BINS = 12;
const bin = (r: number, g: number, b: number) => (((r * BINS) >> 8) * BINS + ((g * BINS) >> 8)) * BINS + ((b * BINS) >> 8);

/** A colour histogram over weighted pixels, smoothed over neighbouring bins and normalised. */
function histogram(rgb: Uint8Array, weight: (i: number) => number, n: number): Float32Array {
  const hist = new Float32Array(BINS ** 3);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    if (w <= 0) continue;
    hist[bin(rgb[3 * i]!, rgb[3 * i + 1]!, rgb[3 * i + 2]!)]! += w;
    total += w;
  }
  // neighbouring bins share: a colour a few levels off is the same colour
  const smooth = new Float32Array(hist.length);
  for (let r = 0; r < BINS; r++) for (let g = 0; g < BINS; g++) for (let b = 0; b < BINS; b++) {
    let s = 0;
    for (let dr = -1; dr <= 1; dr++) for (let dg = -1; dg <= 1; dg++) for (let db = -1; db <= 1; db++) {
      const R = r + dr, G = g + dg, B = b + db;
      if (R < 0 || G < 0 || B < 0 || R >= BINS || G >= BINS || B >= BINS) continue;
      s += hist[(R * BINS + G) * BINS + B]! * (dr || dg || db ? 0.3 : 1);
    }
    smooth[(r * BINS + g) * BINS + b] = s / Math.max(1e-6, total);
  }
  return smooth;
}

export function animalSilhouette(rgb: Uint8Array, w: number, h: number, subject: Box, saliency: Float32Array, bounded = false): Silhouette | null {
  const n = w * h;
  const cx = (subject.x + subject.w / 2) * w, cy = (subject.y + subject.h / 2) * h;
  const rx = Math.max(2, (subject.w / 2) * w), ry = Math.max(2, (subject.h / 2) * h);
  // seeds: the box's central ellipse (weighted by saliency) against what lies a tenth beyond the box
  const inner = (i: number) => {
    const u = ((i % w) - cx) / rx, v = (((i / w) | 0) - cy) / ry;
    const d = u * u + v * v;
    return d < 0.45 ? (0.3 + saliency[i]!) * (1 - d / 0.45) : 0;
  };
  const outer = (i: number) => {
    const u = ((i % w) - cx) / rx, v = (((i / w) | 0) - cy) / ry;
    return Math.max(Math.abs(u), Math.abs(v)) > 1.15 ? 1.2 - saliency[i]! : 0;
  };
  // a detector's box, grown by 4 % of its size: the animal lies within it
  const within = (i: number) => !bounded || (Math.abs(((i % w) - cx) / rx) <= 1.08 && Math.abs((((i / w) | 0) - cy) / ry) <= 1.08);
  const clip = (m: Uint8Array | null) => { if (m && bounded) for (let i = 0; i < n; i++) if (!within(i)) m[i] = 0; return m; };
  let mask = clip(classify(rgb, w, h, inner, outer));
  if (!mask) return null;
  // second round: the animal's colours from the first mask, the background's from around it
  const first = mask, grown = boxBlur(Float32Array.from(first), w, h, Math.max(2, Math.round(0.03 * Math.max(w, h))));
  mask = clip(classify(rgb, w, h, (i) => (first[i] ? 1 : 0), (i) => (grown[i]! < 0.02 ? 1 : 0))) ?? first;
  // the part at the box's centre (or the largest), closed and without holes
  const parts = components(mask, w, h);
  const centre = Math.min(h - 1, Math.round(cy)) * w + Math.min(w - 1, Math.round(cx));
  const part = parts.find((p) => p.includes(centre)) ?? parts.reduce<number[] | undefined>((a, p) => (!a || p.length > a.length ? p : a), undefined);
  if (!part || part.length < 0.01 * n) return null;
  let out: Uint8Array = new Uint8Array(n);
  for (const i of part) out[i] = 1;
  out = fillEnclosed(close(out, w, h, 2), w, h);
  let x0 = w, y0 = h, x1 = 0, y1 = 0, top = 0, bottom = 0, left = 0, right = 0;
  for (let i = 0; i < n; i++) {
    if (!out[i]) continue;
    const x = i % w, y = (i / w) | 0;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x + 1); y0 = Math.min(y0, y); y1 = Math.max(y1, y + 1);
    if (y === 0) top++;
    if (y === h - 1) bottom++;
    if (x === 0) left++;
    if (x === w - 1) right++;
  }
  return { mask: out, width: w, height: h, box: { x: x0 / w, y: y0 / h, w: (x1 - x0) / w, h: (y1 - y0) / h }, cut: [top / w, right / h, bottom / w, left / h] };
}

/**
 * Each pixel's odds of being the animal (0…1) by the two colour histograms (`fg`, `bg`: each
 * pixel's weight as a seed of either), before any smoothing: 0.5 where neither has its colour.
 */
export function colourOdds(rgb: Uint8Array, n: number, fg: (i: number) => number, bg: (i: number) => number): Float32Array {
  const hf = histogram(rgb, fg, n), hb = histogram(rgb, bg, n);
  const p = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const k = bin(rgb[3 * i]!, rgb[3 * i + 1]!, rgb[3 * i + 2]!);
    const f = hf[k]!, b = hb[k]!;
    p[i] = f + b > 1e-7 ? f / (f + b) : 0.5;
  }
  return p;
}

/** Each pixel classed animal (1) or background (0) by the two histograms, smoothed a little. */
function classify(rgb: Uint8Array, w: number, h: number, fg: (i: number) => number, bg: (i: number) => number): Uint8Array | null {
  const n = w * h;
  const s = boxBlur(colourOdds(rgb, n, fg, bg), w, h, Math.max(1, Math.round(0.006 * Math.max(w, h))));
  const mask = new Uint8Array(n);
  let any = 0;
  for (let i = 0; i < n; i++) { mask[i] = s[i]! > 0.5 ? 1 : 0; any += mask[i]!; }
  return any ? mask : null;
}
