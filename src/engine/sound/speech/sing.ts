/**
 * A spoken line sung: the speech engine's line is taken apart by linear prediction (the vocal
 * tract's envelope frame by frame: every vowel and consonant) and its voiced stretches — the
 * syllables' vowels — are re-voiced on the notes of a melody: held to the beat, on a glottal source
 * at each note's pitch with a singer's vibrato and a short glide between notes, while the
 * consonants between them are kept as spoken. The melody moves by steps in the key (the music's,
 * when music plays), in the voice's own register, and comes home to the tonic on its last note.
 *
 * @example
 *   const sung = singLine(spoken, 48000, { key: 'C major', bpm: 96 }, rng);
 */
import type { Random } from '../../util/random.js';
import { levinson } from '../dsp/lpc.js';
import { harmonyFor } from '../music/harmony.js';

export interface Tune {
  /** "C major", "A minor" … (the music's key when music plays) */
  key: string;
  bpm: number;
}

/** A line's tune when no music sets one: an easy, major, walking tempo. */
export const SUNG_DEFAULT: Tune = { key: 'C major', bpm: 96 };

/** The tune a line is sung to: the music's key and tempo when music plays. */
export const tuneOf = (music: { key: string; bpm: number } | null | undefined): Tune => (music ? { key: music.key, bpm: music.bpm } : SUNG_DEFAULT);

/**
 * A syllable's note: a beat, or half a beat when beats are slower than half a second (a singer
 * sings eighth notes to a slow pulse: ~2–3 syllables a second either way). The last note is two.
 */
export function syllableSeconds(tune: Tune): number {
  const beat = 60 / Math.max(50, Math.min(180, tune.bpm));
  return beat > 0.5 ? beat / 2 : beat;
}

/** The syllables of a line, roughly: a Han or kana character each, else each word's vowel groups. */
export function syllableCount(text: string): number {
  let count = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean)) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word)) { count += [...word].length; continue; }
    // a final silent e ("home", "time") is no syllable of its own
    const groups = word.replace(/e$/, '').match(/[aeiouy]+/g)?.length ?? 0;
    count += Math.max(1, groups);
  }
  return count;
}

/** The shortest note a syllable is sung on, however fast the line (below it the words blur). */
export const SHORTEST_NOTE_S = 0.18;

const HOP_S = 0.01, WINDOW_S = 0.025, ORDER = 48, PRE = 0.9;

interface Frame { k: Float64Array; rms: number; level: number; voiced: boolean; f0: number }

/** Every HOP_S: the LPC envelope of the pre-emphasised line, its level, and whether it is voiced. */
function analyse(x: Float32Array, sr: number): Frame[] {
  const hop = Math.round(HOP_S * sr), size = Math.round(WINDOW_S * sr);
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  const frame = new Float64Array(size), raw = new Float64Array(size), r = new Float64Array(ORDER + 1);
  const minLag = Math.floor(sr / 400), maxLag = Math.ceil(sr / 70);
  const frames: Frame[] = [];
  for (let c = 0; c < x.length; c += hop) {
    const start = c - (size >> 1);
    let energy = 0, preEnergy = 0;
    for (let i = 0; i < size; i++) {
      const k = start + i;
      const v = x[k] ?? 0, e = v - PRE * (x[k - 1] ?? 0);
      raw[i] = v;
      frame[i] = e * w[i]!;
      energy += v * v;
      preEnergy += e * e;
    }
    for (let lag = 0; lag <= ORDER; lag++) {
      let acc = 0;
      for (let i = lag; i < size; i++) acc += frame[i]! * frame[i - lag]!;
      r[lag] = acc;
    }
    r[0] = r[0]! * 1.0001 + 1e-12;
    const { k } = levinson(r, ORDER);
    // voicing: the clearest period between 70 and 400 Hz (normalised autocorrelation of the raw
    // frame, read on every fourth sample: a period, not its fine shape, is sought)
    let best = 0, bestLag = 0;
    for (let lag = minLag; lag <= maxLag && lag < size; lag += 4) {
      let xy = 0, xx = 0, yy = 0;
      for (let i = 0; i + lag < size; i += 4) { const p = raw[i]!, q = raw[i + lag]!; xy += p * q; xx += p * p; yy += q * q; }
      const v = xy / Math.sqrt(xx * yy + 1e-12);
      if (v > best) { best = v; bestLag = lag; }
    }
    frames.push({ k, rms: Math.sqrt(energy / size), level: Math.sqrt(preEnergy / size), voiced: best > 0.5, f0: bestLag ? sr / bestLag : 0 });
  }
  const loud = frames.reduce((m, f) => Math.max(m, f.rms), 0);
  for (const f of frames) f.voiced &&= f.rms > loud * 0.08;
  return frames;
}

/** The voiced stretches (frame ranges [from, to)) long enough to be a syllable's vowel; long ones split at their quietest point. */
function syllables(frames: readonly Frame[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < frames.length;) {
    if (!frames[i]!.voiced) { i++; continue; }
    let j = i;
    // a one-frame unvoiced blip inside a vowel is not a consonant
    while (j < frames.length && (frames[j]!.voiced || frames[j + 1]?.voiced)) j++;
    if ((j - i) * HOP_S >= 0.04) runs.push([i, j]);
    i = j;
  }
  const out: Array<[number, number]> = [];
  const longest = Math.round(0.36 / HOP_S);
  const split = ([a, b]: [number, number]): void => {
    if (b - a <= longest) { out.push([a, b]); return; }
    // the quietest frame in the middle half: two syllables joined by a voiced consonant ("to you")
    let at = a + ((b - a) >> 2);
    for (let k = at; k < b - ((b - a) >> 2); k++) if (frames[k]!.rms < frames[at]!.rms) at = k;
    split([a, at]); split([at, b]);
  };
  runs.forEach(split);
  return out;
}

/** One note a syllable: a step-wise walk in the key around the voice's register, ending on the tonic. */
function melody(count: number, tune: Tune, spokenHz: number, rng: Random): number[] {
  const { tonic, scale } = harmonyFor(tune.key, 'pop');
  // the tonic nearest a little above the speaking pitch (singing sits higher than speech)
  const centre = 69 + 12 * Math.log2((spokenHz * 1.15) / 440);
  const home = tonic + 12 * Math.round((centre - tonic) / 12);
  const noteOf = (degree: number) => home + scale[((degree % 7) + 7) % 7]! + 12 * Math.floor(degree / 7);
  const notes: number[] = [];
  let degree = [0, 2, 4][rng.int(3)]!;
  for (let k = 0; k < count; k++) {
    if (k === count - 1) degree = degree > 3 ? 7 : 0;
    notes.push(noteOf(degree));
    const r = rng.next();
    const step = r < 0.3 ? 1 : r < 0.6 ? -1 : r < 0.72 ? 2 : r < 0.84 ? -2 : 0;
    degree = Math.max(-3, Math.min(6, degree + step));
  }
  return notes;
}

const midiHz = (m: number) => 440 * Math.pow(2, (m - 69) / 12);

/**
 * The glottal source at a gliding pitch: harmonics falling at 12 dB an octave (a glottal pulse
 * with the lips' radiation), with a breath of noise. `hzAt(i)` is the pitch at sample i.
 */
function glottal(n: number, sr: number, hzAt: (i: number) => number, rng: Random): Float64Array {
  const out = new Float64Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const f = hzAt(i);
    phase += (2 * Math.PI * f) / sr;
    if (phase > 2 * Math.PI) phase -= 2 * Math.PI;
    // sum over the harmonics below 5 kHz by the sine recurrence s_k = 2cos(φ)·s_(k-1) − s_(k-2);
    // the top one faded in by how far under 5 kHz it is (a vibrato moves it across the limit)
    const limit = Math.max(1, 5000 / f), top = Math.ceil(limit);
    const c2 = 2 * Math.cos(phase);
    let s1 = 0, s0 = Math.sin(phase), v = 0;
    for (let k = 1; k <= top; k++) {
      v += (s0 / (k * k)) * (k === top ? limit - top + 1 : 1);
      const next = c2 * s0 - s1;
      s1 = s0; s0 = next;
    }
    out[i] = v + (rng.next() - 0.5) * 0.04;
  }
  return out;
}

/**
 * The line `spoken` (mono, `sr`) sung to `tune`, `pace` notes to a syllable's usual one (2: double
 * time, for a long line): consonants as spoken, each vowel held to its note. A line with no voiced
 * stretch comes back as it was.
 */
export function singLine(spoken: Float32Array, sr: number, tune: Tune, rng: Random, pace = 1): Float32Array {
  const frames = analyse(spoken, sr);
  const vowels = syllables(frames);
  if (!vowels.length) return spoken;
  const hop = Math.round(HOP_S * sr);
  const f0s = frames.filter((f) => f.voiced && f.f0 > 0).map((f) => f.f0).sort((p, q) => p - q);
  const spokenHz = f0s[f0s.length >> 1] ?? 160;
  const notes = melody(vowels.length, tune, spokenHz, rng);
  const note = syllableSeconds(tune) / pace;
  // the pre-emphasised line: consonants are copied from it, vowels synthesised in its domain
  const pre = new Float64Array(spoken.length);
  for (let i = 0; i < spoken.length; i++) pre[i] = spoken[i]! - PRE * (spoken[i - 1] ?? 0);
  const pieces: Float64Array[] = [];
  const fade = Math.round(0.006 * sr);
  let prevHz = midiHz(notes[0]!);
  for (let k = 0; k < vowels.length; k++) {
    const [a, b] = vowels[k]!;
    // the consonants before this vowel, as spoken (from the last vowel's end)
    const from = k === 0 ? 0 : vowels[k - 1]![1] * hop, to = a * hop;
    const consonant = pre.slice(from, to);
    const nextConsonant = ((vowels[k + 1]?.[0] ?? frames.length) - b) * hop;
    // a syllable's note (the last one two); the vowel fills it less the next consonant
    const beats = k === vowels.length - 1 ? 2 : 1;
    const length = Math.max((b - a) * hop, Math.round(beats * note * sr) - (k === vowels.length - 1 ? 0 : nextConsonant));
    const hz = midiHz(notes[k]!), startHz = prevHz;
    const glide = Math.round(0.05 * sr), vibratoFrom = Math.round(0.2 * sr);
    const hzAt = (i: number) => {
      const base = i < glide ? startHz * Math.pow(hz / startHz, i / glide) : hz;
      const depth = i < vibratoFrom ? 0 : Math.min(1, (i - vibratoFrom) / (0.3 * sr)) * 0.35;
      return base * Math.pow(2, (depth * Math.sin((2 * Math.PI * 5.5 * i) / sr)) / 12);
    };
    const source = glottal(length, sr, hzAt, rng);
    // the vowel's frames in time: its first and last 40 ms at the spoken pace (the consonants'
    // transitions), its middle stretched over the rest of the note
    const edge = Math.min(Math.round(0.04 / HOP_S), (b - a) >> 2);
    const edgeS = edge * hop;
    const frameAt = (i: number) => {
      if (i < edgeS) return a + i / hop;
      if (i >= length - edgeS) return b - edge + (i - (length - edgeS)) / hop;
      return a + edge + ((i - edgeS) / Math.max(1, length - 2 * edgeS)) * (b - a - 2 * edge);
    };
    // an all-pole lattice whose reflection coefficients glide from frame to frame (no click where
    // the envelope changes, and stable all the way)
    const y = new Float64Array(length), level = new Float64Array(length);
    const back = new Float64Array(ORDER + 1), kNow = new Float64Array(ORDER + 1);
    let levelNow = 0;
    for (let i = 0; i < length; i++) {
      if (i % 16 === 0) {
        // the envelope and level at i, between the frames either side of it
        const pos = Math.min(b - 1, Math.max(a, frameAt(i))), f0 = Math.floor(pos), t = pos - f0;
        const p = frames[f0]!, q = frames[Math.min(b - 1, f0 + 1)]!;
        for (let j = 1; j <= ORDER; j++) kNow[j] = p.k[j]! * (1 - t) + q.k[j]! * t;
        levelNow = p.level * (1 - t) + q.level * t;
      }
      let f = source[i]!;
      for (let j = ORDER; j >= 1; j--) {
        f -= kNow[j]! * back[j - 1]!;
        back[j] = kNow[j]! * f + back[j - 1]!;
      }
      back[0] = f;
      y[i] = f;
      level[i] = levelNow;
    }
    // the level of the spoken vowel, frame by frame, and a held note's soft onset and release
    const win = Math.round(0.02 * sr);
    let acc = 0;
    const ring = new Float64Array(length);
    for (let i = 0; i < length; i++) { acc += y[i]! * y[i]!; if (i >= win) acc -= y[i - win]! * y[i - win]!; ring[i] = Math.sqrt(Math.max(0, acc) / Math.min(win, i + 1)); }
    for (let i = 0; i < length; i++) {
      const env = Math.min(1, i / (0.03 * sr)) * Math.min(1, (length - i) / (0.05 * sr));
      y[i] = (y[i]! / (ring[i]! + 1e-9)) * level[i]! * env;
    }
    pieces.push(consonant, y);
    prevHz = hz;
  }
  pieces.push(pre.slice(vowels[vowels.length - 1]![1] * hop));
  // join with short crossfades, then undo the pre-emphasis
  const total = pieces.reduce((s, p) => s + p.length, 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const p of pieces) {
    for (let i = 0; i < p.length; i++) {
      const g = Math.min(1, (i + 1) / fade, (p.length - i) / fade);
      out[at + i]! += p[i]! * g;
    }
    at += p.length;
  }
  let prev = 0;
  for (let i = 0; i < out.length; i++) { prev = out[i]! + PRE * prev; out[i] = prev; }
  return out;
}
