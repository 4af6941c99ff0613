/**
 * The block-edge measure (integrity/block-edges.ts) catches what it is for: on a hazy, sky-like
 * picture, a band filled with 3×3 blocks each copied from somewhere near (as a fill copied block
 * by block from a small raster is) reads well over BLOCK_EDGE_LIMIT — also when shifted by half a
 * pixel, as the camera's warp does — while the picture's own band, and a grainy picture's band,
 * read under it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../src/engine/util/random.js';
import { blockEdges } from './integrity/block-edges.js';
import { BLOCK_EDGE_LIMIT } from './picture-integrity.js';

const W = 240, H = 160, BAND = { x0: 100, x1: 130, y0: 10, y1: 150 };

/** a smooth gradient with soft blotches (haze) and grain of `grain` levels (σ) */
function sky(grain: number, seed: number): Float32Array {
  const rng = createRandom(seed), out = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const haze = 14 * Math.sin(x / 23 + 0.7) * Math.cos(y / 31) + 9 * Math.sin((x + y) / 17);
    out[y * W + x] = 90 + (60 * x) / W + (30 * y) / H + haze + grain * rng.gaussian();
  }
  return out;
}

function band(): Uint8Array {
  const zone = new Uint8Array(W * H);
  for (let y = BAND.y0; y < BAND.y1; y++) for (let x = BAND.x0; x < BAND.x1; x++) zone[y * W + x] = 1;
  return zone;
}

/** the band filled with 3×3 blocks, each copied from a random place up to 40 px off (outside the band) */
function blocky(img: Float32Array, seed: number): Float32Array {
  const rng = createRandom(seed), out = img.slice();
  for (let by = BAND.y0; by < BAND.y1; by += 3) for (let bx = BAND.x0; bx < BAND.x1; bx += 3) {
    let sx = 0, sy = 0;
    do { sx = bx + rng.int(81) - 40; sy = Math.min(H - 3, Math.max(0, by + rng.int(81) - 40)); } while (sx + 3 > BAND.x0 && sx < BAND.x1 || sx < 0 || sx + 3 > W);
    for (let y = 0; y < 3 && by + y < BAND.y1; y++) for (let x = 0; x < 3 && bx + x < BAND.x1; x++) out[(by + y) * W + bx + x] = img[(sy + y) * W + sx + x]!;
  }
  return out;
}

/** shifted by half a pixel both ways (bilinear), as a warp samples between pixels */
function halfShift(img: Float32Array): Float32Array {
  const out = img.slice();
  for (let y = 0; y < H - 1; y++) for (let x = 0; x < W - 1; x++) {
    const i = y * W + x;
    out[i] = (img[i]! + img[i + 1]! + img[i + W]! + img[i + W + 1]!) / 4;
  }
  return out;
}

test('a band filled block by block reads as block edges; the picture itself and grain do not', (t) => {
  const zone = band();
  const own = blockEdges(sky(1.2, 1), W, H, zone).share;
  const grainy = blockEdges(sky(8, 2), W, H, zone).share;
  const blocks = blockEdges(blocky(sky(1.2, 1), 3), W, H, zone).share;
  const shifted = blockEdges(halfShift(blocky(sky(1.2, 1), 3)), W, H, zone).share;
  const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
  t.diagnostic(`block edges: own ${pct(own)}, grainy ${pct(grainy)}, blocky ${pct(blocks)}, blocky shifted ${pct(shifted)}`);
  assert.ok(own < BLOCK_EDGE_LIMIT / 4, `the picture's own band: ${pct(own)} (want < ${pct(BLOCK_EDGE_LIMIT / 4)})`);
  assert.ok(grainy < BLOCK_EDGE_LIMIT / 2, `a grainy picture's band: ${pct(grainy)} (want < ${pct(BLOCK_EDGE_LIMIT / 2)})`);
  assert.ok(blocks > BLOCK_EDGE_LIMIT * 3, `the blocky fill: ${pct(blocks)} (want > ${pct(BLOCK_EDGE_LIMIT * 3)})`);
  assert.ok(shifted > BLOCK_EDGE_LIMIT * 2, `the blocky fill shifted by half a pixel: ${pct(shifted)} (want > ${pct(BLOCK_EDGE_LIMIT * 2)})`);
});
