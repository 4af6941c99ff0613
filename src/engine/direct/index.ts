/**
 * direct: the director. Prompt, negative prompt, cfg_scale, duration, seed and the Scene in; a
 * ShotPlan out. Pure and deterministic: the same inputs give the same plan (DESIGN.md §1).
 *
 * The picture half (camera, effects, grade) and the sound half (beds, events, music, dialogue)
 * are planned by their own modules; the sound half sees the picture half, so thunder can follow
 * a lightning flash and a whoosh can ride a whip pan.
 */
import type { ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import type { DirectInput } from './input.js';
import { directShot } from './direct-shot.js';
import { directShots } from './multi-shot.js';
import { assemblePlan } from './assemble-plan.js';

export type { DirectInput } from './input.js';

export function direct(input: DirectInput, scene: Scene): ShotPlan {
  // multi_prompt: each shot directed on its own, cut together
  if (input.shots && input.shots.length > 0) return directShots(input, scene, input.shots);
  const notes: string[] = [];
  const { shot, audio } = directShot(input, scene, notes);
  return assemblePlan(input, scene, { duration: input.duration, shots: [shot], audio, notes });
}
