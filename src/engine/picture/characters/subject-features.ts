/**
 * A living subject's rig features from its region alone (no landmarks): the region is the body
 * that breathes; its head is taken in the region's upper part (a subject photographed whole
 * carries its head high; a close-up is mostly head), with a muzzle/jaw line low in the head. The
 * shape is the face rig's (FaceFeatures), so the same warps move a head, turn it and open a jaw;
 * where the analysis found the eyes (or, without them, the head from the outline) the head is there;
 * its lids close only over eyes the analysis found (the plan subject's `eyes`), and its brows never move.
 *
 * @example
 *   subjectFeatures({ x: 0.3, y: 0.2, w: 0.4, h: 0.6 }, 640, 480, 320, 240, 0, 0, 320, 240)
 */
import type { PlanSubject } from '../../plan.js';
import { fitMap } from '../setup/fit.js';
import { headSize } from '../../analyze/animals/body.js';
import type { FaceFeatures } from './types.js';

export function subjectFeatures(box: PlanSubject['box'], imageWidth: number, imageHeight: number, W: number, H: number, marginX: number, marginY: number, canvasWidth: number, canvasHeight: number, eyes?: PlanSubject['eyes'], ears?: PlanSubject['ears'], tail?: PlanSubject['tail'], head?: PlanSubject['head']): FaceFeatures | null {
  const map = fitMap(imageWidth, imageHeight, W, H);
  const toCanvas = (u: number, v: number) => { const [x, y] = map(u, v); return [marginX + x * W - 0.5, marginY + y * H - 0.5] as const; };
  const [u0, v0] = map(box.x, box.y), [u1, v1] = map(box.x + box.w, box.y + box.h);
  const x0 = Math.max(0, marginX + u0 * W), y0 = Math.max(0, marginY + v0 * H);
  const x1 = Math.min(canvasWidth - 1, marginX + u1 * W), y1 = Math.min(canvasHeight - 1, marginY + v1 * H);
  const bw = x1 - x0, bh = y1 - y0;
  if (!(bw > 8 && bh > 8)) return null;
  // the head: round the eyes where they were found; else a close-up (a squat region) is mostly
  // head, and a tall region carries it in its top part
  const tall = bh > 1.2 * bw;
  const byRegion = { fw: (tall ? 0.55 : 0.7) * bw, fh: (tall ? 0.32 : 0.6) * bh, cx: x0 + bw / 2, cy: y0 + (tall ? 0.2 : 0.38) * bh };
  const { fw, fh, cx, cy } = (eyes?.length ? headAroundEyes(eyes, toCanvas, byRegion.fw) : head ? headFromOutline(head, toCanvas) : null) ?? byRegion;
  const mw = 0.36 * fw, my = cy + 0.28 * fh;
  return {
    roi: [Math.max(0, Math.floor(cx - 0.8 * fw)), Math.max(0, Math.floor(cy - 0.75 * fh)), Math.min(canvasWidth - 1, Math.ceil(cx + 0.8 * fw)), Math.min(canvasHeight - 1, Math.ceil(cy + 0.9 * fh))],
    cx, cy, fw, fh, pivotX: cx, pivotY: cy + 0.75 * fh,
    eyes: eyes?.length ? animalEyes(eyes, toCanvas) : [{ cx: cx - 0.2 * fw, a: 1.5, upper: cy, lower: cy + 1.5 }, { cx: cx + 0.2 * fw, a: 1.5, upper: cy, lower: cy + 1.5 }],
    brow: { x0: cx - 0.3 * fw, x1: cx + 0.3 * fw, y: cy - 0.2 * fh },
    mouth: { x0: cx - mw / 2, x1: cx + mw / 2, lx: cx - 0.4 * mw, ly: my, rx: cx + 0.4 * mw, ry: my, cx, cy: my, chin: my + 0.22 * fh, gap0: 0 },
    body: [x0, y0, x1, y1],
    ...(ears?.length ? { ears: ears.map((e) => ({ tip: [...toCanvas(e.tip.x, e.tip.y)] as [number, number], base: [...toCanvas(e.base.x, e.base.y)] as [number, number], width: toCanvas(e.base.x + e.width, e.base.y)[0] - toCanvas(e.base.x, e.base.y)[0] })) } : {}),
    ...(tail ? { tail: { base: [...toCanvas(tail.base.x, tail.base.y)] as [number, number], tip: [...toCanvas(tail.tip.x, tail.tip.y)] as [number, number], width: toCanvas(tail.base.x + tail.width, tail.base.y)[0] - toCanvas(tail.base.x, tail.base.y)[0] } } : {}),
  };
}

/**
 * An animal's head placed by its found eyes (canvas px): two eyes sit a little above the middle of
 * it, its size analysis's rule (analyze/animals/body.ts headSize: a mammal's eye is roughly a sixth
 * of its head's length). Never larger than the head the region alone would give.
 */
function headAroundEyes(eyes: NonNullable<PlanSubject['eyes']>, toCanvas: (u: number, v: number) => readonly [number, number], most: number): { fw: number; fh: number; cx: number; cy: number } | null {
  const at = eyes.slice(0, 2).map((e) => { const [x, y] = toCanvas(e.x, e.y), [xr] = toCanvas(e.x + e.r, e.y); return { x, y, r: Math.max(1, xr - x) }; });
  const size = Math.min(most, headSize(at));
  if (!(size > 8)) return null;
  const ex = at.reduce((t, e) => t + e.x, 0) / at.length, ey = at.reduce((t, e) => t + e.y, 0) / at.length;
  return { fw: size, fh: size, cx: ex, cy: ey + 0.1 * size };
}

/** An animal's head found from its outline (no eyes), in canvas px. */
function headFromOutline(head: NonNullable<PlanSubject['head']>, toCanvas: (u: number, v: number) => readonly [number, number]): { fw: number; fh: number; cx: number; cy: number } | null {
  const [cx, cy] = toCanvas(head.x, head.y), size = toCanvas(head.x + head.size, head.y)[0] - cx;
  return size > 8 ? { fw: size, fh: size, cx, cy } : null;
}

/**
 * An animal's found eyes as the lid rig's eyes (canvas px): a lid spans the eye's width and its
 * height, and sweeps the fur above it down over it. One eye (a profile) leaves the second slot
 * far outside the canvas, so nothing there moves.
 */
/** how far the lid reaches beyond the found eye's radius */
export const EYE_EXTENT = 1.1;

function animalEyes(eyes: NonNullable<PlanSubject['eyes']>, toCanvas: (u: number, v: number) => readonly [number, number]): FaceFeatures['eyes'] {
  const out = eyes.slice(0, 2).map((e) => {
    const [x, y] = toCanvas(e.x, e.y), [xr] = toCanvas(e.x + e.r, e.y);
    // the finder's radius is the eye's darkest core (a pupil, or the dark of an eye in shadow):
    // the lid covers the eye around it too, so no rim of iris is left beside a closed lid
    const r = EYE_EXTENT * Math.max(1, xr - x);
    // the fur above the eye the lid is drawn from (canvas px), where the analysis measured it
    const room = e.room === undefined ? undefined : toCanvas(0, e.room)[1] - toCanvas(0, 0)[1];
    return { cx: x, a: 1.15 * r, upper: y - r, lower: y + r, ...(room !== undefined ? { room } : {}) };
  });
  while (out.length < 2) out.push({ cx: -1e6, a: 1, upper: -1e6, lower: -1e6 + 1 });
  return out;
}
