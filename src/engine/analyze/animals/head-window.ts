/**
 * The outline round an animal's head at the picture's own resolution: the colour silhouette
 * (silhouette.ts) of a window round the head alone — the head's fur against what lies round it
 * there — rather than of the whole region at a quarter of the analysis raster, where an ear a
 * few pixels tall (a cheetah's, on a head 116 px across in a 1024 px picture) is one bump of a
 * pixel or two. The window reaches three head-scales above the head's centre, 2.6 either side
 * and 1.5 below; it is read at most 320 px on its long side. The outline is the head's own only
 * where the head stands against other colours in its window: the silhouette leaves most of the
 * window and does not run into its top (one that took the wall or the sky behind the head too has
 * no outline to read: null).
 *
 * @example
 *   const local = headWindow(scene.image, { x: 0.15, y: 0.33, scale: 0.057 });
 *   local?.silhouette.mask // 0/1 per pixel of the window; local.x0 … place it in the picture
 */
import type { RgbImage } from '../../scene.js';
import { downsampleRgb } from '../resample.js';
import { animalSilhouette, type Silhouette } from './silhouette.js';

/** Where a head is: its centre (the eyes' line for eyes found) and its scale (the eyes' spacing), normalised to the picture's width. */
export interface HeadAt { x: number; y: number; scale: number }

export interface HeadWindow {
  silhouette: Silhouette;
  rgb: Uint8Array;
  /** the window in the picture, normalised */
  x0: number; y0: number; x1: number; y1: number;
}

const LONG_SIDE = 320;
/** the most of its window a head's own outline covers, and of the window's top it touches */
const MAX_FILL = 0.4;
const MAX_TOP_CUT = 0.1;

export function headWindow(image: RgbImage, head: HeadAt): HeadWindow | null {
  const { width: W, height: H, data } = image;
  const s = head.scale * W, cx = head.x * W, cy = head.y * H;
  const X0 = Math.max(0, Math.round(cx - 2.6 * s)), X1 = Math.min(W, Math.round(cx + 2.6 * s));
  const Y0 = Math.max(0, Math.round(cy - 3 * s)), Y1 = Math.min(H, Math.round(cy + 1.5 * s));
  const cw = X1 - X0, ch = Y1 - Y0;
  if (cw < 16 || ch < 16) return null;
  const crop = new Uint8Array(cw * ch * 3);
  for (let y = 0; y < ch; y++) crop.set(data.subarray(3 * ((Y0 + y) * W + X0), 3 * ((Y0 + y) * W + X1)), 3 * y * cw);
  const k = Math.min(1, LONG_SIDE / Math.max(cw, ch));
  const w = Math.max(1, Math.round(cw * k)), h = Math.max(1, Math.round(ch * k));
  const rgb = k < 1 ? downsampleRgb(crop, cw, ch, w, h) : crop;
  // the head: 1.6 scales either side of its centre, from 2 above to 1 below (its ears in its box,
  // the seeds for its colours in the box's middle, the background's beyond the box)
  const box = { x: (cx - 1.6 * s - X0) / cw, y: (cy - 2 * s - Y0) / ch, w: (3.2 * s) / cw, h: (3 * s) / ch };
  const silhouette = animalSilhouette(rgb, w, h, box, new Float32Array(w * h));
  if (!silhouette) return null;
  let on = 0;
  for (let i = 0; i < silhouette.mask.length; i++) on += silhouette.mask[i]!;
  if (on > MAX_FILL * silhouette.mask.length || silhouette.cut[0] > MAX_TOP_CUT) return null;
  return { silhouette, rgb, x0: X0 / W, y0: Y0 / H, x1: X1 / W, y1: Y1 / H };
}
