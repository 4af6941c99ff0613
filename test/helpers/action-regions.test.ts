/**
 * The background's stillness measure of the action tests and the acting bench: a tile that
 * changes outside every performer's region is found, and one the subject's matte covers (an
 * animal running past its detector box) is not counted as background.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backgroundPeak } from './action-regions.js';

const W = 64, H = 32;
const frame = (paint?: (x: number, y: number) => number) => {
  const f = new Uint8Array((W * H * 3) / 2).fill(128);
  if (paint) for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) f[y * W + x] = paint(x, y);
  return f;
};

test('backgroundPeak: a change outside the performers is the background moving, unless the matte keeps it out', () => {
  // the performer on the left half; a change at the right edge, in frame 1
  const moved = frame((x, y) => (x >= 56 && y >= 8 && y < 16 ? 160 : 128));
  const frames = [frame(), moved, moved];
  const performer = [{ x: 0, y: 0, w: 32, h: H }];
  assert.equal(backgroundPeak(frames, W, H, performer), 32, 'the right edge moved');
  assert.equal(backgroundPeak(frames, W, H, [{ x: 0, y: 0, w: W, h: H }]), 0, 'inside a performer it is not background');
  // the subject's matte reaches the right edge: clear of it, nothing moved
  const keep = new Uint8Array(W * H).fill(1);
  for (let y = 0; y < H; y++) for (let x = 48; x < W; x++) keep[y * W + x] = 0;
  assert.equal(backgroundPeak(frames, W, H, performer, keep), 0);
});
