/**
 * The tail finder on drawn silhouettes (analyze/animals/tail.ts): a long thin part that joins the
 * body away from the eyes is the tail; the same part beside the head (an ear, a raised paw), a
 * short stub, a part the frame cuts off, or any part when no eyes were found, is not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { animalTail } from '../../../src/engine/analyze/animals/tail.js';
import type { Silhouette } from '../../../src/engine/analyze/animals/silhouette.js';

const W = 200, H = 150;

/** A body (ellipse) and a head (disc) at the right, plus a thin straight part from (x0, y0) to (x1, y1). */
function animal(part: [number, number, number, number] | null, halfWidth = 2.5): Silhouette {
  const mask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let on = ((x - 100) / 40) ** 2 + ((y - 90) / 25) ** 2 < 1 || Math.hypot(x - 145, y - 60) < 22;
    if (part) {
      const [x0, y0, x1, y1] = part, L = Math.hypot(x1 - x0, y1 - y0);
      const t = Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / (L * L)));
      on ||= Math.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0))) < halfWidth;
    }
    mask[y * W + x] = on ? 1 : 0;
  }
  return { mask, width: W, height: H, box: { x: 0, y: 0, w: 1, h: 1 }, cut: [0, 0, 0, 0] };
}
const EYES = { x: 146 / W, y: 55 / H, scale: 12 / W };

test('a long thin part joining the body away from the eyes is the tail: its base at the body, its tip at its end', () => {
  const { tail, reason } = animalTail(animal([62, 90, 20, 40]), EYES);
  assert.equal(reason, null);
  assert.ok(tail, 'found');
  assert.ok(Math.hypot(tail.tip.x * W - 20, tail.tip.y * H - 40) < 4, `tip ${JSON.stringify(tail.tip)}`);
  assert.ok(Math.hypot(tail.base.x * W - 62, tail.base.y * H - 90) < 12, `base ${JSON.stringify(tail.base)}`);
  assert.ok(tail.width * W > 3 && tail.width * W < 8, `width ${(tail.width * W).toFixed(1)} px`);
});

test('not a tail: a thin part beside the head, a short stub, one the frame cuts off, or no eyes found', () => {
  assert.equal(animalTail(animal(null), EYES).tail, null, 'no thin part');
  const nearHead = animalTail(animal([160, 45, 185, 10]), EYES);
  assert.equal(nearHead.tail, null, 'a thin part standing up from the head is not its tail');
  assert.match(nearHead.reason!, /no long thin part stands out of its outline away from its head/);
  assert.equal(animalTail(animal([62, 90, 50, 84]), EYES).tail, null, 'a stub shorter than the body is thick');
  assert.equal(animalTail(animal([62, 90, 0, 30]), EYES).tail, null, 'a part running out of the frame');
  const blind = animalTail(animal([62, 90, 20, 40]), null);
  assert.equal(blind.tail, null);
  assert.match(blind.reason!, /its head was not found/);
});

test('not a tail: a leg, a thin part running straight down to where the outline stands (the sheep\'s hind leg was its "tail")', () => {
  const leg = animalTail(animal([72, 108, 72, 146]), EYES);
  assert.equal(leg.tail, null, `a leg: ${JSON.stringify(leg.tail)}`);
  // the same part hanging short of the ground, with the feet lower down, is still a tail
  const hanging = animal([72, 108, 72, 134]);
  for (let y = 110; y <= 146; y++) for (let x = 128; x <= 132; x++) hanging.mask[y * W + x] = 1;
  assert.ok(animalTail(hanging, EYES).tail, 'a tail hanging above the feet');
});
