/**
 * The layered scene's analysis on maps whose truth is known: a near block standing in front of a
 * far wall is cut at its depth jump into two bands and gets a matte that covers it and nothing
 * else; a floor running smoothly away has no discontinuity, so it stays one layer with no matte;
 * a shallow depth-of-field photo (drawn: a sharp disc against bright blurred highlights that draw
 * the saliency, its nearness with no jump) gets its in-focus subject's matte, the subject layer of
 * a move made for parallax.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLayers, describeLayers } from '../../../src/engine/analyze/layers/index.js';
import { analysisRaster } from '../../../src/engine/analyze/analysis-raster.js';
import { boxBlur } from '../../../src/engine/analyze/filters.js';
import { fineFocus } from '../../../src/engine/analyze/focus.js';
import { seededNoise } from '../../helpers/seeded-noise.js';
import { withParallaxLayer } from '../../../src/engine/analyze/layers/parallax-layer.js';
import type { Scene } from '../../../src/engine/scene.js';
import type { Audio, CameraMove, Shot } from '../../../src/engine/plan.js';
import { assemblePlan } from '../../../src/engine/direct/assemble-plan.js';
import { makeInput } from '../../helpers/direct-input.js';

const W = 160, H = 120;
const block = { x0: 60, y0: 30, x1: 110, y1: 100 };
const inBlock = (x: number, y: number) => x >= block.x0 && x < block.x1 && y >= block.y0 && y < block.y1;

test('a near block in front of a far wall: two bands, a matte over the block alone, its box in the summary', () => {
  const depth = new Float32Array(W * H), people = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) depth[y * W + x] = inBlock(x, y) ? 0.8 : 0.2 + 0.05 * (y / H);
  const layers = analyzeLayers({ width: W, height: H, depth, people }, { x: 0.35, y: 0.2, w: 0.35, h: 0.65 });
  assert.equal(layers.bands.length, 2, JSON.stringify(layers.bands));
  // any threshold between the wall's nearest (0.25) and the block (0.8) separates them
  assert.ok(layers.cuts[0]!.at > 0.2496 && layers.cuts[0]!.at <= 0.8 && layers.cuts[0]!.score > 0.9, JSON.stringify(layers.cuts));
  assert.ok(layers.matte, 'a subject matte');
  let covered = 0, inside = 0, outside = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const a = layers.matte[y * W + x]!;
    if (inBlock(x, y)) { inside++; if (a > 0.5) covered++; } else if (a > 0.5) outside++;
  }
  assert.ok(covered / inside > 0.97, `covers ${(covered / inside * 100).toFixed(1)} % of the block`);
  assert.ok(outside < inside * 0.03, `${outside} px of matte outside the block`);
  const summary = describeLayers(layers);
  assert.equal(summary.count, 2);
  const box = summary.subject!.boxes[0]!;
  assert.ok(Math.abs(box.x - block.x0 / W) < 0.02 && Math.abs(box.w - (block.x1 - block.x0) / W) < 0.03, JSON.stringify(box));
  assert.ok(summary.subject!.depth! > 0.75 && summary.subject!.background_depth! < 0.3, JSON.stringify(summary.subject));
});

test('a floor running smoothly away is one layer: no cut, no matte', () => {
  const depth = new Float32Array(W * H), people = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) depth[y * W + x] = 0.1 + 0.85 * (y / H);
  const layers = analyzeLayers({ width: W, height: H, depth, people }, { x: 0.3, y: 0.3, w: 0.4, h: 0.4 });
  assert.equal(layers.bands.length, 1, JSON.stringify(layers.bands));
  assert.equal(layers.matte, null);
  assert.equal(describeLayers(layers).subject, null);
});

test('a near layer that runs out of all four sides of the frame (a facade and its lawn round a window of sky) is the scene, not a subject: no matte', () => {
  const depth = new Float32Array(W * H), people = new Float32Array(W * H);
  // the far "sky" is seen through a window in the upper middle; everything round it is near
  const inWindow = (x: number, y: number) => x >= 24 && x < 136 && y >= 6 && y < 80;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) depth[y * W + x] = inWindow(x, y) ? 0.15 : 0.78;
  const layers = analyzeLayers({ width: W, height: H, depth, people }, { x: 0.3, y: 0.5, w: 0.4, h: 0.45 });
  assert.equal(layers.bands.length, 2, 'the depth still splits in two');
  assert.equal(layers.matte, null, 'but no subject slides over the rest');
  // the same near band as a block that leaves the frame's sides free is a subject
  const block = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) block[y * W + x] = x >= 8 && x < 152 && y >= 86 ? 0.78 : 0.15;
  assert.ok(analyzeLayers({ width: W, height: H, depth: block, people }, { x: 0.3, y: 0.7, w: 0.4, h: 0.25 }).matte);
});

test("a person's segmentation matte keeps its soft rim and drops a faint patch away from it (someone behind, half seen)", () => {
  // the person: a solid block with a soft edge (a ramp over 3 px); beside it, clear of the edge, a
  // faint figure the model half saw (0.35), as a steward in the crowd behind a footballer's hand
  const depth = new Float32Array(W * H).fill(0.3), people = new Float32Array(W * H);
  const faint = { x0: 125, y0: 40, x1: 150, y1: 90 };
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const out = Math.max(block.x0 - x, x - (block.x1 - 1), block.y0 - y, y - (block.y1 - 1), 0);
    people[y * W + x] = out === 0 ? 1 : Math.max(0, 0.5 - out / 6);
    if (x >= faint.x0 && x < faint.x1 && y >= faint.y0 && y < faint.y1) people[y * W + x] = 0.35;
  }
  const layers = analyzeLayers({ width: W, height: H, depth, people }, { x: 0.35, y: 0.2, w: 0.35, h: 0.65 }, undefined, 'segmentation');
  assert.equal(layers.matteSource, 'segmentation');
  const m = layers.matte!;
  let patch = 0;
  for (let y = faint.y0; y < faint.y1; y++) for (let x = faint.x0; x < faint.x1; x++) patch = Math.max(patch, m[y * W + x]!);
  assert.ok(patch < 0.02, `the faint figure is out of the matte (its alpha up to ${patch.toFixed(2)})`);
  // the soft edge against the body stays as the model drew it (1 and 2 px out: 0.33 and 0.17)
  const rim = [1, 2].map((d) => m[65 * W + block.x1 - 1 + d]!);
  assert.ok(Math.abs(rim[0]! - 0.33) < 0.05 && Math.abs(rim[1]! - 0.17) < 0.05, `the soft rim stays (${rim.map((v) => v.toFixed(2)).join(', ')})`);
});

test('a shallow depth-of-field photo: a sharp disc against bright blurred highlights (which draw the saliency) is the in-focus subject', () => {
  // drawn at 240 × 180: blurred pale highlights on dark green, and a disc of sharp brown texture
  // (what the lens focused on); the saliency on the highlights, the nearness with no jump (the
  // squirrel_cls case: neither a depth cut nor the salient subject's colours find it)
  const w = 240, h = 180, n = w * h, rnd = seededNoise(5);
  const disc = { x: 100, y: 100, r: 40 };
  const inDisc = (x: number, y: number) => (x - disc.x) ** 2 + (y - disc.y) ** 2 < disc.r ** 2;
  const highlights = Array.from({ length: 14 }, () => ({ x: (rnd() + 0.5) * w, y: (rnd() + 0.5) * h, r: 14 + 20 * (rnd() + 0.5) }));
  const bright = new Float32Array(n);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) bright[y * w + x] = highlights.some((b) => (x - b.x) ** 2 + (y - b.y) ** 2 < b.r ** 2) ? 1 : 0;
  const bokeh = boxBlur(boxBlur(bright, w, h, 5), w, h, 5);
  const data = new Uint8Array(3 * n);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x, t = 80 * rnd(), b = bokeh[i]!;
    data.set(inDisc(x, y) ? [150 + t, 95 + t, 50 + t] : [50 + 180 * b, 100 + 140 * b, 35 + 130 * b], 3 * i);
  }
  const raster = analysisRaster({ width: w, height: h, data });
  const depth = new Float32Array(n), people = new Float32Array(n), sky = new Float32Array(n);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) depth[y * w + x] = 0.3 + 0.4 * (y / h);
  const maps = { width: w, height: h, depth, people, sky, saliency: bokeh };
  const box = { x: 0.1, y: 0.05, w: 0.8, h: 0.85 }; // the highlights' spread (squirrel_cls: 82 × 85 % of the frame)
  const layers = analyzeLayers({ ...maps, focus: fineFocus(raster) }, box, raster);
  assert.ok(layers.focus, `an in-focus matte (${layers.matteNote})`);
  // kept aside: the subject layer of a move made for parallax, not of a pull-out
  assert.equal(layers.matte, null);
  const scene = { layers } as unknown as Scene;
  assert.equal(withParallaxLayer(scene, ['pull_out']), scene);
  const orbit = withParallaxLayer(scene, ['orbit_left']).layers!;
  assert.equal(orbit.matteSource, 'focus');
  let covered = 0, inside = 0, outside = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const a = orbit.matte![y * w + x]!;
    if (inDisc(x, y)) { inside++; if (a > 0.5) covered++; } else if (a > 0.5) outside++;
  }
  assert.ok(covered / inside > 0.97, `covers ${(covered / inside * 100).toFixed(1)} % of the disc`);
  assert.ok(outside < inside * 0.05, `${outside} px of matte outside the disc (${inside} in it)`);
  // and the plan says so: a subject layer for the orbit, none for the pull-out
  const summary = (move: CameraMove) => assemblePlan(makeInput({}), { ...scene, tags: [], faces: [] } as unknown as Scene,
    { duration: 5, shots: [{ camera: { moves: [move] } } as unknown as Shot], audio: {} as Audio, notes: [] }).scene.layers?.subject;
  assert.equal(summary('orbit_left'), true);
  assert.equal(summary('pull_out'), false);
  // without the focus map (a photo that is not shallow), the salient subject's colours alone: declined with a note
  const salientOnly = analyzeLayers(maps, box, raster);
  assert.equal(salientOnly.matte, null);
  assert.match(salientOnly.matteNote ?? '', /salient/);
});
