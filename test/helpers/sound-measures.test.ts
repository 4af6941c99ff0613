/**
 * The sound measures catch the defects they are for (test/helpers/sound-measures.ts), on signals
 * made here whose answer is known: a chord is tonal and noise is not; a tone's pitch and a
 * harmonic engine note that drops 10 % (a Doppler shift) against one that does not; a 0.4 s pulse rhythm vs steady noise; a narrow band vs
 * broadband; syllable onsets counted; a hole in a clip shows in its momentary loudness.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandFraction, envelopePeriod, momentaryLoudness, onsets, peakFrequency, spectralShift, tonality } from './sound-measures.js';
import { writeWavFile } from './audio.js';

const SR = 48000;
let seed = 7;
const noise = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 2147483648 - 1; };
const make = (seconds: number, f: (t: number) => number) => Float32Array.from({ length: Math.round(seconds * SR) }, (_, i) => f(i / SR));

test('tonality: a piano-like chord is dominated by peaks, white noise and a noisy wind-like band are not', () => {
  const chord = make(2, (t) => [261.6, 329.6, 392].reduce((s, f) => s + Math.sin(2 * Math.PI * f * t) + 0.4 * Math.sin(4 * Math.PI * f * t), 0) * 0.1);
  const white = make(2, () => noise() * 0.3);
  assert.ok(tonality(chord, 0, 2) > 0.8, `chord ${tonality(chord, 0, 2)}`);
  assert.ok(tonality(white, 0, 2) < 0.2, `noise ${tonality(white, 0, 2)}`);
});

test('peakFrequency finds a tone within a few Hz; bandFraction tells a whistle-like band from broadband noise', () => {
  const tone = make(1, (t) => Math.sin(2 * Math.PI * 3000 * t));
  assert.ok(Math.abs(peakFrequency(tone, 0, 1, 1000, 5000) - 3000) < 5);
  assert.ok(bandFraction(tone, 3000, 0.1) > 0.9);
  assert.ok(bandFraction(make(1, () => noise()), 3000, 0.1) < 0.1);
});

test('envelopePeriod finds a 0.4 s rhythm of bursts and finds none in steady noise', () => {
  const barks = make(2, (t) => ((t % 0.4) < 0.15 ? noise() : 0));
  const steady = make(2, () => noise());
  const b = envelopePeriod(barks, 0.2, 0.8), s = envelopePeriod(steady, 0.2, 0.8);
  assert.ok(Math.abs(b.period - 0.4) < 0.02 && b.strength > 0.5, JSON.stringify(b));
  assert.ok(s.strength < 0.3, JSON.stringify(s));
});

test('onsets counts syllables: 10 chirps a second for a second → about 10', () => {
  const trill = make(1.2, (t) => (t < 1 && (t % 0.1) < 0.05 ? Math.sin(2 * Math.PI * 4000 * t) : 0));
  const found = onsets(trill);
  assert.ok(found.length >= 9 && found.length <= 11, `${found.length} onsets`);
});

test('momentaryLoudness shows a hole: 1 s of near-silence in a steady clip falls > 15 LU below the integrated loudness', async () => {
  const holed = make(4, (t) => noise() * (t > 2 && t < 3 ? 0.003 : 0.2));
  const stereo = new Float32Array(holed.length * 2);
  holed.forEach((v, i) => { stereo[2 * i] = v; stereo[2 * i + 1] = v; });
  const { momentary, integrated } = await momentaryLoudness(await writeWavFile(stereo, 2));
  const lowest = Math.min(...momentary.filter(([t]) => t > 0.8).map(([, m]) => m));
  assert.ok(integrated - lowest > 15, `integrated ${integrated}, lowest momentary ${lowest}`);
});

test('spectralShift measures a 10 % drop of a harmonic engine-like note and none when the pitch holds', () => {
  const engine = (f: (t: number) => number) => { let phase = 0; return make(3, (t) => { phase += f(t) / SR; return [1, 2, 3, 4, 5, 6].reduce((s, k) => s + Math.sin(2 * Math.PI * k * phase) / k, 0) * 0.2 + noise() * 0.01; }); };
  const passing = engine((t) => (t < 1.5 ? 55 : 50));
  const steady = engine(() => 55);
  const shifted = spectralShift(passing, [0.2, 1.2], [1.8, 2.8], 40, 400);
  assert.ok(Math.abs(shifted - 1.1) < 0.02, `passing: ${shifted}`);
  assert.ok(Math.abs(spectralShift(steady, [0.2, 1.2], [1.8, 2.8], 40, 400) - 1) < 0.02);
});
