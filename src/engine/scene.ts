/**
 * The Scene: what `analyze` understood of the picture (DESIGN.md §1). Computed once per image and
 * cacheable by the image's hash. The director reads its tags, regions and lights; the renderers
 * read the pixels, the depth map and the region masks.
 */
import { describeLayers } from './analyze/layers/index.js';
import type { LineSegment } from './analyze/layers/lines.js';
import type { ScenePlane } from './analyze/layers/planes.js';

/** An 8-bit RGB raster, row-major, 3 bytes a pixel, no padding. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A single-channel float raster in [0, 1], row-major. */
export interface FloatMap {
  width: number;
  height: number;
  data: Float32Array;
}

export interface Box {
  /** normalised 0…1, origin top-left */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LightSource {
  /** centre, normalised */
  x: number;
  y: number;
  /** radius, fraction of the image width */
  radius: number;
  /** mean luminance 0…1 */
  brightness: number;
  /** mean colour 0…255 */
  color: [number, number, number];
}

export interface Face {
  box: Box;
  score: number;
  /** normalised landmark points (68-point layout when present) */
  landmarks: Array<[number, number]>;
  age: number | null;
  gender: 'female' | 'male' | null;
  /**
   * the skin above and below each eye a closing lid may draw from (image-left then image-right
   * eye, normalised to the picture's height): it stops at a spectacle rim or a brow
   * (analyze/faces/lid-room.ts); absent on faces found before it was measured
   */
  lidRoom?: LidRoom;
}

export interface LidRoom { above: [number, number]; below: [number, number] }

/** One body keypoint of a pose (MoveNet's 17: nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles). */
export interface BodyKeypoint {
  name: string;
  /** normalised 0…1, origin top-left */
  x: number;
  y: number;
  score: number;
}

/** The body pose of the most prominent person (src/engine/analyze/subjects/pose.ts). */
export interface BodyPose {
  keypoints: BodyKeypoint[];
}

/**
 * A thing a person's hand holds (analyze/subjects/held-objects.ts). A bounded one is in the
 * people map and the subject matte; one that runs on into the scene (a tripod, a table) is not,
 * and no gesture moves the hands on it.
 */
export interface HeldObject {
  /** the hands on it */
  hands: Array<'left' | 'right'>;
  /** its box, normalised */
  box: Box;
  /** it ends within a hand's reach (false: it runs on into the scene and cannot be told from it) */
  bounded: boolean;
  /** per hand on it, how far it reaches from that wrist (with the hand), in body scales (shoulder widths) */
  reach: Array<{ side: 'left' | 'right'; span: number }>;
}

export interface SceneStats {
  /** mean Rec.709 luma 0…1 */
  meanLuma: number;
  medianLuma: number;
  /** standard deviation of luma 0…1 */
  contrast: number;
  /** mean colour 0…255 */
  meanRgb: [number, number, number];
  /** mean HSV saturation 0…1 */
  saturation: number;
  /** -1 cool (blue) … 1 warm (orange) */
  warmth: number;
  /** mean gradient energy, a focus measure (higher = sharper) */
  sharpness: number;
  /** fraction of pixels above 0.9 luma / below 0.08 luma */
  highlights: number;
  shadows: number;
}

export interface SceneMaps {
  /** size of every map below: the analysis raster (long side ≤ 512), same aspect as the image */
  width: number;
  height: number;
  /** nearness 0 (far) … 1 (near), edge-aware (follows the image's edges) */
  depth: Float32Array;
  /** soft region masks 0…1 */
  sky: Float32Array;
  water: Float32Array;
  foliage: Float32Array;
  lights: Float32Array;
  /** visual saliency 0…1 (where a viewer looks) */
  saliency: Float32Array;
  /**
   * people mask 0…1: the segmentation model's soft silhouettes where it found someone, else a
   * head-and-shoulders guess from the faces (zeros when no one was found)
   */
  people: Float32Array;
}

export type SceneTag =
  | 'outdoor' | 'indoor' | 'day' | 'night' | 'dusk' | 'sky' | 'water' | 'foliage' | 'lights'
  | 'portrait' | 'face' | 'close_up' | 'landscape' | 'street' | 'space' | 'product' | 'low_key'
  | 'high_key' | 'warm' | 'cool' | 'monochrome' | 'shallow_depth_of_field' | 'flat';

export interface Scene {
  /** sha256 of the input bytes, hex */
  hash: string;
  format: 'jpeg' | 'png' | 'webp';
  /** the decoded picture after EXIF orientation, alpha flattened onto black, full resolution */
  image: RgbImage;
  stats: SceneStats;
  maps: SceneMaps;
  /** normalised y of the horizon, or null when none is visible */
  horizon: number | null;
  /** the most salient region (what a push-in should aim at) */
  subject: Box;
  lights: LightSource[];
  faces: Face[];
  /** the main person's body pose (arms and hands for gestures); null or absent when none was found */
  pose?: BodyPose | null;
  /** what the main person's hands hold (absent: not looked for) */
  held?: HeldObject[];
  /**
   * where the animals the picture is of stand: an object detector's (COCO's animal classes) boxes
   * covering at least 4 % of it each, best first (at most three), looked for only in a picture with
   * no face and no body in it; empty or absent when none was found or they were not looked for.
   * `label` is COCO's nearest class (a squirrel may be a "giraffe"): for choosing between boxes by
   * the prompt's word (analyze/animals/region.ts), not a name to show
   */
  animals?: Array<{ label: string; score: number; box: Box }>;
  tags: SceneTag[];
  /** the layered scene (analyze/layers): absent on scenes built without it (old caches, tests) */
  layers?: SceneLayers;
}

/** Where a subject matte came from (SceneLayers.matteSource). */
export type MatteSource = 'segmentation' | 'faces' | 'depth' | 'salient' | 'focus';

/**
 * The salient subject's matte (analyze/layers/salient-matte.ts), kept beside the layers where no
 * person and no depth cut gave a matte: it becomes the subject layer only for a plan that animates
 * a living subject (analyze/layers/living-layer.ts) — colour and depth alone may cut a product in
 * part (a motorcycle's tank), which a camera move would slide over the rest of it.
 */
export interface SalientLayer {
  matte: Float32Array;
  subjects: Box[];
  /** 0…1 */
  confidence: number;
  subjectDepth: number | null;
  backgroundDepth: number | null;
}

/** The layered scene: the depth split at its discontinuities and the subject matte (analyze/layers). */
export interface SceneLayers {
  /** depth bands, near → far, split at the depth's discontinuities (one band when it has none) */
  bands: Array<{ far: number; near: number; share: number }>;
  /** the nearness thresholds between bands and how much of each cut lies on a depth jump (0…1) */
  cuts: Array<{ at: number; score: number }>;
  /** the near layer's soft matte 0…1 at the maps' raster, or null when nothing stands out */
  matte: Float32Array | null;
  /**
   * what the matte came from: 'segmentation' (people, as the segmentation model drew them),
   * 'faces' (a head-and-shoulders guess from the faces, its edge settled by colour), 'depth',
   * 'salient' (the salient subject by colour and depth: layers/salient-matte.ts), 'focus' (a
   * shallow depth-of-field photo's in-focus subject: layers/focus-matte.ts)
   */
  matteSource: MatteSource | null;
  /** the salient subject's matte, where no other source gave one (see SalientLayer) */
  salient?: SalientLayer;
  /**
   * a shallow depth-of-field photo's in-focus subject (with what it stands on), where no other
   * source gave a matte: the subject layer for a camera move made for parallax only
   * (analyze/layers/parallax-layer.ts)
   */
  focus?: SalientLayer;
  /** why no salient matte was kept where no other source gave one */
  matteNote?: string;
  /** boxes of the matte's parts, normalised */
  subjects: Box[];
  /** mean nearness inside the matte, and of what lies clearly outside it */
  subjectDepth: number | null;
  backgroundDepth: number | null;
  /**
   * the picture's long straight edges, normalised, longest first (analyze/layers/lines.ts): the
   * renderer keeps the warp's nearness affine along each, so they stay straight under any move.
   * Absent on scenes built without them (old caches, tests).
   */
  lines?: LineSegment[];
  /**
   * planar surfaces fitted as planes (analyze/layers/planes.ts): nearness = a + b·x + c·y over
   * normalised coordinates on their support, their share of the picture and the estimate's RMS
   * about them
   */
  planes?: ScenePlane[];
  /** the nearness the renderer warps by: the depth with the planes put in (absent: maps.depth) */
  nearness?: Float32Array;
}

/** The part of a Scene worth showing to a person (and putting in logs or a plan): no rasters. */
export function describeScene(scene: Scene) {
  return {
    hash: scene.hash,
    format: scene.format,
    width: scene.image.width,
    height: scene.image.height,
    stats: scene.stats,
    horizon: scene.horizon,
    subject: scene.subject,
    lights: scene.lights,
    faces: scene.faces.map((f) => ({ box: f.box, score: f.score, age: f.age, gender: f.gender })),
    animals: scene.animals ?? [],
    tags: scene.tags,
    layers: scene.layers ? describeLayers(scene.layers) : null,
  };
}
