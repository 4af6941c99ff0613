/**
 * A displacing effect at the edge of what the camera reveals: a pull-out over a drifting sky. The
 * drift moves sky samples beyond where the camera looks, so the outpainted margin must hold the
 * camera's reach and the drift's travel on top of it; when the margin held only the larger of the
 * two, the drift read past the canvas' edge by the clip's end and the frame's outer columns
 * repeated one column (Debian's home.jpg dolly zoom: its six leftmost columns identical).
 * The same with the camera still: a drift travels farther over a longer clip than the 3 % margin
 * every displacing effect gets. A drawn sky (soft blotches and grain) whose clouds drift right (so
 * the samples move left, toward the left edge), pulled out to 0.8× or held still for 2 s, encoded
 * with x264 and decoded: in the last frame the left border's columns differ from each other about
 * as much as columns inside the sky do.
 * With the camera still, only the margin the drift can reach is painted (setup/reachable-margin.ts):
 * upwind of the sky (left); downwind and beside the lawn the margin is never read and keeps the
 * nearest edge pixel's colour.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan, pictureEffect } from '../../helpers/picture-plan.js';
import { encodedLuma } from '../../helpers/encoded-clip.js';
import { prepareSetup } from '../../../src/engine/picture/setup/prepare.js';

after(closePicturePool);

const W = 320, H = 180, MAP = 2;
/** the sky's last row (the rest is a dark lawn) */
const SKY_END = 108;

function drawnSky(): Scene {
  const scene = makeScene({ width: W / MAP, height: H / MAP, sky: SKY_END / H, depth: 'flat' });
  const rng = createRandom(3), data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian();
    const c = y < SKY_END
      ? (() => { const l = 30 * Math.sin(x / 13) * Math.cos(y / 9) + 3 * g; return [120 + l, 150 + l, 210 + l / 2]; })()
      : [50 + 6 * g, 90 + 6 * g, 40 + 6 * g];
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, c[k]!)));
  }
  return { ...scene, image: { width: W, height: H, data } };
}

/** Mean |column x − column x + 1| of the luma over rows [y0, y1), for x in [x0, x1). */
function columnChange(f: Float32Array, x0: number, x1: number, y0: number, y1: number): number {
  let s = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += Math.abs(f[y * W + x]! - f[y * W + x + 1]!);
  return s / ((y1 - y0) * (x1 - x0));
}

const drift = [pictureEffect('clouds', { intensity: 0.8, region: 'sky', fade_in: 0, params: { direction: 1, speed: 0.03 } })];
const cases = [
  // the camera's margin (42 px) and the drift's (15 px) on top of it
  ['a pull-out over a drifting sky: the drift has its own margin beyond the camera\'s', picturePlan({ width: W, height: H, duration: 1, moves: ['pull_out'], end: { zoom: 0.8 }, effects: drift })],
  // a still camera: the drift's whole travel (26 px), more than the 3 % every displacing effect gets
  ['a still camera over a sky drifting for 2 s: the margin holds the drift\'s whole travel', picturePlan({ width: W, height: H, duration: 2, effects: drift })],
] as const;

for (const [name, plan] of cases) {
  test(`${name}, so the left border is not one column repeated`, { timeout: 120_000 }, async () => {
    const frames = await encodedLuma(plan, drawnSky(), W, H);
    const last = frames[frames.length - 1]!;
    // the sky's rows in the last frame (a pull-out brings its lower edge up toward the middle)
    const edge = columnChange(last, 0, 6, 24, 80), inside = columnChange(last, 60, 120, 24, 80);
    assert.ok(edge > 0.4 * inside, `the left border's columns change by ${edge.toFixed(2)} levels a column, the sky inside by ${inside.toFixed(2)}: the border repeats one column`);
  });
}

test('a still camera over a sky drifting right paints only the margin upwind of the sky: downwind and below the lawn it is the edge\'s colour', { timeout: 60_000 }, async () => {
  const setup = await prepareSetup(cases[1][1], drawnSky());
  const { canvasWidth: cw, marginX: mx, marginY: my } = setup, canvas = new Uint8Array(setup.canvas);
  /** the share of the canvas box [x0, x1) × [y0, y1) whose pixels are their nearest picture pixel's colour */
  const edgeColoured = (x0: number, x1: number, y0: number, y1: number): number => {
    let same = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
      const s = (Math.min(my + H - 1, Math.max(my, y)) * cw + Math.min(mx + W - 1, Math.max(mx, x))) * 4, p = (y * cw + x) * 4;
      if (canvas[p] === canvas[s] && canvas[p + 1] === canvas[s + 1] && canvas[p + 2] === canvas[s + 2]) same++;
    }
    return same / ((x1 - x0) * (y1 - y0));
  };
  assert.ok(mx >= 20, `a margin of ${mx} px for the drift`);
  // (the billow reaches a few px downwind: the outer half of the right margin is never read)
  const downwind = edgeColoured(mx + W + Math.ceil(mx / 2), cw, my, my + SKY_END), below = edgeColoured(0, cw, my + H + 2, my + H + my);
  const upwind = edgeColoured(0, mx, my + 10, my + SKY_END - 20);
  assert.ok(downwind === 1 && below === 1, `downwind ${(downwind * 100).toFixed(1)} % and below the lawn ${(below * 100).toFixed(1)} % of the margin is the edge's colour: it was painted`);
  assert.ok(upwind < 0.2, `upwind of the sky ${(upwind * 100).toFixed(1)} % of the margin is the edge's colour: it was not painted`);
});
