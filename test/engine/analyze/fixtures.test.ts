import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import type { Scene, SceneTag } from '../../../src/engine/scene.js';
import { fixture, fixtureNames } from '../../helpers/fixtures.js';

const scenes = new Map<string, Scene>();
async function scene(name: string): Promise<Scene> {
  let s = scenes.get(name);
  if (!s) {
    s = await analyzeImage(await readFile(fixture(name)));
    scenes.set(name, s);
  }
  return s;
}

type MapName = keyof Omit<Scene['maps'], 'width' | 'height'>;
/** Mean of a map over a normalised rectangle [x0, x1) × [y0, y1). */
function regionMean(s: Scene, map: MapName, x0: number, y0: number, x1: number, y1: number): number {
  const { width: w, height: h } = s.maps;
  const data = s.maps[map];
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(y0 * h); y < Math.ceil(y1 * h); y++) {
    for (let x = Math.floor(x0 * w); x < Math.ceil(x1 * w); x++) {
      sum += data[y * w + x]!;
      count++;
    }
  }
  return sum / count;
}

/** Mean of `map` weighted by another map (e.g. depth where the sky mask is). */
function weightedMean(s: Scene, map: MapName, weight: MapName): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < s.maps[map].length; i++) {
    sum += s.maps[map][i]! * s.maps[weight][i]!;
    total += s.maps[weight][i]!;
  }
  return sum / total;
}

function hasAny(s: Scene, tags: SceneTag[]): boolean {
  return tags.some((t) => s.tags.includes(t));
}

const ALL_TAGS: SceneTag[] = [
  'outdoor', 'indoor', 'day', 'night', 'dusk', 'sky', 'water', 'foliage', 'lights', 'portrait', 'face', 'close_up',
  'landscape', 'street', 'space', 'product', 'low_key', 'high_key', 'warm', 'cool', 'monochrome', 'shallow_depth_of_field', 'flat',
];

for (const name of fixtureNames()) {
  test(`${name}: full-resolution RGB, hash, maps at ≤ 512 px with the image's aspect, values in 0…1`, async () => {
    const bytes = await readFile(fixture(name));
    const s = await scene(name);
    const meta = await sharp(bytes).metadata();
    assert.equal(s.image.width, meta.width);
    assert.equal(s.image.height, meta.height);
    assert.equal(s.image.data.length, s.image.width * s.image.height * 3);
    assert.equal(s.hash, createHash('sha256').update(bytes).digest('hex'));
    const { width: mw, height: mh } = s.maps;
    assert.ok(Math.max(mw, mh) <= 512 && Math.max(mw, mh) >= Math.min(512, Math.max(s.image.width, s.image.height)) - 1);
    assert.ok(Math.abs(mw / mh - s.image.width / s.image.height) < 0.02, `maps ${mw}×${mh} vs image ${s.image.width}×${s.image.height}`);
    for (const key of ['depth', 'sky', 'water', 'foliage', 'lights', 'saliency', 'people'] as const) {
      const m = s.maps[key];
      assert.equal(m.length, mw * mh, key);
      for (let i = 0; i < m.length; i++) if (!(m[i]! >= 0 && m[i]! <= 1)) assert.fail(`${key}[${i}] = ${m[i]}`);
    }
    for (const t of s.tags) assert.ok(ALL_TAGS.includes(t), t);
    assert.ok(!(s.tags.includes('indoor') && s.tags.includes('outdoor')));
    const b = s.subject;
    assert.ok(b.x >= 0 && b.y >= 0 && b.w > 0.05 && b.h > 0.05 && b.x + b.w <= 1 + 1e-6 && b.y + b.h <= 1 + 1e-6, JSON.stringify(b));
    // the one fixture with a person in it is the astronaut portrait
    assert.equal(s.faces.length, name === 'portrait-astronaut.png' ? 1 : 0, `faces on ${name}`);
    assert.ok(s.stats.meanLuma > 0 && s.stats.meanLuma < 1 && s.stats.contrast > 0);
  });
}

test('portrait-astronaut: the face makes it a portrait, the subject and the nearest layer', async () => {
  const s = await scene('portrait-astronaut.png');
  assert.ok(s.tags.includes('portrait') && s.tags.includes('face'), `${s.tags}`);
  assert.ok(!s.tags.includes('product'), `${s.tags}`);
  const face = s.faces[0]!.box;
  const b = s.subject;
  assert.ok(b.x <= face.x && b.y <= face.y && b.x + b.w >= face.x + face.w && b.y + b.h >= face.y + face.h, 'the subject box holds the face');
  const { width: w, height: h, depth, people } = s.maps;
  const at = (map: Float32Array, x: number, y: number) => map[Math.floor(y * h) * w + Math.floor(x * w)]!;
  const cx = face.x + face.w / 2;
  const cy = face.y + face.h / 2;
  assert.ok(at(people, cx, cy) > 0.9, 'the person mask covers the face');
  assert.ok(at(depth, cx, cy) > at(depth, 0.95, 0.05) + 0.2, 'the face is nearer than the top corner behind her');
});

test('street-old-town: outdoor street with sky in the top, near cobbles, far sky', async () => {
  const s = await scene('street-old-town.jpg');
  for (const t of ['outdoor', 'sky', 'street', 'day'] as const) assert.ok(s.tags.includes(t), `${t} in ${s.tags}`);
  assert.ok(!s.tags.includes('indoor'));
  // the grey sky: mostly in the top 40 % between the roofs, none at all in the bottom third
  assert.ok(regionMean(s, 'sky', 0.3, 0, 0.65, 0.2) > 0.8);
  assert.ok(regionMean(s, 'sky', 0, 2 / 3, 1, 1) < 0.01);
  assert.ok(regionMean(s, 'sky', 0, 0.4, 0.15, 1) < 0.05, 'the left house is not sky');
  // depth: the sky is the farthest thing, the cobbles at the bottom the nearest
  const skyDepth = weightedMean(s, 'depth', 'sky');
  const bottom = regionMean(s, 'depth', 0, 0.8, 1, 1);
  const farHouses = regionMean(s, 'depth', 0.38, 0.5, 0.5, 0.62);
  assert.ok(skyDepth < 0.15, `sky depth ${skyDepth}`);
  assert.ok(bottom > 0.6, `bottom depth ${bottom}`);
  assert.ok(farHouses < bottom - 0.25, `far houses ${farHouses} vs cobbles ${bottom}`);
  assert.ok(s.horizon !== null && s.horizon > 0.25 && s.horizon < 0.75, `horizon ${s.horizon}`);
  assert.equal(regionMean(s, 'water', 0, 0, 1, 1) < 0.01, true);
});

test('night-launchpad: a dusk or night sky, lights on the pad, the rocket nearer than the sky', async () => {
  const s = await scene('night-launchpad.jpg');
  assert.ok(hasAny(s, ['night', 'dusk']), s.tags.join());
  for (const t of ['outdoor', 'sky', 'lights', 'cool'] as const) assert.ok(s.tags.includes(t), `${t} in ${s.tags}`);
  assert.ok(regionMean(s, 'sky', 0.2, 0.05, 0.45, 0.5) > 0.8, 'the sky left of the rocket');
  assert.ok(s.lights.length >= 3);
  // the floodlights stand along the bottom fifth
  const low = s.lights.filter((l) => l.y > 0.75);
  assert.ok(low.length >= 3, JSON.stringify(s.lights));
  for (const l of s.lights) assert.ok(l.brightness > 0.6 && l.radius > 0 && l.radius < 0.1 && l.color.every((c) => c >= 0 && c <= 255));
  assert.ok(regionMean(s, 'lights', 0, 0, 1, 0.5) < 0.02, 'no lights in the open sky');
  const skyDepth = weightedMean(s, 'depth', 'sky');
  const rocket = regionMean(s, 'depth', 0.48, 0.4, 0.52, 0.8);
  assert.ok(skyDepth < 0.15 && rocket > skyDepth + 0.2, `sky ${skyDepth}, rocket ${rocket}`);
  assert.ok(s.horizon !== null && s.horizon > 0.75, `horizon ${s.horizon}`);
});

test('cat-closeup: a close-up with shallow depth of field, the face nearer than the frame edge', async () => {
  const s = await scene('cat-closeup.png');
  assert.ok(hasAny(s, ['close_up', 'product']), s.tags.join());
  assert.ok(s.tags.includes('shallow_depth_of_field'), s.tags.join());
  assert.ok(!s.tags.includes('sky') && !s.tags.includes('outdoor'));
  const centre = regionMean(s, 'depth', 0.35, 0.3, 0.65, 0.75);
  const topRight = regionMean(s, 'depth', 0.85, 0, 1, 0.6); // the blurred room behind the cat
  assert.ok(centre > topRight + 0.25, `centre ${centre} vs background ${topRight}`);
  // the subject is the face, not the blurred background
  const cx = s.subject.x + s.subject.w / 2;
  assert.ok(cx > 0.3 && cx < 0.7, JSON.stringify(s.subject));
});

test('product-coffee: the cup nearer than the far table, a close-up or product shot', async () => {
  const s = await scene('product-coffee.png');
  assert.ok(hasAny(s, ['close_up', 'product']), s.tags.join());
  assert.ok(s.tags.includes('indoor') && s.tags.includes('warm') && s.tags.includes('product'), s.tags.join());
  const cup = regionMean(s, 'depth', 0.35, 0.1, 0.6, 0.45);
  const farTable = regionMean(s, 'depth', 0.7, 0, 1, 0.15);
  assert.ok(cup > farTable + 0.2, `cup ${cup} vs far table ${farTable}`);
  // the subject box holds the cup
  const b = s.subject;
  assert.ok(b.x < 0.45 && b.x + b.w > 0.55 && b.y < 0.3, JSON.stringify(b));
});

test('nature-butterfly: foliage high on the leaf, low on the black wings', async () => {
  const s = await scene('nature-butterfly.jpg');
  assert.ok(s.tags.includes('foliage') && s.tags.includes('outdoor'), s.tags.join());
  assert.ok(regionMean(s, 'foliage', 0.15, 0.85, 0.35, 1) > 0.6, 'leaf below the left wing');
  assert.ok(regionMean(s, 'foliage', 0.8, 0.7, 0.9, 0.85) > 0.6, 'leaf right');
  assert.ok(regionMean(s, 'foliage', 0.3, 0.4, 0.4, 0.55) < 0.2, 'black wing');
  assert.ok(regionMean(s, 'sky', 0, 0, 1, 1) < 0.01);
  // the butterfly stands out from the leaf behind it
  assert.ok(regionMean(s, 'depth', 0.4, 0.35, 0.6, 0.65) > regionMean(s, 'depth', 0, 0, 0.12, 0.3) + 0.2);
});

test('space-deep-field: space, night, low-key, nearly flat depth, no sky', async () => {
  const s = await scene('space-deep-field.jpg');
  for (const t of ['space', 'night', 'low_key', 'flat'] as const) assert.ok(s.tags.includes(t), `${t} in ${s.tags}`);
  for (const t of ['sky', 'outdoor', 'indoor', 'street', 'day'] as const) assert.ok(!s.tags.includes(t), `${t} in ${s.tags}`);
  let min = 1;
  let max = 0;
  for (const d of s.maps.depth) {
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  assert.ok(max - min < 0.25, `depth range ${min}…${max}`);
  assert.ok(s.lights.length >= 10, 'stars and galaxies are point sources');
  assert.ok(regionMean(s, 'foliage', 0, 0, 1, 1) < 0.02, 'the noise of a black sky is not foliage');
});

test('product-motorcycle and portrait-astronaut: indoor, no sky, no water', async () => {
  for (const name of ['product-motorcycle.png', 'portrait-astronaut.png']) {
    const s = await scene(name);
    assert.ok(s.tags.includes('indoor'), `${name}: ${s.tags}`);
    assert.ok(!s.tags.includes('sky') && !s.tags.includes('water'), `${name}: ${s.tags}`);
    assert.equal(s.horizon, null, name);
    assert.ok(regionMean(s, 'sky', 0, 0, 1, 1) < 0.01, name);
  }
  // the motorcycle stands in front of the shelves behind it
  const m = await scene('product-motorcycle.png');
  assert.ok(m.tags.includes('product'), m.tags.join());
  assert.ok(regionMean(m, 'depth', 0.35, 0.45, 0.65, 0.75) > regionMean(m, 'depth', 0.45, 0, 0.95, 0.2) + 0.2);
});

test('the same bytes give the same Scene', async () => {
  const bytes = await readFile(fixture('street-old-town.jpg'));
  const a = await analyzeImage(bytes);
  const b = await analyzeImage(bytes);
  assert.deepEqual(a.tags, b.tags);
  assert.deepEqual(Buffer.from(a.maps.depth.buffer), Buffer.from(b.maps.depth.buffer));
  assert.deepEqual(a.lights, b.lights);
});
