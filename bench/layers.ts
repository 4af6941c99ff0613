/**
 * The layered scene (issue 11): per fixture, the cost of each stage — segmentation (the subject
 * matte, with its colour refinement), layering (the depth split at its discontinuities), synthesis
 * of the background behind the subject at 1080p (setup of a truck shot, which also resizes and
 * fits; the single-sheet setup of the same shot beside it), outpainting a 10 % margin at 1080p —
 * and one second of 1080p truck frames rendered layered vs as the single sheet (ratio: the price
 * of compositing two layers), as wall and as CPU time (the render workers' too: steadier on a busy
 * machine). Medians of 3, after a warm-up.
 *
 *   npm run bench -- layers
 */
import { readFile } from 'node:fs/promises';
import { analyzeImage } from '../src/engine/analyze/index.js';
import { depthBands, depthJumps } from '../src/engine/analyze/layers/depth-bands.js';
import { subjectMatte } from '../src/engine/analyze/layers/subject-matte.js';
import { analysisRaster } from '../src/engine/analyze/analysis-raster.js';
import { prepareSetup } from '../src/engine/picture/setup/prepare.js';
import { outpaint } from '../src/engine/picture/setup/outpaint.js';
import { closePicturePool, renderPicture } from '../src/engine/picture/index.js';
import type { Scene } from '../src/engine/scene.js';
import { picturePlan } from '../test/helpers/picture-plan.js';
import type { Row } from './table.js';
import { fixture } from '../test/helpers/fixtures.js';

const NAMES = ['night-launchpad.jpg', 'portrait-astronaut.png', 'nature-butterfly.jpg', 'street-old-town.jpg'];

async function median(f: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return Math.round(times.sort((a, b) => a - b)[1]!);
}

/** One render's wall and CPU time (ms; CPU of every thread of this process, the render workers' too). */
async function renderTimes(plan: ReturnType<typeof picturePlan>, scene: Scene): Promise<{ wall: number; cpu: number }> {
  const t = performance.now(), c = process.cpuUsage();
  await renderPicture(plan, scene, { onFrame: () => undefined });
  const used = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

/** Medians of 3 renders' wall and CPU times. */
async function renderMedians(plan: ReturnType<typeof picturePlan>, scene: Scene): Promise<{ wall: number; cpu: number }> {
  const runs = [await renderTimes(plan, scene), await renderTimes(plan, scene), await renderTimes(plan, scene)];
  const mid = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[1]!);
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}

export async function benchLayers(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const name of NAMES) {
    const bytes = await readFile(fixture(name)).catch(() => null);
    if (!bytes) continue;
    const scene = await analyzeImage(bytes);
    const m = scene.maps, colours = analysisRaster(scene.image);
    const jumps = depthJumps(m.depth, m.width, m.height);
    const layering = await median(() => depthBands(m.depth, m.width, m.height));
    const { cuts } = depthBands(m.depth, m.width, m.height);
    const segmentation = await median(() => subjectMatte({ depth: m.depth, people: m.people, peopleSource: scene.layers?.matteSource === 'segmentation' ? 'segmentation' : 'faces', jumps, width: m.width, height: m.height, subject: scene.subject, cuts, colours, saliency: m.saliency, sky: m.sky }));
    const size = { width: 1920, height: 1080, duration: 1 };
    const truck = picturePlan({ ...size, moves: ['truck_left'], end: { truck: 0.05 } });
    const flat = { ...scene, layers: undefined };
    const layeredSetup = await median(() => prepareSetup(truck, scene));
    const sheetSetup = await median(() => prepareSetup(truck, flat));
    const picture = new Uint8Array(1920 * 1080 * 4).fill(128);
    const outpaintMs = await median(() => outpaint(picture, 1920, 1080, 192, 108, 1));
    await renderTimes(truck, scene); // warm the pool
    const layered = await renderMedians(truck, scene);
    const sheet = await renderMedians(truck, flat);
    rows.push({
      image: name,
      layers: scene.layers?.bands.length ?? 0,
      matte: scene.layers?.matteSource ?? 'none',
      'segmentation ms': segmentation,
      'layering ms': layering,
      'setup 1080p layered ms (synthesis)': layeredSetup,
      'setup 1080p single ms': sheetSetup,
      'outpaint 10 % 1080p ms': outpaintMs,
      '24 frames 1080p layered ms': layered.wall,
      '24 frames single ms': sheet.wall,
      'render ratio': (layered.wall / sheet.wall).toFixed(2),
      // CPU time is steadier than wall when the machine is busy
      'layered CPU ms': layered.cpu,
      'single CPU ms': sheet.cpu,
      'CPU ratio': (layered.cpu / sheet.cpu).toFixed(2),
    });
  }
  await closePicturePool();
  return rows;
}
