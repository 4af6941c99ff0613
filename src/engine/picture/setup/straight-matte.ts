/**
 * Makes the subject matte agree with the picture's straight edges, so they stay straight where
 * the layers move apart:
 * - a thin straight structure running out of the matte from its end — two close parallel edges,
 *   a mast or pole on a tower the segmentation stopped short of — belongs to the subject: its
 *   strip joins the matte (left in the background, the pole tore off the launch pad's tower and
 *   floated beside it under an orbit or a dolly zoom); so does one whose line the matte's edge
 *   crosses (a depth matte is a threshold on a smooth estimate: it took a grass stalk's foot in
 *   the near grass and left its head against the sea, and the stalk broke where the cut crossed
 *   it); a structure continued beyond a small gap by another (a stalk's head found apart from its
 *   foot) joins in turn; and such a line found alone, its structure's other edge missed (a
 *   blurred stalk against the sea), brings the strip its colour profile puts the structure in
 *   (./structure-side.ts; given the picture);
 * - where a straight edge bounds the matte over most of its length, the matte's profile across it
 *   is made the same all along (its median profile, fading back beyond the ends): a pixel of the
 *   soft edge blends the two layers in proportion to its alpha, so the edge seen in the frame sits
 *   between their positions, and an alpha drifting along a straight edge (a tower's side at 0.3
 *   for a while, then 0.7) puts a kink into it as soon as the camera moves.
 * A living subject's matte (`living`: a person, an animal) joins no thin structure: nothing
 * straight and thin runs out of a body, so what does is behind it (a railing, a pitch's line, a
 * twig) — joined, it moved with the body's every gesture and dragged a streak of the background
 * with it.
 *
 * @example const matte = straightMatte(matteOut, 1920, 1080, segments, picture, false) // 0…255, a new raster
 */
import type { PixelSegment } from './straighten.js';
import { structureSide } from './structure-side.js';
import { forEachInBand } from './segment-band.js';

/** a straight edge is a matte boundary when this share of its length has the subject on one side only */
const BOUNDARY_SHARE = 0.7;

/** how far the matte's soft edge reaches either side of a straight edge (px at width w); the matte is read twice as far off it */
const edgeReach = (w: number) => Math.max(3, w / 160);

/** passes of joining thin structures: each may reach one more beyond the matte it has grown */
const JOIN_PASSES = 3;

export function straightMatte(matte: Uint8Array, width: number, height: number, segments: readonly PixelSegment[], picture?: Uint8Array, living = false): Uint8Array {
  let whole = matte;
  for (let pass = 0; pass < (living ? 0 : JOIN_PASSES); pass++) {
    const next = withThinStructures(whole, width, height, segments, picture);
    if (next === whole) break;
    whole = next;
  }
  const out = Uint8Array.from(whole);
  const reach = edgeReach(width), feather = reach;
  for (const s of segments) evenAlong(out, whole, width, height, s, reach, feather);
  return out;
}

/** the widest thin structure (px between its two edges), and how near the matte its end must be, as fractions of the width */
const THIN = 1 / 64, NEAR = 1 / 100;

/**
 * The matte with the strip between every pair of close parallel edges that runs out of it from its
 * end or across its edge, and (with the picture) the strip of the structure beside every such line
 * with no pair (the matte itself when no strip adds a pixel).
 */
function withThinStructures(matte: Uint8Array, w: number, h: number, segments: readonly PixelSegment[], picture?: Uint8Array): Uint8Array {
  const near = Math.max(3, NEAR * w), thin = Math.max(3, THIN * w);
  const inMatte = (x: number, y: number) => {
    const xi = Math.round(x), yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < w && yi < h && matte[yi * w + xi]! >= 128;
  };
  // within `near` of the point (sampled every ~near/4 px: the matte is not that fine)
  const touches = (x: number, y: number) => {
    const step = Math.max(1, near / 4);
    for (let dy = -near; dy <= near; dy += step) for (let dx = -near; dx <= near; dx += step) if (dx * dx + dy * dy <= near * near && inMatte(x + dx, y + dy)) return true;
    return false;
  };
  // segments outside the matte over most of their length with one end at it, or crossing its
  // edge: the end at the matte first
  const leaving: PixelSegment[] = [];
  const reversed = (s: PixelSegment) => ({ x0: s.x1, y0: s.y1, x1: s.x0, y1: s.y0 });
  for (const s of segments) {
    const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
    if (length < 8) continue;
    let inside = 0, n = 0;
    for (let a = 0; a <= length; a += 2, n++) if (inMatte(s.x0 + ((s.x1 - s.x0) * a) / length, s.y0 + ((s.y1 - s.y0) * a) / length)) inside++;
    const at0 = touches(s.x0, s.y0), at1 = touches(s.x1, s.y1);
    if (inside <= 0.3 * n && at0 !== at1) { leaving.push(at0 ? s : reversed(s)); continue; }
    const crossing = crossesEdge(matte, w, h, s);
    if (crossing) leaving.push(crossing === 'start' ? s : reversed(s));
  }
  if (leaving.length < (picture ? 1 : 2)) return matte;
  const out = Uint8Array.from(matte);
  const paired = new Set<PixelSegment>();
  let added = 0;
  for (let i = 0; i < leaving.length; i++) for (let j = i + 1; j < leaving.length; j++) {
    const a = leaving[i]!, b = leaving[j]!;
    const la = Math.hypot(a.x1 - a.x0, a.y1 - a.y0), lb = Math.hypot(b.x1 - b.x0, b.y1 - b.y0);
    const tx = (a.x1 - a.x0) / la, ty = (a.y1 - a.y0) / la, nx = -ty, ny = tx;
    // parallel (within ~6°), running the same way out of the matte, close, side by side
    if (((b.x1 - b.x0) * tx + (b.y1 - b.y0) * ty) / lb < 0.995) continue;
    const across0 = (b.x0 - a.x0) * nx + (b.y0 - a.y0) * ny, across1 = (b.x1 - a.x0) * nx + (b.y1 - a.y0) * ny;
    const gap = Math.max(Math.abs(across0), Math.abs(across1));
    if (gap > thin || Math.sign(across0) !== Math.sign(across1) || Math.min(Math.abs(across0), Math.abs(across1)) < 1) continue;
    const bFrom = (b.x0 - a.x0) * tx + (b.y0 - a.y0) * ty, bTo = (b.x1 - a.x0) * tx + (b.y1 - a.y0) * ty;
    if (Math.min(la, bTo) - Math.max(0, bFrom) < 0.5 * Math.min(la, lb)) continue;
    added += fillStrip(out, w, h, a, la, -near, Math.max(la, bTo), Math.min(0, Math.min(across0, across1)) - 1, Math.max(0, Math.max(across0, across1)) + 1);
    paired.add(a); paired.add(b);
  }
  if (picture) for (const a of leaving) {
    if (paired.has(a)) continue;
    // the structure's side, read where it runs outside the matte (its end part: the matte is at the start)
    const la = Math.hypot(a.x1 - a.x0, a.y1 - a.y0), side = structureSide(picture, w, h, a, thin, la / 2, la);
    if (side) added += fillStrip(out, w, h, a, la, -near, la, side[0], side[1]);
  }
  return added ? out : matte;
}

/** each of a crossing line's parts, in and out of the matte, is at least this share of its length */
const PART = 0.05;

/**
 * Whether the matte's edge crosses the segment's line — the line inside the matte over part of
 * its length and outside over another, the matte read on the line and `side` px off it on both
 * sides (so a line along the matte's edge is neither; `touching`: a line along the matte's edge is
 * inside, so the cut leaving such an edge crosses it) — and from which end it runs out of the
 * matte ('start': from (x0, y0)); undefined when it does not cross.
 */
export function crossesEdge(matte: Uint8Array, w: number, h: number, s: PixelSegment, touching = false): 'start' | 'end' | undefined {
  const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0), side = 2 * edgeReach(w);
  const tx = (s.x1 - s.x0) / length, ty = (s.y1 - s.y0) / length;
  const at = (x: number, y: number): number => {
    const xi = Math.round(x), yi = Math.round(y);
    return xi < 0 || yi < 0 || xi >= w || yi >= h ? -1 : matte[yi * w + xi]! >= 128 ? 1 : 0;
  };
  let inside = 0, outside = 0, inAlong = 0, outAlong = 0, points = 0;
  for (let a = 0; a <= length; a += 2, points++) {
    const x = s.x0 + a * tx, y = s.y0 + a * ty;
    const here = [at(x, y), at(x - side * ty, y + side * tx), at(x + side * ty, y - side * tx)].filter((v) => v >= 0);
    if (!here.length) continue;
    if (touching ? here.includes(1) : here.every((v) => v === 1)) { inside++; inAlong += a; } else if (here.every((v) => v === 0)) { outside++; outAlong += a; }
  }
  const least = Math.max(2, PART * points);
  if (inside < least || outside < least) return undefined;
  return inAlong / inside <= outAlong / outside ? 'start' : 'end';
}

/** Sets to 255 the pixels at along ∈ [from, to], across ∈ [lo, hi] from a's start (a's frame); how many were not. */
function fillStrip(out: Uint8Array, w: number, h: number, a: PixelSegment, length: number, from: number, to: number, lo: number, hi: number): number {
  // the band about the line across = (lo + hi) / 2, a's direction
  const tx = (a.x1 - a.x0) / length, ty = (a.y1 - a.y0) / length, mid = (lo + hi) / 2;
  const axis = { x0: a.x0 - mid * ty, y0: a.y0 + mid * tx, x1: a.x1 - mid * ty, y1: a.y1 + mid * tx };
  let raised = 0;
  forEachInBand(axis, (hi - lo) / 2, -from, to - length, w, h, (i) => { if (out[i] !== 255) { out[i] = 255; raised++; } });
  return raised;
}

function evenAlong(out: Uint8Array, matte: Uint8Array, w: number, h: number, s: PixelSegment, reach: number, feather: number): void {
  const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
  if (length < 8) return;
  const tx = (s.x1 - s.x0) / length, ty = (s.y1 - s.y0) / length, nx = -ty, ny = tx;
  // the profile across the edge at every px along it, sampled at half-px bins (nearest pixel)
  const bins = 2 * Math.ceil(2 * reach) + 1, mid = (bins - 1) / 2, steps = Math.floor(length) + 1;
  const at = (a: number, o: number) => {
    const x = Math.round(s.x0 + a * tx + o * nx), y = Math.round(s.y0 + a * ty + o * ny);
    return x < 0 || y < 0 || x >= w || y >= h ? NaN : matte[y * w + x]!;
  };
  // the subject on one side, not the other, a little beyond the soft edge (most edges are not: checked first)
  const inFrame: number[] = [];
  let sided = 0;
  for (let a = 0; a < steps; a++) {
    const lo = at(a, -2 * reach), hi = at(a, 2 * reach);
    if (Number.isNaN(lo) || Number.isNaN(hi)) continue;
    inFrame.push(a);
    if (Math.abs(lo - hi) >= 128) sided++;
  }
  if (sided < BOUNDARY_SHARE * steps) return;
  const columns: number[][] = Array.from({ length: bins }, (_, b) => inFrame.map((a) => at(a, (b - mid) / 2)));
  const profile = columns.map((c) => { c.sort((p, q) => p - q); return c[c.length >> 1]!; });
  forEachInBand(s, reach, feather, feather, w, h, (i, along, across) => {
    const beyond = along < 0 ? -along : along > length ? along - length : 0;
    const weight = Math.max(0, 1 - beyond / feather);
    if (weight <= 0) return;
    const c = Math.min(bins - 1, Math.max(0, across * 2 + mid)), b = Math.min(bins - 2, Math.floor(c)), t = c - b;
    const even = profile[b]! * (1 - t) + profile[b + 1]! * t;
    out[i] = Math.round(matte[i]! + weight * (even - matte[i]!));
  });
}
