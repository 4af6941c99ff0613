/**
 * Particles drawn on the I420 surface (frames that skip the RGBA path) look as they would drawn on
 * the RGBA frame and then converted: luma within two codes per pixel (each put on the RGBA frame
 * rounds three channels to bytes, and a streak's splats overlap), chroma within three codes per
 * 2×2 block, for blended and additive dots and streaks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dot, streak } from '../../../../src/engine/picture/effects/shared/draw.js';
import { i420Surface, rgbaSurface, type Surface } from '../../../../src/engine/picture/effects/shared/surface.js';

const W = 24, H = 16;

/** BT.601 limited range, unrounded. */
const toY = (r: number, g: number, b: number) => 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255;
const toU = (r: number, g: number, b: number) => 128 + (-37.797 * r - 74.203 * g + 112 * b) / 255;
const toV = (r: number, g: number, b: number) => 128 + (112 * r - 93.786 * g - 18.214 * b) / 255;

function frames(): { rgba: Uint8Array; i420: Uint8Array } {
  const rgba = new Uint8Array(W * H * 4), i420 = new Uint8Array((W * H * 3) / 2);
  const cw = W / 2, uBase = W * H, vBase = uBase + cw * (H / 2);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    rgba[o] = 40 + 3 * x; rgba[o + 1] = 70 + 2 * y; rgba[o + 2] = 120; rgba[o + 3] = 255;
    i420[y * W + x] = Math.round(toY(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!));
  }
  for (let cy = 0; cy < H / 2; cy++) for (let cx = 0; cx < cw; cx++) {
    let u = 0, v = 0;
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
      const o = ((2 * cy + dy) * W + 2 * cx + dx) * 4;
      u += toU(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!) / 4; v += toV(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!) / 4;
    }
    i420[uBase + cy * cw + cx] = Math.round(u); i420[vBase + cy * cw + cx] = Math.round(v);
  }
  return { rgba, i420 };
}

function compare(draw: (s: Surface) => void, label: string): void {
  const { rgba, i420 } = frames();
  draw(rgbaSurface(rgba, W, H));
  draw(i420Surface(i420, W, H));
  const cw = W / 2, uBase = W * H, vBase = uBase + cw * (H / 2);
  let changed = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    const expected = toY(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!);
    assert.ok(Math.abs(i420[y * W + x]! - expected) <= 2, `${label}: luma at ${x},${y} is ${i420[y * W + x]}, the RGBA frame gives ${expected.toFixed(1)}`);
    if (Math.abs(expected - toY(40 + 3 * x, 70 + 2 * y, 120)) > 2) changed++;
  }
  assert.ok(changed >= 4, `${label}: the particle should be drawn (${changed} pixels changed)`);
  for (let cy = 0; cy < H / 2; cy++) for (let cx = 0; cx < cw; cx++) {
    let u = 0, v = 0;
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
      const o = ((2 * cy + dy) * W + 2 * cx + dx) * 4;
      u += toU(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!) / 4; v += toV(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!) / 4;
    }
    assert.ok(Math.abs(i420[uBase + cy * cw + cx]! - u) <= 3, `${label}: U of block ${cx},${cy} is ${i420[uBase + cy * cw + cx]}, the RGBA frame gives ${u.toFixed(1)}`);
    assert.ok(Math.abs(i420[vBase + cy * cw + cx]! - v) <= 3, `${label}: V of block ${cx},${cy} is ${i420[vBase + cy * cw + cx]}, the RGBA frame gives ${v.toFixed(1)}`);
  }
}

test('a blended dot on the I420 surface matches the RGBA frame converted', () => {
  compare((s) => dot(s, 11.3, 7.6, 3, 230, 235, 245, 0.7, false), 'blended dot');
});

test('an additive dot (light) on the I420 surface matches the RGBA frame converted', () => {
  compare((s) => dot(s, 12.5, 8.2, 2.5, 90, 60, 20, 0.8, true), 'additive dot');
});

test('a rain streak on the I420 surface matches the RGBA frame converted', () => {
  compare((s) => streak(s, 4.2, 1.5, 9.7, 13.1, 205, 210, 220, 0.5, false), 'streak');
});
