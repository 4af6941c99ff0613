/**
 * The Scene a plan is rendered with: where analysis kept a salient matte aside (SceneLayers.salient:
 * no person and no depth cut gave a matte) and the plan animates a living subject (an animal, a
 * person), that matte is the subject layer — its body breathes and its head turns over a
 * background synthesised behind it, instead of the whole picture moving. For what the subject
 * does only: a camera's parallax moves it with the background as one sheet (setup/prepare.ts),
 * as the director's notes say. For any other plan the Scene is as analysed (a product's colour
 * matte may be a part of it) (kept-matte.ts).
 *
 * @example
 *   const layered = withLivingLayer(scene, plan.shots.some((s) => (s.subjects ?? []).length > 0));
 *   layered.layers?.matteSource // → 'salient' (a raccoon among palm fronds)
 */
import type { Scene } from '../../scene.js';
import { withKeptMatte } from './kept-matte.js';

export function withLivingLayer(scene: Scene, living: boolean): Scene {
  return living ? withKeptMatte(scene, 'salient') : scene;
}

/** The plan animates a living subject (one the director found in the picture: an animal, a person without a face rig). */
export function animatesLiving(shots: ReadonlyArray<{ subjects?: ReadonlyArray<unknown> }>): boolean {
  return shots.some((s) => (s.subjects?.length ?? 0) > 0);
}
