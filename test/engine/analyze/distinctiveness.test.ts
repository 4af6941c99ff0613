/**
 * Distinctiveness: texture (grain, stripes) has look-alikes elsewhere and scores low; an object
 * (a disc unlike anything else) has none and scores high — the mask synthesis never copies from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distinctiveness, distinctMask, DISTINCT } from '../../../src/engine/analyze/distinctiveness.js';
import { createRandom } from '../../../src/engine/util/random.js';

test('a ball on grass is distinctive, the grass and its mowing stripes are not', () => {
  const w = 160, h = 100, rng = createRandom(3);
  const img = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const g = Math.round((rng.next() - 0.5) * 40), stripe = Math.floor(x / 20) % 2 ? 14 : 0;
    const ball = Math.hypot(x - 110, y - 60) <= 9;
    img.set(ball ? [235, 210, 30] : [40 + g / 2, 120 + stripe + g, 45 + g / 2], (y * w + x) * 3);
  }
  const score = distinctiveness(img, 3, w, h, { seed: 1 });
  const mask = distinctMask(score, undefined, w);
  assert.ok(score[60 * w + 110]! > DISTINCT, `the ball's centre scores ${score[60 * w + 110]!.toFixed(1)}`);
  let grass = 0, marked = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (Math.hypot(x - 110, y - 60) < 22) continue;
    grass++;
    marked += mask[y * w + x]!;
  }
  assert.ok(marked / grass < 0.02, `${((marked / grass) * 100).toFixed(1)} % of the grass is marked as an object`);
  for (let y = 54; y <= 66; y++) for (let x = 104; x <= 116; x++) assert.equal(mask[y * w + x], 1, `ball pixel (${x}, ${y}) is in the object mask`);
});

test('at most the given share of a busy picture is marked: synthesis keeps something to copy', () => {
  const w = 80, h = 60, rng = createRandom(5);
  const img = new Uint8Array(w * h * 3);
  for (let i = 0; i < img.length; i++) img[i] = rng.int(256); // every patch unique
  const mask = distinctMask(distinctiveness(img, 3, w, h, { seed: 2 }), undefined, w, 0, 0.6);
  const share = mask.reduce((s, v) => s + v, 0) / mask.length;
  assert.ok(share <= 0.6 + 1e-9 && share > 0.3, `share marked ${share.toFixed(3)}`);
});
