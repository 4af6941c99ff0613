/**
 * The picture director's motion vocabulary as one lexicon, each id prefixed with its kind
 * ("move:pan_left", "generic:zoom", "effect:rain", "flag:blur"), so one pass over a text finds
 * every mention with the longest phrase winning across kinds. Looks are matched on their own
 * (LOOK_VOCABULARY): "warm light rays" is both a warm look and light rays.
 *
 * @example
 *   findMentions('slow zoom, no rain', PICTURE_VOCABULARY).map((m) => m.id);  // ['move:push_in', 'effect:rain']
 */
import type { LexiconEntry } from '../lexicon.js';
import { CAMERA_MOVE_TABLE, GENERIC_MOVE_TABLE } from './camera/moves.js';
import { EFFECT_TABLE } from './effects/table.js';
import { LOOK_TABLE } from './looks.js';

/** Words that switch a behaviour off when excluded (negative_prompt or "no …"). */
export const FLAG_TABLE: readonly LexiconEntry<'flicker' | 'flash' | 'blur' | 'retime'>[] = [
  { id: 'flicker', phrases: ['flicker', 'flickering', 'flickers', 'flickery'] },
  { id: 'flash', phrases: ['flash', 'flashes', 'flashing', 'strobe', 'strobing'] },
  { id: 'blur', phrases: ['blur', 'motion blur', 'out of focus', 'defocus', 'defocused', 'bokeh', 'depth of field', 'soft focus', 'shallow focus'] },
  // the clip runs in real time: "slow motion" is noted (unsupported-actions.ts), never a slow camera "motion"
  { id: 'retime', phrases: ['slow motion', 'slowmo', 'slo mo', 'fast forward', 'time lapse', 'timelapse', 'hyperlapse', 'sped up', 'speed ramp'] },
];

export const PICTURE_VOCABULARY: readonly LexiconEntry[] = [
  ...CAMERA_MOVE_TABLE.map((m) => ({ id: `move:${m.move}`, phrases: m.phrases })),
  ...GENERIC_MOVE_TABLE.map((g) => ({ id: `generic:${g.id}`, phrases: g.phrases })),
  ...EFFECT_TABLE.map((e) => ({ id: `effect:${e.type}`, phrases: [...e.phrases, ...(e.softPhrases ?? [])] })),
  ...FLAG_TABLE.map((f) => ({ id: `flag:${f.id}`, phrases: f.phrases })),
];

/** The camera's words alone (named and undirected moves): they perform no thing's verb and ask for no sound. */
export const CAMERA_VOCABULARY: readonly LexiconEntry[] = PICTURE_VOCABULARY.filter((e) => e.id.startsWith('move:') || e.id.startsWith('generic:'));

export const LOOK_VOCABULARY: readonly LexiconEntry[] = LOOK_TABLE.map((l) => ({ id: `look:${l.id}`, phrases: l.phrases }));

/** Splits a prefixed id into its kind and name. */
export function splitId(id: string): { kind: 'move' | 'generic' | 'effect' | 'look' | 'flag'; name: string } {
  const at = id.indexOf(':');
  return { kind: id.slice(0, at) as 'move', name: id.slice(at + 1) };
}
