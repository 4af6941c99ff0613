import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { isInputError } from '../../../src/engine/errors.js';
import { badImages, noiseImage } from '../../helpers/bad-images.js';
import { fixture } from '../../helpers/fixtures.js';

for (const bad of await badImages()) {
  test(`analyzeImage refuses ${bad.name} with ${bad.code}`, async () => {
    await assert.rejects(analyzeImage(bad.bytes), (error: unknown) => {
      assert.ok(isInputError(error), `expected an InputError, got ${String(error)}`);
      assert.equal(error.code, bad.code);
      assert.equal(error.field, 'image');
      for (const words of bad.mentions) assert.ok(error.message.includes(words), `"${error.message}" should mention "${words}"`);
      return true;
    });
  });
}

test('a truncated JPEG is refused even though the first rows decode', async () => {
  // cut just before the end-of-image marker: most of the picture is there
  const jpeg = await readFile(fixture('street-old-town.jpg'));
  await assert.rejects(analyzeImage(jpeg.subarray(0, jpeg.length - 2000)), { code: 'IMAGE_CORRUPT' });
});

test('EXIF orientation is applied: a 600×400 JPEG marked "rotate 90°" decodes as 400×600', async () => {
  const stored = await sharp(await noiseImage(600, 400, 'jpeg')).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const scene = await analyzeImage(stored);
  assert.equal(scene.image.width, 400);
  assert.equal(scene.image.height, 600);
  assert.equal(scene.image.data.length, 400 * 600 * 3);
  assert.equal(scene.maps.width < scene.maps.height, true);
});

test('WebP is accepted, and alpha is flattened onto black', async () => {
  // left half opaque white, right half fully transparent white
  const w = 400;
  const h = 320;
  const rgba = Buffer.alloc(w * h * 4, 255);
  for (let y = 0; y < h; y++) for (let x = w / 2; x < w; x++) rgba[(y * w + x) * 4 + 3] = 0;
  const webp = await sharp(rgba, { raw: { width: w, height: h, channels: 4 } }).webp({ lossless: true }).toBuffer();
  const scene = await analyzeImage(webp);
  assert.equal(scene.format, 'webp');
  const at = (x: number, y: number) => scene.image.data[(y * w + x) * 3]!;
  assert.equal(at(50, 100), 255);
  assert.equal(at(350, 100), 0);
});

test('a 16-bit greyscale PNG decodes to 8-bit RGB with its levels kept', async () => {
  const w = 320;
  const grey = new Uint16Array(w * w);
  for (let i = 0; i < grey.length; i++) grey[i] = (i % w) * 204; // 0 … 65076 across each row
  const png = await sharp(grey, { raw: { width: w, height: w, channels: 1 } }).toColourspace('grey16').png().toBuffer();
  assert.equal((await sharp(png).metadata()).depth, 'ushort');
  const scene = await analyzeImage(png);
  assert.equal(scene.image.data.length, w * w * 3);
  const px = (x: number) => [...scene.image.data.subarray(x * 3, x * 3 + 3)];
  assert.deepEqual(px(0), [0, 0, 0]);
  const right = px(w - 1);
  assert.ok(right.every((v) => v > 240 && v === right[0]), `right edge should be near-white grey, got ${right}`);
});
