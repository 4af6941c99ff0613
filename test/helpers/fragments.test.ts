/**
 * The fragment measure (integrity/fragments.ts) catches what it is for: a drawn picture (dark
 * trees before a pale coursed wall) moved by a shift within the reach, and warped a little, has no
 * fragment; the same with a torn strip (a band of rows shifted 6 px against the rest, as layers
 * torn along a cut are) or a pale sliver pasted inside a tree (a fill seen through a tear) has
 * them, where the defect is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../src/engine/util/random.js';
import { fragments } from './integrity/fragments.js';
import type { Gray } from './integrity/gray.js';

const W = 200, H = 120, REACH = 10;

/** the drawn picture, sampled at (x − dx(x, y), y − dy(x, y)) (nearest pixel) */
function picture(shift: (x: number, y: number) => [number, number], seed = 3): Gray {
  const rng = createRandom(seed), data = new Float32Array(W * H);
  const at = (x: number, y: number) => {
    const tree = [40, 100, 160].some((cx) => ((x - cx) / 12) ** 2 + ((y - 70) / 45) ** 2 < 1);
    if (tree) return 35 + 10 * Math.sin(x / 3 + y / 5);
    return 200 - (y % 14 < 2 ? 40 : 0) - ((x + 9 * Math.floor(y / 14)) % 30 < 2 ? 30 : 0);
  };
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const [dx, dy] = shift(x, y);
    data[y * W + x] = at(Math.round(x - dx), Math.round(y - dy)) + 3 * rng.gaussian();
  }
  return { data, width: W, height: H };
}

test('a shifted, gently warped picture has no fragments; a torn strip and a pasted sliver do, where they are', () => {
  const frame0 = picture(() => [0, 0], 3);
  const moved = picture((x, y) => [6 + x / 100, -4 + y / 60], 4);
  assert.equal(fragments(frame0, moved, REACH).count, 0);
  // a move farther than the reach is searched round the camera's overall shift
  const far = picture(() => [24, -14], 4);
  assert.ok(fragments(frame0, far, REACH).count > 10);
  assert.equal(fragments(frame0, far, 4, undefined, [24, -14]).count, 0);

  // rows 60…67 shifted 6 px further than the rest: the trees and the wall's joints break there
  const torn = picture((x, y) => [6 + (y >= 60 && y < 68 ? 6 : 0), -4], 4);
  const tear = fragments(frame0, torn, REACH);
  assert.ok(tear.count >= 3, `the tear: ${tear.count} fragments`);
  assert.ok(tear.at.every(([, y]) => y >= 54 && y < 68), `only at the tear: ${JSON.stringify(tear.at)}`);

  // a pale sliver (the wall's colour) inside the middle tree
  const sliver = picture(() => [6, -4], 4);
  for (let y = 60; y < 64; y++) for (let x = 100; x < 112; x++) sliver.data[y * W + x] = 200;
  const pasted = fragments(frame0, sliver, REACH);
  assert.ok(pasted.count >= 1 && pasted.at.every(([x, y]) => x >= 94 && x < 112 && y >= 54 && y < 64), `the sliver: ${JSON.stringify(pasted.at)}`);
});
