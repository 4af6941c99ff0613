/**
 * The render pool: frames arrive in order under backpressure, an abort stops a render promptly
 * and leaves the pool usable, a finished render doesn't keep the process alive, and a setup task
 * run on a worker gives what it gives on this thread (the margin; the objects the background's
 * synthesis behind a subject never copies, which layers.ts has a worker find while it reads the
 * border's regions).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { closePicturePool, renderPicture, warmPicturePool } from '../../../src/engine/picture/index.js';
import { picturePool } from '../../../src/engine/picture/pool/pool.js';
import { footprintAny, marginCanvas, outpaint } from '../../../src/engine/picture/setup/outpaint.js';
import { sourceObjects } from '../../../src/engine/picture/setup/synthesize.js';
import { fixture } from '../../helpers/fixtures.js';
import { fixtureScene } from '../../helpers/fixture-scene.js';
import { pictureEffect, picturePlan } from '../../helpers/picture-plan.js';

after(closePicturePool);

test('frames arrive in order even when the consumer is slow', async () => {
  await warmPicturePool();
  const scene = await fixtureScene('cat-closeup.png');
  const plan = picturePlan({ width: 192, height: 128, duration: 1, end: { zoom: 1.2 }, effects: [pictureEffect('rain')] });
  const seen: number[] = [];
  await renderPicture(plan, scene, {
    onFrame: async (_frame, index) => {
      seen.push(index);
      if (index % 5 === 0) await new Promise((r) => setTimeout(r, 15));
    },
  });
  assert.deepEqual(seen, Array.from({ length: 24 }, (_, i) => i));
});

test('an abort stops the render promptly and the pool keeps working', async () => {
  const scene = await fixtureScene('cat-closeup.png');
  const plan = picturePlan({ width: 192, height: 128, duration: 10, end: { zoom: 1.2 } });
  const controller = new AbortController();
  let frames = 0;
  const started = performance.now();
  await assert.rejects(
    renderPicture(plan, scene, {
      signal: controller.signal,
      onFrame: () => { if (++frames === 5) controller.abort(); },
    }),
    (err: Error) => err.name === 'AbortError',
  );
  assert.ok(frames < 10, `stopped after ${frames} frames`);
  assert.ok(performance.now() - started < 5000, 'promptly');
  let again = 0;
  await renderPicture(picturePlan({ width: 192, height: 128, duration: 0.25 }), scene, { onFrame: () => { again++; } });
  assert.equal(again, 6);
});

test('a process that rendered exits on its own (idle workers do not hold it)', async () => {
  const root = new URL('../../..', import.meta.url);
  const script = `
    import { renderPicture } from '${new URL('src/engine/picture/index.ts', root).href}';
    import { fixtureScene } from '${new URL('test/helpers/fixture-scene.ts', root).href}';
    import { picturePlan } from '${new URL('test/helpers/picture-plan.ts', root).href}';
    const scene = await fixtureScene('cat-closeup.png');
    let n = 0;
    await renderPicture(picturePlan({ width: 96, height: 64, duration: 0.25, end: { zoom: 1.1 } }), scene, { onFrame: () => { n++; } });
    console.log('frames', n);
  `;
  const dir = await mkdtemp(join(tmpdir(), 'moviola-pool-'));
  try {
    const file = join(dir, 'render-and-exit.mts');
    await writeFile(file, script);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root.pathname, timeout: 60_000, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /frames 6/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the margin outpainted on a worker is the one outpainted here, byte for byte', async () => {
  const W = 160, H = 96, mx = 24, my = 14;
  const picture = new Uint8Array(await sharp(fixture('street-old-town.jpg')).resize(W, H).ensureAlpha().raw().toBuffer());
  const exclude = new Uint8Array(W * H);
  for (let y = 30; y < 70; y++) exclude.fill(1, y * W + 60, y * W + 100); // a subject's hole, never copied
  const nearness = Uint8Array.from({ length: W * H }, (_, i) => Math.round((255 * Math.floor(i / W)) / H));
  const here = await outpaint(picture, W, H, mx, my, 5, exclude, { nearness });
  const margin = await marginCanvas(picture, W, H, mx, my);
  const there = await (await picturePool()).task('paintMargin', { margin, seed: 5, exclude, maps: { nearness } }); // (the canvas is shared memory: painted in place there)
  assert.ok(Buffer.from(here.canvas).equals(Buffer.from(there.canvas)), 'the same margin');
  assert.deepEqual(there.from, here.from);
});

test('the objects behind a subject found on a worker are the ones found here, byte for byte', async () => {
  const W = 240, H = 144, w = 80, h = 48;
  const picture = new Uint8Array(await sharp(fixture('street-old-town.jpg')).resize(W, H).ensureAlpha().raw().toBuffer());
  const img = new Uint8Array(await sharp(picture, { raw: { width: W, height: H, channels: 4 } }).resize(w, h).raw().toBuffer());
  const hole = new Uint8Array(W * H);
  for (let y = 40; y < 120; y++) hole.fill(1, y * W + 90, y * W + 150); // the subject's hole
  const sHole = footprintAny(hole, W, H, w, h);
  for (const seed of [2, 9]) {
    const here = sourceObjects(img, 4, w, h, sHole, seed);
    assert.ok(here.some((v) => v) && here.some((v) => !v), 'some objects, not all');
    const there = await (await picturePool()).task('sourceObjects', { img, channels: 4, w, h, hole: sHole, seed });
    assert.ok(Buffer.from(there.objects).equals(Buffer.from(here)), `seed ${seed}: the same objects`);
  }
});
