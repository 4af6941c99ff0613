/**
 * Patch-based synthesis: a hole in a striped or textured picture is filled with texture that
 * continues (crisp stripes in phase), not a blur, and nothing of the occluder is ever copied.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySourceMap, synthesize } from '../../../src/engine/picture/setup/synthesize.js';
import { createRandom } from '../../../src/engine/util/random.js';

/** Vertical black/white stripes (period `p`) with a little grain, RGBA; a red square occluder. */
function striped(w: number, h: number, p: number, hole: { x0: number; y0: number; x1: number; y1: number }) {
  const rng = createRandom(7);
  const img = new Uint8Array(w * h * 4), holeMask = new Uint8Array(w * h), source = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x, v = x % p < p / 2 ? 30 : 220;
    const inHole = x >= hole.x0 && x < hole.x1 && y >= hole.y0 && y < hole.y1;
    const g = Math.round((rng.next() - 0.5) * 10);
    img.set(inHole ? [230, 20, 20, 255] : [v + g, v + g, v + g, 255], i * 4);
    holeMask[i] = inHole ? 1 : 0;
    source[i] = inHole ? 0 : 1;
  }
  return { img, holeMask, source };
}

function checkStripes(img: Uint8Array, w: number, p: number, hole: { x0: number; y0: number; x1: number; y1: number }) {
  let red = 0, grey = 0, inPhase = 0, total = 0;
  // the stripes' phase in the hole: what continues them from the left edge of the hole
  const phaseOk = (x: number, v: number) => (x % p < p / 2 ? v < 90 : v > 160);
  const colInPhase = new Map<number, number>();
  for (let y = hole.y0; y < hole.y1; y++) for (let x = hole.x0; x < hole.x1; x++) {
    const o = (y * w + x) * 4, r = img[o]!, g = img[o + 1]!;
    total++;
    if (r > 150 && g < 80) red++;
    if (g > 90 && g < 160) grey++;
    if (phaseOk(x, g)) { inPhase++; colInPhase.set(x, (colInPhase.get(x) ?? 0) + 1); }
  }
  return { red, grey: grey / total, inPhase: inPhase / total };
}

test('a hole in stripes is filled with crisp stripes in phase, no occluder pixel, no blur', () => {
  const w = 120, h = 90, p = 8, hole = { x0: 44, y0: 28, x1: 80, y1: 64 };
  const { img, holeMask, source } = striped(w, h, p, hole);
  const map = synthesize(img, 4, w, h, holeMask, source, { seed: 1 });
  const { red, grey, inPhase } = checkStripes(img, w, p, hole);
  assert.equal(red, 0, 'no pixel of the occluder is copied');
  assert.ok(grey < 0.03, `the fill is crisp, not a blur (${(grey * 100).toFixed(1)} % mid-grey)`);
  assert.ok(inPhase > 0.9, `the stripes continue in phase (${(inPhase * 100).toFixed(1)} %)`);
  for (let i = 0; i < w * h; i++) if (holeMask[i]) assert.equal(source[map.from[i]!], 1, 'every source is an allowed pixel');
});

test('the source map carries a small-raster fill to full resolution, still crisp and in phase', () => {
  const W = 240, H = 180, p = 16, hole = { x0: 88, y0: 56, x1: 160, y1: 128 };
  const full = striped(W, H, p, hole);
  // the small raster: every other pixel (stripes of period 8)
  const w = W / 2, h = H / 2, small = new Uint8Array(w * h * 4), sHole = new Uint8Array(w * h), sSource = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const I = 2 * y * W + 2 * x, i = y * w + x;
    small.set(full.img.subarray(I * 4, I * 4 + 4), i * 4);
    sHole[i] = full.holeMask[I]! | full.holeMask[I + 1]! | full.holeMask[I + W]! | full.holeMask[I + W + 1]!;
    sSource[i] = sHole[i] ? 0 : 1;
  }
  const map = synthesize(small, 4, w, h, sHole, sSource, { seed: 3 });
  const from = applySourceMap(full.img, 4, W, H, full.holeMask, full.source, map);
  const { red, grey, inPhase } = checkStripes(full.img, W, p, hole);
  assert.equal(red, 0);
  assert.ok(grey < 0.03, `crisp (${(grey * 100).toFixed(1)} % mid-grey)`);
  assert.ok(inPhase > 0.85, `in phase (${(inPhase * 100).toFixed(1)} %)`);
  for (let i = 0; i < W * H; i++) if (full.holeMask[i]) assert.ok(from[i]! >= 0 && full.source[from[i]!] === 1);
});

test('outpainting beyond an edge continues the texture rather than mirroring it', () => {
  // a ramp of diagonal stripes to the right edge; the margin on the right is the hole
  const w = 100, h = 60, m = 24, W = w + m;
  const img = new Uint8Array(W * h * 4), hole = new Uint8Array(W * h), source = new Uint8Array(W * h);
  const value = (x: number, y: number) => ((x + y) % 12 < 6 ? 40 : 210);
  for (let y = 0; y < h; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    if (x < w) { const v = value(x, y); img.set([v, v, v, 255], i * 4); source[i] = 1; } else hole[i] = 1;
  }
  synthesize(img, 4, W, h, hole, source, { seed: 5 });
  let continued = 0, mirrored = 0, total = 0;
  for (let y = 3; y < h - 3; y++) for (let x = w; x < W; x++) {
    const g = img[(y * W + x) * 4]!, bright = g > 125;
    total++;
    if (bright === value(x, y) > 125) continued++;
    if (bright === value(2 * w - 1 - x, y) > 125) mirrored++;
  }
  assert.ok(continued / total > 0.85, `diagonals continue into the margin (${((continued / total) * 100).toFixed(1)} %)`);
  assert.ok(mirrored / total < 0.7, `not a mirror (${((mirrored / total) * 100).toFixed(1)} %)`);
});

/** Green grain (grass) with one yellow disc (a ball) of radius `r` at (cx, cy), RGBA. */
function grassWithBall(w: number, h: number, cx: number, cy: number, r: number) {
  const rng = createRandom(11);
  const img = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const g = Math.round((rng.next() - 0.5) * 40), stripe = Math.floor(x / 20) % 2 ? 12 : 0;
    const ball = Math.hypot(x - cx, y - cy) <= r;
    img.set(ball ? [235, 210, 30, 255] : [40 + g / 2, 120 + stripe + g, 45 + g / 2, 255], (y * w + x) * 4);
  }
  return img;
}
const yellow = (img: Uint8Array, o: number) => img[o]! > 150 && img[o + 1]! > 140 && img[o + 2]! < 100;

for (const crossing of [false, true]) test(`an object by the edge is never copied into the margin: the grass continues, no second ball${crossing ? ' (lines crossing the edge continued)' : ''}`, () => {
  // the picture 100 × 80 with a ball touching its bottom edge, a 24 px margin below
  const w = 100, h = 80, m = 24, H = h + m;
  const pic = grassWithBall(w, h, 50, 72, 8);
  const img = new Uint8Array(w * H * 4), hole = new Uint8Array(w * H), source = new Uint8Array(w * H);
  img.set(pic);
  for (let i = 0; i < w * H; i++) { hole[i] = i >= w * h ? 1 : 0; source[i] = 1 - hole[i]!; }
  const map = synthesize(img, 4, w, H, hole, source, { seed: 2, ...(crossing ? { objectsAsSources: 'crossing' as const } : {}) });
  let copied = 0, green = 0;
  for (let i = w * h; i < w * H; i++) {
    if (yellow(img, i * 4)) copied++;
    if (img[i * 4 + 1]! > img[i * 4]! + 40) green++;
    const s = map.from[i]!;
    assert.ok(Math.hypot((s % w) - 50, ((s / w) | 0) - 72) > 8, `margin pixel ${i} copies the ball (from ${s % w}, ${(s / w) | 0})`);
  }
  assert.equal(copied, 0, 'no ball pixel in the margin');
  assert.ok(green / (w * m) > 0.98, `the margin is grass (${((green / (w * m)) * 100).toFixed(1)} % green)`);
});
