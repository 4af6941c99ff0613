/**
 * The one rule for "the subject is too big for layers": when the subject's hole (its matte, grown
 * past its soft edge) takes more than MOST_COVERED of the frame, too little background is left to
 * synthesise behind it and the picture moves as one sheet. The renderer applies it to the hole it
 * cuts at the output size (layers.ts); the director reads the same hole on the analysis raster to
 * say so in the plan (direct/picture/camera/note-single-sheet.ts).
 *
 * @example if (coversTooMuch(holePixels, W * H)) return null
 */
import { dilate } from '../../analyze/dilate.js';

/** the share of the frame the subject's hole may take and still leave a background to synthesise behind it */
export const MOST_COVERED = 0.7;
/** a matte value (0…1) above this is the subject's (its faintest soft edge included) */
export const IN_MATTE = 5 / 255;

/** how far the hole reaches past the matte's soft edge, in px of a raster `width` wide (no halo stays behind) */
export function holeReach(width: number): number {
  return Math.max(1, Math.round(width / 320));
}

export function coversTooMuch(holePixels: number, framePixels: number): boolean {
  return holePixels > MOST_COVERED * framePixels;
}

/** The share of the frame the hole of a 0…1 matte (w×h) takes: its pixels above IN_MATTE, grown by holeReach. */
export function holeShare(matte: Float32Array, w: number, h: number): number {
  const core = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) core[i] = matte[i]! > IN_MATTE ? 1 : 0;
  const hole = dilate(core, w, h, holeReach(w));
  let pixels = 0;
  for (let i = 0; i < w * h; i++) pixels += hole[i]!;
  return pixels / (w * h);
}
