/**
 * The pixel cues: everything analysis reads from the picture's pixels alone (no models) — the
 * analysis raster, statistics, sky, horizon, water, foliage, lights, focus and saliency. They
 * depend on nothing else, so analyzeImage computes them on the helper thread while the face
 * models run on the calling thread.
 *
 * @example const cues = pixelCues(image, small); cues.sky[y * cues.raster.width + x]
 */
import type { RgbImage, Scene, SceneStats } from '../scene.js';
import { analysisRaster, halfOf, type AnalysisRaster } from './analysis-raster.js';
import { focusMap } from './focus.js';
import { foliageMask } from './foliage.js';
import { findHorizon } from './horizon.js';
import { findLights } from './lights.js';
import { upsample } from './resample.js';
import { saliencyMap } from './saliency.js';
import { skyMask } from './sky.js';
import { imageStats } from './stats.js';
import { waterMask } from './water.js';
import { laps } from '../util/laps.js';

export interface PixelCues {
  raster: AnalysisRaster;
  stats: SceneStats;
  sky: Float32Array;
  horizon: number | null;
  vanishingX: number;
  water: Float32Array;
  foliage: Float32Array;
  lightsMask: Float32Array;
  lights: Scene['lights'];
  /** sharpness on the analysis raster, with how spread out it is and how much of it is blurred */
  focus: Float32Array;
  focusSpread: number;
  blurredFraction: number;
  /** what draws the eye, on the analysis raster, with the sky damped (rarely what a viewer looks at) */
  saliency: Float32Array;
  /** how unlike the border each half-raster pixel is (subject isolation) */
  unlikeBorder: Float32Array;
  /** milliseconds per step */
  timings: Record<string, number>;
}

/** What is read off the sky: the horizon, the water below it, and the lights (never the sky's own bright parts). */
export function skyDependents(raster: AnalysisRaster, sky: Float32Array, medianLuma: number): Pick<PixelCues, 'sky' | 'horizon' | 'vanishingX' | 'water' | 'lightsMask' | 'lights'> {
  const { horizon, vanishingX } = findHorizon(sky, raster.width, raster.height);
  const water = waterMask(raster, sky, horizon);
  const { mask: lightsMask, lights } = findLights(raster, sky, medianLuma);
  return { sky, horizon, vanishingX, water, lightsMask, lights };
}

export function pixelCues(image: RgbImage, small: RgbImage | null): PixelCues {
  const { timings, lap } = laps();
  const raster = analysisRaster(image, small);
  const half = halfOf(raster);
  const { width: w, height: h } = raster;
  const stats = imageStats(image, raster);
  lap('raster+stats');

  const sky = skyMask(raster, stats.medianLuma);
  const { horizon, vanishingX, water, lightsMask, lights } = skyDependents(raster, sky, stats.medianLuma);
  const foliage = foliageMask(raster);
  lap('sky+water+foliage+lights');
  // smooth cues on the half-size raster, brought back up to the analysis raster
  const focus = focusMap(half);
  const focusFull = upsample(focus.focus, half.width, half.height, w, h);
  lap('focus');
  const salient = saliencyMap(half);
  const saliency = upsample(salient.saliency, half.width, half.height, w, h);
  for (let i = 0; i < w * h; i++) saliency[i] = saliency[i]! * (1 - 0.8 * sky[i]!);
  lap('saliency');
  return {
    raster, stats, sky, horizon, vanishingX, water, foliage, lightsMask, lights,
    focus: focusFull, focusSpread: focus.spread, blurredFraction: focus.blurredFraction,
    saliency, unlikeBorder: salient.unlikeBorder, timings,
  };
}
