/**
 * Gestures of the arm from the body pose, on decoded static-camera frames of two people with their
 * hands in the frame — a footballer with his arms out (and the same photo mirrored, so the
 * gesturing arm is on the other side) and a man holding a camera on a tripod: wave, raise a hand,
 * point and shrug move the arm region clearly beyond the idle clip, far from the person the
 * picture stays still, and a wave swings back and forth. Where the hand is not in the frame (the
 * astronaut's portrait), both hands meet holding something (the footballer's pose with his wrists
 * brought together: one hand swung would tear what they hold), or the gesturing hand is on
 * something larger than a hand (the cameraman's, on his camera and its tripod: a wave dragged the
 * strap and the tripod's top), the gesture is a note, not a silent no-op or a torn object; a shrug
 * (shoulders, not hands) is still performed.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { fixture } from '../../../helpers/fixtures.js';
import { blockPeak, lockCamera, swings, type Region } from '../../../helpers/local-motion.js';
import { renderAll } from '../../../helpers/render-frames.js';
import { armRegion } from '../../../helpers/action-regions.js';
import { ASK } from '../../../helpers/action-asks.js';

after(() => closePicturePool());
const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
/**
 * People with an arm in the frame: the footballer (arms out), his mirror image (the gesturing arm on the other side) and a
 * man holding a camera on a tripod (both hands up at the camera: `holds`, the gestures that move his hand are notes).
 */
const PEOPLE = [
  { name: 'the footballer', who: 'the player', idle: 'the player in the stadium', load: () => readFile(LOCAL('football-player.jpg')) },
  { name: 'the footballer (mirrored)', who: 'the player', idle: 'the player in the stadium', load: async () => sharp(await readFile(LOCAL('football-player.jpg'))).flop().jpeg({ quality: 92 }).toBuffer() },
  { name: 'the cameraman', who: 'the man', idle: 'a man with a camera in a park', load: () => readFile(LOCAL('cameraman-tripod.png')), holds: true },
];
const W = 192;

async function render(scene: Scene, prompt: string) {
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 3 }), scene));
  return { plan, H, frames: await renderAll(plan, scene) };
}

for (const person of PEOPLE) {
  test(`arm gestures on ${person.name}: the arm moves, the far background stays`, { timeout: 300_000 }, async (t) => {
    const scene = await analyzed(await person.load());
    assert.ok(scene.pose, 'a body pose is found');
    const idle = await render(scene, person.idle);
    const where = armRegion(scene, W, idle.H)!;
    // far from the person: the bottom-left and bottom-right corners of the pitch and the top corners of the crowd, away from the arm
    const corners: Region[] = [{ x: 0, y: idle.H - 24, w: 24, h: 24 }, { x: W - 24, y: 0, w: 24, h: 24 }, { x: 0, y: 0, w: 24, h: 24 }, { x: W - 24, y: idle.H - 24, w: 24, h: 24 }]
      .filter((c) => c.x + c.w < where.x || c.x > where.x + where.w || c.y + c.h < where.y || c.y > where.y + where.h);
    assert.ok(corners.length >= 2);
    for (const id of ['wave', 'raise_hand', 'point', 'shrug'] as const) {
      const ask = ASK[id]!.person!;
      await t.test(id, async () => {
        const r = await render(scene, `${person.who} ${ask}`);
        const performed = (r.plan.shots[0]!.subjects ?? []).flatMap((s) => s.actions).concat(r.plan.shots[0]!.characters.flatMap((c) => c.actions));
        if (person.holds && id !== 'shrug') {
          assert.ok(!performed.some((a) => a.type === id), `${id} is not performed: ${JSON.stringify(performed)}`);
          assert.ok(r.plan.notes.includes(`'${person.who} ${ask}': ${person.who}'s hand is on something larger than the hand: moving the hand would tear it`), r.plan.notes.join(' | '));
          return;
        }
        assert.ok(performed.some((a) => a.type === id), `${id} is performed: ${JSON.stringify(performed)} / ${r.plan.notes.join(' | ')}`);
        const extra = r.frames.map((f, i) => blockPeak(idle.frames[i]!, f, W, where));
        assert.ok(Math.max(...extra) > 6, `${id}: the arm moves beyond the idle clip (largest tile change ${Math.max(...extra).toFixed(1)})`);
        for (const c of corners) {
          const bg = Math.max(...r.frames.map((f) => blockPeak(r.frames[0]!, f, W, c)));
          assert.ok(bg < 1.5, `${id}: far from the person the picture stays still (${bg.toFixed(2)} at ${JSON.stringify(c)})`);
        }
        if (id === 'wave') assert.ok(swings(extra, 0.6 * Math.max(...extra)) >= 3, `wave: the hand swings back and forth (${extra.map((v) => v.toFixed(0)).join(' ')})`);
      });
    }
  });
}

test('a gesture whose hand is not in the frame is a note', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await readFile(fixture('portrait-astronaut.png')));
  const plan = direct(makeInput({ prompt: 'she waves at the camera and shrugs' }), scene);
  assert.deepEqual(plan.shots[0]!.characters[0]!.actions.filter((a) => a.type === 'wave' || a.type === 'shrug'), []);
  assert.ok(plan.notes.some((n) => /^'she waves at the camera': her hands are not in the frame$/.test(n)), plan.notes.join(' | '));
});

test('a gesture of hands that hold something together is a note; a shrug is still performed', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await readFile(LOCAL('football-player.jpg')));
  // the footballer's pose with his hands brought together in front of his chest (holding a ball up), a tenth of his shoulder width apart
  const at = (name: string) => scene.pose!.keypoints.find((k) => k.name === name)!;
  const [ls, rs] = [at('left_shoulder'), at('right_shoulder')];
  const cx = (ls.x + rs.x) / 2, cy = (ls.y + rs.y) / 2 + 0.1, half = 0.05 * Math.abs(ls.x - rs.x);
  const pose = { keypoints: scene.pose!.keypoints.map((k) => (k.name === 'left_wrist' ? { ...k, x: cx + half, y: cy } : k.name === 'right_wrist' ? { ...k, x: cx - half, y: cy } : k)) };
  const holding: Scene = { ...scene, pose };
  for (const id of ['wave', 'raise_hand', 'point'] as const) {
    const ask = `the player ${ASK[id]!.person!}`;
    const plan = direct(makeInput({ prompt: ask }), holding);
    assert.deepEqual(plan.shots[0]!.characters.flatMap((c) => c.actions).filter((a) => a.type === id), [], `${id} is not performed`);
    assert.ok(plan.notes.includes(`'${ask}': the player's hands are together, holding something: moving one hand would tear it`), plan.notes.join(' | '));
  }
  const shrug = direct(makeInput({ prompt: `the player ${ASK.shrug!.person!}` }), holding);
  assert.ok(shrug.shots[0]!.characters.flatMap((c) => c.actions).some((a) => a.type === 'shrug'), shrug.notes.join(' | '));
  // the same photo with its own pose (hands apart) still waves
  assert.ok(direct(makeInput({ prompt: 'the player waves' }), scene).shots[0]!.characters.flatMap((c) => c.actions).some((a) => a.type === 'wave'));
});
