/**
 * An animal's ears: the parts of its outline that stand up above its head. The head is where its
 * eyes are, or where its outline shows it (outline-head.ts); the outline is traced twice — round
 * the head at the picture's own resolution (head-window.ts: a small ear is a few pixels there),
 * and, where that finds none, on the region's silhouette. Over the columns a head-and-a-half
 * either side of the head the outline's top is traced up from the head's line, and an ear is a
 * peak of that profile that rises clearly above the dips beside it (its prominence at least a
 * fifth of the head's scale, the eyes' spacing) and is narrow (at most that scale across at half
 * its height). Where the outline runs into the edge of what was traced it is not seen, and a peak
 * right beside such a column is not judged (the ear may be cut off), nor one with the same colour
 * beside it as in it (a gap in the colour silhouette). Its base is where the ear widens into the
 * head; its confidence grows with its prominence (sure from half the head's scale).
 *
 * @example
 *   animalEars(scene.image, silhouette, rgb, { x, y, scale }) // → [{ tip: { x, y }, base: { x, y }, width, confidence }] (normalised)
 */
import type { RgbImage } from '../../scene.js';
import { headWindow, type HeadAt } from './head-window.js';
import type { Silhouette } from './silhouette.js';

export interface AnimalEar {
  /** the ear's tip and the middle of its base, normalised */
  tip: { x: number; y: number };
  base: { x: number; y: number };
  /** the base's width, fraction of the picture's width */
  width: number;
  /** 0…1: how clearly it stands above the dips beside it */
  confidence: number;
}

/** the least prominence of an ear, and the prominence of a sure one, in head scales */
const MIN_PROMINENCE = 0.2;
const SURE_PROMINENCE = 0.5;
/** and at least this many pixels of its raster: a step of a pixel or two is the colours' noise */
const MIN_PIXELS = 4;
/** the highest an ear's tip stands above the head's line, in head scales (the ones found: 1.1–2.2) */
const HIGHEST = 3;
/**
 * the lowest an ear's tip stands above the head's line, in head scales: an ear stands on the head's
 * top, well above the eyes (a bump at the eyes' height is an eye bulging from the outline, a
 * cartoon fish's)
 */
const LOWEST = 0.5;
/** the tallest gap in the outline that is still the animal, in head scales */
const MAX_GAP = 0.2;
/** the least prominence of an ear for its width at half that height */
const SHARP = 0.5;
/** how far either side of a peak its dips are looked for, in head scales */
const NEAR = 0.6;
/** how far above the head's line an ear beside the head may start, in head scales */
const BESIDE = 0.6;

/** A peak of one outline, in that raster's pixels. */
interface Peak { tip: [number, number]; base: [number, number]; width: number; prominence: number }

/**
 * `silhouette` null: only the outline round the head is read (a head placed from the region's
 * silhouette itself, whose bumps are what placed it, is not given ears by them too).
 */
export function animalEars(image: RgbImage, silhouette: Silhouette | null, rgb: Uint8Array, head: HeadAt): AnimalEar[] {
  const ear = (p: Peak, scale: number, toX: (x: number) => number, toY: (y: number) => number, unit: number): AnimalEar => ({
    tip: { x: toX(p.tip[0]), y: toY(p.tip[1]) }, base: { x: toX(p.base[0]), y: toY(p.base[1]) },
    width: p.width * unit, confidence: Math.min(1, p.prominence / (SURE_PROMINENCE * scale)),
  });
  // round the head at full resolution, where the head stands apart from what lies round it
  const local = headWindow(image, head);
  if (local) {
    const s = local.silhouette, sx = (local.x1 - local.x0) / s.width, sy = (local.y1 - local.y0) / s.height;
    const scale = (head.scale * s.width) / (local.x1 - local.x0);
    const peaks = outlinePeaks(s, local.rgb, (head.x - local.x0) / sx, (head.y - local.y0) / sy, scale);
    if (peaks.length) return peaks.map((p) => ear(p, scale, (x) => local.x0 + x * sx, (y) => local.y0 + y * sy, sx));
  }
  // else on the region's silhouette
  if (!silhouette) return [];
  const scale = head.scale * silhouette.width;
  return outlinePeaks(silhouette, rgb, head.x * silhouette.width, head.y * silhouette.height, scale)
    .map((p) => ear(p, scale, (x) => x / silhouette.width, (y) => y / silhouette.height, 1 / silhouette.width));
}

/** The two most prominent ear peaks of a silhouette's outline above a head at (hx, hy) of scale `spacing` (raster px), image-left first. */
function outlinePeaks(silhouette: Silhouette, rgb: Uint8Array, hx: number, hy: number, spacing: number): Peak[] {
  const { mask, width: w, height: h } = silhouette;
  if (spacing < 4) return [];
  const x0 = Math.max(0, Math.round(hx - 1.6 * spacing)), x1 = Math.min(w - 1, Math.round(hx + 1.6 * spacing));
  const yEyes = Math.min(h - 1, Math.max(0, Math.round(hy)));
  // gaps this tall are fur, not background: a pixel or two, or the pale inside of an ear ringed
  // by its darker rim (a fifth of the head's scale)
  const allowed = Math.max(2, Math.round(MAX_GAP * spacing));
  const top: number[] = [];
  for (let x = x0; x <= x1; x++) {
    // up from the eyes' line while on the animal (from a little above it beside the head, where
    // an ear leans out past the cheek)
    let y = yEyes;
    const lowest = Math.max(0, yEyes - Math.round(BESIDE * spacing));
    while (y > lowest && !mask[y * w + x]) y--;
    if (!mask[y * w + x]) { top.push(NaN); continue; }
    let gap = 0, last = y;
    for (; y >= 0; y--) {
      if (mask[y * w + x]) { last = y; gap = 0; } else if (++gap > allowed) break;
    }
    // run into the picture's top edge, or higher than any ear stands above the eyes (into
    // something of the fur's colours behind the head): this column's outline is not seen
    top.push((y < 0 && last <= 1) || yEyes - last > HIGHEST * spacing ? NaN : last);
  }
  // the profile's height above the eyes, smoothed over 3 columns
  const height = top.map((t, i) => {
    if (!Number.isFinite(t)) return NaN;
    const near = [top[i - 1], t, top[i + 1]].filter((v): v is number => v !== undefined && Number.isFinite(v));
    return yEyes - near.reduce((a, b) => a + b, 0) / near.length;
  });
  const ears: Peak[] = [];
  for (let i = 1; i < height.length - 1; i++) {
    const v = height[i]!;
    if (!(v >= height[i - 1]! && v > height[i + 1]!) || v < LOWEST * spacing) continue;
    // prominence: down to the lowest point before a higher peak (or the profile's end, or the
    // ear's own neighbourhood: an ear on a head stands above the head's top beside it, however
    // low the outline falls further off) on each side
    let left = v, right = v, l = i, r = i;
    // (an unseen column ends the walk like a higher peak)
    const near = Math.max(2, Math.round(NEAR * spacing));
    for (l = i - 1; l >= Math.max(0, i - near) && height[l]! <= v; l--) left = Math.min(left, height[l]!);
    for (r = i + 1; r <= Math.min(height.length - 1, i + near) && height[r]! <= v; r++) right = Math.min(right, height[r]!);
    if ((l >= 0 && Number.isNaN(height[l]!) && i - l <= 2) || (r < height.length && Number.isNaN(height[r]!) && r - i <= 2)) continue;
    const floor = Math.max(left, right), prominence = v - floor;
    if (prominence < Math.max(MIN_PROMINENCE * spacing, MIN_PIXELS)) continue;
    // narrow: its width at half its prominence, and its base where it meets the floor
    const half = floor + prominence / 2;
    let a = i, b = i;
    while (a > 0 && height[a - 1]! >= half) a--;
    while (b < height.length - 1 && height[b + 1]! >= half) b++;
    // (and pointed: a rounded crown as wide as it rises is the head's top, not an ear)
    if (b - a + 1 > spacing || prominence < SHARP * (b - a + 1)) continue;
    // an ear stands against something else: beside it at half its height, on both sides, the
    // colour differs from the ear's own (a bay in the outline with the same fur beside it is a
    // gap the colour silhouette left, not an ear)
    const yHalf = Math.max(0, Math.min(h - 1, Math.round(yEyes - half)));
    const colour = (x: number) => { const k = 3 * (yHalf * w + Math.max(0, Math.min(w - 1, x0 + x))); return [rgb[k]! / 255, rgb[k + 1]! / 255, rgb[k + 2]! / 255]; };
    const inner = colour(Math.round((a + b) / 2)), gapX = Math.max(2, Math.round(0.15 * spacing));
    const apart = (x: number) => { const c = colour(x); return Math.hypot(c[0]! - inner[0]!, c[1]! - inner[1]!, c[2]! - inner[2]!); };
    if (Math.min(apart(a - gapX), apart(b + gapX)) < 0.12) continue;
    // the base: where the ear meets the head, at the dips beside it (a twentieth of the way up)
    const baseLevel = floor + 0.05 * prominence;
    let ba = i, bb = i;
    // (no wider than twice its width at half height: past that the head's top is as high)
    const reach = b - a + 1;
    while (ba > Math.max(0, a - reach) && height[ba - 1]! > baseLevel) ba--;
    while (bb < Math.min(height.length - 1, b + reach) && height[bb + 1]! > baseLevel) bb++;
    ears.push({ tip: [x0 + i + 0.5, yEyes - v + 0.5], base: [x0 + (ba + bb) / 2 + 0.5, yEyes - baseLevel + 0.5], width: bb - ba + 1, prominence });
  }
  // the two most prominent, image-left first
  return ears.sort((p, q) => q.prominence - p.prominence).slice(0, 2).sort((p, q) => p.tip[0] - q.tip[0]);
}
