/**
 * The sky finder on drawn pictures whose sky is known: a sky seen only through a gap is found; a
 * studio backdrop behind a person is not sky, while a sky behind a person with land beside them is;
 * in black and white, a lit wall down to the floor is not sky; and the real building photo whose sky was missed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { analysisRaster } from '../../../src/engine/analyze/analysis-raster.js';
import { skyMask } from '../../../src/engine/analyze/sky.js';
import { withoutBackdrop } from '../../../src/engine/analyze/sky-backdrop.js';
import type { RgbImage } from '../../../src/engine/scene.js';
import { seededNoise } from '../../helpers/seeded-noise.js';

type Paint = (u: number, v: number, noise: number) => [number, number, number];

function draw(w: number, h: number, paint: Paint): RgbImage {
  const data = new Uint8Array(w * h * 3);
  const rnd = seededNoise(7);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const rgb = paint(x / w, y / h, rnd());
      for (let c = 0; c < 3; c++) data[(y * w + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(rgb[c]!)));
    }
  }
  return { width: w, height: h, data };
}

/** Mean of a raster-sized mask over a box in 0…1 coordinates. */
function boxMean(mask: Float32Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * h); y < Math.ceil(y1 * h); y++) {
    for (let x = Math.floor(x0 * w); x < Math.ceil(x1 * w); x++, n++) sum += mask[y * w + x]!;
  }
  return sum / n;
}

// a daylight sky: deep blue at the top, paler towards the horizon
const daySky = (v: number): [number, number, number] => [80 + 150 * v, 140 + 90 * v, 235];
const leaves = (u: number, v: number, noise: number): [number, number, number] => {
  const t = 90 * noise + 40 * Math.sin(u * 300) * Math.sin(v * 260);
  return [40 + t, 80 + t, 30 + t];
};
const facade = (u: number, v: number, noise: number): [number, number, number] => {
  const window = (u * 24) % 1 < 0.35 && (v * 14) % 1 < 0.4;
  const t = window ? 60 : 215;
  return [t + 8 * noise, t - 4 + 8 * noise, t - 12 + 8 * noise];
};

test('a building with the sky showing only through a narrow gap in the leaves at the top: the sky is found', () => {
  // the facade fills the right, leaves hang over the top left but for a gap, a lawn at the bottom
  const image = draw(640, 420, (u, v, noise) => {
    if (u > 0.4) return facade(u, v, noise);
    if (v > 0.72) return leaves(u, v, noise);
    if (v < 0.16 && !(u > 0.18 && u < 0.24)) return leaves(u, v, noise);
    return daySky(v);
  });
  const raster = analysisRaster(image);
  const sky = skyMask(raster);
  const { width: w, height: h } = raster;
  assert.ok(boxMean(sky, w, h, 0.03, 0.2, 0.37, 0.68) > 0.9, `the sky below the leaves: ${boxMean(sky, w, h, 0.03, 0.2, 0.37, 0.68)}`);
  assert.ok(boxMean(sky, w, h, 0.19, 0, 0.23, 0.15) > 0.8, 'the gap itself');
  assert.ok(boxMean(sky, w, h, 0.45, 0, 1, 1) < 0.01, 'the facade is not sky');
  assert.ok(boxMean(sky, w, h, 0, 0.75, 0.4, 1) < 0.01, 'the lawn is not sky');
});

test('a blue sign hung at the side of a wall is not sky', () => {
  // a flat saturated blue panel reaching the left edge in the upper part of a textured wall
  const image = draw(640, 420, (u, v, noise) => {
    if (u < 0.3 && v > 0.1 && v < 0.4) return [30, 70, 200];
    return facade(u, v, noise);
  });
  const raster = analysisRaster(image);
  assert.ok(boxMean(skyMask(raster), raster.width, raster.height, 0, 0, 1, 1) < 0.01);
});

// black and white: grey is all colour can say, of a sky and of a wall alike
const grey = (t: number): [number, number, number] => [t, t, t];
/** A corridor's wall under a strip of dark ceiling (in perspective), a doorway on its left, down to a baseboard that slants in perspective, lit from above. */
function corridor(u: number, v: number, noise: number): [number, number, number] {
  if (v < 0.06 - 0.1 * u) return grey(55 + 10 * noise);
  if (u < 0.15) return grey(45 + 40 * noise);
  if (v > 0.78 + 0.12 * u) return grey(85 + 30 * noise);
  return grey(205 - 45 * v + 3 * noise);
}

test('black and white: a lit wall that comes down to the floor is not sky; a grey sky over low land is', () => {
  const wall = analysisRaster(draw(640, 420, corridor));
  assert.ok(boxMean(skyMask(wall), wall.width, wall.height, 0, 0, 1, 1) < 0.01, `the wall read as sky: ${boxMean(skyMask(wall), wall.width, wall.height, 0, 0, 1, 1)}`);
  // the same grey, over a low horizon: an overcast sky brightens towards it
  const open = analysisRaster(draw(640, 420, (u, v, noise) => (v > 0.75 ? grey(50 + 100 * noise) : grey(170 + 45 * v + 3 * noise))));
  assert.ok(boxMean(skyMask(open), open.width, open.height, 0, 0, 1, 0.7) > 0.9, `the sky: ${boxMean(skyMask(open), open.width, open.height, 0, 0, 1, 0.7)}`);
});

/** A person's head and shoulders (a disc and a rounded block) in front of `behind`. */
function portrait(behind: Paint): { image: RgbImage; person: (u: number, v: number) => boolean } {
  const person = (u: number, v: number) => Math.hypot((u - 0.5) * 1.5, v - 0.38) < 0.17 || (v > 0.6 && Math.abs(u - 0.5) < 0.45 - 0.3 * Math.max(0, 0.8 - v));
  const image = draw(600, 450, (u, v, noise) => (person(u, v) ? [150 + 20 * noise, 40 + 20 * noise, 45] : behind(u, v, noise)));
  return { image, person };
}

function peopleMask(person: (u: number, v: number) => boolean, w: number, h: number): Float32Array {
  const mask = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) mask[y * w + x] = person((x + 0.5) / w, (y + 0.5) / h) ? 1 : 0;
  return mask;
}

test('a portrait on a flat blue-grey studio backdrop: the backdrop is not sky', () => {
  // a mottled backdrop, lit a little brighter behind the head, as studio backdrops are
  const { image, person } = portrait((u, v, noise) => {
    const lift = 18 * Math.exp(-((u - 0.5) ** 2 + (v - 0.4) ** 2) * 6);
    return [110 + lift + 6 * noise, 135 + lift + 6 * noise, 175 + lift + 6 * noise];
  });
  const raster = analysisRaster(image);
  const { width: w, height: h } = raster;
  const pixelsOnly = skyMask(raster);
  // the pixels alone cannot tell: the backdrop is as smooth and cool as an overcast sky
  assert.ok(boxMean(pixelsOnly, w, h, 0, 0, 0.2, 0.5) > 0.5, 'the finder sees a sky-like region (the case under test)');
  const sky = withoutBackdrop(raster, pixelsOnly, peopleMask(person, w, h)) ?? pixelsOnly;
  assert.ok(boxMean(sky, w, h, 0, 0, 1, 1) < 0.01, `no sky left: ${boxMean(sky, w, h, 0, 0, 1, 1)}`);
});

test('a person standing in front of the sky with land beside them: the sky stays', () => {
  const { image, person } = portrait((u, v, noise) => (v > 0.55 ? leaves(u, v, noise) : [200 + 30 * v, 205 + 30 * v, 212 + 25 * v]));
  const raster = analysisRaster(image);
  const { width: w, height: h } = raster;
  const found = skyMask(raster);
  const sky = withoutBackdrop(raster, found, peopleMask(person, w, h)) ?? found;
  assert.ok(boxMean(sky, w, h, 0, 0, 0.25, 0.5) > 0.9, `the sky beside the head: ${boxMean(sky, w, h, 0, 0, 0.25, 0.5)}`);
});

test('the real building photo: its sky, seen past the branches and beside the facade, is found', async () => {
  const { data, info } = await sharp('test/fixtures/images/building.jpg').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raster = analysisRaster({ width: info.width, height: info.height, data });
  const sky = skyMask(raster);
  const { width: w, height: h } = raster;
  assert.ok(boxMean(sky, w, h, 0.02, 0.3, 0.12, 0.5) > 0.8, `the sky left of the facade: ${boxMean(sky, w, h, 0.02, 0.3, 0.12, 0.5)}`);
  assert.ok(boxMean(sky, w, h, 0.3, 0, 1, 1) < 0.01, 'the facade is not sky');
  assert.ok(boxMean(sky, w, h, 0, 0.65, 1, 1) < 0.01, 'the trees and lawn are not sky');
});
