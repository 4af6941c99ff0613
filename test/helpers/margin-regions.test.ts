/**
 * The foreign-margin measure (integrity/margin-regions.ts) catches what it is for: a pull-out of
 * building.jpg whose margin continues each edge's own colours reads clean, and the same frame
 * with a block of the lawn pasted into the sky beyond the top-left corner (the defect seen on
 * this photo) reads foreign, past FOREIGN_MARGIN_LIMIT.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { foreignMargin } from './integrity/margin-regions.js';
import { FOREIGN_MARGIN_LIMIT } from './picture-integrity.js';

const W = 640, H = 442, S = 0.8;

async function frame0(): Promise<Uint8Array> {
  const { data } = await sharp(new URL('../fixtures/images/building.jpg', import.meta.url).pathname).resize(W, H, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

/** frame 0 shrunk by S about the centre; each revealed pixel the colour of its nearest border point */
function pulledOut(f0: Uint8Array): Uint8Array {
  const out = new Uint8Array(W * H * 3), cx = (W - 1) / 2, cy = (H - 1) / 2;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const u = Math.round(Math.min(W - 1, Math.max(0, cx + (x - cx) / S))), v = Math.round(Math.min(H - 1, Math.max(0, cy + (y - cy) / S)));
    out.set(f0.subarray((v * W + u) * 3, (v * W + u) * 3 + 3), (y * W + x) * 3);
  }
  return out;
}

/** frame 0 → the pulled-out frame: x1 = S·x0 + (1 − S)·c */
const T: [number, number, number, number] = [S, 0, (1 - S) * (W - 1) / 2, (1 - S) * (H - 1) / 2];

test('a margin that continues its edges reads clean; lawn pasted into the sky beyond the top-left reads foreign', async () => {
  const f0 = await frame0();
  const clean = pulledOut(f0);
  const honest = foreignMargin(f0, clean, W, H, T);
  assert.ok(honest.margin > 0.2 * (W * H) / 4, `the pull-out revealed a margin (${honest.margin} px measured)`);
  assert.ok(honest.share < FOREIGN_MARGIN_LIMIT / 4, `continued edges: ${(honest.share * 100).toFixed(2)} % foreign`);
  // a block of lawn (frame 0's bottom rows, middle) pasted into the sky margin at the top left
  const pasted = clean.slice();
  const bw = 90, bh = 40, sx = 300, sy = H - bh - 4;
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) pasted.set(f0.subarray(((sy + y) * W + sx + x) * 3, ((sy + y) * W + sx + x) * 3 + 3), ((2 + y) * W + 2 + x) * 3);
  const grass = foreignMargin(f0, pasted, W, H, T);
  assert.ok(grass.share > FOREIGN_MARGIN_LIMIT, `lawn in the sky: ${(grass.share * 100).toFixed(2)} % foreign`);
});
