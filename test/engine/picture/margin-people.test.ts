/**
 * What a pull-out reveals beyond the frame copies no person the analysis knows. A drawn crowd:
 * a grainy lawn with magenta figures scattered over it (alike, so the synthesis' own
 * distinctiveness test cannot tell them from texture, as on a festival's field), some cut by the
 * left and bottom edges, all marked in the scene's people mask. In the last frame of a pull-out,
 * the revealed margin holds no magenta pixel: it continues the lawn. (The old outpainting
 * continued each edge pixel's own region, so the figures by the edges came back in the margin.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';
import { i420ToRgb } from '../../helpers/frame-metrics.js';

after(closePicturePool);

const W = 320, H = 180, MAP = 4, MW = W / MAP, MH = H / MAP;
/** the figures' top-left corners (px): a crowd, three of them cut by the left or the bottom edge */
const FIGURES: Array<[number, number]> = [[0, 60], [0, 120], [40, 166], [130, 170], [60, 40], [100, 90], [150, 30], [190, 110], [230, 60], [270, 140], [300, 20], [210, 160]];
const FIGURE_W = 8, FIGURE_H = 18;

const magenta = (r: number, g: number, b: number) => r > 140 && b > 140 && g < 110;

function crowd(): Scene {
  const scene = makeScene({ width: MW, height: MH, depth: 'flat' });
  const rng = createRandom(3), data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const g = rng.gaussian(), s = 8 * g + 5 * Math.sin(x / 5 + y / 3);
    const c = [70 + s / 2, 135 + s, 55 + s / 2];
    for (let k = 0; k < 3; k++) data[(y * W + x) * 3 + k] = Math.round(Math.min(255, Math.max(0, c[k]!)));
  }
  for (const [fx, fy] of FIGURES) {
    for (let y = fy; y < Math.min(H, fy + FIGURE_H); y++) for (let x = fx; x < Math.min(W, fx + FIGURE_W); x++) {
      const o = (y * W + x) * 3, shade = y < fy + 5 ? 40 : 0; // a lighter head
      data[o] = 200 + shade; data[o + 1] = 40 + shade; data[o + 2] = 190 + shade;
    }
    // the segmentation's soft silhouette: every map cell the figure touches, and one round it
    for (let y = Math.floor(fy / MAP) - 1; y <= Math.floor((fy + FIGURE_H - 1) / MAP) + 1; y++) for (let x = Math.floor(fx / MAP) - 1; x <= Math.floor((fx + FIGURE_W - 1) / MAP) + 1; x++) {
      if (x >= 0 && x < MW && y >= 0 && y < MH) scene.maps.people[y * MW + x] = 1;
    }
  }
  return { ...scene, image: { width: W, height: H, data } };
}

test('a pull-out over a crowd: the revealed margin copies none of the people the analysis knows', { timeout: 60_000 }, async () => {
  const scene = crowd();
  const plan = picturePlan({ width: W, height: H, duration: 0.5, moves: ['pull_out'], end: { zoom: 0.8 } });
  const frames = await renderAll(plan, scene);
  const last = i420ToRgb(frames[frames.length - 1]!, W, H);
  // the picture fills the middle 80 % of the last frame; what lies round it (2 px in from its edge) is the margin
  const x0 = Math.round(W * 0.1) - 2, x1 = Math.round(W * 0.9) + 2, y0 = Math.round(H * 0.1) - 2, y1 = Math.round(H * 0.9) + 2;
  let margin = 0, people = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (x >= x0 && x < x1 && y >= y0 && y < y1) continue;
    margin++;
    const o = (y * W + x) * 3;
    if (magenta(last[o]!, last[o + 1]!, last[o + 2]!)) people++;
  }
  assert.ok(margin > 8000, `the pull-out reveals a margin (${margin} px)`);
  assert.equal(people, 0, `${people} of ${margin} margin pixels are copied from a person`);
});
