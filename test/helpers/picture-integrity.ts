/**
 * Picture-integrity measures for a clip: nothing cloned, nothing mirrored, straight lines stay
 * straight — each a figure computed on a later frame against frame 0, independent of the renderer.
 * Frame 0's features and segments are computed once per probe, so measuring many frames is cheap.
 * Thresholds that the acceptance tests use are exported beside the measures (one place).
 *
 * @example
 *   const probe = integrityProbe(grayFromI420(frames[0], W, H));
 *   const m = probe.measure(grayFromI420(frames[23], W, H));
 *   m.clone.size < CLONE_LIMIT && m.mirror.size < MIRROR_LIMIT && m.lines.worst <= bowLimit(W)
 */
import { cloneFigure, distanceMatrix, mirrorFigure, referenceFeatures, type IntegrityFigure, type Reference } from './integrity/clones-mirrors.js';
import { detectFeatures } from './integrity/features.js';
import { lineBow, ratioMatches, referenceLines, type LineFigure, type LineReference } from './integrity/line-bow.js';
import type { Gray } from './integrity/gray.js';

export { gray, grayFromI420, grayFromRgb, type Gray } from './integrity/gray.js';
export type { IntegrityFigure } from './integrity/clones-mirrors.js';
export type { LineFigure } from './integrity/line-bow.js';

/** A coherent group of this many distinct places or more is a clone / a mirror. */
export const CLONE_LIMIT = 5;
export const MIRROR_LIMIT = 5;
/** The issue's bound: 0.75 px of bow at 640 px width, scaled with the width measured at. */
export const bowLimit = (width: number) => (0.75 * width) / 640;

export interface IntegrityMeasure {
  clone: IntegrityFigure;
  mirror: IntegrityFigure;
  lines: LineFigure;
}

export interface IntegrityProbe {
  reference: Reference;
  lines: LineReference;
  measure(later: Gray): IntegrityMeasure;
}

export function integrityProbe(frame0: Gray): IntegrityProbe {
  const reference = referenceFeatures(frame0);
  const lines = referenceLines(frame0);
  return {
    reference,
    lines,
    measure(later) {
      const features = detectFeatures(later, [8]);
      const distances = distanceMatrix(reference, features);
      return {
        clone: cloneFigure(reference, later, features, distances),
        mirror: mirrorFigure(reference, later, features, distances),
        lines: lineBow(lines, later, ratioMatches(reference.features, features, distances)),
      };
    },
  };
}

/** One line for a failure message or a report. */
export function describeMeasure(m: IntegrityMeasure): string {
  return `clone group ${m.clone.size}, mirror group ${m.mirror.size}${m.mirror.kind ? ` (${m.mirror.kind})` : ''}, worst bow ${m.lines.worst.toFixed(2)} px over ${m.lines.followed}/${m.lines.segments} segments`;
}
