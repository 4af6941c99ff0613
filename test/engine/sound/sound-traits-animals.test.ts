/**
 * The defining trait of each animal call the table gained last (the calls people write in Kling
 * prompts that were "no sound in the sound table" before), measured on what it renders
 * (test/helpers/sound-measures.ts):
 * - whale song: two or more long moans (≥ 0.8 s), each gliding ≥ 1.5× within 100–650 Hz, no highs;
 * - a crow: two to four harsh caws (~0.2–0.45 s each), bright (most power above 500 Hz);
 * - frogs: many croaks, each pulsed 50–90 times a second, on a 350–1000 Hz voice;
 * - a duck: three to five short quacks, most of the power in nasal highs above 500 Hz;
 * - an elephant: one long trumpet (≥ 0.8 s) held at 350–600 Hz, brassy (≥ 80 % of the power above 500 Hz);
 * - a pig: two to four short grunts (≤ 0.35 s) on a low voice (80–220 Hz);
 * - a hen: four or more short clucks, then a squawk longer than any cluck that rises ≥ 1.3×;
 * - a monkey: five or more calls in two seconds whose pitch climbs (the last ≥ 1.5× the first);
 * - a dolphin: whistles above 4.5 kHz that sweep, and a click train;
 * - a donkey: "hee-haw": high (≥ 600 Hz) and low (≤ 300 Hz) calls alternating at least twice;
 * - pigeons: two or three phrases of three soft notes each, low (peak 250–500 Hz, ≤ 5 % above 1 kHz);
 * - a parrot: two or three screeches of 0.2–0.45 s, shrill (≥ 60 % of the power above 1 kHz);
 * - a squirrel chattering: seven or more quick barks, six or more within some second, a high voice (peak 1.2–6 kHz, nothing below 1 kHz).
 * - a hawk's screech: a high cry (1.8–3.6 kHz) of 0.6 s or more whose pitch slides down by a sixth or more
 *   from its top to its end, with nothing below 1 kHz.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSound, SOUND_RATE } from '../../helpers/render-sound.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { burstSpans, bursts, levelEnvelope, median, onsets, peakFrequency, pitchTrack, powerAbove, powerWithin, pulseRate, voiced, voicedRuns } from '../../helpers/sound-measures.js';

const SR = SOUND_RATE;
const SEEDS = [51, 52, 53];
const render = renderSound;

test('whale_song: two or more long moans, each gliding ≥ 1.5× within 100–650 Hz, no highs', () => {
  for (const seed of SEEDS) {
    const out = render('whale_song', 5, seed);
    const moans = burstSpans(out).filter(([a, b]) => b - a >= 0.8);
    assert.ok(moans.length >= 2, `seed ${seed}: ${moans.length} moans of ≥ 0.8 s`);
    for (const [a, b] of moans) {
      // the strongest frequency every 0.1 s: a near-pure moan's fundamental (its echoes are weaker)
      const f = Array.from({ length: Math.floor((b - a) / 0.1) }, (_, k) => peakFrequency(out, a + k * 0.1, a + (k + 1) * 0.1, 60, 1000));
      const lo = Math.min(...f), hi = Math.max(...f);
      assert.ok(lo >= 100 && hi <= 650 && hi / lo >= 1.5, `seed ${seed}: a moan spans ${lo.toFixed(0)}–${hi.toFixed(0)} Hz`);
    }
    assert.ok(powerAbove(out, 2000) < 0.01, `seed ${seed}: ${(powerAbove(out, 2000) * 100).toFixed(1)} % above 2 kHz`);
  }
});

test('crow: two to four harsh caws of 0.2–0.45 s, most of the power above 500 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('crow', 2, seed);
    const n = bursts(out);
    assert.ok(n >= 2 && n <= 4, `seed ${seed}: ${n} caws`);
    const env = levelEnvelope(out, 0.01), loud = Math.max(...env);
    const on = env.filter((v) => v > loud / 3).length * 0.01 / n;
    assert.ok(on >= 0.2 && on <= 0.45, `seed ${seed}: caws of ${on.toFixed(2)} s`);
    assert.ok(powerAbove(out, 500) > 0.6, `seed ${seed}: ${(powerAbove(out, 500) * 100).toFixed(0)} % above 500 Hz`);
  }
});

test('frogs: many croaks, each pulsed 50–90 times a second on a 350–1000 Hz voice', () => {
  for (const seed of SEEDS) {
    const out = render('frogs', 6, seed);
    assert.ok(onsets(out, 10).length >= 8, `seed ${seed}: ${onsets(out, 10).length} croaks in 6 s`);
    const { rate, strength, depth } = pulseRate(out, 40, 110);
    // (50–90 a second, within the 1 ms lag step of the measure: ±5 at 90)
    assert.ok(rate >= 45 && rate <= 95 && strength > 0.2 && depth > 0.3, `seed ${seed}: pulsed at ${rate.toFixed(0)}/s (strength ${strength.toFixed(2)}, depth ${depth.toFixed(2)})`);
    const f = peakFrequency(out, 0, 6, 200, 2000);
    assert.ok(f >= 350 && f <= 1000, `seed ${seed}: voice at ${f.toFixed(0)} Hz`);
  }
});

test('duck: three to five short quacks (0.08–0.3 s), most of the power in nasal highs', () => {
  for (const seed of SEEDS) {
    const out = render('duck', 1.6, seed);
    const n = bursts(out);
    assert.ok(n >= 3 && n <= 5, `seed ${seed}: ${n} quacks`);
    const spans = burstSpans(out);
    assert.ok(spans.every(([a, b]) => b - a >= 0.08 && b - a <= 0.3), `seed ${seed}: quacks of ${spans.map(([a, b]) => (b - a).toFixed(2)).join(', ')} s`);
    assert.ok(powerAbove(out, 500) > 0.6, `seed ${seed}: ${(powerAbove(out, 500) * 100).toFixed(0)} % above 500 Hz`);
  }
});

test('elephant: one long trumpet (≥ 0.8 s) held at 350–600 Hz, brassy', () => {
  for (const seed of SEEDS) {
    const out = render('elephant', 2, seed);
    const runs = voicedRuns(pitchTrack(out, 150, 900, 0.02), 10);
    assert.ok(runs.length === 1 && runs[0]!.length * 0.02 >= 0.8, `seed ${seed}: calls of ${runs.map((r) => (r.length * 0.02).toFixed(2)).join(', ')} s`);
    const f0 = median(runs[0]!);
    assert.ok(f0 >= 350 && f0 <= 600, `seed ${seed}: held at ${f0.toFixed(0)} Hz`);
    assert.ok(powerAbove(out, 500) > 0.8, `seed ${seed}: ${(powerAbove(out, 500) * 100).toFixed(0)} % above 500 Hz`);
  }
});

test('pig: two to four short grunts (≤ 0.35 s) on a low voice (80–220 Hz)', () => {
  for (const seed of SEEDS) {
    const out = render('pig', 1.5, seed);
    const runs = voicedRuns(pitchTrack(out, 60, 400, 0.01), 5);
    assert.ok(runs.length >= 2 && runs.length <= 4 && runs.every((r) => r.length * 0.01 <= 0.35), `seed ${seed}: grunts of ${runs.map((r) => (r.length * 0.01).toFixed(2)).join(', ')} s`);
    const f0 = median(runs.flat());
    assert.ok(f0 >= 80 && f0 <= 220, `seed ${seed}: voice at ${f0.toFixed(0)} Hz`);
  }
});

test('chicken: four or more short clucks, then a longer squawk that rises ≥ 1.3×', () => {
  for (const seed of SEEDS) {
    const out = render('chicken', 2.2, seed);
    const runs = voicedRuns(pitchTrack(out, 200, 1000, 0.01), 3);
    assert.ok(runs.length >= 5, `seed ${seed}: ${runs.length} calls`);
    const last = runs[runs.length - 1]!;
    assert.ok(runs.slice(0, -1).every((r) => r.length * 2 < last.length), `seed ${seed}: calls of ${runs.map((r) => r.length).join(', ')} × 10 ms`);
    assert.ok(Math.max(...last.slice(-10)) >= 1.3 * Math.min(...last.slice(0, 5)), `seed ${seed}: the squawk goes ${last[0]!.toFixed(0)} → ${last[last.length - 1]!.toFixed(0)} Hz`);
  }
});

test('monkey: five or more calls in two seconds, climbing (the last ≥ 1.5× the first)', () => {
  for (const seed of SEEDS) {
    const out = render('monkey', 2, seed);
    const calls = burstSpans(out);
    assert.ok(calls.length >= 5, `seed ${seed}: ${calls.length} calls`);
    // the strongest frequency of a call is its fundamental (a glottal source falls 12 dB an octave)
    const pitch = ([a, b]: [number, number]) => peakFrequency(out, a, Math.max(b, a + 0.1), 250, 2500);
    const first = pitch(calls[0]!), last = pitch(calls[calls.length - 1]!);
    assert.ok(last >= 1.5 * first, `seed ${seed}: ${first.toFixed(0)} → ${last.toFixed(0)} Hz`);
  }
});

test('dolphin: sweeping whistles above 4.5 kHz and a train of clicks', () => {
  for (const seed of SEEDS) {
    const out = render('dolphin', 2.5, seed);
    // the strongest frequency every 0.1 s of the first second where it sounds (≥ a third of the loudest)
    const env = levelEnvelope(out, 0.1), loud = Math.max(...env);
    const f = Array.from({ length: 10 }, (_, k) => (env[k]! > loud / 3 ? peakFrequency(out, k * 0.1, (k + 1) * 0.1, 3000, 20000) : 0)).filter((x) => x > 0);
    assert.ok(f.length >= 6 && Math.min(...f) >= 4500 && Math.max(...f) / Math.min(...f) >= 1.3, `seed ${seed}: whistle ${f.map((x) => x.toFixed(0)).join(' ')} Hz`);
    assert.ok(powerWithin(out, 0, 2000) < 0.02, `seed ${seed}: ${(powerWithin(out, 0, 2000) * 100).toFixed(1)} % under 2 kHz`);
    assert.ok(onsets(out, 10).length >= 8, `seed ${seed}: ${onsets(out, 10).length} onsets (clicks)`);
  }
});

test('donkey: hee-haw, high (≥ 600 Hz) and low (≤ 300 Hz) calls alternating at least twice', () => {
  for (const seed of SEEDS) {
    const out = render('donkey', 2.6, seed);
    const track = pitchTrack(out, 120, 1400, 0.01);
    // the voiced frames' register in order, runs of one register merged
    const registers = voiced(track).map((f) => (f >= 600 ? 'hee' : f <= 300 ? 'haw' : '')).filter(Boolean);
    const changes = registers.filter((r, i) => i > 0 && r !== registers[i - 1]).length;
    assert.ok(changes >= 3, `seed ${seed}: ${changes} changes of register`);
  }
});

test('pigeon_coo: two or three phrases of three soft notes, low and hollow (peak 250–500 Hz, little above 1 kHz)', () => {
  for (const seed of SEEDS) {
    const out = render('pigeon_coo', 3.2, seed);
    const notes = burstSpans(out);
    assert.ok(notes.length >= 6 && notes.length <= 9 && notes.length % 3 === 0, `seed ${seed}: ${notes.length} notes`);
    // phrases: notes closer than 0.2 s belong together
    const phrases = 1 + notes.slice(1).filter(([a], k) => a - notes[k]![1] > 0.2).length;
    assert.ok(phrases === notes.length / 3, `seed ${seed}: ${phrases} phrases of ${notes.length} notes`);
    const f = peakFrequency(out, 0, 3.2, 100, 4000);
    assert.ok(f >= 250 && f <= 500, `seed ${seed}: peak at ${f.toFixed(0)} Hz`);
    assert.ok(powerAbove(out, 1000) < 0.05, `seed ${seed}: ${(powerAbove(out, 1000) * 100).toFixed(1)} % above 1 kHz`);
  }
});

test('parrot: two or three shrill screeches of 0.2–0.45 s, most of the power above 1 kHz', () => {
  for (const seed of SEEDS) {
    const out = render('parrot', 2, seed);
    const calls = burstSpans(out);
    assert.ok(calls.length >= 2 && calls.length <= 3, `seed ${seed}: ${calls.length} screeches`);
    for (const [a, b] of calls) assert.ok(b - a >= 0.2 && b - a <= 0.45, `seed ${seed}: a screech of ${(b - a).toFixed(2)} s`);
    assert.ok(powerAbove(out, 1000) > 0.6, `seed ${seed}: ${(powerAbove(out, 1000) * 100).toFixed(0)} % above 1 kHz`);
  }
});

test('squirrel_chatter: seven or more quick barks, six or more within some second, a high voice (peak 1.2–6 kHz, nothing below 1 kHz)', () => {
  for (const seed of SEEDS) {
    const out = render('squirrel_chatter', 1.8, seed);
    const calls = onsets(out);
    assert.ok(calls.length >= 7, `seed ${seed}: ${calls.length} calls`);
    const densest = Math.max(...calls.map((t) => calls.filter((u) => u >= t && u < t + 1).length));
    assert.ok(densest >= 6, `seed ${seed}: at most ${densest} calls in a second`);
    const f = peakFrequency(out, 0, 1.8, 300, 12000);
    assert.ok(f >= 1200 && f <= 6000, `seed ${seed}: peak ${f.toFixed(0)} Hz`);
    assert.ok(powerAbove(out, 1000) >= 0.9, `seed ${seed}: ${(100 * powerAbove(out, 1000)).toFixed(0)} % above 1 kHz`);
  }
});

test('hawk_screech: a high cry of 0.6 s or more, 1.8–3.6 kHz, sliding down by a sixth or more; nothing below 1 kHz', () => {
  for (const seed of SEEDS) {
    const out = render('hawk_screech', 2.2, seed);
    const pitch = pitchTrack(out, 1000, 5000, 0.02);
    // the first cry: the first run of voiced hops
    const first = pitch.findIndex((p) => p > 0), end = pitch.findIndex((p, i) => i > first && p === 0);
    const cry = pitch.slice(first, end < 0 ? pitch.length : end);
    assert.ok(cry.length * 0.02 >= 0.6, `seed ${seed}: the cry lasts ${(cry.length * 0.02).toFixed(2)} s`);
    const top = Math.max(...cry.slice(0, Math.ceil(cry.length / 3))), last = median(cry.slice(-4));
    assert.ok(top >= 1800 && top <= 3600, `seed ${seed}: top ${top.toFixed(0)} Hz`);
    assert.ok(last <= top * 0.84, `seed ${seed}: ends at ${last.toFixed(0)} Hz from a top of ${top.toFixed(0)} Hz`);
    assert.ok(powerAbove(out, 1000) >= 0.9, `seed ${seed}: ${(100 * powerAbove(out, 1000)).toFixed(0)} % above 1 kHz`);
  }
});
