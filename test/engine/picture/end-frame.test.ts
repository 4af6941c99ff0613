/**
 * last_image's transition on its own (src/engine/picture/end-frame): the dense flow recovers a
 * known move of a real photo, the transition starts on the first picture and lands exactly on the
 * end picture, its middle is the picture carried half way (not a blend of the two), and it is the
 * same for the same seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { fixture } from '../../helpers/fixtures.js';
import { denseFlow } from '../../../src/engine/picture/end-frame/flow.js';
import { flowTransition } from '../../../src/engine/picture/end-frame/transition.js';
import { endPictureI420 } from '../../../src/engine/picture/end-frame/end-picture.js';
import { doubleEdgeShare } from '../../helpers/transition-measures.js';

const W = 320, H = 240;

async function rgbOf(name: string, crop?: { left: number; top: number; width: number; height: number }) {
  let img = sharp(await readFile(fixture(name))).rotate();
  if (crop) img = img.extract(crop);
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

function meanAbs(a: Uint8Array, b: Uint8Array, from = 0, to = W * H): number {
  let s = 0;
  for (let i = from; i < to; i++) s += Math.abs(a[i]! - b[i]!);
  return s / (to - from);
}

test('the flow recovers a known move of a real photo', async () => {
  const street = await rgbOf('street-old-town.jpg');
  // B is A moved 9 px left and 5 px up: A(x) = B(x + F) with F = (−9, −5)
  const big = await endPictureI420(street, W + 40, H + 40);
  const b = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) b[y * W + x] = big[(y + 20 + 5) * (W + 40) + x + 20 + 9]!;
  const ay = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) ay[y * W + x] = big[(y + 20) * (W + 40) + x + 20]!;
  const flow = denseFlow(Float32Array.from(ay), Float32Array.from(b), W, H);
  let ex = 0, ey = 0, n = 0;
  for (let y = 30; y < H - 30; y++) for (let x = 30; x < W - 30; x++) {
    ex += Math.abs(flow.fx[y * W + x]! + 9), ey += Math.abs(flow.fy[y * W + x]! + 5), n++;
  }
  assert.ok(ex / n < 1 && ey / n < 1, `mean error ${(ex / n).toFixed(2)}, ${(ey / n).toFixed(2)} px`);
});

test('the transition starts on the first picture, lands on the end picture, carries it half way, by seed', async () => {
  const street = await rgbOf('street-old-town.jpg');
  const a = await endPictureI420(street, W, H);
  const b = await endPictureI420(await rgbOf('street-old-town.jpg', { left: 150, top: 56, width: 562, height: 422 }), W, H);
  const t = flowTransition(a, b, W, H, 7);
  assert.deepEqual(t.frame(0), a, 's = 0 is the first picture');
  assert.deepEqual(t.frame(1), b, 's = 1 is the end picture');
  const mid = t.frame(0.5);
  // a plain cross-fade of the two is what the middle must not be
  const fade = a.map((v, i) => Math.round((v + b[i]!) / 2));
  const luma = (img: Uint8Array) => Float32Array.from(img.subarray(0, W * H));
  const doubled = doubleEdgeShare(luma(mid), luma(a), luma(b), W, H), faded = doubleEdgeShare(luma(fade), luma(a), luma(b), W, H);
  assert.ok(doubled < 0.05 && faded > 0.1, `double-edged tiles: the middle frame ${doubled.toFixed(3)}, a cross-fade ${faded.toFixed(3)}`);
  assert.ok(meanAbs(mid, a) > 3 && meanAbs(mid, b) > 3, 'the middle is neither end');
  assert.deepEqual(flowTransition(a, b, W, H, 7).frame(0.5), mid, 'the same seed, the same frame');
});
