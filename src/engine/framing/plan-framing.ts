/**
 * `aspect_ratio`: how a picture of another shape becomes the clip's. The frame is cut from the
 * picture around its subject (as much of the picture as the ratio allows, centred on the subject,
 * kept inside the picture); where even the subject would not fit, the cut keeps the subject whole
 * and the missing band is outpainted on both sides. The result goes in the plan (`framing`).
 *
 * @example
 *   planFraming(1600, 900, { x: 0.6, y: 0.3, w: 0.2, h: 0.5 }, '9:16')
 *   // → { aspect_ratio: '9:16', crop: { x: 803, y: 0, w: 506, h: 900 }, outpaint: { x: 0, y: 0 }, … }
 */
import type { Box } from '../scene.js';

export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface Framing {
  aspect_ratio: AspectRatio;
  /** the source picture's size (px) */
  source: { width: number; height: number };
  /** the part of the source kept (px) */
  crop: { x: number; y: number; w: number; h: number };
  /** outpainted band on each side (px at the crop's scale): x left and right, y top and bottom */
  outpaint: { x: number; y: number };
}

/** room around the subject, as a fraction of its size */
const MARGIN = 0.1;

const ratioOf = (r: AspectRatio) => { const [w, h] = r.split(':').map(Number); return w! / h!; };

/** null when the picture already has the ratio (within 1 %) */
export function planFraming(width: number, height: number, subject: Box, ratio: AspectRatio): Framing | null {
  const target = ratioOf(ratio);
  if (Math.abs(width / height - target) / target < 0.01) return null;
  const source = { width, height };
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  if (target < width / height) {
    // narrower: cut the width, around the subject's centre
    const centre = (subject.x + subject.w / 2) * width;
    const need = Math.min(width, subject.w * width * (1 + MARGIN));
    const w = Math.round(Math.max(height * target, need));
    const x = Math.round(clamp(centre - w / 2, 0, width - w));
    const y = Math.max(0, Math.round((w / target - height) / 2));
    return { aspect_ratio: ratio, source, crop: { x, y: 0, w, h: height }, outpaint: { x: 0, y } };
  }
  const centre = (subject.y + subject.h / 2) * height;
  const need = Math.min(height, subject.h * height * (1 + MARGIN));
  const h = Math.round(Math.max(width / target, need));
  const y = Math.round(clamp(centre - h / 2, 0, height - h));
  const x = Math.max(0, Math.round((h * target - width) / 2));
  return { aspect_ratio: ratio, source, crop: { x: 0, y, w: width, h }, outpaint: { x, y: 0 } };
}

/** the plan's sentence on what was done */
export function framingNote(f: Framing): string {
  const kept = f.crop.w < f.source.width
    ? `kept ${Math.round((100 * f.crop.w) / f.source.width)} % of its width`
    : `kept ${Math.round((100 * f.crop.h) / f.source.height)} % of its height`;
  const grown = f.outpaint.x > 0 ? `, and outpainted ${f.outpaint.x} px at the left and right where the subject would not fit`
    : f.outpaint.y > 0 ? `, and outpainted ${f.outpaint.y} px above and below where the subject would not fit` : '';
  return `aspect_ratio ${f.aspect_ratio}: reframed the ${f.source.width}×${f.source.height} picture around its subject (${kept})${grown}`;
}
