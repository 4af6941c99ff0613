/**
 * Water of every colour: a real bay under a bridge (dark, barely blue, its shore well below the
 * horizon), a grey-brown lake under a pale sky (neither blue nor the sky's colour), and what is
 * not water — scattered blue flecks in a textured land, a grey road between fields.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import type { Scene } from '../../../src/engine/scene.js';
import { seededNoise } from '../../helpers/seeded-noise.js';

const GOLDEN_GATE = new URL('../../fixtures/images/golden-gate.jpg', import.meta.url);

function regionMean(s: Scene, map: 'sky' | 'water', x0: number, y0: number, x1: number, y1: number): number {
  const { width: w, height: h } = s.maps;
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * h); y < Math.ceil(y1 * h); y++) for (let x = Math.floor(x0 * w); x < Math.ceil(x1 * w); x++, n++) sum += s.maps[map][y * w + x]!;
  return sum / n;
}


/** A w×h picture painted by `paint(x, y, rnd)` → [r, g, b] in 0…255. */
async function painted(w: number, h: number, paint: (x: number, y: number, rnd: () => number) => [number, number, number]): Promise<Buffer> {
  const data = Buffer.alloc(w * h * 3);
  const rnd = seededNoise(7);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const rgb = paint(x, y, rnd);
      for (let c = 0; c < 3; c++) data[(y * w + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(rgb[c]!)));
    }
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

const W = 720;
const H = 480;
/** A pale blue sky above 0.4, a dark textured far shore to 0.46. */
function skyAndShore(x: number, y: number, rnd: () => number): [number, number, number] | null {
  const v = y / H;
  if (v < 0.4) return [150 + 40 * v, 180 + 40 * v, 225];
  if (v < 0.46) {
    const t = 60 * rnd() + 30 * Math.sin(x * 0.9);
    return [50 + t, 65 + t, 40 + t];
  }
  return null;
}

test('golden-gate.jpg: the bay under the bridge is water; the sky, the tower and the far hills are not', async () => {
  const s = await analyzeImage(await readFile(GOLDEN_GATE));
  assert.ok(s.tags.includes('water'), `tags: ${s.tags}`);
  assert.ok(regionMean(s, 'water', 0.75, 0.65, 1, 1) > 0.8, `the bay right of the tower's reflection: ${regionMean(s, 'water', 0.75, 0.65, 1, 1)}`);
  assert.ok(regionMean(s, 'water', 0, 0, 1, 0.35) < 0.01, 'no water in the sky');
  assert.ok(regionMean(s, 'water', 0.05, 0, 0.2, 1) < 0.02, `no water on the near tower: ${regionMean(s, 'water', 0.05, 0, 0.2, 1)}`);
  assert.ok(regionMean(s, 'water', 0.5, 0.45, 1, 0.55) < 0.05, `no water on the far hills: ${regionMean(s, 'water', 0.5, 0.45, 1, 0.55)}`);
});

test('a grey-brown lake under a pale sky is water; the sand of its beach is not', async () => {
  const picture = await painted(W, H, (x, y, rnd) => {
    const top = skyAndShore(x, y, rnd);
    if (top) return top;
    // a sandy beach in the lower-left corner, below a diagonal shoreline
    if (y / H > 0.75 && x / W < 0.45 - (1 - y / H)) {
      const t = 18 * rnd();
      return [200 + t, 165 + t, 105 + t];
    }
    // warm grey water, rippled sideways (rows of waves)
    const ripple = 8 * Math.sin(y * 0.5 + 0.2 * Math.sin(x * 0.04)) + 3 * rnd();
    return [150 + ripple, 140 + ripple, 128 + ripple];
  });
  const s = await analyzeImage(picture);
  assert.ok(regionMean(s, 'water', 0.5, 0.5, 1, 1) > 0.7, `the lake: ${regionMean(s, 'water', 0.5, 0.5, 1, 1)}`);
  assert.ok(regionMean(s, 'water', 0, 0.9, 0.3, 1) < 0.1, `the beach: ${regionMean(s, 'water', 0, 0.9, 0.3, 1)}`);
  assert.ok(regionMean(s, 'water', 0, 0, 1, 0.38) < 0.01, 'no water in the sky');
  assert.ok(s.tags.includes('water'), `tags: ${s.tags}`);
});

test('scattered blue flecks in a textured land are not a body of water', async () => {
  const picture = await painted(W, H, (x, y, rnd) => {
    const top = skyAndShore(x, y, rnd);
    if (top) return top;
    // 5×4 rippled blue pools (each 1 % of the picture, 19 % together) in rough ground
    const cx = (x / W) * 5 % 1;
    const cy = ((y / H - 0.46) / 0.54) * 4 % 1;
    if (Math.abs(cx - 0.5) < 0.3 && Math.abs(cy - 0.5) < 0.3) {
      const ripple = 12 * Math.sin(y * 1.3) + 3 * rnd();
      return [70 + ripple, 115 + ripple, 175 + ripple];
    }
    const t = 70 * rnd();
    return [95 + t, 85 + t, 60 + t];
  });
  const s = await analyzeImage(picture);
  assert.ok(regionMean(s, 'water', 0, 0, 1, 1) < 0.01, `water: ${regionMean(s, 'water', 0, 0, 1, 1)}`);
  assert.ok(!s.tags.includes('water'), `tags: ${s.tags}`);
});

test('a grey road between fields, narrowing to the horizon, is not water', async () => {
  const picture = await painted(W, H, (x, y, rnd) => {
    const top = skyAndShore(x, y, rnd);
    if (top) return top;
    const depth = (y / H - 0.46) / 0.54; // 0 at the far end, 1 at the bottom
    const halfWidth = 0.03 + 0.3 * depth;
    if (Math.abs(x / W - 0.5) < halfWidth) {
      const t = 25 * rnd();
      return [118 + t, 118 + t, 122 + t];
    }
    const t = 60 * rnd();
    return [80 + t, 140 + t, 50 + t];
  });
  const s = await analyzeImage(picture);
  assert.ok(regionMean(s, 'water', 0, 0, 1, 1) < 0.01, `water: ${regionMean(s, 'water', 0, 0, 1, 1)}`);
});
