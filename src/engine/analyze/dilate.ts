/**
 * Dilation of a 0/1 mask: an object's rim taken with it (distinctiveness.ts), the subject's hole
 * grown past its soft edge (picture/setup/layers.ts), the matte's gaps closed behind it
 * (picture/setup/layer-nearness.ts).
 *
 * @example const hole = dilate(core, 1920, 1080, 6)
 */

/**
 * Max filter of a 0/1 mask over a (2r+1)² square (separable). A row and a column are each a call:
 * V8 then compiles the short loops with what every one of them has met, where a long loop compiled
 * while it ran threw its code away at the next loop (up to a dozen times a clip; same results).
 */
export function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const tmp = new Uint8Array(w * h), out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) dilateRow(mask, tmp, y * w, w, r);
  for (let x = 0; x < w; x++) dilateColumn(tmp, out, x, w, h, r);
  return out;
}

/** row `row` (its first pixel's index) of `mask` dilated by r into `tmp` */
function dilateRow(mask: Uint8Array, tmp: Uint8Array, row: number, w: number, r: number): void {
  let last = -1e9;
  for (let x = 0; x < w; x++) if (mask[row + x]) last = x; else if (x - last <= r) tmp[row + x] = 1;
  last = 1e9;
  for (let x = w - 1; x >= 0; x--) { if (mask[row + x]) { last = x; tmp[row + x] = 1; } else if (last - x <= r) tmp[row + x] = 1; }
}

/** column x of `tmp` dilated by r into `out` */
function dilateColumn(tmp: Uint8Array, out: Uint8Array, x: number, w: number, h: number, r: number): void {
  let last = -1e9;
  for (let y = 0; y < h; y++) if (tmp[y * w + x]) { last = y; out[y * w + x] = 1; } else if (y - last <= r) out[y * w + x] = 1;
  last = 1e9;
  for (let y = h - 1; y >= 0; y--) if (tmp[y * w + x]) last = y; else if (last - y <= r) out[y * w + x] = 1;
}
