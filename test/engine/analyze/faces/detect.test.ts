import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { decodeImage } from '../../../../src/engine/analyze/decode.js';
import { detectFaces, detectFacesIn, tfRuntime, warmUpFaces } from '../../../../src/engine/analyze/faces/index.js';
import { detectPose } from '../../../../src/engine/analyze/subjects/pose.js';
import { poseHead } from '../../../../src/engine/analyze/subjects/pose-head.js';
import type { Face, RgbImage } from '../../../../src/engine/scene.js';
import { faceCollage } from '../../../helpers/face-collage.js';
import { fixture } from '../../../helpers/fixtures.js';

const decoded = async (bytes: Buffer): Promise<RgbImage> => (await decodeImage(bytes)).image;
const picture = async (name: string) => decoded(await readFile(fixture(name)));
const centre = (f: Face) => ({ x: f.box.x + f.box.w / 2, y: f.box.y + f.box.h / 2 });
const meanY = (points: Array<[number, number]>) => points.reduce((s, p) => s + p[1], 0) / points.length;

test('warm-up loads the models without leaving tensors or process-wide handlers behind', async () => {
  const handlers = process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length;
  await warmUpFaces();
  const tf = await tfRuntime();
  assert.equal(tf.getBackend(), 'wasm');
  const tensors = tf.memory().numTensors;
  await warmUpFaces();
  await detectFaces(await picture('portrait-astronaut.png'));
  assert.equal(tf.memory().numTensors, tensors, 'no tensor leaks per detection');
  assert.equal(process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length, handlers);
});

test('the astronaut: one adult face in the upper middle, 68 landmarks inside it, eyes above the mouth', async () => {
  const faces = await detectFaces(await picture('portrait-astronaut.png'));
  assert.equal(faces.length, 1, JSON.stringify(faces.map((f) => f.box)));
  const face = faces[0]!;
  const c = centre(face);
  assert.ok(c.x > 0.35 && c.x < 0.6, `face centre x ${c.x}`);
  assert.ok(c.y > 0.12 && c.y < 0.4, `face centre y ${c.y}`);
  assert.ok(face.box.w > 0.12 && face.box.w < 0.4, `face width ${face.box.w}`);
  assert.ok(face.score > 0.7, `score ${face.score}`);
  assert.equal(face.landmarks.length, 68);
  const slackX = face.box.w * 0.1, slackY = face.box.h * 0.1;
  for (const [x, y] of face.landmarks) {
    assert.ok(x >= face.box.x - slackX && x <= face.box.x + face.box.w + slackX, `landmark x ${x} outside the box`);
    assert.ok(y >= face.box.y - slackY && y <= face.box.y + face.box.h + slackY, `landmark y ${y} outside the box`);
  }
  // 68-point layout: 36–47 eyes, 48–67 mouth, 27–35 nose, 0–16 jaw
  const eyes = meanY(face.landmarks.slice(36, 48));
  const nose = meanY(face.landmarks.slice(27, 36));
  const mouth = meanY(face.landmarks.slice(48, 68));
  assert.ok(eyes < nose && nose < mouth, `eyes ${eyes} < nose ${nose} < mouth ${mouth}`);
  const [leftEye, rightEye] = [face.landmarks[36]!, face.landmarks[45]!];
  assert.ok(leftEye[0] < rightEye[0], 'the outer eye corners are in left-right order');
  assert.ok(face.age !== null && face.age >= 18 && face.age <= 70, `age ${face.age}`);
  // Eileen Collins: the voice matcher relies on this
  assert.equal(face.gender, 'female');
});

test('a two-face collage gives a left and a right face, mirror images of each other', async () => {
  const faces = await detectFaces(await decoded(await faceCollage()));
  assert.equal(faces.length, 2, JSON.stringify(faces.map((f) => f.box)));
  const [left, right] = faces.map(centre) as [{ x: number; y: number }, { x: number; y: number }];
  assert.ok(left.x < 0.5 && right.x > 0.5, `centres ${left.x}, ${right.x}`);
  assert.ok(Math.abs(left.x + right.x - 1) < 0.05, 'mirrored about the middle');
  assert.ok(Math.abs(left.y - right.y) < 0.05, 'at the same height');
  for (const f of faces) assert.equal(f.landmarks.length, 68);
});

test('a big picture is searched on a downscaled copy: same face, same normalised place', async () => {
  const small = (await detectFaces(await picture('portrait-astronaut.png')))[0]!;
  const big = await decoded(await sharp(fixture('portrait-astronaut.png')).resize(2000, 2000).png().toBuffer());
  const faces = await detectFaces(big);
  assert.equal(faces.length, 1);
  const a = centre(small), b = centre(faces[0]!);
  assert.ok(Math.abs(a.x - b.x) < 0.03 && Math.abs(a.y - b.y) < 0.03, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

test('a face too small for the whole picture is found where the body pose puts the head: the footballer', async () => {
  const image = await decoded(await readFile(new URL('../../../fixtures/images/football-player.jpg', import.meta.url)));
  // his face is under 1/16 of the picture's width: the whole picture's pass misses it
  assert.deepEqual(await detectFaces(image), []);
  const head = poseHead(await detectPose(image), image.width, image.height);
  assert.ok(head, 'the pose shows his head, small');
  const faces = await detectFacesIn(image, head.area);
  assert.equal(faces.length, 1, JSON.stringify(faces.map((f) => ({ box: f.box, score: f.score }))));
  const [face] = faces as [Face];
  const { x, y, w, h } = face.box;
  assert.ok(head.nose.x > x && head.nose.x < x + w && head.nose.y > y && head.nose.y < y + h, `the face holds the pose's nose (${JSON.stringify(face.box)})`);
  // its landmarks in the picture's frame, not the crop's: the eyes above the mouth, inside the box
  assert.equal(face.landmarks.length, 68);
  for (const [px, py] of face.landmarks) assert.ok(px > x - 0.02 && px < x + w + 0.02 && py > y - 0.02 && py < y + h + 0.02);
  assert.ok(meanY(face.landmarks.slice(36, 48)) < meanY(face.landmarks.slice(48, 68)));
});

for (const name of ['space-deep-field.jpg', 'street-old-town.jpg', 'product-coffee.png']) {
  test(`no faces in ${name}`, async () => {
    assert.deepEqual(await detectFaces(await picture(name)), []);
  });
}

test('the cat: no crash, and no human face', async () => {
  const faces = await detectFaces(await picture('cat-closeup.png'));
  assert.ok(Array.isArray(faces));
  assert.equal(faces.length, 0, JSON.stringify(faces.map((f) => ({ box: f.box, score: f.score }))));
});

test('deterministic: the same picture gives the same faces, also when asked concurrently', async () => {
  const image = await decoded(await faceCollage());
  const first = await detectFaces(image);
  const [second, third] = await Promise.all([detectFaces(image), detectFaces(image)]);
  assert.deepEqual(second, first);
  assert.deepEqual(third, first);
});
