/**
 * A Scene from a real fixture photograph, with the analysis maps faked from simple geometry —
 * for renderer tests that need real texture (for motion measurement) before or without analyze.
 *
 * Fake maps (normalised y, 0 = top): nearness is a vertical gradient (0.05 at the top → 0.85 at
 * the bottom) plus a soft blob at the centre (+0.3); sky is the top 30 %; water the bottom 22 %;
 * foliage the left 20 % between them; one light at (0.75, 0.2). All soft-edged.
 *
 * @example const scene = await fixtureScene('street-old-town.jpg');
 */
import sharp from 'sharp';
import type { Scene } from '../../src/engine/scene.js';
import { FIXTURE_DIR } from './fixtures.js';

const smooth = (e0: number, e1: number, x: number) => {
  const t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

export async function fixtureScene(name: string, options: { mapsLongSide?: number } = {}): Promise<Scene> {
  const { data, info } = await sharp(FIXTURE_DIR + name).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const long = options.mapsLongSide ?? 256;
  const s = long / Math.max(info.width, info.height);
  const mw = Math.max(8, Math.round(info.width * s)), mh = Math.max(8, Math.round(info.height * s));
  const n = mw * mh;
  const maps = {
    width: mw, height: mh,
    depth: new Float32Array(n), sky: new Float32Array(n), water: new Float32Array(n), foliage: new Float32Array(n),
    lights: new Float32Array(n), saliency: new Float32Array(n), people: new Float32Array(n),
  };
  for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) {
    const u = (x + 0.5) / mw, v = (y + 0.5) / mh, i = y * mw + x;
    const blob = Math.exp(-(((u - 0.5) / 0.15) ** 2 + ((v - 0.55) / 0.2) ** 2));
    maps.depth[i] = Math.min(1, 0.05 + 0.8 * v + 0.3 * blob);
    maps.sky[i] = 1 - smooth(0.26, 0.34, v);
    maps.water[i] = smooth(0.74, 0.8, v);
    maps.foliage[i] = (1 - smooth(0.17, 0.23, u)) * smooth(0.34, 0.4, v) * (1 - smooth(0.72, 0.78, v));
    maps.lights[i] = 1 - smooth(0.02, 0.045, Math.hypot((u - 0.75) * mw / mh, v - 0.2));
    maps.saliency[i] = blob;
  }
  let sum = 0;
  for (let i = 0; i < data.length; i += 3) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  const meanLuma = sum / (data.length / 3) / 255;
  return {
    hash: `fixture:${name}`,
    format: name.endsWith('.png') ? 'png' : 'jpeg',
    image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) },
    stats: {
      meanLuma, medianLuma: meanLuma, contrast: 0.2, meanRgb: [128, 128, 128], saturation: 0.3, warmth: 0,
      sharpness: 0.1, highlights: 0.02, shadows: 0.02,
    },
    maps,
    horizon: 0.3,
    subject: { x: 0.35, y: 0.35, w: 0.3, h: 0.4 },
    lights: [{ x: 0.75, y: 0.2, radius: 0.03, brightness: 0.9, color: [255, 220, 170] }],
    faces: [],
    tags: ['outdoor', 'sky', 'water', 'foliage', 'lights'],
  };
}
