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
    cells = collect(visit);
    byKey.set(key, cells);
  }
  return cells;
}

/**
 * The cells `visit` adds, straight into typed arrays that double when full: a rig's regions have
 * tens of thousands of cells, and pushing them onto plain arrays cost a render worker a few hundred
 * ms on its first acting frame (each worker pays it: the first frames wait for it).
 */
function collect(visit: (add: (k: number, x: number, y: number, w: number) => void) => void): CellWeights {
  let n = 0, k = new Int32Array(1024), x = new Float64Array(1024), y = new Float64Array(1024), w = new Float64Array(1024);
  visit((ki, xi, yi, wi) => {
    if (n === k.length) {
      k = grown(k, new Int32Array(2 * n)); x = grown(x, new Float64Array(2 * n)); y = grown(y, new Float64Array(2 * n)); w = grown(w, new Float64Array(2 * n));
    }
    k[n] = ki; x[n] = xi; y[n] = yi; w[n] = wi;
    n++;
  });
  return { length: n, k: k.slice(0, n), x: x.slice(0, n), y: y.slice(0, n), w: w.slice(0, n) };
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
