/**
 * The layers' nearness is made on the helper thread (helper task `layerNearness`) while the main
 * thread synthesises the background: it must be the same bytes as made in the calling thread, on
 * a real picture with a subject matte and straight edges (the footballer: a body, a goal frame),
 * and it must be a nearness worth moving — the two layers differ behind the subject.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../helpers/analyzed.js';
import { onHelper, closeHelper } from '../../../src/engine/helper/helper.js';
import { layerNearness } from '../../../src/engine/picture/setup/layer-nearness.js';
import { warpNearness } from '../../../src/engine/picture/setup/maps.js';
import { pictureFit } from '../../../src/engine/picture/setup/fit.js';
import { outputSegments } from '../../../src/engine/picture/setup/straighten.js';

after(closeHelper);

test('the helper thread makes the same layer nearness, byte for byte, as the calling thread', async () => {
  const scene = await analyzed(await readFile(new URL('../../fixtures/images/football-player.jpg', import.meta.url)));
  const matte = scene.layers?.matte;
  assert.ok(matte, 'the footballer has a subject matte');
  const W = 960, H = Math.round((960 * scene.image.height) / scene.image.width / 2) * 2;
  const input = {
    maps: { width: scene.maps.width, height: scene.maps.height }, nearness: warpNearness(scene), matte,
    width: W, height: H, fit: pictureFit(scene.image.width, scene.image.height, W, H), segments: outputSegments(scene, W, H),
  };
  const here = await layerNearness(input);
  const there = await onHelper('layerNearness', input);
  assert.equal(there.back.length, W * H);
  assert.deepEqual(there.back, here.back);
  assert.deepEqual(there.front, here.front);
  let differ = 0;
  for (let i = 0; i < W * H; i++) if (here.back[i] !== here.front[i]) differ++;
  assert.ok(differ > W * H * 0.01, `the layers' nearness differs behind the subject (${differ} px)`);
});
