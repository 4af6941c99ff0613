/**
 * Mirrored borders found by their seam: a frame padded by reflection (a pull-out's margin filled
 * with a mirror of the picture) is reflection-symmetric about a line near its edge, even when the
 * padding is blurred, which feature matching alone misses. For each side and each seam position
 * within 30 % of the frame from that edge, the normalised correlation between the strip outside
 * the seam, reflected, and the strip inside it — after removing, per line along the seam, the mean
 * of each strip, so that structure running across the seam (a horizon, a sky gradient) does not
 * count as symmetric. The figure is the best score (1: a perfect mirror) and where it is.
 *
 * @example mirrorSeam(blur(later, 2)) // → { score: 0.93, side: 'top', at: 41 }
 */
import { blur, type Gray } from './gray.js';

export interface SeamFigure { score: number; side: 'left' | 'right' | 'top' | 'bottom'; at: number }

const STRIP = 20;

export function mirrorSeam(frame: Gray): SeamFigure {
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
      const b = Math.min(STRIP, s);
      let sab = 0, saa = 0, sbb = 0;
      for (let line = 0; line < lines; line += 2) {
        let ma = 0, mb = 0;
        for (let k = 0; k < b; k++) { ma += at(line, s - 1 - k); mb += at(line, s + k); }
        ma /= b; mb /= b;
        for (let k = 0; k < b; k++) {
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
