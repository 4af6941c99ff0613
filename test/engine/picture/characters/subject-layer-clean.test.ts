/**
 * The subject layer holds the subject and nothing behind it: on the footballer (and his mirror
 * image), analysed for real, the layer the wave (or his idle life, or a push-in's parallax) moves
 * has no alpha beyond his outline drawn by hand (test/fixtures/person-masks.json, grown by 3 % of
 * the width for the matte's soft edge and the limbs put back from the pose). Before, it carried a
 * steward in the crowd that the segmentation model half saw (at 0.35) and strips of the stands'
 * railings and the pitch's line that the straight-structure rule joined to him: they moved with
 * his arm and tore the crowd behind it into blocks and streaks. And on a decoded static-camera
 * clip of him leaning in (x264 and back), the picture away from his outline stays still: before,
 * the steward's ghost grew with him.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { prepareSetup } from '../../../../src/engine/picture/setup/prepare.js';
import { dilate } from '../../../../src/engine/analyze/dilate.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { footballerFaceHidden } from '../../../helpers/fixtures.js';
import { encodedLuma } from '../../../helpers/encoded-clip.js';
import { lockCamera } from '../../../helpers/local-motion.js';
import { polygonMask } from '../../../helpers/polygon-mask.js';

after(() => closePicturePool());
const OUTLINE = JSON.parse(await readFile(new URL('../../../fixtures/person-masks.json', import.meta.url), 'utf8')).masks['football-player.jpg'].polygon as Array<[number, number]>;
const W = 320;

for (const mirrored of [false, true]) {
  test(`the footballer${mirrored ? ' (mirrored)' : ''}: his layer holds nothing beyond his outline`, { timeout: 120_000 }, async () => {
    const bytes = mirrored ? await sharp(await footballerFaceHidden()).flop().jpeg({ quality: 92 }).toBuffer() : await footballerFaceHidden();
    const scene = await analyzed(bytes);
    const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
    const outline = mirrored ? OUTLINE.map(([x, y]) => [1 - x, y] as [number, number]) : OUTLINE;
    const near = dilate(polygonMask(outline, W, H), W, H, Math.round(0.03 * W));
    let area = 0;
    for (let i = 0; i < W * H; i++) area += near[i]!;
    const setup = await prepareSetup(direct(makeInput({ prompt: 'the player waves', width: W, height: H, duration: 2, seed: 3 }), scene), scene);
    assert.ok(setup.layers, 'the subject is on a layer of its own');
    const front = new Uint8Array(setup.layers.front), cw = setup.canvasWidth;
    let stray = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      if (!near[y * W + x] && front[((y + setup.marginY) * cw + x + setup.marginX) * 4 + 3]! >= 26) stray++;
    }
    assert.ok(stray < 0.003 * area, `${stray} px of his layer (alpha ≥ 0.1) lie beyond his outline (${((stray / area) * 100).toFixed(2)} % of his area; want < 0.3 %)`);
  });
}

test('the footballer leans in, the camera still: away from his outline the decoded picture stays still', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await footballerFaceHidden());
  const w = 256, h = Math.round((w * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt: 'the player leans in', width: w, height: h, duration: 2.5, seed: 3 }), scene));
  assert.ok(plan.shots[0]!.subjects?.some((s) => s.actions.some((a) => a.type === 'lean_in')), 'he leans in');
  const frames = await encodedLuma(plan, scene, w, h);
  // 8 px tiles wholly clear of his outline grown by 4 % of the width (the lean's own growth)
  const near = dilate(polygonMask(OUTLINE, w, h), w, h, Math.round(0.04 * w));
  let worst = 0, at = '';
  for (let ty = 0; ty + 8 <= h; ty += 8) for (let tx = 0; tx + 8 <= w; tx += 8) {
    let clear = true;
    for (let y = ty; y < ty + 8 && clear; y++) for (let x = tx; x < tx + 8; x++) if (near[y * w + x]) { clear = false; break; }
    if (!clear) continue;
    for (const f of frames) {
      let d = 0;
      for (let y = ty; y < ty + 8; y++) for (let x = tx; x < tx + 8; x++) d += Math.abs(f[y * w + x]! - frames[0]![y * w + x]!);
      if (d / 64 > worst) { worst = d / 64; at = `${tx},${ty}`; }
    }
  }
  assert.ok(worst < 3, `the largest change of an 8 px tile away from him is ${worst.toFixed(2)} grey levels (at ${at}; want < 3)`);
});
