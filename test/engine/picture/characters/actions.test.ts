/**
 * Every action row, performed, on decoded frames of a static-camera clip, on two real photos each
 * (people: the astronaut and Grace Hopper, plus the two-face collage for binding; animals: the cat
 * and the red squirrel — the ground squirrel and the dog on the porch act on decoded output in
 * animal-rows-encoded.test.ts; the arm rows are in arms.test.ts): the
 * performer's region moves clearly more than the same shot with no action (idle life only), the
 * background stays still, and the motion has the action's shape where it has one (a turn shifts
 * and returns, a nod and a shake swing, a chew opens and closes the jaw again and again). Idle
 * life: people and animals move a little with no action; a product does not move at all.
 * Small renders (≈160 px, 3 s), no encoding.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { ACTIONS } from '../../../../src/engine/direct/characters/actions.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { actionMotion, backgroundPeak, performerRegions } from '../../../helpers/action-regions.js';
import { ASK } from '../../../helpers/action-asks.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { faceCollage } from '../../../helpers/face-collage.js';
import { fixture, footballerFaceHidden } from '../../../helpers/fixtures.js';
import { blockPeak, changeSeries, lockCamera, shiftSeries, swings } from '../../../helpers/local-motion.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());

const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
interface Photo { name: string; who: string; kind: 'person' | 'animal'; load: () => Promise<Buffer>; width: number }
const PHOTOS: Photo[] = [
  { name: 'astronaut', who: 'the woman', kind: 'person', load: () => readFile(fixture('portrait-astronaut.png')), width: 160 },
  { name: 'two faces', who: 'the woman on the left', kind: 'person', load: () => faceCollage(), width: 320 },
  { name: 'Grace Hopper', who: 'the woman', kind: 'person', load: () => readFile(LOCAL('portrait-grace-hopper.jpg')), width: 160 },
  { name: 'cat', who: 'the cat', kind: 'animal', load: () => readFile(fixture('cat-closeup.png')), width: 128 },
  { name: 'squirrel', who: 'the squirrel', kind: 'animal', load: () => readFile(LOCAL('squirrel-branch.jpg')), width: 320 },
];
const scenes = new Map<string, Promise<Scene>>();
const sceneOf = (p: Photo) => { let s = scenes.get(p.name); if (!s) { s = p.load().then(analyzed); scenes.set(p.name, s); } return s; };

let W = 128;
async function render(photo: Photo, prompt: string) {
  const scene = await sceneOf(photo);
  W = photo.width;
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 7 }), scene));
  return { plan, scene, H, frames: await renderAll(plan, scene) };
}

const peak = (s: number[]) => Math.max(...s);


for (const photo of PHOTOS) {
  test(`action rows on the ${photo.name}: local motion above idle, background still, the action's shape`, { timeout: 300_000 }, async (t) => {
    const idle = await render(photo, `${photo.who} in a portrait`);
    // (a person: the face on the left)
    const face = photo.kind === 'person' ? idle.scene.faces.findIndex((f) => f.box.x < 0.5) : undefined;
    const regions = performerRegions(idle.scene, idle.plan, W, idle.H, face), { where, core, jaw, others } = regions;
    const idleMotion = peak(changeSeries(idle.frames, W, idle.H, where));
    assert.ok(idleMotion > 0.05, `idle life: the ${photo.kind} moves a little with no action (${idleMotion.toFixed(3)})`);
    for (const row of ACTIONS) {
      const ask = ASK[row.id]?.[photo.kind];
      // (the arm's gestures and an animal's own eyes, ears and tail: arms.test.ts, animal-blink/ears/tail.test.ts)
      if (!ask || !row.subjects.includes(photo.kind) || ['arm', 'eyes', 'ears', 'tail'].includes(row.rig[photo.kind]!)) continue;
      await t.test(row.id, async () => {
        const r = await render(photo, `${photo.who} ${ask}`);
        const performed = [...r.plan.shots[0]!.characters.flatMap((c) => c.actions), ...(r.plan.shots[0]!.subjects ?? []).flatMap((s) => s.actions)];
        const action = performed.find((a) => a.type === row.id);
        assert.ok(action, `the plan performs ${row.id}: ${JSON.stringify(performed)} / ${r.plan.notes.join(' | ')}`);
        // the action's own motion against the idle clip's, while the action lasts (idle life peaks
        // when it will, with or without an action): test/helpers/action-regions.ts
        const from = Math.round(action.start * r.plan.fps), to = Math.min(r.frames.length, Math.round(action.end * r.plan.fps) + 1);
        const { extra, motion, idle: idleThen } = actionMotion(row.id, r.frames, idle.frames, W, r.H, regions, from, to);
        assert.ok(extra > 4, `${row.id}: the action moves the ${photo.kind} visibly (largest tile change against the idle clip ${extra.toFixed(1)})`);
        assert.ok(motion >= idleThen, `${row.id}: local motion ${motion.toFixed(2)} not below idle ${idleThen.toFixed(2)} while it lasts`);
        const bg = backgroundPeak(r.frames, W, r.H, others);
        assert.ok(bg < 1.5, `${row.id}: the background stays still (largest tile change ${bg.toFixed(2)})`);
        const fps = r.plan.fps, mid = Math.round(((action.start + action.end) / 2) * fps);
        if (row.id === 'turn_left' || row.id === 'turn_right') {
          const shifts = shiftSeries(r.frames, W, r.H, core, 1);
          const during = shifts[Math.min(mid + 6, shifts.length - 1)]!.dx, afterwards = shifts[Math.min(shifts.length - 1, Math.round(action.end * fps) + 4)]!.dx;
          assert.ok(row.id === 'turn_left' ? during < -0.2 : during > 0.2, `${row.id}: the head shifts ${row.id === 'turn_left' ? 'left' : 'right'} (${during.toFixed(2)} px)`);
          assert.ok(Math.abs(afterwards) < Math.abs(during) / 2, `${row.id}: and returns (${afterwards.toFixed(2)} px)`);
        }
        // (a sob is a catch of breath that lifts the head: it swings up and down like a small nod)
        if (row.id === 'nod' || row.id === 'shake_head' || row.id === 'cry') {
          const shifts = shiftSeries(r.frames, W, r.H, core, 1).map((s) => Math.abs(row.id === 'shake_head' ? s.dx : s.dy));
          const top = Math.max(...shifts);
          assert.ok(swings(shifts, 0.5 * top) >= 2, `${row.id}: the head swings back and forth (${shifts.map((v) => v.toFixed(1)).join(' ')})`);
        }
        // (a call opens the jaw when its voice starts: on the sound the plan gives it)
        if (row.id === 'call') {
          // (the test asks for a growl)
          const voice = r.plan.audio.events.find((e) => e.type === 'growl');
          assert.ok(voice && Math.abs(voice.t - action.start) < 1e-6, `call: the jaw opens on its growl (${action.start} s; events ${JSON.stringify(r.plan.audio.events.map((e) => [e.type, e.t]))})`);
        }
        if (row.id === 'chew') {
          const opening = r.frames.map((f, i) => blockPeak(idle.frames[i]!, f, W, jaw));
          assert.ok(swings(opening, 0.6 * Math.max(...opening)) >= 3, `chew: the jaw opens and closes repeatedly (${opening.map((v) => v.toFixed(1)).join(' ')})`);
        }
      });
    }
  });
}

test('idle life: a product or a building does not move at all with no action', { timeout: 120_000 }, async () => {
  for (const [file, prompt] of [['product-coffee.png', 'a cup of coffee on a table'], ['street-old-town.jpg', 'an old building in the town']] as const) {
    const photo: Photo = { name: file, who: '', kind: 'animal', load: () => readFile(fixture(file)), width: 128 };
    const r = await render(photo, prompt);
    assert.deepEqual(r.plan.shots[0]!.subjects ?? [], [], `${file}: no living subject`);
    const change = peak(changeSeries(r.frames, W, r.H, { x: 0, y: 0, w: W, h: r.H }));
    assert.equal(change, 0, `${file}: every frame is frame 0 (${change})`);
  }
});

test('idle life: a person whose body is in the frame moves a little though the prompt names nobody', { timeout: 120_000 }, async () => {
  // the footballer with his face blurred away: no face is found, his body's pose is
  const photo: Photo = { name: 'footballer, face hidden', who: '', kind: 'person', load: footballerFaceHidden, width: 160 };
  const r = await render(photo, 'static shot');
  const subject = r.plan.shots[0]!.subjects?.[0];
  assert.equal(subject?.kind, 'person', 'a person subject for the body in the frame');
  assert.ok(subject!.idle > 0);
  const box = subject!.box;
  const inside = peak(changeSeries(r.frames, W, r.H, { x: box.x * W, y: box.y * r.H, w: box.w * W, h: box.h * r.H }));
  assert.ok(inside > 0.3, `the person moves (${inside.toFixed(2)})`);
  assert.ok(backgroundPeak(r.frames, W, r.H, [{ x: (box.x - 0.05) * W, y: (box.y - 0.05) * r.H, w: (box.w + 0.1) * W, h: (box.h + 0.1) * r.H }]) < 4, 'the background stays still');
});

test('idle life: an animal the prompt does not name still breathes', { timeout: 120_000 }, async () => {
  const photo: Photo = { name: 'dog', who: '', kind: 'animal', load: () => readFile(LOCAL('dog-porch.jpg')), width: 160 };
  const r = await render(photo, 'static shot, warm evening light');
  const subject = r.plan.shots[0]!.subjects?.[0];
  assert.equal(subject?.kind, 'animal', 'an animal subject for the dog the detector found');
  const box = subject!.box;
  const inside = peak(changeSeries(r.frames, W, r.H, { x: box.x * W, y: box.y * r.H, w: box.w * W, h: box.h * r.H }));
  assert.ok(inside > 0.3, `the dog moves (${inside.toFixed(2)})`);
  assert.ok(backgroundPeak(r.frames, W, r.H, [{ x: (box.x - 0.05) * W, y: (box.y - 0.05) * r.H, w: (box.w + 0.1) * W, h: (box.h + 0.1) * r.H }]) < 4, 'the background stays still');
});
