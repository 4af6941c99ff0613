/**
 * Effects placed in the scene (issue #11, item 4), on the real analysis of fixture photographs,
 * directed from the prompt and measured on rendered frames against the same plan without the
 * effect: rain "outside the window" leaves the face untouched (while plain rain does cross it);
 * a lightning frame shows a thin, bright, connected, branching path in the sky; heavy snow (and
 * rain) puts at least 3× the particles of light snow on screen; a "storm" lowers the sky's
 * brightness and saturation; steam and smoke are clearly visible at their default intensity.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { direct, type Scene, type ShotPlan } from '../../../../src/engine/index.js';
import { analyzed } from '../../../helpers/analyzed.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { frameCount } from '../../../../src/engine/plan.js';
import { fixture } from '../../../helpers/fixtures.js';
import { i420ToRgb, luma } from '../../../helpers/frame-metrics.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { renderAll } from '../../../helpers/render-frames.js';
import { brightPaths, blobCount, regionStats } from '../../../helpers/effect-measures.js';

after(closePicturePool);

const WIDTH = 480;
const scenes = new Map<string, Scene>();
before(async () => {
  for (const name of ['portrait-astronaut.png', 'night-launchpad.jpg', 'product-coffee.png', 'street-old-town.jpg']) {
    scenes.set(name, await analyzed(await readFile(fixture(name))));
  }
});

interface Rendered { plan: ShotPlan; w: number; h: number; frames: Uint8Array[]; without: Uint8Array[] }

/**
 * The references by picture: plans that differ only in their effects (and the words that asked
 * for them) are the same plan without them, which renders the same frames; it is rendered once.
 */
const references = new Map<string, Promise<Uint8Array[]>>();
const pictureOf = (plan: ShotPlan) => JSON.stringify(plan, (key, value) => (['prompt', 'negative_prompt', 'notes'].includes(key) ? undefined : value));
function reference(bare: ShotPlan, scene: Scene, name: string): Promise<Uint8Array[]> {
  const key = `${name} ${pictureOf(bare)}`;
  if (!references.has(key)) references.set(key, renderAll(bare, scene));
  return references.get(key)!;
}

/** The directed plan's frames, and the same plan's frames with no effects (the reference). */
async function render(name: string, prompt: string, duration = 2): Promise<Rendered> {
  const scene = scenes.get(name)!;
  const w = WIDTH, h = 2 * Math.round((WIDTH * scene.image.height) / scene.image.width / 2);
  // cfg 0.7: only what the prompt asks (no image-implied effects)
  const plan = direct(makeInput({ prompt, duration, width: w, height: h, sound: false, seed: 5, cfgScale: 0.7 }), scene);
  const bare: ShotPlan = { ...plan, shots: plan.shots.map((s) => ({ ...s, effects: [] })) };
  const [frames, without] = [await renderAll(plan, scene), await reference(bare, scene, name)];
  assert.equal(frames.length, frameCount(plan));
  return { plan, w, h, frames, without };
}

const effectsOf = (r: Rendered) => r.plan.shots[0]!.effects;

/** Largest absolute luma difference inside a box (normalised), over the given frames. */
function maxDiffIn(r: Rendered, box: { x: number; y: number; w: number; h: number }, from: number): number {
  const x0 = Math.floor(box.x * r.w), x1 = Math.ceil((box.x + box.w) * r.w), y0 = Math.floor(box.y * r.h), y1 = Math.ceil((box.y + box.h) * r.h);
  let worst = 0;
  for (let k = from; k < r.frames.length; k++) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    worst = Math.max(worst, Math.abs(r.frames[k]![y * r.w + x]! - r.without[k]![y * r.w + x]!));
  }
  return worst;
}

test('rain "outside the window" falls behind the astronaut: her face is untouched; plain rain crosses it', { timeout: 240_000 }, async () => {
  const face = scenes.get('portrait-astronaut.png')!.faces[0]!.box;
  const behind = await render('portrait-astronaut.png', 'static camera, heavy rain outside the window');
  assert.ok(typeof effectsOf(behind).find((e) => e.type === 'rain')?.params.behind === 'number', 'the director places the rain behind');
  const onFace = maxDiffIn(behind, face, 1);
  assert.ok(onFace <= 2, `rain behind: the face region changed by up to ${onFace} grey levels`);
  const k = behind.frames.length - 1;
  const drops = blobCount(luma(i420ToRgb(behind.frames[k]!, behind.w, behind.h), behind.w, behind.h), luma(i420ToRgb(behind.without[k]!, behind.w, behind.h), behind.w, behind.h), behind.w, behind.h);
  assert.ok(drops >= 50, `rain behind: visible in the background (${drops} drops in the last frame)`);

  const front = await render('portrait-astronaut.png', 'static camera, heavy rain');
  assert.ok(maxDiffIn(front, face, 1) > 20, 'plain rain does fall across the face (the check can fail)');
});

test('lightning: a thin, bright, connected, branching path in the sky, for a few frames, then gone', { timeout: 240_000 }, async () => {
  const r = await render('night-launchpad.jpg', 'static camera, lightning', 3);
  const bolt = effectsOf(r).find((e) => e.type === 'lightning')!;
  const strike = Math.round(bolt.events[0]! * r.plan.fps);
  const scene = scenes.get('night-launchpad.jpg')!;
  const skyAt = (x: number, y: number) => scene.maps.sky[Math.floor((y / r.h) * scene.maps.height) * scene.maps.width + Math.floor((x / r.w) * scene.maps.width)]! > 0.5;
  const paths = (k: number) => brightPaths(luma(i420ToRgb(r.frames[k]!, r.w, r.h), r.w, r.h), r.w, r.h);
  const lit = [strike, strike + 1].map(paths);
  for (const [n, found] of lit.entries()) {
    const p = found[0];
    assert.ok(p, `frame ${strike + n}: no bright path`);
    assert.ok(p.extent >= 0.15 * r.h, `frame ${strike + n}: the path spans ${p.extent.toFixed(0)} px (≥ ${(0.15 * r.h).toFixed(0)})`);
    assert.ok(p.meanWidth <= 4, `frame ${strike + n}: the path is ${p.meanWidth.toFixed(1)} px wide on average (thin ≤ 4)`);
    assert.ok(p.forkedRows >= 5, `frame ${strike + n}: the path branches (forked in ${p.forkedRows} rows)`);
    assert.ok(p.pixels.filter(([x, y]) => skyAt(x, y)).length / p.pixels.length >= 0.8, `frame ${strike + n}: the path is in the sky`);
  }
  for (const k of [strike - 2, strike + 12]) {
    const p = paths(k)[0];
    assert.ok(!p || p.extent < 0.1 * r.h, `frame ${k}: no bolt before the strike or 0.5 s after (found one of ${p?.extent.toFixed(0)} px)`);
  }
});

test('heavy snow shows at least 3× the flakes of light snow; heavy rain 3× the drops of light rain', { timeout: 240_000 }, async () => {
  for (const kind of ['snow', 'rain']) {
    const counts: number[] = [];
    for (const amount of ['light', 'heavy']) {
      const r = await render('night-launchpad.jpg', `static camera, ${amount} ${kind}`);
      const k = r.frames.length - 1;
      counts.push(blobCount(luma(i420ToRgb(r.frames[k]!, r.w, r.h), r.w, r.h), luma(i420ToRgb(r.without[k]!, r.w, r.h), r.w, r.h), r.w, r.h));
    }
    assert.ok(counts[0]! >= 20, `light ${kind}: ${counts[0]} particles (visible at all)`);
    assert.ok(counts[1]! >= 3 * counts[0]!, `heavy ${kind} ${counts[1]} particles vs light ${counts[0]} (≥ 3×)`);
  }
});

test('"storm" greys and darkens a clear sky: the sky loses brightness and saturation', { timeout: 240_000 }, async () => {
  const r = await render('night-launchpad.jpg', 'static camera, a storm is coming');
  assert.ok(effectsOf(r).some((e) => e.type === 'clouds' && Number(e.params.cover) > 0), 'the storm brings cloud cover');
  const scene = scenes.get('night-launchpad.jpg')!;
  const sky = (x: number, y: number) => scene.maps.sky[Math.floor((y / r.h) * scene.maps.height) * scene.maps.width + Math.floor((x / r.w) * scene.maps.width)]! > 0.8;
  const k = r.frames.length - 1;
  const storm = regionStats(i420ToRgb(r.frames[k]!, r.w, r.h), r.w, r.h, sky), clear = regionStats(i420ToRgb(r.without[k]!, r.w, r.h), r.w, r.h, sky);
  assert.ok(storm.luma < clear.luma * 0.85, `sky brightness ${clear.luma.toFixed(1)} → ${storm.luma.toFixed(1)}`);
  assert.ok(storm.chroma < clear.chroma * 0.6, `sky saturation (chroma) ${clear.chroma.toFixed(3)} → ${storm.chroma.toFixed(3)}`);
});

/** Chessboard distance (px) from each pixel to the nearest pixel where `from` holds (Infinity: none). */
function distanceTo(from: (x: number, y: number) => boolean, w: number, h: number): Float32Array {
  const d = new Float32Array(w * h).fill(Infinity);
  const queue: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (from(x, y)) { d[y * w + x] = 0; queue.push(y * w + x); }
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!, x = i % w, y = (i - x) / w;
    for (let b = Math.max(0, y - 1); b <= Math.min(h - 1, y + 1); b++) for (let a = Math.max(0, x - 1); a <= Math.min(w - 1, x + 1); a++) {
      const j = b * w + a;
      if (d[j]! > d[i]! + 1) { d[j] = d[i]! + 1; queue.push(j); }
    }
  }
  return d;
}

test('"storm" leaves no band of clear sky around what stands in front of it, and greys nothing in front', { timeout: 240_000 }, async () => {
  const r = await render('street-old-town.jpg', 'static camera, a storm is coming');
  const scene = scenes.get('street-old-town.jpg')!;
  const skyAt = (x: number, y: number) => scene.maps.sky[Math.floor((y / r.h) * scene.maps.height) * scene.maps.width + Math.floor((x / r.w) * scene.maps.width)]!;
  const toGround = distanceTo((x, y) => skyAt(x, y) < 0.2, r.w, r.h), toSky = distanceTo((x, y) => skyAt(x, y) > 0.8, r.w, r.h);
  const k = r.frames.length - 1;
  const storm = i420ToRgb(r.frames[k]!, r.w, r.h), clear = i420ToRgb(r.without[k]!, r.w, r.h);
  const ratio = (where: (x: number, y: number) => boolean, key: 'luma' | 'chroma') => regionStats(storm, r.w, r.h, where)[key] / regionStats(clear, r.w, r.h, where)[key];
  // the sky next to the roofs (within a few light-field cells) darkens as the open sky does
  const edgeSky = ratio((x, y) => skyAt(x, y) > 0.8 && toGround[y * r.w + x]! >= 2 && toGround[y * r.w + x]! <= 10, 'luma');
  const openSky = ratio((x, y) => skyAt(x, y) > 0.8 && toGround[y * r.w + x]! > 30, 'luma');
  const edgeGround = ratio((x, y) => skyAt(x, y) < 0.2 && toSky[y * r.w + x]! >= 2 && toSky[y * r.w + x]! <= 8, 'chroma');
  assert.ok(edgeSky < openSky * 1.2, `sky brightness kept beside the roofs ${edgeSky.toFixed(2)} vs in the open sky ${openSky.toFixed(2)} (a band of clear sky)`);
  // the roofs and walls along the sky keep their colour (the whole scene dims only a little)
  assert.ok(edgeGround > 0.7, `chroma kept by the roofs along the sky ${edgeGround.toFixed(2)}`);
});

for (const [name, prompt, type] of [['product-coffee.png', 'static camera, steam rising from the cup', 'steam'], ['street-old-town.jpg', 'static camera, smoke', 'smoke']] as const) {
  test(`${type} is clearly visible at its default intensity`, { timeout: 240_000 }, async () => {
    const r = await render(name, prompt);
    const effect = effectsOf(r).find((e) => e.type === type)!;
    assert.ok(effect, `${type} is in the plan`);
    let changed = 0;
    const k = r.frames.length - 1;
    for (let i = 0; i < r.w * r.h; i++) if (Math.abs(r.frames[k]![i]! - r.without[k]![i]!) >= 12) changed++;
    const share = changed / (r.w * r.h);
    assert.ok(share >= 0.05, `${type} at intensity ${effect.intensity}: ${(share * 100).toFixed(1)} % of the frame changed by ≥ 12 grey levels (≥ 5 %)`);
  });
}
