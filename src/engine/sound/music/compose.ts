/**
 * The composer: a genre row (./genres.ts), a key, a tempo and the clip's length → the notes of a
 * short cue, as MIDI-like events in seconds. The cue is arranged to fit the clip: an intro (the
 * chords alone, softer; only in a cue of three spans or more), the body (bass, accompaniment, a
 * melody, drums), and an ending — the tonic chord struck by everyone, held, and released so the
 * last note has died away by the last frame. The tempo is nudged so that whole chord spans fit
 * before the ending — or, when the plan has cuts (multi_prompt's shots), so that a chord span (else
 * a beat) starts on each cut, when a small change does it; the ending then starts after the last
 * whole span and holds a little longer. The melody rests while a line is spoken and comes back as it ends.
 *
 * Deterministic by seed: the melody's rhythm motif and its note choices come from `rng`.
 *
 * @example
 *   compose(GENRES.jazz, { key: 'F major', bpm: 110, duration: 5 }, rng)
 *   // → { bpm: 104.2, notes: [{ t: 0, dur: 1.1, ch: 0, note: 55, vel: 53 }, …], end: 4.6 }
 */
import type { Random } from '../../util/random.js';
import type { Genre, Groove, Part } from './genres.js';
import { harmonyFor } from './harmony.js';

export interface Note { t: number; dur: number; ch: number; note: number; vel: number }
export interface Cue { bpm: number; notes: Note[]; /** when the final chord is released (s) */ release: number }

/** The channels each part plays on (GM: drums on 10, i.e. index 9). */
export const CHANNELS = { chords: 0, bass: 1, melody: 2, pad: 3, drums: 9 } as const;

/** Seconds at the end for the final chord to ring and die away within the clip. */
export function endingLength(duration: number): number {
  return Math.min(2, Math.max(1.1, duration * 0.22));
}

/** GM percussion notes. */
const KICK = 36, SNARE = 38, STICK = 37, CLAP = 39, HAT = 42, OPEN_HAT = 46, RIDE = 51, CRASH = 49, TAMB = 54,
  LOW_TOM = 41, MID_TOM = 45, HI_BONGO = 60, LO_BONGO = 61, MUTE_CONGA = 62, OPEN_CONGA = 63, LOW_CONGA = 64, SHAKER = 70;

/** One bar's hits per groove: [beat within a 4-beat bar, note, velocity]. Off-beat eighths are swung. */
const GROOVES: Record<Exclude<Groove, 'none'>, ReadonlyArray<readonly [number, number, number]>> = {
  pop: [[0, KICK, 100], [1, SNARE, 92], [2, KICK, 96], [2.5, KICK, 80], [3, SNARE, 94], ...[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5].map((b) => [b, HAT, b % 1 ? 58 : 72] as const)],
  lofi: [[0, KICK, 92], [1, STICK, 70], [2.5, KICK, 80], [3, SNARE, 66], ...[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5].map((b) => [b, HAT, b % 1 ? 40 : 54] as const)],
  brushes: [[0, KICK, 50], [1, SNARE, 46], [3, SNARE, 48], [0, RIDE, 70], [1, RIDE, 62], [1.5, RIDE, 52], [2, RIDE, 66], [3, RIDE, 64], [3.5, RIDE, 52]],
  four_on_floor: [[0, KICK, 110], [1, KICK, 104], [2, KICK, 108], [3, KICK, 104], [1, CLAP, 84], [3, CLAP, 86], ...[0.5, 1.5, 2.5, 3.5].map((b) => [b, OPEN_HAT, 62] as const), ...[0, 1, 2, 3].map((b) => [b, HAT, 50] as const)],
  hand_drums: [[0, LOW_CONGA, 96], [0.5, MUTE_CONGA, 70], [1, OPEN_CONGA, 88], [1.5, HI_BONGO, 72], [2, LOW_CONGA, 90], [2.5, LO_BONGO, 74], [3, OPEN_CONGA, 92], [3.5, MUTE_CONGA, 70], ...[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5].map((b) => [b, SHAKER, b % 1 ? 46 : 60] as const)],
  taiko: [[0, LOW_TOM, 118], [0, KICK, 104], [1.5, MID_TOM, 84], [2, LOW_TOM, 108], [3, LOW_TOM, 96], [3.5, MID_TOM, 90]],
  folk: [[0, KICK, 70], [2, KICK, 66], [1, TAMB, 64], [3, TAMB, 66]],
  pulse: [[0, LOW_TOM, 48], [0.4, LOW_TOM, 36]],
};

/** Rhythm motifs for the melody over a 4-beat span: [onset beat, length in beats]. */
const MOTIFS: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [[0, 1.5], [1.5, 0.5], [2, 2]],
  [[0, 1], [1, 1], [2, 1.5], [3.5, 0.5]],
  [[0.5, 0.5], [1, 1], [2, 0.5], [2.5, 1.5]],
  [[0, 2], [2, 1], [3, 1]],
  [[0, 0.5], [0.5, 0.5], [1, 1], [2, 2]],
];

interface Settings {
  key: string; bpm: number; duration: number;
  /** the plan's cut points (s, the starts of shots after the first): the tempo follows them */
  cuts?: readonly number[];
  /** where lines are spoken ([start, end] s): the melody rests under them, as a score writes around dialogue */
  lines?: ReadonlyArray<readonly [number, number]>;
}

/** How far (relative) the tempo may move to land the cuts on the grid, and how close they must land (s). */
const CUT_TEMPO_RANGE = 0.12, CUT_TOLERANCE = 0.004;

/**
 * With cuts: the tempo nearest the asked one (within ±12 %) at which every cut falls on a chord-span
 * boundary (else half a span, else a beat) within 4 ms, and the whole spans that fit before the
 * ending at that tempo. Null when no such tempo is near: the cue then keeps the one-shot fit.
 */
function fitCuts(body: number, bpm: number, cuts: readonly number[]): { beats: number; span: number; bpm: number } | null {
  const inside = cuts.filter((c) => c > 0.05 && c < body);
  if (!inside.length) return null;
  const span = (body * bpm) / 60 >= 12 ? 4 : 2;
  for (const unit of [...new Set([span, span / 2, 1])]) {
    let best: number | null = null;
    // candidate tempos put one cut exactly on the grid; the others are checked against the tolerance
    for (const c of inside) {
      const lo = Math.ceil((c * bpm * (1 - CUT_TEMPO_RANGE)) / (60 * unit)), hi = Math.floor((c * bpm * (1 + CUT_TEMPO_RANGE)) / (60 * unit));
      for (let k = Math.max(1, lo); k <= hi; k++) {
        const t = (60 * unit * k) / c, grid = (60 * unit) / t;
        const fits = inside.every((d) => Math.abs(d - Math.round(d / grid) * grid) <= CUT_TOLERANCE);
        if (fits && (best === null || Math.abs(t - bpm) < Math.abs(best - bpm))) best = t;
      }
    }
    if (best === null) continue;
    const beats = Math.floor((body * best) / 60 / span + 1e-6) * span;
    if (beats >= span * 2) return { beats, span, bpm: best };
  }
  return null;
}

/** Total beats before the ending: an even number (whole spans), at a tempo close to the asked one. */
function fitBeats(body: number, bpm: number): { beats: number; span: number; bpm: number } {
  const raw = (body * bpm) / 60;
  const span = raw >= 12 ? 4 : 2;
  const beats = Math.max(span * 2, Math.round(raw / span) * span);
  return { beats, span, bpm: (60 * beats) / body };
}

export function compose(genre: Genre, settings: Settings, rng: Random): Cue {
  const { duration } = settings;
  const tail = endingLength(duration);
  const body = Math.max(0.5, duration - tail);
  const { beats, span, bpm } = (settings.cuts?.length ? fitCuts(body, settings.bpm, settings.cuts) : null) ?? fitBeats(body, settings.bpm);
  const beat = 60 / bpm;
  const harmony = harmonyFor(settings.key, genre.progression);
  const notes: Note[] = [];
  const spans = beats / span;
  // off-beat eighths land at the genre's swing ratio
  const at = (b: number) => {
    const whole = Math.floor(b), frac = b - whole;
    return (whole + (Math.abs(frac - 0.5) < 1e-6 ? genre.swing : frac)) * beat;
  };
  const add = (part: Part | undefined, ch: number, t: number, dur: number, note: number, velScale = 1) => {
    if (!part) return;
    const vel = Math.max(1, Math.min(127, Math.round(part.velocity * velScale * (0.92 + 0.16 * rng.next()))));
    notes.push({ t, dur: Math.max(0.05, dur), ch, note: note + 12 * part.octave, vel });
  };

  for (let s = 0; s < spans; s++) {
    const chord = harmony.chords[s % harmony.chords.length]!;
    const t0 = s * span * beat;
    const spanLen = span * beat;
    // the intro (the chords alone, softer) only when the cue has room for it: in a two-span cue
    // (a 5 s clip) it would be half the body, and a line spoken over it ends into a quiet stretch
    const intro = s === 0 && spans > 2;
    const v = intro ? 0.8 : 1;
    const { chords, bass, pad, melody } = genre.parts;
    // accompaniment
    switch (genre.comp) {
      case 'pad':
        for (const n of chord) add(chords, CHANNELS.chords, t0, spanLen + 0.05, n, v);
        break;
      case 'block':
        for (const n of chord) { add(chords, CHANNELS.chords, t0, beat * 1.4, n, v); if (span === 4) add(chords, CHANNELS.chords, at(t0 / beat + 2.5), beat * 1.3, n, 0.85 * v); }
        break;
      case 'stabs':
        for (let b = 0; b < span; b++) for (const n of chord) add(chords, CHANNELS.chords, t0 + b * beat, beat * 0.45, n, (b % 2 ? 0.85 : 1) * v);
        break;
      case 'strum':
        for (let e = 0; e < span * 2; e++) chord.forEach((n, k) => add(chords, CHANNELS.chords, at(t0 / beat + e / 2) + k * (e % 2 ? 0.012 : 0.018), beat * 0.9, n + (k === 0 ? 0 : 12), (e % 2 ? 0.7 : 1) * v));
        break;
      case 'arpeggio': {
        const order = [0, 1, 2, chord.length > 3 ? 3 : 1 + 12, 2, 1];
        for (let e = 0; e < span * 2; e++) {
          const idx = order[e % order.length]!;
          const n = idx >= 12 ? chord[idx - 12]! + 12 : chord[idx]!;
          add(chords, CHANNELS.chords, at(t0 / beat + e / 2), beat * 1.2, n + 12 * Math.floor(e / 6), v);
        }
        break;
      }
      case 'broken':
        for (let e = 0; e < span * 2; e++) {
          const n = e % 4 === 0 ? chord[0]! : chord[[2, 1, 2][(e % 4) - 1]!]! + 12;
          add(chords, CHANNELS.chords, at(t0 / beat + e / 2), beat * (e % 4 === 0 ? 2 : 0.9), n, v * (e % 2 ? 0.8 : 1));
        }
        break;
      case 'swing':
        // Charleston comping, rootless (the bass has the root)
        for (const [b, len] of [[0, 0.8], [1.5, 0.6]] as const) for (const n of chord.slice(1)) add(chords, CHANNELS.chords, at(t0 / beat + b), beat * len, n + 12, v);
        if (span === 4) for (const n of chord.slice(1)) add(chords, CHANNELS.chords, at(t0 / beat + 3), beat * 0.6, n + 12, 0.8 * v);
        break;
      case 'ostinato':
        for (let e = 0; e < span * 2; e++) add(chords, CHANNELS.chords, t0 + (e * beat) / 2, beat * 0.45, e % 2 ? chord[2]! : chord[0]! + (e % 4 === 2 ? 12 : 0), (e % 2 ? 0.8 : 1) * v);
        break;
    }
    if (pad) for (const n of chord.slice(0, 3)) add(pad, CHANNELS.pad, t0, spanLen + 0.05, n, v);
    // bass
    if (bass) {
      const root = chord[0]!, fifth = chord[2]!;
      if (genre.comp === 'swing') {
        const next = harmony.chords[(s + 1) % harmony.chords.length]![0]!;
        const walk = [root, chord[1]!, fifth, next + (next > fifth ? -1 : 1)];
        for (let b = 0; b < span; b++) add(bass, CHANNELS.bass, t0 + b * beat, beat * 0.9, walk[b % 4]!, v);
      } else if (genre.groove === 'four_on_floor' || genre.groove === 'pop') {
        for (let e = 0; e < span * 2; e++) add(bass, CHANNELS.bass, t0 + (e * beat) / 2, beat * 0.4, e % 4 === 3 ? root + 12 : root, (e % 2 ? 0.8 : 1) * v);
      } else if (genre.comp === 'pad') {
        add(bass, CHANNELS.bass, t0, spanLen + 0.05, root, v);
      } else {
        for (let b = 0; b < span; b += 2) add(bass, CHANNELS.bass, t0 + b * beat, beat * 1.9, b % 4 === 0 ? root : fifth - 12, v);
      }
    }
    // melody: one seeded motif, its pitches fitted to each chord (chord tones on the beat, scale steps between)
    if (melody && !intro) {
      const motif = MOTIFS[Math.floor(rng.next() * MOTIFS.length)]!;
      let last = chord[rng.next() < 0.5 ? 1 : 2]!;
      for (const [on, len] of motif) {
        if (on >= span) continue;
        const strong = on % 1 === 0;
        const tones = strong ? chord : scaleNotesNear(harmony, last);
        last = tones.reduce((best, n) => (Math.abs(n - last) <= Math.abs(best - last) && n !== last ? n : best), tones[0]!);
        add(melody, CHANNELS.melody, at(t0 / beat + on), Math.min(len, span - on) * beat * 0.95, last);
      }
    }
    // drums enter after the intro
    if (genre.groove !== 'none' && !intro) {
      for (let bar = 0; bar < span; bar += 4) {
        for (const [b, note, vel] of GROOVES[genre.groove]) {
          if (b >= span) continue;
          notes.push({ t: at(t0 / beat + bar + b), dur: 0.1, ch: CHANNELS.drums, note, vel: Math.round(vel * (0.9 + 0.2 * rng.next())) });
        }
      }
      if (s === 1) notes.push({ t: t0, dur: 0.1, ch: CHANNELS.drums, note: CRASH, vel: 70 });
    }
  }

  // the ending: everyone on the tonic chord, held, released with room to die away
  const end = spans * span * beat;
  // (with cuts the body may end before duration − tail: the final chord holds the difference)
  const hold = Math.max(0.4, (settings.cuts?.length ? duration - end : tail) - 0.5);
  const tonic = harmony.chords[0]!.map((n) => n - harmony.chords[0]![0]! + harmony.tonic);
  const { chords, bass, pad, melody } = genre.parts;
  for (const n of tonic.slice(0, 3)) add(chords, CHANNELS.chords, end, hold, n, 0.9);
  if (pad) for (const n of tonic.slice(0, 3)) add(pad, CHANNELS.pad, end, hold, n, 0.9);
  if (bass) add(bass, CHANNELS.bass, end, hold, harmony.tonic, 0.9);
  if (melody) add(melody, CHANNELS.melody, end, hold, harmony.tonic + 12, 0.85);
  if (genre.groove !== 'none') notes.push({ t: end, dur: 0.1, ch: CHANNELS.drums, note: genre.groove === 'taiko' ? LOW_TOM : CRASH, vel: 74 });
  const melodyOut = settings.lines?.length ? notes.flatMap((n) => (n.ch === CHANNELS.melody ? restUnder(n, settings.lines!) : [n])) : notes;
  return { bpm: Math.round(bpm * 10) / 10, notes: melodyOut.sort((a, b) => a.t - b.t), release: end + hold };
}

/**
 * How long before a line its melody notes must have ended (s: the duck's attack), and how soon
 * after its end the melody comes back (at once, a note on the last syllable was heard as a word:
 * "… tomorrow morning oh"; later, a sustained tune such as a fiddle's leaves a hole after the line).
 */
const LINE_LEAD = 0.12, LINE_TAIL = 0.1;

/** The shortest piece of a melody note kept around a line (s). */
const MIN_PIECE = 0.15;

/**
 * The melody (in the voice's range, the part that competes with words) leaves the lines to the
 * voice: a note is cut where a line starts (less the duck's attack), and what it still had to play
 * after the line comes back 0.1 s after its end — the tune answers the voice, with no rest after it.
 */
function restUnder(note: Note, lines: ReadonlyArray<readonly [number, number]>): Note[] {
  let pieces: Array<[number, number]> = [[note.t, note.t + note.dur]];
  for (const [a, b] of lines) {
    pieces = pieces.flatMap(([s, e]): Array<[number, number]> => (e <= a - LINE_LEAD || s >= b + LINE_TAIL ? [[s, e]] : [[s, Math.min(e, a - LINE_LEAD)], [Math.max(s, b + LINE_TAIL), e]]));
  }
  return pieces.filter(([s, e]) => e - s >= MIN_PIECE).map(([s, e]) => ({ ...note, t: s, dur: e - s }));
}

/** The key's scale notes within a fourth of `near`. */
function scaleNotesNear(h: { tonic: number; scale: readonly number[] }, near: number): number[] {
  const out: number[] = [];
  for (let n = near - 5; n <= near + 5; n++) if (h.scale.includes((((n - h.tonic) % 12) + 12) % 12)) out.push(n);
  return out;
}
