/**
 * A subject rig with a people matte moves the person, not the background box around them: the
 * footballer (his face hidden: no face found, so a subject rig) sways and breathes on a locked camera, and the
 * background inside the rig's box but clear of his silhouette stays still, while his own pixels
 * move. The control renders the same plan without the matte (the rig's box alone, as before):
 * there the same background moves. Small renders (256 px, 2.5 s), no encoding.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { footballerFaceHidden } from '../../../helpers/fixtures.js';
import { lockCamera } from '../../../helpers/local-motion.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());

const W = 256;

/** Output pixels by the matte: 'person' (≥ 0.9) and 'background' (the box, with no matte within `clear` px). */
function masks(scene: Scene, H: number, box: { x: number; y: number; w: number; h: number }, clear: number) {
  const { width: mw, height: mh } = scene.maps, matte = scene.layers!.matte!;
  const at = (x: number, y: number) => matte[Math.min(mh - 1, Math.floor(((y + 0.5) / H) * mh)) * mw + Math.min(mw - 1, Math.floor(((x + 0.5) / W) * mw))]!;
  const person = new Uint8Array(W * H), background = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const u = (x + 0.5) / W, v = (y + 0.5) / H;
    if (at(x, y) >= 0.9) person[y * W + x] = 1;
    if (u < box.x || u > box.x + box.w || v < box.y || v > box.y + box.h) continue;
    let near = false;
    for (let dy = -clear; dy <= clear && !near; dy++) for (let dx = -clear; dx <= clear && !near; dx++) {
      const xx = x + dx, yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < W && yy < H && at(xx, yy) > 0.02) near = true;
    }
    if (!near) background[y * W + x] = 1;
  }
  return { person, background };
}

/** The largest mean |Δluma| from frame 0 over a mask, across the frames. */
function peakChange(frames: readonly Uint8Array[], mask: Uint8Array): number {
  let best = 0;
  for (const f of frames) {
    let s = 0, n = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i]) { s += Math.abs(f[i]! - frames[0]![i]!); n++; }
    best = Math.max(best, n ? s / n : 0);
  }
  return best;
}

test('the footballer sways and breathes: his silhouette moves, the background in his box stays still', { timeout: 240_000 }, async (t) => {
  const scene = await analyzed(await footballerFaceHidden());
  assert.equal(scene.layers?.matteSource, 'segmentation');
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt: 'the man sways, then breathes deeply', width: W, height: H, duration: 2.5, seed: 7 }), scene));
  const subject = plan.shots[0]!.subjects?.[0];
  assert.ok(subject, 'the man is a subject rig (no face was found)');
  assert.deepEqual(subject.actions.map((a) => a.type), ['sway', 'breathe']);
  const { person, background } = masks(scene, H, subject.box, 4);
  const count = (m: Uint8Array) => m.reduce((s, v) => s + v, 0);
  assert.ok(count(person) > 1000 && count(background) > 1000, `${count(person)} person px, ${count(background)} background px in the box`);

  const frames = await renderAll(plan, scene);
  const withoutMatte = await renderAll(plan, { ...scene, layers: { ...scene.layers!, matte: null } });
  const moved = peakChange(frames, person), still = peakChange(frames, background), before = peakChange(withoutMatte, background);
  t.diagnostic(`mean |Δluma| at the peak: person ${moved.toFixed(2)}, background in the box ${still.toFixed(3)} (the box alone, as before: ${before.toFixed(2)})`);
  assert.ok(moved > 2, `the person moves (${moved.toFixed(2)})`);
  assert.ok(still < 0.1 * moved, `the background in the box stays still (${still.toFixed(3)} vs the person's ${moved.toFixed(2)})`);
  assert.ok(before > 3 * still, `control: the box alone moves that background (${before.toFixed(2)})`);
});
