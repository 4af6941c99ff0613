/**
 * Frame 0 is the user's picture: whatever the plan does later (camera move, effects, grade), the
 * first frame equals the input resized to the output size, after the I420 round trip.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { fixtureScene } from '../../helpers/fixture-scene.js';
import { fixture } from '../../helpers/fixtures.js';
import { i420ToRgb, psnr } from '../../helpers/frame-metrics.js';
import { pictureEffect, picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';

after(closePicturePool);

for (const [name, width, height] of [['street-old-town.jpg', 320, 240], ['portrait-astronaut.png', 256, 256], ['product-coffee.png', 336, 224]] as const) {
  test(`frame 0 of a busy plan is ${name} resized (PSNR ≥ 35 dB)`, async () => {
    const scene = await fixtureScene(name);
    const plan = picturePlan({
      width, height, duration: 0.5, moves: ['push_in', 'handheld'],
      end: { zoom: 1.2, truck: 0.04, dolly: 0.1, roll: 2 }, shake: { amplitude: 0.01, frequency: 1.5 },
      effects: [pictureEffect('rain'), pictureEffect('fog'), pictureEffect('water_shimmer'), pictureEffect('lens_flare')],
      grade: { exposure: 0.5, contrast: 1.2, saturation: 0.7, warmth: 0.5, vignette: 0.6 },
    });
    const frames = await renderAll(plan, scene);
    assert.equal(frames.length, 12);
    for (const f of frames) assert.equal(f.length, (width * height * 3) / 2);
    const expected = new Uint8Array(await sharp(fixture(name)).resize(width, height).removeAlpha().raw().toBuffer());
    const first = psnr(i420ToRgb(frames[0]!, width, height), expected);
    assert.ok(first >= 35, `frame 0 PSNR ${first.toFixed(1)} dB`);
    // and the plan does do something afterwards
    const last = psnr(i420ToRgb(frames[frames.length - 1]!, width, height), expected);
    assert.ok(last < 25, `last frame PSNR ${last.toFixed(1)} dB should show the move and effects`);
  });
}
