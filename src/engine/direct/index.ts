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
import { claimedSpans, directCharacters } from './characters/index.js';
import { readActions } from './characters/read-actions.js';
import { noteUnheardSounds } from './characters/unheard-sounds.js';

export type { DirectInput } from './input.js';

export function direct(input: DirectInput, scene: Scene): ShotPlan {
  const notes: string[] = [];
  // who does what, read from the sentences; a gesture's words ("waves at the camera") are not
  // read again by the picture and sound halves as something else (the sea)
  const readings = readActions(input.prompt);
  const others = { ...input, prompt: blank(input.prompt, claimedSpans(readings)) };
  const shot = directPicture(others, scene, notes);
  // one character per face, before the sound half binds lines to them (it fills `speaks`)
  const cast = directCharacters(input, scene, readings, notes);
  shot.characters = cast.characters;
  if (cast.subjects.length) shot.subjects = cast.subjects;
  const audio = directAudio(others, scene, shot, notes);
  noteUnheardSounds(input, readings, audio, notes);
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
    scene: { tags: [...scene.tags], faces: scene.faces.length },
    shots: [shot],
    audio,
    notes,
  };
}

/** The text with the given spans replaced by spaces (same length, so offsets stay). */
function blank(text: string, spans: ReadonlyArray<[number, number]>): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}
