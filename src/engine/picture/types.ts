/**
 * Shapes shared by the picture stage's main thread (setup, scheduling) and its render workers.
 * Everything here is plain data or SharedArrayBuffers, so it crosses to a worker without copies.
 */
import type { Effect, Grade, Region } from '../plan.js';
import type { CharacterRig } from './characters/types.js';

/** One resolved camera pose: the plan's CameraKey fields after easing, shake and overscan. */
export interface Pose {
  /** lens zoom including the overscan zoom that keeps samples inside the picture */
  zoom: number;
  pan: number;
  tilt: number;
  /** degrees, + clockwise */
  roll: number;
  truck: number;
  pedestal: number;
  dolly: number;
  focus: number;
  aperture: number;
}

/** What one frame needs beyond the shared setup. */
export interface FrameSpec {
  index: number;
  /** seconds */
  t: number;
  /** sub-frame poses averaged for motion blur; one pose when there is none */
  poses: Pose[];
  /** per plan effect (same order as `RenderSetup.effects`): intensity × fade × active window */
  amounts: number[];
  /** the grade as applied to this frame (already scaled by its fade-in; identity at frame 0) */
  grade: FrameGrade;
}

export type FrameGrade = Omit<Grade, 'fade_in'>;

/** A light source in output-frame terms at zoom 1 (normalised, like the Scene's). */
export interface SetupLight {
  x: number;
  y: number;
  radius: number;
  brightness: number;
  color: [number, number, number];
}

/** Regions whose masks a render needs (subject comes from the people/saliency maps). */
export type MaskRegion = Exclude<Region, 'all'>;

/** Everything a worker needs to render any frame of one clip. Sent once per render. */
export interface RenderSetup {
  id: number;
  seed: number;
  fps: number;
  /** output size */
  width: number;
  height: number;
  /** the working canvas: the picture resized to the output size, plus `margin` px of outpainted border each side */
  canvasWidth: number;
  canvasHeight: number;
  marginX: number;
  marginY: number;
  /** canvas pixels, RGBA (A unused), row-major, as an Int32Array over this buffer */
  canvas: SharedArrayBuffer;
  /** nearness 0…255 at canvas resolution */
  depth: SharedArrayBuffer;
  depthMin: number;
  depthMax: number;
  /** soft region masks 0…255 at canvas resolution (only those the effects use) */
  masks: Partial<Record<MaskRegion, SharedArrayBuffer>>;
  /** the picture's long straight edges (canvas px), around which displacing effects leave it still
   * (effects/shared/held-edges.ts); absent when nothing displaces */
  straightEdges?: Array<{ x0: number; y0: number; x1: number; y1: number }>;
  /** depth-of-field: the canvas blurred by `dofSigma[i]` px (empty when no key has aperture) */
  dofLevels: SharedArrayBuffer[];
  dofSigma: number[];
  effects: Effect[];
  lights: SetupLight[];
  /** the dominant light for rays and flares: the brightest light source, else the brightest sky */
  sun: SetupLight | null;
  /** bright points of the sky for `stars`: x, y (canvas px), brightness 0…1, repeated */
  stars: Float32Array;
  frames: FrameSpec[];
  /** face rigs for character animation (blinks, head motion, lip-sync, expressions); empty = none */
  characters?: CharacterRig[];
  /** the layered scene at canvas resolution (setup/layers.ts); absent: one sheet warped by `depth` */
  layers?: RenderLayers;
}

/**
 * Two layers, each warped by its own nearness and composited back to front, for frames with
 * parallax (frames without it warp the single `canvas`, which is then exact: frame 0 = the input).
 */
export interface RenderLayers {
  /** the background: the picture with what the subject hides synthesised (RGBA), and its nearness */
  back: SharedArrayBuffer;
  backDepth: SharedArrayBuffer;
  /** the subject: the picture with the soft matte as alpha (RGBA), and its nearness (continued smoothly beyond the matte) */
  front: SharedArrayBuffer;
  frontDepth: SharedArrayBuffer;
  /** depth of field: each layer blurred by `dofSigma[i]` */
  backDof: SharedArrayBuffer[];
  frontDof: SharedArrayBuffer[];
  /**
   * the canvas box (px) where an action can move a part of the subject away (a waving arm, a
   * turning head): with the camera still, only its rows are composited from the layers
   */
  acting?: [number, number, number, number];
}
