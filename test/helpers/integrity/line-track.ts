/**
 * Follows one line along its length: given, at every sample point of a segment, the cost of each
 * candidate offset across it, the track is the sequence of offsets that is cheapest over the whole
 * segment while moving at most `maxStep` candidates between neighbouring points (dynamic
 * programming). A line moves continuously, so where a surface repeats a stripe every few px (leaf
 * veins, wood grain, lattice bars) the track stays on one stripe instead of hopping to the next one
 * wherever that matches a little better — the hop, not the picture, was the "bow" such lines showed.
 *
 * @example const track = cheapestTrack(costs, { maxStep: 2, cap: 0.5, stepCost: 0.02 }) // candidate index per point
 */

export interface TrackOptions {
  /** the most candidates the track moves between neighbouring points */
  maxStep: number;
  /** a point's cost is at most this (an occluded or unmatched point costs the same everywhere) */
  cap: number;
  /**
   * added per candidate moved between neighbours: of two equally good tracks, the straighter; ten
   * times as much into a point where nothing matches (off the frame, occluded), so the track does
   * not wander across a gap to pick up a stripe beyond it
   */
  stepCost: number;
}

/** costs[i][k]: point i at candidate k (NaN: unknown). Every row has the same length. */
export function cheapestTrack(costs: readonly Float64Array[], o: TrackOptions): Int32Array {
  const n = costs.length, K = n ? costs[0]!.length : 0;
  const track = new Int32Array(n);
  if (!n || !K) return track;
  const node = (i: number, k: number) => { const c = costs[i]![k]!; return c < o.cap ? c : o.cap; }; // NaN → cap
  const from = new Int32Array(n * K);
  let total = new Float64Array(K), next = new Float64Array(K);
  for (let k = 0; k < K; k++) total[k] = node(0, k);
  for (let i = 1; i < n; i++) {
    let matched = false;
    for (let k = 0; k < K && !matched; k++) matched = node(i, k) < o.cap;
    const stepCost = matched ? o.stepCost : 10 * o.stepCost;
    for (let k = 0; k < K; k++) {
      let best = Infinity, arg = k;
      for (let d = -o.maxStep; d <= o.maxStep; d++) {
        const p = k + d;
        if (p < 0 || p >= K) continue;
        const c = total[p]! + stepCost * Math.abs(d);
        if (c < best) { best = c; arg = p; }
      }
      next[k] = best + node(i, k);
      from[i * K + k] = arg;
    }
    [total, next] = [next, total];
  }
  let end = 0;
  for (let k = 1; k < K; k++) if (total[k]! < total[end]!) end = k;
  track[n - 1] = end;
  for (let i = n - 1; i > 0; i--) track[i - 1] = from[i * K + track[i]!]!;
  return track;
}
