/**
 * The displacement grid's cells a rig's warp reaches and each one's weight: they follow from the
 * rig's features and the grid alone, not from the frame, so they are worked out on the first frame
 * that needs them and kept (per features object: a new setup's rigs start afresh). The per-frame
 * warps then visit only those cells, with the same arithmetic as before, so the same bytes.
 *
 * @example
 *   const cells = cellWeights(body, `${cell} ${gw} ${gh}`, (add) => { ... add(k, x, y, w) ... });
 *   for (let c = 0; c < cells.length; c++) DY[cells.k[c]!]! += cells.w[c]! * lift;
 */
export interface CellWeights {
  length: number;
  /** the cell's index in the grid, its canvas position and its weight (> 0) */
  k: Int32Array; x: Float64Array; y: Float64Array; w: Float64Array;
}

const kept = new WeakMap<object, Map<string, CellWeights>>();

/**
 * The cells `visit` adds (in its order) for `owner` under `key` (what else they depend on: the
 * grid's size, a reach), visited once and kept.
 */
export function cellWeights(owner: object, key: string, visit: (add: (k: number, x: number, y: number, w: number) => void) => void): CellWeights {
  let byKey = kept.get(owner);
  if (!byKey) kept.set(owner, (byKey = new Map()));
  let cells = byKey.get(key);
  if (!cells) {
    const k: number[] = [], x: number[] = [], y: number[] = [], w: number[] = [];
    visit((ki, xi, yi, wi) => { k.push(ki); x.push(xi); y.push(yi); w.push(wi); });
    cells = { length: k.length, k: Int32Array.from(k), x: Float64Array.from(x), y: Float64Array.from(y), w: Float64Array.from(w) };
    byKey.set(key, cells);
  }
  return cells;
}
