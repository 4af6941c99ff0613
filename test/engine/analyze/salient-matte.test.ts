/**
 * The salient subject's matte on real photographs no person mask and no depth cut covers
 * (analyze/layers/salient-matte.ts): on the raccoon among palm fronds and on the mandrill's face,
 * the matte covers points marked by hand on the animal (the raccoon's face and front: see MARKED) (read off 3× crops; each is the middle of a
 * patch a few tens of pixels across, so a tolerance of a few pixels is in the patch) and none of
 * those marked on what lies round it (the fronds); it is accepted with its confidence, kept aside
 * from the layers (a layer only for a plan that animates a living subject: living-layer.ts), and
 * declined with a note where colour and depth do not part a subject from the scene (a bridge's
 * band of sky and hills, a building's facade).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { withLivingLayer } from '../../../src/engine/analyze/layers/living-layer.js';
import type { Scene } from '../../../src/engine/scene.js';

const LOCAL = (name: string) => new URL(`../../fixtures/images/${name}`, import.meta.url);

/** the matte's least value within `r` px (of the photo) of (x, y): the point is covered all round */
function covered(scene: Scene, matte: Float32Array, x: number, y: number, r: number, most = false): number {
  const { width: w, height: h } = scene.maps, sx = w / scene.image.width, sy = h / scene.image.height;
  let v = most ? 0 : 1;
  for (let yy = Math.floor((y - r) * sy); yy <= Math.ceil((y + r) * sy); yy++) for (let xx = Math.floor((x - r) * sx); xx <= Math.ceil((x + r) * sx); xx++) {
    const m = matte[Math.min(h - 1, Math.max(0, yy)) * w + Math.min(w - 1, Math.max(0, xx))]!;
    v = most ? Math.max(v, m) : Math.min(v, m);
  }
  return v;
}

const MARKED = [
  {
    name: 'the raccoon among palm fronds', file: 'raccoon.jpg',
    // its face and front (the matte leaves out its dark grey crown, ears and back, whose fur is the
    // colour of what lies beyond the salient box): its eyes in its dark mask, its nose, the white
    // fur over its eye and on its cheek, its paw on the frond
    animal: [[566, 300], [704, 322], [606, 440], [470, 262], [800, 300], [690, 532]],
    // the fronds round it: lower left, lower right, right of its head, below its chin
    background: [[120, 620], [880, 640], [960, 420], [420, 730]],
  },
  {
    name: 'the mandrill\'s face', file: 'mandrill.jpg',
    // its red nose, its blue cheek ridges, its muzzle, its white beard (the face fills the frame: no background to mark)
    animal: [[256, 200], [170, 250], [340, 250], [256, 380], [256, 450]],
    background: [],
  },
];
for (const photo of MARKED) {
  test(`a salient matte covers ${photo.name} and none of what lies round it`, { timeout: 120_000 }, async () => {
    const scene = await analyzeImage(await readFile(LOCAL(photo.file)));
    const layers = scene.layers!;
    assert.equal(layers.matte, null, 'not a layer by itself (only for a living subject the plan animates)');
    const salient = layers.salient;
    assert.ok(salient, `a salient matte is kept: ${layers.matteNote}`);
    assert.ok(salient.confidence >= 0.5 && salient.confidence <= 1, `with its confidence (${salient.confidence})`);
    for (const [x, y] of photo.animal as Array<[number, number]>) {
      const v = covered(scene, salient.matte, x, y, 6);
      assert.ok(v > 0.5, `the animal at (${x}, ${y}) is in the matte (${v.toFixed(2)})`);
    }
    for (const [x, y] of photo.background as Array<[number, number]>) {
      const v = covered(scene, salient.matte, x, y, 6, true);
      assert.ok(v < 0.1, `the background at (${x}, ${y}) is not (${v.toFixed(2)})`);
    }
    // a plan that animates it has it as its subject layer; any other plan has none
    assert.equal(withLivingLayer(scene, true).layers?.matte, salient.matte);
    assert.equal(withLivingLayer(scene, true).layers?.matteSource, 'salient');
    assert.equal(withLivingLayer(scene, false), scene);
  });
}

const DECLINED = [
  { name: 'a bridge over a bay (its band of sky and hills runs across the frame)', file: 'golden-gate.jpg' },
  { name: 'a building\'s facade', file: 'building.jpg' },
];
for (const photo of DECLINED) {
  test(`no salient matte on ${photo.name}: declined with a note`, { timeout: 120_000 }, async () => {
    const layers = (await analyzeImage(await readFile(LOCAL(photo.file)))).layers!;
    assert.equal(layers.salient, undefined, `no salient matte (confidence ${layers.salient?.confidence})`);
    if (!layers.matte) assert.match(layers.matteNote ?? '', /./, 'a note says why');
  });
}
