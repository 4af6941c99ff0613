/**
 * An animal's head actions are placed where its head is, on real photos where its region alone
 * would put the head elsewhere — static camera: against the same shot with no action, the head
 * changes clearly more than two x264 encodes do (decoded output), while the renderer leaves parts
 * of the region away from the head exactly as in that shot.
 * - The red squirrel, in profile among leaves, with no detector box and a salient region most of
 *   the frame: its one eye is found by its shape (analyze/animals/rimmed-eye.ts) and the head
 *   turns round it; the leaves above and beside it (where a head placed from the region swung
 *   them) stay.
 * - Debian's cheetah, seen side-on, its eyes not found: its head is found at the end of its
 *   outline that rises above its back (analyze/animals/outline-head.ts), the plan says so, and the
 *   head turns there; the middle of its back (where the region put the head) stays.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import type { PlanSubject, ShotPlan } from '../../../../src/engine/plan.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { encodedLuma, lumaDiff } from '../../../helpers/encoded-clip.js';
import { lockCamera, type Region } from '../../../helpers/local-motion.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());

const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
const W = 320;

/** The turn against the idle shot: the head moves on decoded frames; `still` regions are untouched on rendered ones. */
async function turnsOnlyItsHead(scene: Scene, who: string, head: (s: PlanSubject, H: number) => Region, still: (H: number) => Region[]): Promise<PlanSubject> {
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = (prompt: string): ShotPlan => lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 7 }), scene));
  const idlePlan = plan(`${who} in the sun`), turning = plan(`${who} turns its head`);
  const subject = turning.shots[0]!.subjects?.[0];
  const action = subject?.actions.find((a) => a.type === 'turn_head');
  assert.ok(subject && action, `the turn is performed: ${JSON.stringify(subject)} / ${turning.notes.join(' | ')}`);
  const [idle, frames] = await Promise.all([encodedLuma(idlePlan, scene, W, H), encodedLuma(turning, scene, W, H)]);
  const from = Math.round(action.start * turning.fps), to = Math.min(frames.length - 1, Math.round(action.end * turning.fps));
  const on = frames.map((f, i) => lumaDiff(idle[i]!, f, W, head(subject, H)).peak);
  const noise = Math.max(...on.slice(0, from)), moved = Math.max(...on.slice(from, to + 1));
  assert.ok(moved > noise + 4, `the head moves (largest tile change against the idle clip ${moved.toFixed(1)} levels, x264 noise ${noise.toFixed(1)})`);
  // two encodes differ by x264's noise wherever anything in the frame differs: the still parts
  // are compared on the renderer's frames
  const [ra, rb] = await Promise.all([renderAll(idlePlan, scene), renderAll(turning, scene)]);
  for (const [k, r] of still(H).entries()) {
    let most = 0;
    for (let i = 0; i < ra.length; i++) for (let y = Math.floor(r.y); y < r.y + r.h; y++) for (let x = Math.floor(r.x); x < r.x + r.w; x++) most = Math.max(most, Math.abs(ra[i]![y * W + x]! - rb[i]![y * W + x]!));
    assert.equal(most, 0, `still part ${k} is untouched by the turn (largest change ${most})`);
  }
  return subject;
}

test('the red squirrel turns its head: the head round its found eye moves, the leaves in its region do not', { timeout: 300_000 }, async () => {
  const scene = await analyzed(await readFile(LOCAL('squirrel-branch.jpg')));
  const subject = await turnsOnlyItsHead(scene, 'the squirrel', (s, H) => {
    const eye = s.eyes![0]!, r = eye.r * W;
    return { x: eye.x * W - 6 * r, y: eye.y * H - 5 * r, w: 12 * r, h: 10 * r };
  }, (H) => [{ x: 0.05 * W, y: 0.02 * H, w: 0.4 * W, h: 0.22 * H }, { x: 0.75 * W, y: 0.02 * H, w: 0.2 * W, h: 0.2 * H }]);
  assert.equal(subject.eyes?.length, 1, 'one eye found');
  // on the squirrel's head (it spans about 0.50–0.67 of the width, 0.30–0.50 of the height)
  const eye = subject.eyes![0]!;
  assert.ok(eye.x > 0.5 && eye.x < 0.67 && eye.y > 0.3 && eye.y < 0.5, `the eye is on the head (${JSON.stringify(eye)})`);
});

test("Debian's cheetah, side-on, no eyes found: its head is found at the raised end of its outline and turns there, its back stays", { timeout: 300_000 }, async () => {
  const scene = await analyzed(await readFile(LOCAL('cheetah.jpg')));
  const subject = await turnsOnlyItsHead(scene, 'the cheetah', (s, H) => {
    const h = s.head!;
    return { x: (h.x - h.size / 2) * W, y: h.y * H - (h.size / 2) * W, w: h.size * W, h: h.size * W };
  }, (H) => [{ x: 0.42 * W, y: 0.3 * H, w: 0.16 * W, h: 0.12 * H }]);
  assert.ok(!subject.eyes && subject.head && /outline/.test(subject.head.found), `the plan says how its head was found: ${JSON.stringify(subject)}`);
  // on its head: about 0.09–0.22 of the width, 0.23–0.41 of the height
  const h = subject.head!;
  assert.ok(h.x > 0.09 && h.x < 0.22 && h.y > 0.23 && h.y < 0.41, `the head found is the cheetah's (${JSON.stringify(h)})`);
});
