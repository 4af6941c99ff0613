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

export const peopleSoundOfAnimal = (readings: readonly SubjectVerb[]) => (m: Mention<string>): boolean =>
  !!SOUNDS.get(m.id)?.people && readings.some((r) => r.kind === 'animal' && !r.negated && m.index >= r.index && m.index < r.index + r.length);
