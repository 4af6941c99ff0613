/**
 * Music, only when asked ("music", "soundtrack", "epic score", "lo-fi beat", "soft jazz"): the mood
 * from the prompt's words (calm, epic, upbeat, tense, sad, romantic), the genre named (a row of the
 * genre table, by its genre and instrument words) or the mood's own, the tempo named ("90 bpm")
 * or a tempo within the genre's range that suits the mood, and a key that suits the mood. A genre
 * we do not play gets the nearest one, and a note says so. Words that as often name something else
 * ("rocks", "a metal roof") count only where they mean music (./music-context.ts). A radio or a
 * record player that plays in the scene brings music heard through it (./music-source.ts).
 *
 * @example
 *   planMusic('epic score', new Set(), notes) // → { mood: 'epic', style: 'orchestral', bpm: 96, key: 'D minor', gain_db: -8 }
 *   planMusic('some rock music', new Set(), notes) // → style 'pop'; notes: ['"rock" music is not a genre we play: …']
 */
import type { Music, MusicSource } from '../../plan.js';
import { GENRES, type GenreId } from '../../sound/music/genres.js';
import { findMentions, normalizeText } from '../lexicon.js';
import { musicMentions } from './music-context.js';
import { musicSourceOf } from './music-source.js';
import { GENRE_WORDS, MOOD_WORDS, MOODS, MUSIC_WORDS, NEAREST_GENRE_WORDS } from './vocabulary.js';

/**
 * The music's level against the voice (speech is the mix's reference): 8 dB under it between
 * lines, ~18 dB under it while a line is spoken (the renderer ducks by 10 dB) — clearly heard,
 * never in the way of the words.
 */
export const MUSIC_GAIN_DB = -8;

/** What a device in the scene plays when neither a genre nor a mood is named: the radio a pop song, the record player jazz. */
const DEVICE_STYLE: Record<MusicSource, GenreId> = { score: 'ambient', radio: 'pop', record: 'jazz' };

/** Words of a style any instrument plays in: before an instrument we play, the instrument wins. */
const CLASSICAL = /^(?:classical|baroque)$/;

export function planMusic(text: string, removed: Set<string>, notes: string[] = []): Music | null {
  if (removed.has('music')) return null;
  const source = musicSourceOf(text);
  if (!source && !musicMentions(text, MUSIC_WORDS).some((m) => !m.negated)) return null;
  const moodNamed = findMentions(text, MOOD_WORDS).find((m) => !m.negated)?.id;
  const mood = moodNamed ?? 'calm';
  const preset = MOODS[mood]!;
  const named = musicMentions(text, GENRE_WORDS).filter((m) => !m.negated);
  const nearest = musicMentions(text, NEAREST_GENRE_WORDS).filter((m) => !m.negated);
  // a genre we play wins over one we only approximate ("jazz" beats "blues" when both are named),
  // unless that one names the genre of the instrument right after it ("heavy metal guitar riff")
  // ("classical piano", "classical guitar" are the instrument's: a classical instrument is played classically)
  const ofInstrument = nearest.find((n) => named[0] && named[0].index - (n.index + n.length) >= 0 && named[0].index - (n.index + n.length) <= 1 && !CLASSICAL.test(n.phrase));
  let style = (ofInstrument ? undefined : named[0]?.id) ?? (source && !moodNamed ? DEVICE_STYLE[source] : preset.style);
  if ((!named.length || ofInstrument) && nearest.length) {
    const asked = ofInstrument ?? nearest[0]!;
    style = asked.id;
    notes.push(`"${asked.phrase}" music is not a genre we play: the nearest, ${GENRES[style].description.split(':')[0]}, plays instead`);
  }
  const genre = GENRES[style];
  const bpmMatch = /\b(\d{2,3})\s*bpm\b/.exec(normalizeText(text));
  const [lo, hi] = genre.bpm;
  // the mood's tempo, kept within what the genre plays
  const bpm = bpmMatch ? Math.max(40, Math.min(200, parseInt(bpmMatch[1]!, 10))) : Math.max(lo, Math.min(hi, preset.bpm));
  return { mood, style, bpm, key: preset.key, gain_db: MUSIC_GAIN_DB, ...(source ? { source } : {}) };
}
