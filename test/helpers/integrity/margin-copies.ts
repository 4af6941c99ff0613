/**
 * "Nothing cloned" where a move reveals beyond the picture: a distinctive feature of frame 0 (one
 * that nothing far from it in frame 0 resembles — a ball, a logo, a hand) found in the revealed
 * margin of a later frame is a copy, since nothing of frame 0 can honestly be out there. The
 * whole-frame clone figure (clones-mirrors.ts) misses these: the margin of a pull-out is a thin
 * band at the frame's border, where its corner detector does not look, and an object cut by the
 * border shows a few features, not the five of a pasted region.
 *
 * Where the margin is: the motion of the content near the frame's border (a similarity fitted by
 * RANSAC on ratio-test matches, as the line measure does) maps frame 0's rectangle into the later
 * frame; what lies outside it by more than a few px was revealed. Corners are found there densely (small cells,
 * close to the border) and each is matched with the later frame's own picture: a copy matches its
 * original (refined to the pixel) far better than anything else there (a ratio test), and the
 * original is an object, not texture: frame 0 holds nothing like its surroundings far from it
 * (coarse patches, below). Honest outpainting continues texture (cobbles, a crowd, stars), which
 * passes; a second ball, an arm or a logo does not. The figure is the largest number of distinct
 * places in the margin that copy one object (their originals lie close together).
 *
 * @example const copies = marginCopies(reference, later, ratioMatches(reference.features, laterFeatures)); copies.size
 */
import { type Reference } from './clones-mirrors.js';
import type { Correspondence, Group } from './coherent-groups.js';
import { descriptor, detectCorners, distance, featureDistance, gradientField } from './features.js';
import { blur, type Gray } from './gray.js';
import { apply, consensus, type Match, type Similarity } from './line-bow.js';

/** descriptor support (px) and how far around a candidate original the best match is sought */
const RADIUS = 6, REFINE = 3;
/** a candidate original matches this well; refined, a copy matches its original this well … */
const CANDIDATE = 0.55, COPY = 0.3;
/** … and far better than anything else inside the picture (a ratio test: the original is distinctive) */
const DISTINCT = 0.6;
/** an original whose coarse patch has no look-alike closer than this (RMS grey levels) is an object */
const OBJECT_LOOK = 18;
/** originals this close together (fraction of the width) are one object */
const OBJECT = 0.15;
/** a later pixel is revealed when frame 0's picture, moved as a whole, misses it by this much (px) */
const OUTSIDE = 3;

export interface MarginCopyFigure extends Group {
  /** revealed pixels of the later frame (0: the move revealed nothing beyond the picture) */
  band: number;
}

/** Is the later pixel (x, y) outside frame 0's picture, moved by T, by OUTSIDE px or more? */
function revealedTest(T: [number, number, number, number], width: number, height: number) {
  const [a, b, tx, ty] = T, k = 1 / (a * a + b * b);
  return (x: number, y: number) => {
    const dx = x - tx, dy = y - ty;
    const x0 = k * (a * dx + b * dy), y0 = k * (-b * dx + a * dy);
    return x0 < -OUTSIDE || y0 < -OUTSIDE || x0 > width - 1 + OUTSIDE || y0 > height - 1 + OUTSIDE;
  };
}

/**
 * Coarse patches of frame 0 — a 5 × 5 grid of samples of a blurred copy, 3·σ apart, so about 4 %
 * of the width across — and, for a place, the RMS difference (grey levels) to the most similar such
 * patch at least 12 % of the width away (searched exhaustively on a 4 px grid). Texture (grass, a
 * crowd, cobbles, stars) has a look-alike there; an object (a ball, a hand, a logo) has none.
 */
function coarsePatches(frame0: Gray) {
  const { width: w, height: h } = frame0, sigma = Math.max(1, w / 320), step = 3 * sigma;
  const img = blur(frame0, sigma);
  const patch = (x: number, y: number) => {
    const p = new Float32Array(25);
    let k = 0;
    for (let j = -2; j <= 2; j++) for (let i = -2; i <= 2; i++) {
      const v = img.data[Math.min(h - 1, Math.max(0, Math.round(y + j * step))) * w + Math.min(w - 1, Math.max(0, Math.round(x + i * step)))]!;
      p[k++] = v;
    }
    return p;
  };
  const grid: Array<{ x: number; y: number; p: Float32Array }> = [];
  for (let y = 0; y < h; y += 4) for (let x = 0; x < w; x += 4) grid.push({ x, y, p: patch(x, y) });
  const apart = 0.12 * w;
  return {
    lookAlike(x: number, y: number): number {
      const p = patch(x, y);
      let best = Infinity;
      for (const g of grid) {
        if (Math.abs(g.x - x) < apart && Math.abs(g.y - y) < apart) continue;
        let s = 0;
        for (let k = 0; k < 25 && s < best; k++) { const e = p[k]! - g.p[k]!; s += e * e; }
        if (s < best) best = s;
      }
      return Math.sqrt(best / 25);
    },
  };
}

/**
 * The largest set of copies whose originals lie close together (one object), counted in distinct
 * places: a copy is often a mosaic of the object's pieces, each shifted differently, so the
 * offsets do not agree — the original does.
 */
function sameOriginal(items: Correspondence[], width: number): Group {
  const reach = OBJECT * width;
  let best: Group = { size: 0, members: [] };
  for (const a of items) {
    const members = items.filter((b) => Math.hypot(a.x + a.vx - b.x - b.vx, a.y + a.vy - b.y - b.vy) < reach);
    const places = new Set(members.map((m) => `${Math.round(m.x / 3)},${Math.round(m.y / 3)}`)).size;
    if (places > best.size) best = { size: places, members };
  }
  return best;
}

/**
 * How frame 0 maps into a later frame (w×h) where the move revealed beyond it: the motion of what
 * lies near the frame's border (under a dolly zoom the subject holds still while the surroundings
 * shrink), else of the whole picture; undefined when too few matches agree.
 */
export function revealMotion(matches: Match[], w: number, h: number): Similarity | undefined {
  const border = (m: Match) => Math.min(m.x1, m.y1, w - 1 - m.x1, h - 1 - m.y1) < 0.25 * Math.min(w, h);
  return consensus(matches.filter(border)) ?? consensus(matches);
}

export function marginCopies(ref: Reference, later: Gray, matches: Match[]): MarginCopyFigure {
  const { width: w, height: h } = later;
  const T = revealMotion(matches, w, h);
  if (!T) return { size: 0, members: [], band: 0 };
  const revealed = revealedTest(T, ref.image.width, ref.image.height);
  let band = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (revealed(x, y)) band++;
  if (!band) return { size: 0, members: [], band };
  // corners densely (small cells, close to the border), so the thin band gets its share; small
  // descriptors, as a copy is often a mosaic of pieces of its original
  const corners = detectCorners(later, { margin: 6, cell: 16, perCell: 4, max: 4000 });
  const field = gradientField(later);
  const described = corners.map((c) => ({ x: c.x, y: c.y, out: revealed(c.x, c.y), desc: [descriptor(field, c.x, c.y, RADIUS)] }));
  const inside = described.filter((c) => !c.out), apart = 0.05 * w;
  let coarse: ReturnType<typeof coarsePatches> | undefined; // built once a copy asks for it
  const items: Correspondence[] = [];
  for (const g of described) {
    if (!g.out) continue;
    // its original: the best match inside the picture, refined to the pixel around it
    let d1 = Infinity, k = -1;
    inside.forEach((f, i) => { const d = featureDistance(f, g); if (d < d1) { d1 = d; k = i; } });
    if (k < 0 || d1 >= CANDIDATE) continue;
    let o = { x: inside[k]!.x, y: inside[k]!.y };
    for (let dy = -REFINE; dy <= REFINE; dy++) for (let dx = -REFINE; dx <= REFINE; dx++) {
      const x = inside[k]!.x + dx, y = inside[k]!.y + dy;
      if ((dx || dy) && x >= 0 && y >= 0 && x < w && y < h && !revealed(x, y)) {
        const d = distance(descriptor(field, x, y, RADIUS), g.desc[0]!);
        if (d < d1) { d1 = d; o = { x, y }; }
      }
    }
    if (d1 >= COPY) continue;
    // … and nothing else inside, far from it, as alike: the original is distinctive
    let d2 = 2;
    for (const f of inside) if (Math.hypot(f.x - o.x, f.y - o.y) > apart) d2 = Math.min(d2, featureDistance(f, g));
    if (d1 >= DISTINCT * d2) continue;
    // an object, not texture: in frame 0, nothing far from the original looks like its surroundings
    const [a, b, tx, ty] = T, q = 1 / (a * a + b * b), ox = q * (a * (o.x - tx) + b * (o.y - ty)), oy = q * (-b * (o.x - tx) + a * (o.y - ty));
    coarse ??= coarsePatches(ref.image);
    const look = coarse.lookAlike(ox, oy);
    if (look < OBJECT_LOOK) continue;
    items.push({ x: g.x, y: g.y, vx: o.x - g.x, vy: o.y - g.y });
  }
  return { ...sameOriginal(items, w), band };
}
