/**
 * Applies the coarse light field to the full-resolution frame: out = pixel × mul + add, with the
 * six field channels interpolated bilinearly (a row of the lattice is blended once per output row,
 * then stepped linearly along it), on packed pixels: one load and one store a pixel.
 *
 * @example composite(frame32, width, height, field, scratch)
 */
import type { LightField } from '../effects/types.js';

export interface CompositeScratch {
  /** one lattice row of the six channels, blended between two lattice rows */
  row: Float32Array;
}

export function compositeScratch(field: LightField): CompositeScratch {
  return { row: new Float32Array(field.width * 6) };
}

export function composite(px: Int32Array, width: number, height: number, field: LightField, s: CompositeScratch): void {
  const lw = field.width, lh = field.height, cell = field.cell;
  const chans = [field.mulR, field.mulG, field.mulB, field.addR, field.addG, field.addB];
  const row = s.row;
  // the lattice point i sits at output x = (i + ½)·cell − ½; pixels left of the first / right of
  // the last point take the edge value
  const first = Math.max(0, Math.ceil((cell - 1) / 2));
  for (let y = 0; y < height; y++) {
    let g = (y + 0.5) / cell - 0.5;
    g = g < 0 ? 0 : g > lh - 1 ? lh - 1 : g;
    const j = Math.min(Math.floor(g), Math.max(0, lh - 2)), wy = lh > 1 ? g - j : 0;
    const j1 = lh > 1 ? j + 1 : j;
    for (let c = 0; c < 6; c++) {
      const ch = chans[c]!;
      const a = j * lw, b = j1 * lw, base = c * lw;
      for (let i = 0; i < lw; i++) row[base + i] = ch[a + i]! + (ch[b + i]! - ch[a + i]!) * wy;
    }
    const base = y * width;
    // between lattice points the six channels change linearly: step them per pixel
    let x = 0;
    for (let i = -1; i < lw && x < width; i++) {
      const i0 = i < 0 ? 0 : i, i1 = i + 1 < lw ? i + 1 : lw - 1;
      const xEnd = i + 1 < lw ? Math.min(width, i < 0 ? first : Math.floor((i + 1.5) * cell - 0.5) + 1) : width;
      const x0 = (i0 + 0.5) * cell - 0.5, span = i0 === i1 || i < 0 ? 0 : 1 / cell;
      const u0 = span === 0 ? 0 : (x - x0) * span;
      let mr = row[i0]! + (row[i1]! - row[i0]!) * u0, dmr = (row[i1]! - row[i0]!) * span;
      let mg = row[lw + i0]! + (row[lw + i1]! - row[lw + i0]!) * u0, dmg = (row[lw + i1]! - row[lw + i0]!) * span;
      let mb = row[2 * lw + i0]! + (row[2 * lw + i1]! - row[2 * lw + i0]!) * u0, dmb = (row[2 * lw + i1]! - row[2 * lw + i0]!) * span;
      let ar = row[3 * lw + i0]! + (row[3 * lw + i1]! - row[3 * lw + i0]!) * u0 + 0.5, dar = (row[3 * lw + i1]! - row[3 * lw + i0]!) * span;
      let ag = row[4 * lw + i0]! + (row[4 * lw + i1]! - row[4 * lw + i0]!) * u0 + 0.5, dag = (row[4 * lw + i1]! - row[4 * lw + i0]!) * span;
      let ab = row[5 * lw + i0]! + (row[5 * lw + i1]! - row[5 * lw + i0]!) * u0 + 0.5, dab = (row[5 * lw + i1]! - row[5 * lw + i0]!) * span;
      for (; x < xEnd; x++) {
        const p = px[base + x]!;
        let r = (p & 255) * mr + ar, gg = ((p >> 8) & 255) * mg + ag, b = ((p >> 16) & 255) * mb + ab;
        r = r < 0 ? 0 : r > 255 ? 255 : r; gg = gg < 0 ? 0 : gg > 255 ? 255 : gg; b = b < 0 ? 0 : b > 255 ? 255 : b;
        px[base + x] = (r | 0) | ((gg | 0) << 8) | ((b | 0) << 16) | -16777216;
        mr += dmr; mg += dmg; mb += dmb; ar += dar; ag += dag; ab += dab;
      }
    }
  }
}
