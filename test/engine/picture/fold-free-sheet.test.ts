/**
 * A single sheet never folds (setup/fold-free.ts): a drawn scene with no subject matte (so the
 * picture warps as one sheet) — a textured far wall and, in front of it, a red square whose
 * nearness steps up hard at its outline (a hat against the sky, as portrait-grace-hopper.jpg's) —
 * under a strong crane up. Nothing lies behind the square's top edge; warped by that nearness the
 * sheet showed the square twice there, a ghost above it torn with holes. Measured on the last
 * frame: the red pixels fill their bounding box (a square, whole) and that box is as tall as it is
 * wide, and the wall still moves (the crane is kept, gentler).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';
import { i420ToRgb, luma, phaseCorrelation } from '../../helpers/frame-metrics.js';

after(closePicturePool);

const W = 320, H = 240, MAP = 2, MW = W / MAP, MH = H / MAP;
/** the near square (px) */
const SQ = { x0: 120, y0: 90, x1: 200, y1: 170 };

function drawnScene(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(3), data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const inside = x >= SQ.x0 && x < SQ.x1 && y >= SQ.y0 && y < SQ.y1, g = rng.gaussian();
    const c = inside ? [220, 30, 30] : [60 + 25 * Math.sin(x / 6) + 4 * g, 90 + 25 * Math.sin(y / 5) + 4 * g, 140 + 4 * g];
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, c[k]!)));
  }
  for (let y = 0; y < MH; y++) for (let x = 0; x < MW; x++) {
    const X = (x + 0.5) * MAP, Y = (y + 0.5) * MAP;
    scene.maps.depth[y * MW + x] = X >= SQ.x0 && X < SQ.x1 && Y >= SQ.y0 && Y < SQ.y1 ? 0.9 : 0.1;
  }
  // no layers: nothing is cut out, the picture is one sheet
  return { ...scene, image: { width: W, height: H, data } };
}

/** the red square's pixels in an RGB frame: how many, and their bounding box */
function redSquare(rgb: Uint8Array): { area: number; w: number; h: number } {
  let area = 0, x0 = W, y0 = H, x1 = -1, y1 = -1;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 3;
    if (!(rgb[o]! > 160 && rgb[o + 1]! < 90 && rgb[o + 2]! < 90)) continue;
    area++;
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return { area, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

test('a crane over a hard depth step on a single sheet shows the near square once, whole', { timeout: 120_000 }, async (t) => {
  const scene = drawnScene();
  const plan = picturePlan({ width: W, height: H, duration: 1, moves: ['crane_up'], end: { pedestal: 0.15 } });
  const frames = await renderAll(plan, scene);
  const first = i420ToRgb(frames[0]!, W, H), last = i420ToRgb(frames[frames.length - 1]!, W, H);
  const square = redSquare(last);
  const fill = square.area / (square.w * square.h);
  t.diagnostic(`last frame: the square fills ${(fill * 100).toFixed(1)} % of its ${square.w}×${square.h} px box`);
  assert.ok(fill > 0.9 && square.h < 1.1 * square.w, `the square is whole: it fills ${(fill * 100).toFixed(0)} % of its ${square.w}×${square.h} px box (frame 0: ${JSON.stringify(redSquare(first))})`);
  // the camera still rises: the picture slides down
  const shift = phaseCorrelation(luma(first, W, H), luma(last, W, H), W, H);
  assert.ok(shift.dy > 3, `the picture slides down (${shift.dy.toFixed(1)} px)`);
});
