/**
 * Where an animal's head is: with no eyes found, the subject rig takes it in the upper middle of
 * the animal's outline, which holds for an animal sitting up or filling the frame but not for one
 * seen side-on (a cheetah walking past: there it is the middle of its back). Side-on, the head is
 * found from the outline instead (analyze/animals/outline-head.ts: the end that rises above the
 * back), and the plan says so; where neither end rises a head action is noted, never performed on
 * its back; sitting up it is performed. Drawn pictures, analysed as photos are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { makeInput } from '../../../helpers/direct-input.js';

const W = 480, H = 320;

/** A tawny animal (body ellipse and head disc) on pale green grass, no eyes drawn. */
async function drawn(body: { cx: number; cy: number; rx: number; ry: number }, head: { x: number; y: number; r: number }): Promise<Buffer> {
  const rgb = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const on = ((x - body.cx) / body.rx) ** 2 + ((y - body.cy) / body.ry) ** 2 < 1 || Math.hypot(x - head.x, y - head.y) < head.r;
    // a little texture so neither side is one flat colour
    const n = ((x * 7 + y * 13) % 9) - 4;
    const c = on ? [196 + n, 140 + n, 70 + n] : [150 + n, 190 + n, 130 + n];
    rgb.set(c, (y * W + x) * 3);
  }
  return sharp(rgb, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer();
}

const turn = async (image: Buffer) => direct(makeInput({ prompt: 'the animal turns its head', duration: 5 }), await analyzed(image));

test('an animal seen side-on with no eyes found: its head is where the end of its outline rises above its back, and the plan says so', { timeout: 60_000 }, async () => {
  const side = await turn(await drawn({ cx: 260, cy: 190, rx: 150, ry: 55 }, { x: 100, y: 140, r: 38 }));
  const subject = (side.shots[0]!.subjects ?? [])[0];
  assert.ok(subject && subject.actions.some((a) => a.type === 'turn_head'), `performed: ${JSON.stringify(side.shots[0]!.subjects)} ${side.notes.join(' | ')}`);
  assert.ok(subject.head && /outline/.test(subject.head.found), `the plan says how its head was found: ${JSON.stringify(subject.head)}`);
  // on the drawn head, not on its back
  assert.ok(Math.hypot(subject.head.x * W - 100, subject.head.y * H - 140) < 38, `the head at the drawn head (${(subject.head.x * W).toFixed(0)}, ${(subject.head.y * H).toFixed(0)})`);
  assert.ok(subject.head.size * W > 38 && subject.head.size * W < 4 * 38, `about the drawn head's size (${(subject.head.size * W).toFixed(0)} px across)`);
});

test('a head action on an animal seen side-on with no eyes found and neither end raised is noted; sitting up it is performed', { timeout: 60_000 }, async () => {
  // the head level with the body's middle: no end of the outline rises above its back
  const side = await turn(await drawn({ cx: 260, cy: 190, rx: 150, ry: 55 }, { x: 100, y: 195, r: 38 }));
  assert.ok(!(side.shots[0]!.subjects ?? []).some((s) => s.actions.some((a) => a.type === 'turn_head')), JSON.stringify(side.shots[0]!.subjects));
  assert.ok(side.notes.some((n) => /head is not identified in the picture: .*side-on/.test(n)), side.notes.join(' | '));
  const upright = await turn(await drawn({ cx: 240, cy: 200, rx: 70, ry: 100 }, { x: 240, y: 90, r: 45 }));
  assert.ok((upright.shots[0]!.subjects ?? []).some((s) => s.actions.some((a) => a.type === 'turn_head')), `${JSON.stringify(upright.shots[0]!.subjects)} ${upright.notes.join(' | ')}`);
});
