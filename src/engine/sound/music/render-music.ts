/**
 * Renders the plan's music cue: chords from the key and mood (./harmony.ts), arranged for the
 * style (one entry per style below: which instruments play what on the beat grid), normalised to
 * RMS 0.1 like a bed, with a short fade in and a fade out over the last second.
 *
 * @example
 *   renderMusic({ mood: 'calm', style: 'pads', bpm: 72, key: 'C major', gain_db: -20 }, 240000, rng, 48000)
 */
import type { Music } from '../../plan.js';
import type { Random } from '../../util/random.js';
import { biquad } from '../dsp/biquad.js';
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

/** Which layers each style plays. */
export const MUSIC_STYLES: Record<string, string[]> = {
  pads: ['pad', 'pianoArp'],
  piano: ['pianoChords', 'bass'],
  lofi: ['pianoChords', 'lofiBeat', 'bass'],
  orchestral: ['pad', 'darkPad', 'taiko', 'bass'],
  electronic: ['pluckArp', 'beat', 'pulseBass'],
  drone: ['darkPad', 'pulseBass'],
  ballad: ['pianoArp', 'pad'],
};

export function renderMusic(music: Music, frames: number, rng: Random, sampleRate: number): Float32Array {
  const a: Arrangement = {
    out: new Float32Array(frames), rng, sampleRate, frames,
    beat: 60 / music.bpm,
    chords: progression(music.key, music.mood),
  };
  for (const name of MUSIC_STYLES[music.style] ?? MUSIC_STYLES.pads!) layers[name]!(a);
  if (music.style === 'lofi') biquad(a.out, 'lowpass', 3500, 0.7, sampleRate);
  normalizeRms(a.out, 0.1);
  const fadeIn = Math.min(frames, Math.round(0.3 * sampleRate));
  const fadeOut = Math.min(frames, Math.round(1 * sampleRate));
  for (let i = 0; i < fadeIn; i++) a.out[i]! *= i / fadeIn;
  for (let i = 0; i < fadeOut; i++) a.out[frames - 1 - i]! *= i / fadeOut;
  return a.out;
}

/** Renders one layer alone (the sound table's music entries and their tests). */
export function renderLayer(layer: string, frames: number, rng: Random, sampleRate: number): Float32Array {
  const a: Arrangement = { out: new Float32Array(frames), rng, sampleRate, frames, beat: 60 / 90, chords: progression('A minor', 'minor') };
  layers[layer]!(a);
  return normalizeRms(a.out, 0.1);
}
