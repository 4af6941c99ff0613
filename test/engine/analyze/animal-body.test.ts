/**
 * An animal's body from the fur connected to its eye (analyze/animals/body.ts), on drawn rasters:
 * a brown animal on green leaves is bounded by its fur (the leaves are not in it, its box is the
 * animal's); fur-coloured surroundings running across the frame bound nothing (the director then
 * breathes the head alone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { furBody } from '../../../src/engine/analyze/animals/body.js';
import type { Silhouette } from '../../../src/engine/analyze/animals/silhouette.js';

const W = 200, H = 160, FUR = [150, 90, 50], LEAF = [60, 140, 60];
const eye = { x: 0.55, y: 0.35, r: 0.015 };
const whole = { x: 0, y: 0, w: 1, h: 1 };

/** A raster: `paint(x, y)` says each pixel's colour; a dark eye drawn on top. */
function raster(paint: (x: number, y: number) => number[]): { s: Silhouette; rgb: Uint8Array } {
  const rgb = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const inEye = Math.hypot(x / W - eye.x, (y / H - eye.y) * (H / W)) < eye.r;
    rgb.set(inEye ? [15, 12, 10] : paint(x, y), 3 * (y * W + x));
  }
  return { s: { mask: new Uint8Array(W * H).fill(1), width: W, height: H, box: whole, cut: [1, 1, 1, 1] }, rgb };
}

test('a brown animal among green leaves: its body is its fur, its box the animal', () => {
  // a body (an ellipse) under a head (a disc round the eye)
  const { s, rgb } = raster((x, y) => {
    const head = Math.hypot(x / W - eye.x, (y / H - eye.y) * (H / W)) < 0.09;
    const body = ((x / W - 0.45) / 0.16) ** 2 + ((y / H - 0.62) / 0.28) ** 2 < 1;
    return head || body ? FUR : LEAF;
  });
  const body = furBody(s, rgb, [eye], W / H, whole);
  assert.ok(body, 'the body is bounded');
  const b = body.box;
  assert.ok(b.x > 0.26 && b.x < 0.31 && b.x + b.w > 0.62 && b.x + b.w < 0.66 && b.y > 0.2 && b.y < 0.26 && b.y + b.h > 0.88 && b.y + b.h < 0.92, `its box is the animal's: ${JSON.stringify(b)}`);
  assert.equal(body.mask[5 * W + 5], 0, 'the leaves are not its body');
});

test('surroundings the colour of its fur (dry grass filling the frame) bound no body', () => {
  const { s, rgb } = raster((_x, y) => (y / H > 0.1 ? FUR : LEAF));
  assert.equal(furBody(s, rgb, [eye], W / H, whole), null);
});
