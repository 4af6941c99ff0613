/**
 * The effect measures catch what they are for: brightPaths finds a drawn branching bolt as one
 * thin, long, forked path and not a bright disc (a flare) or a flash; blobCount counts drawn
 * particles exactly; regionStats tells grey from blue.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blobCount, brightPaths, regionStats } from './effect-measures.js';

const W = 200, H = 160;

function background(seed: number): Float64Array {
  const l = new Float64Array(W * H);
  let s = seed;
  for (let i = 0; i < l.length; i++) { s = (s * 1103515245 + 12345) & 0x7fffffff; l[i] = 70 + (s % 30); }
  return l;
}

function line(l: Float64Array, x0: number, y0: number, x1: number, y1: number, v: number): void {
  const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
  for (let k = 0; k <= n; k++) { const x = Math.round(x0 + ((x1 - x0) * k) / n), y = Math.round(y0 + ((y1 - y0) * k) / n); l[y * W + x] = v; }
}

test('brightPaths: a branching bolt is one thin, long, forked path; a bright disc or a flash is not', () => {
  const l = background(1);
  // a jagged channel from the top and a fork
  const pts = [[100, 2], [94, 30], [104, 55], [97, 80], [108, 110], [101, 130]];
  for (let i = 1; i < pts.length; i++) line(l, pts[i - 1]![0]!, pts[i - 1]![1]!, pts[i]![0]!, pts[i]![1]!, 250);
  line(l, 104, 55, 140, 90, 250);
  const [bolt] = brightPaths(l, W, H);
  assert.ok(bolt && bolt.extent >= 120 && bolt.meanWidth <= 2 && bolt.forkedRows >= 5, JSON.stringify({ ...bolt, pixels: bolt?.pixels.length }));

  const disc = background(2);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (Math.hypot(x - 100, y - 80) < 25) disc[y * W + x] = 250;
  const found = brightPaths(disc, W, H);
  assert.ok(found.every((p) => p.meanWidth > 4 || p.extent < 20), `a disc is no path: ${JSON.stringify(found.map((p) => [p.extent, p.meanWidth]))}`);

  const flash = background(3).map((v) => v + 150);
  assert.equal(brightPaths(flash, W, H).length, 0, 'a uniformly bright frame has no path');
});

test('blobCount counts drawn particles; regionStats separates grey from blue', () => {
  const base = background(4);
  const withDots = Float64Array.from(base);
  let drawn = 0;
  for (let y = 6; y < H - 6; y += 12) for (let x = 6; x < W - 6; x += 12) { withDots[y * W + x]! += 40; withDots[y * W + x + 1]! += 30; drawn++; }
  assert.equal(blobCount(withDots, base, W, H), drawn);
  assert.equal(blobCount(base, base, W, H), 0);

  const rgb = new Uint8Array(W * H * 3);
  for (let i = 0; i < W * H; i++) { const blue = i % W < W / 2; rgb.set(blue ? [40, 90, 200] : [120, 120, 120], i * 3); }
  const left = regionStats(rgb, W, H, (x) => x < W / 2), right = regionStats(rgb, W, H, (x) => x >= W / 2);
  assert.ok(Math.abs(left.chroma - 160 / 255) < 1e-9 && right.chroma === 0, `${left.chroma} vs ${right.chroma}`);
  assert.ok(Math.abs(right.luma - 120) < 0.01);
});
