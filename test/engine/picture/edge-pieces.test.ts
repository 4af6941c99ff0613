/**
 * A straight edge that the line finder meets in pieces is kept straight as one edge. Where a beam
 * joins a tower, the tower's edge is found as a short piece above the joint and a long one below;
 * the short piece's own direction is the less sure (the joint tilts it by a degree), and judged by
 * it the long piece's far end lay off its line, so the two were fitted apart: each piece's nearness
 * affine on its own, the edge kinked at the joint under a move (golden-gate.jpg's tower edge bowed
 * 1.57 px in a dolly zoom at 640 px). Drawn picture, the real line finder and straightening, the
 * bend read in the renderer's camera model. With the pieces fitted apart, the straightened edge bent
 * more than the raw estimate did (dolly zoom 0.56 px against 0.48, truck 5.3 px against 4.4, 1.5 px
 * inside the edge); as one edge it bends ≤ 0.12 px.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pictureEdges } from '../../../src/engine/analyze/layers/lines.js';
import { straightenNearness } from '../../../src/engine/picture/setup/straighten.js';
import { bilinear, lineSagitta, poseOf } from '../../helpers/warped-line.js';

const W = 320, H = 240, EDGE = 150, JOINT = 70;
/** the tower's right edge: straight below the joint, leaning 1 px over the 70 px above it */
const edgeX = (y: number) => EDGE + (y < JOINT ? (JOINT - y) / JOINT : 0);
/** a beam meeting the edge at the joint, running off to the right */
const onBeam = (x: number, y: number) => x >= EDGE - 1 && Math.abs(y - JOINT) < 3;

function tower(): { rgb: Uint8Array; nearness: Uint8Array } {
  const rgb = new Uint8Array(W * H * 3), nearness = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    // anti-aliased: the share of the pixel left of the edge is tower
    const inTower = Math.min(1, Math.max(0, edgeX(y) - x + 0.5)), dark = Math.max(inTower, onBeam(x, y) ? 1 : 0);
    rgb.fill(Math.round(60 * dark + 200 * (1 - dark)), 3 * (y * W + x), 3 * (y * W + x) + 3);
    // the estimate: the tower nearer down its height but wobbling (not affine), the sky far, the step soft
    const m = 0.5 - 0.5 * Math.tanh((x - EDGE) / 3), near = 140 + 50 * Math.sin(y / 30) + 0.2 * y;
    nearness[y * W + x] = Math.round(m * near + (1 - m) * 40);
  }
  return { rgb, nearness };
}

test('a tower edge met in two pieces at a beam is found as one edge and stays straight under a dolly zoom and a truck', () => {
  const { rgb, nearness } = tower();
  const segments = pictureEdges({ width: W, height: H, data: rgb }).map((s) => ({ x0: s.x0 * W - 0.5, y0: s.y0 * H - 0.5, x1: s.x1 * W - 0.5, y1: s.y1 * H - 0.5 }));
  const onEdge = segments.filter((s) => Math.abs((s.x0 + s.x1) / 2 - EDGE) < 3 && Math.abs(s.y1 - s.y0) > 20);
  assert.ok(onEdge.length >= 1, 'the tower edge is found');
  const span = Math.max(...onEdge.map((s) => Math.abs(s.y1 - s.y0)));
  assert.ok(span > 0.9 * H, `one segment spans the edge across the joint (${onEdge.map((s) => `${s.y0.toFixed(0)}–${s.y1.toFixed(0)}`).join(', ')})`);
  const straight = straightenNearness(nearness, W, H, segments);
  const at = (map: Uint8Array) => (x: number, y: number) => bilinear(map, W, H, x, y) / 255;
  // (a crane slides a vertical edge along itself: it cannot bend it)
  const poses = { 'dolly zoom': poseOf({ zoom: 0.9, dolly: 0.15 }), truck: poseOf({ truck: 0.05, pan: -0.02 }) };
  for (const [name, pose] of Object.entries(poses)) for (const o of [-1.5, 0, 1.5]) {
    // the edge below the joint and on past it, as the eye follows it
    const line = { x0: EDGE + o, y0: JOINT - 40, x1: EDGE + o, y1: H - 4 };
    const before = lineSagitta(line, at(nearness), pose, W, H), after = lineSagitta(line, at(straight), pose, W, H);
    assert.ok(before > 0.1, `${name}, ${o} px off the edge: the estimate bends it ${before.toFixed(2)} px (the test must show a defect)`);
    assert.ok(after < 0.15, `${name}, ${o} px off the edge: straightened, it bows ${after.toFixed(3)} px (the estimate ${before.toFixed(2)})`);
  }
});
