/**
 * A sound people make, named by an animal's verb, is not heard: "the squirrel chatters" is no
 * café's chatter, "the parrot laughs" no person's laughter (the honesty check notes what is then
 * not heard: direct/characters/unheard-sounds.ts). The sound table marks people's sounds (`people`).
 *
 * @example
 *   const ofAnimal = peopleSoundOfAnimal(readings);
 *   findMentions(text, AMBIENCE_WORDS).filter((m) => !ofAnimal(m))
 */
import { SOUNDS } from '../../sound/sounds/table.js';
import type { Mention } from '../lexicon.js';
import type { SubjectVerb } from './events.js';

/** A sound people make (the sound table's `people`). */
export const peopleSound = (id: string): boolean => !!SOUNDS.get(id)?.people;

/** A mention of a people's sound that is an animal's verb itself (its own words, not the rest of its phrase: "barks at the crowd" keeps the crowd). */
export const peopleSoundOfAnimal = (readings: readonly SubjectVerb[]) => (m: Mention<string>): boolean =>
  peopleSound(m.id) && readings.some((r) => r.kind === 'animal' && !r.negated && m.index === r.index);
