/**
 * The camera when the prompt names none, chosen from the picture and cfg_scale.
 *
 * The move follows what the picture is (first rule that applies):
 *
 * | picture                                                        | move                                   |
 * |----------------------------------------------------------------|----------------------------------------|
 * | flat (tag `flat`, or depth spread < 0.05) or `space`           | near-static: a very slow push-in (¼ strength) |
 * | a face, `portrait`, `close_up`, `product`, `shallow_depth_of_field` | slow push-in toward scene.subject      |
 * | a wide sky (sky covers ≥ 45 % of the frame)                    | gentle pan (side from the seed)        |
 * | `landscape`, `street`, or outdoors with real depth             | slow truck (side from the seed): parallax |
 * | anything else (`indoor`, …)                                    | slow push-in toward scene.subject      |
 *
 * cfg_scale sets how much the picture leads: the strength is 0.9 − 0.6·cfg of a normal move
 * (cfg 0 → 0.9, image-led and clearly moving; cfg 0.5 → 0.6, gentle; cfg 1 → 0.3, literal: the prompt asked
 * for no move, so the camera barely moves). Moves the exclusions forbid fall back to static.
 *
 * The rest of cfg_scale's role lives beside the code it tunes: moves the prompt asks for are
 * scaled 0.6× (cfg 0) … 1× (0.5) … 1.4× (1) in camera/build-camera.ts; effects the picture
 * suggests by itself (water shimmer, foliage sway, clouds, stars) are added liberally at low cfg
 * and not at all above 0.6, see effects/implied-effects.ts.
 *
 * @example
 *   defaultCamera(makeScene({ tags: ['portrait'], depth: 'subject' }), 0.5, rng, emptyExclusions());
 *   // → { move: 'push_in', speed: 'slow', factor: 0.6 }
 */
import type { CameraMove } from '../../plan.js';
import type { Scene } from '../../scene.js';
import type { Random } from '../../util/random.js';
import type { Exclusions } from './exclusions.js';
import type { Speed } from './modifiers.js';
import { depthPercentile, regionCoverage } from './scene-measures.js';

export interface DefaultMove {
  move: CameraMove;
  speed: Speed;
  /** magnitude factor (1 = a normal move over 5 s) */
  factor: number;
}

const has = (scene: Scene, ...tags: string[]) => tags.some((t) => (scene.tags as string[]).includes(t));

export function defaultCamera(scene: Scene, cfgScale: number, rng: Random, exclusions: Exclusions): DefaultMove {
  const strength = 0.9 - 0.6 * cfgScale;
  const side = rng.next() < 0.5;
  const speed: Speed = strength < 0.5 ? 'subtle' : 'slow';
  const spread = depthPercentile(scene, 0.9) - depthPercentile(scene, 0.1);
  let choice: DefaultMove;
  if (has(scene, 'flat', 'space') || spread < 0.05) choice = { move: 'push_in', speed: 'subtle', factor: 0.25 * strength };
  else if (scene.faces.length || has(scene, 'face', 'portrait', 'close_up', 'product', 'shallow_depth_of_field')) choice = { move: 'push_in', speed, factor: strength };
  else if (regionCoverage(scene, 'sky') >= 0.45) choice = { move: side ? 'pan_left' : 'pan_right', speed, factor: 0.8 * strength };
  else if (has(scene, 'landscape', 'street') || (has(scene, 'outdoor') && spread > 0.3)) choice = { move: side ? 'truck_left' : 'truck_right', speed, factor: strength };
  else choice = { move: 'push_in', speed, factor: strength };
  if (exclusions.forceStatic || exclusions.moves.has(choice.move)) return { move: 'static', speed: 'subtle', factor: 0 };
  return choice;
}
