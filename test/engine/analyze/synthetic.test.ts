/** Generated pictures with known regions: the masks must land where the regions were painted. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import type { Scene } from '../../../src/engine/scene.js';
import { seededNoise } from '../../helpers/seeded-noise.js';

function rowMean(s: Scene, map: 'sky' | 'water' | 'lights' | 'depth', y0: number, y1: number): number {
  const { width: w, height: h } = s.maps;
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * h); y < Math.ceil(y1 * h); y++) for (let x = 0; x < w; x++, n++) sum += s.maps[map][y * w + x]!;
  return sum / n;
}


/** A lake: blue sky to 0.42, a textured dark shore to 0.48, rippled blue water below. */
export async function lake(): Promise<Buffer> {
  const w = 720;
  const h = 480;
  const data = Buffer.alloc(w * h * 3);
  const rnd = seededNoise(3);
  for (let y = 0; y < h; y++) {
    const v = y / h;
    for (let x = 0; x < w; x++) {
      const j = (y * w + x) * 3;
      let rgb: [number, number, number];
      if (v < 0.42) rgb = [110 + 60 * v, 160 + 60 * v, 235];
      else if (v < 0.48) {
        const t = 60 * rnd() + 30 * Math.sin(x * 0.9);
        rgb = [40 + t, 70 + t, 35 + t];
      } else {
        const ripple = 14 * Math.sin(y * 1.3 + 0.15 * Math.sin(x * 0.05)) + 3 * rnd();
        rgb = [70 + ripple, 115 + ripple, 170 + ripple];
      }
      data[j] = Math.max(0, Math.min(255, rgb[0]));
      data[j + 1] = Math.max(0, Math.min(255, rgb[1]));
      data[j + 2] = Math.max(0, Math.min(255, rgb[2]));
    }
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

test('a lake: sky above, water below the shore, the horizon between them', async () => {
  const s = await analyzeImage(await lake());
  assert.ok(rowMean(s, 'sky', 0, 0.38) > 0.8, 'sky in the top');
  assert.ok(rowMean(s, 'sky', 0.5, 1) < 0.02, 'no sky in the water');
  assert.ok(rowMean(s, 'water', 0.55, 1) > 0.6, `water below: ${rowMean(s, 'water', 0.55, 1)}`);
  assert.ok(rowMean(s, 'water', 0, 0.4) < 0.02, 'no water in the sky');
  assert.ok(s.horizon !== null && Math.abs(s.horizon - 0.43) < 0.06, `horizon ${s.horizon}`);
  for (const t of ['outdoor', 'sky', 'water', 'day'] as const) assert.ok(s.tags.includes(t), `${t} in ${s.tags}`);
  assert.ok(rowMean(s, 'depth', 0.85, 1) > rowMean(s, 'depth', 0.5, 0.6) + 0.2, 'the near water is nearer than the far water');
});

test('lamps in the dark: each is found at its place with its colour', async () => {
  const w = 640;
  const h = 400;
  const lamps = [
    { x: 0.2, y: 0.7, rgb: [255, 200, 120] },
    { x: 0.5, y: 0.3, rgb: [200, 220, 255] },
    { x: 0.8, y: 0.6, rgb: [255, 255, 255] },
  ];
  const data = Buffer.alloc(w * h * 3);
  const rnd = seededNoise(9);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const j = (y * w + x) * 3;
      let rgb = [20 + 6 * rnd(), 22 + 6 * rnd(), 30 + 6 * rnd()];
      for (const l of lamps) {
        const d = Math.hypot(x - l.x * w, y - l.y * h);
        if (d < 7) rgb = l.rgb;
        else if (d < 25) rgb = rgb.map((c, k) => c + (l.rgb[k]! - c) * 0.35 * (1 - (d - 7) / 18));
      }
      data.set(rgb.map((c) => Math.max(0, Math.min(255, Math.round(c)))), j);
    }
  }
  const s = await analyzeImage(await sharp(data, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer());
  assert.equal(s.lights.length, 3, JSON.stringify(s.lights));
  for (const lamp of lamps) {
    const found = s.lights.find((l) => Math.hypot(l.x - lamp.x, l.y - lamp.y) < 0.03);
    assert.ok(found, `lamp at ${lamp.x},${lamp.y}: ${JSON.stringify(s.lights)}`);
    assert.ok(found.brightness > 0.8);
    assert.ok(found.radius > 0.004 && found.radius < 0.05, `radius ${found.radius}`);
    // its colour: the warm lamp is redder than blue, the cool one bluer than red
    if (lamp.rgb[0]! > lamp.rgb[2]!) assert.ok(found.color[0] > found.color[2] + 30, String(found.color));
    if (lamp.rgb[2]! > lamp.rgb[0]!) assert.ok(found.color[2] > found.color[0] + 20, String(found.color));
  }
  assert.ok(s.tags.includes('low_key') && s.tags.includes('lights') && !s.tags.includes('sky'), s.tags.join());
});

test('a city at night: a black sky above lit buildings is still sky, and the windows are lights', async () => {
  const w = 720;
  const h = 480;
  const data = Buffer.alloc(w * h * 3);
  const rnd = seededNoise(11);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = y / h;
      // a skyline: blocks of varying height between 0.45 and 0.6 of the frame
      const roof = 0.45 + 0.15 * (((x / 90) | 0) % 3) / 2;
      let rgb: number[];
      if (v < roof) rgb = [6 + 3 * rnd(), 7 + 3 * rnd(), 12 + 3 * rnd()];
      else if (v < 0.85) {
        const lit = x % 30 > 18 && y % 28 > 16 && ((x * 7 + y * 13) >> 5) % 3 === 0;
        rgb = lit ? [255, 225, 150] : [35 + 10 * rnd(), 33 + 10 * rnd(), 38 + 10 * rnd()];
      } else rgb = [50 + 25 * rnd(), 48 + 25 * rnd(), 45 + 25 * rnd()];
      data.set(rgb.map((c) => Math.max(0, Math.min(255, Math.round(c)))), (y * w + x) * 3);
    }
  }
  const s = await analyzeImage(await sharp(data, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
  assert.ok(rowMean(s, 'sky', 0, 0.4) > 0.7, `sky at the top: ${rowMean(s, 'sky', 0, 0.4)}`);
  assert.ok(rowMean(s, 'sky', 0.65, 1) < 0.01, 'no sky on the buildings or the street');
  for (const t of ['outdoor', 'night', 'sky'] as const) assert.ok(s.tags.includes(t), `${t} in ${s.tags}`);
  assert.ok(!s.tags.includes('space'), s.tags.join());
  assert.ok(s.lights.length >= 5 && s.tags.includes('lights'), `${s.lights.length} lights, ${s.tags}`);
  for (const l of s.lights) assert.ok(l.y > 0.45 && l.y < 0.85 && l.color[0] > l.color[2], JSON.stringify(l));
  assert.ok(rowMean(s, 'depth', 0, 0.4) < rowMean(s, 'depth', 0.85, 1) - 0.3, 'the sky is behind the street');
});

test('a grey picture is flat and monochrome, with no regions', async () => {
  const w = 500;
  const h = 400;
  const data = Buffer.alloc(w * h * 3);
  const rnd = seededNoise(5);
  for (let i = 0; i < w * h; i++) data.fill(Math.round(128 + 4 * rnd()), i * 3, i * 3 + 3);
  const s = await analyzeImage(await sharp(data, { raw: { width: w, height: h, channels: 3 } }).jpeg().toBuffer());
  assert.ok(s.tags.includes('monochrome') && s.tags.includes('flat'), s.tags.join());
  assert.equal(s.lights.length, 0);
  assert.ok(rowMean(s, 'sky', 0, 1) < 0.01 && rowMean(s, 'water', 0, 1) < 0.01);
});
