/**
 * Issue #11 on decoded clips: a pull-out reveals beyond the picture, and what it reveals continues
 * the edges' texture — never a copy of an object of the picture (the football photo's second ball,
 * its logo, the player's arm; the workshop's tools by the motorcycle), never a mirror, and never
 * another region's content (building.jpg's lawn pasted into its sky, the astronaut's flag pieces:
 * each revealed pixel matches the colours near the border it lies beyond). Where
 * the edge cannot be continued (the squirrel's branch cut by the bottom edge), the director
 * limits the pull-out, says so, and the clip it renders is clean; where the subject's body runs out
 * of an edge (the astronaut's suit), the pull-out widens toward the other edges instead and stays a
 * pull-out. A subject matte that cannot be
 * used degrades to the single sheet, never to a crash or torn frames.
 *
 * Rendered at 640 px wide, 5 s (the default clip, whose pull-out reveals the most), encoded by
 * the real ffmpeg and decoded; measured by test/helpers/picture-integrity.ts.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { direct, generate, type Scene } from '../../../src/engine/index.js';
import { analyzed } from '../../helpers/analyzed.js';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import type { ShotPlan } from '../../../src/engine/plan.js';
import { decodeFrames } from '../../helpers/decode-video.js';
import { makeInput } from '../../helpers/direct-input.js';
import { fixture } from '../../helpers/fixtures.js';
import { borderDefects, borderTexture, describeBorderDefect, estimateZoomPan, luma, ownBorder } from '../../helpers/frame-metrics.js';
import { cloned, describeMeasure, FOREIGN_MARGIN_LIMIT, foreignMarginOf, grayFromRgb, integrityProbe, mirrored } from '../../helpers/picture-integrity.js';

const W = 640;
const LOCAL = (name: string) => new URL(`../../fixtures/images/${name}`, import.meta.url);
const dir = await mkdtemp(join(tmpdir(), 'moviola-outpaint-'));
after(async () => { await closePicturePool(); await rm(dir, { recursive: true, force: true }); });

async function clip(path: string | URL, prompt: string, change?: (scene: Scene) => Scene): Promise<{ plan: ShotPlan; frames: Uint8Array[] }> {
  const image = await readFile(path);
  let scene = await analyzed(image);
  if (change) scene = change(scene);
  const height = 2 * Math.round((W * scene.image.height) / scene.image.width / 2);
  const plan = direct(makeInput({ prompt, duration: 5, width: W, height, sound: false, seed: 11 }), scene);
  const output = join(dir, `${String(path).split('/').pop()}-${prompt.replace(/\W+/g, '-')}.mp4`);
  await generate({ image, prompt, plan, sound: false }, { output, scene });
  return { plan, frames: await decodeFrames(output, W, height) };
}

/** What frames 60 and 119 reveal beyond frame 0 continues the region of the border it lies beyond. */
/** a clip's frame-0 probe, made once per clip (a probe costs seconds; a test may check a clip's regions and then its cleanness against it) */
const probes = new WeakMap<Uint8Array, ReturnType<typeof integrityProbe>>();
function probeOf(frames: Uint8Array[], w: number, h: number) {
  let found = probes.get(frames[0]!);
  if (!found) probes.set(frames[0]!, (found = integrityProbe(grayFromRgb(frames[0]!, w, h))));
  return found;
}

function assertOwnRegions(label: string, plan: ShotPlan, frames: Uint8Array[]) {
  const { width: w, height: h } = plan;
  const probe = probeOf(frames, w, h);
  for (const i of [60, frames.length - 1]) {
    const f = foreignMarginOf(frames[0]!, frames[i]!, w, h, probe);
    assert.ok(f, `${label}: frame ${i}: the motion from frame 0 was found`);
    assert.ok(f.share <= FOREIGN_MARGIN_LIMIT, `${label}: frame ${i}: ${(f.share * 100).toFixed(2)} % of ${f.margin} revealed px match no colour near the border they continue`);
  }
}

/** Every 12th frame's borders are textured, judged against frame 0's (the picture's own border). */
function assertBorders(label: string, plan: ShotPlan, frames: Uint8Array[]) {
  const { width: w, height: h } = plan;
  const own = ownBorder(luma(frames[0]!, w, h), w, h);
  for (let i = 0; i < frames.length; i += 12) {
    for (const d of borderDefects(luma(frames[i]!, w, h), w, h, own)) assert.fail(`${label}: frame ${i}, ${describeBorderDefect(d)}`);
  }
}

/** The last frame against frame 0: nothing cloned, nothing mirrored; every border textured. */
function assertClean(label: string, plan: ShotPlan, frames: Uint8Array[]) {
  const { width: w, height: h } = plan;
  assert.equal(frames.length, 5 * 24, `${label}: every frame decoded`);
  const probe = probeOf(frames, w, h);
  const m = probe.measure(grayFromRgb(frames.at(-1)!, w, h));
  assert.ok(!cloned(m), `${label}: ${describeMeasure(m)}`);
  assert.ok(!mirrored(m), `${label}: ${describeMeasure(m)}`);
  assertBorders(label, plan, frames);
  return m;
}

for (const [name, path] of [['football-player.jpg', LOCAL('football-player.jpg')], ['product-motorcycle.png', fixture('product-motorcycle.png')]] as const) {
  test(`${name}: a pull-out reveals a margin that copies no object of the picture`, { timeout: 300_000 }, async () => {
    const { plan, frames } = await clip(path, 'pull-out, the camera pulls back');
    const m = assertClean(name, plan, frames);
    assert.ok(m.marginCopy.band > 0.04 * plan.width * plan.height, `${name}: the pull-out revealed a margin (${m.marginCopy.band} px)`);
  });
}

test('squirrel-branch.jpg: a pull-out its edges cannot continue (the branch cut by the bottom, leaves and bokeh at the sides) is limited, noted, and renders clean', { timeout: 300_000 }, async () => {
  const { plan, frames } = await clip(LOCAL('squirrel-branch.jpg'), 'pull-out, the camera pulls back');
  const limited = /^camera: pull out limited to \d+ % of its amplitude: (the frame's \w+ edge has a distinct object that cannot be continued beyond the picture|the pull out is gentler, as the picture's \w+ edge cannot be continued beyond the frame \(its regions there are too small or too busy\))$/;
  assert.ok(plan.notes.some((n) => limited.test(n)), JSON.stringify(plan.notes));
  assertOwnRegions('squirrel-branch.jpg, limited pull-out', plan, frames);
  assertClean('squirrel-branch.jpg, limited pull-out', plan, frames);
  const { width: w, height: h } = plan;
  const { scale: s } = estimateZoomPan(luma(frames[0]!, w, h), luma(frames.at(-1)!, w, h), w, h);
  assert.ok(s < 0.995, `the limited pull-out still pulls out (content scale ${s.toFixed(3)})`);
});

test('portrait-astronaut.png: a pull-out on a body cut by the bottom edge widens toward the top: no band below the suit, no flag pieces, still a pull-out', { timeout: 300_000 }, async () => {
  const { plan, frames } = await clip(fixture('portrait-astronaut.png'), 'slow pull out');
  // never limited for the bottom edge (re-aimed away from it, the plan may say so)
  assert.ok(!plan.notes.some((n) => n.includes('limited to') && n.includes('bottom edge')), JSON.stringify(plan.notes));
  assertOwnRegions('portrait-astronaut.png, slow pull out', plan, frames);
  const { width: w, height: h } = plan;
  // the suit runs out of the frame's bottom in every frame (a band of invented content under it
  // read 0.14–0.25 here: flat, smeared flag pieces)
  for (let i = 0; i < frames.length; i += 6) {
    const bottom = borderTexture(luma(frames[i]!, w, h), w, h).bottom;
    assert.ok(bottom > 0.5, `frame ${i}: bottom border texture ${bottom.toFixed(2)}`);
  }
  const m = probeOf(frames, w, h).measure(grayFromRgb(frames.at(-1)!, w, h));
  assert.ok(!mirrored(m), describeMeasure(m));
  const { scale: s } = estimateZoomPan(luma(frames[0]!, w, h), luma(frames.at(-1)!, w, h), w, h);
  assert.ok(s < 0.96, `the user sees the pull-out asked for (content scale ${s.toFixed(3)})`);
});

test('building.jpg: a pull-out keeps each margin in its own region (no lawn in the sky, no hedges in the lawn), mirrors nothing, and says where it re-aims or is gentler', { timeout: 300_000 }, async () => {
  const { plan, frames } = await clip(LOCAL('building.jpg'), 'slow pull out');
  assert.ok(plan.notes.some((n) => /^camera: pull out (re-aimed toward|limited to)/.test(n)), `the top edge (branches against the sky) cannot be continued: ${JSON.stringify(plan.notes)}`);
  assertOwnRegions('building.jpg, slow pull out', plan, frames);
  // not yet clean of copies (issue #11, open): the margin beyond the entrance doors at the right
  // edge continues their region, and so copies their frames; nothing mirrors, no border smears
  const { width: w0, height: h0 } = plan;
  const m = probeOf(frames, w0, h0).measure(grayFromRgb(frames.at(-1)!, w0, h0));
  assert.ok(!mirrored(m), describeMeasure(m));
  assertBorders('building.jpg, slow pull out', plan, frames);
  const { scale: s } = estimateZoomPan(luma(frames[0]!, w0, h0), luma(frames.at(-1)!, w0, h0), w0, h0);
  assert.ok(s < 0.96, `still the pull-out asked for (content scale ${s.toFixed(3)})`);
});

test('a subject matte that cannot be used (malformed) degrades to the single sheet: a truck renders whole and clean', { timeout: 300_000 }, async () => {
  const { plan, frames } = await clip(fixture('night-launchpad.jpg'), 'truck right', (scene) => ({ ...scene, layers: { ...scene.layers!, matte: new Float32Array(7).fill(Number.NaN) } }));
  assertClean('night-launchpad.jpg, truck right with a malformed matte', plan, frames);
});
