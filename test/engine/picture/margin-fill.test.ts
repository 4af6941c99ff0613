/**
 * What a pull-out reveals beyond the picture, when the scene is layered (a near subject over a far
 * background, as on the hot-air balloons photo): the margin continues each row's own region, and
 * shows no block edges. A drawn scene: its left edge runs through three regions — a hazy sky (soft
 * blotches, little grain: where a fill copied block by block shows most), a band of orange and a
 * grainy lawn — with a near grey tower in the middle (its matte at the analysis' raster, 4×
 * coarser). A pull-out with a dolly back (so the layered scene is built) is encoded with x264 and
 * decoded; in the last frame, the outer columns of the left margin, row by row away from the
 * regions' borders, and the bottom margin: no pixel nearer another region's colour than its own
 * (nor, under the tower's foot, tinted by it), and block edges
 * (integrity/block-edges.ts) under BLOCK_EDGE_LIMIT. (The old layered background took its margin
 * through the outpainting's plain source map, block by block: 0.40 % block edges in the sky.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { encodedRgb } from '../../helpers/encoded-clip.js';
import { blockEdges, BLOCK_EDGE_LIMIT } from '../../helpers/picture-integrity.js';

after(closePicturePool);

const W = 1280, H = 720, MAP = 4, MW = W / MAP, MH = H / MAP;
/** the regions' rows in the picture, and the tower (the subject) */
const SKY_END = 240, ORANGE_END = 480, TOWER = { x0: 560, x1: 720, top: 200 };

/** a region's colour at (x, y): the sky blue and hazy, the orange band shaded, the lawn grainy */
function region(x: number, y: number, g: number): [number, number, number] {
  if (y < SKY_END) {
    const light = 40 * Math.exp(-((x - 200) ** 2) / 90000) + 14 * Math.sin(x / 41 + 0.3) * Math.cos(y / 33) + (60 * y) / SKY_END + 0.5 * g;
    return [70 + light, 125 + 0.8 * light, 200 + 0.3 * light];
  }
  if (y < ORANGE_END) { const s = 30 * Math.sin((x + y) / 23) + 2 * g; return [235 + s / 2, 120 + s, 30 + s / 3]; }
  const s = 9 * g + 6 * Math.sin(x / 7 + y / 5);
  return [70 + s / 2, 140 + s, 50 + s / 2];
}

function drawnScene(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(5), data = new Uint8Array(W * H * 3), matte = new Float32Array(MW * MH);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian(), tower = x >= TOWER.x0 && x < TOWER.x1 && y >= TOWER.top;
    const c = tower ? [95 + 2 * g, 95 + 2 * g, 105 + 2 * g] : region(x, y, g);
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, c[k]!)));
    if (tower) matte[Math.floor(y / MAP) * MW + Math.floor(x / MAP)]! += 1 / (MAP * MAP);
  }
  for (let i = 0; i < matte.length; i++) scene.maps.depth[i] = 0.1 + 0.8 * Math.min(1, matte[i]!);
  const box = { x: TOWER.x0 / W, y: TOWER.top / H, w: (TOWER.x1 - TOWER.x0) / W, h: 1 - TOWER.top / H };
  return {
    ...scene, image: { width: W, height: H, data }, subject: box,
    layers: {
      bands: [{ far: 0.5, near: 1, share: 0.15 }, { far: 0, near: 0.5, share: 0.85 }], cuts: [{ at: 0.5, score: 1 }],
      matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.9, backgroundDepth: 0.1,
    },
  };
}

test('a layered pull-out: the revealed left margin continues each row\'s own region (sky, orange, lawn), with no block edges', { timeout: 300_000 }, async (t) => {
  const plan = picturePlan({ width: W, height: H, duration: 1, moves: ['pull_out'], end: { zoom: 0.8, dolly: -0.04 } });
  const scene = drawnScene();
  const frames = await encodedRgb(plan, scene, W, H);
  const first = frames[0]!, last = frames[frames.length - 1]!;

  // each region's colour by the picture's left edge in frame 0
  const means = [[0, SKY_END], [SKY_END, ORANGE_END], [ORANGE_END, H]].map(([y0, y1]) => {
    const m = [0, 0, 0];
    for (let y = y0! + 20; y < y1! - 20; y++) for (let x = 0; x < 24; x++) for (let k = 0; k < 3; k++) m[k]! += first[(y * W + x) * 3 + k]! / ((y1! - y0! - 40) * 24);
    return m;
  });
  const nearest = (i: number) => {
    let best = 0, bestD = Infinity;
    means.forEach((m, r) => { const d = Math.hypot(last[i * 3]! - m[0]!, last[i * 3 + 1]! - m[1]!, last[i * 3 + 2]! - m[2]!); if (d < bestD) { bestD = d; best = r; } });
    return best;
  };
  // the regions' rows in the last frame (the pull-out brings them toward the middle), well inside each;
  // the margin's outer 64 columns lie beyond the picture's left edge (it moves in by ~128 px)
  const rows: Array<[number, number, number]> = [[24, 200, 0], [300, 420, 1], [500, 700, 2]];
  const zone = new Uint8Array(W * H), sky = new Uint8Array(W * H);
  let n = 0, foreign = 0;
  // and the bottom margin, under the tower's foot too: lawn (the subject, left out of the margin, tints none of it)
  const bands: Array<[number, number, number, number]> = [...rows.map(([y0, y1, r]) => [y0, y1, r, 64] as [number, number, number, number]), [664, 716, 2, W]];
  for (const [y0, y1, r, x1] of bands) for (let y = y0; y < y1; y++) for (let x = 0; x < x1; x++) {
    const i = y * W + x;
    zone[i] = 1; n++;
    if (r === 0) sky[i] = 1;
    if (nearest(i) !== r) foreign++;
  }
  // the pull-out happened: the tower (grey, among the lawn's green) is narrower at row 550
  let tower = 0;
  for (let x = 0; x < W; x++) { const i = (550 * W + x) * 3; if (last[i + 1]! - last[i]! < 20) tower++; }
  const grey = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) grey[i] = 0.299 * last[i * 3]! + 0.587 * last[i * 3 + 1]! + 0.114 * last[i * 3 + 2]!;
  const blocks = blockEdges(grey, W, H, sky).share;
  t.diagnostic(`tower ${tower} px wide; zone ${n} px: ${foreign} nearer another region's colour; block edges in the sky's margin ${(blocks * 100).toFixed(2)} %`);

  assert.ok(tower < 0.85 * (TOWER.x1 - TOWER.x0), `control: the camera pulled out (the tower is ${tower} px wide, was ${TOWER.x1 - TOWER.x0})`);
  assert.equal(foreign, 0, `${foreign} px of the revealed margin are nearer another region's colour than their own row's`);
  assert.ok(blocks < BLOCK_EDGE_LIMIT, `the sky's revealed margin reads ${(blocks * 100).toFixed(2)} % block edges (want < ${(BLOCK_EDGE_LIMIT * 100).toFixed(1)} %)`);
});
