/**
 * One shot directed from its prompt: who does what (read from the sentences), the picture, the cast
 * and the sound, with a note for everything asked that is not done. `direct()` makes a clip of one
 * such shot; `multi_prompt` cuts several together.
 *
 * @example
 *   const notes: string[] = [];
 *   const { shot, audio } = directShot(input, scene, notes);
 */
import type { Audio, Shot } from '../plan.js';
import type { Scene } from '../scene.js';
import type { DirectInput } from './input.js';
import { directPicture } from './picture/index.js';
import { directAudio } from './audio/index.js';
import { alignCalls } from './characters/align-calls.js';
import { claimedSpans, directCharacters } from './characters/index.js';
import { readActions } from './characters/read-actions.js';
import { noteUnheardSounds } from './characters/unheard-sounds.js';
import { orderSteps, placeInstants, type AskedAt } from './order-steps.js';
import { promptSteps } from './sequence-steps.js';
import { englishPrompt } from './english-prompt.js';
import { quoteUnquotedLines } from './unquoted-lines.js';
import { possessiveSounds } from './possessive-sounds.js';

export function directShot(asked: DirectInput, scene: Scene, notes: string[]): { shot: Shot; audio: Audio } {
  const input = readableInput(asked, notes);
  // a gesture's words ("waves at the camera") are not read again by the picture and sound halves as
  // something else (the sea)
  const readings = readActions(input.prompt);
  const others = { ...input, prompt: blank(input.prompt, claimedSpans(readings)) };
  // where each timed event was asked for, so that "then" can order them (order-steps.ts)
  const askedAt: AskedAt = new Map();
  const shot = directPicture(others, scene, notes, askedAt);
  // one character per face, before the sound half binds lines to them (it fills `speaks`)
  const cast = directCharacters(input, scene, readings, notes, askedAt);
  shot.characters = cast.characters;
  if (cast.subjects.length) shot.subjects = cast.subjects;
  const audio = directAudio(others, scene, shot, notes, askedAt, readings);
  noteUnheardSounds(input, readings, audio, notes);
  // after the honesty check of the sounds: a sound that "then" leaves no time for has its own note
  const steps = promptSteps(input.prompt);
  orderSteps(shot, audio, steps, askedAt, input.duration, notes);
  placeInstants(shot, audio, steps, askedAt, input.duration);
  // an animal's call opens its jaw when its voice is heard
  alignCalls(shot, audio, askedAt);
  return { shot, audio };
}

/**
 * The input with its prompts in words the director reads (english-prompt.ts): a prompt in Chinese
 * is read through its words' English, and the plan says how it was read and what was not; a line
 * written without quotes ("Narrator: The town was quiet.") is quoted, so it is spoken; a sound named
 * as its maker's noun ("the dog's bark") is read as its verb ("the dog barks").
 */
function readableInput(input: DirectInput, notes: string[]): DirectInput {
  const prompt = englishPrompt(input.prompt), negative = englishPrompt(input.negativePrompt);
  if (prompt.text !== input.prompt) notes.push(`the prompt was read as: "${prompt.text}"`);
  if (negative.text !== input.negativePrompt) notes.push(`the negative prompt was read as: "${negative.text}"`);
  const unread = [...prompt.unread, ...negative.unread];
  if (unread.length) notes.push(`'${unread.join("', '")}': not read (the director reads English, and Chinese in the words of its tables: people, animals, actions, camera moves, weather, places and sounds)`);
  return { ...input, prompt: quoteUnquotedLines(possessiveSounds(prompt.text)), negativePrompt: negative.text };
}

/** The text with the given spans replaced by spaces (same length, so offsets stay). */
function blank(text: string, spans: ReadonlyArray<[number, number]>): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}
