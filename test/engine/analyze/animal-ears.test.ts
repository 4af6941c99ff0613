/**
 * The ear finder on real photographs (analyze/animals/ears.ts): ears where a person points at
 * them, marked by hand on the photos (pixel positions read off 4× crops; the tolerance is about an
 * ear's width), and none where there are none — on a person, a product, a building, and a bird
 * (a macaw's crest and the ridge of its beak stand up like ears; a bird has none that do) — and,
 * on a drawn outline, none at the eyes' height (an eye bulging from a cartoon fish's outline).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../helpers/analyzed.js';
import { animalParts } from '../../../src/engine/analyze/animals/index.js';
import { animalEars } from '../../../src/engine/analyze/animals/ears.js';
import type { Silhouette } from '../../../src/engine/analyze/animals/silhouette.js';
import { enlargedTwice, fixture } from '../../helpers/fixtures.js';

const LOCAL = (name: string) => new URL(`../../fixtures/images/${name}`, import.meta.url);

/** the ears marked by hand: their tips, in the photo's pixels (of its size on disk) */
const MARKED = [
  // seen side-on, no eyes found: its head from its outline, its small right ear against dry grass
  // (the left one, turned away, is a rim of fur against its own head)
  { name: 'the cheetah', word: 'cheetah', load: () => readFile(LOCAL('cheetah.jpg')), size: [1024, 768], tips: [[205, 179]], tolerance: 30 },
  // facing the camera, one eye found: its left ear against the sky
  { name: 'the ground squirrel', word: 'squirrel', load: () => enlargedTwice(LOCAL('ground-squirrel.jpg')), size: [300, 225], tips: [[110, 39]], tolerance: 9 },
  // lying on its side with a ball of wool, one eye found: the ear standing up from its head (the
  // other points sideways, beside the head, where the finder does not look)
  { name: 'the kitten', word: 'kitten', load: () => readFile(LOCAL('kitten.jpg')), size: [1024, 768], tips: [[306, 111]], tolerance: 20 },
];
for (const photo of MARKED) {
  test(`ears found where they are marked: ${photo.name}`, { timeout: 120_000 }, async () => {
    const parts = animalParts(await analyzed(await photo.load()), photo.word);
    const [W, H] = photo.size as [number, number];
    for (const [x, y] of photo.tips as Array<[number, number]>) {
      const near = parts.ears.map((e) => Math.hypot(e.tip.x * W - x, e.tip.y * H - y));
      assert.ok(near.some((d) => d <= photo.tolerance), `an ear's tip within ${photo.tolerance} px of (${x}, ${y}): ${JSON.stringify(parts.ears)} / ${parts.earsReason}`);
      const ear = parts.ears[near.indexOf(Math.min(...near))]!;
      // its base lies under its tip, on the head; and it says how sure it is
      assert.ok(ear.base.y > ear.tip.y, `the base ${JSON.stringify(ear.base)} lies under the tip ${JSON.stringify(ear.tip)}`);
      assert.ok(ear.confidence > 0 && ear.confidence <= 1, `confidence ${ear.confidence}`);
    }
  });
}

const NONE = [
  { name: 'a person (her eyes are found)', word: 'dog', load: () => readFile(LOCAL('portrait-grace-hopper.jpg')) },
  { name: 'a person in action', word: 'dog', load: () => readFile(LOCAL('football-player.jpg')) },
  { name: 'a product', word: 'cat', load: () => readFile(fixture('product-coffee.png')) },
  { name: 'a building', word: 'dog', load: () => readFile(LOCAL('building.jpg')) },
];
for (const photo of NONE) {
  test(`no ears and no tail on ${photo.name}, even when the prompt calls it an animal`, { timeout: 120_000 }, async () => {
    const parts = animalParts(await analyzed(await photo.load()), photo.word);
    assert.deepEqual(parts.ears, [], `no ears: ${JSON.stringify(parts.ears)}`);
    assert.equal(parts.tail, null, `no tail: ${JSON.stringify(parts.tail)}`);
  });
}

test('a bird has no ears: the macaw\'s head gives none, and the reason says so', { timeout: 120_000 }, async () => {
  const parts = animalParts(await analyzed(await readFile(LOCAL('macaw.jpg'))), 'parrot');
  assert.deepEqual(parts.ears, []);
  assert.match(parts.earsReason ?? '', /a bird has no ears/);
});

/**
 * A drawn outline (no photo: its head window is too small to read, so the region's silhouette is
 * traced): a head whose top runs just above the eyes' line, and one narrow pointed bump on it.
 * Standing 1.2 head scales above the eyes it is an ear; standing 0.36 (a cartoon fish's eye
 * bulging from its outline, found as an "ear" before the rule on how high an ear stands) it is not.
 */
function drawnHead(bumpTop: number): { silhouette: Silhouette; rgb: Uint8Array } {
  const w = 200, h = 150, eyesY = 100, mask = new Uint8Array(w * h), rgb = new Uint8Array(3 * w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const head = x >= 40 && x <= 160 && y >= eyesY - 2;
    // the bump: a triangle 12 px across at its base (on the head's top), its tip at bumpTop
    const bump = y >= bumpTop && y < eyesY && Math.abs(x - 100) <= (6 * (y - bumpTop)) / (eyesY - 2 - bumpTop);
    const on = head || bump;
    mask[y * w + x] = on ? 1 : 0;
    rgb.set(on ? [220, 120, 40] : [60, 110, 200], 3 * (y * w + x));
  }
  return { silhouette: { mask, width: w, height: h, box: { x: 0.2, y: bumpTop / h, w: 0.6, h: 1 - bumpTop / h }, cut: [0, 0, 0, 0] }, rgb };
}

test('an ear stands well above the eyes: a bump at their height is not one (a cartoon fish\'s eye)', () => {
  const tiny = { width: 10, height: 10, data: new Uint8Array(300) };
  const head = { x: 0.5, y: 100 / 150, scale: 25 / 200 };
  const ear = drawnHead(100 - 30);
  assert.equal(animalEars(tiny, ear.silhouette, ear.rgb, head).length, 1, 'a bump 1.2 head scales above the eyes is an ear');
  const bulge = drawnHead(100 - 9);
  assert.deepEqual(animalEars(tiny, bulge.silhouette, bulge.rgb, head), [], 'a bump 0.36 head scales above the eyes is not');
});
