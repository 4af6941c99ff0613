/**
 * A face's animation rig: its features in canvas pixels (measured once from the landmarks) and
 * its per-frame tracks, all plain typed arrays so the rig crosses to the render workers as data.
 * Every track is 0 at frame 0, so the first frame is the untouched input.
 */
import type { ArmFeatures } from './arm.js';
import type { BodyWeight } from './body-weight.js';

export interface FaceFeatures {
  /** the face-and-neck region that may move (canvas px): nothing outside it is displaced */
  roi: [number, number, number, number];
  /** face centre and size (canvas px) */
  cx: number; cy: number; fw: number; fh: number;
  /** head rotation pivot (the neck, under the chin) */
  pivotX: number; pivotY: number;
  /** eyes: image-left then image-right; centre, half width, upper and lower lid y; the skin or fur above and (a face's) below it a lid may draw from (canvas px) */
  eyes: Array<{ cx: number; a: number; upper: number; lower: number; room?: number; roomBelow?: number }>;
  /** brows: x span and mean y */
  brow: { x0: number; x1: number; y: number };
  /** mouth: outer corners, the inner-lip line (three points: left, centre, right) and chin y */
  /** the gesturing arm from the body pose (canvas px), when the performer gestures and it is seen */
  arm?: ArmFeatures;
  /** a subject rig's whole region (canvas px): the body that breathes (faces have none) */
  body?: [number, number, number, number];
  /** where the subject matte says the body is (1) and the background (0): its warps move only the body */
  bodyWeight?: BodyWeight;
  /** an animal's ears (canvas px): tip, middle of the base, base width */
  ears?: Array<{ tip: [number, number]; base: [number, number]; width: number }>;
  /** an animal's tail (canvas px): where it joins the body, its far end, its mean width */
  tail?: { base: [number, number]; tip: [number, number]; width: number };
  mouth: {
    x0: number; x1: number; lx: number; ly: number; cx: number; cy: number; rx: number; ry: number; chin: number;
    /** how far apart the inner lips are in the input (px): teeth or the inside already show */
    gap0: number;
  };
}

export interface CharacterTracks {
  /** eyelid closure 0 open … 1 closed, per eye (image-left, image-right) */
  lidL: Float32Array; lidR: Float32Array;
  /** mouth openness 0 … 1 */
  mouth: Float32Array;
  /** smile -1 (corners down: a frown) … 1; brows -1 (knitted down) … 1 (raised) */
  smile: Float32Array;
  brows: Float32Array;
  /** head translation (canvas px) and rotation (radians, + clockwise) about the pivot */
  headX: Float32Array; headY: Float32Array; headRot: Float32Array;
  /** yaw-like shift of the face interior (fraction of face width, + towards image right) */
  turn: Float32Array;
  /** leaning in: the head region grows about its pivot by this fraction */
  lean: Float32Array;
  /** breathing of a subject's body: its region stretches up from its base by this fraction */
  breath: Float32Array;
  /** the arm: forearm turn about the elbow and whole-arm turn about the shoulder (radians, + clockwise), shoulders lifted (px) */
  forearm: Float32Array; upperArm: Float32Array; shrug: Float32Array;
  /** an animal's ears turned about their bases (radians; the image-left ear the other way) */
  ears: Float32Array;
  /** an animal's tail swung about its base (radians, + clockwise at its tip) */
  tail: Float32Array;
}

export interface CharacterRig {
  /** a face rig (index into the Scene's faces) or a subject rig (index into the shot's subjects) */
  kind: 'face' | 'subject';
  face: number;
  features: FaceFeatures;
  tracks: CharacterTracks;
}
