/**
 * Mirrored borders found by their seam: a frame padded by reflection (a pull-out's margin filled
 * with a mirror of the picture) is reflection-symmetric about a line near its edge, even when the
 * padding is blurred, which feature matching alone misses. For each side and each seam position
 * within 30 % of the frame from that edge, the normalised correlation between the strip outside
 * the seam, reflected, and the strip inside it — after removing, per line along the seam, the mean
 * of each strip, so that structure running across the seam (a horizon, a sky gradient) does not
 * count as symmetric; the few lines nearest the seam are left out (a thin line lying along it is
 * symmetric about itself). The figure is the best score (1: a perfect mirror) and where it is.
 *
 * A padding's seam is where the picture ends: when the motion of the content from frame 0 is known,
 * only seams along frame 0's edges as moved (atPictureEdge) are read. A symmetric object that a
 * move brings onto a line inside the picture (a cypress cut through its trunk by a seam over
 * smooth sky, in a whip pan zoomed 1.79×) is no reflection.
 *
 * @example mirrorSeam(blur(later, 2)) // → { score: 0.93, side: 'top', at: 41 }
 */
import { blur, type Gray } from './gray.js';
import type { Similarity } from './line-bow.js';

export interface SeamFigure { score: number; side: 'left' | 'right' | 'top' | 'bottom'; at: number }

const STRIP = 20;
/**
 * the pairs of lines nearest the seam (px each side) are not compared: a thin line along it — a
 * scanned photo's bright or dark edge row, which a pull-out brings in to lie on the seam
 * (orange.jpg's top and bottom rows: 0.82 and 0.94 with them) — is symmetric about itself whatever
 * lies beyond it, while a reflection is symmetric as far out as it goes (mirrors read ≥ 0.97 either way)
 */
const GAP = 3;

/** how far (px) a seam may lie from frame 0's edge as moved and still be that edge's */
const EDGE_SLACK = 4;

/**
 * Which seams (side, at: px from that side, as mirrorSeam counts them) lie on frame 0's edges once
 * moved by T (frame 0 → later, a similarity; frames w × h): the seam at s from the left lies at
 * x = s − ½, from the right at x = w − s − ½, and the picture's left edge at T(−½, y), y over its
 * height (a slant when T turns).
 */
export function atPictureEdge(T: Similarity, w: number, h: number): (side: SeamFigure['side'], at: number) => boolean {
  const [a, b, tx, ty] = T;
  const span = (f: (t: number) => number, n: number): [number, number] => { const p = f(-0.5), q = f(n - 0.5); return [Math.min(p, q) - EDGE_SLACK, Math.max(p, q) + EDGE_SLACK]; };
  const edges = {
    left: span((y) => -0.5 * a - b * y + tx, h), right: span((y) => (w - 0.5) * a - b * y + tx, h),
    top: span((x) => b * x - 0.5 * a + ty, w), bottom: span((x) => b * x + (h - 0.5) * a + ty, w),
  };
  return (side, at) => {
    const p = side === 'left' || side === 'top' ? at - 0.5 : (side === 'right' ? w : h) - at - 0.5;
    const [lo, hi] = edges[side];
    return p >= lo && p <= hi;
  };
}

/** `seams`: only the seams it accepts are read (atPictureEdge); all when not given. */
export function mirrorSeam(frame: Gray, seams?: (side: SeamFigure['side'], at: number) => boolean): SeamFigure {
  const img = blur(frame, 1.5);
  const { width: w, height: h, data } = img;
  let best: SeamFigure = { score: 0, side: 'left', at: 0 };
  const sides = [
    { side: 'left' as const, n: w, lines: h, at: (line: number, k: number) => data[line * w + k]! },
    { side: 'right' as const, n: w, lines: h, at: (line: number, k: number) => data[line * w + (w - 1 - k)]! },
    { side: 'top' as const, n: h, lines: w, at: (line: number, k: number) => data[k * w + line]! },
    { side: 'bottom' as const, n: h, lines: w, at: (line: number, k: number) => data[(h - 1 - k) * w + line]! },
  ];
  for (const { side, n, lines, at } of sides) {
    for (let s = 8; s < 0.3 * n; s++) {
      if (seams && !seams(side, s)) continue;
      const b = Math.min(STRIP, s - GAP);
      let sab = 0, saa = 0, sbb = 0;
      for (let line = 0; line < lines; line += 2) {
        let ma = 0, mb = 0;
        for (let k = GAP; k < GAP + b; k++) { ma += at(line, s - 1 - k); mb += at(line, s + k); }
        ma /= b; mb /= b;
        for (let k = GAP; k < GAP + b; k++) {
          const a = at(line, s - 1 - k) - ma, c = at(line, s + k) - mb;
          sab += a * c; saa += a * a; sbb += c * c;
        }
      }
      // flat strips say nothing
      if (saa < 4 * b * lines || sbb < 4 * b * lines) continue;
      const score = sab / Math.sqrt(saa * sbb);
      if (score > best.score) best = { score, side, at: s };
    }
  }
  return best;
}
