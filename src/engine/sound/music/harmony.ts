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
