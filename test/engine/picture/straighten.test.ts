/**
 * The warp's nearness made affine along the picture's straight edges: an occluding edge (a mast in
 * front of the sky, a shelf in front of a wall) whose estimated nearness wobbles along it would
 * bend under a move; straightened, it stays straight in the renderer's camera model, the depth step
 * across it is kept, and the map away from it is untouched. Two edges meeting at a T both end up
 * straight.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { straightenNearness } from '../../../src/engine/picture/setup/straighten.js';
import { bilinear, lineSagitta, poseOf } from '../../helpers/warped-line.js';

const W = 320, H = 200;
const edge = { x0: 20, y0: 140, x1: 220, y1: 10 };
const len = Math.hypot(edge.x1 - edge.x0, edge.y1 - edge.y0), tx = (edge.x1 - edge.x0) / len, ty = (edge.y1 - edge.y0) / len;
/** a second edge on the near surface, meeting the first at a T (a window's side against a roof line) */
const cross = { x0: edge.x0 + 100 * tx + 6 * ty, y0: edge.y0 + 100 * ty - 6 * tx, x1: edge.x0 + 130 * tx + 80 * ty, y1: edge.y0 + 130 * ty - 80 * tx };
const side = (x: number, y: number) => -(x - edge.x0) * ty + (y - edge.y0) * tx;
const along = (x: number, y: number) => (x - edge.x0) * tx + (y - edge.y0) * ty;

/**
 * Near (and wobbling along the edge, as an estimate does) on one side, a far smooth backdrop on the
 * other, the step between them soft over a few px (as the renderer's nearness is softened).
 */
function wobblyEdge(): Uint8Array {
  const d = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const a = along(x, y), m = 0.5 - 0.5 * Math.tanh(side(x, y) / 3);
    const near = 150 + 40 * Math.sin(a / 30) + 0.1 * a, far = 40 + 20 * Math.cos(x / 50) + 0.05 * y;
    d[y * W + x] = Math.round(m * near + (1 - m) * far);
  }
  return d;
}

const POSES = { 'dolly zoom': poseOf({ zoom: 0.9, dolly: 0.15 }), truck: poseOf({ truck: 0.05, pan: -0.02 }), crane: poseOf({ pedestal: 0.05 }) };
const offsetLine = (l: typeof edge, o: number) => {
  const L = Math.hypot(l.x1 - l.x0, l.y1 - l.y0), nx = -(l.y1 - l.y0) / L, ny = (l.x1 - l.x0) / L;
  return { x0: l.x0 + o * nx, y0: l.y0 + o * ny, x1: l.x1 + o * nx, y1: l.y1 + o * ny };
};

test('an occluding edge whose nearness wobbles along it stays straight once straightened; the step across it and the map away from it are kept', () => {
  const raw = wobblyEdge();
  const straight = straightenNearness(raw, W, H, [edge, cross]);
  const at = (map: Uint8Array) => (x: number, y: number) => bilinear(map, W, H, x, y) / 255;
  for (const [name, pose] of Object.entries(POSES)) for (const o of [-1.5, 0, 1.5]) {
    const l = offsetLine(edge, o);
    const before = lineSagitta(l, at(raw), pose, W, H), after = lineSagitta(l, at(straight), pose, W, H);
    assert.ok(before > 0.5, `${name}, ${o} px off the edge: the raw map bends it ${before.toFixed(2)} px (the test must show a defect)`);
    // 8-bit nearness rounds to 1/255: what is left is that rounding
    assert.ok(after < 0.1, `${name}, ${o} px off the edge: straightened, it bows ${after.toFixed(3)} px (raw ${before.toFixed(2)})`);
  }
  // the line meeting it: straight too (the passes reconcile the two bands where they meet)
  for (const [name, pose] of Object.entries(POSES)) {
    const after = lineSagitta(cross, at(straight), pose, W, H);
    assert.ok(after < 0.1, `${name}: the line meeting it bows ${after.toFixed(3)} px`);
  }
  // the depth step across the edge is kept (mean over the edge's middle, 3 px each side)
  let stepRaw = 0, stepStraight = 0, count = 0;
  for (let a = 40; a < len - 40; a += 4) {
    const px = edge.x0 + a * tx, py = edge.y0 + a * ty;
    const s = (map: Uint8Array, o: number) => map[Math.round(py + o * tx) * W + Math.round(px - o * ty)]!;
    stepRaw += s(raw, -3) - s(raw, 3); stepStraight += s(straight, -3) - s(straight, 3); count++;
  }
  assert.ok(Math.abs(stepStraight - stepRaw) / count < 6, `step ${(stepRaw / count).toFixed(1)} → ${(stepStraight / count).toFixed(1)}`);
  // away from both lines nothing changes
  let changed = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const far = Math.abs(side(x, y)) > 12 && Math.abs(-(x - cross.x0) * (cross.y1 - cross.y0) + (y - cross.y0) * (cross.x1 - cross.x0)) / Math.hypot(cross.x1 - cross.x0, cross.y1 - cross.y0) > 12;
    if (far && straight[y * W + x] !== raw[y * W + x]) changed++;
  }
  assert.equal(changed, 0);
});
