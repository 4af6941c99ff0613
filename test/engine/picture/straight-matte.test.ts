/**
 * The subject matte agrees with the picture's straight edges (setup/straight-matte.ts): a pole
 * (two close parallel edges) running up out of a tower's matte joins the matte, a horizon line
 * that merely touches the matte does not; a stalk the matte's edge crosses joins it whole, and
 * its head found apart beyond a small gap joins in turn, a single crossing line does not — unless,
 * given the picture, its colour profile shows a thin structure beside it (a stalk with one edge
 * found joins, a wide pier's edge does not); along a straight side of the matte whose soft alpha
 * drifts (0.3 for a while, then 0.7) the alpha becomes the same all along, and the matte away
 * from straight edges is untouched. Displacement is held still around straight edges
 * (effects/shared/held-edges.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { straightMatte } from '../../../src/engine/picture/setup/straight-matte.js';
import { heldEdges } from '../../../src/engine/picture/effects/shared/held-edges.js';

const W = 320, H = 240;

/** A tower: x 100…140, y 120…239 fully in the matte, its right column (x 140) soft: 80 above y 180, 180 below. */
function towerMatte(): Uint8Array {
  const m = new Uint8Array(W * H);
  for (let y = 120; y < H; y++) {
    for (let x = 100; x < 140; x++) m[y * W + x] = 255;
    m[y * W + 140] = y < 180 ? 80 : 180;
  }
  // a person-like blob on the left, away from every edge
  for (let y = 40; y < 80; y++) for (let x = 20; x < 60; x++) m[y * W + x] = 200;
  return m;
}

test('a pole running out of the matte joins it; a line only touching it does not', () => {
  const matte = towerMatte();
  const segments = [
    // the pole's two edges, 5 px apart, from 2 px above the tower's top up to y 40
    { x0: 118, y0: 118, x1: 118, y1: 40 },
    { x0: 123, y0: 118, x1: 123, y1: 40 },
    // a horizon from the tower's side out to the right: one edge, no partner
    { x0: 142, y0: 150, x1: 310, y1: 150 },
  ];
  const out = straightMatte(matte, W, H, segments);
  for (const y of [45, 80, 115]) for (const x of [119, 120, 121, 122]) assert.equal(out[y * W + x], 255, `pole at (${x}, ${y})`);
  for (const x of [170, 250, 300]) assert.equal(out[150 * W + x], 0, `horizon at (${x}, 150)`);
  // beside the pole and above it, nothing
  assert.equal(out[80 * W + 110], 0);
  assert.equal(out[20 * W + 120], 0);
  // the blob is untouched
  assert.equal(out[60 * W + 40], 200);
});

test('a stalk the matte\'s edge crosses joins it whole, and its head beyond a small gap in turn', () => {
  // the near grass: every row from y 150 down
  const matte = new Uint8Array(W * H);
  matte.fill(255, 150 * W);
  const segments = [
    // a stalk's two edges, 5 px apart, its foot in the grass (y 200) and its head out of it (y 100):
    // half inside, so it does not run out of the matte from its end (one edge given the other way)
    { x0: 200, y0: 200, x1: 200, y1: 100 },
    { x0: 205, y0: 100, x1: 205, y1: 200 },
    // the stalk's head, found apart from it: from 3 px above it up to y 50
    { x0: 200, y0: 97, x1: 200, y1: 50 },
    { x0: 205, y0: 97, x1: 205, y1: 50 },
    // a single line the edge crosses (no partner: an edge of something wide, not a thin structure)
    { x0: 100, y0: 200, x1: 100, y1: 100 },
  ];
  const out = straightMatte(matte, W, H, segments);
  for (const y of [145, 120, 101]) for (const x of [201, 202, 203, 204]) assert.equal(out[y * W + x], 255, `the stalk at (${x}, ${y})`);
  for (const y of [95, 70, 52]) assert.equal(out[y * W + 202], 255, `its head at (202, ${y})`);
  for (const y of [140, 120, 101]) assert.equal(out[y * W + 100], 0, `the single line at (100, ${y})`);
  // beside the stalk and above its head, nothing
  assert.equal(out[120 * W + 190], 0);
  assert.equal(out[40 * W + 202], 0);
});

test('along a straight side of the matte the soft alpha is the same all along it', () => {
  const matte = towerMatte();
  const side = { x0: 140, y0: 122, x1: 140, y1: 236 };
  const out = straightMatte(matte, W, H, [side]);
  const column = [130, 150, 175, 185, 200, 225].map((y) => out[y * W + 140]!);
  assert.ok(Math.max(...column) - Math.min(...column) <= 1, `the soft column along the side: ${column.join(', ')}`);
  // inside and outside stay what they were
  assert.equal(out[150 * W + 130], 255);
  assert.equal(out[150 * W + 150], 0);
  // without the straight edge nothing changes
  assert.deepEqual(straightMatte(matte, W, H, []), matte);
});

test('displacement is held still on and around straight edges, free away from them', () => {
  // on the displacement grid: a node every 2 canvas px, the picture 320 px wide
  const cell = 2, gw = W / cell + 1, gh = H / cell + 1;
  const held = heldEdges([{ x0: 100, y0: 20, x1: 100, y1: 200 }], W, gw, gh, cell);
  const at = (x: number, y: number) => held[(y / cell) * gw + x / cell]!;
  assert.equal(at(100, 100), 1);
  assert.equal(at(104, 100), 1, 'a slim structure beside the edge is held whole');
  assert.equal(at(160, 100), 0);
  assert.equal(at(100, 230), 0, 'beyond the segment\'s end');
  // the hold fades out at the band's side instead of stopping
  const profile = Array.from({ length: 12 }, (_, k) => at(100 + 2 * k, 100));
  assert.ok(profile.some((v) => v > 0 && v < 1), `a feathered side: ${profile.map((v) => v.toFixed(2)).join(', ')}`);
});

test('with the picture, a stalk crossed by the matte\'s edge joins it whole though only one of its edges was found; the edge of something wide does not', () => {
  // at 640 px a thin structure is up to 10 px wide
  const w = 640, h = 240, picture = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    // the sea; a golden stalk 6 px wide (x 200…205) from the grass up to y 60; a wide grey pier (x 100…159)
    const c = x >= 200 && x <= 205 && y >= 60 ? [215, 165, 70] : x >= 100 && x < 160 && y >= 60 ? [150, 150, 150] : [40, 110, 190];
    picture.set([...c, 255], (y * w + x) * 4);
  }
  // the near grass: every row from y 150 down
  const matte = new Uint8Array(w * h);
  matte.fill(255, 150 * w);
  const segments = [
    // the stalk's left edge only (its right one was missed), from its foot in the grass to its head
    { x0: 199.5, y0: 230, x1: 199.5, y1: 62 },
    // the pier's left edge: one edge of something wide
    { x0: 99.5, y0: 230, x1: 99.5, y1: 62 },
  ];
  const out = straightMatte(matte, w, h, segments, picture);
  for (const y of [140, 100, 64]) for (const x of [200, 202, 205]) assert.equal(out[y * w + x], 255, `the stalk at (${x}, ${y})`);
  for (const y of [140, 100]) for (const x of [100, 105, 120]) assert.equal(out[y * w + x], 0, `the pier at (${x}, ${y})`);
  // beside the stalk, the sea stays out
  for (const x of [190, 212]) assert.equal(out[100 * w + x], 0, `the sea at (${x}, 100)`);
});
