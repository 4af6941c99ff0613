/**
 * The distinctive places (synthesize.ts' objects) that the picture's edge cuts as a line: a
 * lemon's rind, a branch, a cable that runs out of the frame. Beyond the frame an object is never
 * copied (a ball by the edge must not come back as a second ball), but a line cut by the edge is
 * structure, not an object: left out, its margin continues from what lies beside it, and the line
 * stops at the edge with a block of another texture past it (fruits.jpg's lemon). So where an
 * object meets the hole, the part of it joined to that contact within a few contact widths is
 * read: when it runs on inward through most of that window (a line leaving the frame; a ball
 * touching the edge, cut or not, ends within it), the hole pixels that grow from it — or from a
 * neighbour that copies it — may copy it, so it runs on along its own slant.
 *
 * @example
 *   const { line, start } = crossingLines(objects, hole, w, h); // line[i] > 0: pixel i belongs to line line[i]
 */
import { components } from '../../analyze/layers/components.js';

/** a line reaches inward through at least this share of its window (a ball ends inside it) */
const LINE_DEPTH = 0.75;
/**
 * and it is about as wide all the way as where it meets the border: its area in the window at most
 * this many times the window's radius × the contact's width (a broad shape that runs deep, a big
 * leaf or a wall, is no line: continued from itself it smears into streaks along the border)
 */
const LINE_AREA = 3;
/** the window read round a contact: this many contact widths (its pixels along the border) */
const REACH_WIDTHS = 3;
/** px of the raster: the least window radius (a contact of a pixel or two reads nothing of its shape) */
const MIN_REACH = 6;

/** Per pixel (w×h): the line it belongs to (1, 2, …; 0: none), and where the border cuts it. */
export interface CrossingLines {
  /** the parts of the objects that meet the hole as a line crossing its border, within their contact's window */
  line: Int32Array;
  /** the line's contact (its pixels beside the hole): only hole pixels grown from these continue it */
  start: Int32Array;
}

/** The lines of `objects` (1 = object) that the border of `hole` (1 = unknown) cuts. */
export function crossingLines(objects: Uint8Array, hole: Uint8Array, w: number, h: number): CrossingLines {
  const out = { line: new Int32Array(w * h), start: new Int32Array(w * h) };
  const outward = (i: number): [number, number] => {
    const x = i % w, y = (i / w) | 0;
    let nx = 0, ny = 0;
    if (x > 0 && hole[i - 1]) nx--;
    if (x < w - 1 && hole[i + 1]) nx++;
    if (y > 0 && hole[i - w]) ny--;
    if (y < h - 1 && hole[i + w]) ny++;
    return [nx, ny];
  };
  // the objects' pixels beside the hole, in runs along the border: a run lies in one object (both 4-connected)
  const parts = components(objects, w, h), partOf = new Int32Array(w * h).fill(-1), contact = new Uint8Array(w * h);
  parts.forEach((part, k) => { for (const i of part) partOf[i] = k; });
  for (let i = 0; i < w * h; i++) if (objects[i] && !hole[i]) { const [nx, ny] = outward(i); if (nx || ny) contact[i] = 1; }
  let label = 0;
  for (const run of components(contact, w, h)) {
    // the contact's centre and the border's outward normal there
    let cx = 0, cy = 0, nx = 0, ny = 0;
    for (const i of run) { cx += i % w; cy += (i / w) | 0; const n = outward(i); nx += n[0]; ny += n[1]; }
    cx /= run.length; cy /= run.length;
    const nl = Math.hypot(nx, ny);
    if (!nl) continue;
    nx /= nl; ny /= nl;
    // the part of the object joined to the contact within the window, and how far inward it reaches
    const reach = Math.max(MIN_REACH, REACH_WIDTHS * run.length), near = joined(partOf, partOf[run[0]!]!, run, cx, cy, reach, w);
    let depth = 0;
    for (const i of near) depth = Math.max(depth, (cx - (i % w)) * nx + (cy - ((i / w) | 0)) * ny);
    if (depth < LINE_DEPTH * reach || near.length > LINE_AREA * reach * run.length) continue;
    label++;
    for (const i of near) out.line[i] = label;
    for (const i of run) out.start[i] = label;
  }
  return out;
}

/**
 * The pixels of object `part` (partOf: each pixel's object, hole pixels never in one) joined to the
 * contact `run` (4-connected) without leaving the disc of radius `reach` round (cx, cy).
 */
function joined(partOf: Int32Array, part: number, run: number[], cx: number, cy: number, reach: number, w: number): number[] {
  const seen = new Set(run), out = [...run];
  const inside = (j: number) => Math.hypot((j % w) - cx, ((j / w) | 0) - cy) <= reach;
  for (let k = 0; k < out.length; k++) {
    const i = out[k]!, x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= partOf.length || seen.has(j) || partOf[j] !== part || !inside(j)) continue;
      seen.add(j);
      out.push(j);
    }
  }
  return out;
}
