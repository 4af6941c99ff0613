/**
 * Who a clause is about, for the reader (read-actions.ts): an owned body part standing for its
 * owner, a noun the subject table lacks or a name, a pronoun resolved to the one before it, a
 * describing participle before the subject's own verb, a direction repeating a look.
 */
import { findMentions } from '../lexicon.js';
import { ACTIONS } from './actions.js';
import type { SubjectWordKind } from './subject-words.js';
import { ANIMAL_VOICE_ROWS, AUXILIARIES, BODY_PARTS, PEOPLE_SOUND_ROWS, SOUND_VERBS } from './verb-words.js';
import type { ReadAction } from './read-actions.js';
import { CLAUSE_WORDS, DETERMINERS, HANDS, OBJECT_OPENERS, PARTICLES, POSE_FIRST, PREPOSITIONS, adverb, bareVerb, isKnownVerb, pastAuxiliaries, stem, verbLike, type Token } from './reading-words.js';

/**
 * A body part does something: a verb form after it (a plural part takes the bare verb: "its
 * whiskers twitch", "her eyes close"), or the words open an action row ("tail wags").
 */
export function partActs(part: string, verb: Token, verbIsNoun: boolean, words: string): boolean {
  const many = /[^su]s$/.test(part) || part === 'feet' || part === 'teeth' || part === 'antennae';
  return verbLike(verb.word, verbIsNoun) || (many && bareVerb(verb.word, verbIsNoun)) || findMentions(words, ACTIONS).length > 0;
}

/**
 * A clause opening with a determiner and a word the subject table lacks, whose verb is an action
 * row's or acts on someone's body ("the tabby licks its lips", "a tear rolls down her cheek"):
 * that word is its subject.
 */
export function unknownSubject(clause: readonly Token[], nounAt: ReadonlyMap<number, unknown>): { word: string; kind: ReadAction['kind']; index: number; verbAt: number; name?: true } | null {
  const k = pastAuxiliaries(clause);
  // a name the table lacks before an action's own verb ("grace hopper chuckles", "einstein smiles")
  const named = namedSubject(clause, k, nounAt);
  if (named) return named;
  const det = clause[k], word = clause[k + 1];
  // its body part doing something: "the chameleon's eyes swivel" (the verb phrase keeps the part)
  const part = clause[k + 2], partVerb = clause[k + 3];
  if (det && word && part && partVerb && DETERMINERS.has(det.word) && !nounAt.has(word.start) && /^\p{L}{3,}'s$/u.test(word.word) && BODY_PARTS.has(part.word) && verbLike(partVerb.word, nounAt.has(partVerb.start))) {
    return { word: word.word.slice(0, -2), kind: 'unknown', index: word.start, verbAt: k + 2 };
  }
  // (an adverb may come between: "a chameleon slowly rolls its eyes")
  let v = k + 2;
  while (v < clause.length && adverb(clause[v]!.word)) v++;
  const verb = clause[v];
  if (!det || !word || !verb || !DETERMINERS.has(det.word) || nounAt.has(word.start) || word.word.length < 3) return null;
  if (verbLike(word.word, false) || AUXILIARIES.has(word.word) || PREPOSITIONS.has(word.word) || CLAUSE_WORDS.has(word.word)) return null;
  if (!verbLike(verb.word, nounAt.has(verb.start))) return null;
  // a hand with no one named is someone's ("a hand reaches in and picks up the cup")
  if (HANDS.has(word.word)) return { word: word.word, kind: 'person', index: word.start, verbAt: v };
  const rest = clause.slice(v, v + 4).map((t) => t.word).join(' ');
  // a body part owned in the verb phrase: "licks its lips", "rolls down her cheek"
  const ownPart = clause.slice(v + 1, v + 5).some((t, i, after) => ['its', 'his', 'her', 'their'].includes(t.word) && BODY_PARTS.has(after[i + 1]?.word ?? ''));
  return ownPart || findMentions(rest, ACTIONS).some((m) => m.index === 0) ? { word: word.word, kind: 'unknown', index: word.start, verbAt: v } : null;
}

/** Words of a prompt's style that open a clause and are no one's name ("slow motion", "close up"). */
export const NOT_NAMES = new Set(['battle', 'war', 'slow', 'fast', 'motion', 'close', 'closeup', 'wide', 'shot', 'camera', 'cinematic', 'realistic', 'portrait', 'macro', 'medium', 'extreme', 'static', 'handheld', 'suddenly', 'then', 'now', 'finally', 'meanwhile', 'also', 'still', 'just', 'only', 'soft', 'warm', 'golden', 'hour', 'night', 'day', 'morning', 'evening']);

/** A word that may be someone's name: none of the reader's function words, adverbs or NOT_NAMES, three letters or more, no digit. */
export const mayBeName = (word: string): boolean => word.length >= 3 && !NOT_NAMES.has(word) && !DETERMINERS.has(word) && !PREPOSITIONS.has(word)
  && !CLAUSE_WORDS.has(word) && !AUXILIARIES.has(word) && !adverb(word) && !/\d/.test(word);

/**
 * A sound only people make: after a name, its verb says the name is someone's ("Charles claps",
 * "James whistles"); an action's verb may be a pet's too ("Max turns his head").
 */
const PEOPLE_SOUND_VERBS = SOUND_VERBS.filter((v) => PEOPLE_SOUND_ROWS.has(v.id));

/** An animal's voice or an action only animals do: after a name, the name is a pet's ("Max barks", "Luna wags her tail"). */
const ANIMAL_VOICE_VERBS = SOUND_VERBS.filter((v) => ANIMAL_VOICE_ROWS.has(v.id));

/**
 * One or two words no table knows opening a clause, then a verb that opens an action row, or a
 * sound only people make or only animals make: a name (a person's or a pet's, for such a sound or
 * for an action only animals do).
 */
export function namedSubject(clause: readonly Token[], k: number, nounAt: ReadonlyMap<number, unknown>): { word: string; kind: ReadAction['kind']; index: number; verbAt: number; name: true } | null {
  for (const n of [1, 2]) {
    const words = clause.slice(k, k + n), verb = clause[k + n];
    // (a name may end as a verb does — "charles", "james", "lucas" — but is no verb the tables know)
    if (!verb || words.length < n || words.some((t) => nounAt.has(t.start) || !mayBeName(t.word) || (verbLike(t.word, false) && (isKnownVerb(t.word) || !/s$/.test(t.word))))) continue;
    const rest = clause.slice(k + n, k + n + 4).map((t) => t.word).join(' ');
    const opens = findMentions(rest, ACTIONS).find((m) => m.index === 0);
    // (a noun of the table is no verb here — "distant waves", "huge waves at sunset" — unless a
    // gesture's own phrase goes on past a preposition: "mary waves at the camera", "waves goodbye")
    const phrase = opens ? rest.slice(0, opens.length).split(' ') : [];
    const claimed = !!opens && ACTIONS.find((a) => a.id === opens.id)!.claims === true && (phrase.length >= 3 || (phrase.length === 2 && !PREPOSITIONS.has(phrase[1]!)));
    const word = words.map((t) => t.word).join(' ');
    const pets = !!opens && ACTIONS.find((a) => a.id === opens.id)!.subjects.every((s) => s === 'animal');
    if ((!nounAt.has(verb.start) || claimed) && opens && /s$/.test(verb.word)) return { word, kind: pets ? 'animal' : 'unknown', index: words[0]!.start, verbAt: k + n, name: true };
    if (nounAt.has(verb.start) || !/s$/.test(verb.word)) continue;
    if (findMentions(rest, PEOPLE_SOUND_VERBS).some((m) => m.index === 0)) return { word, kind: 'person', index: words[0]!.start, verbAt: k + n, name: true };
    if (findMentions(rest, ANIMAL_VOICE_VERBS).some((m) => m.index === 0)) return { word, kind: 'animal', index: words[0]!.start, verbAt: k + n, name: true };
  }
  return null;
}

/**
 * A participle the action table does not know, right after its subject and before that subject's
 * own verb, describes the subject ("the man operating the camera turns his head", "a girl riding a
 * bike waves", "an owl perched on a branch at night slowly blinks"), as "wearing" does: the index of
 * that verb, or -1.
 */
export function participleVerb(clause: readonly Token[], at: number, nounAt: ReadonlyMap<number, unknown>): number {
  const w = clause[at]!.word;
  // (a state's participle may describe too: "perched on a branch", "sitting by the fire")
  if (!/(?:ing|ed)$/.test(w) || w.length < 5 || (isKnownVerb(w) && !stem(w).some((f) => POSE_FIRST.has(f)))) return -1;
  for (let k = at + 2; k < Math.min(clause.length, at + 9); k++) {
    const t = clause[k]!, next = clause[k + 1]?.word;
    const before = clause[k - 1]!.word;
    // (a noun of the table is a verb it also is after a noun: "a girl riding a bike waves", not "over the waves")
    if (!/[^su]s$/.test(t.word) || (nounAt.has(t.start) && (!isKnownVerb(t.word) || DETERMINERS.has(before) || PREPOSITIONS.has(before)))) continue;
    // (a known noun is no verb: "kitesurfers gliding over the waves"); a verb the tables lack
    // shows itself by its particle or object ("wakes up", "tosses the ball")
    if (isKnownVerb(t.word) || (verbLike(t.word, false) && next !== undefined && (PARTICLES.has(next) || OBJECT_OPENERS.has(next)))) return k;
  }
  return -1;
}

/** Verbs of looking and turning whose direction a clause of its own can change. */
export const LOOK_VERBS = /^(looks|glances|turns|gazes|peers|looking|glancing|turning)\b/;

/** A clause that is only a direction ("then right", "then to the left") after a look or a turn: that move again, the other way. */
export function repeatedLook(clause: readonly Token[], last: ReadAction | undefined): ReadAction | null {
  const words = clause.filter((t) => !['to', 'the', 'back', 'again'].includes(t.word));
  const dir = words.length === 1 && ['left', 'right', 'up', 'down'].includes(words[0]!.word) ? words[0]! : null;
  const head = last && !last.negated ? LOOK_VERBS.exec(last.verb)?.[1] : undefined;
  if (!dir || !head || !last) return null;
  return { subject: last.subject, kind: last.kind, subjectIndex: last.subjectIndex, verb: `${head} ${dir.word}`, index: dir.start, length: dir.end - dir.start, negated: false, inherited: true };
}

/** The index of an owned body part opening a clause ("its tail", "her eyes"), or -1. */
export function ownedPart(clause: readonly Token[]): number {
  const k = pastAuxiliaries(clause);
  const owner = clause[k]?.word, part = clause[k + 1]?.word;
  return owner && part && ['its', 'his', 'her', 'their'].includes(owner) && BODY_PARTS.has(part) ? k + 1 : -1;
}

type Noun = { id: SubjectWordKind; index: number; length: number };
const asSubject = (n: Noun, text: string) => ({ subject: text.slice(n.index, n.index + n.length), kind: n.id as ReadAction['kind'], index: n.index });
const alive = (m: Noun) => (m.id === 'animal' || m.id === 'person') && m.length > 0;

/** The last person or animal the prompt names before an offset (else the first after it), as a subject. */
export function livingNear(nouns: readonly Noun[], from: number, text: string) {
  const n = nouns.filter((m) => m.index < from && alive(m)).pop() ?? nouns.find((m) => m.index > from && alive(m));
  return n ? asSubject(n, text) : null;
}

/** The last thing or animal the prompt names before an offset (no person, pronoun or camera), as a subject. */
export function thingBefore(nouns: readonly Noun[], from: number, text: string) {
  const n = nouns.filter((m) => m.index < from && m.length > 0 && m.id !== 'person' && m.id !== 'pronoun' && m.id !== 'camera').pop();
  return n ? asSubject(n, text) : null;
}

/**
 * "They" making an animal's sound are the animals named last before it, when a plural of them was
 * named ("… feeding pigeons, he chuckles as they coo": the pigeons coo, no person).
 */
export function theyAnimals(nouns: readonly Noun[], from: number, text: string, verb: string) {
  const voice = findMentions(verb, SOUND_VERBS).find((m) => m.index === 0);
  if (!voice || PEOPLE_SOUND_ROWS.has(voice.id) || voice.id === 'laughter') return null;
  const n = nouns.filter((m) => m.index < from && m.id === 'animal' && m.length > 0).pop();
  // (at the pronoun, as any pronoun's subject is: the note quotes "they coo")
  return n && /[^su]s$/.test(text.slice(n.index, n.index + n.length)) ? { ...asSubject(n, text), index: from } : null;
}

/** What only a thing does: breaks, shatters, falls over, spills (no animal's verb). */
const THINGS_DO = /^(?:shatter|smash|break|crack|spill|topple|tip|crash|fall|fell|roll)(?:s|es|ed|ing)?\b/;

/**
 * A pronoun stands for the previous subject ("it" → the squirrel), or, after the camera, for the
 * living thing named last ("the camera follows the dog as it walks": the dog); he/she/they are people.
 * "It" is never a person: after someone's clause it is the thing named last ("he picks up the
 * phone, it rings": the phone), and after an animal's, the thing named since when it does what
 * only things do ("the cat knocks over a vase, it shatters": the vase).
 */
export function resolve(id: SubjectWordKind, word: string, index: number, previous: { subject: string; kind: ReadAction['kind']; index: number } | null, named?: { subject: string; kind: ReadAction['kind']; index: number } | null, thing?: { subject: string; kind: ReadAction['kind']; index: number } | null, verb = '') {
  if (id === 'pronoun' && previous?.kind === 'camera' && named) return { ...named, index };
  if (id === 'pronoun' && word === 'it' && previous?.kind === 'person' && thing) return { ...thing, index };
  // (after an animal, "it" that breaks or falls is the thing named since: "the cat knocks over a vase, it shatters")
  if (id === 'pronoun' && word === 'it' && previous?.kind === 'animal' && thing && thing.index > previous.index && THINGS_DO.test(verb)) return { ...thing, index };
  if (id === 'pronoun') return previous ? { ...previous, subject: previous.subject, index } : { subject: word, kind: 'unknown' as const, index };
  return { subject: word, kind: id, index };
}
