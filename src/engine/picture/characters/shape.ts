/**
 * Shared shape functions of the face warps: a smooth step, the mouth's opening profile across its
 * width and the inner-lip line, used alike by the displacement and by the mouth-interior fill.
 */
import type { FaceFeatures } from './types.js';

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
}

type Mouth = FaceFeatures['mouth'];

/** Opening weight across the mouth: 1 in the middle, 0 at the corners. */
export function mouthProfile(m: Mouth, x: number): number {
  const half = 0.5 * (m.x1 - m.x0);
  return 1 - smoothstep(0.5, 1, Math.abs(x - (m.x0 + m.x1) / 2) / half);
}

/**
 * y of the line between the lips at x: through the inner corners and the centre, curved like the
 * lower lip of a smile (a parabola on each side), so the opening follows the teeth's lower edge.
 */
export function lipLine(m: Mouth, x: number): number {
  if (x <= m.lx) return m.ly;
  if (x >= m.rx) return m.ry;
  const ex = x < m.cx ? m.lx : m.rx, ey = x < m.cx ? m.ly : m.ry;
  const s = Math.abs(x - m.cx) / Math.max(1e-3, Math.abs(ex - m.cx));
  return m.cy + (ey - m.cy) * s * s;
}

/** How far the lower lip drops at full openness, and the lip seam that stretches into the gap (px). */
export function mouthDrop(m: Mouth): { drop: number; seam: number } {
  const mw = m.x1 - m.x0;
  return { drop: 0.22 * mw, seam: Math.max(1, 0.05 * mw) };
}
