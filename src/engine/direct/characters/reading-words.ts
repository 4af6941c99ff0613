/**
 * The word classes of the verb-and-subject reader (read-actions.ts): which words open clauses,
 * objects and phrases, which are verbs the tables know, which are never verbs, and the small tests
 * built on them ("a verb-like word", "a plural subject", "a word that names a sound").
 */
import { findMentions } from '../lexicon.js';
import { ACTIONS } from './actions.js';
import { ACTIVITY_VERBS, AUXILIARIES, BODY_PARTS, POSE_VERBS, SOUND_SOURCES, SOUND_VERBS } from './verb-words.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, MISSING_SOUND_WORDS } from '../audio/vocabulary.js';

export interface Token { word: string; start: number; end: number }

export const CLAUSE_WORDS = new Set(['and', 'then', 'while', 'as', 'but', 'before', 'after', 'when', 'until', 'so', 'whilst', 'meanwhile']);

export const PREPOSITIONS = new Set(['in', 'with', 'on', 'at', 'of', 'near', 'by', 'from', 'under', 'behind', 'beside', 'next', 'inside', 'outside', 'over', 'against', 'wearing', 'holding', 'dressed']);

export const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'my', 'our', 'your', 'this', 'that', 'some', 'one', 'two', 'three', 'another']);

export const NEGATORS = new Set(['not', 'no', 'never', "doesn't", 'doesnt', "don't", 'dont', "isn't", 'isnt', 'without', 'nor']);

export const NOT_VERBS = new Set(['is', 'was', 'has', 'this', 'his', 'its', 'us', 'as', 'yes', 'always', 'perhaps', 'sometimes', 'towards', 'afterwards', 'nothing', 'something', 'everything', 'thing', 'during', 'morning', 'evening', 'ceiling', 'building', 'clothing', 'king', 'ring', 'spring', 'string', 'wing', 'sibling', 'red', 'bed', 'shed', 'seed', 'speed', 'need', 'bread', 'head', 'sled', 'less', 'glass', 'dress', 'grass', 'across', 'bus', 'gas', 'focus', 'lens', 'noise', 'deafening', 'footsteps', 'hooves', 'sound', 'raindrops', 'droplets', 'snowflakes', 'teardrops', 'dewdrops', 'freckles', 'sparkles',
  // places, not doings ("seagulls overhead")
  'overhead', 'nearby', 'outside', 'inside', 'everywhere', 'below', 'above', 'underneath', 'downstairs', 'upstairs', 'offscreen', 'afar', 'beyond']);

/** Whole words with their offsets. */
export function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}']+/gu)].map((m) => ({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Every phrase's first word, per table: a word that opens a known verb phrase. */
export const KNOWN_VERB = new Set([...ACTIONS, ...POSE_VERBS, ...SOUND_VERBS, ...ACTIVITY_VERBS].flatMap((e) => e.phrases.map((p) => p.split(' ')[0]!)).filter((w) => !BODY_PARTS.has(w)));

/** The first words of the states' phrases ("perched", "sitting"). */
export const POSE_FIRST = new Set(POSE_VERBS.flatMap((e) => e.phrases.map((p) => p.split(' ')[0]!)));

export function stem(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`, word.slice(0, -4));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  // (a doubled consonant: "chopped", "stirring")
  if (/([^aeiou])\1(?:ed|ing)$/.test(word)) forms.push(word.replace(/.(?:ed|ing)$/, ''));
  return forms;
}

export function isKnownVerb(word: string): boolean {
  // (a bare form too, as prompts in simple English write it: "man turn head to left")
  return stem(word).some((f) => KNOWN_VERB.has(f)) || (word.length >= 4 && (KNOWN_VERB.has(`${word}s`) || KNOWN_VERB.has(`${word}es`)));
}

export function verbLike(word: string, nounAt: boolean): boolean {
  if (nounAt || NOT_VERBS.has(word) || AUXILIARIES.has(word) || DETERMINERS.has(word) || PREPOSITIONS.has(word)) return false;
  if (isKnownVerb(word)) return true;
  if (word.length < 4) return false;
  return (/[^su]s$/.test(word) && !word.endsWith("'s")) || word.endsWith('ing') || word.endsWith('ed');
}

/** Words after a verb that make it a phrasal verb or a state ("falls asleep", "pulls away"), never a verb themselves. */
export const PARTICLES = new Set(['up', 'down', 'away', 'off', 'back', 'out', 'around', 'over', 'forward', 'aside', 'apart', 'together', 'again', 'asleep', 'awake', 'silent', 'still', 'quiet', 'open', 'closed', 'shut', 'loose', 'free', 'here', 'there', 'home', 'inside', 'outside']);

/** Words in -ly that are no adverbs. */
const NOT_ADVERBS = new Set(['belly', 'jelly', 'family', 'lily', 'reply', 'apply', 'supply', 'rely', 'ally', 'bully', 'rally', 'holly', 'italy', 'july', 'assembly', 'monopoly']);

/** "slowly", "gently" — but not "fly", "butterfly", "belly" or "reply". */
export const adverb = (word: string) => word.length > 3 && word.endsWith('ly') && !word.endsWith('fly') && !NOT_ADVERBS.has(word);

/** Where a clause's own words start: past its auxiliaries and adverbs ("slowly", "starts to"). */
export function pastAuxiliaries(clause: readonly { word: string }[]): number {
  let k = 0;
  while (k < clause.length && (AUXILIARIES.has(clause[k]!.word) || adverb(clause[k]!.word))) k++;
  return k;
}

/** Words that open a verb's object or complement: "bats at a toy", "grooms itself", "tears the letter". */
export const OBJECT_OPENERS = new Set([...DETERMINERS, ...PREPOSITIONS, 'itself', 'himself', 'herself', 'themselves', 'into', 'onto', 'through', 'across', 'past', 'to', 'toward', 'towards']);

/** A third-person verb form (a noun of the subject table can be one) followed by its object. */
export const verbBeforeObject = (word: string, next: string | undefined) => /[^su]s$/.test(word) && word.length >= 4 && next !== undefined && OBJECT_OPENERS.has(next);

/** After a plural subject, a bare form of a noun of the table is its verb before an object or a direction ("cars stream across", "tears stream down"). */
export const DIRECTIONS = new Set(['down', 'up', 'along', 'toward', 'towards', 'around', 'away']);

export const bareBeforeObject = (next: string | undefined) => next !== undefined && (OBJECT_OPENERS.has(next) || DIRECTIONS.has(next));

/** An action's phrase of several words starts here ("waves goodbye", "wags its tail"). */
// (an adverb inside it changes nothing: "waves regally to the crowd")
export const opensActionPhrase = (text: string, at: number) => findMentions(text.slice(at, at + 40).replace(/\s(\S+)/g, (m, w: string) => (adverb(w) ? '' : m)), ACTIONS).some((m) => m.index === 0 && m.phrase.includes(' '));

/** A plural subject takes its verb's bare form ("pigeons take flight", "violins play"). */
export const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'geese', 'mice', 'sheep', 'fish', 'deer', 'they', 'crowd', 'fans', 'audience']);

export function plural(subject: string): boolean {
  const last = subject.split(' ').pop() ?? '';
  return IRREGULAR_PLURALS.has(last) || /[^su]s$/.test(last);
}

/** A bare verb after a plural subject: a word of three letters or more that is nothing else. */
export function bareVerb(word: string, nounAt: boolean): boolean {
  return !nounAt && word.length >= 3 && !NOT_VERBS.has(word) && !AUXILIARIES.has(word) && !OBJECT_OPENERS.has(word) && !DIRECTIONS.has(word) && !CLAUSE_WORDS.has(word) && !adverb(word);
}

/** Verbs that open a clause with the one they give something to ("gives the camera a smile", "shoots him a glance"). */
export const GIVING = new Set(['gives', 'give', 'giving', 'offers', 'offering', 'flashes', 'flashing', 'shoots', 'casts', 'throws', 'blows']);

/** Kinds of subject that are alive, and kinds that are scenery or things: a living noun is no verb of a thing ("soft morning light, birds outside"). */
export const LIVING = new Set<string>(['person', 'animal']);

export const THINGS = new Set<string>(['nature', 'object', 'vehicle']);

/** Nouns that name a sound ("the sound of …", "noises of …"). */
export const SOUND_NOUNS = new Set(['sound', 'sounds', 'noise', 'noises']);

/** A word that names what makes a sound ("sirens", "bells"): a noun, even where a sound verb opens with it. */
export const soundSource = (word: string) => namedWholly(word, [...SOUND_SOURCES, ...MISSING_SOUND_WORDS]);

/** A word that names a sound or an ambience by itself ("crickets", "traffic", "thunder"). */
export const heardThing = (word: string) => namedWholly(word, [...AMBIENCE_WORDS, ...EFFECT_WORDS, ...MISSING_SOUND_WORDS]);

/** The whole word is one of a table's phrases (an inflected form too). */
const namedWholly = (word: string, tables: Parameters<typeof findMentions>[1]) => findMentions(word, tables).some((m) => m.index === 0 && m.length === word.length);

/** A plural word followed by where it is on someone's body is a thing there, not a verb ("…, tears in her eyes", "sweat on his brow"). */
export function onBody(clause: readonly Token[], k: number): boolean {
  const [prep, owner, part] = [clause[k + 1]?.word, clause[k + 2]?.word, clause[k + 3]?.word];
  return (prep === 'in' || prep === 'on') && ['her', 'his', 'its', 'their'].includes(owner ?? '') && BODY_PARTS.has(part ?? '');
}

/** Words between a plural subject and its verb ("they both laugh", "the dogs all bark"). */
export const QUANTIFIERS = new Set(['both', 'all', 'each', 'together']);

/** Body parts that stand for a person the prompt does not name. */
export const HANDS = new Set(['hand', 'hands', 'finger', 'fingers', 'arm', 'arms']);
