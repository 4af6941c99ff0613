/**
 * What a move reveals behind a subject is synthesised without blocks (issue #11: "texture and
 * structure continue — never a blur or a smear"). The background is chosen on a raster ~4× smaller
 * than the output; copied through that map as it is, each small pixel is a 4×4 block with one
 * offset, and neighbouring blocks with different offsets show a grid and staircase diagonals on a
 * smooth background. A drawn picture at 1280 px — a hazy backdrop (soft blotches of colour, a
 * little grain, as a stadium's out-of-focus stands) behind a dark, tilted figure with diagonal
 * limbs — is cut into layers with a 40 px parallax band; in the background layer, within 24 px of
 * the figure's outline (what a move shows first), block edges (integrity/block-edges.ts) stay
 * under BLOCK_EDGE_LIMIT (the backdrop itself reads 0.08 %; copied block by block, 1.43 %), and
 * none of the figure's colour is copied there.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { cutSubject, buildLayers, type LayerInput } from '../../../src/engine/picture/setup/layers.js';
import { closeHelper } from '../../../src/engine/helper/helper.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { blockEdges, BLOCK_EDGE_LIMIT } from '../../helpers/picture-integrity.js';

after(closeHelper);

const W = 1280, H = 720, MAP = 4, MW = W / MAP, MH = H / MAP, NEAR = 24;

/** inside the figure: a tilted body (ellipse) with two diagonal limbs */
function figure(x: number, y: number): boolean {
  const u = (x - 640) * Math.cos(0.5) + (y - 380) * Math.sin(0.5), v = -(x - 640) * Math.sin(0.5) + (y - 380) * Math.cos(0.5);
  const limb = (ax: number, ay: number, bx: number, by: number, r: number) => {
    const vx = bx - ax, vy = by - ay, t = Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    return Math.hypot(x - ax - t * vx, y - ay - t * vy) < r;
  };
  return (u / 150) ** 2 + (v / 90) ** 2 < 1 || limb(600, 330, 380, 170, 26) || limb(700, 450, 930, 620, 30);
}

/**
 * the backdrop: a hazy gradient with soft discs of light and shade a few to a dozen px across (an
 * out-of-focus crowd) and a little grain
 */
function backdrop(): Float32Array {
  const rng = createRandom(5), out = new Float32Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const haze = 16 * Math.sin(x / 41 + 0.7) * Math.cos(y / 33) + 10 * Math.sin((x + 2 * y) / 57);
    out.set([70 + (50 * x) / W + haze, 80 + (40 * y) / H + 0.8 * haze, 95 + 0.6 * haze], (y * W + x) * 3);
  }
  for (let k = 0; k < 2600; k++) {
    const cx = rng.next() * W, cy = rng.next() * H, r = 6 + 12 * rng.next(), tone = (rng.next() - 0.5) * 80, warm = rng.next() * 20;
    for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(H, cy + r); y++) for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(W, cx + r); x++) {
      const a = Math.min(1, Math.max(0, (r - Math.hypot(x - cx, y - cy)) / 6)), o = (y * W + x) * 3;
      out[o] = out[o]! + a * (tone + warm); out[o + 1] = out[o + 1]! + a * tone; out[o + 2] = out[o + 2]! + a * (tone - warm);
    }
  }
  return out;
}

function drawnScene(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(11), back = backdrop(), data = new Uint8Array(W * H * 3), matte = new Float32Array(MW * MH);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const inside = figure(x, y), g = 1.2 * rng.gaussian();
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = inside ? [40, 200, 60][k]! : Math.round(Math.min(255, Math.max(0, back[(y * W + x) * 3 + k]! + g)));
    if (inside) matte[Math.floor(y / MAP) * MW + Math.floor(x / MAP)]! += 1 / (MAP * MAP);
  }
  for (let i = 0; i < matte.length; i++) scene.maps.depth[i] = 0.1 + 0.8 * matte[i]!;
  const box = { x: 0.25, y: 0.2, w: 0.5, h: 0.7 };
  return {
    ...scene, image: { width: W, height: H, data }, subject: box,
    layers: {
      bands: [{ far: 0.5, near: 1, share: 0.2 }, { far: 0, near: 0.5, share: 0.8 }], cuts: [{ at: 0.5, score: 1 }],
      matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.9, backgroundDepth: 0.1,
    },
  };
}

test('behind a figure, the background a move reveals first has no block edges and none of the figure', { timeout: 120_000 }, async (t) => {
  const scene = drawnScene();
  const picture = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) { picture.set(scene.image.data.subarray(i * 3, i * 3 + 3), i * 4); picture[i * 4 + 3] = 255; }
  const input: LayerInput = { scene, picture, width: W, height: H, fit: 'fill', parallax: 40, seed: 7, living: false };
  const cut = await cutSubject(input);
  assert.ok(cut, 'the figure is cut out');
  const { back } = await buildLayers(input, cut);
  // the zone: hole pixels at most NEAR steps from the picture round it
  const dist = new Int32Array(W * H).fill(-1), order: number[] = [];
  for (let p = 0; p < W * H; p++) if (!cut.hole[p]) { dist[p] = 0; order.push(p); }
  for (let head = 0; head < order.length; head++) {
    const p = order[head]!, x = p % W;
    if (dist[p]! >= NEAR) continue;
    for (const q of [x > 0 ? p - 1 : -1, x < W - 1 ? p + 1 : -1, p - W, p + W]) if (q >= 0 && q < W * H && dist[q]! < 0) { dist[q] = dist[p]! + 1; order.push(q); }
  }
  const zone = new Uint8Array(W * H), grey = new Float32Array(W * H);
  let size = 0, green = 0;
  for (let p = 0; p < W * H; p++) {
    const r = back[p * 4]!, g = back[p * 4 + 1]!, b = back[p * 4 + 2]!;
    grey[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    if (dist[p]! <= 0) continue;
    zone[p] = 1; size++;
    if (g > 150 && g - r > 60 && g - b > 60) green++;
  }
  const share = blockEdges(grey, W, H, zone).share;
  t.diagnostic(`zone ${size} px: block edges ${(share * 100).toFixed(3)} % (limit ${(BLOCK_EDGE_LIMIT * 100).toFixed(2)} %), figure-green ${green} px`);
  assert.ok(size > 20000, `the zone is the band round the figure (${size} px)`);
  assert.equal(green, 0, 'none of the figure is copied behind it');
  assert.ok(share < BLOCK_EDGE_LIMIT, `block edges in the band: ${(share * 100).toFixed(3)} % (want < ${(BLOCK_EDGE_LIMIT * 100).toFixed(2)} %)`);
});
