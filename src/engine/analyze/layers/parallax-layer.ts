/**
 * The Scene a camera move made for parallax (truck, orbit, crane, dolly zoom) is directed and
 * rendered with: where analysis kept an in-focus matte aside (SceneLayers.focus: a shallow
 * depth-of-field photo whose subject no person, depth cut or salient colours gave), it is the
 * subject layer the move slides over the background. For any other move the Scene is as analysed:
 * the in-focus matte takes in what the subject stands on (a squirrel's branch, cut by the frame's
 * edges), which a pull-out's reveal would tear from the edge, and which an animal's body rig must
 * not breathe with (kept-matte.ts).
 *
 * @example
 *   const layered = withParallaxLayer(scene, ['orbit_left']);
 *   layered.layers?.matteSource // → 'focus' (a squirrel and its branch against blurred leaves)
 */
import type { CameraMove } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { withKeptMatte } from './kept-matte.js';

/** the moves whose point is near and far content moving apart */
export const PARALLAX_MOVES: ReadonlySet<CameraMove> = new Set(['truck_left', 'truck_right', 'orbit_left', 'orbit_right', 'crane_up', 'crane_down', 'dolly_zoom']);

export function withParallaxLayer(scene: Scene, moves: readonly CameraMove[]): Scene {
  return moves.some((m) => PARALLAX_MOVES.has(m)) ? withKeptMatte(scene, 'focus') : scene;
}
