/**
 * Every animal row the subject rig performs (head turns, nods, tilts, looks, breathing, sway,
 * leaning in, sniffing, chewing, yawning), as a user sees it: static camera, x264-encoded and
 * decoded, on two real photos: the ground squirrel, and the dog on the porch, rigged in the
 * detector's box, so the bicycle beside it is background that must stay still (the cat close-up,
 * whose detector box is the whole frame, would leave no background to check). Against the same shot with no
 * action (idle life only, same seed) the animal's region changes clearly more than two encodes of
 * the same frames do (x264's own noise, measured before the action starts), and the background
 * away from the animal changes no more than that noise. The shapes of the actions (a turn shifts
 * and returns, a chew repeats) are checked on the renderer's frames in actions.test.ts.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { ACTIONS } from '../../../../src/engine/direct/characters/actions.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { ASK } from '../../../helpers/action-asks.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { encodedLuma, lumaDiff } from '../../../helpers/encoded-clip.js';
import { enlargedTwice } from '../../../helpers/fixtures.js';
import { lockCamera, type Region } from '../../../helpers/local-motion.js';

after(() => closePicturePool());

const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
const PHOTOS = [
  { name: 'ground squirrel', who: 'the squirrel', W: 192, load: () => enlargedTwice(LOCAL('ground-squirrel.jpg')) },
  { name: 'dog on the porch', who: 'the dog', W: 256, load: () => readFile(LOCAL('dog-porch.jpg')) },
];
const ROWS = ACTIONS.filter((a) => a.rig.animal === 'subject' || a.rig.animal === 'head');

for (const photo of PHOTOS) {
  test(`animal rows on decoded output, the ${photo.name}: the animal moves above idle and x264's noise, the background does not`, { timeout: 600_000 }, async (t) => {
    const { W } = photo;
    const scene = await analyzed(await photo.load());
    const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
    const plan = (prompt: string) => lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 7 }), scene));
    const idlePlan = plan(`${photo.who} in a portrait`);
    const idle = await encodedLuma(idlePlan, scene, W, H);
    const box = idlePlan.shots[0]!.subjects![0]!.box;
    const animal: Region = { x: box.x * W, y: box.y * H, w: box.w * W, h: box.h * H };
    // the background: whatever lies a margin outside the animal's box (the subject rig fades its
    // warps out at the box's edge)
    const mx = 0.06 * W, my = 0.06 * H;
    const outside = (x: number, y: number) => x < animal.x - mx || x >= animal.x + animal.w + mx || y < animal.y - my || y >= animal.y + animal.h + my;
    const whole: Region = { x: 0, y: 0, w: W, h: H };
    for (const row of ROWS) {
      const ask = ASK[row.id]?.animal;
      assert.ok(ask, `${row.id}: the test knows how to ask for it`);
      await t.test(row.id, async () => {
        const acting = plan(`${photo.who} ${ask}`);
        const action = acting.shots[0]!.subjects?.[0]?.actions.find((a) => a.type === row.id);
        assert.ok(action, `the plan performs ${row.id}: ${JSON.stringify(acting.shots[0]!.subjects)} / ${acting.notes.join(' | ')}`);
        const frames = await encodedLuma(acting, scene, W, H);
        const from = Math.round(action.start * acting.fps), to = Math.min(frames.length - 1, Math.round(action.end * acting.fps));
        const on = frames.map((f, i) => lumaDiff(idle[i]!, f, W, animal).peak);
        const off = frames.map((f, i) => lumaDiff(idle[i]!, f, W, whole, outside).peak);
        // two encodes of the same frames differ by x264's noise alone: the frames before the action
        const noiseOn = Math.max(...on.slice(0, from)), noiseOff = Math.max(...off.slice(0, from));
        const moved = Math.max(...on.slice(from, to + 1)), still = Math.max(...off.slice(from, to + 1));
        assert.ok(moved > noiseOn + 4, `${row.id}: the ${photo.name} moves visibly (largest tile change against the idle clip ${moved.toFixed(1)} levels, x264 noise ${noiseOn.toFixed(1)})`);
        assert.ok(still < noiseOff + 1.5, `${row.id}: the background stays (largest tile change ${still.toFixed(2)} levels during the action, ${noiseOff.toFixed(2)} before it)`);
      });
    }
  });
}
