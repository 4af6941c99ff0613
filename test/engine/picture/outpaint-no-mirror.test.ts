/**
 * Outpainting never mirrors (issue #11): walking outward through a margin, each pixel's source
 * steps outward too (the texture is translated beyond the edge), never back into the picture (a
 * reflection, the kaleidoscope of a mirror-padded pull-out). Nor does the margin's first pixel
 * copy the edge pixel beside it or its inward neighbours (the edge's last rows repeated a block out,
 * a stutter that a frame sampling between the two reads as a smear: apple.jpg's pull-out). Read from
 * the synthesis's own source map on real photographs; both figures are shown to catch their defect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { outpaint } from '../../../src/engine/picture/setup/outpaint.js';
import { fixture } from '../../helpers/fixtures.js';

/**
 * Of the steps outward through the margins (from one margin pixel to the next, away from the
 * picture), the share whose sources step back toward the picture by 1–3 px (a reflection), and
 * the share that step outward alike (a translation).
 */
function marginSteps(from: Int32Array, cw: number, ch: number, mx: number, my: number) {
  let outward = 0, back = 0, total = 0;
  const step = (a: number, b: number, dx: number, dy: number) => {
    const fa = from[a]!, fb = from[b]!;
    if (fa < 0 || fb < 0) return;
    const sx = (fb % cw) - (fa % cw), sy = ((fb / cw) | 0) - ((fa / cw) | 0);
    const along = dx ? sx * dx : sy * dy, across = dx ? sy : sx;
    total++;
    if (Math.abs(across) > 3) return;
    if (along >= 1 && along <= 3) outward++;
    else if (along <= -1 && along >= -3) back++;
  };
  const w = cw - 2 * mx, h = ch - 2 * my;
  for (let y = my; y < my + h; y++) {
    for (let x = mx - 1; x > 0; x--) step(y * cw + x, y * cw + x - 1, -1, 0);
    for (let x = mx + w; x < cw - 1; x++) step(y * cw + x, y * cw + x + 1, 1, 0);
  }
  for (let x = mx; x < mx + w; x++) {
    for (let y = my - 1; y > 0; y--) step(y * cw + x, (y - 1) * cw + x, 0, -1);
    for (let y = my + h; y < ch - 1; y++) step(y * cw + x, (y + 1) * cw + x, 0, 1);
  }
  return { outward: outward / total, back: back / total };
}

/**
 * Of the margin's first pixels (beside the picture's edge), the share that copy the edge pixel they
 * touch or one of the 3 straight inward of it (±1 px across): the edge repeated right beyond itself.
 */
function edgeRepeats(from: Int32Array, cw: number, ch: number, mx: number, my: number): number {
  let repeats = 0, total = 0;
  // p: a first margin pixel, e: the edge pixel it touches, (ix, iy): inward
  const first = (p: number, e: number, ix: number, iy: number) => {
    const s = from[p]!;
    if (s < 0) return;
    total++;
    const dx = (s % cw) - (e % cw), dy = ((s / cw) | 0) - ((e / cw) | 0);
    const along = ix ? dx * ix : dy * iy, across = ix ? dy : dx;
    if (along >= 0 && along <= 3 && Math.abs(across) <= 1) repeats++;
  };
  const w = cw - 2 * mx, h = ch - 2 * my;
  for (let x = mx; x < mx + w; x++) { first((my - 1) * cw + x, my * cw + x, 0, 1); first((my + h) * cw + x, (my + h - 1) * cw + x, 0, -1); }
  for (let y = my; y < my + h; y++) { first(y * cw + mx - 1, y * cw + mx, 1, 0); first(y * cw + mx + w, y * cw + mx + w - 1, -1, 0); }
  return repeats / total;
}

/** A mirror-padded margin's source map: each margin pixel takes its reflection across the edge. */
function mirrorMap(w: number, h: number, mx: number, my: number): Int32Array {
  const cw = w + 2 * mx, ch = h + 2 * my, from = new Int32Array(cw * ch).fill(-1);
  const reflect = (v: number, lo: number, n: number) => (v < lo ? 2 * lo - 1 - v : v >= lo + n ? 2 * (lo + n) - 1 - v : v);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    if (x >= mx && x < mx + w && y >= my && y < my + h) continue;
    from[y * cw + x] = reflect(y, my, h) * cw + reflect(x, mx, w);
  }
  return from;
}

test('the figure catches a mirror-padded margin', () => {
  const m = marginSteps(mirrorMap(200, 150, 20, 16), 240, 182, 20, 16);
  assert.ok(m.back > 0.95 && m.outward < 0.05, JSON.stringify(m));
  // (its first pixels copy the edge pixels they touch)
  assert.equal(edgeRepeats(mirrorMap(200, 150, 20, 16), 240, 182, 20, 16), 1);
});

for (const name of ['portrait-astronaut.png', 'street-old-town.jpg', 'product-motorcycle.png']) {
  test(`${name}: the outpainted margin translates the picture's texture outward, never reflects it nor repeats its edge`, { timeout: 60_000 }, async () => {
    const { data, info } = await sharp(fixture(name)).resize(480).removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const W = info.width, H = info.height, mx = 40, my = 36;
    const { from } = await outpaint(new Uint8Array(data), W, H, mx, my, 3);
    const m = marginSteps(from, W + 2 * mx, H + 2 * my, mx, my);
    assert.ok(m.back < 0.02, `${name}: ${(m.back * 100).toFixed(2)} % of the steps outward reflect (${(m.outward * 100).toFixed(1)} % translate)`);
    assert.ok(m.outward > 0.6, `${name}: ${(m.outward * 100).toFixed(1)} % of the steps outward translate`);
    // (with the edge pixel free to copy beside itself: 27.6, 10.8 and 45.1 %)
    const repeats = edgeRepeats(from, W + 2 * mx, H + 2 * my, mx, my);
    assert.ok(repeats < 0.02, `${name}: ${(repeats * 100).toFixed(1)} % of the margin's first pixels repeat the edge beside them`);
  });
}
