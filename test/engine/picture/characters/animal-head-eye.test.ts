/**
 * An animal's head actions are placed where its eye is: the red squirrel, in profile among
 * leaves, with no detector box and a salient region most of the frame, has its one eye found by
 * its shape (analyze/animals/rimmed-eye.ts), and "turns its head" moves the head around that eye
 * — static camera, x264-encoded and decoded: the head differs from the same shot with no action
 * clearly more than two encodes do, while the renderer leaves the leaves above and beside it
 * (inside the region, where a head placed from the region alone swung them too) exactly as in
 * that shot.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzeImage } from '../../../../src/engine/analyze/index.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { encodedLuma, lumaDiff } from '../../../helpers/encoded-clip.js';
import { lockCamera, type Region } from '../../../helpers/local-motion.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());

const W = 320;

test('the red squirrel turns its head: the head round its found eye moves, the leaves in its region do not', { timeout: 300_000 }, async () => {
  const scene = await analyzeImage(await readFile(new URL('../../../fixtures/images/squirrel-branch.jpg', import.meta.url)));
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = (prompt: string) => lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 7 }), scene));
  const turning = plan('the squirrel turns its head');
  const subject = turning.shots[0]!.subjects?.[0];
  const action = subject?.actions.find((a) => a.type === 'turn_head');
  assert.ok(subject?.eyes?.length === 1 && action, `one eye found and the turn performed: ${JSON.stringify(subject)} / ${turning.notes.join(' | ')}`);
  const eye = subject.eyes[0]!;
  // the eye sits on the squirrel's head (its head spans about 0.50–0.67 of the width, 0.30–0.50 of the height)
  assert.ok(eye.x > 0.5 && eye.x < 0.67 && eye.y > 0.3 && eye.y < 0.5, `the eye is on the head (${JSON.stringify(eye)})`);
  const [idle, frames] = await Promise.all([encodedLuma(plan('the squirrel on a branch'), scene, W, H), encodedLuma(turning, scene, W, H)]);
  const from = Math.round(action.start * turning.fps), to = Math.min(frames.length - 1, Math.round(action.end * turning.fps));
  const r = eye.r * W;
  const head: Region = { x: eye.x * W - 6 * r, y: eye.y * H - 5 * r, w: 12 * r, h: 10 * r };
  // the leaves: the top of the frame and its left, well away from the head
  const leaves: Region[] = [{ x: 0.05 * W, y: 0.02 * H, w: 0.4 * W, h: 0.22 * H }, { x: 0.75 * W, y: 0.02 * H, w: 0.2 * W, h: 0.2 * H }];
  const series = (region: Region) => frames.map((f, i) => lumaDiff(idle[i]!, f, W, region).peak);
  const on = series(head);
  const noise = Math.max(...on.slice(0, from)), moved = Math.max(...on.slice(from, to + 1));
  assert.ok(moved > noise + 4, `the head moves (largest tile change against the idle clip ${moved.toFixed(1)} levels, x264 noise ${noise.toFixed(1)})`);
  // the leaves: two encodes differ by x264's noise wherever anything in the frame differs, so
  // they are compared on the renderer's frames, which leave them exactly as in the idle shot
  const [ra, rb] = await Promise.all([renderAll(plan('the squirrel on a branch'), scene), renderAll(turning, scene)]);
  for (const [k, r] of leaves.entries()) {
    let most = 0;
    for (let i = 0; i < ra.length; i++) for (let y = Math.floor(r.y); y < r.y + r.h; y++) for (let x = Math.floor(r.x); x < r.x + r.w; x++) most = Math.max(most, Math.abs(ra[i]![y * W + x]! - rb[i]![y * W + x]!));
    assert.equal(most, 0, `leaves ${k} are untouched by the turn (largest change ${most})`);
  }
});
