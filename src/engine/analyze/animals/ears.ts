/**
 * An animal's ears: the points of its silhouette's outline that stand up above its head. The head
 * is where its eyes are; over the columns a head-and-a-half either side of them the outline's top
 * is traced up from the eyes' line, and an ear is a peak of that profile that rises clearly above
 * the dips beside it (its prominence at least a third of the eyes' spacing) and is narrow (at most
 * the eyes' spacing across at half that height). Where the outline runs into the picture's top
 * edge it is not seen, and a peak right beside such a column is not judged (the ear may be cut
 * off), nor one with the same colour beside it as in it (a gap in the colour silhouette). Its
 * base is where the ear widens into the head.
 *
 * @example
 *   animalEars(silhouette, rgb, eyes) // → [{ tip: { x, y }, base: { x, y }, width }] (normalised)
 */
import type { AnimalEye } from './eyes.js';
import type { Silhouette } from './silhouette.js';

export interface AnimalEar {
  /** the ear's tip and the middle of its base, normalised */
  tip: { x: number; y: number };
  base: { x: number; y: number };
  /** the base's width, fraction of the picture's width */
  width: number;
}

export function animalEars(silhouette: Silhouette, rgb: Uint8Array, eyes: readonly AnimalEye[]): AnimalEar[] {
  const { mask, width: w, height: h } = silhouette;
  if (!eyes.length) return [];
  const ex = eyes.reduce((s, e) => s + e.x, 0) / eyes.length, ey = eyes.reduce((s, e) => s + e.y, 0) / eyes.length;
  // the eyes' spacing (one eye: about five of its radii), in raster px
  const spacing = (eyes.length === 2 ? Math.abs(eyes[1]!.x - eyes[0]!.x) : 5 * eyes[0]!.r) * w;
  if (spacing < 4) return [];
  const x0 = Math.max(0, Math.round(ex * w - 1.6 * spacing)), x1 = Math.min(w - 1, Math.round(ex * w + 1.6 * spacing));
  const yEyes = Math.min(h - 1, Math.round(ey * h));
  const top: number[] = [];
  for (let x = x0; x <= x1; x++) {
    // up from the eyes' line while on the animal (gaps of a pixel or two are fur, not background)
    let y = yEyes;
    if (!mask[y * w + x]) { top.push(NaN); continue; }
    let gap = 0, last = y;
    for (; y >= 0; y--) {
      if (mask[y * w + x]) { last = y; gap = 0; } else if (++gap > 2) break;
    }
    // run into the picture's top edge: this column's outline is not seen
    top.push(y < 0 && last <= 1 ? NaN : last);
  }
  // the profile's height above the eyes, smoothed over 3 columns
  const height = top.map((t, i) => {
    if (!Number.isFinite(t)) return NaN;
    const near = [top[i - 1], t, top[i + 1]].filter((v): v is number => v !== undefined && Number.isFinite(v));
    return yEyes - near.reduce((a, b) => a + b, 0) / near.length;
  });
  const ears: Array<AnimalEar & { prominence: number }> = [];
  for (let i = 1; i < height.length - 1; i++) {
    const v = height[i]!;
    if (!(v >= height[i - 1]! && v > height[i + 1]!)) continue;
    // prominence: down to the lowest point before a higher peak (or the profile's end) on each side
    let left = v, right = v, l = i, r = i;
    // (an unseen column ends the walk like a higher peak)
    for (l = i - 1; l >= 0 && height[l]! <= v; l--) left = Math.min(left, height[l]!);
    for (r = i + 1; r < height.length && height[r]! <= v; r++) right = Math.min(right, height[r]!);
    if ((l >= 0 && Number.isNaN(height[l]!) && i - l <= 2) || (r < height.length && Number.isNaN(height[r]!) && r - i <= 2)) continue;
    const floor = Math.max(left, right), prominence = v - floor;
    if (prominence < spacing / 3) continue;
    // narrow: its width at half its prominence, and its base where it meets the floor
    const half = floor + prominence / 2;
    let a = i, b = i;
    while (a > 0 && height[a - 1]! >= half) a--;
    while (b < height.length - 1 && height[b + 1]! >= half) b++;
    if (b - a + 1 > spacing) continue;
    // an ear stands against something else: beside it at half its height, on both sides, the
    // colour differs from the ear's own (a bay in the outline with the same fur beside it is a
    // gap the colour silhouette left, not an ear)
    const yHalf = Math.max(0, Math.min(h - 1, Math.round(yEyes - half)));
    const colour = (x: number) => { const k = 3 * (yHalf * w + Math.max(0, Math.min(w - 1, x0 + x))); return [rgb[k]! / 255, rgb[k + 1]! / 255, rgb[k + 2]! / 255]; };
    const inner = colour(Math.round((a + b) / 2)), gapX = Math.max(2, Math.round(0.15 * spacing));
    const apart = (x: number) => { const c = colour(x); return Math.hypot(c[0]! - inner[0]!, c[1]! - inner[1]!, c[2]! - inner[2]!); };
    if (Math.min(apart(a - gapX), apart(b + gapX)) < 0.12) continue;
    // the base: where the ear widens into the head, 30 % of the way up from the dips
    const baseLevel = floor + 0.3 * prominence;
    let ba = i, bb = i;
    while (ba > 0 && height[ba - 1]! > baseLevel) ba--;
    while (bb < height.length - 1 && height[bb + 1]! > baseLevel) bb++;
    ears.push({
      tip: { x: (x0 + i + 0.5) / w, y: (yEyes - v + 0.5) / h },
      base: { x: (x0 + (ba + bb) / 2 + 0.5) / w, y: (yEyes - baseLevel + 0.5) / h },
      width: (bb - ba + 1) / w,
      prominence,
    });
  }
  // the two most prominent, image-left first
  return ears.sort((p, q) => q.prominence - p.prominence).slice(0, 2).sort((p, q) => p.tip.x - q.tip.x).map(({ prominence: _, ...ear }) => ear);
}
