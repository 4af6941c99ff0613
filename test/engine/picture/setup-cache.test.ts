/**
 * The per-picture setup kept between renders of one picture (src/engine/picture/setup/setup-cache.ts).
 * A drawn picture: a near, textured box (the subject, with its matte) before a far, textured
 * background. A truck right after a truck left (the same parallax, so the same synthesis band)
 * reuses the cut, its nearness and the background, and renders the same frames, byte for byte, as
 * with nothing kept; another seed reuses the cut but synthesises its own background, again the
 * same frames as with nothing kept. A pull-out graded otherwise reaches as far (the same margin)
 * and reuses the outpainted margin, with the same frames as with nothing kept (another seed: its own margin). The cache stays
 * within its byte budget, the least recently used out first. The layers are made in shared memory, so a
 * second setup hands the kept ones to the render workers as they are (not a copy per setup).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Scene } from '../../../src/engine/scene.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { setupCache, SetupCache } from '../../../src/engine/picture/setup/setup-cache.js';
import { prepareSetup } from '../../../src/engine/picture/setup/prepare.js';
import { pictureFit } from '../../../src/engine/picture/setup/fit.js';
import type { LayerInput } from '../../../src/engine/picture/setup/layers.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { seededNoise } from '../../helpers/seeded-noise.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';

after(closePicturePool);

const W = 320, H = 180;

/** the drawn picture: a warm box (near) before cool stripes (far), both grainy; the box is the matte */
function drawnScene(): Scene {
  const scene = makeScene({ width: W, height: H, depth: 'subject' });
  const noise = seededNoise(5), data = scene.image.data, matte = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x, g = 40 * noise();
    const box = scene.maps.depth[i]! > 0.5;
    matte[i] = box ? 1 : 0;
    const rgb = box ? [200 + g, 140 + g, 110 + g] : [90 + 30 * Math.sin(x / 9) + g, 120 + g, 170 + 20 * Math.cos(y / 7) + g];
    for (let k = 0; k < 3; k++) data[i * 3 + k] = Math.round(Math.min(255, Math.max(0, rgb[k]!)));
  }
  const box = scene.subject;
  return {
    ...scene,
    layers: {
      bands: [{ far: 0.5, near: 1, share: 0.11 }, { far: 0, near: 0.5, share: 0.89 }], cuts: [{ at: 0.5, score: 1 }],
      matte, matteSource: 'depth', subjects: [box], subjectDepth: 0.85, backgroundDepth: 0.2,
    },
  };
}

const truck = (side: 'left' | 'right', seed: number) =>
  picturePlan({ width: W, height: H, duration: 0.5, seed, moves: [`truck_${side}`], end: { truck: side === 'right' ? 0.06 : -0.06 } });

function assertSameFrames(a: Uint8Array[], b: Uint8Array[], label: string): void {
  assert.equal(a.length, b.length, `${label}: frame count`);
  a.forEach((frame, i) => assert.ok(Buffer.from(frame).equals(Buffer.from(b[i]!)), `${label}: frame ${i} differs from the render with nothing kept`));
}

test('a second move of one picture reuses its layered scene and renders the same frames as with nothing kept; another seed synthesises its own background', { timeout: 300_000 }, async () => {
  const scene = drawnScene();
  setupCache.clear();
  assert.ok((await prepareSetup(truck('right', 42), scene)).layers, 'the truck is rendered layered (else nothing is kept)');
  setupCache.clear();

  await renderAll(truck('left', 42), scene);
  let hits = setupCache.hits;
  const warm = await renderAll(truck('right', 42), scene);
  // (a truck this long travels past the overscan budget's zoom: it looks beyond the picture, into an outpainted margin)
  assert.equal(setupCache.hits - hits, 5, 'the truck right reuses the cut, its nearness, the background, what the margin never copies and the margin of the truck left');
  hits = setupCache.hits;
  const otherSeed = await renderAll(truck('right', 43), scene);
  assert.equal(setupCache.hits - hits, 2, 'another seed reuses the cut and its nearness, not the background or the margin');

  setupCache.clear();
  assertSameFrames(warm, await renderAll(truck('right', 42), scene), 'seed 42');
  setupCache.clear();
  assertSameFrames(otherSeed, await renderAll(truck('right', 43), scene), 'seed 43');
});

test('a pull-out graded otherwise reuses the outpainted margin and renders the same frames as with nothing kept', { timeout: 300_000 }, async () => {
  const scene = drawnScene();
  const pullOut = (saturation: number, seed = 42) => picturePlan({ width: W, height: H, duration: 0.5, seed, moves: ['pull_out'], grade: { saturation }, end: { zoom: 0.8 } });
  setupCache.clear();
  const setup = await prepareSetup(pullOut(1), scene);
  assert.ok(setup.marginX > 0 && setup.marginY > 0, 'the pull-out is outpainted (else nothing is kept)');
  const hits = setupCache.hits;
  const warm = await renderAll(pullOut(0.7), scene);
  assert.ok(setupCache.hits > hits, 'the margin (and any layers) of the first pull-out are reused');
  const otherSeed = await renderAll(pullOut(0.7, 43), scene);
  setupCache.clear();
  assertSameFrames(warm, await renderAll(pullOut(0.7), scene), 'pull-out');
  setupCache.clear();
  assertSameFrames(otherSeed, await renderAll(pullOut(0.7, 43), scene), 'pull-out, seed 43');
});

test('the cache keeps within its byte budget, the least recently used out first', { timeout: 120_000 }, async () => {
  const scene = drawnScene();
  const input = (w: number, h: number): LayerInput => ({
    scene, picture: new Uint8Array(w * h * 4).fill(128), width: w, height: h, fit: pictureFit(W, H, w, h), parallax: 12, seed: 1, segments: [],
  });
  // room for one size's cut, nearness and background (13 bytes a pixel), not two
  const budget = 13 * W * H + 1000;
  const cache = new SetupCache(budget);
  for (const [w, h] of [[W, H], [240, 135]] as const) {
    const cut = await cache.cut(input(w, h));
    assert.ok(cut, `a cut at ${w}×${h}`);
    await cache.layers(input(w, h), cut);
    await cut.nearness;
    assert.ok(cache.bytes <= budget, `${cache.bytes} bytes kept, over the budget of ${budget}`);
  }
  const hits = cache.hits;
  await cache.cut(input(240, 135));
  assert.equal(cache.hits, hits + 2, 'the latest size is kept (its cut and nearness)');
  await cache.cut(input(W, H));
  assert.equal(cache.hits, hits + 2, 'the first size was let go');
});

test('the layers are made in shared memory: a setup hands the kept ones to the render workers as they are, not a copy each', { timeout: 120_000 }, async () => {
  const scene = drawnScene();
  // a short truck: parallax (so layers) within the overscan's zoom (so no margin: the kept layers are the frame's own)
  const shortTruck = picturePlan({ width: W, height: H, duration: 0.5, seed: 42, moves: ['truck_right'], end: { truck: 0.02 } });
  setupCache.clear();
  const first = await prepareSetup(shortTruck, scene), again = await prepareSetup(shortTruck, scene);
  assert.ok(first.layers && again.layers, 'the short truck is rendered layered');
  assert.equal(first.marginX + first.marginY, 0, 'no margin');
  assert.ok(again.layers.back === first.layers.back && again.layers.front === first.layers.front, 'the second setup reads the very memory the first one did (the kept layers), not copies of it');
});
