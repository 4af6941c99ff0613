import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analysisSize } from '../../../../src/engine/analyze/analysis-raster.js';
import { decodeImage } from '../../../../src/engine/analyze/decode.js';
import { detectFaces, personMask } from '../../../../src/engine/analyze/faces/index.js';
import { fixture } from '../../../helpers/fixtures.js';
import type { Face } from '../../../../src/engine/scene.js';

const W = 200, H = 160;
const face = (x: number, y: number, w: number, h: number): Face => ({ box: { x, y, w, h }, score: 0.9, landmarks: [], age: 30, gender: null });
const at = (m: Float32Array, u: number, v: number) => m[Math.floor(v * H) * W + Math.floor(u * W)]!;

test('no faces, no people', () => {
  const mask = personMask([], W, H);
  assert.equal(mask.length, W * H);
  assert.ok(mask.every((v) => v === 0));
});

test('one face: the head is fully in, the shoulders below it, the sides above the shoulders out', () => {
  const mask = personMask([face(0.4, 0.2, 0.2, 0.25)], W, H);
  assert.equal(at(mask, 0.5, 0.32), 1, 'face centre');
  assert.ok(at(mask, 0.5, 0.16) > 0.9, 'forehead and hair above the box');
  assert.ok(at(mask, 0.3, 0.85) >= 0.8, 'shoulder, well below and to the side of the face');
  assert.ok(at(mask, 0.5, 0.99) >= 0.8, 'the body runs to the bottom of the picture');
  assert.equal(at(mask, 0.2, 0.3), 0, 'beside the head');
  assert.equal(at(mask, 0.5, 0.02), 0, 'well above the head');
  assert.equal(at(mask, 0.05, 0.95), 0, 'far to the side of the body');
  // soft: the edge has intermediate values, not a cut-out
  let soft = 0;
  for (const v of mask) if (v > 0.05 && v < 0.75) soft++;
  assert.ok(soft > 50, `${soft} soft edge pixels`);
  for (const v of mask) assert.ok(v >= 0 && v <= 1);
});

test('two faces give two people with background between them', () => {
  const mask = personMask([face(0.1, 0.25, 0.14, 0.2), face(0.76, 0.25, 0.14, 0.2)], W, H);
  assert.equal(at(mask, 0.17, 0.35), 1);
  assert.equal(at(mask, 0.83, 0.35), 1);
  assert.equal(at(mask, 0.5, 0.35), 0, 'between the heads');
  assert.equal(at(mask, 0.5, 0.9), 0, 'between the bodies');
});

test('a face at the edge of the picture does not write outside the raster', () => {
  const mask = personMask([face(0.9, 0.85, 0.2, 0.3), face(-0.05, -0.05, 0.2, 0.2)], W, H);
  assert.equal(mask.length, W * H);
  assert.ok(at(mask, 0.97, 0.95) > 0.9);
  assert.ok(at(mask, 0.03, 0.03) > 0.9);
});

test('on the astronaut, the mask covers her head and suit but not the flag or the shuttle', async () => {
  const { image } = await decodeImage(await readFile(fixture('portrait-astronaut.png')));
  const { width, height } = analysisSize(image.width, image.height);
  const mask = personMask(await detectFaces(image), width, height);
  const m = (u: number, v: number) => mask[Math.floor(v * height) * width + Math.floor(u * width)]!;
  assert.equal(m(0.43, 0.25), 1, 'face');
  assert.ok(m(0.42, 0.06) > 0.5, 'top of the hair');
  assert.ok(m(0.3, 0.75) >= 0.8, 'suit');
  assert.equal(m(0.05, 0.1), 0, 'flag');
  assert.equal(m(0.85, 0.2), 0, 'shuttle');
});
