/**
 * The background behind an acting part, synthesised again at (near) full resolution. The layered
 * scene fills the whole hole behind a subject on a raster ~W/320 times smaller (layers.ts), which
 * is fine where only a parallax sliver of it is ever seen; but where a waving hand or a turning
 * head uncovers it in place, that fill is seen whole, and its copies of small-raster pixels show
 * as blocks. Here the part of the hole a moving part can uncover (what the part itself covered:
 * the zone) is filled again on a crop around it, at a scale that keeps it to about ten thousand
 * pixels, from the crop's own background (colours and texture from right beside it), carried
 * up to full resolution with no step at its rim (./refine-map.ts, ./rim-seam.ts), its grain then matched
 * to that background's. The rest of the hole keeps the coarse fill and is read as
 * known context, never copied.
 *
 * @example await refineReveal(back, W, H, hole, parts, seed) // back: the background layer, RGBA, in place
 */
import type { ActingParts } from '../characters/acting-parts.js';
import { footprintAny, shrink } from './outpaint.js';
import { refineSourceMap } from './refine-map.js';
import { closeRim } from './rim-seam.js';
import { invertMask, synthesize } from './synthesize.js';
import { boxBlur } from '../../analyze/filters.js';
import { dilate } from '../../analyze/dilate.js';
import { IN_MATTE } from './subject-coverage.js';

/** at most about this many zone pixels on the working raster (cost grows with them) */
const ZONE_PIXELS = 9000;

/**
 * 1 where a moving part can uncover the hole: what the part itself covered (the rest of the
 * subject stays and keeps covering its own) — the arm's pixels, within a limb's width of its bones
 * and a hand's reach past the wrist; a head's, within its ellipse and a little more. With how many
 * pixels it has and their bounding box.
 */
function revealZone(hole: Uint8Array, W: number, H: number, parts: ActingParts): { zone: Uint8Array; count: number; box: [number, number, number, number] } {
  const zone = new Uint8Array(W * H), box: [number, number, number, number] = [W, H, -1, -1];
  let count = 0;
  const mark = (x0: number, y0: number, x1: number, y1: number, inside: (x: number, y: number) => boolean) => {
    for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(H - 1, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x <= Math.min(W - 1, Math.ceil(x1)); x++) {
        const i = y * W + x;
        if (!hole[i] || zone[i] || !inside(x, y)) continue;
        zone[i] = 1;
        count++;
        if (x < box[0]) box[0] = x; if (y < box[1]) box[1] = y; if (x > box[2]) box[2] = x; if (y > box[3]) box[3] = y;
      }
    }
  };
  const segment = (x: number, y: number, a: readonly number[], b: readonly number[]) => {
    const vx = b[0]! - a[0]!, vy = b[1]! - a[1]!, l2 = Math.max(1e-6, vx * vx + vy * vy);
    const t = Math.min(1, Math.max(0, ((x - a[0]!) * vx + (y - a[1]!) * vy) / l2));
    return Math.hypot(x - a[0]! - t * vx, y - a[1]! - t * vy);
  };
  for (const arm of parts.arms) {
    const fx = arm.wrist[0] - arm.elbow[0], fy = arm.wrist[1] - arm.elbow[1], fl = Math.max(1, Math.hypot(fx, fy));
    const hand = [arm.wrist[0] + (fx / fl) * 0.3 * arm.scale, arm.wrist[1] + (fy / fl) * 0.3 * arm.scale];
    const xs = [arm.shoulder[0], arm.elbow[0], hand[0]!], ys = [arm.shoulder[1], arm.elbow[1], hand[1]!];
    const reach = 0.3 * arm.scale;
    mark(Math.min(...xs) - reach, Math.min(...ys) - reach, Math.max(...xs) + reach, Math.max(...ys) + reach,
      (x, y) => Math.min(segment(x, y, arm.shoulder, arm.elbow), segment(x, y, arm.elbow, hand)) <= reach);
  }
  for (const h of parts.heads) {
    const reach = 0.3 * h.rx;
    mark(h.cx - h.rx - reach, h.cy - h.ry - reach, h.cx + h.rx + reach, h.cy + h.ry + reach,
      (x, y) => Math.hypot((x - h.cx) / (h.rx + reach), (y - h.cy) / (h.ry + reach)) <= 1);
  }
  return { zone, count, box };
}

/**
 * The fill made no sharper than the background beside it: pixel-by-pixel copies from a soft,
 * out-of-focus background still jump between their sources, a grain the background lacks. Per
 * channel, the fill's detail (what a blur of radius r takes away) is scaled by the ratio of the
 * background's mean detail to the fill's (never up).
 */
function matchDetail(rgba: Uint8Array, w: number, h: number, fill: Uint8Array, background: Uint8Array, r: number): void {
  for (let c = 0; c < 3; c++) {
    const ch = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++) ch[i] = rgba[i * 4 + c]!;
    const soft = boxBlur(boxBlur(ch, w, h, r), w, h, r);
    let eb = 0, nb = 0, ef = 0, nf = 0;
    for (let i = 0; i < w * h; i++) {
      const e = Math.abs(ch[i]! - soft[i]!);
      if (fill[i]) { ef += e; nf++; } else if (background[i]) { eb += e; nb++; }
    }
    if (!nf || !nb || ef === 0) continue;
    const k = Math.min(1, eb / nb / (ef / nf));
    for (let i = 0; i < w * h; i++) if (fill[i]) rgba[i * 4 + c] = Math.round(soft[i]! + (ch[i]! - soft[i]!) * k);
  }
}

/**
 * The zone filled again, in place in `back`. With no parallax (`matte` given), a moved part shows
 * the background only where its matte was (the renderer keeps the input beyond it), so there the
 * fill reaches the matte's edge (and one pixel more) and no further: between it and the hole's rim
 * the zone keeps the picture `rgba`, and the fill meets that picture at the matte's edge with no
 * step — not at the hole's rim a few pixels out, which an action in place never shows (there the
 * fill's own tone stood against the picture kept beside it: the outline of where the hand was).
 * Under parallax (`matte` null) the layers slide and the whole hole may show: the fill fills it.
 */
export async function refineReveal(back: Uint8Array, rgba: Uint8Array, W: number, H: number, hole: Uint8Array, matte: Uint8Array | null, parts: ActingParts, seed: number): Promise<void> {
  const { zone, count, box } = revealZone(hole, W, H, parts);
  if (!count) return;
  let [x0, y0, x1, y1] = box;
  const f = Math.max(1, Math.ceil(Math.sqrt(count / ZONE_PIXELS)));
  // the crop: the zone and enough background round it to copy from
  const m = Math.max(16 * f, Math.round(0.15 * Math.max(x1 - x0, y1 - y0)));
  x0 = Math.max(0, x0 - m); y0 = Math.max(0, y0 - m); x1 = Math.min(W - 1, x1 + m); y1 = Math.min(H - 1, y1 + m);
  const cw = x1 - x0 + 1, ch = y1 - y0 + 1;
  const crop = new Uint8Array(cw * ch * 4), cropZone = new Uint8Array(cw * ch), cropSource = new Uint8Array(cw * ch);
  const inMatte = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    const row = (y + y0) * W + x0;
    crop.set(back.subarray(row * 4, (row + cw) * 4), y * cw * 4);
    for (let x = 0; x < cw; x++) { cropZone[y * cw + x] = zone[row + x]!; cropSource[y * cw + x] = hole[row + x] ? 0 : 1; inMatte[y * cw + x] = !matte || matte[row + x]! >= IN_MATTE * 255 ? 1 : 0; }
  }

  const w = Math.max(8, Math.round(cw / f)), h = Math.max(8, Math.round(ch / f));
  const small = f === 1 ? crop.slice() : await shrink(crop, cw, ch, w, h);
  const sZone = f === 1 ? cropZone : footprintAny(cropZone, cw, ch, w, h);
  // a small pixel may be copied only when all of it is background (none of the hole in it)
  const sSource = new Uint8Array(w * h);
  const cropHole = invertMask(cropSource), sHole = f === 1 ? cropHole : footprintAny(cropHole, cw, ch, w, h);
  for (let i = 0; i < w * h; i++) sSource[i] = sHole[i] ? 0 : 1;
  const map = synthesize(small, 4, w, h, sZone, sSource, { seed, radius: 3, tries: 12, objectsAsSources: 'adjoining' });
  // carried up to full resolution with no blocks, meeting what is round it with no step (as everywhere
  // a fill is made: ./refine-map.ts, ./rim-seam.ts)
  const from = refineSourceMap(crop, 4, cw, ch, cropZone, cropSource, map, { seed });
  // the zone past the matte's edge keeps the picture; the fill (the matte and a pixel more) meets it there
  const reached = dilate(inMatte, cw, ch, 1), seen = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    const k = y * cw + x;
    if (!cropZone[k]) continue;
    if (reached[k]) { seen[k] = 1; continue; }
    const o = ((y + y0) * W + x0 + x) * 4;
    crop.set(rgba.subarray(o, o + 4), k * 4);
  }
  closeRim(crop, 4, cw, ch, seen, from);
  matchDetail(crop, cw, ch, seen, cropSource, Math.max(2, 2 * f));
  for (let y = 0; y < ch; y++) {
    const row = (y + y0) * W + x0;
    for (let x = 0; x < cw; x++) if (cropZone[y * cw + x]) back.set(crop.subarray((y * cw + x) * 4, (y * cw + x) * 4 + 4), (row + x) * 4);
  }
}
