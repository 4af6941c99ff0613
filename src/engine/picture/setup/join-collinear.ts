/**
 * The pieces of one straight edge joined into one segment. The line detector breaks a long edge
 * where something crosses or hides part of it (people before a plinth, a pole across a kerb), so a
 * cut that splits the edge may fall in a gap between pieces, each piece wholly in one layer;
 * joined, the edge is seen whole. Pieces join when their directions agree within ANGLE, each one's
 * ends lie within `width / 400` px (at least 1.5) of the longest one's line, and the picture shows
 * the edge across every gap between them: the step across the line keeps the pieces' sign and at
 * least half their size over most of the gap (a horizon on both sides of a person standing before
 * it is two edges, not one through the person).
 *
 * @example joinCollinear(segments, picture, 640, 360) // picture: RGBA at the segments' size
 */
import type { PixelSegment } from './straighten.js';

/** the most two pieces of one edge may differ in direction (sine of the angle: 1.5°) */
const ANGLE = Math.sin((1.5 * Math.PI) / 180);
/** the share of a gap's points where the picture must show the pieces' step across the line */
const SHOWN = 0.7;

export function joinCollinear(segments: readonly PixelSegment[], picture: Uint8Array, width: number, height: number): PixelSegment[] {
  const tolerance = Math.max(1.5, width / 400);
  const order = [...segments].sort((a, b) => length(b) - length(a));
  const used = new Set<PixelSegment>(), out: PixelSegment[] = [];
  for (const s of order) {
    if (used.has(s)) continue;
    used.add(s);
    // the longest piece's line: direction t; each piece's extent [lo, hi] along it and offset across
    const L = length(s), tx = (s.x1 - s.x0) / L, ty = (s.y1 - s.y0) / L;
    const off = (x: number, y: number) => -(x - s.x0) * ty + (y - s.y0) * tx, along = (x: number, y: number) => (x - s.x0) * tx + (y - s.y0) * ty;
    const pieces = [{ lo: 0, hi: L, off: 0, segment: s }];
    for (const r of order) {
      if (used.has(r)) continue;
      const lr = length(r);
      if (Math.abs(tx * (r.y1 - r.y0) / lr - ty * (r.x1 - r.x0) / lr) > ANGLE) continue;
      const o0 = off(r.x0, r.y0), o1 = off(r.x1, r.y1);
      if (Math.abs(o0) > tolerance || Math.abs(o1) > tolerance) continue;
      used.add(r);
      const a0 = along(r.x0, r.y0), a1 = along(r.x1, r.y1);
      pieces.push({ lo: Math.min(a0, a1), hi: Math.max(a0, a1), off: (o0 + o1) / 2, segment: r });
    }
    if (pieces.length === 1) { out.push(s); continue; }
    pieces.sort((a, b) => a.lo - b.lo);
    // the step across the line at `a` along it (luma on the normal's side minus the other's)
    const step = (a: number, o: number) => {
      const x = s.x0 + a * tx - o * ty, y = s.y0 + a * ty + o * tx;
      return (luma(picture, width, height, x - 2.5 * ty, y + 2.5 * tx) - luma(picture, width, height, x + 2.5 * ty, y - 2.5 * tx));
    };
    // runs of pieces whose gaps the picture shows as the edge, each one segment
    let run = [pieces[0]!];
    const close = () => { out.push(run.length === 1 ? run[0]!.segment : through(run, s, tx, ty)); };
    for (let k = 1; k < pieces.length; k++) {
      const next = pieces[k]!, end = Math.max(...run.map((p) => p.hi));
      if (next.lo <= end || shownAcross(step, run, next, end)) { run.push(next); continue; }
      close();
      run = [next];
    }
    close();
  }
  return out;
}

/** Whether the picture shows the edge across the gap from `end` to next.lo: the pieces' step, its sign and half its size, at SHOWN of the points. */
function shownAcross(step: (a: number, o: number) => number, run: Array<{ lo: number; hi: number; off: number }>, next: { lo: number; hi: number; off: number }, end: number): boolean {
  const ref: number[] = [];
  for (const p of [...run, next]) for (let a = p.lo + 1; a < p.hi; a += 2) ref.push(step(a, p.off));
  ref.sort((a, b) => a - b);
  const typical = ref[ref.length >> 1] ?? 0;
  if (Math.abs(typical) < 4) return false; // too faint an edge to follow through a gap
  const o = (run[run.length - 1]!.off + next.off) / 2;
  let shown = 0, points = 0;
  for (let a = end + 1; a < next.lo; a += 2, points++) {
    const v = step(a, o);
    if (Math.sign(v) === Math.sign(typical) && Math.abs(v) >= 0.5 * Math.abs(typical)) shown++;
  }
  return shown >= SHOWN * points;
}

/** One segment through a run of pieces (their offsets weighted by length), over their whole extent. */
function through(run: Array<{ lo: number; hi: number; off: number }>, s: PixelSegment, tx: number, ty: number): PixelSegment {
  let sum = 0, weight = 0, lo = Infinity, hi = -Infinity;
  for (const p of run) { sum += p.off * (p.hi - p.lo); weight += p.hi - p.lo; lo = Math.min(lo, p.lo); hi = Math.max(hi, p.hi); }
  const o = weight > 0 ? sum / weight : 0, bx = s.x0 - o * ty, by = s.y0 + o * tx;
  return { x0: bx + lo * tx, y0: by + lo * ty, x1: bx + hi * tx, y1: by + hi * ty };
}

/** Luma (0…255) of the RGBA picture at the nearest pixel (clamped to the picture). */
function luma(picture: Uint8Array, w: number, h: number, x: number, y: number): number {
  const xi = Math.min(w - 1, Math.max(0, Math.round(x))), yi = Math.min(h - 1, Math.max(0, Math.round(y))), i = 4 * (yi * w + xi);
  return 0.299 * picture[i]! + 0.587 * picture[i + 1]! + 0.114 * picture[i + 2]!;
}

const length = (s: PixelSegment) => Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
