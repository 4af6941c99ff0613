/**
 * lumaDiff, the measure the animal tests read decoded frames with: it finds a change confined to
 * one small tile (a closing lid, a turning ear) that a whole-region mean dilutes, and leaves out
 * what `inside` excludes (the eye when the rest of the head is measured).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lumaDiff } from './encoded-clip.js';

test('lumaDiff: a 6×6 change is its peak tile, diluted in the mean; excluded pixels do not count', () => {
  const W = 48, a = new Float32Array(W * W).fill(100), b = Float32Array.from(a);
  for (let y = 12; y < 18; y++) for (let x = 24; x < 30; x++) b[y * W + x] = 130;
  const all = { x: 0, y: 0, w: W, h: W };
  const d = lumaDiff(a, b, W, all);
  assert.equal(d.peak, 30);
  assert.ok(Math.abs(d.mean - (30 * 36) / (W * W)) < 1e-9, `mean ${d.mean}`);
  const without = lumaDiff(a, b, W, all, (x, y) => !(x >= 24 && x < 30 && y >= 12 && y < 18));
  assert.equal(without.peak, 0);
  assert.equal(lumaDiff(a, a, W, all).peak, 0);
});
