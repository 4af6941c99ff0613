/**
 * Synthesised music layers (a saw pad, Karplus–Strong plucks, piano-like struck tones, a bass and
 * a small drum kit) on the beat grid: the sound table's music entries (../sounds/music-layers.ts)
 * that can be auditioned and tested alone. The plan's music cue plays on real instruments
 * instead (./render-music.ts).
 *
 * @example
 *   renderLayer('pad', 48000 * 3, rng, 48000)
 */
import type { Random } from '../../util/random.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { progression } from './harmony.js';
import { bassNote, hat, kick, midiToHz, padChord, pianoNote, pluckNote, snare, tom } from './instruments.js';

export interface Arrangement {
  out: Float32Array;
  rng: Random;
  sampleRate: number;
  /** seconds per beat */
  beat: number;
  /** chords, one a bar of 4 beats, cycled */
  chords: number[][];
  frames: number;
}

type Layer = (a: Arrangement) => void;

const at = (a: Arrangement, beats: number) => Math.round(beats * a.beat * a.sampleRate);
const bars = (a: Arrangement) => Math.ceil(a.frames / (4 * a.beat * a.sampleRate));
const chordOf = (a: Arrangement, bar: number) => a.chords[bar % a.chords.length]!;

const layers: Record<string, Layer> = {
  pad: (a) => { for (let b = 0; b < bars(a); b++) addAt(a.out, padChord(chordOf(a, b).map(midiToHz), 4 * a.beat + 0.4, a.sampleRate), at(a, 4 * b), 0.25); },
  darkPad: (a) => { for (let b = 0; b < bars(a); b++) addAt(a.out, padChord(chordOf(a, b).slice(0, 3).map((m) => midiToHz(m - 12)), 4 * a.beat + 0.4, a.sampleRate, 900), at(a, 4 * b), 0.3); },
  pianoChords: (a) => { for (let b = 0; b < bars(a); b++) for (const [k, m] of chordOf(a, b).entries()) addAt(a.out, pianoNote(midiToHz(m + 12), 4 * a.beat, a.sampleRate), at(a, 4 * b) + k * 300, 0.22); },
  pianoArp: (a) => {
    for (let b = 0; b < bars(a); b++) {
      const c = chordOf(a, b);
      for (let s = 0; s < 8; s++) addAt(a.out, pianoNote(midiToHz(c[[0, 1, 2, 3, 2, 1, 2, 3][s]!]! + 12), 2 * a.beat, a.sampleRate), at(a, 4 * b + s / 2), 0.18);
    }
  },
  pluckArp: (a) => {
    for (let b = 0; b < bars(a); b++) {
      const c = chordOf(a, b);
      for (let s = 0; s < 8; s++) addAt(a.out, pluckNote(midiToHz(c[s % 4]! + 12 * (1 + (s >> 2) % 2)), a.beat, a.sampleRate, a.rng), at(a, 4 * b + s / 2), 0.3);
    }
  },
  bass: (a) => { for (let b = 0; b < bars(a); b++) for (let s = 0; s < 4; s += 2) addAt(a.out, bassNote(midiToHz(chordOf(a, b)[0]! - 12), 2 * a.beat * 0.9, a.sampleRate), at(a, 4 * b + s), 0.35); },
  pulseBass: (a) => { for (let b = 0; b < bars(a); b++) for (let s = 0; s < 8; s++) addAt(a.out, bassNote(midiToHz(chordOf(a, b)[0]! - 12), a.beat * 0.4, a.sampleRate), at(a, 4 * b + s / 2), 0.3); },
  beat: (a) => {
    const k = kick(a.sampleRate), sn = snare(a.sampleRate, a.rng), h = hat(a.sampleRate, a.rng);
    for (let beat = 0; at(a, beat) < a.frames; beat++) {
      addAt(a.out, k, at(a, beat), beat % 2 === 0 ? 0.7 : 0.5);
      if (beat % 2 === 1) addAt(a.out, sn, at(a, beat), 0.35);
      addAt(a.out, h, at(a, beat + 0.5), 0.15);
    }
  },
  lofiBeat: (a) => {
    const k = kick(a.sampleRate), sn = snare(a.sampleRate, a.rng), h = hat(a.sampleRate, a.rng);
    for (let beat = 0; at(a, beat) < a.frames; beat++) {
      if (beat % 4 === 0) addAt(a.out, k, at(a, beat), 0.6);
      if (beat % 4 === 2) addAt(a.out, k, at(a, beat + 0.6), 0.45);
      if (beat % 2 === 1) addAt(a.out, sn, at(a, beat), 0.25);
      addAt(a.out, h, at(a, beat), 0.1);
      addAt(a.out, h, at(a, beat + 0.6), 0.07); // swung off-beat
    }
  },
  taiko: (a) => { const t = tom(a.sampleRate, a.rng); for (let beat = 0; at(a, beat) < a.frames; beat++) addAt(a.out, t, at(a, beat), beat % 4 === 0 ? 0.8 : beat % 2 === 0 ? 0.5 : 0.3); },
};

/** Renders one layer alone (the sound table's music entries and their tests). */
export function renderLayer(layer: string, frames: number, rng: Random, sampleRate: number): Float32Array {
  const a: Arrangement = { out: new Float32Array(frames), rng, sampleRate, frames, beat: 60 / 90, chords: progression('A minor', 'minor') };
  layers[layer]!(a);
  return normalizeRms(a.out, 0.1);
}
