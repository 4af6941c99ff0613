/**
 * "Nothing cloned" and "nothing mirrored", measured on a later frame against frame 0.
 *
 * Clone: a distinctive feature of frame 0 — one that nothing far from it in frame 0 resembles —
 * matches well at two far-apart places of the later frame, and enough neighbours agree (the same
 * offset between the two places: a coherent group). The figure is the size of the largest group.
 *
 * Mirror: features of the later frame match frame 0 flipped horizontally, vertically or both (Lowe's
 * ratio test), clearly better than they match anything of frame 0 unflipped (a symmetric object —
 * a butterfly's wings — matches its own unflipped self as well, so it is not a mirror), and
 * neighbours agree on the offset. The figure is the largest group.
 *
 * An honest zoom or pan of the photo scores about 0-3 on both; a pasted or mirrored region scores
 * far more (see test/helpers/integrity.test.ts).
 *
 * @example const ref = referenceFeatures(frame0); cloneFigure(ref, later).size
 */
import { detectFeatures, distance, featureDistance, type Feature } from './features.js';
import { largestGroup, type Correspondence, type Group } from './coherent-groups.js';
import { flip, type Gray } from './gray.js';

/** Support radii of frame 0's descriptors (the later frame's are taken at 8 px): zooms of 0.75-1.3×. */
const RADII = [6, 8, 10.5];
/** a match is good when its descriptor distance is below this … */
const GOOD = 0.5;
/** … and below this fraction of the distance to the nearest look-alike elsewhere in frame 0 */
const DISTINCT = 0.8;
/** Lowe's ratio for the mirror matches */
const RATIO = 0.8;
/**
 * Mirrored borders are usually also shrunk and blurred (a pull-out's padding): their matches are
 * a little weaker and their offsets vary across the group by up to (1 − zoom) px per px.
 */
const MIRROR_GOOD = 0.55, MIRROR_STRETCH = 0.35;

export interface Reference {
  image: Gray;
  features: Feature[];
  /** per feature: descriptor distance to the nearest far-away feature of frame 0 itself */
  lookAlike: Float32Array;
  flipped: Array<{ kind: 'horizontal' | 'vertical' | 'both'; features: Feature[]; lookAlike: Float32Array }>;
}

const far = (width: number) => 0.05 * width;

export function referenceFeatures(frame0: Gray): Reference {
  const features = detectFeatures(frame0, RADII);
  const apart = far(frame0.width);
  const lookAlike = new Float32Array(features.length).fill(2);
  for (let i = 0; i < features.length; i++) for (let j = i + 1; j < features.length; j++) {
    const a = features[i]!, b = features[j]!;
    if (Math.hypot(a.x - b.x, a.y - b.y) < apart) continue;
    const d = featureDistance(a, b);
    if (d < lookAlike[i]!) lookAlike[i] = d;
    if (d < lookAlike[j]!) lookAlike[j] = d;
  }
  const flipped = (['horizontal', 'vertical', 'both'] as const).map((kind) => {
    // at the same support radii as frame 0's: a mirrored border is usually also shrunk (a pull-out)
    const f = detectFeatures(flip(frame0, kind !== 'vertical', kind !== 'horizontal'), RADII);
    // symmetric content: a flipped feature that frame 0 also holds unflipped, anywhere
    const la = new Float32Array(f.length).fill(2);
    f.forEach((g, i) => { for (const h of features) la[i] = Math.min(la[i]!, featureDistance(g, h)); });
    return { kind, features: f, lookAlike: la };
  });
  return { image: frame0, features, lookAlike, flipped };
}

export interface IntegrityFigure extends Group {
  /** for mirrors: which flip matched */
  kind?: string;
}

/** Descriptor distances, frame-0 feature i × later feature j, at [i * later.length + j]. */
export function distanceMatrix(ref: Reference, laterFeatures: Feature[]): Float32Array {
  const m = new Float32Array(ref.features.length * laterFeatures.length);
  ref.features.forEach((f, i) => laterFeatures.forEach((g, j) => { m[i * laterFeatures.length + j] = featureDistance(f, g); }));
  return m;
}

/** The largest coherent group of frame-0 features found twice, far apart, in `later`. */
export function cloneFigure(ref: Reference, later: Gray, laterFeatures = detectFeatures(later, [8]), distances = distanceMatrix(ref, laterFeatures)): IntegrityFigure {
  const apart = far(later.width);
  const items: Correspondence[] = [];
  const n = laterFeatures.length;
  ref.features.forEach((f, i) => {
    const limit = Math.min(GOOD, DISTINCT * ref.lookAlike[i]!);
    const hits = laterFeatures
      .map((g, j) => ({ g, d: distances[i * n + j]! }))
      .filter((h) => h.d < limit)
      .sort((p, q) => p.d - q.d);
    if (hits.length < 2) return;
    const a = hits[0]!.g;
    const b = hits.find((h) => Math.hypot(h.g.x - a.x, h.g.y - a.y) > apart)?.g;
    if (!b) return;
    // canonical order, so every member of one pasted region votes for the same offset
    const [p, q] = b.x > a.x || (b.x === a.x && b.y > a.y) ? [a, b] : [b, a];
    items.push({ x: p.x, y: p.y, vx: q.x - p.x, vy: q.y - p.y });
  });
  return largestGroup(items, later.width);
}

/** The largest coherent group of `later`'s features that match a flipped frame 0. */
export function mirrorFigure(ref: Reference, later: Gray, laterFeatures = detectFeatures(later, [8]), distances = distanceMatrix(ref, laterFeatures)): IntegrityFigure {
  const n = laterFeatures.length;
  // per later feature: how well it matches frame 0 as it is
  const unflipped = laterFeatures.map((_, j) => {
    let d = 2;
    for (let i = 0; i < ref.features.length; i++) d = Math.min(d, distances[i * n + j]!);
    return d;
  });
  let best: IntegrityFigure = { size: 0, members: [] };
  for (const set of ref.flipped) {
    const items: Correspondence[] = [];
    for (const [j, q] of laterFeatures.entries()) {
      let d1 = Infinity, d2 = Infinity, k = -1;
      set.features.forEach((g, i) => {
        const d = featureDistance(q, g);
        if (d < d1) { d2 = d1; d1 = d; k = i; } else if (d < d2) d2 = d;
      });
      if (k < 0 || d1 > MIRROR_GOOD || d1 > RATIO * d2 || d1 > RATIO * unflipped[j]! || d1 > DISTINCT * set.lookAlike[k]!) continue;
      const g = set.features[k]!;
      items.push({ x: q.x, y: q.y, vx: q.x - g.x, vy: q.y - g.y });
    }
    const group = largestGroup(items, later.width, MIRROR_STRETCH);
    if (group.size > best.size) best = { ...group, kind: set.kind };
  }
  return best;
}
