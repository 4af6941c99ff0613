/**
 * A subject's breathing: its whole region stretches up from its base and settles back, the
 * stretch fading to nothing at the region's edge so the background around it stays put — and,
 * with the subject matte's weight, only the subject's own pixels (and a short rim) move.
 *
 * @example
 *   displaceBody(field, rig.features.body!, 0.01, rig.features.bodyWeight)
 */
import type { GridField } from './displace.js';
import { smoothstep } from './shape.js';
import { bodyWeightAt, type BodyWeight } from './body-weight.js';
import { cellWeights } from './cell-weights.js';

export function displaceBody(field: GridField, body: readonly [number, number, number, number], breath: number, weight?: BodyWeight): void {
  if (!breath) return;
  const { cell, gridWidth: gw, gridHeight: gh, dx: DX, dy: DY } = field;
  const [x0, y0, x1, y1] = body;
  const cx = (x0 + x1) / 2;
  // the cells of its region and their weights do not change over the clip
  const cells = cellWeights(body, `${cell} ${gw} ${gh} ${weight ? 'matte' : ''}`, (add) => {
    const cy = (y0 + y1) / 2, hw = (x1 - x0) / 2, hh = (y1 - y0) / 2;
    for (let j = Math.max(0, Math.floor(y0 / cell)); j <= Math.min(gh - 1, Math.ceil(y1 / cell)); j++) {
      const y = j * cell, v = (y - cy) / hh;
      for (let i = Math.max(0, Math.floor(x0 / cell)); i <= Math.min(gw - 1, Math.ceil(x1 / cell)); i++) {
        const x = i * cell, u = (x - cx) / hw;
        const r = Math.sqrt(u * u + v * v);
        if (r >= 1) continue;
        add(j * gw + i, x, y, (1 - smoothstep(0.5, 1, r)) * (weight ? bodyWeightAt(weight, x, y) : 1));
      }
    }
  });
  for (let c = 0; c < cells.length; c++) {
    const k = cells.k[c]!, x = cells.x[c]!, y = cells.y[c]!, w = cells.w[c]!;
    // backward warp: an output pixel samples from nearer the base (the body rises and widens a little)
    DY[k]! += (y1 - y) * breath * w;
    DX[k]! -= (x - cx) * 0.4 * breath * w;
  }
}
