/**
 * Debug views of a Scene: writes its depth map and masks as PNGs (and the picture beside them in
 * one contact sheet) so a person can look at them. Run directly to dump every fixture to /tmp:
 *
 * @example
 *   node --import tsx test/helpers/scene-debug.ts /tmp/moviola-scene [fixture names…]  # → /tmp/moviola-scene/<fixture>.png
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { analyzeImage, analyzeImageTimed } from '../../src/engine/analyze/index.js';
import { describeScene, type Scene } from '../../src/engine/scene.js';
import { fixture, fixtureNames } from './fixtures.js';


const PANELS = ['depth', 'sky', 'water', 'foliage', 'lights', 'saliency'] as const;

/** One PNG: the picture (subject box drawn in) then each map in grey, in a 4 × 2 grid. */
export async function writeSceneSheet(scene: Scene, path: string): Promise<void> {
  const { width: w, height: h } = scene.maps;
  const tiles: OverlayOptions[] = [];
  const picture = await sharp(scene.image.data, { raw: { width: scene.image.width, height: scene.image.height, channels: 3 } })
    .resize(w, h, { fit: 'fill' })
    .raw()
    .toBuffer();
  const s = scene.subject;
  drawBox(picture, w, h, s.x * w, s.y * h, (s.x + s.w) * w, (s.y + s.h) * h, [255, 0, 255]);
  if (scene.horizon !== null) drawBox(picture, w, h, 0, scene.horizon * h, w - 1, scene.horizon * h, [0, 255, 255]);
  for (const l of scene.lights) drawBox(picture, w, h, (l.x - l.radius) * w, l.y * h - l.radius * w, (l.x + l.radius) * w, l.y * h + l.radius * w, [255, 255, 0]);
  tiles.push({ input: picture, raw: { width: w, height: h, channels: 3 }, left: 0, top: 0 });
  PANELS.forEach((name, k) => {
    const map = scene.maps[name];
    const grey = Buffer.alloc(w * h);
    for (let i = 0; i < w * h; i++) grey[i] = Math.round(Math.max(0, Math.min(1, map[i]!)) * 255);
    const slot = k + 1;
    tiles.push({ input: grey, raw: { width: w, height: h, channels: 1 }, left: (slot % 4) * w, top: Math.floor(slot / 4) * h });
  });
  await sharp({ create: { width: w * 4, height: h * 2, channels: 3, background: { r: 40, g: 0, b: 40 } } })
    .composite(tiles)
    .png()
    .toFile(path);
}

function drawBox(buf: Buffer, w: number, h: number, x0: number, y0: number, x1: number, y1: number, rgb: number[]): void {
  const put = (x: number, y: number) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= w || yi >= h) return;
    buf.set(rgb, (yi * w + xi) * 3);
  };
  for (let x = x0; x <= x1; x++) {
    put(x, y0);
    put(x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    put(x0, y);
    put(x1, y);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ?? '/tmp/moviola-scene';
  await mkdir(out, { recursive: true });
  const names = process.argv.length > 3 ? process.argv.slice(3) : fixtureNames();
  for (const name of names) {
    const bytes = await readFile(name.includes('/') ? name : fixture(name));
    await analyzeImage(bytes); // warm-up, so the timing below is the steady state
    const t = performance.now();
    const { scene, timings, evidence, focusSpread, blurredFraction } = await analyzeImageTimed(bytes);
    const ms = performance.now() - t;
    const file = join(out, basename(name).replace(/\.[^.]+$/, '.png'));
    await writeSceneSheet(scene, file);
    const d = describeScene(scene);
    console.log(`${name.padEnd(24)} ${d.width}×${d.height} ${ms.toFixed(0).padStart(4)} ms  horizon=${d.horizon?.toFixed(2) ?? 'null'} lights=${d.lights.length} tags=${d.tags.join(',')}`);
    console.log('   ', JSON.stringify(timings));
    if (process.env.SHOW_EVIDENCE) {
      const { stats, lights, faces, ...rest } = evidence;
      console.log('   ', JSON.stringify({ ...rest, lights: lights.length, focusSpread, blurredFraction, stats }, (_k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
    }
  }
}
