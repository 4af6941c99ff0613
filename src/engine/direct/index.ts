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
import { directPicture } from './picture/index.js';
import { directAudio } from './audio/index.js';
import { directCharacters } from './characters/index.js';
import { describeLayers } from '../analyze/layers/index.js';

export type { DirectInput } from './input.js';

export function direct(input: DirectInput, scene: Scene): ShotPlan {
  const notes: string[] = [];
  const shot = directPicture(input, scene, notes);
  // one character per face, before the sound half binds lines to them (it fills `speaks`)
  shot.characters = directCharacters(input, scene, notes);
  const audio = directAudio(input, scene, shot, notes);
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
    scene: {
      tags: [...scene.tags], faces: scene.faces.length,
      ...(scene.layers ? { layers: { count: describeLayers(scene.layers).count, subject: scene.layers.matte !== null } } : {}),
    },
    shots: [shot],
    audio,
    notes,
  };
}
