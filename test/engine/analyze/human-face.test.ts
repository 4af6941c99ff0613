/**
 * A face on an animal is not taken for a person's. The mandrill (OpenCV's baboon photograph),
 * whose eye and fur the people-only face detector once read as a face (score 0.57), has no face
 * after analysis, and a prompt about it puts no face rig on the picture: it blinks and turns its
 * head as an animal subject. The people of the fixtures keep their faces: the colour portraits
 * (skin in the face's middle), a grey one (its geometry alone decides) and two faces side by side.
 * And where a picture does have a face but the prompt names only an animal, no face rig either.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { decodeImage } from '../../../src/engine/analyze/decode.js';
import { detectFaces } from '../../../src/engine/analyze/faces/index.js';
import { humanFace } from '../../../src/engine/analyze/faces/human-face.js';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { direct } from '../../../src/engine/direct/index.js';
import type { Face } from '../../../src/engine/scene.js';
import { makeInput } from '../../helpers/direct-input.js';
import { faceCollage } from '../../helpers/face-collage.js';
import { enlargedTwice, fixture } from '../../helpers/fixtures.js';
import { makeScene } from '../../helpers/synthetic-scene.js';

const LOCAL = (name: string) => new URL(`../../fixtures/images/${name}`, import.meta.url);

test('the mandrill has no face after analysis, and its prompt acts on it as an animal', { timeout: 120_000 }, async () => {
  const scene = await analyzeImage(await readFile(LOCAL('mandrill.jpg')));
  assert.deepEqual(scene.faces, [], `no face on the mandrill: ${JSON.stringify(scene.faces.map((f) => f.score))}`);
  assert.ok(!scene.tags.includes('face') && !scene.tags.includes('portrait'), `not tagged a portrait: ${scene.tags.join(', ')}`);
  const plan = direct(makeInput({ prompt: 'the mandrill blinks and turns its head', width: 256, height: 256, duration: 4, seed: 3 }), scene);
  const shot = plan.shots[0]!;
  assert.deepEqual(shot.characters, [], 'no face character');
  assert.equal(shot.subjects?.[0]?.kind, 'animal');
  assert.ok(shot.subjects![0]!.actions.some((a) => a.type === 'turn_head'), `the head turn is performed: ${JSON.stringify(shot.subjects)}`);
  // the blink is performed on found eyes or noted with the reason: never on a false face
  const blinks = shot.subjects![0]!.actions.some((a) => a.type === 'blink');
  assert.ok(blinks ? !!shot.subjects![0]!.eyes?.length : plan.notes.some((n) => /the mandrill blinks'.*eyes/.test(n)), `the blink is accounted for: ${plan.notes.join(' | ')}`);
});

test("the detector's faces that the humanness check keeps: the people of the fixtures", { timeout: 120_000 }, async () => {
  const people: Array<[string, () => Promise<Buffer>, number]> = [
    ['astronaut', () => readFile(fixture('portrait-astronaut.png')), 1],
    ['Grace Hopper', () => readFile(LOCAL('portrait-grace-hopper.jpg')), 1],
    ['flower hat', () => enlargedTwice(LOCAL('portrait-flower-hat.jpg')), 1],
    ['cameraman (grey)', () => readFile(LOCAL('cameraman-tripod.png')), 1],
    ['two faces', () => faceCollage(), 2],
  ];
  for (const [name, load, count] of people) {
    const { image } = await decodeImage(await load());
    const faces = await detectFaces(image);
    assert.equal(faces.length, count, `${name}: ${count} face(s) kept`);
    for (const f of faces) assert.ok(humanFace(f, image).human, `${name}: ${JSON.stringify(humanFace(f, image))}`);
  }
});

test('the humanness check: a face-shaped detection on fur-coloured pixels is not human, on skin it is', async () => {
  // a 64² picture: skin tone, or a green-grey fur; a face with a human layout over its middle
  const picture = (rgb: [number, number, number]) => ({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).map((_, i) => rgb[i % 3]!) });
  const face = (score: number, layout: 'human' | 'squashed'): Face => {
    const landmarks = Array.from({ length: 68 }, (_, i): [number, number] => [0.2 + 0.6 * ((i % 17) / 16), 0.2 + 0.6 * (Math.floor(i / 17) / 4)]);
    const set = (ids: number[], x: number, y: number) => ids.forEach((i, k) => { landmarks[i] = [x + 0.01 * k, y]; });
    set([36, 37, 38, 39, 40, 41], 0.32, 0.4); set([42, 43, 44, 45, 46, 47], 0.6, 0.4);
    landmarks[0] = [0.2, 0.4]; landmarks[16] = [0.8, 0.4]; landmarks[30] = [0.5, 0.55];
    set([48, 54, 51, 57], 0.45, layout === 'human' ? 0.7 : 0.3);
    return { box: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 }, score, landmarks, age: null, gender: null };
  };
  const skin = picture([205, 150, 120]), fur = picture([95, 110, 80]);
  assert.equal(humanFace(face(0.6, 'human'), skin).human, true, 'skin, a face layout: human');
  assert.equal(humanFace(face(0.6, 'human'), fur).human, false, 'a middling detection on fur: not human');
  assert.equal(humanFace(face(0.9, 'human'), fur).human, true, 'a sure detection in coloured light: human');
  assert.equal(humanFace(face(0.9, 'squashed'), skin).human, false, 'a mouth above the nose: not a face layout');
});

test('a prompt naming only an animal puts no face rig on the picture; naming a person too, it does', () => {
  const landmarks = Array.from({ length: 68 }, (_, i) => [0.4 + (i % 10) * 0.02, 0.2 + Math.floor(i / 10) * 0.04] as [number, number]);
  const scene = makeScene({ faces: [{ box: { x: 0.4, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, age: 30, gender: 'female', landmarks }] });
  const animal = direct(makeInput({ prompt: 'the monkey blinks and looks around', duration: 4 }), scene).shots[0]!;
  assert.deepEqual(animal.characters, []);
  assert.ok(animal.subjects?.[0]?.actions.some((a) => a.type === 'look_around'));
  const both = direct(makeInput({ prompt: 'the woman smiles at her dog', duration: 4 }), scene).shots[0]!;
  assert.equal(both.characters.length, 1);
});
