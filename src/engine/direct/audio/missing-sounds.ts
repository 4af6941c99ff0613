/**
 * A sound word inside the longer name of another sound is that sound's, not its own row's:
 * - inside the name of a sound the table lacks: "radio chatter" is no café's chatter, "train horn"
 *   no car's horn. The missing sound is noted (characters/unheard-sounds.ts); the shorter row is
 *   not planned in its place;
 * - an effect's word inside an ambience's name: "the wind howls" is the wind's howl, no wolf's;
 * - an ambience's word inside the name of an animal's call: "a monkey chatters" is no café's
 *   chatter (a crowd's word inside a crowd's sound, "the crowd cheers", still asks for the crowd);
 * - any sound's word inside a phrase that names no sound: "her gown's train", "the boxer ducks
 *   under a punch".
 */
import { findMentions, type LexiconEntry, type Mention } from '../lexicon.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, MISSING_SOUND_WORDS, OTHER_SENSE_WORDS } from './vocabulary.js';
import { SOUNDS } from '../../sound/sounds/table.js';

function insideLonger(text: string, entries: readonly LexiconEntry[], orSame = false): (m: Mention<string>) => boolean {
  const longer = findMentions(text, entries).filter((x) => !x.negated);
  return (m) => longer.some((x) => (x.length > m.length || (orSame && x.length === m.length)) && x.index <= m.index && x.index + x.length >= m.index + m.length);
}

/** A mention that is, or lies inside, a phrase where its words have their other sense ("a bus pass" is a ticket). */
const inOtherSense = (text: string) => insideLonger(text, OTHER_SENSE_WORDS, true);

/** A mention inside the longer name of a sound the table lacks ("he cries out for help" is a shout, no sob). */
export const insideMissingSound = (text: string) => insideLonger(text, MISSING_SOUND_WORDS);

/** An effect's mention that is part of a missing sound's, an ambience's or a no-sound's longer name. */
export function insideOtherSound(text: string): (m: Mention<string>) => boolean {
  const missing = insideMissingSound(text), bed = insideLonger(text, AMBIENCE_WORDS), none = inOtherSense(text);
  return (m) => missing(m) || bed(m) || none(m);
}

/** An ambience's mention that is part of a missing sound's, an animal call's or a no-sound's longer name. */
export function insideOtherBed(text: string): (m: Mention<string>) => boolean {
  const missing = insideMissingSound(text), effect = insideLonger(text, EFFECT_WORDS.filter((e) => SOUNDS.get(e.id)?.animalVoice));
  const none = inOtherSense(text);
  return (m) => missing(m) || effect(m) || none(m);
}
