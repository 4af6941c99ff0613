/**
 * Music words read in context: a word that as often names something else in a picture ("rocks",
 * "a metal roof", "the player scores", "a country road") asks for music only next to a word that
 * makes it music ("rock music", "plays the drums", "a dramatic score"); every other music word
 * asks for it anywhere. The words and the context are tables in ./vocabulary.ts.
 *
 * @example
 *   musicMentions('waves crash against the rocks', MUSIC_WORDS) // → []
 *   musicMentions('upbeat rock music', MUSIC_WORDS)              // → [rock, music]
 */
import { findMentions, normalizeText, type LexiconEntry, type Mention } from '../lexicon.js';
import { MOOD_WORDS, MUSIC_WORDS_WITH_OTHER_SENSES, MUSICAL_CONTEXT } from './vocabulary.js';

/** An instrument's manners: the context's own and every one-word mood ("tender strings"). */
const MANNERS = new Set([...MUSICAL_CONTEXT.instrumentManners, ...MOOD_WORDS.flatMap((e) => e.phrases.filter((p) => !p.includes(' ')))]);

const SKIPPED = new Set(['the', 'a', 'an', 'to', 'his', 'her', 'their', 'its', 'my', 'our', 'your']);
const words = (s: string) => s.split(/[^\p{L}\p{N}']+/u).filter((w) => w && !SKIPPED.has(w));

/** Whether a mention of a music word means music where it stands (within its clause), in the normalised text it was found in. */
function meansMusic(normalized: string, m: Mention): boolean {
  const genre = MUSIC_WORDS_WITH_OTHER_SENSES.genres.has(m.phrase);
  const before = words(normalized.slice(0, m.index).split(/[,.;:!?\n"]/).pop() ?? '');
  const after = words(normalized.slice(m.index + m.length).split(/[,.;:!?\n"]/)[0] ?? '')[0];
  const last = before[before.length - 1] ?? '', placed = MUSICAL_CONTEXT.places.has(last) || (last === 'of' && MUSICAL_CONTEXT.placeSides.has(before[before.length - 2] ?? ''));
  if (MUSICAL_CONTEXT.objects.has(m.phrase) && placed) {
    return (after !== undefined && MUSICAL_CONTEXT.after.has(after)) || before.some((w) => MUSICAL_CONTEXT.playing.has(w) || MUSICAL_CONTEXT.after.has(w));
  }
  if (!genre && !MUSIC_WORDS_WITH_OTHER_SENSES.instruments.has(m.phrase)) return true;
  return (after !== undefined && MUSICAL_CONTEXT.after.has(after))
    || before.slice(-3).some((w) => MUSICAL_CONTEXT.playing.has(w) || (!genre && MUSICAL_CONTEXT.heard.has(w)))
    || (genre ? MUSICAL_CONTEXT.genreKinds : MANNERS).has(last);
}

/** The mentions of a music table's words that mean music (negated ones included, as findMentions gives them). */
export function musicMentions<Id extends string>(text: string, table: readonly LexiconEntry<Id>[]): Mention<Id>[] {
  const normalized = normalizeText(text);
  return findMentions(text, table, { across: true }).filter((m) => meansMusic(normalized, m));
}
