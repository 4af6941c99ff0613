/**
 * The defining trait of each sound that turned a "no such sound yet" note into a sound, measured
 * on what it renders (test/helpers/sound-measures.ts), as ./sound-traits.test.ts does for the rest:
 * - seagulls: separate harsh calls whose voice sits at ~550–1200 Hz, over a bed with no holes;
 * - a siren's wail: one tone sweeping up and down through ~600–1600 Hz;
 * - a purr: pulses at the purr's rate (20–30 a second), on a low buzz (under ~400 Hz);
 * - heavy breathing: unvoiced breath whose level swells and falls every 0.7–2.5 s;
 * - a car horn: two beeps of two tones a major third apart (ratio 1.2–1.3), 350–650 Hz;
 * - a phone's ring: a ~1 kHz bell struck 16–25 times a second;
 * - a kettle: a whistle whose pitch climbs (≥ 1.3×) to 1.8–2.6 kHz;
 * - an insect: a wingbeat buzz at 150–260 Hz, rich in harmonics;
 * - a wolf's howl: a long (≥ 1.5 s) voiced call at 350–650 Hz, starting below where it holds;
 * - coughing: two or three short bursts, unvoiced for the most part, silent between;
 * - a growl: a low voice (centroid under 600 Hz) made rough by a 20–40 Hz flutter;
 * - a foghorn: one long (≥ 2 s) low tone at 90–180 Hz;
 * - fireworks: separate booms (most of the power under 250 Hz), each followed by bright crackle;
 * - sizzling: bright noise (most of the power above 2 kHz) with many pops a second;
 * - sobbing: three or more broken, voiced sobs whose pitch falls;
 * - a baby's cry: long cries (≥ 0.5 s) on a high voice, 350–600 Hz;
 * - a dog's whine: two to four high whimpers (650–1500 Hz), each rising and falling back;
 * - a lion's roar: a deep voice (80–200 Hz), most of the power under 500 Hz, sounding ≥ 1.2 s;
 * - a rooster: five syllables, the last at least twice as long as any other, 450–900 Hz;
 * - a horse's whinny: a high call sliding down ≥ 1.8× with a fast vibrato;
 * - a hiss: bright noise under a second; rustling leaves: bright clicks that come and go;
 * - radio static: noise in a radio's band; a hum: the mains and its second harmonic;
 * - glass breaking: a crack and many shards; a gunshot: a crack, a fast fall, echoes;
 * - a bleat: a voiced call with a 5–9 Hz tremolo; hooves: strides of several footfalls;
 * - a scream: a high voice held; a sneeze: quieter breaths, then a bright burst;
 * - a bass hit: sub-bass decaying over seconds.
 * - a creak: one or two creaks of 0.45 s or more, each a train of slips (pulses 10–200 a second)
 *   speeding up ≥ 1.25× from its start to its middle, all in a wooden body's bands (250–4000 Hz);
 * - pots clattering: four or more metal knocks within 1.6 s, tonal (rings, not noise), nothing under 250 Hz.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSound, SOUND_RATE } from '../../helpers/render-sound.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { burstSpans, bursts, envelopePeriod, levelEnvelope, median, octaveFractions, onsets, peakFrequency, pitchTrack, powerAbove, powerWithin, pulseRate, tonality, voiced, voicedRuns } from '../../helpers/sound-measures.js';
import { spectrumStats } from '../../helpers/audio.js';

const SR = SOUND_RATE;
const render = renderSound;
const SEEDS = [41, 42, 43];

test('seagull: separate calls at 550–1200 Hz over a bed with no holes', () => {
  for (const seed of SEEDS) {
    const out = render('seagull', 8, seed);
    const f0 = median(voiced(pitchTrack(out, 300, 2000, 0.02)));
    assert.ok(f0 >= 550 && f0 <= 1200, `seed ${seed}: calls at ${f0.toFixed(0)} Hz`);
    const calls = onsets(out, 10).length;
    assert.ok(calls >= 3, `seed ${seed}: ${calls} call onsets in 8 s`);
    const env = levelEnvelope(out, 0.1);
    assert.ok(Math.min(...env) > 0.01, `seed ${seed}: the bed falls to ${Math.min(...env).toFixed(4)} RMS`);
  }
});

test('siren: one tone sweeping up and down through 600–1600 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('siren', 4, seed);
    // the strongest frequency every 0.2 s (a pitch tracker slips octaves on a sweep this fast)
    const f = Array.from({ length: 19 }, (_, k) => peakFrequency(out, 0.1 + k * 0.2, 0.1 + (k + 1) * 0.2, 400, 2000));
    const lo = Math.min(...f), hi = Math.max(...f);
    assert.ok(lo >= 550 && hi <= 1700 && hi / lo >= 1.6, `seed ${seed}: sweeps ${lo.toFixed(0)} → ${hi.toFixed(0)} Hz`);
    const ups = f.slice(1).filter((x, i) => x > f[i]! * 1.03).length, downs = f.slice(1).filter((x, i) => x < f[i]! / 1.03).length;
    assert.ok(ups >= 3 && downs >= 3, `seed ${seed}: ${ups} rising and ${downs} falling steps (${f.map((x) => x.toFixed(0)).join(' ')})`);
  }
});

test('purr: pulses at 20–30 a second on a low buzz', () => {
  for (const seed of SEEDS) {
    const out = render('purr', 3, seed);
    const { period, strength } = envelopePeriod(out, 0.025, 0.06);
    assert.ok(1 / period >= 20 && 1 / period <= 30 && strength > 0.3, `seed ${seed}: ${(1 / period).toFixed(1)} pulses a second, strength ${strength.toFixed(2)}`);
    assert.ok(spectrumStats(out).centroid < 400, `seed ${seed}: centroid ${spectrumStats(out).centroid.toFixed(0)} Hz`);
  }
});

test('breathing: unvoiced breath whose level swells and falls every 0.7–2.5 s', () => {
  for (const seed of SEEDS) {
    const out = render('breathing', 6, seed);
    assert.ok(voiced(pitchTrack(out, 60, 500, 0.02)).length <= 10, `seed ${seed}: voiced`);
    const { period, strength } = envelopePeriod(out, 0.7, 2.5);
    assert.ok(strength > 0.3, `seed ${seed}: the level repeats every ${period.toFixed(2)} s with strength ${strength.toFixed(2)}`);
  }
});

test('horn: two beeps of two tones a major third apart, 350–650 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('horn', 1.2, seed);
    const low = peakFrequency(out, 0, 1.2, 330, 470), high = peakFrequency(out, 0, 1.2, low * 1.1, 650);
    assert.ok(high / low >= 1.2 && high / low <= 1.3, `seed ${seed}: tones ${low.toFixed(0)} and ${high.toFixed(0)} Hz`);
    assert.equal(bursts(out), 2, `seed ${seed}: beeps`);
  }
});

test('phone_ring: a ~1 kHz bell struck 16–25 times a second, then quiet', () => {
  for (const seed of SEEDS) {
    const out = render('phone_ring', 3, seed);
    const f = peakFrequency(out, 0, 1.2, 500, 3000);
    assert.ok(f >= 900 && f <= 1300, `seed ${seed}: bell at ${f.toFixed(0)} Hz`);
    const { period, strength } = envelopePeriod(out.subarray(0, 1.2 * SR), 0.035, 0.07);
    assert.ok(1 / period >= 16 && 1 / period <= 25 && strength > 0.3, `seed ${seed}: ${(1 / period).toFixed(1)} strikes a second, strength ${strength.toFixed(2)}`);
    const env = levelEnvelope(out, 0.1);
    assert.ok(env[20]! < env[5]! * 0.05, `seed ${seed}: still ringing at 2 s`);
  }
});

test('kettle_whistle: a whistle whose pitch climbs ≥ 1.3× to 1.8–2.6 kHz', () => {
  for (const seed of SEEDS) {
    const out = render('kettle_whistle', 3, seed);
    const start = peakFrequency(out, 0.1, 0.45, 800, 4000), end = peakFrequency(out, 1.8, 2.6, 800, 4000);
    assert.ok(end >= 1800 && end <= 2600 && end >= start * 1.3, `seed ${seed}: ${start.toFixed(0)} → ${end.toFixed(0)} Hz`);
    assert.ok(tonality(out, 1.8, 2.6, SR, 800, 4000) > 0.3, `seed ${seed}: no whistle over the hiss`);
  }
});

test('insect_buzz: a wingbeat buzz at 150–260 Hz, rich in harmonics', () => {
  for (const seed of SEEDS) {
    const out = render('insect_buzz', 3, seed);
    const f0 = median(voiced(pitchTrack(out, 100, 400, 0.02)));
    assert.ok(f0 >= 150 && f0 <= 260, `seed ${seed}: wingbeat ${f0.toFixed(0)} Hz`);
    assert.ok(powerAbove(out, 1000) > 0.05, `seed ${seed}: ${(powerAbove(out, 1000) * 100).toFixed(1)} % of the power above 1 kHz: a hum, not a buzz`);
  }
});

test('wolf: a long voiced howl at 350–650 Hz that starts below where it holds', () => {
  for (const seed of SEEDS) {
    const v = voiced(pitchTrack(render('wolf', 3, seed), 150, 1000, 0.02));
    const held = median(v);
    assert.ok(v.length * 0.02 >= 1.5, `seed ${seed}: voiced for ${(v.length * 0.02).toFixed(2)} s`);
    assert.ok(held >= 350 && held <= 650, `seed ${seed}: held at ${held.toFixed(0)} Hz`);
    assert.ok(median(v.slice(0, 8)) < held * 0.85, `seed ${seed}: starts at ${median(v.slice(0, 8)).toFixed(0)} Hz`);
  }
});

test('coughing: two or three short bursts with silence between', () => {
  for (const seed of SEEDS) {
    const out = render('coughing', 1.5, seed);
    const n = bursts(out);
    assert.ok(n >= 2 && n <= 3, `seed ${seed}: ${n} coughs`);
    const env = levelEnvelope(out, 0.01), loud = Math.max(...env);
    assert.ok(env.filter((v) => v > loud * 0.1).length / env.length < 0.6, `seed ${seed}: sounding most of the time`);
  }
});

test('growl: a low voice made rough by a 20–40 Hz flutter', () => {
  for (const seed of SEEDS) {
    const out = render('growl', 1.8, seed);
    assert.ok(spectrumStats(out).centroid < 600, `seed ${seed}: centroid ${spectrumStats(out).centroid.toFixed(0)} Hz`);
    const { period, strength } = envelopePeriod(out.subarray(0.2 * SR, 1.2 * SR), 0.02, 0.045);
    assert.ok(1 / period >= 20 && 1 / period <= 40 && strength > 0.2, `seed ${seed}: ${(1 / period).toFixed(1)} Hz flutter, strength ${strength.toFixed(2)}`);
  }
});

test('foghorn: one long low tone at 90–180 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('foghorn', 3.5, seed);
    const f = peakFrequency(out, 0.2, 1.8, 60, 400);
    assert.ok(f >= 90 && f <= 180, `seed ${seed}: ${f.toFixed(0)} Hz`);
    const env = levelEnvelope(out, 0.1), loud = Math.max(...env);
    assert.ok(env.slice(0, 25).filter((v) => v > loud * 0.3).length >= 20, `seed ${seed}: not sustained for 2 s`);
  }
});

test('fireworks: separate low booms, each followed by bright crackle', () => {
  for (const seed of SEEDS) {
    const out = render('fireworks', 4, seed);
    const bands = octaveFractions(out);
    assert.ok(bands[0]! + bands[1]! + bands[2]! > 0.5, `seed ${seed}: ${((bands[0]! + bands[1]! + bands[2]!) * 100).toFixed(0)} % under 250 Hz`);
    const booms = onsets(out, 20).length;
    assert.ok(booms >= 2, `seed ${seed}: ${booms} booms in 4 s`);
    assert.ok(powerAbove(out, 2000) > 0.005, `seed ${seed}: no crackle (${(powerAbove(out, 2000) * 100).toFixed(2)} % above 2 kHz)`);
  }
});

test('sizzle: bright noise with many pops a second', () => {
  for (const seed of SEEDS) {
    const out = render('sizzle', 3, seed);
    assert.ok(powerAbove(out, 2000) > 0.7, `seed ${seed}: ${(powerAbove(out, 2000) * 100).toFixed(0)} % above 2 kHz`);
    assert.ok(spectrumStats(out).flatness > 0.1, `seed ${seed}: flatness ${spectrumStats(out).flatness.toFixed(3)}`);
    assert.ok(onsets(out, 6).length >= 10, `seed ${seed}: ${onsets(out, 6).length} pops in 3 s`);
  }
});


test('sob: three or more broken sobs, each a voiced catch whose pitch falls', () => {
  for (const seed of SEEDS) {
    const runs = voicedRuns(pitchTrack(render('sob', 2.5, seed), 100, 600, 0.02));
    assert.ok(runs.length >= 3, `seed ${seed}: ${runs.length} sobs`);
    const falling = runs.filter((r) => median(r.slice(-3)) < median(r.slice(0, 3)) * 0.95).length;
    assert.ok(falling >= runs.length - 1, `seed ${seed}: ${falling} of ${runs.length} sobs fall`);
    const f0 = median(runs.flat());
    assert.ok(f0 >= 150 && f0 <= 400, `seed ${seed}: voice at ${f0.toFixed(0)} Hz`);
  }
});

test("baby_cry: long cries (≥ 0.5 s) on a high voice, 350–600 Hz", () => {
  for (const seed of SEEDS) {
    const runs = voicedRuns(pitchTrack(render('baby_cry', 3, seed), 150, 1000, 0.02));
    assert.ok(runs.length >= 2 && runs.every((r) => r.length * 0.02 >= 0.5), `seed ${seed}: cries of ${runs.map((r) => (r.length * 0.02).toFixed(2)).join(', ')} s`);
    const f0 = median(runs.flat());
    assert.ok(f0 >= 350 && f0 <= 600, `seed ${seed}: voice at ${f0.toFixed(0)} Hz`);
  }
});

test('whine: two to four high whimpers, 650–1500 Hz, each rising and falling back', () => {
  for (const seed of SEEDS) {
    const runs = voicedRuns(pitchTrack(render('whine', 2, seed), 300, 2000, 0.01), 10);
    assert.ok(runs.length >= 2 && runs.length <= 4, `seed ${seed}: ${runs.length} whimpers`);
    for (const r of runs) {
      const top = Math.max(...r.slice(2, -2));
      assert.ok(median(r) >= 650 && median(r) <= 1500 && top > median(r.slice(0, 3)) * 1.1 && top > median(r.slice(-3)) * 1.1, `seed ${seed}: whimper ${r.map((f) => f.toFixed(0)).join(' ')}`);
    }
  }
});

test('lion: a deep roar — most of its power under 500 Hz, sounding ≥ 1.2 s on a low voice', () => {
  for (const seed of SEEDS) {
    const out = render('lion', 3, seed);
    const bands = octaveFractions(out);
    assert.ok(bands.slice(0, 4).reduce((s, v) => s + v, 0) > 0.6, `seed ${seed}: ${(bands.slice(0, 4).reduce((s, v) => s + v, 0) * 100).toFixed(0)} % under 500 Hz`);
    const env = levelEnvelope(out, 0.02), loud = Math.max(...env);
    let run = 0, longest = 0;
    for (const v of env) { run = v > loud * 0.1 ? run + 1 : 0; longest = Math.max(longest, run); }
    assert.ok(longest * 0.02 >= 1.2, `seed ${seed}: the roar sounds ${(longest * 0.02).toFixed(2)} s`);
    const f0 = median(voiced(pitchTrack(out.subarray(0, 1.2 * SR), 60, 400, 0.02)));
    assert.ok(f0 >= 80 && f0 <= 200, `seed ${seed}: voice at ${f0.toFixed(0)} Hz`);
  }
});

test('rooster: cock-a-doodle-doo — four short syllables and a long last one, 450–900 Hz', () => {
  for (const seed of SEEDS) {
    const runs = voicedRuns(pitchTrack(render('rooster', 2.2, seed), 200, 1500, 0.01), 5);
    assert.equal(runs.length, 5, `seed ${seed}: ${runs.length} syllables`);
    const last = runs[4]!.length;
    assert.ok(runs.slice(0, 4).every((r) => r.length * 2 <= last), `seed ${seed}: lengths ${runs.map((r) => r.length).join(' ')}`);
    const f0 = median(runs.flat());
    assert.ok(f0 >= 450 && f0 <= 900, `seed ${seed}: voice at ${f0.toFixed(0)} Hz`);
  }
});

test('horse: a whinny — a high call sliding down ≥ 1.8× and shaking with a fast vibrato', () => {
  for (const seed of SEEDS) {
    const track = pitchTrack(render('horse', 2, seed), 200, 1500, 0.01);
    const call = voicedRuns(track, 20)[0]!;
    const start = median(call.slice(0, 10)), end = median(call.slice(-10));
    assert.ok(start >= 800 && start / end >= 1.8, `seed ${seed}: ${start.toFixed(0)} → ${end.toFixed(0)} Hz`);
    // the vibrato: the pitch's wobble around its 90 ms median
    const wobble = call.slice(4, -4).reduce((s, f, i) => s + Math.abs(f / median(call.slice(i, i + 9)) - 1), 0) / (call.length - 8);
    assert.ok(wobble >= 0.02, `seed ${seed}: pitch wobble ${(wobble * 100).toFixed(1)} %`);
  }
});

/** the share of the power in octave bands starting at or above `lo` Hz and below `hi` Hz */
const dbEnvelope = (out: Float32Array, hop: number) => Array.from(levelEnvelope(out, hop), (v) => 20 * Math.log10(v + 1e-9));

test('hiss: bright noise (most of the power above 2 kHz) lasting under a second', () => {
  for (const seed of SEEDS) {
    const out = render('hiss', 1.2, seed);
    assert.ok(powerAbove(out, 2000) > 0.7 && spectrumStats(out).flatness > 0.1, `seed ${seed}: ${(powerAbove(out, 2000) * 100).toFixed(0)} % above 2 kHz, flatness ${spectrumStats(out).flatness.toFixed(2)}`);
    const db = dbEnvelope(out, 0.05), top = Math.max(...db), sounding = db.filter((d) => d > top - 20).length * 0.05;
    assert.ok(sounding >= 0.4 && sounding <= 1, `seed ${seed}: sounds ${sounding.toFixed(2)} s`);
  }
});

test('rustle: crackly bright noise, many clicks, thickening and thinning with the breeze', () => {
  for (const seed of SEEDS) {
    const out = render('rustle', 6, seed);
    assert.ok(powerAbove(out, 1000) > 0.6 && spectrumStats(out).flatness > 0.1, `seed ${seed}: ${(powerAbove(out, 1000) * 100).toFixed(0)} % above 1 kHz`);
    assert.ok(onsets(out, 6).length >= 30, `seed ${seed}: ${onsets(out, 6).length} clicks`);
    const env = levelEnvelope(out, 0.25);
    assert.ok(Math.max(...env) >= 2 * Math.min(...env), `seed ${seed}: the level holds between ${Math.min(...env).toFixed(3)} and ${Math.max(...env).toFixed(3)}`);
  }
});

test("radio_static: noise squeezed into a radio's band (≥ 85 % of the power in 250 Hz–4 kHz)", () => {
  for (const seed of SEEDS) {
    const out = render('radio_static', 4, seed);
    assert.ok(powerWithin(out, 250, 4000) >= 0.85, `seed ${seed}: ${(powerWithin(out, 250, 4000) * 100).toFixed(0)} % in the band`);
    assert.ok(tonality(out, 0, 4, SR, 250, 4000) < 0.3, `seed ${seed}: tonal, not static`);
  }
});

test('hum: the mains (50 or 60 Hz) and its second harmonic, tonal', () => {
  for (const seed of SEEDS) {
    const out = render('hum', 3, seed);
    const f = peakFrequency(out, 0, 3, 80, 140);
    assert.ok(Math.abs(f - 100) < 2 || Math.abs(f - 120) < 2, `seed ${seed}: strongest at ${f.toFixed(1)} Hz`);
    const mains = peakFrequency(out, 0, 3, 40, 70);
    assert.ok(Math.abs(mains - f / 2) < 2, `seed ${seed}: mains at ${mains.toFixed(1)} Hz`);
  }
});

test('glass_break: a crack, then many high tinkling shards', () => {
  for (const seed of SEEDS) {
    const out = render('glass_break', 1.5, seed);
    assert.ok(powerAbove(out, 2000) > 0.5, `seed ${seed}: ${(powerAbove(out, 2000) * 100).toFixed(0)} % above 2 kHz`);
    const shards = onsets(out, 6).filter((t) => t > 0.1).length;
    assert.ok(shards >= 6, `seed ${seed}: ${shards} shards after the crack`);
  }
});

test('gunshot: a crack at full level within 10 ms, 20 dB down by 0.3 s, echoes after', () => {
  for (const seed of SEEDS) {
    const out = render('gunshot', 2, seed);
    const db = dbEnvelope(out, 0.005), top = Math.max(...db);
    assert.ok(db.indexOf(top) * 0.005 <= 0.01, `seed ${seed}: peak at ${db.indexOf(top) * 0.005} s`);
    assert.ok(db[60]! < top - 20, `seed ${seed}: ${(top - db[60]!).toFixed(1)} dB down at 0.3 s`);
    assert.ok(onsets(out, 6).some((t) => t >= 0.2), `seed ${seed}: no echo`);
  }
});

test('sheep: a voiced bleat at 200–500 Hz shaking at 5–9 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('sheep', 1.5, seed);
    const f0 = median(voiced(pitchTrack(out, 100, 800, 0.02)));
    assert.ok(f0 >= 200 && f0 <= 500, `seed ${seed}: ${f0.toFixed(0)} Hz`);
    const { period, strength } = envelopePeriod(out.subarray(0, 0.8 * SR), 0.11, 0.2);
    assert.ok(1 / period >= 5 && 1 / period <= 9 && strength > 0.2, `seed ${seed}: ${(1 / period).toFixed(1)} Hz tremolo, strength ${strength.toFixed(2)}`);
  }
});

test("hooves: a gallop's strides (0.45–0.65 s) of several footfalls each", () => {
  for (const seed of SEEDS) {
    const out = render('hooves', 3, seed);
    const { period, strength } = envelopePeriod(out, 0.4, 0.7);
    assert.ok(period >= 0.45 && period <= 0.65 && strength > 0.3, `seed ${seed}: stride ${period} s, strength ${strength.toFixed(2)}`);
    const falls = onsets(out, 10).length;
    assert.ok(falls >= (3 / period) * 2.5, `seed ${seed}: ${falls} footfalls in 3 s`);
  }
});

test('scream: a loud, high voice (550–1000 Hz) held ≥ 0.8 s', () => {
  for (const seed of SEEDS) {
    const out = render('scream', 1.5, seed);
    const v = voiced(pitchTrack(out, 300, 1500, 0.02));
    assert.ok(median(v) >= 550 && median(v) <= 1000, `seed ${seed}: ${median(v).toFixed(0)} Hz`);
    const env = levelEnvelope(out, 0.02), loud = Math.max(...env);
    assert.ok(env.filter((e) => e > loud * 0.3).length * 0.02 >= 0.8, `seed ${seed}: loud for ${(env.filter((e) => e > loud * 0.3).length * 0.02).toFixed(2)} s`);
  }
});

test('sneeze: a build-up of quieter breaths, then the bright burst as the loudest moment', () => {
  for (const seed of SEEDS) {
    const out = render('sneeze', 1.2, seed);
    const db = dbEnvelope(out, 0.02), top = Math.max(...db), at = db.indexOf(top) * 0.02;
    assert.ok(at >= 0.4, `seed ${seed}: the loudest moment at ${at.toFixed(2)} s`);
    assert.ok(db.slice(0, 15).some((d) => d > top - 30 && d < top - 6), `seed ${seed}: no quieter build-up`);
    const burst = out.subarray(Math.round(at * SR), Math.round((at + 0.2) * SR));
    assert.ok(powerAbove(burst, 1000) > 0.5, `seed ${seed}: the burst is ${(powerAbove(burst, 1000) * 100).toFixed(0)} % above 1 kHz`);
  }
});

test('bass_hit: sub-bass (≥ 70 % under 125 Hz) decaying over seconds', () => {
  for (const seed of SEEDS) {
    const out = render('bass_hit', 3, seed);
    assert.ok(powerWithin(out, 0, 125) >= 0.7, `seed ${seed}: ${(powerWithin(out, 0, 125) * 100).toFixed(0)} % under 125 Hz`);
    const db = dbEnvelope(out, 0.1), top = Math.max(...db);
    assert.ok(db[15]! < top - 6 && db[15]! > top - 40, `seed ${seed}: ${(top - db[15]!).toFixed(1)} dB down at 1.5 s`);
  }
});

test('creak: one or two creaks, each a train of slips speeding up, in the wood\'s bands (250–4000 Hz)', () => {
  for (const seed of SEEDS) {
    const out = render('creak', 2, seed);
    const spans = burstSpans(out);
    assert.ok(spans.length >= 1 && spans.length <= 2, `seed ${seed}: ${spans.length} creaks`);
    const [a, b] = spans[0]!, length = b - a;
    assert.ok(length >= 0.45, `seed ${seed}: the creak lasts ${length.toFixed(2)} s`);
    const part = (x: number, y: number) => out.subarray(Math.round((a + x * length) * SR), Math.round((a + y * length) * SR));
    const start = pulseRate(part(0, 0.25), 10, 200), middle = pulseRate(part(0.4, 0.65), 10, 200);
    assert.ok(start.depth >= 0.4 && middle.depth >= 0.4, `seed ${seed}: pulse depth ${start.depth.toFixed(2)}, ${middle.depth.toFixed(2)}`);
    assert.ok(middle.rate >= 1.25 * start.rate, `seed ${seed}: slips ${start.rate.toFixed(0)}/s at the start, ${middle.rate.toFixed(0)}/s in the middle`);
    assert.ok(powerWithin(out, 250, 4000) >= 0.95, `seed ${seed}: ${(100 * powerWithin(out, 250, 4000)).toFixed(0)} % in 250–4000 Hz`);
  }
});

test('pots_clatter: four or more metal knocks in 1.6 s, ringing (tonal), nothing under 250 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('pots_clatter', 1.6, seed);
    const knocks = onsets(out, 6).length;
    assert.ok(knocks >= 4, `seed ${seed}: ${knocks} knocks`);
    const ring = tonality(out, 0, 1.6);
    assert.ok(ring >= 0.9, `seed ${seed}: tonality ${ring.toFixed(2)}`);
    assert.ok(powerWithin(out, 0, 250) <= 0.02, `seed ${seed}: ${(100 * powerWithin(out, 0, 250)).toFixed(1)} % under 250 Hz`);
  }
});
