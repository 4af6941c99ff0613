/**
 * A sound named as its maker's noun is read as the maker's verb, so every reader (actions, sounds,
 * the honesty check) hears it as it hears "the dog barks": "the dog's bark" → "the dog barks",
 * "a squirrel's chatter" → "a squirrel chatters", "the roar of the engine" → "the engine roars",
 * "the crash of waves" → "waves crash". Only where the maker can make that sound: people laugh,
 * cheer and cough, animals bark and purr, things ring, roar and rattle ("the tree's bark", "the
 * bride's ring" and "the boy's crash helmet" are left as written). Quoted lines are never touched.
 *
 * @example
 *   possessiveSounds("the dog's bark echoes") // → 'the dog barks, echoes'
 */
import { extractQuotes, findMentions } from './lexicon.js';
import { subjectMentions, type SubjectWordKind } from './characters/subject-words.js';
import { ANIMAL_VOICE_ROWS, PEOPLE_SOUND_ROWS, SOUND_VERBS } from './characters/verb-words.js';
import { plural } from './characters/reading-words.js';

/** Who may own which sound verb's noun: people laugh and cheer, animals bark, things ring and rattle (a kettle whistles, tires scream). */
function owns(kind: SubjectWordKind | 'name', row: string): boolean {
  const people = PEOPLE_SOUND_ROWS.has(row) || row === 'laughter';
  const anyone = row === 'screaming' || row === 'whistle';
  if (kind === 'person') return people;
  if (kind === 'animal') return !people || anyone;
  if (kind === 'name') return true;
  if (kind === 'nature') return NATURE_SOUNDS.has(row);
  return (!people || anyone) && !ANIMAL_VOICE_ROWS.has(row);
}

/** What the scenery sounds like: wind howls, fire crackles, waves crash, thunder rumbles ("the ring of fire", "the call of the ocean" are no sound). */
const NATURE_SOUNDS = new Set(['roaring', 'howling', 'hissing', 'growling', 'whining', 'screaming', 'whistle', 'crackle', 'rustling', 'splash', 'crash', 'clatter', 'engine', 'buzzing']);

/** The sound verb row whose one-word phrase the noun is ("bark", "barks", "chatter"), if any. */
function soundRow(noun: string): string | undefined {
  const m = findMentions(noun, SOUND_VERBS).find((x) => x.index === 0 && x.length === noun.length && !x.phrase.includes(' '));
  return m?.id;
}

/** The maker's kind: a noun of the subject table, or a name (a capitalised word no table knows). */
function makerKind(maker: string): SubjectWordKind | 'name' | undefined {
  const lower = maker.toLowerCase();
  const noun = subjectMentions(lower).find((m) => m.index === 0 && m.length === lower.length);
  if (noun) return noun.id === 'pronoun' || noun.id === 'camera' ? undefined : noun.id;
  return /^\p{Lu}\p{Ll}{2,}$/u.test(maker) ? 'name' : undefined;
}

/** The verb's form after its subject: bare after a plural ("dogs bark"), else third person ("barks", "hisses", "cries"). */
function verbAfter(noun: string, pluralMaker: boolean): string {
  const bare = noun.replace(/s$/, '');
  // ("the dogs' barking": a participle stays one; "ring", "sing" and "ding" are none)
  if (/^\S{3,}ing$/.test(noun)) return noun;
  if (pluralMaker) return bare;
  if (noun !== bare && soundRow(bare)) return noun;
  if (/(?:s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

const WORD = String.raw`[\p{L}]+`;
/** "the dog's bark", "the dogs' barking", "James' laugh": the maker, its possessive, the noun. */
const OWNED = new RegExp(String.raw`(${WORD})(['’]s|['’])\s+(${WORD})(?![\p{L}'’])`, 'gu');
/** "the roar of the engine", "a chatter of birds": the noun, "of", a determiner, the maker's word. */
const OF = new RegExp(String.raw`\b(?:the|a|an)\s+(${WORD})\s+of\s+((?:(?:the|a|an|its|his|her|their)\s+)?)(${WORD})(?![\p{L}'’])`, 'gu');

/** The maker's words before its verb, when it can make the sound its noun names. */
function heardAs(maker: string, noun: string, names: boolean): string | undefined {
  const row = soundRow(noun.toLowerCase()), kind = makerKind(maker);
  if (!row || !kind || (kind === 'name' && !names) || !owns(kind, row)) return undefined;
  return `${maker} ${verbAfter(noun.toLowerCase(), kind !== 'name' && plural(maker.toLowerCase()))}`;
}

/**
 * A maker of the subject table that cannot make the sound its possessive's noun names: the noun is
 * something it has ("the tree's bark", "the bride's ring"), no sound asked for.
 */
export function ownedNotHeard(maker: string, noun: string): boolean {
  const row = soundRow(noun.toLowerCase()), kind = makerKind(maker);
  return !!row && !!kind && kind !== 'name' && !owns(kind, row);
}

/** Words ending as a verb does that are none ("the roar of the engine across the bay"). */
const NOT_VERBS = new Set(['has', 'as', 'its', 'this', 'his', 'hers', 'us', 'yes', 'plus', 'less', 'across', 'always', 'perhaps', 'sometimes', 'towards', 'besides', 'thus', 'unless', 'whereas', 'ed', 'red', 'bed', 'shed']);

/**
 * The sound noun was the subject of a verb ("the girl's cry echoes through the hall"): as a verb
 * itself it takes a comma before that verb ("the girl cries, echoes through the hall"), which the
 * readers read as the maker's next clause, not as one run-on verb.
 */
function beforeItsVerb(after: string): string {
  const next = /^\s+([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
  return next && (/(?:[^s']s|ed)$/.test(next) || next === 'is') && !NOT_VERBS.has(next) ? ',' : '';
}

export function possessiveSounds(prompt: string): string {
  const quotes = extractQuotes(prompt);
  const quoted = (a: number, b: number) => quotes.some((q) => a < q.end && b > q.start);
  // (a bare apostrophe ends a plural's or a name's possessive: "the dogs' barking", "James' laugh")
  const owned = prompt.replace(OWNED, (all: string, maker: string, mark: string, noun: string, at: number, text: string) => {
    const heard = quoted(at, at + all.length) || (mark.length === 1 && !/s$/.test(maker)) ? undefined : heardAs(maker, noun, true);
    return heard ? `${heard}${beforeItsVerb(text.slice(at + all.length))}` : all;
  });
  return owned.replace(OF, (all: string, noun: string, determiner: string, maker: string, at: number, text: string) => {
    const heard = quoted(at, at + all.length) ? undefined : heardAs(maker, noun, false);
    return heard ? `${determiner}${heard}${beforeItsVerb(text.slice(at + all.length))}` : all;
  });
}
