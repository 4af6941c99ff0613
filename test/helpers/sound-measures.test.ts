/**
 * The sound measures catch the defects they are for (test/helpers/sound-measures.ts), on signals
 * made here whose answer is known: a chord is tonal and noise is not; a tone's pitch and a
 * harmonic engine note that drops 10 % (a Doppler shift) against one that does not; a 0.4 s pulse rhythm vs steady noise; a narrow band vs
 * broadband; syllable onsets counted; a hole in a clip shows in its momentary loudness; a voiced
 * glide's pitch followed and noise called unvoiced; a roar's octave spread against a hum and a hiss;
 * three calls with gaps told from one held call (voiced runs, bursts); a hum's power found in its band.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandFraction, burstSpans, bursts, envelopePeriod, momentaryLoudness, octaveFractions, onsets, peakFrequency, pitchTrack, powerAbove, powerWithin, pulseRate, spectralShift, tonality, voicedRuns } from './sound-measures.js';
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

test("tonality within a band: a 3 kHz whine about as strong as the noise in its band shows in 1.5–5 kHz; the noise alone does not", () => {
  const roar = make(2, () => noise() * 0.3);
  const whined = make(2, (t) => noise() * 0.3 + 0.1 * Math.sin(2 * Math.PI * 3000 * t));
  assert.ok(tonality(whined, 0, 2, SR, 1500, 5000) > 0.2, `whine ${tonality(whined, 0, 2, SR, 1500, 5000)}`);
  assert.ok(tonality(roar, 0, 2, SR, 1500, 5000) < 0.1, `noise ${tonality(roar, 0, 2, SR, 1500, 5000)}`);
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

test('pulseRate finds a croak-like 70 Hz pulsing of a 600 Hz tone; a steady 600 Hz tone has no depth', () => {
  const croak = make(1, (t) => Math.sin(2 * Math.PI * 600 * t) * Math.max(0, Math.sin(2 * Math.PI * 70 * t)) ** 2);
  const pulsed = pulseRate(croak, 45, 100);
  assert.ok(Math.abs(pulsed.rate - 70) < 3 && pulsed.strength > 0.5 && pulsed.depth > 0.3, `pulsed: ${pulsed.rate.toFixed(1)}/s (${pulsed.strength.toFixed(2)}, depth ${pulsed.depth.toFixed(2)})`);
  // its half rate, 35, is in a range reaching down to 30 too: the pulses' own rate is the one found
  assert.ok(Math.abs(pulseRate(croak, 30, 100).rate - 70) < 3, `30–100: ${pulseRate(croak, 30, 100).rate.toFixed(1)}/s`);
  const steady = pulseRate(make(1, (t) => Math.sin(2 * Math.PI * 600 * t)), 45, 100);
  assert.ok(steady.depth < 0.05, `steady: depth ${steady.depth.toFixed(3)}`);
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

test('pitchTrack follows a voiced glide that rises and falls (500 → 700 → 450 Hz) and calls noise unvoiced', () => {
  const f0 = (t: number) => (t < 0.4 ? 500 + 500 * t : 700 - 416.7 * (t - 0.4));
  let phase = 0;
  const glide = make(1, (t) => { phase += f0(t) / SR; return [1, 2, 3, 4].reduce((s, k) => s + Math.sin(2 * Math.PI * k * phase) / k, 0) * 0.2; });
  const track = pitchTrack(glide, 250, 1200, 0.02);
  for (const [h, f] of track.entries()) {
    const want = f0(h * 0.02 + 0.02); // the frame's middle
    assert.ok(Math.abs(f / want - 1) < 0.04, `frame ${h}: ${f.toFixed(0)} Hz for ${want.toFixed(0)} Hz`);
  }
  const hiss = pitchTrack(make(1, () => noise() * 0.3), 60, 500, 0.02);
  assert.ok(hiss.filter((f) => f > 0).length <= 2, `noise: ${hiss.filter((f) => f > 0).length} frames called voiced`);
});

test('octaveFractions: a low roar spreads over many octaves with weight in the lows; a hum fills one octave, a hiss has no lows', () => {
  let b = 0;
  const roar = make(3, () => (b = 0.98 * b + noise() * 0.1)); // brown-ish noise: −6 dB an octave
  const hum = make(3, (t) => Math.sin(2 * Math.PI * 100 * t));
  let prev = 0;
  const hiss = make(3, () => { const x = noise(); const y = x - prev; prev = x; return y; }); // differenced noise: +6 dB an octave
  const spread = (bands: number[]) => bands.filter((x) => x >= 0.01).length;
  const low = (bands: number[]) => bands[0]! + bands[1]! + bands[2]!;
  const [r, h, s] = [octaveFractions(roar), octaveFractions(hum), octaveFractions(hiss)];
  assert.ok(spread(r) >= 5 && low(r) > 0.5, `roar: ${r.map((x) => x.toFixed(3)).join(' ')}`);
  assert.ok(spread(h) <= 2, `hum: ${h.map((x) => x.toFixed(3)).join(' ')}`);
  assert.ok(low(s) < 0.01, `hiss: ${s.map((x) => x.toFixed(3)).join(' ')}`);
});

test('voicedRuns, bursts and burstSpans: three 0.25 s calls with 0.2 s gaps are three; one held call is one, noise none', () => {
  const calls = make(1.5, (t) => ((t % 0.45) < 0.25 && t < 1.3 ? Math.sin(2 * Math.PI * 400 * t) : 0));
  const held = make(1.5, (t) => Math.sin(2 * Math.PI * 400 * t));
  assert.equal(voicedRuns(pitchTrack(calls, 200, 800, 0.02)).length, 3);
  assert.equal(bursts(calls), 3);
  // each call's span within a frame (10 ms) of where it is
  burstSpans(calls).forEach(([a, b], k) => assert.ok(Math.abs(a - 0.45 * k) <= 0.011 && Math.abs(b - (0.45 * k + 0.25)) <= 0.011, `call ${k}: ${a}–${b} s`));
  assert.equal(voicedRuns(pitchTrack(held, 200, 800, 0.02)).length, 1);
  assert.equal(bursts(held), 1);
  assert.equal(voicedRuns(pitchTrack(make(1.5, () => noise() * 0.3), 200, 800, 0.02)).length, 0);
});

test('powerWithin / powerAbove: a 100 Hz hum has its power under 125 Hz and none above 1 kHz; a 3 kHz whistle the reverse', () => {
  const hum = make(1, (t) => Math.sin(2 * Math.PI * 100 * t));
  const whistle = make(1, (t) => Math.sin(2 * Math.PI * 3000 * t));
  assert.ok(powerWithin(hum, 0, 125) > 0.95 && powerAbove(hum, 1000) < 0.01, `hum ${powerWithin(hum, 0, 125)} ${powerAbove(hum, 1000)}`);
  assert.ok(powerWithin(whistle, 0, 125) < 0.01 && powerAbove(whistle, 1000) > 0.95, `whistle ${powerWithin(whistle, 0, 125)} ${powerAbove(whistle, 1000)}`);
});
