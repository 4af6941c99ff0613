/**
 * What a hand holds joins the person's matte (analyze/subjects/held-objects.ts), on a drawn person
 * (torso, head, an arm held out, a hand) whose second look — the segmentation model on a square
 * round the hand, here a stand-in drawing what the model draws there — also takes in a ball
 * touching the hand: the ball is in the people map after (it was not before), and it is a held
 * thing larger than a hand, so a gesture of that hand is refused (heldByHand). What the second
 * look adds that runs to its square's edge (a crowd it half believes) or is a speck is not held.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heldByHand, heldObjects, type SecondLook } from '../../../src/engine/analyze/subjects/held-objects.js';
import type { BodyPose } from '../../../src/engine/scene.js';

const W = 128, H = 96;
const image = { width: W, height: H, data: new Uint8Array(W * H * 3) };
const kp = (name: string, x: number, y: number) => ({ name, x, y, score: 0.9 });
// a person facing us, the arm on the picture's right held out and up (shoulder width 25.6 px, the body's scale ~27 px)
const pose: BodyPose = {
  keypoints: [
    kp('nose', 0.4, 0.18), kp('right_shoulder', 0.3, 0.35), kp('left_shoulder', 0.5, 0.35), kp('right_hip', 0.33, 0.75), kp('left_hip', 0.47, 0.75),
    kp('right_elbow', 0.26, 0.55), kp('right_wrist', 0.28, 0.7), kp('left_elbow', 0.64, 0.42), kp('left_wrist', 0.74, 0.3),
  ],
};
const px = (name: string) => { const k = pose.keypoints.find((p) => p.name === name)!; return { x: k.x * W - 0.5, y: k.y * H - 0.5 }; };
const elbow = px('left_elbow'), wrist = px('left_wrist');
const len = Math.hypot(wrist.x - elbow.x, wrist.y - elbow.y), dir = { x: (wrist.x - elbow.x) / len, y: (wrist.y - elbow.y) / len };
const scale = 27;
/** the hand (a disc just past the wrist) and a ball touching it further on */
const hand = { x: wrist.x + dir.x * 0.15 * scale, y: wrist.y + dir.y * 0.15 * scale, r: 0.16 * scale };
const ball = { x: wrist.x + dir.x * 0.55 * scale, y: wrist.y + dir.y * 0.55 * scale, r: 0.3 * scale };

function segDist(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }) {
  const vx = b.x - a.x, vy = b.y - a.y, t = Math.max(0, Math.min(1, ((x - a.x) * vx + (y - a.y) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - a.x - t * vx, y - a.y - t * vy);
}

/** The person as the segmentation drew them: torso, head, both arms and the hand — not the ball. */
function person(): Float32Array {
  const m = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const torso = x >= 0.3 * W && x <= 0.5 * W && y >= 0.33 * H && y <= 0.78 * H;
    const head = Math.hypot(x - 0.4 * W, y - 0.2 * H) < 0.2 * scale * 2;
    const arms = segDist(x, y, px('left_shoulder'), elbow) < 3 || segDist(x, y, elbow, wrist) < 3 || segDist(x, y, px('right_shoulder'), px('right_elbow')) < 3 || segDist(x, y, px('right_elbow'), px('right_wrist')) < 3;
    if (torso || head || arms || Math.hypot(x - hand.x, y - hand.y) < hand.r) m[y * W + x] = 1;
  }
  return m;
}

/** A stand-in second look: the person, plus `extra` (0…1 per pixel) — what the model draws round the hand. */
const looking = (extra: (x: number, y: number) => number): SecondLook => async (_image, box) => {
  const m = person();
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const inBox = x >= box.x * W && x < (box.x + box.w) * W && y >= box.y * H && y < (box.y + box.h) * H;
    if (inBox) m[y * W + x] = Math.max(m[y * W + x]!, extra(x, y));
  }
  return m;
};

function ballCover(people: Float32Array): number {
  let inside = 0, covered = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (Math.hypot(x - ball.x, y - ball.y) < ball.r - 1) { inside++; if (people[y * W + x]! >= 0.5) covered++; }
  return covered / inside;
}

test('a ball in the hand joins the person’s matte, and a gesture of that hand would tear it', async () => {
  const people = person();
  const before = ballCover(people);
  const held = await heldObjects(image, people, pose, W, H, looking((x, y) => (Math.hypot(x - ball.x, y - ball.y) < ball.r ? 1 : 0)));
  const after = ballCover(people);
  assert.ok(before < 0.05 && after > 0.95, `the ball is in the people map after, not before (${before.toFixed(2)} → ${after.toFixed(2)})`);
  assert.equal(held.length, 1, JSON.stringify(held));
  assert.deepEqual(held[0]!.hands, ['left']);
  assert.ok(held[0]!.bounded);
  assert.ok(heldByHand(held, 'left'), `the ball reaches farther than a hand (${JSON.stringify(held[0]!.reach)})`);
  assert.equal(heldByHand(held, 'right'), null);
});

test('a bare hand holds nothing; what the second look adds to the square’s edge, or a speck, is not held', async () => {
  for (const [what, extra] of [
    ['nothing', () => 0],
    // a crowd the model half believes, from the hand out to the square's edge
    ['a crowd', (x: number, y: number) => (y < hand.y + 4 && x > hand.x - 2 ? 1 : 0)],
    ['a speck', (x: number, y: number) => (Math.hypot(x - hand.x - hand.r - 1, y - hand.y) < 1.2 ? 1 : 0)],
  ] as const) {
    const people = person(), was = Float32Array.from(people);
    const held = await heldObjects(image, people, pose, W, H, looking(extra));
    assert.deepEqual(people, was, `${what}: the people map is unchanged`);
    assert.equal(heldByHand(held, 'left'), null, `${what}: ${JSON.stringify(held)}`);
  }
});
