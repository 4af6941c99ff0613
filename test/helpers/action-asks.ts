/**
 * How each action row is asked for in a test prompt, after the subject ("the cat" + "nods"), for
 * a person and for an animal: the tables of action tests share these phrasings.
 *
 * @example `the squirrel ${ASK.chew!.animal}` // → 'the squirrel nibbles'
 */
import type { ActionId } from '../../src/engine/direct/characters/actions.js';

export const ASK: Partial<Record<ActionId, { person?: string; animal?: string }>> = {
  smile: { person: 'smiles' }, laugh: { person: 'laughs' }, frown: { person: 'frowns' }, cry: { person: 'sobs' }, raise_eyebrows: { person: 'raises her eyebrows' },
  wink: { person: 'winks' }, blink: { person: 'blinks slowly', animal: 'blinks slowly' }, talk: { person: 'talks' },
  nod: { person: 'nods', animal: 'nods' }, shake_head: { person: 'shakes her head', animal: 'shakes its head' },
  turn_left: { person: 'turns her head to the left', animal: 'turns its head to the left' }, turn_right: { person: 'turns her head to the right', animal: 'turns its head to the right' },
  turn_head: { person: 'turns her head', animal: 'turns its head' }, look_up: { person: 'looks up', animal: 'looks up' }, look_down: { person: 'looks down', animal: 'looks down' },
  look_around: { person: 'looks around', animal: 'looks around' }, tilt_head: { person: 'tilts her head', animal: 'tilts its head' },
  breathe: { person: 'breathes deeply', animal: 'breathes deeply' }, sway: { person: 'sways', animal: 'sways' }, lean_in: { person: 'leans in', animal: 'leans in' },
  sniff: { animal: 'sniffs the air' }, chew: { animal: 'nibbles' }, yawn: { person: 'yawns', animal: 'yawns' }, call: { animal: 'growls' },
  wave: { person: 'waves' }, raise_hand: { person: 'raises his hand' }, point: { person: 'points ahead' }, shrug: { person: 'shrugs' },
  ears: { animal: 'twitches its ears' }, tail: { animal: 'wags its tail' },
};
