/**
 * The setup cache keeps an acting plan's cut, background and margin under the parts its actions
 * move (src/engine/picture/setup/setup-cache.ts, cutKey): the same picture acting the same
 * parts again (another prompt, another seed) reuses its cut — the same bytes as cutting it afresh —
 * while other acting parts, or none, are cut on their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActingParts } from '../../../src/engine/picture/characters/acting-parts.js';
import { SetupCache } from '../../../src/engine/picture/setup/setup-cache.js';
import { buildLayers, cutSubject, type LayerInput } from '../../../src/engine/picture/setup/layers.js';
import { pictureFit } from '../../../src/engine/picture/setup/fit.js';
import { layeredScene } from '../../helpers/layered-scene.js';

const W = 240, H = 135;
const actingScene = () => layeredScene(W, H, 9);

const head = (cx: number): ActingParts => ({ arms: [], heads: [{ cx, cy: 50, rx: 14, ry: 16, landmarks: true }] });

test('an acting cut is kept under its acting parts: the same parts reuse it (the same bytes as cut afresh), others and none do not', async () => {
  const { scene, picture } = actingScene();
  const input = (acting: ActingParts | null, seed = 1): LayerInput => ({ scene, picture, width: W, height: H, fit: pictureFit(W, H, W, H), parallax: 0, seed, segments: [], acting });
  const cache = new SetupCache();
  const first = await cache.cut(input(head(120)));
  assert.ok(first, 'the subject is cut out');
  const layers = await cache.layers(input(head(120)), first);
  assert.equal(cache.hits, 0);

  const again = await cache.cut(input(head(120)));
  assert.equal(cache.hits, 1, 'the same acting parts reuse the cut');
  const fresh = await cutSubject(input(head(120)));
  assert.ok(fresh && Buffer.from(again!.matte).equals(Buffer.from(fresh.matte)) && Buffer.from(again!.hole).equals(Buffer.from(fresh.hole)), 'the kept cut is the one cut afresh');
  const keptLayers = await cache.layers(input(head(120)), again!);
  assert.equal(cache.hits, 2, 'and the background synthesised behind them (same seed)');
  const freshLayers = await buildLayers(input(head(120)), fresh);
  assert.ok(Buffer.from(keptLayers.back).equals(Buffer.from(freshLayers.back)) && Buffer.from(layers.front).equals(Buffer.from(freshLayers.front)), 'the kept background is the one built afresh');

  await cache.layers(input(head(120), 2), again!);
  assert.equal(cache.hits, 2, 'another seed synthesises its own background');
  await cache.cut(input(head(90)));
  assert.equal(cache.hits, 2, 'a head elsewhere: a cut of its own');
});

test('no acting, and other acting parts, are kept apart from an acting cut; so is the margin round it', async () => {
  const { scene, picture } = actingScene();
  const input = (acting: ActingParts | null): LayerInput => ({ scene, picture, width: W, height: H, fit: pictureFit(W, H, W, H), parallax: 0, seed: 1, segments: [], acting });
  const cache = new SetupCache();
  await cache.cut(input(head(120)));
  await cache.cut(input(null));
  await cache.cut(input(head(90)));
  assert.equal(cache.hits, 0, 'each acting set (and none) is cut on its own');

  let painted = 0;
  const paint = async () => { painted++; return { canvas: new Uint8Array(4), from: new Int32Array(1) }; };
  const size = { width: W, height: H, mx: 8, my: 4, seed: 3 };
  await cache.margin(scene, size, 'cut', { acting: head(120) }, paint);
  await cache.margin(scene, size, 'cut', { acting: head(120) }, paint);
  assert.equal(painted, 1, 'the margin round the same acting cut is painted once');
  await cache.margin(scene, size, 'cut', { acting: head(90) }, paint);
  await cache.margin(scene, size, 'cut', { acting: null }, paint);
  assert.equal(painted, 3, 'round another acting cut, or the cut with no action, it is painted again');
});
