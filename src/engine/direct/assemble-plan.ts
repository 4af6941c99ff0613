/**
 * The ShotPlan around directed shots and their sound: the request's settings, what the plan says of
 * the picture (`plan.scene`: tags, faces, and the layered scene's summary when analysis found
 * layers), the shots, the soundtrack and the notes. One clip and `multi_prompt`'s cut both end here.
 *
 * @example
 *   assemblePlan(input, scene, { duration: 5, shots: [shot], audio, notes })
 *   // → { version: 1, seed, duration: 5, fps: 24, …, scene: { tags, faces: 0, layers: { count: 2, subject: true } }, shots, audio, notes }
 */
import { PLAN_VERSION, type Audio, type Shot, type ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import { describeLayers } from '../analyze/layers/index.js';
import { withParallaxLayer } from '../analyze/layers/parallax-layer.js';
import type { DirectInput } from './input.js';

export function assemblePlan(
  input: DirectInput, scene: Scene, parts: { duration: number; shots: Shot[]; audio: Audio; notes: string[] },
): ShotPlan {
  return {
    version: PLAN_VERSION,
    seed: input.seed,
    duration: parts.duration,
    fps: 24,
    width: input.width,
    height: input.height,
    prompt: input.prompt,
    negative_prompt: input.negativePrompt,
    cfg_scale: input.cfgScale,
    scene: {
      tags: [...scene.tags], faces: scene.faces.length,
      // (a subject layer kept aside for moves made for parallax counts when a shot makes one: parallax-layer.ts)
      ...(scene.layers ? { layers: { count: describeLayers(scene.layers).count, subject: withParallaxLayer(scene, parts.shots.flatMap((s) => s.camera.moves)).layers!.matte !== null, planes: scene.layers.planes?.length ?? 0 } } : {}),
    },
    shots: parts.shots,
    audio: parts.audio,
    notes: parts.notes,
  };
}
