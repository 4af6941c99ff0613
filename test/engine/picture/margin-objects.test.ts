/**
 * What the margin never copies (the picture's distinctive places: outpaint.ts' marginObjects) is
 * found ahead, on a render worker while the subject is cut out, so it must depend on the canvas
 * alone: a margin painted with it found ahead is the margin that finds it itself, byte for byte;
 * and the setup cache keeps it by picture, size, margin and seed — not by what else the render
 * does (its cut, its acting parts) — so a repeat finds it kept, another seed or margin anew.
 * A drawn picture: grainy stripes with a bright disc (an object: never to be copied).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marginCanvas, marginObjects, paintMargin } from '../../../src/engine/picture/setup/outpaint.js';
import { SetupCache } from '../../../src/engine/picture/setup/setup-cache.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { seededNoise } from '../../helpers/seeded-noise.js';

const W = 240, H = 136, MX = 24, MY = 16;

function drawn(): Uint8Array {
  const noise = seededNoise(11), rgba = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = 30 * noise(), disc = Math.hypot(x - 60, y - 40) < 10;
    const rgb = disc ? [250, 240, 60] : [90 + 40 * Math.sin(x / 7) + g, 120 + g, 150 + 30 * Math.cos(y / 9) + g];
    for (let c = 0; c < 3; c++) rgba[(y * W + x) * 4 + c] = Math.round(Math.min(255, Math.max(0, rgb[c]!)));
    rgba[(y * W + x) * 4 + 3] = 255;
  }
  return rgba;
}

test('a margin painted with its objects found ahead is the margin that finds them itself', async () => {
  const picture = drawn();
  for (const seed of [3, 4]) {
    const itself = paintMargin(await marginCanvas(picture, W, H, MX, MY), seed);
    const margin = await marginCanvas(picture, W, H, MX, MY);
    const ahead = paintMargin(margin, seed, undefined, {}, marginObjects(margin, seed));
    assert.ok(Buffer.from(ahead.canvas).equals(Buffer.from(itself.canvas)), `seed ${seed}: the same canvas`);
    assert.ok(Buffer.from(ahead.from.buffer).equals(Buffer.from(itself.from.buffer)), `seed ${seed}: the same sources`);
  }
});

test('the setup cache keeps what the margin never copies by picture, size, margin and seed', async () => {
  const scene = makeScene({ width: W, height: H, depth: 'subject' });
  const cache = new SetupCache();
  let found = 0;
  const find = () => { found++; return Promise.resolve(new Uint8Array(4)); };
  const size = { width: W, height: H, mx: MX, my: MY, seed: 7 };
  await cache.marginObjects(scene, size, find);
  await cache.marginObjects(scene, size, find);
  assert.equal(found, 1, 'a repeat finds it kept');
  await cache.marginObjects(scene, { ...size, seed: 8 }, find);
  await cache.marginObjects(scene, { ...size, mx: MX + 8 }, find);
  await cache.marginObjects(scene, { ...size, width: W / 2, height: H / 2 }, find);
  await cache.marginObjects(makeScene({ width: W, height: H, depth: 'subject' }), size, find);
  assert.equal(found, 5, 'another seed, margin, size or picture finds its own');
});
