import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockPeak, changeSeries, shiftSeries, swings } from './local-motion.js';

/** Frames of a textured square that moves right by `dx[i]` px on a still textured background. */
function frames(dx: number[], W = 64, H = 64): Uint8Array[] {
  return dx.map((d) => {
    const f = new Uint8Array(W * H * 1.5).fill(128);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) f[y * W + x] = 60 + ((x * 7 + y * 13) % 40);
    for (let y = 20; y < 44; y++) for (let x = 20; x < 44; x++) { const sx = x - d; f[y * W + x] = 120 + ((sx * sx + y * 5) % 90); }
    return f;
  });
}

test('local-motion: a region that moves shows change and its shift; a still region shows none; swings count oscillations', () => {
  const dx = [0, 1, 2, 3, 2, 1, 0, 0];
  const f = frames(dx);
  const moving = changeSeries(f, 64, 64, { x: 22, y: 22, w: 20, h: 20 });
  const still = changeSeries(f, 64, 64, { x: 0, y: 0, w: 16, h: 64 });
  assert.ok(Math.max(...moving) > 5, `the square changes (${moving})`);
  assert.equal(Math.max(...still), 0, 'the background does not');
  const shifts = shiftSeries(f, 64, 64, { x: 16, y: 16, w: 32, h: 32 }, 1);
  assert.ok(Math.abs(shifts[3]!.dx - 3) < 0.7, `shift at the top of the move ≈ 3 px (${shifts[3]!.dx})`);
  assert.ok(Math.abs(shifts[7]!.dx) < 0.5, 'and back');
  // a small moving part in a large still region: the tile peak finds it, the region mean dilutes it
  const dot = f.map((frame, i) => { const g = Uint8Array.from(f[0]!); if (i === 3) for (let y = 50; y < 56; y++) for (let x = 50; x < 56; x++) g[y * 64 + x] = 250; return g; });
  assert.ok(blockPeak(dot[0]!, dot[3]!, 64, { x: 0, y: 0, w: 64, h: 64 }) > 60);
  assert.ok(changeSeries(dot, 64, 64, { x: 0, y: 0, w: 64, h: 64 })[3]! < 2);
  assert.equal(blockPeak(dot[0]!, dot[2]!, 64, { x: 0, y: 0, w: 64, h: 64 }), 0);
  assert.equal(swings([0, 1, 3, 1, 0, 2, 4, 0.5, 0, 3], 2), 3);
  assert.equal(swings([0, 2.5, 2.2, 2.6, 2.1], 2), 1, 'a plateau is one swing');
});
