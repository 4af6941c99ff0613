/**
 * What a move reveals behind a thin part of a subject (a spire, a pole, a mast) is the background
 * continued: never a copy of the spire, never a fill in blocks. A drawn scene: a building (near)
 * with a 7 px red spire on its roof against a far sky — blue, with a bank of haze whose soft edge
 * runs through the spire, soft blotches and little grain (where a block-by-block fill shows
 * most). The matte is made at the analysis' raster (4× coarser, so soft and under two pixels wide
 * at the spire, as a real depth matte is) and stops 10 px short of the spire's capped tip, as the
 * launch pad mast's did (left behind, the cap floated above the mast). A truck reveals the sky beside the spire, a crane up
 * the sky above its tip; each clip is encoded with x264 and decoded, and round the spire's old
 * and new places in the last frame (beside it, or above its tip): no pixel as red as the spire (redder than any of the sky's, in
 * the same move over the sky alone, by 20 levels), and block edges (integrity/block-edges.ts)
 * under BLOCK_EDGE_LIMIT, where the sky alone reads under a quarter of it. The crane up also
 * uncovers a wide band above the whole roof: under the haze it must be the haze (within 8 grey
 * levels of the sky alone), not the deep blue beside it.
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

const W = 1120, H = 630, MAP = 4, SPIRE = { x0: 557, x1: 564, top: 110 }, CAP = 3, SHORT = 10, ROOF = 400;
const MW = W / MAP, MH = Math.ceil(H / MAP);

/**
 * the sky's colour at (x, y): blue, with a bank of haze on the left whose soft edge runs through
 * the spire (the fill meets a light side and a blue side), soft blotches and a little grain
 */
function sky(x: number, y: number, grain: number): [number, number, number] {
  const edge = 1 / (1 + Math.exp((x - SPIRE.x0 - 0.25 * (y - 250)) / 14));
  const light = 70 * edge + 12 * Math.sin(x / 37 + 0.4) * Math.cos(y / 29) + (20 * y) / H + grain;
  return [55 + light, 115 + 0.75 * light, 195 + 0.35 * light];
}

/** the building's facade: warm stone with darker window rows */
function facade(x: number, y: number, grain: number): [number, number, number] {
  const window = (x % 60) > 20 && (x % 60) < 40 && (y % 70) > 25 && (y % 70) < 55 ? -70 : 0;
  return [205 + window + grain, 180 + window + grain, 140 + window + grain];
}

/** the scene: with `subject`, a building (near) with a thin red spire (a cap on its tip) on its roof against the sky (far) */
function drawnScene(subject: boolean): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(7), data = new Uint8Array(W * H * 3), cover = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian();
    const cap = y >= SPIRE.top - CAP && y < SPIRE.top && x >= SPIRE.x0 - CAP && x < SPIRE.x1 + CAP;
    const spire = cap ? 1 : y >= SPIRE.top ? (x >= SPIRE.x0 && x < SPIRE.x1 ? 1 : x === SPIRE.x0 - 1 || x === SPIRE.x1 ? 0.5 : 0) : 0;
    const c = subject ? (y >= ROOF ? 1 : spire) : 0;
    // the depth matte stops short of the spire's tip and its cap (as the launch pad's mast's did)
    cover[y * W + x] = y < SPIRE.top + SHORT ? 0 : c;
    const back = sky(x, y, 0.8 * g), front = y >= ROOF ? facade(x, y, 3 * g) : [170, 30, 30];
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, back[k]! * (1 - c) + front[k]! * c)));
  }
  const image = { width: W, height: H, data };
  if (!subject) {
    scene.maps.depth.fill(0.1);
    return { ...scene, image, subject: { x: 0.3, y: 0.3, w: 0.4, h: 0.4 } };
  }
  // the matte: the subject's share of each map pixel
  const matte = new Float32Array(MW * MH);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) matte[Math.floor(y / MAP) * MW + Math.floor(x / MAP)]! += cover[y * W + x]! / (MAP * MAP);
  for (let i = 0; i < matte.length; i++) scene.maps.depth[i] = 0.1 + 0.8 * Math.min(1, matte[i]!);
  const box = { x: 0, y: SPIRE.top / H, w: 1, h: 1 - SPIRE.top / H };
  return {
    ...scene, image, subject: box,
    layers: {
      bands: [{ far: 0.5, near: 1, share: 0.37 }, { far: 0, near: 0.5, share: 0.63 }], cuts: [{ at: 0.5, score: 1 }],
      matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.9, backgroundDepth: 0.1,
    },
  };
}

const redness = (rgb: Uint8Array, i: number) => rgb[i * 3]! - (rgb[i * 3 + 1]! + rgb[i * 3 + 2]!) / 2;
const grey = (rgb: Uint8Array) => { const g = new Float32Array(W * H); for (let i = 0; i < W * H; i++) g[i] = 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!; return g; };

const MOVES = [
  { move: 'truck_right' as const, end: { truck: 0.06 }, reveals: 'beside it', side: true },
  { move: 'crane_up' as const, end: { pedestal: 0.07 }, reveals: 'above its tip', side: false },
];

for (const { move, end, reveals, side } of MOVES) {
  test(`${move}: the sky revealed ${reveals} behind a thin spire is the sky continued — no copy of the spire, no block edges`, { timeout: 300_000 }, async (t) => {
    const plan = picturePlan({ width: W, height: H, duration: 1, moves: [move], end });
    const scene = drawnScene(true);
    const frames = await encodedRgb(plan, scene, W, H), truth = await encodedRgb(plan, drawnScene(false), W, H);
    const first = frames[0]!, last = frames[frames.length - 1]!, skyLast = truth[truth.length - 1]!;

    // frame 0 is the picture
    let se = 0;
    for (let i = 0; i < W * H * 3; i++) { const e = first[i]! - scene.image.data[i]!; se += e * e; }
    const psnr = 10 * Math.log10((255 * 255) / (se / (W * H * 3)));
    assert.ok(psnr >= 35, `frame 0 reads ${psnr.toFixed(1)} dB against the picture (want ≥ 35)`);

    // the spire now: the reddest column above the roof, and its tip (it moved more than the sky)
    let spireX = 0, most = -Infinity;
    for (let x = 0; x < W; x++) {
      let sum = 0;
      for (let y = SPIRE.top + 60; y < ROOF - 20; y += 4) sum += redness(last, y * W + x);
      if (sum > most) { most = sum; spireX = x; }
    }
    let tip = ROOF - 20;
    while (tip > 0 && redness(last, (tip - 1) * W + spireX) > 0) tip--;
    if (side) assert.ok(spireX < SPIRE.x0 - 30, `the spire slid left past the sky (now at x ${spireX}, was ${SPIRE.x0})`);
    else assert.ok(tip > SPIRE.top + 15, `the spire went down past the sky (its tip now at y ${tip}, was ${SPIRE.top})`);
    // what was behind it, less the spire itself (and 8 px): beside it, round its old and new places
    // (a truck), or above its tip (a crane; the wide band the roof uncovers is another matter)
    const zone = new Uint8Array(W * H);
    let n = 0;
    const mark = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
        if ((Math.abs(x - spireX) <= 8 && y >= tip - 5) || zone[y * W + x]) continue;
        zone[y * W + x] = 1; n++;
      }
    };
    const top = Math.min(tip, SPIRE.top) - 12;
    if (side) mark(Math.min(spireX, SPIRE.x0) - 12, Math.max(spireX, SPIRE.x1) + 12, top, ROOF - 30);
    else mark(spireX - 20, spireX + 20, top, tip + 12);

    // no pixel there as red as the spire: redder than any of the sky's (the sky alone, the same frame) by 20 levels
    let skyMost = -Infinity, spireLike = 0, spireOwn = 0;
    for (let i = 0; i < (ROOF - 30) * W; i++) skyMost = Math.max(skyMost, redness(skyLast, i));
    for (let i = 0; i < W * H; i++) {
      if (zone[i] && redness(last, i) > skyMost + 20) spireLike++;
      if (i < ROOF * W && redness(first, i) > skyMost + 20) spireOwn++;
    }
    const blocks = blockEdges(grey(last), W, H, zone).share, skyBlocks = blockEdges(grey(skyLast), W, H, zone).share;
    t.diagnostic(`sky redness at most ${skyMost.toFixed(0)}; frame 0 ${psnr.toFixed(1)} dB; spire at x ${spireX}, tip y ${tip}; zone ${n} px: spire-red ${spireLike} px (the spire itself in frame 0: ${spireOwn} px); block edges ${(blocks * 100).toFixed(2)} % (the sky alone ${(skyBlocks * 100).toFixed(2)} %)`);

    assert.ok(spireOwn > 1500, `control: the spire's own pixels read as spire-red in frame 0 (${spireOwn} px)`);
    assert.equal(spireLike, 0, `${spireLike} px of the revealed sky are as red as the spire (a copy of it)`);
    assert.ok(skyBlocks < BLOCK_EDGE_LIMIT / 4, `control: the sky alone reads ${(skyBlocks * 100).toFixed(2)} % block edges there`);
    assert.ok(blocks < BLOCK_EDGE_LIMIT, `the revealed sky reads ${(blocks * 100).toFixed(2)} % block edges (want < ${(BLOCK_EDGE_LIMIT * 100).toFixed(1)} %)`);
    if (side) return;
    // the wide band the roof uncovers (its 24 rows above the roof's new line, left of the spire,
    // under the haze) continues the haze above it: as the sky alone shows it there, never the deep
    // blue from beside it (the fill once took it, with a hard seam)
    let roof = 0;
    while (roof < H - 1 && last[(roof * W + 200) * 3]! < last[(roof * W + 200) * 3 + 2]!) roof++;
    let diff = 0, count = 0;
    for (let y = roof - 24; y < roof; y++) for (let x = 40; x < SPIRE.x0 - 80; x++) {
      const i = (y * W + x) * 3;
      diff += Math.abs(last[i]! - skyLast[i]!) + Math.abs(last[i + 1]! - skyLast[i + 1]!) + Math.abs(last[i + 2]! - skyLast[i + 2]!);
      count += 3;
    }
    t.diagnostic(`the roof's line now at y ${roof} (was ${ROOF}); the band above it differs from the sky alone by ${(diff / count).toFixed(1)} grey levels`);
    assert.ok(roof > ROOF + 15, `control: the roof went down (its line at y ${roof}, was ${ROOF})`);
    assert.ok(diff / count < 8, `the band the roof uncovered differs from the sky by ${(diff / count).toFixed(1)} grey levels on average (want < 8)`);
  });
}
