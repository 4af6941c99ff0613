/**
 * A depth matte's cut that crosses no depth jump tears nothing (setup/smooth-crossings.ts), end to
 * end: a drawn scene — a pale wall over a lawn, dark cypresses before it, and a depth that, as a
 * real estimate of a small photo has it, runs on smoothly from the wall's top down its foot and
 * the lawn, through the trees (no jump anywhere). The matte, made at the analysis' raster (4×
 * coarser), is a threshold on that depth: it takes the lawn, the wall's foot and the trees'
 * trunks and leaves their tops with the rest of the wall (Debian's taj_orig.png, cut so). A crane is rendered at 640 px; every block by the cut in the last frame is found in frame 0
 * within the move's reach (test/helpers/integrity/fragments.ts). With each layer warped by its
 * own nearness (the subject's a plane, the wall's continued from round it) the wall and the trees
 * tore along the cut and the synthesised fill showed through: fragments.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';
import { grayFromI420 } from '../../helpers/picture-integrity.js';
import { fragments } from '../../helpers/integrity/fragments.js';

after(closePicturePool);

const W = 640, H = 360, MAP = 4, MW = W / MAP, MH = H / MAP;
/** the nearness: the wall's (0.3) down to FAR, then rising no faster than a jump to 0.8 at RISEN (px); the wall's foot, the lawn below it */
const FAR = 110, RISEN = 190, FOOT = 200;
/** the cypresses: centre x, half-width, top and foot (px) */
const TREES = [{ x: 150, r: 22, top: 70, foot: 300 }, { x: 330, r: 26, top: 60, foot: 320 }, { x: 500, r: 20, top: 80, foot: 290 }];

const nearness = (y: number) => 0.3 + 0.5 * Math.min(1, Math.max(0, (y - FAR) / (RISEN - FAR)));

function drawnScene(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(9), data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian();
    // the wall: pale stone with courses and joints; the lawn: green with mown stripes
    let rgb = y < FOOT
      ? [205 - (y % 18 < 2 ? 45 : 0) - ((x + 9 * Math.floor(y / 18)) % 40 < 2 ? 35 : 0) + 4 * g, 198 - (y % 18 < 2 ? 45 : 0) + 4 * g, 185 + 4 * g]
      : [70 + 20 * Math.sin(x / 11) + 5 * g, 125 + 20 * Math.sin(x / 11) + 5 * g, 50 + 4 * g];
    for (const t of TREES) {
      // a cypress: a tall ellipse, dark green, with a lighter flicker of foliage
      const e = ((x - t.x) / t.r) ** 2 + ((y - (t.top + t.foot) / 2) / ((t.foot - t.top) / 2)) ** 2;
      if (e < 1) rgb = [20 + 14 * Math.sin(x / 3 + y / 5) + 4 * g, 55 + 14 * Math.sin(x / 3 + y / 5) + 4 * g, 25 + 3 * g];
    }
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, rgb[k]!)));
  }
  // the estimate: smooth through the trees; the matte: a threshold on it, soft over one raster pixel
  const matte = new Float32Array(MW * MH), CUT = 0.5;
  for (let y = 0; y < MH; y++) for (let x = 0; x < MW; x++) {
    const n = nearness((y + 0.5) * MAP), i = y * MW + x;
    scene.maps.depth[i] = n;
    matte[i] = Math.min(1, Math.max(0, (n - CUT) / (nearness((y + 1.5) * MAP) - n) + 0.5));
  }
  const box = { x: 0, y: 0.35, w: 1, h: 0.65 };
  return {
    ...scene, image: { width: W, height: H, data }, subject: box,
    layers: {
      bands: [{ far: CUT, near: 1, share: 0.6 }, { far: 0, near: CUT, share: 0.4 }], cuts: [{ at: CUT, score: 0.5 }],
      matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.8, backgroundDepth: 0.3, lines: [],
    },
  };
}

/** the cut: where the nearness crosses 0.5 (px) */
const CUT_ROW = FAR + ((0.5 - 0.3) / 0.5) * (RISEN - FAR);

test('trees and a wall a depth matte\'s cut crosses with no depth jump are not torn by a crane', { timeout: 120_000 }, async () => {
  const plan = picturePlan({ width: W, height: H, duration: 0.5, moves: ['crane_up'], end: { pedestal: 0.03 } });
  const frames = await renderAll(plan, drawnScene());
  // the blocks round the cut (the crane shifts the picture by up to ~20 px: the reach is more)
  const zone = new Uint8Array(W * H).fill(1, (CUT_ROW - 16) * W, (CUT_ROW + 18) * W);
  const f = fragments(grayFromI420(frames[0]!, W, H), grayFromI420(frames[frames.length - 1]!, W, H), 28, zone);
  const where = `worst ${f.worst.levels.toFixed(1)} levels at ${f.worst.x},${f.worst.y}; ${JSON.stringify(f.at.slice(0, 12))}`;
  // (torn, ~5 % of the blocks were fragments, the worst 60 levels from anything near it in frame 0)
  assert.ok(f.share <= 0.015 && f.worst.levels < 30, `${f.count} of ${f.blocks} blocks by the cut are nowhere near their place in frame 0 (${where})`);
});
