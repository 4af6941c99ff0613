/**
 * The arm's completed matte (acting-parts.ts' completeMatte) follows the arm's outline: the
 * closing that fills its gaps runs on a work raster about 640 px wide, and a box closing laid back
 * from it left the outline in square steps of that raster's pixels past the arm's own edge — at
 * full size the waving hand dragged square corners of the background along (issue #13). A drawn
 * arm at 1920 × 1080 (a smooth capsule along the bones, a disc for the hand: convex, so a closing
 * should add nothing): the matte added outside its outline; and the same arm with 4 px cuts
 * across the forearm, which the closing must fill. Box closing: 254 px added outside, 2 of the
 * cuts' 310 inner px left open; round closing, feathered (round-closing.ts): 99 px, none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeMatte, type ActingParts } from '../../../../src/engine/picture/characters/acting-parts.js';

const W = 1920, H = 1080;
type P = [number, number];
const shoulder: P = [900, 560], elbow: P = [1010, 430], wrist: P = [1090, 290], otherShoulder: P = [720, 560];
const scale = 200;

/** soft coverage of a capsule a→b of radius r at (x, y), a 1.5 px edge */
function capsule(x: number, y: number, a: P, b: P, r: number): number {
  const vx = b[0] - a[0], vy = b[1] - a[1], t = Math.min(1, Math.max(0, ((x - a[0]) * vx + (y - a[1]) * vy) / Math.max(1e-6, vx * vx + vy * vy)));
  return Math.min(1, Math.max(0, (r - Math.hypot(x - a[0] - t * vx, y - a[1] - t * vy)) / 1.5 + 0.5));
}

/** the arm's matte: upper arm and forearm 52 and 44 px across, the hand a disc past the wrist; `gaps`: 4 px cuts across the forearm; `inset`: px off every radius */
function drawnArm(gaps: boolean, inset = 0): Uint8Array {
  const alpha = new Uint8Array(W * H), hand: P = [1105, 255];
  for (let y = 150; y < 700; y++) for (let x = 750; x < 1250; x++) {
    let v = Math.max(capsule(x, y, shoulder, elbow, 26 - inset), capsule(x, y, elbow, wrist, 22 - inset), capsule(x, y, hand, hand, 30 - inset));
    if (gaps) {
      // cuts across the forearm at 30 % and 60 % of it
      for (const f of [0.3, 0.6]) {
        const cx = elbow[0] + f * (wrist[0] - elbow[0]), cy = elbow[1] + f * (wrist[1] - elbow[1]);
        const along = ((x - cx) * (wrist[0] - elbow[0]) + (y - cy) * (wrist[1] - elbow[1])) / Math.hypot(wrist[0] - elbow[0], wrist[1] - elbow[1]);
        if (Math.abs(along) < 2) v = 0;
      }
    }
    alpha[y * W + x] = Math.round(255 * v);
  }
  return alpha;
}

const parts: ActingParts = { arms: [{ shoulder, elbow, wrist, otherShoulder, raise: 1, raiseUpper: 1, scale }], heads: [] };

test("the arm's completed matte follows its outline (no square steps past it) and still fills its gaps", (t) => {
  const smooth = drawnArm(false), done = smooth.slice();
  completeMatte(done, W, H, parts);
  let outside = 0;
  for (let i = 0; i < W * H; i++) if (done[i]! >= 128 && smooth[i]! < 128) outside++;
  // the gaps' pixels a few px inside the arm's outline (at the outline itself the matte is soft)
  const cut = drawnArm(true), filled = cut.slice(), inner = drawnArm(false, 3);
  completeMatte(filled, W, H, parts);
  let gap = 0, left = 0;
  for (let i = 0; i < W * H; i++) if (inner[i]! >= 128 && cut[i]! < 64) { gap++; if (filled[i]! < 128) left++; }
  t.diagnostic(`matte added outside the arm's outline: ${outside} px; gap px left open: ${left} of ${gap}`);
  assert.ok(gap > 100, `the drawn arm has gaps (${gap} px)`);
  assert.ok(left === 0, `the closing fills the forearm's gaps (${left} of ${gap} px left open)`);
  assert.ok(outside <= 150, `the completed matte follows the arm's outline: ${outside} px added outside it`);
});
