/**
 * Planar surfaces fitted as planes, on a synthetic picture whose truth is known: a tilted facade
 * (nearness affine in image position: a plane) drawn with straight lines, beside a sky, with a raw
 * depth estimate that is smooth but curved across it — as the cue blend makes it. The layered scene
 * must find the facade's lines and fit it as a plane, so that its lines stay straight under a
 * dolly zoom, an orbit and a crane in the renderer's camera model; a rounded blob (no surface)
 * must not be cut into facets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLayers, describeLayers } from '../../../src/engine/analyze/layers/index.js';
import { detexture } from '../../../src/engine/analyze/layers/detexture.js';
import { bilinear, lineSagitta, poseOf } from '../../helpers/warped-line.js';

const W = 320, H = 200, FACADE = 224; // the facade fills x < FACADE, sky beyond
const truth = (x: number, y: number) => 0.3 + 0.35 * (x / W) + 0.12 * (y / H);
/** the estimate: the plane plus a smooth bulge (up to 0.06 nearness) across the facade */
const curved = (x: number, y: number) => truth(x, y) + 0.06 * 4 * (x / FACADE) * (1 - x / FACADE) * (0.5 + 2 * (y / H) * (1 - y / H));

/** Facade lines: courses every 25 px, piers every 40 px, and two diagonal braces. */
const LINES = [
  ...[25, 50, 75, 100, 125, 150, 175].map((y) => ({ x0: 8, y0: y, x1: FACADE - 8, y1: y })),
  ...[40, 80, 120, 160, 200].map((x) => ({ x0: x, y0: 8, x1: x, y1: H - 8 })),
  { x0: 12, y0: 20, x1: 200, y1: 180 },
  { x0: 12, y0: 180, x1: 200, y1: 20 },
];

function facadePicture() {
  const rgb = new Uint8Array(W * H * 3), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    const sky = x >= FACADE;
    const onLine = !sky && LINES.some((l) => {
      const len = Math.hypot(l.x1 - l.x0, l.y1 - l.y0), tx = (l.x1 - l.x0) / len, ty = (l.y1 - l.y0) / len;
      const along = (x - l.x0) * tx + (y - l.y0) * ty, across = -(x - l.x0) * ty + (y - l.y0) * tx;
      return along >= 0 && along <= len && Math.abs(across) < 1.5;
    });
    const v = sky ? [150, 190, 235] : onLine ? [60, 45, 40] : [190, 150, 120];
    rgb.set(v, i * 3);
    depth[i] = sky ? 0 : curved(x, y);
  }
  return { rgb, depth };
}

const POSES = {
  'dolly zoom': poseOf({ zoom: 0.88, dolly: 0.15 }),
  orbit: poseOf({ pan: 0.03, truck: -0.06 }),
  crane: poseOf({ tilt: 0.02, pedestal: 0.06 }),
};

test('a tilted facade with a curved depth estimate is fitted as a plane: its lines stay straight under a dolly zoom, an orbit and a crane', () => {
  const { rgb, depth } = facadePicture();
  const colours = { r: new Float32Array(W * H), g: new Float32Array(W * H), b: new Float32Array(W * H) };
  for (let i = 0; i < W * H; i++) { colours.r[i] = rgb[3 * i]! / 255; colours.g[i] = rgb[3 * i + 1]! / 255; colours.b[i] = rgb[3 * i + 2]! / 255; }
  const layers = analyzeLayers({ width: W, height: H, depth, people: new Float32Array(W * H) }, { x: 0.3, y: 0.3, w: 0.4, h: 0.4 }, colours, 'faces', { width: W, height: H, data: rgb });

  // the facade is one plane over most of it
  assert.ok(layers.planes && layers.planes.length >= 1, JSON.stringify(describeLayers(layers)));
  assert.ok(layers.planes[0]!.share > 0.5 * (FACADE / W), `the plane covers ${(layers.planes[0]!.share * 100).toFixed(0)} % of the picture`);
  assert.equal(describeLayers(layers).planes.length, layers.planes.length);
  // the facade's long lines are found (every course and pier, within a pixel)
  const found = layers.lines ?? [];
  for (const l of LINES.slice(0, 12)) {
    const near = found.some((f) => {
      const ends = [[f.x0 * W - 0.5, f.y0 * H - 0.5], [f.x1 * W - 0.5, f.y1 * H - 0.5]];
      return ends.every(([x, y]) => (l.y0 === l.y1 ? Math.abs(y! - l.y0) < 2.5 : Math.abs(x! - l.x0) < 2.5));
    });
    assert.ok(near, `line ${JSON.stringify(l)} found among ${found.length}`);
  }

  const nearness = layers.nearness!;
  for (const [name, pose] of Object.entries(POSES)) {
    const bow = (map: Float32Array) => Math.max(...LINES.map((l) => lineSagitta(l, (x, y) => bilinear(map, W, H, x, y), pose, W, H)));
    const before = bow(depth), after = bow(nearness);
    // the curved estimate bends them visibly; the plane keeps them straight
    assert.ok(before > 0.3, `${name}: the raw estimate bows the lines ${before.toFixed(2)} px (the test must show a defect)`);
    assert.ok(after < 0.05, `${name}: fitted, the lines bow ${after.toFixed(3)} px (raw ${before.toFixed(2)})`);
  }
  // the sky is left alone, far
  for (let y = 0; y < H; y += 10) for (let x = FACADE + 4; x < W; x += 10) assert.ok(nearness[y * W + x]! < 0.01);
});

test('a rounded blob is not cut into planar facets: its body keeps its own depth (at most its flat base is a plane)', () => {
  const depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) depth[y * W + x] = 0.15 + 0.7 * Math.exp(-(((x - 160) / 90) ** 2 + ((y - 100) / 60) ** 2));
  const layers = analyzeLayers({ width: W, height: H, depth, people: new Float32Array(W * H) }, { x: 0.3, y: 0.3, w: 0.4, h: 0.4 });
  assert.ok((layers.planes?.length ?? 0) <= 1, JSON.stringify(layers.planes));
  // the body's nearness is the estimate's own (only de-textured), never a plane
  const own = detexture(depth, W, H);
  let most = 0;
  for (let i = 0; i < W * H; i++) if (depth[i]! > 0.3) most = Math.max(most, Math.abs(layers.nearness![i]! - own[i]!));
  assert.equal(most, 0);
});
