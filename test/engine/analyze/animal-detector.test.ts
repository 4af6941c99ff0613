/**
 * The COCO object detector finds the animal in real photos (analyze/subjects/animal-detector.ts):
 * darknet's dog on the porch is a dog whose box holds its head, its chest and its tail and not the
 * bicycle's back wheel beside it (the salient region takes both); the ground squirrel's box holds
 * its head and its ear and not the sky above. A mandrill (no COCO class) is no animal of its list.
 * The same picture gives the same boxes; analysis keeps the dog's as the scene's first animal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Box, RgbImage } from '../../../src/engine/scene.js';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { detectAnimals } from '../../../src/engine/analyze/subjects/animal-detector.js';
import { enlargedTwice, fixture } from '../../helpers/fixtures.js';

const LOCAL = (name: string) => new URL(`../../fixtures/images/${name}`, import.meta.url);

async function rgb(bytes: Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** a point given in the picture's pixels lies in the normalised box */
const holds = (b: Box, img: RgbImage, [x, y]: [number, number]) =>
  x >= b.x * img.width && x <= (b.x + b.w) * img.width && y >= b.y * img.height && y <= (b.y + b.h) * img.height;

test("the dog on the porch: a dog, its box around the dog and not the bicycle", { timeout: 120_000 }, async () => {
  const image = await rgb(await readFile(LOCAL('dog-porch.jpg')));
  const found = await detectAnimals(image);
  const dog = found[0];
  assert.equal(dog?.label, 'dog', `the best animal is a dog: ${JSON.stringify(found)}`);
  // points read off the photo (768×576): the dog's eyes, chest and tail tip; the back wheel's hub
  for (const p of [[261, 255], [288, 245], [250, 380], [215, 520]] as Array<[number, number]>) assert.ok(holds(dog.box, image, p), `the dog at ${p} is in ${JSON.stringify(dog.box)}`);
  assert.ok(!holds(dog.box, image, [470, 330]), `the bicycle's back wheel is not: ${JSON.stringify(dog.box)}`);
  assert.ok(dog.box.w * dog.box.h < 0.25, `the box is the dog's, not the frame's (${(dog.box.w * dog.box.h).toFixed(2)} of it)`);
  assert.deepEqual(await detectAnimals(image), found, 'the same picture gives the same boxes');
});

test('the ground squirrel: a box around its head and ear, not the sky above', { timeout: 120_000 }, async () => {
  const image = await rgb(await enlargedTwice(LOCAL('ground-squirrel.jpg')));
  const [animal] = await detectAnimals(image);
  assert.ok(animal, 'an animal is found');
  // points read off the enlarged photo (600×450): the eye, an ear's base, the chest; the sky at the top
  for (const p of [[272, 156], [245, 110], [320, 300]] as Array<[number, number]>) assert.ok(holds(animal.box, image, p), `the squirrel at ${p} is in ${JSON.stringify(animal.box)}`);
  assert.ok(!holds(animal.box, image, [300, 20]), `the sky above is not: ${JSON.stringify(animal.box)}`);
});

test('a mandrill is none of the COCO animals the detector keeps', { timeout: 120_000 }, async () => {
  const image = await rgb(await readFile(LOCAL('mandrill.jpg')));
  assert.deepEqual(await detectAnimals(image), []);
});

test('analysis keeps the animal a picture is of, looked for only where no one is', { timeout: 180_000 }, async () => {
  const dog = await analyzeImage(await readFile(LOCAL('dog-porch.jpg')));
  const best = dog.animals?.[0];
  assert.ok(best && holds(best.box, dog.image, [261, 255]) && !holds(best.box, dog.image, [470, 330]), `the dog's box: ${JSON.stringify(dog.animals)}`);
  // a product has none; a picture with a face or a body is not looked at (null)
  assert.deepEqual((await analyzeImage(await readFile(fixture('product-coffee.png')))).animals, []);
  assert.deepEqual((await analyzeImage(await readFile(LOCAL('football-player.jpg')))).animals, []);
});
