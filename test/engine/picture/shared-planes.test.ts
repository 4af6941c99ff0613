/**
 * A render's sheets are converted to YUV planes once for all its workers (kernel/shared-planes.ts):
 * a second renderer of the same setup takes the planes the first converted — it renders the same
 * frames even when its own copies of the sheets are blanked — and those are the bytes a renderer
 * converting its own (no shared planes) renders too.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { prepareSetup } from '../../../src/engine/picture/setup/prepare.js';
import { createRenderer } from '../../../src/engine/picture/kernel/renderer.js';
import type { RenderSetup } from '../../../src/engine/picture/types.js';
import { sharedPlaneBytes } from '../../../src/engine/picture/kernel/frame-kernels.js';
import { sharedPlanes } from '../../../src/engine/picture/kernel/shared-planes.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { layeredScene } from '../../helpers/layered-scene.js';

after(closePicturePool);

const W = 320, H = 180;
const blank = (sab: SharedArrayBuffer) => new SharedArrayBuffer(sab.byteLength);

test('a second renderer of a setup takes the planes the first converted; they are the bytes it would convert itself', { timeout: 120_000 }, async () => {
  const { scene } = layeredScene(W, H, 5);
  const plan = picturePlan({ width: W, height: H, duration: 0.5, seed: 42, moves: ['truck_right'], end: { truck: 0.06 } });
  const prepared = await prepareSetup(plan, scene);
  // (as renderPicture hands it to the workers)
  const setup: RenderSetup = { ...prepared, sharedPlanes: sharedPlanes(sharedPlaneBytes(prepared)) };
  assert.ok(setup.layers, 'a layered setup');
  // frame 0 warps the picture's own sheet (no parallax yet), the later ones the layers
  const frames = [0, 5, 11];
  const render = (s: RenderSetup) => { const r = createRenderer(s); return frames.map((i) => Buffer.from(r.render(i))); };

  const first = render(setup);
  const blanked: RenderSetup = { ...setup, canvas: blank(setup.canvas), layers: { ...setup.layers!, back: blank(setup.layers!.back), front: blank(setup.layers!.front) } };
  const second = render(blanked);
  const own = render({ ...setup, sharedPlanes: undefined });
  frames.forEach((f, k) => {
    assert.ok(second[k]!.equals(first[k]!), `frame ${f}: the second renderer converted its own (blank) sheets instead of taking the shared planes`);
    assert.ok(own[k]!.equals(first[k]!), `frame ${f}: the shared planes differ from a renderer's own`);
  });
});
