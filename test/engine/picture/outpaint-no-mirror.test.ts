/**
 * Outpainting never mirrors (issue #11): walking outward through a margin, each pixel's source
 * steps outward too (the texture is translated beyond the edge), never back into the picture (a
 * reflection, the kaleidoscope of a mirror-padded pull-out). Read from the synthesis's own source
 * map on real photographs; the figure is shown to catch a mirror-padded margin.
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
});

for (const name of ['portrait-astronaut.png', 'street-old-town.jpg', 'product-motorcycle.png']) {
  test(`${name}: the outpainted margin translates the picture's texture outward, never reflects it`, { timeout: 60_000 }, async () => {
    const { data, info } = await sharp(fixture(name)).resize(480).removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const W = info.width, H = info.height, mx = 40, my = 36;
    const { from } = await outpaint(new Uint8Array(data), W, H, mx, my, 3);
    const m = marginSteps(from, W + 2 * mx, H + 2 * my, mx, my);
    assert.ok(m.back < 0.02, `${name}: ${(m.back * 100).toFixed(2)} % of the steps outward reflect (${(m.outward * 100).toFixed(1)} % translate)`);
    assert.ok(m.outward > 0.6, `${name}: ${(m.outward * 100).toFixed(1)} % of the steps outward translate`);
  });
}
