/**
 * Where the people are, from what analysis already found: the detected faces and the main
 * person's body pose. Gives the box a segmentation model should look at (the people and a margin,
 * normalised) and the anchors — points that lie on a person — that a segment must touch to count
 * as one. No face and no pose: no region (nobody is likely in the picture).
 *
 * Each face stands for a head: the body it belongs to runs below it, about 3.5 face widths wide
 * and down to the bottom of the frame. A pose's keypoints span the body; the box grows by a
 * quarter of their extent (the top of the head, hands and feet beyond the joints).
 *
 * @example
 *   const region = personRegion(faces, pose); // → { box: { x, y, w, h }, anchors: [[0.43, 0.25], …] } | null
 */
import type { BodyPose, Box, Face } from '../../scene.js';

export interface PersonRegion {
  /** the people and a margin, normalised (may reach past the frame) */
  box: Box;
  /** normalised points on a person: face centres, seen shoulders and hips and the torso's middle */
  anchors: Array<[number, number]>;
}

/** keypoints scored below this are guesses (MoveNet's own cut for a visible joint) */
const SEEN = 0.3;

export function personRegion(faces: readonly Face[], pose: BodyPose | null | undefined): PersonRegion | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const anchors: Array<[number, number]> = [];
  const take = (a: number, b: number, c: number, d: number) => { x0 = Math.min(x0, a); y0 = Math.min(y0, b); x1 = Math.max(x1, c); y1 = Math.max(y1, d); };
  for (const f of faces) {
    const { x, y, w, h } = f.box;
    take(x - 1.5 * w, y - 0.6 * h, x + 2.5 * w, 1);
    anchors.push([x + w / 2, y + h / 2]);
  }
  const seen = (pose?.keypoints ?? []).filter((k) => k.score >= SEEN);
  if (seen.length >= 2) {
    const xs = seen.map((k) => k.x), ys = seen.map((k) => k.y);
    const kx0 = Math.min(...xs), kx1 = Math.max(...xs), ky0 = Math.min(...ys), ky1 = Math.max(...ys);
    const gx = 0.15 * (kx1 - kx0) + 0.02, gy = 0.15 * (ky1 - ky0) + 0.02;
    take(kx0 - gx, ky0 - 2 * gy, kx1 + gx, ky1 + gy);
    const torso = seen.filter((k) => /shoulder|hip/.test(k.name));
    for (const k of torso) anchors.push([k.x, k.y]);
    if (torso.length >= 2) anchors.push([torso.reduce((s, k) => s + k.x, 0) / torso.length, torso.reduce((s, k) => s + k.y, 0) / torso.length]);
  }
  if (!anchors.length) return null;
  return { box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, anchors };
}
