/**
 * The pieces of one straight edge joined into one segment. The line detector breaks a long edge
 * where something crosses or hides part of it (people before a plinth, a pole across a kerb), so a
 * cut that splits the edge may fall in a gap between pieces, each piece wholly in one layer;
 * joined, the edge is seen whole. Two pieces join when their directions agree within ANGLE, their
 * four ends lie within `width / 256` px (at least 2) of the line through the outermost two, and the
 * picture shows the edge across the gap between them: the step across the line keeps the pieces' sign and at
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
  const tolerance = Math.max(2, width / 256), n = segments.length;
  // pieces join pairwise (each pair: one line, the edge shown across their gap), then transitively
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const a = segments[i]!, b = segments[j]!, la = length(a), lb = length(b);
    if (root(i) === root(j) || Math.abs(((a.x1 - a.x0) * (b.y1 - b.y0) - (a.y1 - a.y0) * (b.x1 - b.x0)) / (la * lb)) > ANGLE) continue;
    const s = la >= lb ? a : b, L = Math.max(la, lb), tx = (s.x1 - s.x0) / L, ty = (s.y1 - s.y0) / L;
    const along = (x: number, y: number) => (x - s.x0) * tx + (y - s.y0) * ty;
    if (!nearOneLine([a, b], along, tolerance)) continue;
    const [first, second] = [a, b].map((p) => ({ lo: Math.min(along(p.x0, p.y0), along(p.x1, p.y1)), hi: Math.max(along(p.x0, p.y0), along(p.x1, p.y1)) })).sort((p, q) => p.lo - q.lo) as [{ lo: number; hi: number }, { lo: number; hi: number }];
    if (second.lo <= first.hi || shownAcross(picture, width, height, outermost([a, b], along), [a, b], first.hi, second.lo, along)) parent[root(j)] = root(i);
  }
  const sets = new Map<number, PixelSegment[]>();
  for (let i = 0; i < n; i++) sets.set(root(i), [...(sets.get(root(i)) ?? []), segments[i]!]);
  return [...sets.values()].map((set) => {
    if (set.length === 1) return set[0]!;
    const s = set.reduce((p, q) => (length(q) > length(p) ? q : p)), L = length(s), tx = (s.x1 - s.x0) / L, ty = (s.y1 - s.y0) / L;
    return outermost(set, (x, y) => (x - s.x0) * tx + (y - s.y0) * ty);
  });
}

/** The segment between the outermost ends of the pieces along a direction (`along`: position along it). */
function outermost(pieces: readonly PixelSegment[], along: (x: number, y: number) => number): PixelSegment {
  let lo = Infinity, hi = -Infinity, a = [0, 0], b = [0, 0];
  for (const p of pieces) for (const [x, y] of [[p.x0, p.y0], [p.x1, p.y1]] as const) {
    const t = along(x, y);
    if (t < lo) { lo = t; a = [x, y]; }
    if (t > hi) { hi = t; b = [x, y]; }
  }
  return { x0: a[0]!, y0: a[1]!, x1: b[0]!, y1: b[1]! };
}

/** Whether every end of the pieces lies within `tolerance` px of the line through their outermost ends. */
function nearOneLine(pieces: readonly PixelSegment[], along: (x: number, y: number) => number, tolerance: number): boolean {
  const o = outermost(pieces, along), L = length(o);
  if (L < 1e-6) return false;
  const nx = -(o.y1 - o.y0) / L, ny = (o.x1 - o.x0) / L;
  return pieces.every((p) => Math.abs((p.x0 - o.x0) * nx + (p.y0 - o.y0) * ny) <= tolerance && Math.abs((p.x1 - o.x0) * nx + (p.y1 - o.y0) * ny) <= tolerance);
}

/**
 * Whether the picture shows the edge (line `o`) across the gap from `end` to `start` (positions
 * along): the step across the line the pieces show — its sign and at least half its size — at
 * SHOWN of the gap's points.
 */
function shownAcross(picture: Uint8Array, w: number, h: number, o: PixelSegment, pieces: readonly PixelSegment[], end: number, start: number, along: (x: number, y: number) => number): boolean {
  const L = length(o), tx = (o.x1 - o.x0) / L, ty = (o.y1 - o.y0) / L, base = along(o.x0, o.y0);
  // the step at position `a` (along, as `along` counts): luma on the normal's side minus the other's
  const step = (a: number) => {
    const x = o.x0 + (a - base) * tx, y = o.y0 + (a - base) * ty;
    return luma(picture, w, h, x - 2.5 * ty, y + 2.5 * tx) - luma(picture, w, h, x + 2.5 * ty, y - 2.5 * tx);
  };
  const ref: number[] = [];
  for (const p of pieces) {
    const a0 = along(p.x0, p.y0), a1 = along(p.x1, p.y1);
    for (let a = Math.min(a0, a1) + 1; a < Math.max(a0, a1); a += 2) ref.push(step(a));
  }
  ref.sort((a, b) => a - b);
  const typical = ref[ref.length >> 1] ?? 0;
  if (Math.abs(typical) < 4) return false; // too faint an edge to follow through a gap
  let shown = 0, points = 0;
  for (let a = end + 1; a < start; a += 2, points++) {
    const v = step(a);
    if (Math.sign(v) === Math.sign(typical) && Math.abs(v) >= 0.5 * Math.abs(typical)) shown++;
  }
  return shown >= SHOWN * points;
}

/** Luma (0…255) of the RGBA picture at the nearest pixel (clamped to the picture). */
function luma(picture: Uint8Array, w: number, h: number, x: number, y: number): number {
  const xi = Math.min(w - 1, Math.max(0, Math.round(x))), yi = Math.min(h - 1, Math.max(0, Math.round(y))), i = 4 * (yi * w + xi);
  return 0.299 * picture[i]! + 0.587 * picture[i + 1]! + 0.114 * picture[i + 2]!;
}

const length = (s: PixelSegment) => Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
