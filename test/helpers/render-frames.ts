/**
 * Renders a plan with the real picture stage and collects every frame (I420), for tests.
 *
 * @example const frames = await renderAll(plan, scene); frames.length // → frameCount(plan)
 */
import { renderPicture } from '../../src/engine/picture/index.js';
import type { ShotPlan } from '../../src/engine/plan.js';
import type { Scene } from '../../src/engine/scene.js';

export async function renderAll(plan: ShotPlan, scene: Scene): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  await renderPicture(plan, scene, {
    onFrame: (frame, index) => {
      if (index !== frames.length) throw new Error(`frame ${index} arrived out of order (expected ${frames.length})`);
      frames.push(frame);
    },
  });
  return frames;
}
