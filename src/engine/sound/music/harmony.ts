/**
 * Keys, scales and chord progressions for the music: "A minor" → a tonic and a list of chords
 * (MIDI note numbers), one a bar.
 *
 * @example
 *   progression('C major', 'calm') // → [[48,52,55,59], [43,47,50,53], …]  (Imaj7 – V7 – vi7 – IV)
 */
const NOTE_INDEX: Record<string, number> = { c: 0, 'c#': 1, db: 1, d: 2, 'd#': 3, eb: 3, e: 4, f: 5, 'f#': 6, gb: 6, g: 7, 'g#': 8, ab: 8, a: 9, 'a#': 10, bb: 10, b: 11 };

export function parseKey(key: string): { tonic: number; minor: boolean } {
  const m = /^\s*([a-g][#b]?)\s*(minor|min|m|major|maj)?/i.exec(key);
  const pc = m ? NOTE_INDEX[m[1]!.toLowerCase()] ?? 0 : 0;
  const minor = !!m?.[2] && /^m(in(or)?)?$/i.test(m[2]);
  return { tonic: 48 + pc, minor };
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];

/** Scale degrees (0-based) of the progression for a mode and mood. */
const PROGRESSIONS: Record<string, number[]> = {
  major: [0, 4, 5, 3], // I V vi IV
  minor: [0, 5, 2, 6], // i VI III VII
  tense: [0, 1, 0, 5], // i ii° i VI: unresolved
  sad: [0, 5, 3, 4], // i VI iv v
};

/** One seventh chord (4 notes, close voicing) a bar. */
export function progression(key: string, mood: string): number[][] {
  const { tonic, minor } = parseKey(key);
  const scale = minor ? MINOR : MAJOR;
  const degrees = PROGRESSIONS[mood] ?? PROGRESSIONS[minor ? 'minor' : 'major']!;
  return degrees.map((d) => [0, 2, 4, 6].map((step) => {
    const idx = d + step;
    return tonic + scale[idx % 7]! + 12 * Math.floor(idx / 7);
  }));
}

/** Scale degrees (0-based) per progression family of the genre table, major and minor. */
const FAMILIES: Record<string, { major: number[]; minor: number[]; sevenths: boolean }> = {
  pop: { major: [0, 4, 5, 3], minor: [0, 5, 2, 6], sevenths: false }, // I V vi IV · i VI III VII
  jazz: { major: [1, 4, 0, 5], minor: [3, 6, 2, 5], sevenths: true }, // ii V I vi · iv VII III VI
  epic: { major: [5, 3, 0, 4], minor: [0, 5, 2, 6], sevenths: false }, // vi IV I V · i VI III VII
  sad: { major: [5, 3, 0, 4], minor: [0, 5, 3, 4], sevenths: false }, // vi IV I V · i VI iv v
  tense: { major: [0, 1, 0, 5], minor: [0, 1, 0, 5], sevenths: true }, // i ii° i VI: unresolved
  modal: { major: [0, 6, 3, 0], minor: [0, 6, 5, 6], sevenths: false }, // I bVII IV I · i VII VI VII
  folk: { major: [0, 3, 0, 4], minor: [0, 6, 0, 4], sevenths: false }, // I IV I V · i VII i v
  ambient: { major: [0, 3, 5, 3], minor: [0, 5, 3, 5], sevenths: true }, // Imaj7 IVmaj7 vi7 IVmaj7
};

export interface Harmony {
  tonic: number;
  /** the key's scale as pitch classes relative to the tonic */
  scale: readonly number[];
  /** chords (MIDI notes from C3 up, root first), cycled one per chord span */
  chords: number[][];
}

/** The chords of a progression family in a key: triads or sevenths, roots in the C3 octave. */
export function harmonyFor(key: string, family: string): Harmony {
  const { tonic, minor } = parseKey(key);
  const scale = minor ? MINOR : MAJOR;
  const f = FAMILIES[family] ?? FAMILIES.pop!;
  const steps = f.sevenths ? [0, 2, 4, 6] : [0, 2, 4];
  const chords = (minor ? f.minor : f.major).map((d) => steps.map((step) => {
    const idx = d + step;
    return tonic + scale[idx % 7]! + 12 * Math.floor(idx / 7);
  }));
  return { tonic, scale, chords };
}
