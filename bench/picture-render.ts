/**
 * Micro-benchmark of the picture stage alone (no encoder): frames/s at 1080p for a few plans.
 * Prints a table; asserts nothing. Run: node --import tsx bench/picture-render.ts [frames]
 */
import { fixtureScene } from '../test/helpers/fixture-scene.js';
import { picturePlan, pictureEffect } from '../test/helpers/picture-plan.js';
import { renderPicture, warmPicturePool, closePicturePool } from '../src/engine/picture/index.js';
import type { ShotPlan } from '../src/engine/plan.js';

const frames = Number(process.argv[2] ?? 120);
const duration = frames / 24;
const size = { width: 1920, height: 1080, duration };
const only = process.argv[3];
const cases: Array<[string, ShotPlan]> = [
  ['static', picturePlan({ ...size })],
  ['push_in + parallax', picturePlan({ ...size, moves: ['push_in'], end: { zoom: 1.15, dolly: 0.1, truck: 0.02 } })],
  ['push_in + rain + fog', picturePlan({ ...size, moves: ['push_in'], end: { zoom: 1.15, dolly: 0.1 }, effects: [pictureEffect('rain'), pictureEffect('fog', { intensity: 0.5 })] })],
  ['pan_right', picturePlan({ ...size, moves: ['pan_right'], end: { pan: 0.08 } })],
  ['pull_out (outpaint)', picturePlan({ ...size, moves: ['pull_out'], end: { zoom: 0.85 } })],
  ['water + foliage + clouds', picturePlan({ ...size, effects: [pictureEffect('water_shimmer'), pictureEffect('foliage_sway'), pictureEffect('clouds')] })],
  ['snow + dust + light_rays', picturePlan({ ...size, effects: [pictureEffect('snow'), pictureEffect('dust'), pictureEffect('light_rays')] })],
  ['rack focus', picturePlan({ ...size, moves: ['rack_focus'], start: { aperture: 1, focus: 0.9 }, end: { aperture: 1, focus: 0.1 } })],
];

const scene = await fixtureScene('street-old-town.jpg');
await warmPicturePool();
console.log(`picture stage, ${frames} frames of 1920×1080, ${process.env.MOVIOLA_PICTURE_WORKERS ?? 'default'} workers`);
console.log('case'.padEnd(28), 'total ms'.padStart(9), 'fps'.padStart(7), 'cpu ms'.padStart(8));
for (const [name, plan] of cases) {
  if (only && !name.startsWith(only)) continue;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await renderPicture(plan, scene, { onFrame: () => undefined });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log(name.padEnd(28), ms.toFixed(0).padStart(9), (frames / (ms / 1000)).toFixed(1).padStart(7), ((cpu.user + cpu.system) / 1000).toFixed(0).padStart(8));
}
await closePicturePool();
