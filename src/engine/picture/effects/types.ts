/**
 * The contract of one effect renderer (one file per EFFECT_TYPES entry, collected in effects/index.ts).
 *
 * An effect acts in one or more of three stages of a frame:
 * - `displace`: moves source samples before the camera warp (clouds, water shimmer, foliage sway),
 *   writing canvas-pixel offsets into a coarse grid, confined to its region mask;
 * - `light`: multiplies and adds colour on a coarse output-space field (fog, glow, flicker,
 *   lightning, rays), composited onto the frame in one full-resolution pass;
 * - `overlay`: draws on the full-resolution frame (particles, flares, star twinkle): through the
 *   frame's `surface`, or on its RGBA bytes.
 * `amount` is the effect's intensity × fade-in at this frame (0 at frame 0); an effect with
 * amount 0 is not called. Everything random comes from `rng` seeded by (plan seed, type + index),
 * and particles are functions of time, so any frame renders alone and identically.
 */
import type { Effect, EffectType } from '../../plan.js';
import type { PoseGeometry } from '../camera/geometry.js';
import type { MaskRegion, Pose, RenderSetup } from '../types.js';
import type { DisplaceField } from '../kernel/lattice.js';
import type { Random } from '../../util/random.js';
import type { Surface } from './shared/surface.js';

/** Colour field on a coarse lattice over the output frame: out = pixel × mul + add (0…255 units). */
export interface LightField {
  cell: number;
  width: number;
  height: number;
  mulR: Float32Array; mulG: Float32Array; mulB: Float32Array;
  addR: Float32Array; addG: Float32Array; addB: Float32Array;
  touched: boolean;
}

/** Output-space maps sampled at the light-field lattice for this frame's pose. */
export interface LowMaps {
  depth: Float32Array;
  /** a region's mask seen through this frame's camera (cached per frame) */
  mask(region: MaskRegion): Float32Array;
  /** mean luma 0…1 of the warped frame per lattice cell (computed on first use) */
  luma(): Float32Array;
}

/** What an effect may read while it renders one frame. */
export interface FrameEnv {
  t: number;
  index: number;
  pose: Pose;
  geometry: PoseGeometry;
  width: number;
  height: number;
  /** the frame being built, to draw particles on (shared/draw.ts): RGBA or already I420 */
  surface: Surface;
  /** the frame as packed RGBA words and bytes — only on frames where some active effect is not
   * `surfaceOnly` (empty otherwise) */
  frame32: Int32Array;
  frame8: Uint8Array;
  low: LowMaps;
}

/** Per-render context for creating an effect instance. */
export interface EffectEnv {
  setup: RenderSetup;
  /** region masks at the displacement grid's resolution (canvas space, 0…1) */
  gridMask(region: MaskRegion): Float32Array;
  gridWidth: number;
  gridHeight: number;
  gridCell: number;
  /** the light-field lattice */
  fieldWidth: number;
  fieldHeight: number;
  fieldCell: number;
}

export interface EffectInstance {
  displace?(field: DisplaceField, env: FrameEnv, amount: number): void;
  light?(field: LightField, env: FrameEnv, amount: number): void;
  overlay?(env: FrameEnv, amount: number): void;
}

/** How far (px) a displaced sample may land from where the camera samples: left, right, up, down. */
export interface SampleReach {
  left: number;
  right: number;
  up: number;
  down: number;
}

export interface EffectRenderer {
  type: EffectType;
  /** the mask it is confined to when the plan says region 'all' (null: the whole frame) */
  naturalRegion: MaskRegion | null;
  /** true when it moves source samples (the canvas then gets an outpainted margin) */
  displaces?: boolean;
  /**
   * how far (px, in a picture `width` px wide) it may move a source sample in a clip `seconds`
   * long, when that can be more than the margin every displacing effect gets (3 % of the picture:
   * setup/prepare.ts): a drift that accumulates
   */
  reach?(effect: Effect, width: number, seconds: number): number;
  /**
   * how far (px) it may move a source sample each way (a drift one way, a billow both), when that
   * is less than `reach` (or the 3 % margin) every way: only the margin that far beside its region
   * is then synthesised (setup/reachable-margin.ts)
   */
  reachBox?(effect: Effect, width: number, seconds: number): SampleReach;
  /** its displacement varies over a few pixels (ripples): the warp solves it on a finer lattice */
  finelyDisplaces?: boolean;
  /** its overlay draws only through `surface` (no light stage, no RGBA access): a frame whose
   * active effects are all like this (or only displace) is warped straight into I420 */
  surfaceOnly?: boolean;
  /** masks it reads besides its region (e.g. lightning brightens the sky most) */
  masks?: MaskRegion[];
  create(env: EffectEnv, effect: Effect, rng: Random, region: MaskRegion | null): EffectInstance;
}

/** The region an effect is confined to: the plan's, or the renderer's natural one for 'all'. */
export function effectRegion(renderer: EffectRenderer, effect: Effect): MaskRegion | null {
  return effect.region !== 'all' ? effect.region : renderer.naturalRegion;
}
