/**
 * The music genres, one row each: which General MIDI instruments play which part, how the chords
 * move, how the accompaniment and the drums go, and the tempo range. The composer
 * (./compose.ts) reads only this table; the director picks a row from the prompt's genre and
 * instrument words (src/engine/direct/audio/vocabulary.ts) and the mood.
 *
 * @example
 *   GENRES.jazz.parts.chords // → { program: 0, … }  (piano comping), bass: acoustic bass, drums: brushes
 */
export const GENRE_IDS = [
  'piano', 'ambient', 'acoustic_guitar', 'jazz', 'orchestral', 'strings', 'electronic', 'lofi',
  'tension', 'pop', 'folk', 'world', 'music_box', 'choir',
] as const;
export type GenreId = (typeof GENRE_IDS)[number];

/** How the chord instrument plays each bar. */
export type Comp = 'block' | 'arpeggio' | 'strum' | 'pad' | 'stabs' | 'swing' | 'broken' | 'ostinato';
/** The drum pattern (GM percussion channel), or none. */
export type Groove = 'none' | 'pop' | 'lofi' | 'brushes' | 'four_on_floor' | 'hand_drums' | 'taiko' | 'folk' | 'pulse';
/** The chord progression family (./harmony.ts). */
export type Progression = 'pop' | 'jazz' | 'epic' | 'sad' | 'tense' | 'modal' | 'folk' | 'ambient';

export interface Part {
  /** GM program number (0–127), and bank (0 unless a variation) */
  program: number;
  bank?: number;
  /** octave offset from the chord's root octave (C3 = 48) */
  octave: number;
  /** MIDI velocity 1–127 */
  velocity: number;
}

export interface Genre {
  id: GenreId;
  description: string;
  parts: { chords: Part; bass?: Part; melody?: Part; pad?: Part };
  comp: Comp;
  groove: Groove;
  /** GM drum kit program (0 standard, 25 TR-808, 40 brush, 48 orchestra) */
  kit: number;
  progression: Progression;
  /** tempo range (bpm); the mood picks within it */
  bpm: readonly [number, number];
  /** swing ratio of the off-beat eighth (0.5 straight, ~0.62 swung) */
  swing: number;
  /** plan style names from before genres (v1 plans) that map to this row */
  aliases?: readonly string[];
}

const p = (program: number, octave: number, velocity: number, bank = 0): Part => ({ program, bank, octave, velocity });

export const GENRES: Readonly<Record<GenreId, Genre>> = {
  piano: { id: 'piano', description: 'solo grand piano: broken chords and a simple melody', parts: { chords: p(0, 0, 70), bass: p(0, -1, 62), melody: p(0, 2, 82) }, comp: 'broken', groove: 'none', kit: 0, progression: 'pop', bpm: [60, 92], swing: 0.5, aliases: ['ballad'] },
  ambient: { id: 'ambient', description: 'ambient pads: warm and halo pads with slow chords and a soft bell line', parts: { chords: p(89, 0, 80), pad: p(94, 1, 60), bass: p(89, -1, 64), melody: p(11, 2, 52) }, comp: 'pad', groove: 'none', kit: 0, progression: 'ambient', bpm: [56, 76], swing: 0.5, aliases: ['pads', 'ambient_pad'] },
  acoustic_guitar: { id: 'acoustic_guitar', description: 'fingerpicked steel-string guitar over a nylon bass', parts: { chords: p(25, 0, 78), bass: p(24, -1, 70), melody: p(24, 1, 76) }, comp: 'arpeggio', groove: 'none', kit: 0, progression: 'folk', bpm: [72, 104], swing: 0.5 },
  jazz: { id: 'jazz', description: 'jazz trio: piano comping on sevenths, walking upright bass, brushes', parts: { chords: p(0, 0, 66), bass: p(32, -1, 92), melody: p(11, 2, 70) }, comp: 'swing', groove: 'brushes', kit: 40, progression: 'jazz', bpm: [84, 132], swing: 0.64 },
  orchestral: { id: 'orchestral', description: 'orchestral / epic: string section, horns, timpani and taiko', parts: { chords: p(48, 0, 92), bass: p(43, -1, 96), melody: p(60, 1, 96), pad: p(61, 0, 72) }, comp: 'ostinato', groove: 'taiko', kit: 48, progression: 'epic', bpm: [84, 112], swing: 0.5, aliases: ['epic'] },
  strings: { id: 'strings', description: 'string quartet-like: slow strings, cello bass, violin melody', parts: { chords: p(49, 0, 84), bass: p(42, -1, 84), melody: p(40, 1, 86) }, comp: 'pad', groove: 'none', kit: 0, progression: 'sad', bpm: [60, 84], swing: 0.5 },
  electronic: { id: 'electronic', description: 'electronic / synth: polysynth stabs, saw lead, synth bass, 808 four-on-the-floor', parts: { chords: p(90, 0, 78), bass: p(38, -1, 100), melody: p(81, 1, 70), pad: p(95, 0, 56) }, comp: 'stabs', groove: 'four_on_floor', kit: 25, progression: 'modal', bpm: [112, 128], swing: 0.5, aliases: ['synth'] },
  lofi: { id: 'lofi', description: 'lo-fi: Rhodes sevenths, round bass, a lazy swung beat', parts: { chords: p(4, 0, 72), bass: p(33, -1, 88), melody: p(11, 2, 60) }, comp: 'block', groove: 'lofi', kit: 0, progression: 'jazz', bpm: [72, 88], swing: 0.6 },
  tension: { id: 'tension', description: 'tension / eerie: low sustained strings, a ghostly voice pad, sparse high piano, a distant pulse', parts: { chords: p(49, 0, 88), pad: p(91, 0, 66), bass: p(43, -1, 76), melody: p(0, 2, 72) }, comp: 'pad', groove: 'pulse', kit: 48, progression: 'tense', bpm: [64, 88], swing: 0.5, aliases: ['drone', 'eerie'] },
  pop: { id: 'pop', description: 'upbeat pop: bright piano and guitar on eighths, picked bass, a full kit', parts: { chords: p(1, 0, 80), bass: p(34, -1, 96), melody: p(80, 1, 64), pad: p(27, 0, 64) }, comp: 'stabs', groove: 'pop', kit: 0, progression: 'pop', bpm: [108, 126], swing: 0.5, aliases: ['upbeat'] },
  folk: { id: 'folk', description: 'folk: strummed guitar, fiddle tune, accordion drone, light tambourine', parts: { chords: p(25, 0, 76), bass: p(32, -1, 80), melody: p(110, 1, 80), pad: p(21, 0, 50) }, comp: 'strum', groove: 'folk', kit: 0, progression: 'folk', bpm: [92, 116], swing: 0.5 },
  world: { id: 'world', description: 'world percussion: congas, bongos and shakers under kalimba and marimba', parts: { chords: p(12, 0, 84), bass: p(32, -1, 80), melody: p(108, 1, 88) }, comp: 'ostinato', groove: 'hand_drums', kit: 0, progression: 'modal', bpm: [92, 112], swing: 0.5 },
  music_box: { id: 'music_box', description: 'music box: a tinkling lullaby on music box and celesta', parts: { chords: p(10, 1, 74), melody: p(10, 2, 86), bass: p(8, 0, 60) }, comp: 'arpeggio', groove: 'none', kit: 0, progression: 'pop', bpm: [66, 88], swing: 0.5 },
  choir: { id: 'choir', description: 'choir: "aah" voices in slow chords over an organ-like bass', parts: { chords: p(52, 0, 88), pad: p(53, 1, 70), bass: p(52, -1, 76) }, comp: 'pad', groove: 'none', kit: 0, progression: 'epic', bpm: [56, 76], swing: 0.5 },
};

/** A genre id from a plan's style (an id, or a v1 style name); unknown → null. */
export function genreOf(style: string): Genre | null {
  if ((GENRE_IDS as readonly string[]).includes(style)) return GENRES[style as GenreId];
  return Object.values(GENRES).find((g) => g.aliases?.includes(style)) ?? null;
}
