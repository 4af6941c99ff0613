/**
 * Boxes from a CenterNet head's two maps: a heatmap with one channel per class (the sigmoid
 * "an object of this class is centred in this cell") and, per cell, the distances from the cell's
 * centre to the box's left, top, right and bottom edges in input pixels. An object is a cell that is
 * the largest of its 3×3 neighbourhood in its class's channel and scores at least the gate; its box
 * is the cell's position (× stride) widened by those four distances. Overlapping boxes of the same
 * object (two neighbouring peaks) keep the higher-scoring one. Sorted by score, then position, so
 * equal inputs give equal lists.
 *
 * @example
 *   decodeCenternet(heat, dist, { grid: 128, classes: 80, stride: 4 }, [16], 0.35)
 *   // → [{ cls: 16, score: 0.47, x0: 83, y0: 184, x1: 208, y1: 481 }] (input pixels)
 */

export interface CenternetShape {
  /** cells along each side of the (square) maps */
  grid: number;
  /** heatmap channels (one per class) */
  classes: number;
  /** input pixels per cell */
  stride: number;
}

export interface CenternetBox { cls: number; score: number; x0: number; y0: number; x1: number; y1: number }

/** boxes overlapping more than this (intersection over union) are one object */
const SAME_OBJECT_IOU = 0.5;

export function decodeCenternet(heat: ArrayLike<number>, dist: ArrayLike<number>, shape: CenternetShape, wanted: readonly number[], gate: number): CenternetBox[] {
  const { grid: g, classes: k, stride } = shape;
  const found: CenternetBox[] = [];
  for (const cls of wanted) {
    for (let y = 0; y < g; y++) for (let x = 0; x < g; x++) {
      const score = heat[(y * g + x) * k + cls]!;
      if (score < gate || !isPeak(heat, shape, cls, x, y, score)) continue;
      const d = (y * g + x) * 4;
      found.push({ cls, score, x0: x * stride - dist[d]!, y0: y * stride - dist[d + 1]!, x1: x * stride + dist[d + 2]!, y1: y * stride + dist[d + 3]! });
    }
  }
  found.sort((a, b) => b.score - a.score || a.y0 - b.y0 || a.x0 - b.x0 || a.cls - b.cls);
  const kept: CenternetBox[] = [];
  for (const box of found) if (!kept.some((o) => o.cls === box.cls && iou(o, box) > SAME_OBJECT_IOU)) kept.push(box);
  return kept;
}

/** the cell is the largest of its 3×3 neighbourhood in its class's channel (ties: the first in reading order) */
function isPeak(heat: ArrayLike<number>, { grid: g, classes: k }: CenternetShape, cls: number, x: number, y: number, score: number): boolean {
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const X = x + dx, Y = y + dy;
    if ((!dx && !dy) || X < 0 || Y < 0 || X >= g || Y >= g) continue;
    const v = heat[(Y * g + X) * k + cls]!;
    if (v > score || (v === score && (dy < 0 || (dy === 0 && dx < 0)))) return false;
  }
  return true;
}

function iou(a: CenternetBox, b: CenternetBox): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h, area = (c: CenternetBox) => (c.x1 - c.x0) * (c.y1 - c.y0);
  return inter / (area(a) + area(b) - inter);
}
