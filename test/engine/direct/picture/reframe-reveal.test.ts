/**
 * A pull-out widens the frame toward where the picture continues (issue #11, "beyond the
 * frame"): the reveal beyond two opposite edges is shared by what each edge allows, an edge that
 * cuts the subject's body gets none, and the move is limited (with a note) only where no framing
 * fits. The user still sees the pull-out they asked for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { direct, type Scene } from '../../../../src/engine/index.js';
import { analyzed } from '../../../helpers/analyzed.js';
import { allowedReveal, MIN_REVEAL } from '../../../../src/engine/direct/picture/camera/limit-reveal.js';
import { shift } from '../../../../src/engine/direct/picture/camera/reframe-reveal.js';
import { revealBeyond, SIDES } from '../../../../src/engine/direct/picture/camera/reveal.js';
import { edgeObjects } from '../../../../src/engine/direct/picture/edge-objects.js';
import { edgeSubject } from '../../../../src/engine/direct/picture/edge-subject.js';
import { depthPercentile } from '../../../../src/engine/direct/picture/scene-measures.js';
import type { ShotPlan } from '../../../../src/engine/plan.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { fixture } from '../../../helpers/fixtures.js';

const sceneOf = async (path: string | URL) => analyzed(await readFile(path));
const plan = (scene: Scene, prompt: string) => direct(makeInput({ prompt, duration: 5, width: 640, height: 2 * Math.round((320 * scene.image.height) / scene.image.width), sound: false, seed: 4 }), scene);
const revealOf = (p: ShotPlan, scene: Scene) => revealBeyond(p.shots[0]!.camera.keys, p.width, p.height, depthPercentile(scene, 0.01), depthPercentile(scene, 0.99));
const limits = (p: ShotPlan) => p.notes.filter((n) => n.startsWith('camera:') && n.includes('limited to'));

test('the reveal moves toward the edge that allows more, all of it away from an edge that allows nothing', () => {
  // two edges alike: the plan's own pivot is kept
  assert.equal(shift(0.05, 0.03, 0.12, 0.12), 0);
  // an edge that allows nothing: everything goes to the other side
  assert.ok(Math.abs(shift(0.05, 0.05, 0, 0.12) - 0.05) < 1e-12);
  // one edge allows half the other: the split leans toward the freer edge, both within
  const d = shift(0.05, 0.05, 0.06, 0.12);
  assert.ok(d > 0 && 0.05 - d <= 0.06 && 0.05 + d <= 0.12, `shift ${d}`);
  // over one edge's allowance while both together fit: moved just enough
  assert.ok(Math.abs(shift(0.08, 0.01, 0.06, 0.06) - 0.02) < 1e-12);
  // nothing fits: the fairest split (each edge over by the same ratio), for the limiter to scale
  const e = shift(0.1, 0.1, 0.02, 0.06);
  assert.ok(Math.abs((0.1 - e) / 0.02 - (0.1 + e) / 0.06) < 1e-9, `shift ${e}`);
  // nothing revealed on the axis: untouched
  assert.equal(shift(-0.01, -0.02, 0, 0.12), 0);
});

test('an edge that cuts the subject allows nothing beyond it', () => {
  assert.equal(allowedReveal(0, 0.8), 0);
  assert.equal(allowedReveal(0, 0), allowedReveal(0));
  assert.ok(allowedReveal(0, 0.15) < allowedReveal(0, 0) && allowedReveal(0, 0.15) > 0);
});

test('a portrait whose body runs out of the bottom edge is pulled back toward the top: nothing below the body, still a strong pull-out', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(fixture('portrait-astronaut.png'));
  assert.ok(edgeSubject(scene).bottom > 0.5, 'the suit runs out of the bottom edge');
  for (const prompt of ['slow pull out', 'pull out']) {
    const p = plan(scene, prompt);
    // what the top can take may bound it (the rocket cut by the top edge), never the suit
    assert.ok(limits(p).every((n) => !n.includes('bottom')), `${prompt}: ${JSON.stringify(p.notes)}`);
    const reveal = revealOf(p, scene);
    assert.ok(reveal.bottom <= 1e-4, `${prompt}: reveals ${reveal.bottom.toFixed(4)} below the suit`);
    assert.ok(reveal.top > 0.04, `${prompt}: the backdrop above her is revealed instead (${reveal.top.toFixed(3)})`);
    const objects = edgeObjects(scene), subject = edgeSubject(scene);
    for (const side of SIDES) assert.ok(reveal[side] <= allowedReveal(objects[side], subject[side]) * 1.05 + 1e-4, `${prompt}, ${side}: ${reveal[side].toFixed(3)}`);
    assert.ok(p.shots[0]!.camera.keys.at(-1)!.zoom < 0.95, `${prompt}: still pulls out (zoom ${p.shots[0]!.camera.keys.at(-1)!.zoom.toFixed(3)})`);
  }
});

test('a subject cut by opposite edges leaves no clean framing: the pull-out is limited to a sliver beyond them, says which edge, and still pulls out', { timeout: 120_000 }, async () => {
  const scene = await sceneOf(new URL('../../../fixtures/images/portrait-grace-hopper.jpg', import.meta.url));
  const s = edgeSubject(scene);
  assert.ok(s.left > 0.25 && s.right > 0.25 && s.bottom > 0.25, `her shoulders run out of both sides and the bottom (${s.left.toFixed(2)}, ${s.right.toFixed(2)}, ${s.bottom.toFixed(2)})`);
  const p = plan(scene, 'pull out');
  const [note] = limits(p);
  // bound by a side that cuts her, or by the top, where the flag behind her cannot be continued
  assert.match(note ?? '', /^camera: pull out limited to \d+ % of its amplitude: (the frame's (left|right) edge cuts the subject, which cannot be continued beyond the picture|the pull out is gentler, as the picture's top edge cannot be continued beyond the frame \(its regions there are too small or too busy\))$/, JSON.stringify(p.notes));
  const reveal = revealOf(p, scene);
  assert.ok(reveal.bottom <= 1e-4, `nothing below her (${reveal.bottom.toFixed(4)}): the top takes the vertical reveal`);
  for (const side of ['left', 'right'] as const) assert.ok(reveal[side] <= MIN_REVEAL * 1.05 + 1e-4, `${side}: ${reveal[side].toFixed(4)}`);
  assert.ok(p.shots[0]!.camera.keys.at(-1)!.zoom < 0.98, `still pulls out (zoom ${p.shots[0]!.camera.keys.at(-1)!.zoom.toFixed(3)})`);
});
