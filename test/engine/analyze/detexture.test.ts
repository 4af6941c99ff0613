/**
 * The depth without the picture's texture: ripples a luma-guided snap imprints on a surface (wood
 * grain) are smoothed away, while a real depth step (an occluding edge) stays a step.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detexture } from '../../../src/engine/analyze/layers/detexture.js';

test('grain ripples on a sloping surface are smoothed; the step to a near block stays sharp', () => {
  const W = 256, H = 160, depth = new Float32Array(W * H);
  const block = (x: number) => x >= 170;
  const surface = (x: number, y: number) => 0.2 + 0.3 * (y / H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) depth[y * W + x] = block(x) ? 0.8 : surface(x, y) + 0.02 * Math.sin((2 * Math.PI * (x + 0.6 * y)) / 6);
  const out = detexture(depth, W, H);
  let before = 0, after = 0;
  for (let y = 20; y < H - 20; y++) for (let x = 20; x < 140; x++) {
    before = Math.max(before, Math.abs(depth[y * W + x]! - surface(x, y)));
    after = Math.max(after, Math.abs(out[y * W + x]! - surface(x, y)));
  }
  assert.ok(after < 0.35 * before, `ripples ${before.toFixed(3)} → ${after.toFixed(3)}`);
  for (let y = 20; y < H - 20; y += 10) {
    const step = out[y * W + 172]! - out[y * W + 167]!, full = 0.8 - surface(0, y);
    assert.ok(step > 0.85 * full, `the step to the block over 5 px at row ${y}: ${step.toFixed(2)} of ${full.toFixed(2)}`);
  }
});
