/**
 * Where the body pose puts a person's head, as the area to look for a face too small for the face
 * detector in the whole picture (a person seen whole across a room: their face under ~1/16 of the
 * picture's width). The head's points (nose, eyes, ears) the pose is fairly sure of give its
 * centre and size; the area is a square six heads wide round it (the detector misses a face
 * that fills much of its input). Null when the pose shows no head,
 * or a head large enough for the whole-picture pass (a face it missed there is turned away, not small).
 *
 * @example
 *   poseHead(scene.pose, 640, 480) // → { nose: { x: 0.147, y: 0.24 }, area: { x: 0.05, y: 0.13, w: 0.19, h: 0.25 } }
 */
import type { BodyPose, Box } from '../../scene.js';

/** a head point the pose is at least this sure of */
const MIN_SCORE = 0.3;
/** the area round the head, in head widths */
const AREA = 6;
/** a head wider than this share of the picture's long side is one the whole-picture pass sees */
const SMALL = 0.1;

export function poseHead(pose: BodyPose | null, width: number, height: number): { nose: { x: number; y: number }; area: Box } | null {
  const at = (name: string) => pose?.keypoints.find((k) => k.name === name && k.score >= MIN_SCORE);
  const nose = at('nose'), points = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'].map(at).filter((k) => k !== undefined);
  if (!nose || points.length < 3) return null;
  const xs = points.map((k) => k.x * width), ys = points.map((k) => k.y * height);
  // the head is about twice as wide as its eyes are apart, and as wide as its ears
  const eyes = at('left_eye') && at('right_eye') ? 2 * Math.abs(at('left_eye')!.x - at('right_eye')!.x) * width : 0;
  const head = Math.max(eyes, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 4);
  if (head > SMALL * Math.max(width, height)) return null;
  const cx = xs.reduce((s, x) => s + x, 0) / xs.length, cy = ys.reduce((s, y) => s + y, 0) / ys.length, half = (AREA / 2) * head;
  const x0 = Math.max(0, cx - half), y0 = Math.max(0, cy - half), x1 = Math.min(width, cx + half), y1 = Math.min(height, cy + half);
  return { nose: { x: nose.x, y: nose.y }, area: { x: x0 / width, y: y0 / height, w: (x1 - x0) / width, h: (y1 - y0) / height } };
}
