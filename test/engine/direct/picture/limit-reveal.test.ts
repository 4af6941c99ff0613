/**
 * The director limits a move that would reveal beyond the picture more than synthesis can invent,
 * and says so in the plan's notes (issue #11): beyond an edge of texture up to 12 % of the frame,
 * beyond an edge that is mostly objects (a branch, a squirrel cut by the frame), or whose regions
 * are too small or too busy to continue (branches against the sky), far less, and beyond an edge
 * that cuts the subject layer (a crane on the squirrel slides its in-focus matte, branch and all,
 * whose bottom edge cuts it: parallax-layer.ts) the least. Moves
 * that stay inside the picture, and reveals within the allowance, are planned as asked. A move
 * with parallax that will render as one sheet (no subject matte, or a subject filling the frame)
 * is named in a note too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { direct, type Scene } from '../../../../src/engine/index.js';
import { analyzed } from '../../../helpers/analyzed.js';
import { allowedReveal, MAX_REVEAL, MIN_REVEAL } from '../../../../src/engine/direct/picture/camera/limit-reveal.js';
import { OVERSCAN_BUDGET } from '../../../../src/engine/picture/camera/overscan-budget.js';
import { revealBeyond, SIDES } from '../../../../src/engine/direct/picture/camera/reveal.js';
import { edgeObjects } from '../../../../src/engine/direct/picture/edge-objects.js';
import { edgeContinuation } from '../../../../src/engine/direct/picture/edge-regions.js';
import { edgeSubject } from '../../../../src/engine/direct/picture/edge-subject.js';
import { withParallaxLayer } from '../../../../src/engine/analyze/layers/parallax-layer.js';
import { depthPercentile } from '../../../../src/engine/direct/picture/scene-measures.js';
import type { ShotPlan } from '../../../../src/engine/plan.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { fixture } from '../../../helpers/fixtures.js';

const SQUIRREL = new URL('../../../fixtures/images/squirrel-branch.jpg', import.meta.url);
const scenes = new Map<string, Promise<Scene>>();
const sceneOf = (path: string | URL) => {
  const key = String(path);
  if (!scenes.has(key)) scenes.set(key, readFile(path).then(analyzed));
  return scenes.get(key)!;
};
const plan = (scene: Scene, prompt: string, duration = 5) => direct(makeInput({ prompt, duration, width: 640, height: 2 * Math.round((320 * scene.image.height) / scene.image.width), sound: false, seed: 4 }), scene);
const limits = (p: ShotPlan) => p.notes.filter((n) => n.startsWith('camera:') && n.includes('limited to'));
const revealOf = (p: ShotPlan, scene: Scene) => revealBeyond(p.shots[0]!.camera.keys, p.width, p.height, depthPercentile(scene, 0.01), depthPercentile(scene, 0.99));

test('a pull-out past an edge of objects is limited to what can be continued, and the plan says which edge', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(SQUIRREL);
  const objects = edgeObjects(scene);
  assert.ok(objects.bottom > 0.5, `the squirrel's branch fills the bottom edge (${objects.bottom.toFixed(2)} objects)`);
  const p = plan(scene, 'pull-out, the camera pulls back');
  const [note] = limits(p);
  assert.ok(note, `a note on the limit: ${JSON.stringify(p.notes)}`);
  // the bottom's branch, or (binding first) the leaves and bokeh of a side, whose regions are too
  // small or too busy to continue
  assert.match(note!, /^camera: pull out limited to \d+ % of its amplitude: (the frame's (left|right|top|bottom) edge has a distinct object that cannot be continued beyond the picture|the pull out is gentler, as the picture's (left|right|top|bottom) edge cannot be continued beyond the frame \(its regions there are too small or too busy\))$/);
  const percent = Number(/limited to (\d+) %/.exec(note!)![1]);
  assert.ok(percent > 0 && percent < 100, note);
  // what it still reveals is within each edge's allowance, and it still pulls out
  const reveal = revealOf(p, scene);
  for (const side of SIDES) assert.ok(reveal[side] <= allowedReveal(objects[side]) * 1.05 + 1e-3, `${side}: reveals ${reveal[side].toFixed(3)}, allowed ${allowedReveal(objects[side]).toFixed(3)}`);
  assert.ok(p.shots[0]!.camera.keys.at(-1)!.zoom < 0.995, 'the limited pull-out still pulls out');
  assert.deepEqual(p.shots[0]!.camera.moves, ['pull_out']);
  // the same request gives the same plan
  assert.deepEqual(plan(scene, 'pull-out, the camera pulls back'), p);
});

test('an edge whose regions cannot be continued (building.jpg: branches against the sky at the top) gets little of the reveal, and the plan says where the pull-out went instead', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(new URL('../../../fixtures/images/building.jpg', import.meta.url));
  const continued = edgeContinuation(scene), objects = edgeObjects(scene), subject = edgeSubject(scene);
  assert.ok(continued.top < 0.5 && continued.bottom > 0.9, `the top edge crosses branches, sky and facade (${continued.top.toFixed(2)} continued); the lawn along the bottom continues (${continued.bottom.toFixed(2)})`);
  const p = plan(scene, 'slow pull out');
  const note = p.notes.find((n) => n.startsWith('camera: pull out'));
  assert.match(note ?? '', /^camera: pull out (re-aimed toward the ((left|right|bottom)( and the )?)+, away from the top: the picture's top edge cannot be continued beyond the frame \(its regions there are too small or too busy\)|limited to \d+ % of its amplitude: the pull out is gentler, as the picture's \w+ edge cannot be continued beyond the frame \(its regions there are too small or too busy\))$/, JSON.stringify(p.notes));
  const reveal = revealOf(p, scene);
  for (const side of SIDES) {
    const allowed = allowedReveal(objects[side], subject[side], continued[side]);
    assert.ok(reveal[side] <= Math.max(allowed, MIN_REVEAL) * 1.05 + 1e-3, `${side}: reveals ${reveal[side].toFixed(3)}, allowed ${allowed.toFixed(3)}`);
  }
  assert.ok(reveal.top < reveal.bottom, `more is revealed below the lawn (${reveal.bottom.toFixed(3)}) than above the branches (${reveal.top.toFixed(3)})`);
  assert.ok(p.shots[0]!.camera.keys.at(-1)!.zoom < 0.95, 'still a pull-out');
});

test('a pull-out past what can be invented beyond texture is limited to 12 % of the frame, with the reason', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(fixture('street-old-town.jpg'));
  const p = plan(scene, 'dramatic pull out', 10);
  const [note] = limits(p);
  assert.match(note ?? '', /^camera: pull out limited to \d+ % of its amplitude: it would reveal \d+ % beyond the frame's (left|right|top|bottom) edge, more than can be invented \(\d+ %\)$/, JSON.stringify(p.notes));
  // what it would reveal is more than what can be invented (a re-aimed path once said "0 %")
  const [, would, can] = /reveal (\d+) %.*\((\d+) %\)/.exec(note!)!;
  assert.ok(Number(would) > Number(can), note);
  const reveal = revealOf(p, scene);
  for (const side of SIDES) assert.ok(reveal[side] <= MAX_REVEAL * 1.05 + 1e-3, `${side}: ${reveal[side].toFixed(3)}`);
});

test('moves within the allowance, and moves that stay inside the picture, are planned as asked', { timeout: 120_000 }, async () => {
  const street = await sceneOf(fixture('street-old-town.jpg')), squirrel = await sceneOf(SQUIRREL);
  for (const [scene, prompt] of [[street, 'slow pull out'], [squirrel, 'truck right'], [squirrel, 'orbit left around the subject'], [squirrel, 'slow push in'], [street, 'dolly zoom']] as const) {
    const p = plan(scene, prompt);
    assert.deepEqual(limits(p), [], `${prompt}: ${JSON.stringify(p.notes)}`);
  }
});

test('a move with parallax that will render as one sheet says so', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(fixture('night-launchpad.jpg'));
  assert.ok(scene.layers?.matte, 'the launch pad has a subject matte');
  const sheet = (p: ShotPlan) => p.notes.filter((n) => n.includes('one sheet'));
  assert.deepEqual(sheet(plan(scene, 'truck right')), [], 'with its rocket separated, a truck is layered: no note');
  const none = { ...scene, layers: { ...scene.layers!, matte: null } };
  assert.deepEqual(sheet(plan(none, 'truck right')), ['camera: truck right moves the picture as one sheet: no subject could be separated from the background, so nothing behind it is revealed']);
  // why none, as analysis found it: its reason for declining a salient subject, or a salient one kept for actions only
  const declined = { ...scene, layers: { ...scene.layers!, matte: null, matteNote: 'the salient region is mostly sky' } };
  assert.deepEqual(sheet(plan(declined, 'truck right')), ['camera: truck right moves the picture as one sheet: no subject could be separated from the background (the salient region is mostly sky), so nothing behind it is revealed']);
  const salient = { ...scene, layers: { ...scene.layers!, matte: null, salient: { matte: scene.layers!.matte!, subjects: [], confidence: 0.6, subjectDepth: null, backgroundDepth: null } } };
  assert.match(sheet(plan(salient, 'truck right'))[0] ?? '', /found by its colours and nearness alone.*moves on its own only where it acts/);
  const full = { ...scene, layers: { ...scene.layers!, matte: new Float32Array(scene.layers!.matte!.length).fill(1) } };
  assert.match(sheet(plan(full, 'crane up'))[0] ?? '', /^camera: crane up moves the picture as one sheet: the subject fills 100 % of the frame, too much to invent what lies behind it$/);
  assert.deepEqual(sheet(plan(none, 'pan left')), [], 'a pan has no parallax: nothing to say');
});

test('a pull-out without a subject matte is what was asked: no one-sheet note', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(fixture('night-launchpad.jpg'));
  const none = { ...scene, layers: { ...scene.layers!, matte: null } };
  assert.deepEqual(plan(none, 'slow pull out').notes.filter((n) => n.includes('one sheet')), []);
  assert.equal(plan(none, 'dolly zoom').notes.filter((n) => n.includes('one sheet')).length, 1, 'a dolly zoom is made for parallax: noted');
});

test('a travelling camera that looks past the overscan budget (a dramatic crane, a 5 s crane) is limited like a pull-out where the edge cannot be continued; a slow crane away from that edge and an orbit are not', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(SQUIRREL);
  const objects = edgeObjects(scene);
  const p = plan(scene, 'dramatic crane down');
  const [note] = limits(p);
  // (a crane is made for parallax: it slides the squirrel's in-focus matte, with its branch, which the bottom edge cuts)
  assert.match(note ?? '', /^camera: crane down limited to \d+ % of its amplitude: the frame's bottom edge cuts the subject/, JSON.stringify(p.notes));
  // what the limited crane leaves in view past the budget's zoom is within the bottom's allowance
  const lensed = p.shots[0]!.camera.keys.map((k) => ({ ...k, zoom: k.zoom * OVERSCAN_BUDGET }));
  const reveal = revealBeyond(lensed, p.width, p.height, depthPercentile(scene, 0.01), depthPercentile(scene, 0.99));
  const cut = edgeSubject(withParallaxLayer(scene, ['crane_down'])).bottom;
  assert.ok(cut > 0.25, `the bottom edge cuts the branch (${cut.toFixed(2)} of it)`);
  assert.ok(reveal.bottom <= Math.max(allowedReveal(objects.bottom, cut, edgeContinuation(scene).bottom), MIN_REVEAL) * 1.05 + 1e-3, `bottom: ${reveal.bottom.toFixed(3)}`);
  assert.deepEqual(p.shots[0]!.camera.moves, ['crane_down']);
  // a 5 s crane goes as far (10 % of the height) as a dramatic 1.5 s one: past the budget, toward the branch
  assert.match(limits(plan(scene, 'crane down'))[0] ?? '', /^camera: crane down limited to \d+ % of its amplitude: the frame's bottom edge/);
  for (const prompt of ['slow crane up', 'orbit left']) assert.deepEqual(limits(plan(scene, prompt)), [], prompt);
});
