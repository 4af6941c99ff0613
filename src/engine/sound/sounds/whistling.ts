/**
 * A person whistling a tune: a near-pure tone at 1–2.5 kHz (the lips' small opening rings as one
 * resonance) moving through a short major-pentatonic phrase with gliding note changes, a gentle
 * vibrato and a breath of air noise, phrases separated by breaths, for the event's `length`.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import { num, type SoundDef } from './types.js';

/** The major pentatonic scale, in semitones above the tune's key. */
const PENTATONIC = [0, 2, 4, 7, 9, 12, 14];
/** How a tune moves from note to note, in steps of the scale: mostly by one, sometimes a leap. */
const MOVES = [-2, -1, -1, 1, 1, 2, 3, -3];

export const whistling: SoundDef = {
  id: 'whistling', family: 'effect', kind: 'event', people: true, sustained: true, length: 4,
  description: 'a person whistling a tune',
  render(frames, { rng, sampleRate, params }) {
    const seconds = Math.min(frames / sampleRate, num(params, 'length', frames / sampleRate));
    const key = rng.range(1000, 1400), beat = rng.range(0.22, 0.32);
    // the tune: notes of one or two beats, phrases of 6–8 notes with a breath between
    const notes: Array<{ start: number; end: number; f: number }> = [];
    let t = 0.05, step = rng.int(3);
    while (t < seconds - 0.2) {
      const phrase = 6 + rng.int(3);
      for (let k = 0; k < phrase && t < seconds - 0.2; k++) {
        // a step or a small leap to another note of the scale, turned back at its ends
        const move = MOVES[rng.int(MOVES.length)]!;
        step = step + move < 0 || step + move >= PENTATONIC.length ? step - move : step + move;
        const len = beat * (rng.next() < 0.25 ? 2 : 1);
        notes.push({ start: t, end: t + len, f: key * 2 ** (PENTATONIC[step]! / 12) });
        t += len;
      }
      t += beat * 1.5;
    }
    const out = new Float32Array(frames);
    const air = biquad(whiteNoise(frames, rng), 'bandpass', key * 1.4, 1.2, sampleRate);
    // one continuous tone: its level follows the notes through a ~8 ms smoothing (no clicks), with
    // a slight dip where one note is tongued into the next, and silence for each breath
    const smooth = 1 - Math.exp(-1 / (0.008 * sampleRate)), glide = 1 - Math.exp(-1 / (0.012 * sampleRate));
    let phase = 0, f = notes[0]?.f ?? key, level = 0, n = 0;
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      while (n < notes.length - 1 && t >= notes[n]!.end) n++;
      const note = notes[n];
      const inside = !!note && t >= note.start && t < note.end;
      const u = inside ? (t - note.start) / (note.end - note.start) : 0;
      // (after a breath a note starts on its pitch; a joined one glides into it)
      if (inside && level < 0.02) f = note.f;
      if (note) f += (note.f - f) * glide;
      level += ((inside ? (t - note.start < 0.015 ? 0.6 : 1 - 0.25 * u) : 0) - level) * smooth;
      const vibrato = 1 + 0.008 * Math.sin((2 * Math.PI * 5.5 * i) / sampleRate);
      phase += (f * vibrato) / sampleRate;
      out[i] = level * (Math.sin(2 * Math.PI * phase) + 0.04 * air[i]!);
    }
    return normalizePeak(out, 0.5);
  },
};
