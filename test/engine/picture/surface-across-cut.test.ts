/**
 * A straight edge the subject's cut splits moves as one across the layers
 * (setup/surface-across-cut.ts): a drawn plinth whose left part a depth matte took with the near
 * ground, its top edge found in two pieces with the cut in the gap between them. The nearness the
 * picture shows along the edge (the subject layer's where the matte is, the background's
 * elsewhere) stays affine along it, so both parts of the edge move as one line; on the old code
 * each layer had its own nearness there and the edge stepped where the cut crossed it. The pieces
 * of one edge join (setup/join-collinear.ts); parallel edges a few px apart do not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { layerNearness } from '../../../src/engine/picture/setup/layer-nearness.js';
import { joinCollinear } from '../../../src/engine/picture/setup/join-collinear.js';
import { cutSubject } from '../../../src/engine/picture/setup/layers.js';
import type { MatteSource, Scene } from '../../../src/engine/scene.js';

const RW = 160, RH = 90, W = 320, H = 180;
/** the plinth: rows 0.5…0.62 of the height; the cut: the matte takes its part left of 0.35 of the width */
const TOP = 0.5, FOOT = 0.62, CUT = 0.35;

function plinthScene(matteSource: MatteSource = 'depth'): Scene {
  const scene = makeScene({ width: RW, height: RH, depth: 'flat' });
  const depth = new Float32Array(RW * RH), matte = new Float32Array(RW * RH);
  for (let y = 0; y < RH; y++) for (let x = 0; x < RW; x++) {
    const v = (y + 0.5) / RH, u = (x + 0.5) / RW, i = y * RW + x;
    // a far building, the plinth before it, the ground nearer and nearer toward the bottom
    depth[i] = v < TOP ? 0.3 : v < FOOT ? 0.45 : 0.5 + (0.45 * (v - FOOT)) / (1 - FOOT);
    matte[i] = v >= FOOT || (v >= TOP && u < CUT) ? 1 : 0;
  }
  return { ...scene, maps: { ...scene.maps, depth }, layers: { bands: [], cuts: [], matte, matteSource, subjects: [], subjectDepth: 0.7, backgroundDepth: 0.3 } };
}

/** the plinth's top edge in two pieces, the cut (x 112) in the gap between them (output px) */
const EDGE_Y = TOP * H - 0.5;
const PIECES = [{ x0: 4, y0: EDGE_Y, x1: 100, y1: EDGE_Y }, { x0: 140, y0: EDGE_Y + 0.4, x1: 316, y1: EDGE_Y + 0.4 }];

/** The layers' nearness and the completed matte as the renderer gets them, for a crane's parallax. */
async function cut(scene: Scene) {
  const made = await cutSubject({ scene, picture: picture(), width: W, height: H, fit: 'fill', parallax: 20, seed: 1, segments: PIECES });
  assert.ok(made, 'the subject is cut out');
  return { matte: made.matte, ...(await made.nearness)! };
}

/** The picture at the output size (RGBA): a grey building, a pale plinth, green ground; `blob`: a dark figure standing before the plinth's top edge. */
function picture(blob?: { x0: number; x1: number }): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const v = (y + 0.5) / H, i = 4 * (y * W + x), grain = ((x * 7 + y * 13) % 9) - 4;
    const rgb = blob && x >= blob.x0 && x < blob.x1 && y > 40 && y < 150 ? [60, 40, 50] : v < TOP ? [120, 120, 125] : v < FOOT ? [215, 205, 190] : [70, 120, 60];
    for (let k = 0; k < 3; k++) out[i + k] = rgb[k]! + grain;
    out[i + 3] = 255;
  }
  return out;
}

test('the edge of a plinth a depth matte\'s cut splits keeps one affine nearness across both layers', { timeout: 30_000 }, async () => {
  const { matte, back, front } = await cut(plinthScene());
  for (const row of [Math.round(EDGE_Y) - 1, Math.round(EDGE_Y) + 1]) {
    const xs: number[] = [], vs: number[] = [];
    for (let x = 8; x <= W - 8; x += 4) { const i = row * W + x; xs.push(x); vs.push(matte[i]! >= 128 ? front[i]! : back[i]!); }
    const worst = maxResidual(xs, vs);
    assert.ok(worst <= 2, `row ${row}: the nearness the picture shows departs ${worst.toFixed(1)} levels from a line along the edge (${vs.join(' ')})`);
  }
});

test('an edge\'s pieces join only where the picture shows it between them; parallel and crossing edges never', () => {
  const y = EDGE_Y, pieces = PIECES;
  const others = [{ x0: 4, y0: y + 5, x1: 200, y1: y + 5 }, { x0: 120, y0: 10, x1: 120, y1: 170 }];
  const joined = joinCollinear([...pieces, ...others], picture(), W, H);
  assert.equal(joined.length, 3, JSON.stringify(joined));
  const long = joined.find((s) => Math.abs(s.y0 - y - 0.2) < 0.5)!;
  assert.ok(long && Math.min(long.x0, long.x1) <= 4.5 && Math.max(long.x0, long.x1) >= 315.5, JSON.stringify(joined));
  // a figure standing before the edge hides it between the pieces: two edges, not one through the figure
  assert.equal(joinCollinear(pieces, picture({ x0: 100, x1: 140 }), W, H).length, 2);
});

/** The largest distance of (x, v) from their least-squares line. */
function maxResidual(xs: number[], vs: number[]): number {
  const n = xs.length, mx = xs.reduce((a, b) => a + b) / n, mv = vs.reduce((a, b) => a + b) / n;
  let sxx = 0, sxv = 0;
  for (let k = 0; k < n; k++) { sxx += (xs[k]! - mx) ** 2; sxv += (xs[k]! - mx) * (vs[k]! - mv); }
  const b = sxv / sxx;
  return Math.max(...xs.map((x, k) => Math.abs(vs[k]! - mv - b * (x - mx))));
}

test('a person\'s matte follows the figure: a line running into it is an occlusion, each layer keeps its own nearness', { timeout: 30_000 }, async () => {
  const scene = plinthScene('segmentation');
  const { back, front } = await cut(scene);
  const alone = await layerNearness({ maps: scene.maps, nearness: scene.maps.depth, matte: scene.layers!.matte!, width: W, height: H, fit: 'fill', segments: PIECES });
  assert.deepEqual(front, alone.front);
  assert.deepEqual(back, alone.back);
});
