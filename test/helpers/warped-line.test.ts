import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bilinear, lineSagitta, poseOf } from './warped-line.js';

const W = 200, H = 100;
const line = { x0: 20, y0: 30, x1: 180, y1: 70 };

test('warped-line: affine nearness keeps a line straight under a dolly zoom and a truck; a bump in it bends the line by the expected sagitta', () => {
  const pose = poseOf({ zoom: 0.9, dolly: 0.2, truck: 0.05 });
  // inverse depth affine in image position: a plane, so the move is a homography
  assert.ok(lineSagitta(line, (x, y) => 0.2 + 0.002 * x + 0.003 * y, pose, W, H) < 1e-6);
  // constant nearness and no parallax: a similarity, straight
  assert.ok(lineSagitta(line, () => 0.5, poseOf({ zoom: 1.3, roll: 5, pan: 0.1 }), W, H) < 1e-6);
  // a bump of 0.1 in the middle of the line under a pure truck of 0.05·W = 10 px: the middle moves 1 px more
  const bump = (x: number) => 0.3 + 0.1 * Math.sin((Math.PI * (x - 20)) / 160);
  const s = lineSagitta(line, bump, poseOf({ truck: 0.05 }), W, H);
  // the shift is horizontal; its part across the line (slope 40/160) is sin(atan(0.25)) of it
  assert.ok(Math.abs(s - 1 * Math.sin(Math.atan(0.25))) < 0.01, `sagitta ${s}`);
  // bilinear sampling reproduces an affine map exactly inside it
  const map = Float32Array.from({ length: W * H }, (_, i) => 0.1 + 0.001 * (i % W) + 0.002 * Math.floor(i / W));
  assert.ok(Math.abs(bilinear(map, W, H, 50.25, 20.75) - (0.1 + 0.05025 + 0.0415)) < 1e-6);
});
