/**
 * What the plan says of the picture it was made for (`plan.scene`): its tags, how many faces, and
 * the layered scene's summary when analysis found layers.
 *
 * @example
 *   planScene(scene) // → { tags: ['outdoor', 'night'], faces: 0, layers: { count: 2, subject: true } }
 */
import type { ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import { describeLayers } from '../analyze/layers/index.js';

export function planScene(scene: Scene): ShotPlan['scene'] {
  return {
    tags: [...scene.tags], faces: scene.faces.length,
    ...(scene.layers ? { layers: { count: describeLayers(scene.layers).count, subject: scene.layers.matte !== null } } : {}),
  };
}
