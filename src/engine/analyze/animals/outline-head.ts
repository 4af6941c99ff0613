/**
 * An animal's head from its outline alone, for one seen side-on whose eyes were not found (a
 * cheetah walking past, its eyes a few pixels among its spots): of the outline's two ends, the
 * head is at the one whose top rises above the line of its back (the neck carries the head up,
 * its ears stand on it), while the other end falls below that line (the haunch, a tail hanging
 * down). Only a clear case counts: the rise at least 5 % of the outline's height, the other end
 * no higher than the back, and the frame not cutting that end (what lies beyond it is unknown).
 * The head is the raised part round the end's highest column, as wide as that part is at half
 * the rise, its centre that half a width below the top.
 *
 * @example
 *   outlineHead(silhouette, aspect) // → { x: 0.15, y: 0.33, size: 0.13 } (normalised: size is a fraction of the picture's width) or null
 */
import type { Silhouette } from './silhouette.js';

export interface OutlineHead {
  /** the head's centre, normalised, and its width (fraction of the picture's width) */
  x: number; y: number; size: number;
}

/** each end is this share of the outline's width; the back is the middle between them */
const END = 0.25;
/** the least rise of the head's end above the back, a fraction of the outline's height */
const MIN_RISE = 0.05;
/** a frame edge the outline touches along more than this share of it cuts that end */
const CUT = 0.05;

export function outlineHead(s: Silhouette, aspect: number): OutlineHead | null {
  const { mask, width: w, height: h, box } = s;
  const x0 = Math.round(box.x * w), x1 = Math.round((box.x + box.w) * w), y0 = Math.round(box.y * h), bh = box.h * h;
  const n = x1 - x0;
  if (n < 12 || bh < 6) return null;
  // the outline's top per column (NaN where the column is empty), smoothed over 3 % of its width
  const raw = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) for (let y = y0; y < h; y++) if (mask[y * w + x0 + i]) { raw[i] = y; break; }
  const k = Math.max(1, Math.round(0.015 * n));
  const top = Array.from(raw, (_, i) => {
    let t = 0, c = 0;
    for (let j = Math.max(0, i - k); j <= Math.min(n - 1, i + k); j++) if (Number.isFinite(raw[j]!)) { t += raw[j]!; c++; }
    return c ? t / c : NaN;
  });
  const end = Math.max(2, Math.round(END * n));
  const middle = top.slice(end, n - end).filter(Number.isFinite).sort((p, q) => p - q);
  if (!middle.length) return null;
  const back = middle[middle.length >> 1]!;
  // each end's highest column and how far it rises above the back (px, up is positive)
  const highest = (from: number, to: number) => {
    let at = -1;
    for (let i = from; i < to; i++) if (Number.isFinite(top[i]!) && (at < 0 || top[i]! < top[at]!)) at = i;
    return at < 0 ? null : { at, rise: back - top[at]! };
  };
  const left = highest(0, end), right = highest(n - end, n);
  if (!left || !right) return null;
  const [head, other, cut] = left.rise > right.rise ? [left, right, s.cut[3]] : [right, left, s.cut[1]];
  if (head.rise < MIN_RISE * bh || other.rise > 0 || cut > CUT) return null;
  // the raised part: the columns round the highest whose top stays above half the rise
  const half = top[head.at]! + head.rise / 2;
  let a = head.at, b = head.at;
  while (a > 0 && top[a - 1]! <= half) a--;
  while (b < n - 1 && top[b + 1]! <= half) b++;
  const size = (b - a + 1) / w;
  return { x: (x0 + (a + b + 1) / 2) / w, y: top[head.at]! / h + (size * aspect) / 2, size };
}
