/**
 * People mattes from the segmentation model, against person masks drawn by hand
 * (test/fixtures/person-masks.json): the matte overlaps the drawn person (IoU of matte > 0.5),
 * where the old head-and-shoulders guess from the faces fell short — or, for a footballer whose
 * face the detector found only in a crop round his head (the pose's), drew nothing at all. A picture with no face and no torso is
 * not segmented; the analysis's people map and subject matte say where they came from. Limbs the
 * model loses at its 256 px (the footballer's far hand, his kicking boot) are put back from the
 * body pose (subjects/limbs.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { analysisRaster } from '../../../src/engine/analyze/analysis-raster.js';
import { decodeImage } from '../../../src/engine/analyze/decode.js';
import { detectFaces, personMask } from '../../../src/engine/analyze/faces/index.js';
import { detectPose } from '../../../src/engine/analyze/subjects/pose.js';
import { personRegion } from '../../../src/engine/analyze/subjects/person-region.js';
import { segmentPeople } from '../../../src/engine/analyze/subjects/person-segmentation.js';
import { completeLimbs } from '../../../src/engine/analyze/subjects/limbs.js';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { fixture } from '../../helpers/fixtures.js';
import { matteIou, polygonMask } from '../../helpers/polygon-mask.js';

const MASKS: Record<string, { person: string; polygon: Array<[number, number]> }> = JSON.parse(
  readFileSync(new URL('../../fixtures/person-masks.json', import.meta.url), 'utf8'),
).masks;
const path = (name: string) => (name === 'football-player.jpg' ? new URL('../../fixtures/images/football-player.jpg', import.meta.url) : fixture(name));

/** IoU the segmentation must reach on each picture (the old guess from the faces: 0.742 and 0, no face found) */
const WANT: Record<string, { iou: number; covers: number }> = {
  // the helmet in her hands is the model's one sizeable error (it takes it for part of her)
  'portrait-astronaut.png': { iou: 0.75, covers: 0.95 },
  // the far hand and the kicking boot, thin at the model's 256 px, come back from the pose (0.734 without)
  'football-player.jpg': { iou: 0.8, covers: 0.85 },
};

/** The people matte as analysis makes it: the model's, with the limbs it lost put back from the pose. */
async function peopleMatte(name: string) {
  const { image } = await decodeImage(await readFile(path(name)));
  const raster = analysisRaster(image);
  const { width, height } = raster;
  const faces = await detectFaces(image);
  const pose = await detectPose(image);
  const region = personRegion(faces, pose);
  assert.ok(region, 'a face or a torso says a person is likely');
  const model = await segmentPeople(image, region, width, height);
  assert.ok(model, 'the model finds the person');
  const matte = completeLimbs(Float32Array.from(model), pose, raster, width, height);
  return { faces, model, matte, width, height };
}

for (const [name, drawn] of Object.entries(MASKS)) {
  test(`${name}: the people matte overlaps ${drawn.person}`, { timeout: 120_000 }, async (t) => {
    const { faces, matte, width, height } = await peopleMatte(name);
    const poly = polygonMask(drawn.polygon, width, height);
    const iou = matteIou(matte, poly), old = matteIou(personMask(faces, width, height), poly);
    let covered = 0, total = 0, soft = 0;
    for (let i = 0; i < poly.length; i++) {
      if (poly[i]) { total++; if (matte[i]! > 0.5) covered++; }
      if (matte[i]! > 0.05 && matte[i]! < 0.95) soft++;
    }
    t.diagnostic(`IoU ${iou.toFixed(3)} (the guess from the faces: ${old.toFixed(3)}), covers ${((covered / total) * 100).toFixed(1)} % of the drawn person, ${soft} soft edge px`);
    assert.ok(iou >= WANT[name]!.iou, `IoU ${iou.toFixed(3)} (want ≥ ${WANT[name]!.iou})`);
    assert.ok(old < WANT[name]!.iou, `the old guess (${old.toFixed(3)}) would not have passed`);
    assert.ok(covered / total >= WANT[name]!.covers, `covers ${((covered / total) * 100).toFixed(1)} % of the drawn person`);
    assert.ok(soft > 200, `a soft edge (${soft} px between 0.05 and 0.95)`);
  });
}

test('the footballer: the far hand and the kicking boot the model misses are added from the pose', { timeout: 120_000 }, async (t) => {
  const { model, matte, width: w, height: h } = await peopleMatte('football-player.jpg');
  const poly = polygonMask(MASKS['football-player.jpg']!.polygon, w, h);
  // the drawn person's pixels within a small disc (3 % of the width) round each spot
  const share = (m: Float32Array, cx: number, cy: number) => {
    let n = 0, on = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      if (!poly[y * w + x] || Math.hypot(x + 0.5 - cx * w, y + 0.5 - cy * h) > 0.03 * w) continue;
      n++;
      if (m[y * w + x]! > 0.5) on++;
    }
    return on / n;
  };
  for (const [part, x, y] of [['the far hand', 0.16, 0.285], ['the far forearm', 0.225, 0.32], ['the kicking boot', 0.8, 0.805], ['its sock', 0.73, 0.765]] as const) {
    const before = share(model, x, y), after = share(matte, x, y);
    t.diagnostic(`${part}: the model covers ${(before * 100).toFixed(0)} %, with the limbs ${(after * 100).toFixed(0)} %`);
    assert.ok(before < 0.2, `the model alone misses ${part} (${(before * 100).toFixed(0)} %)`);
    assert.ok(after >= 0.6, `${part} is in the matte (${(after * 100).toFixed(0)} %, want ≥ 60 %)`);
  }
  let taken = 0;
  for (let i = 0; i < w * h; i++) if (matte[i]! < model[i]!) taken++;
  assert.equal(taken, 0, 'limbs are only ever added to the model\'s matte');
});

test('nobody likely, nobody segmented: no face and no torso give no region', () => {
  assert.equal(personRegion([], null), null);
});

test('the footballer, analysed whole: people map and subject matte come from the segmentation', { timeout: 120_000 }, async () => {
  const scene = await analyzeImage(readFileSync(path('football-player.jpg')));
  assert.equal(scene.layers?.matteSource, 'segmentation');
  const { width: w, height: h, people, depth } = scene.maps;
  const poly = polygonMask(MASKS['football-player.jpg']!.polygon, w, h);
  assert.ok(matteIou(people, poly) >= 0.8, `people map IoU ${matteIou(people, poly).toFixed(3)}`);
  // the person is one near layer: nearer than the crowd beside them at the same height
  const at = (m: Float32Array, x: number, y: number) => m[Math.floor(y * h) * w + Math.floor(x * w)]!;
  assert.ok(at(depth, 0.45, 0.45) > at(depth, 0.9, 0.45) + 0.2, `torso ${at(depth, 0.45, 0.45).toFixed(2)} vs crowd ${at(depth, 0.9, 0.45).toFixed(2)}`);
});
