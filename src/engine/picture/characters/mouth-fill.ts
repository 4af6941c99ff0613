/**
 * The inside of an open mouth. Warping alone only stretches the seam between the lips, so the
 * pixels whose source lies on that seam of a face whose mouth is open are painted with the inside
 * of a mouth (inner-mouth.ts: shaded depth, tongue, and upper teeth when the input showed none),
 * blended by how wide the gap is there. Works on the warped frame through the warp's
 * own lattice (so camera motion and the face warps are already in the source positions), on the
 * output pixels around the mouth only.
 *
 * @example
 *   mouthFill(rigs, i, lattice, geometry, layout, (x, y, a) => { … darken pixel (x, y) by a … });
 */
import type { PoseGeometry } from '../camera/geometry.js';
import { rowSpans, type Lattice } from '../kernel/lattice.js';
import { innerMouth } from './inner-mouth.js';
import { lipLine, mouthDrop, mouthProfile } from './shape.js';
import type { CharacterRig } from './types.js';

export interface FillLayout {
  width: number; height: number; marginX: number; marginY: number; canvasWidth: number;
  /** nearness 0…255 at canvas resolution */
  depth: Uint8Array;
}

export type FillPixel = (x: number, y: number, alpha: number, r: number, g: number, b: number) => void;

const INV = 1 / 32768;

/** A face's mouth this open (of its drop) or more gets a painted inside. */
const OPEN = 0.02;

/** Whether any face's mouth is open enough in `frame` to be filled (only then is the lattice read). */
export function mouthsOpen(rigs: readonly CharacterRig[], frame: number): boolean {
  return rigs.some((r) => r.kind === 'face' && r.tracks.mouth[frame]! >= OPEN);
}

/** The faces whose mouths are filled in `frame`, with where each mouth is in the output (its source box pushed through the camera, padded). */
function openMouths(rigs: readonly CharacterRig[], frame: number, geo: PoseGeometry, layout: FillLayout) {
  const { width: W, height: H } = layout;
  const cx0 = W / 2 - 0.5 + layout.marginX, cy0 = H / 2 - 0.5 + layout.marginY;
  const found = [];
  for (const rig of rigs) {
    // a subject's jaw (chewing, yawning) shows its own muzzle: only faces get a painted inner mouth
    if (rig.kind !== 'face' || rig.tracks.mouth[frame]! < OPEN) continue;
    const m = rig.features.mouth, { drop, seam } = mouthDrop(m);
    const n = layout.depth[Math.round(m.cy) * layout.canvasWidth + Math.round(m.cx)]! / 255;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [sx, sy] of [[m.x0, Math.min(m.ly, m.ry, m.cy)], [m.x1, Math.min(m.ly, m.ry, m.cy)], [m.x0, Math.max(m.ly, m.ry, m.cy) + drop + seam], [m.x1, Math.max(m.ly, m.ry, m.cy) + drop + seam]] as const) {
      const [ox, oy] = geo.forward(sx - cx0, sy - cy0, n);
      x0 = Math.min(x0, ox); x1 = Math.max(x1, ox); y0 = Math.min(y0, oy); y1 = Math.max(y1, oy);
    }
    const pad = 4 + 0.1 * (x1 - x0);
    found.push({
      rig, drop, seam,
      ys: Math.max(0, Math.floor(y0 - pad)), ye: Math.min(H - 1, Math.ceil(y1 + pad)),
      xs: Math.max(0, Math.floor(x0 - pad)), xe: Math.min(W - 1, Math.ceil(x1 + pad)),
    });
  }
  return found;
}

/** The output rows [y0, y1) the mouth fill of `frame` reads the lattice on (empty when no mouth is open). */
export function mouthRows(rigs: readonly CharacterRig[], frame: number, geo: PoseGeometry, layout: FillLayout): [number, number] {
  let y0 = layout.height, y1 = 0;
  for (const { ys, ye } of openMouths(rigs, frame, geo, layout)) { y0 = Math.min(y0, ys); y1 = Math.max(y1, ye + 1); }
  return y0 < y1 ? [y0, y1] : [0, 0];
}

export function mouthFill(rigs: readonly CharacterRig[], frame: number, lat: Lattice, geo: PoseGeometry, layout: FillLayout, fill: FillPixel): void {
  for (const { rig, drop, seam, xs, xe, ys, ye } of openMouths(rigs, frame, geo, layout)) {
    const m = rig.features.mouth, open = rig.tracks.mouth[frame]!;
    const teeth = m.gap0 <= 0.08 * (m.x1 - m.x0);
    const mask = (1 << lat.shift) - 1;
    for (let y = ys; y <= ye; y++) {
      rowSpans(lat, y, 0, 1);
      for (let x = xs; x <= xe; x++) {
        let X: number, Y: number;
        if (lat.affine) { X = lat.row.x + x * lat.row.dx; Y = lat.row.y + x * lat.row.dy; }
        else { const i = x >> lat.shift, k = x & mask; X = lat.SX[i]! + k * lat.DX[i]!; Y = lat.SY[i]! + k * lat.DY[i]!; }
        const sx = X * INV, sy = Y * INV;
        if (sx < m.x0 || sx > m.x1) continue;
        const gap = open * drop * mouthProfile(m, sx);
        if (gap < 0.3) continue;
        const u = (sy - lipLine(m, sx) + 0.35) / (seam + 0.7);
        if (u <= 0 || u >= 1) continue;
        // the gap fills in fully once it is wider than the lips' own seam; thin gaps stay a shadow
        const a = Math.min(1, gap / (1.5 * seam + 1)) * Math.min(1, 0.5 + 2.5 * Math.min(u, 1 - u));
        const rgb = innerMouth(u, (2 * (sx - m.x0)) / Math.max(1, m.x1 - m.x0) - 1, gap, teeth);
        fill(x, y, a, rgb[0], rgb[1], rgb[2]);
      }
    }
  }
}
