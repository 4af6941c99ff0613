/**
 * A subject the frame cuts is continued beyond it, not replaced by the background: a drawn scene —
 * near grass across the bottom, touching the left, right and bottom edges, under a far sky — whose
 * depth matte is the grass. A pull-out with parallax (dolly and zoom) reveals a margin round the
 * picture; beside the grass, that margin continues the grass. (The margin left the subject's hole
 * out of its sources, so beside the grass it could only copy the sky: Debian's Dune.jpg showed a
 * pale blue strip down the left of its grass.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';
import { i420ToRgb } from '../../helpers/frame-metrics.js';

after(closePicturePool);

const W = 320, H = 180, MAP = 4, MW = W / MAP, MH = H / MAP, GRASS = 100;

function grassUnderSky(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(9), data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian();
    const c = y >= GRASS
      ? [120 + 35 * Math.sin(x / 3 + y / 11) + 8 * g, 140 + 30 * Math.sin(x / 4 - y / 7) + 8 * g, 45 + 5 * g]
      : [110 + (30 * y) / GRASS + 2 * g, 150 + (20 * y) / GRASS + 2 * g, 215 + 2 * g];
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, c[k]!)));
  }
  const matte = new Float32Array(MW * MH);
  for (let y = 0; y < MH; y++) for (let x = 0; x < MW; x++) matte[y * MW + x] = Math.min(1, Math.max(0, ((y + 0.5) * MAP - GRASS) / MAP + 0.5));
  for (let i = 0; i < matte.length; i++) scene.maps.depth[i] = 0.1 + 0.8 * matte[i]!;
  const box = { x: 0, y: GRASS / H, w: 1, h: 1 - GRASS / H };
  return {
    ...scene, image: { width: W, height: H, data }, subject: box,
    layers: { bands: [{ far: 0.5, near: 1, share: 0.45 }, { far: 0, near: 0.5, share: 0.55 }], cuts: [{ at: 0.5, score: 1 }], matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.9, backgroundDepth: 0.1, lines: [] },
  };
}

const skyLike = (r: number, g: number, b: number) => b > 150 && b > g + 30;

test('a pull-out beside grass the frame cuts continues the grass into the margin, not the sky', { timeout: 120_000 }, async () => {
  const plan = picturePlan({ width: W, height: H, duration: 0.5, moves: ['pull_out'], end: { zoom: 0.85, dolly: -0.05 } });
  const frames = await renderAll(plan, grassUnderSky());
  const last = i420ToRgb(frames[frames.length - 1]!, W, H);
  // the margin's columns on the left and right (the picture fills about the middle 85 %), in the rows well inside the grass
  let margin = 0, sky = 0;
  for (let y = Math.round(H * 0.75); y < Math.round(H * 0.9); y++) for (const x of [...Array(Math.round(W * 0.05)).keys(), ...Array.from({ length: Math.round(W * 0.05) }, (_, i) => W - 1 - i)]) {
    const o = (y * W + x) * 3;
    margin++;
    if (skyLike(last[o]!, last[o + 1]!, last[o + 2]!)) sky++;
  }
  assert.ok(sky / margin < 0.05, `${sky} of ${margin} margin pixels beside the grass show the sky`);
});
