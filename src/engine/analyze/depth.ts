/**
 * Depth as nearness (0 far … 1 near) from monocular cues, weighted by the kind of picture:
 * - layout: outdoors with a horizon, a box model in perspective: nearness grows with the offset
 *   from the horizon (ground below, roof lines above in a street) and from the vanishing point
 *   (walls on either side), so a street's walls and cobbles are near and its far end far;
 * - sky: always farthest;
 * - focus: in a shallow depth-of-field shot, the sharp subject is near and the blur behind it far;
 * - saliency: the salient subject stands nearer than what surrounds it;
 * - vertical position: lower is nearer (floors, tables, ground);
 * - people: a detected person is near (zeros until face models are in).
 * The blend is then refined with guided filters on the luma so depth edges follow image edges.
 *
 * @example
 *   const depth = estimateDepth({ raster, sky, focus, saliency, people, horizon, vanishingX, street: true, kind: 'outdoor' });
 */
import { halfOf, type AnalysisRaster } from './analysis-raster.js';
import { clamp01, fastGuidedFilter, guidedFilter, normalizeRobust, smoothBlur } from './filters.js';
import { halve, upsample } from './resample.js';

/** Which blend of cues applies. */
export type DepthKind = 'outdoor' | 'shallow' | 'indoor' | 'flat';

export interface DepthInput {
  raster: AnalysisRaster;
  sky: Float32Array;
  focus: Float32Array;
  saliency: Float32Array;
  people: Float32Array;
  horizon: number | null;
  /** normalised x of the sky's lowest point: where the view goes farthest */
  vanishingX: number;
  /** a street: walls close in above the horizon too */
  street: boolean;
  kind: DepthKind;
}

const WEIGHTS: Record<DepthKind, { layout: number; focus: number; saliency: number; vertical: number }> = {
  outdoor: { layout: 0.6, focus: 0.08, saliency: 0.2, vertical: 0.12 },
  shallow: { layout: 0, focus: 0.3, saliency: 0.45, vertical: 0.25 },
  indoor: { layout: 0, focus: 0.2, saliency: 0.4, vertical: 0.4 },
  flat: { layout: 0, focus: 0, saliency: 0.1, vertical: 0 },
};

export function estimateDepth(input: DepthInput): Float32Array {
  const { raster, sky, focus, saliency, people, horizon, vanishingX, kind } = input;
  const { width: W, height: H } = raster;
  // the blend and its wide smoothing run at half size; only the final edge snap at full size
  const half = halfOf(raster);
  const { width: w, height: h } = half;
  const focusH = halve(focus, W, H).data;
  const salH = halve(saliency, W, H).data;
  const wt = WEIGHTS[kind];
  const raw = new Float32Array(w * h);
  const hz = horizon ?? 0.45;
  const vx = Math.min(0.9, Math.max(0.1, vanishingX));
  // above the horizon only walls close in (a street); elsewhere what stands there is mostly far
  const above = input.street ? 1 : 0.5;
  for (let y = 0; y < h; y++) {
    const yn = (y + 0.5) / h;
    const vertical = Math.pow(yn, 1.3);
    // perspective: the offset from the horizon grows as 1/distance, for the ground and roof lines alike
    const fromHorizon = yn > hz ? (yn - hz) / (1 - hz) : (above * (hz - yn)) / hz;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let layout = 0;
      if (wt.layout > 0) {
        const xn = (x + 0.5) / w;
        // walls on either side: the offset from the vanishing point, likewise
        const sideways = xn < vx ? (vx - xn) / vx : (xn - vx) / (1 - vx);
        layout = Math.pow(Math.max(fromHorizon, 0.85 * sideways), 0.8);
      }
      let d = wt.layout * layout + wt.focus * focusH[i]! + wt.saliency * salH[i]! + wt.vertical * vertical;
      if (kind === 'flat') d = 0.45 + d;
      raw[i] = d;
    }
  }

  // coarse-to-fine: a wide, strongly smoothing pass makes objects coherent, a narrow one snaps edges
  const long = Math.max(w, h);
  const coarse = guidedFilter(half.luma, smoothBlur(raw, w, h, Math.max(1, Math.round(long / 100))), w, h, Math.max(3, Math.round(long / 24)), 2e-2);
  if (kind !== 'flat') normalizeRobust(coarse, 0.01, 0.99);
  // the sky is the backdrop; a person stands in front of whatever is behind them
  const skyH = halve(sky, W, H).data;
  const peopleH = halve(people, W, H).data;
  for (let i = 0; i < w * h; i++) {
    let d = coarse[i]! * (1 - skyH[i]!);
    if (peopleH[i]! > 0) d = Math.max(d, peopleH[i]! * 0.95);
    coarse[i] = d;
  }
  // snap to the picture's edges at full size (fast guided filter: coefficients at half size)
  const n = W * H;
  const depth = fastGuidedFilter(raster.luma, W, H, half.luma, coarse, w, h, Math.max(2, Math.round(long / 40)), 4e-4, upsample);
  for (let i = 0; i < n; i++) {
    // a hard sky edge is kept hard: the filter must not drag the sky forward
    const s = sky[i]!;
    if (s > 0) depth[i] = depth[i]! * (1 - s);
  }
  for (let i = 0; i < n; i++) depth[i] = clamp01(depth[i]!);
  return depth;
}
