/**
 * A song asked for with no words given ("she sings a lullaby", "he hums a tune"): the voice sings
 * "la" or hums "mmm" on the tune (sound/speech/sing.ts), a line of the plan like any other, placed
 * right after the verb. Only for a person (a kettle, an engine or the city that hums is a sound,
 * birds that sing are birdsong), and only when no quoted line is sung already.
 *
 * @example
 *   vocaliseQuotes('an old fisherman mends his net, he hums a tune', [])
 *   // → [{ text: 'mmm mmm mmm mmm', start: 37, end: 37, vocalise: true }]
 */
import { normalizeText, type QuotedLine } from '../lexicon.js';
import { describeSpeaker } from './speakers.js';
import { subjectMentions } from '../characters/subject-words.js';
import { mayBeName } from '../characters/reading-subjects.js';

/** The song verb's own subject, the word right before it (past an adverb), with its determiner and what the tables call it. */
function singerBefore(text: string, at: number): { determiner?: string; word: string; kind?: string; opensClause: boolean } | null {
  const before = text.slice(Math.max(0, at - 40), at);
  const m = /(?:^|\s)(?:(the|a|an|its|their|his|her)\s+)?([\p{L}']+)\s+(?:\p{L}+ly\s+)?$/u.exec(before);
  if (!m) return null;
  const kind = subjectMentions(m[2]!).find((n) => n.index === 0 && n.length === m[2]!.length)?.id;
  // (nothing but a clause's start before it: the text's start, a stop or comma, or a conjunction)
  const opensClause = (at < 40 && before.slice(0, m.index).trim() === '') || /(?:^|[.,;:!?]|\b(?:and|while|as|then|when))\s*$/.test(before.slice(0, m.index));
  return { determiner: m[1], word: m[2]!, kind, opensClause };
}

/**
 * The song verb's own subject is a thing or an animal: "the city hums below", "the fridge hums",
 * "bees hum" (a person's word or a pronoun there, or none, leaves the sentence's person).
 */
function thingSings(singer: ReturnType<typeof singerBefore>): boolean {
  if (!singer || singer.kind === 'person' || singer.kind === 'pronoun') return false;
  return singer.kind !== undefined || singer.determiner !== undefined;
}

/** Words before a song verb that the reader's name test lets through and are no one's name ("it sings", "they would sing"). */
const NOT_A_SINGER = new Set(['it', 'there', 'often', 'never', 'would', 'could', 'should', 'may', 'might', 'must', 'did']);

/** The song verb's own subject is a name no table knows, opening its clause ("Maria sings softly", "…, and Kenji hums"). */
function nameSings(singer: ReturnType<typeof singerBefore>): boolean {
  return !!singer && singer.opensClause && singer.determiner === undefined && singer.kind === undefined && mayBeName(singer.word) && !NOT_A_SINGER.has(singer.word);
}

/** What each kind of wordless song sings. */
export const VOCALISES = { sing: 'la la la la, la la la', hum: 'mmm mmm mmm mmm' } as const;

export type VocaliseQuote = QuotedLine & { vocalise: true };

export const isVocalise = (text: string): boolean => Object.values(VOCALISES).includes(text as never);

/**
 * The verbs of song in the forms prompts use: one list, read by the wordless song here, the sung
 * line (./dialogue.ts) and the soundtrack's honesty check (characters/unheard-sounds.ts).
 */
export const SONG_VERBS: readonly string[] = ['sings', 'sing', 'singing', 'sang', 'croons', 'crooning', 'crooned', 'serenades', 'serenading', 'hums', 'humming', 'hummed'];
/** Their finite forms, which follow a quote (""…," she sang"). */
export const SONG_VERBS_FINITE = SONG_VERBS.filter((w) => /(?:s|ed)$|^sang$/.test(w));
/** A song verb as a whole word, birds singing excluded. */
export const songVerbPattern = (verbs: readonly string[]) => `(?<!\\bbirds?\\s)\\b(?:${verbs.join('|')})\\b`;

const SONG_VERB = new RegExp(`(${songVerbPattern(SONG_VERBS)})`, 'g');

/** The prompt's wordless song (at most one), as a quote of its vocalise after the verb. */
export function vocaliseQuotes(prompt: string, quotes: readonly QuotedLine[]): VocaliseQuote[] {
  const text = normalizeText(prompt);
  for (const m of text.matchAll(SONG_VERB)) {
    const end = m.index + m[0].length;
    // a quote right after the verb, or just before it (""…," she sang"), is the song's words: that line is sung already
    if (quotes.some((q) => (q.start >= m.index && q.start <= end + 40) || (q.end <= m.index && q.end >= m.index - 30))) continue;
    const singer = singerBefore(text, m.index);
    if (thingSings(singer)) continue;
    const sentence = text.slice(Math.max(0, text.lastIndexOf('.', m.index) + 1), end);
    const who = describeSpeaker(sentence);
    if (who.narrator || (who.speaker === 'speaker' && !nameSings(singer))) continue;
    return [{ text: /^hum/.test(m[1]!) ? VOCALISES.hum : VOCALISES.sing, start: end, end, vocalise: true }];
  }
  return [];
}
