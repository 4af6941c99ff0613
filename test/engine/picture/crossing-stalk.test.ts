/**
 * A thin structure the depth matte's edge crosses moves whole (setup/straight-matte.ts), end to
 * end: a drawn scene — near grass (the bottom) under a far sky, and a golden stalk, 8 px wide,
 * tilted, rising from deep in the grass high into the sky. The matte, made at the analysis'
 * raster (4× coarser, as a real depth matte is), is the grass alone: a threshold on depth cuts
 * the stalk where it leaves the grass, as Dune.jpg's stalks were cut where they cross the sea.
 * The scene's straight edges are the stalk's two sides. A truck (strong parallax between the
 * grass and the sky) is rendered at 640 px; the stalk's long lines, followed from frame 0 into
 * the last frame (test/helpers/picture-integrity.ts), bow by at most 0.75 px — with the stalk's
 * head left behind in the sky layer it broke where the matte's edge crossed it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';
import { bowLimit, describeMeasure, grayFromI420, integrityProbe } from '../../helpers/picture-integrity.js';

after(closePicturePool);

const W = 640, H = 360, MAP = 4, MW = W / MAP, MH = H / MAP, GRASS = 250;
/** the stalk's axis, from its foot (deep in the grass) to its head (high in the sky), and its half-width */
const FOOT = { x: 300, y: 345 }, HEAD = { x: 345, y: 60 }, HALF = 4;

function drawnScene(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(5), data = new Uint8Array(W * H * 3);
  const length = Math.hypot(HEAD.x - FOOT.x, HEAD.y - FOOT.y), tx = (HEAD.x - FOOT.x) / length, ty = (HEAD.y - FOOT.y) / length;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian();
    const back = y >= GRASS
      ? [90 + 30 * Math.sin(x / 5 + y / 9) + 6 * g, 130 + 25 * Math.sin(x / 7 - y / 4) + 6 * g, 40 + 4 * g]
      : [70 + (40 * y) / GRASS + 2 * g, 130 + (30 * y) / GRASS + 2 * g, 210 + 2 * g];
    // the stalk, anti-aliased across its sides, ending at its head
    const along = (x - FOOT.x) * tx + (y - FOOT.y) * ty, across = Math.abs(-(x - FOOT.x) * ty + (y - FOOT.y) * tx);
    const c = along < 0 || along > length ? 0 : Math.min(1, Math.max(0, HALF + 0.5 - across));
    const stalk = [215 + 3 * g, 165 + 3 * g, 70];
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, back[k]! * (1 - c) + stalk[k]! * c)));
  }
  // the depth matte: the grass, cut straight across the stalk where it leaves it
  const matte = new Float32Array(MW * MH);
  for (let y = 0; y < MH; y++) for (let x = 0; x < MW; x++) matte[y * MW + x] = Math.min(1, Math.max(0, ((y + 0.5) * MAP - GRASS) / MAP + 0.5));
  for (let i = 0; i < matte.length; i++) scene.maps.depth[i] = 0.1 + 0.8 * matte[i]!;
  // the stalk's two sides, normalised (pixel centres at (x + ½) / W)
  const side = (s: number) => ({ x0: (FOOT.x + s * HALF * -ty + 0.5) / W, y0: (FOOT.y + s * HALF * tx + 0.5) / H, x1: (HEAD.x + s * HALF * -ty + 0.5) / W, y1: (HEAD.y + s * HALF * tx + 0.5) / H });
  const box = { x: 0, y: GRASS / H, w: 1, h: 1 - GRASS / H };
  return {
    ...scene, image: { width: W, height: H, data }, subject: box,
    layers: {
      bands: [{ far: 0.5, near: 1, share: 0.3 }, { far: 0, near: 0.5, share: 0.7 }], cuts: [{ at: 0.5, score: 1 }],
      matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.9, backgroundDepth: 0.1,
      lines: [side(1), side(-1)],
    },
  };
}

test('a stalk the depth matte cuts where it leaves the grass stays straight under a truck', { timeout: 300_000 }, async (t) => {
  const scene = drawnScene();
  const plan = picturePlan({ width: W, height: H, duration: 1, moves: ['truck_right'], end: { truck: 0.06 } });
  const frames = await renderAll(plan, scene);
  const m = integrityProbe(grayFromI420(frames[0]!, W, H)).measure(grayFromI420(frames[frames.length - 1]!, W, H));
  t.diagnostic(describeMeasure(m));
  // the stalk's own lines: long, steep segments on it
  const onStalk = m.lines.bows.filter(({ segment: s }) => s.length > 100 && Math.abs(s.y1 - s.y0) > 2 * Math.abs(s.x1 - s.x0));
  if (!onStalk.length) assert.fail(`the stalk's lines are followed: ${describeMeasure(m)}`);
  const worst = Math.max(...onStalk.map((b) => b.bow));
  assert.ok(worst <= bowLimit(W), `the stalk bows ${worst.toFixed(2)} px (limit ${bowLimit(W).toFixed(2)}): ${describeMeasure(m)}`);
});
