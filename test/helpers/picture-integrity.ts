/**
 * Picture-integrity measures for a clip: nothing cloned (anywhere, or into the margin a move
 * reveals), nothing mirrored (features matching a
 * flipped frame 0, or a border that reflects the picture), straight lines stay straight — each a figure computed on a later frame against frame 0, independent of the renderer.
 * Frame 0's features and segments are computed once per probe, so measuring many frames is cheap.
 * Thresholds that the acceptance tests use are exported beside the measures (one place).
 *
 * @example
 *   const probe = integrityProbe(grayFromI420(frames[0], W, H));
 *   const m = probe.measure(grayFromI420(frames[23], W, H));
 *   !cloned(m) && !mirrored(m) && m.lines.worst <= bowLimit(W)
 */
import { cloneFigure, distanceMatrix, mirrorFigure, referenceFeatures, type IntegrityFigure, type Reference } from './integrity/clones-mirrors.js';
import { detectFeatures } from './integrity/features.js';
import { lineBow, ratioMatches, referenceLines, type LineFigure, type LineReference } from './integrity/line-bow.js';
import { marginCopies, revealMotion, type MarginCopyFigure } from './integrity/margin-copies.js';
import { foreignMargin, type ForeignMarginFigure } from './integrity/margin-regions.js';
import type { Gray } from './integrity/gray.js';
import { atPictureEdge, mirrorSeam, type SeamFigure } from './integrity/mirror-seams.js';

import { grayFromRgb as grayOf } from './integrity/gray.js';
import { once } from './once.js';
export { gray, grayFromI420, grayFromRgb, type Gray } from './integrity/gray.js';
export type { IntegrityFigure } from './integrity/clones-mirrors.js';
export type { LineFigure } from './integrity/line-bow.js';
export type { SeamFigure } from './integrity/mirror-seams.js';
export type { MarginCopyFigure } from './integrity/margin-copies.js';
export type { ForeignMarginFigure } from './integrity/margin-regions.js';
export { blockEdges } from './integrity/block-edges.js';

/** A coherent group of this many distinct places or more is a clone / a mirror. */
export const CLONE_LIMIT = 5;
/**
 * This many distinct places of the revealed margin copying one object of frame 0 is a clone
 * (integrity/margin-copies.ts): honest outpainting of every fixture's pull-out scores 0.
 */
export const MARGIN_COPY_LIMIT = 2;
export const MIRROR_LIMIT = 5;
/**
 * A border reflection-symmetric to SEAM_LIMIT (and more than frame 0's own best seam), or to
 * SEAM_RELATIVE and by SEAM_RISE more than frame 0's, is a mirror, blurred or not
 * (integrity/mirror-seams.ts): honest photos and zooms score ≤ 0.9 and rise by ≤ 0.1 at 0.7 or more.
 */
export const SEAM_LIMIT = 0.95, SEAM_RELATIVE = 0.8, SEAM_RISE = 0.2;
/**
 * At most this share of what a move reveals may match no colour of the picture near the border
 * point it continues (integrity/margin-regions.ts): 5 s pull-outs at 720p whose outpainting pasted
 * grass into building.jpg's sky and flag pieces beside the astronaut read 4.4 % and 3.2 %;
 * outpainting that keeps to each edge's region reads ≤ 0.4 % on both and on five other photos.
 */
export const FOREIGN_MARGIN_LIMIT = 0.015;
/**
 * At most this share of a revealed background may lie on block edges (integrity/block-edges.ts):
 * a band of a hazy picture filled with 3×3 copied blocks reads 3.8–7.7 %, the picture's own band
 * 0; the sky behind a drawn thin spire (thin-reveal.test.ts) filled block by block read 1.66 %
 * (a truck) and 0.86 % (a crane up), the seamless fill 0.23 % and 0, the sky alone ≤ 0.04 %.
 */
export const BLOCK_EDGE_LIMIT = 0.003;
/** The issue's bound: 0.75 px of bow at 640 px width, scaled with the width measured at. */
export const bowLimit = (width: number) => (0.75 * width) / 640;

export interface IntegrityMeasure {
  clone: IntegrityFigure;
  /** copies of frame 0's objects in what the move revealed beyond the picture */
  marginCopy: MarginCopyFigure;
  mirror: IntegrityFigure;
  /** the most mirror-like seam near an edge, and frame 0's own (symmetric content) */
  seam: SeamFigure;
  seamAtZero: number;
  lines: LineFigure;
}

/** Something cloned: a pasted region anywhere, or an object copied into the revealed margin. */
export function cloned(m: IntegrityMeasure): boolean {
  return m.clone.size >= CLONE_LIMIT || m.marginCopy.size >= MARGIN_COPY_LIMIT;
}

/** Nothing mirrored: no coherent group matches flipped frame 0, and no border is a reflection. */
export function mirrored(m: IntegrityMeasure): boolean {
  const seam = m.seam.score;
  return m.mirror.size >= MIRROR_LIMIT || (seam >= SEAM_LIMIT && seam > m.seamAtZero + 0.04) || (seam >= SEAM_RELATIVE && seam - m.seamAtZero >= SEAM_RISE);
}

export interface IntegrityProbe {
  reference: Reference;
  lines: LineReference;
  measure(later: Gray): IntegrityMeasure;
}

export function integrityProbe(frame0: Gray): IntegrityProbe {
  const reference = referenceFeatures(frame0);
  const lines = referenceLines(frame0);
  const seamAtZero = mirrorSeam(frame0).score;
  return {
    reference,
    lines,
    measure(later) {
      const features = detectFeatures(later, [8]);
      const distances = distanceMatrix(reference, features);
      const matches = ratioMatches(reference.features, features, distances);
      // each figure on its first read (a test of the lines alone searches for no clone or mirror)
      const clone = once(() => cloneFigure(reference, later, features, distances));
      const marginCopy = once(() => marginCopies(reference, later, matches));
      const mirror = once(() => mirrorFigure(reference, later, features, distances));
      // a padding's seam lies on the picture's edge, where the motion from frame 0 puts it (when found)
      const seam = once(() => { const T = revealMotion(matches, later.width, later.height); return mirrorSeam(later, T && atPictureEdge(T, later.width, later.height)); });
      const bow = once(() => lineBow(lines, later, matches));
      return {
        get clone() { return clone(); },
        get marginCopy() { return marginCopy(); },
        get mirror() { return mirror(); },
        get seam() { return seam(); },
        seamAtZero,
        get lines() { return bow(); },
      };
    },
  };
}

/**
 * How much of what a later frame reveals beyond frame 0 is foreign to the region it continues
 * (RGB frames, w×h; see integrity/margin-regions.ts); null when the motion cannot be found.
 */
export function foreignMarginOf(frame0: Uint8Array, later: Uint8Array, w: number, h: number, probe: IntegrityProbe): ForeignMarginFigure | null {
  const laterGray = grayOf(later, w, h);
  const features = detectFeatures(laterGray, [8]);
  const T = revealMotion(ratioMatches(probe.reference.features, features, distanceMatrix(probe.reference, features)), w, h);
  return T ? foreignMargin(frame0, later, w, h, T) : null;
}

/** One line for a failure message or a report. */
export function describeMeasure(m: IntegrityMeasure): string {
  return `clone group ${m.clone.size}, margin copies ${m.marginCopy.size} (of ${m.marginCopy.band} revealed px), mirror group ${m.mirror.size}${m.mirror.kind ? ` (${m.mirror.kind})` : ''}, mirror seam ${m.seam.score.toFixed(3)} (${m.seam.side} at ${m.seam.at} px; frame 0 ${m.seamAtZero.toFixed(3)}), worst bow ${m.lines.worst.toFixed(2)} px over ${m.lines.followed}/${m.lines.segments} segments`;
}
