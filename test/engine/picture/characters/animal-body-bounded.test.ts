/**
 * An animal whose region is far larger than it (no detector box: the salient region took in the
 * leaves round it) breathes and sways its own body, not the leaves: the red squirrel among leaves,
 * idle on a locked camera. Decoded output (x264, small size): the leaves well away from it (the
 * frame's left fifth, the bottom-left corner, the band above it) stay within x264's noise of
 * frame 0, while its body moves clearly more than in the same clip rendered with no idle life.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import type { ShotPlan } from '../../../../src/engine/plan.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { encodedLuma } from '../../../helpers/encoded-clip.js';
import { lockCamera, type Region } from '../../../helpers/local-motion.js';

after(() => closePicturePool());

const W = 256;

/** The largest mean |Δluma| against frame 0 over a region, across the clip. */
function peak(frames: readonly Float32Array[], r: Region): number {
  let best = 0;
  for (const f of frames) {
    let s = 0, n = 0;
    for (let y = Math.floor(r.y); y < Math.floor(r.y + r.h); y++) for (let x = Math.floor(r.x); x < Math.floor(r.x + r.w); x++) { s += Math.abs(f[y * W + x]! - frames[0]![y * W + x]!); n++; }
    best = Math.max(best, s / n);
  }
  return best;
}

test('the red squirrel idles: its body moves, the leaves away from it stay still', { timeout: 300_000 }, async (t) => {
  const scene = await analyzed(await readFile(new URL('../../../fixtures/images/squirrel-branch.jpg', import.meta.url)));
  assert.ok(!scene.animals?.length, 'no detector box: the region is the salient one');
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt: 'a red squirrel sits on a branch', width: W, height: H, duration: 2.5, seed: 7 }), scene));
  const subject = plan.shots[0]!.subjects?.[0];
  assert.ok(subject, 'the squirrel is a subject rig');
  const lifeless: ShotPlan = { ...plan, shots: plan.shots.map((s) => ({ ...s, subjects: s.subjects?.map((x) => ({ ...x, idle: 0 })) })) };
  const [frames, still] = await Promise.all([encodedLuma(plan, scene, W, H), encodedLuma(lifeless, scene, W, H)]);
  const leaves: Record<string, Region> = {
    'left fifth': { x: 0, y: 0, w: 0.2 * W, h: H },
    'bottom-left corner': { x: 0, y: 0.75 * H, w: 0.25 * W, h: 0.25 * H },
    'band above it': { x: 0.1 * W, y: 0.02 * H, w: 0.8 * W, h: 0.18 * H },
  };
  // its chest and haunch, under its head
  const body: Region = { x: 0.32 * W, y: 0.5 * H, w: 0.22 * W, h: 0.3 * H };
  const moved = peak(frames, body), noLife = peak(still, body);
  t.diagnostic(`body ${moved.toFixed(2)} (no idle life ${noLife.toFixed(2)}); ${Object.entries(leaves).map(([k, r]) => `${k} ${peak(frames, r).toFixed(3)} (no life ${peak(still, r).toFixed(3)})`).join(', ')}`);
  assert.ok(moved > noLife + 1, `the body moves (${moved.toFixed(2)} against ${noLife.toFixed(2)} with no idle life)`);
  for (const [k, r] of Object.entries(leaves)) {
    const m = peak(frames, r), n = peak(still, r);
    assert.ok(m < n + 0.15, `the leaves (${k}) stay still: ${m.toFixed(3)} against ${n.toFixed(3)} with no idle life`);
  }
});
