/**
 * People mattes from the segmentation model, against person masks drawn by hand
 * (test/fixtures/person-masks.json): the matte overlaps the drawn person (IoU of matte > 0.5),
 * where the old head-and-shoulders guess from the faces fell short — or, for a footballer whose
 * face the detector does not find, drew nothing at all. A picture with no face and no torso is
 * not segmented; the analysis's people map and subject matte say where they came from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { analysisSize } from '../../../src/engine/analyze/analysis-raster.js';
import { decodeImage } from '../../../src/engine/analyze/decode.js';
import { detectFaces, personMask } from '../../../src/engine/analyze/faces/index.js';
import { detectPose } from '../../../src/engine/analyze/subjects/pose.js';
import { personRegion } from '../../../src/engine/analyze/subjects/person-region.js';
import { segmentPeople } from '../../../src/engine/analyze/subjects/person-segmentation.js';
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
  // the far hand and the kicking boot are thin at the model's 256 px: they are what it misses
  'football-player.jpg': { iou: 0.7, covers: 0.75 },
};

for (const [name, drawn] of Object.entries(MASKS)) {
  test(`${name}: the people matte overlaps ${drawn.person}`, { timeout: 120_000 }, async (t) => {
    const { image } = await decodeImage(await readFile(path(name)));
    const { width, height } = analysisSize(image.width, image.height);
    const faces = await detectFaces(image);
    const region = personRegion(faces, await detectPose(image));
    assert.ok(region, 'a face or a torso says a person is likely');
    const matte = await segmentPeople(image, region, width, height);
    assert.ok(matte, 'the model finds the person');
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

test('nobody likely, nobody segmented: no face and no torso give no region', () => {
  assert.equal(personRegion([], null), null);
});

test('the footballer, analysed whole: people map and subject matte come from the segmentation', { timeout: 120_000 }, async () => {
  const scene = await analyzeImage(readFileSync(path('football-player.jpg')));
  assert.equal(scene.faces.length, 0, 'no face is found: the old guess drew nothing');
  assert.equal(scene.layers?.matteSource, 'segmentation');
  const { width: w, height: h, people, depth } = scene.maps;
  const poly = polygonMask(MASKS['football-player.jpg']!.polygon, w, h);
  assert.ok(matteIou(people, poly) >= 0.7, `people map IoU ${matteIou(people, poly).toFixed(3)}`);
  // the person is one near layer: nearer than the crowd beside them at the same height
  const at = (m: Float32Array, x: number, y: number) => m[Math.floor(y * h) * w + Math.floor(x * w)]!;
  assert.ok(at(depth, 0.45, 0.45) > at(depth, 0.9, 0.45) + 0.2, `torso ${at(depth, 0.45, 0.45).toFixed(2)} vs crowd ${at(depth, 0.9, 0.45).toFixed(2)}`);
});
