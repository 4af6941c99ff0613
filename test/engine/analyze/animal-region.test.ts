/**
 * Where an animal subject is (analyze/animals/region.ts) and its eyes found by their catchlights
 * (analyze/animals/catchlight-eyes.ts):
 * - one rule for every animal subject: the detector's box of the class the prompt's word belongs
 *   to, else its best box, else the salient region;
 * - in black fur, where an eye is no darker than the fur round it, two whitish spots each in a
 *   small dark disc are a pair of eyes; the same fur without the spots has none;
 * - on the dog with the bicycle, the prompt that names the dog rigs the detector's box (not the
 *   salient region, which takes the bicycle too), as a prompt that names no one does, and its
 *   eyes — in black fur — are found where they are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Box, RgbImage, Scene } from '../../../src/engine/scene.js';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { animalRegion } from '../../../src/engine/analyze/animals/region.js';
import { animalParts } from '../../../src/engine/analyze/animals/index.js';
import { catchlightEyes } from '../../../src/engine/analyze/animals/catchlight-eyes.js';
import { direct } from '../../../src/engine/direct/index.js';
import { makeInput } from '../../helpers/direct-input.js';
import { seededNoise } from '../../helpers/seeded-noise.js';
import { fixture } from '../../helpers/fixtures.js';

const LOCAL = (name: string) => new URL(`../../fixtures/images/${name}`, import.meta.url);

test("an animal's region: the detector's box of the prompt's animal, else its best, else the salient box", () => {
  const cat: Box = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }, dog: Box = { x: 0.5, y: 0.3, w: 0.3, h: 0.5 }, salient: Box = { x: 0.2, y: 0.2, w: 0.6, h: 0.6 };
  const scene = { subject: salient, animals: [{ label: 'cat', score: 0.6, box: cat }, { label: 'dog', score: 0.4, box: dog }] } as unknown as Scene;
  assert.deepEqual(animalRegion(scene, 'puppy'), { box: dog, detected: true, bird: false });
  assert.deepEqual(animalRegion(scene, 'dog'), { box: dog, detected: true, bird: false });
  assert.deepEqual(animalRegion(scene, 'kitten'), { box: cat, detected: true, bird: false });
  // a word of no class the detector found (or none): its best box — a squirrel may be its "giraffe"
  assert.deepEqual(animalRegion(scene, 'squirrel'), { box: cat, detected: true, bird: false });
  assert.deepEqual(animalRegion(scene), { box: cat, detected: true, bird: false });
  assert.deepEqual(animalRegion({ subject: salient, animals: [] } as unknown as Scene, 'dog'), { box: salient, detected: false, bird: false });
});

/** Black fur (grainy), with two eyes — dark brown discs a little lighter than the fur — each with or without a catchlight. */
function blackFur(catchlights: boolean): RgbImage {
  const W = 240, H = 180, data = new Uint8Array(W * H * 3), rnd = seededNoise(5);
  const eyes = [[95, 70], [145, 66]] as const;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let v = 22 + 30 * rnd(), r = 1, g = 1, b = 1;
    for (const [ex, ey] of eyes) {
      const d = Math.hypot(x - ex, y - ey);
      if (d < 6) { v = d < 3 ? 8 : 30; r = 1.4; g = 1.05; b = 0.8; }
      if (catchlights && Math.hypot(x - (ex - 1), y - (ey - 1)) < 1.6) { v = 235; r = g = b = 1; }
    }
    const k = 3 * (y * W + x);
    data[k] = Math.min(255, Math.max(0, v * r)); data[k + 1] = Math.min(255, Math.max(0, v * g)); data[k + 2] = Math.min(255, Math.max(0, v * b));
  }
  return { width: W, height: H, data };
}

test('eyes in black fur are found by their catchlights; the same fur without them has no pair of eyes', () => {
  const box: Box = { x: 0, y: 0, w: 1, h: 1 };
  const found = catchlightEyes(blackFur(true), box, null);
  assert.equal(found?.eyes.length, 2, `two eyes: ${JSON.stringify(found)}`);
  assert.ok(found!.confidence >= 0.6, `surely (${found!.confidence})`);
  for (const [k, [x, y]] of ([[95, 70], [145, 66]] as const).entries()) {
    const e = found!.eyes[k]!;
    assert.ok(Math.hypot(e.x * 240 - x, e.y * 180 - y) < 4, `eye ${k} at ${x},${y}: ${JSON.stringify(e)}`);
  }
  const none = catchlightEyes(blackFur(false), box, null);
  assert.ok(!none || none.eyes.length < 2 || none.confidence < 0.6, `no sure pair without catchlights: ${JSON.stringify(none)}`);
});

test("the dog with the bicycle: named or not, the dog is rigged in the detector's box, its eyes found in its black fur", { timeout: 120_000 }, async () => {
  const scene = await analyzeImage(await readFile(LOCAL('dog-porch.jpg')));
  const { width: W, height: H } = scene.image;
  const holds = (b: Box, [x, y]: [number, number]) => x >= b.x * W && x <= (b.x + b.w) * W && y >= b.y * H && y <= (b.y + b.h) * H;
  const boxes = ['the dog barks and wags its tail', 'static shot'].map((prompt) => direct(makeInput({ prompt, width: 384, height: 288, duration: 2 }), scene).shots[0]!.subjects?.[0]?.box);
  for (const box of boxes) {
    assert.ok(box, 'a subject is rigged');
    // points read off the photo (768×576): the dog's eyes, chest and tail tip; the back wheel's hub
    for (const p of [[261, 255], [288, 245], [250, 380], [215, 520]] as Array<[number, number]>) assert.ok(holds(box, p), `the dog at ${p} is in ${JSON.stringify(box)}`);
    assert.ok(!holds(box, [470, 330]), `the bicycle's back wheel is not: ${JSON.stringify(box)}`);
  }
  assert.deepEqual(boxes[0], boxes[1], 'one rule for the dog the prompt names and the one it does not');
  const eyes = animalParts(scene, 'dog').eyes?.eyes ?? [];
  assert.equal(eyes.length, 2, `both eyes: ${JSON.stringify(animalParts(scene, 'dog').candidate)}`);
  for (const [k, [x, y]] of ([[261, 255], [288, 245]] as const).entries()) assert.ok(Math.hypot(eyes[k]!.x * W - x, eyes[k]!.y * H - y) < 7, `eye ${k} at ${x},${y}: ${JSON.stringify(eyes[k])}`);
});

test('a pair of dark spots low in the animal\'s region is not its eyes (a cheetah\'s haunch): no lids close over them, and the note says why', { timeout: 120_000 }, async () => {
  const scene = await analyzeImage(await readFile(fixture('cat-closeup.png')));
  const cat = scene.animals![0]!;
  const eyes = animalParts(scene, 'cat').eyes;
  assert.ok(eyes, 'the cat\'s eyes, in the upper half of its box');
  // the same eyes in a region that ends just below them: they sit in its lower part
  const low = { ...scene, animals: [{ ...cat, box: { ...cat.box, y: 0, h: Math.max(...eyes.eyes.map((e) => e.y)) + 0.06 } }] } as Scene;
  const parts = animalParts(low, 'cat');
  assert.equal(parts.eyes, null);
  assert.match(parts.eyesReason ?? '', /lie low on its body/);
});
