/**
 * direct: the director. Prompt, negative prompt, cfg_scale, duration, seed and the Scene in; a
 * ShotPlan out. Pure and deterministic: the same inputs give the same plan (DESIGN.md §1).
 *
 * The picture half (camera, effects, grade) and the sound half (beds, events, music, dialogue)
 * are planned by their own modules; the sound half sees the picture half, so thunder can follow
 * a lightning flash and a whoosh can ride a whip pan.
 */
import { PLAN_VERSION, type ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import type { DirectInput } from './input.js';
import { directShot } from './direct-shot.js';
import { directShots } from './multi-shot.js';
import { planScene } from './plan-scene.js';

export type { DirectInput } from './input.js';

export function direct(input: DirectInput, scene: Scene): ShotPlan {
  // multi_prompt: each shot directed on its own, cut together
  if (input.shots && input.shots.length > 0) return directShots(input, scene, input.shots);
  const notes: string[] = [];
  const { shot, audio } = directShot(input, scene, notes);
  return {
    version: PLAN_VERSION,
    seed: input.seed,
    duration: input.duration,
    fps: 24,
    width: input.width,
    height: input.height,
    prompt: input.prompt,
    negative_prompt: input.negativePrompt,
    cfg_scale: input.cfgScale,
    scene: planScene(scene),
    shots: [shot],
    audio,
    notes,
  };
}
