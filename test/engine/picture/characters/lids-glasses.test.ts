/**
 * A blink behind glasses, on rendered frames of a static shot (Grace Hopper, whose spectacle rims
 * sit half an eye-height above her lids), against the same shot with no blink asked: the eye
 * closes, and the rim above it stays where it is. A lid drawn from the skin above the eye would
 * drag the rim down over it (analyze/faces/lid-room.ts).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { lockCamera } from '../../../helpers/local-motion.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());

const EYES = [{ upper: [37, 38], lower: [40, 41], corners: [36, 39] }, { upper: [43, 44], lower: [46, 47], corners: [42, 45] }];

test('a blink behind glasses closes the eye and leaves the spectacle rim above it in place', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await readFile(new URL('../../../fixtures/images/portrait-grace-hopper.jpg', import.meta.url)));
  const W = 480, H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt: 'she blinks slowly', width: W, height: H, duration: 2.5, seed: 7 }), scene));
  const blink = plan.shots[0]!.characters[0]!.actions.find((a) => a.type === 'blink');
  assert.ok(blink, 'the plan performs the blink');
  // the same shot with no blink asked: the head's idle life is the same (same seed), so what differs is the blink
  const idle = lockCamera(direct(makeInput({ prompt: 'a portrait of her', width: W, height: H, duration: 2.5, seed: 7 }), scene));
  const at0 = Math.round(((blink.start + blink.end) / 2) * plan.fps);
  const peak = (await renderAll(plan, scene))[at0]!, still = (await renderAll(idle, scene))[at0]!;
  const L = scene.faces[0]!.landmarks;
  const at = (i: number) => [L[i]![0] * W, L[i]![1] * H] as const;
  // mean luma of a band of rows over the eye's middle, and its mean change from frame 0
  const band = (img: Uint8Array, x0: number, x1: number, y0: number, y1: number) => {
    let sum = 0, n = 0;
    for (let y = Math.round(y0); y <= Math.round(y1); y++) for (let x = Math.round(x0); x <= Math.round(x1); x++) { sum += img[y * W + x]!; n++; }
    return sum / n;
  };
  const change = (x0: number, x1: number, y0: number, y1: number) => {
    let sum = 0, n = 0;
    for (let y = Math.round(y0); y <= Math.round(y1); y++) for (let x = Math.round(x0); x <= Math.round(x1); x++) { sum += Math.abs(peak[y * W + x]! - still[y * W + x]!); n++; }
    return sum / n;
  };
  for (const eye of EYES) {
    const up = (at(eye.upper[0]!)[1] + at(eye.upper[1]!)[1]) / 2, lo = (at(eye.lower[0]!)[1] + at(eye.lower[1]!)[1]) / 2, h = lo - up;
    const x0 = at(eye.corners[0]!)[0] + 0.2 * (at(eye.corners[1]!)[0] - at(eye.corners[0]!)[0]), x1 = at(eye.corners[1]!)[0] - 0.2 * (at(eye.corners[1]!)[0] - at(eye.corners[0]!)[0]);
    // the rim: the darkest row above the eye, within one and a half eye-heights
    let rim = up - 0.3 * h;
    for (let y = up - 0.3 * h; y >= up - 1.5 * h; y--) if (band(still, x0, x1, y, y) < band(still, x0, x1, rim, rim)) rim = y;
    const eyeChange = change(x0, x1, up, lo), rimChange = change(x0, x1, rim - 0.15 * h, rim + 0.15 * h);
    assert.ok(eyeChange > 12, `the eye closes (mean luma change ${eyeChange.toFixed(1)})`);
    assert.ok(rimChange < 8, `the rim stays in place (mean luma change ${rimChange.toFixed(1)} where it was, the eye's ${eyeChange.toFixed(1)})`);
  }
});
