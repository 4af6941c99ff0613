/**
 * The defining trait of each machine and crowd sound the table gained last, measured on what it
 * renders (test/helpers/sound-measures.ts):
 * - a train: wheels clicking over the rail joints in pairs, a car's rhythm repeating every
 *   0.8–1.5 s, over a rumble (most of the power under 250 Hz) that swells in and fades out;
 * - tyres screeching: one tonal squeal (0.8–3 kHz) held ≥ 0.8 s;
 * - a chainsaw: an engine whose firing climbs from an idle (30–50 a second) to 110–200 as it cuts;
 * - an alarm clock: bursts of four beeps every second on a 2.3–3.5 kHz tone;
 * - snoring: a breath every 2.5–5 s, its snore fluttering 20–45 times a second;
 * - booing: many low voices (most of the power under 1 kHz) held with no gap for the clip;
 * - one person clapping: as many claps as asked, ~0.4 s apart, each a cupped burst at 0.8–2.5 kHz;
 * - a person whistling: a near-pure tone at 0.9–3 kHz moving through several notes;
 * - an engine along its course: slowing, its firing falls from high revs to an idle; leaving, it
 *   climbs from an idle and fades as the vehicle drives away.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { biquad } from '../../../src/engine/sound/dsp/biquad.js';
import { renderSound, SOUND_RATE } from '../../helpers/render-sound.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { burstSpans, envelopePeriod, levelEnvelope, onsets, peakFrequency, powerWithin, pulseRate, tonality } from '../../helpers/sound-measures.js';

const SR = SOUND_RATE;
const SEEDS = [61, 62, 63];
const render = renderSound;

test('train: wheel clicks in pairs, a car rhythm every 0.8–1.5 s, over a rumble that swells in and fades out', () => {
  for (const seed of SEEDS) {
    const out = render('train', 6, seed);
    // the clicks' ring is bright, the rumble under it is not: listened for above 1.2 kHz
    const bright = biquad(out.slice(), 'highpass', 1200, 0.7, SR);
    const clicks = onsets(bright, 8);
    assert.ok(clicks.length >= 12, `seed ${seed}: ${clicks.length} clicks in 6 s`);
    // pairs: the gaps between clicks are of a short kind (a bogie's two axles) and long kinds
    const gaps = clicks.slice(1).map((t, i) => t - clicks[i]!);
    assert.ok(gaps.filter((g) => g < 0.25).length >= 4 && gaps.filter((g) => g >= 0.4).length >= 2, `seed ${seed}: gaps ${gaps.map((g) => g.toFixed(2)).join(' ')}`);
    const { period, strength } = envelopePeriod(bright, 0.8, 1.5);
    assert.ok(strength > 0.2, `seed ${seed}: the car rhythm (${period.toFixed(2)} s) repeats with strength ${strength.toFixed(2)}`);
    assert.ok(powerWithin(out, 0, 250) > 0.5, `seed ${seed}: ${(powerWithin(out, 0, 250) * 100).toFixed(0)} % under 250 Hz`);
    const env = levelEnvelope(out, 0.25);
    const mid = Math.max(...env.slice(8, 16));
    assert.ok(env[0]! < mid / 2 && env[env.length - 1]! < mid / 2, `seed ${seed}: level ${env[0]!.toFixed(3)} … ${mid.toFixed(3)} … ${env[env.length - 1]!.toFixed(3)}`);
  }
});

test('tire_screech: one tonal squeal at 0.8–3 kHz held for ≥ 0.8 s', () => {
  for (const seed of SEEDS) {
    const out = render('tire_screech', 1.6, seed);
    const f = peakFrequency(out, 0, 1.6, 500, 5000);
    assert.ok(f >= 800 && f <= 3000, `seed ${seed}: squeal at ${f.toFixed(0)} Hz`);
    assert.ok(tonality(out, 0, 1.6, SR, 500, 8000) > 0.5, `seed ${seed}: tonality ${tonality(out, 0, 1.6, SR, 500, 8000).toFixed(2)}`);
    const held = burstSpans(out).reduce((s, [a, b]) => Math.max(s, b - a), 0);
    assert.ok(held >= 0.8, `seed ${seed}: held ${held.toFixed(2)} s`);
  }
});

test('chainsaw: the firing climbs from an idle at 30–50 a second to 110–200 as it cuts', () => {
  for (const seed of SEEDS) {
    const out = render('chainsaw', 4, seed);
    // the firing rate is the rate its pulses come at: the first 0.3 s idle, the loudest half second cuts
    const idle = pulseRate(out.subarray(0, Math.round(0.3 * SR)), 25, 60).rate;
    const env = levelEnvelope(out, 0.5), loudest = env.indexOf(Math.max(...env));
    const cut = pulseRate(out.subarray(Math.round(loudest * 0.5 * SR), Math.round((loudest + 1) * 0.5 * SR)), 80, 260).rate;
    assert.ok(idle >= 30 && idle <= 50 && cut >= 110 && cut <= 200, `seed ${seed}: idle ${idle.toFixed(0)}/s, cutting ${cut.toFixed(0)}/s`);
  }
});

test('engine: slowing runs down from high revs to an idle; leaving revs up from an idle and fades away', () => {
  for (const seed of SEEDS) {
    const rate = (out: Float32Array, from: number, to: number) => pulseRate(out.subarray(Math.round(from * SR), Math.round(to * SR)), 20, 120).rate;
    const slowing = render('engine', 4, seed, { course: 'slowing' });
    const [high, idle] = [rate(slowing, 0.1, 0.5), rate(slowing, 3.2, 4)];
    assert.ok(high >= 70 && idle <= 40, `seed ${seed}: slowing fires ${high.toFixed(0)}/s, then ${idle.toFixed(0)}/s`);
    const leaving = render('engine', 4, seed, { course: 'leaving' });
    const [start, away] = [rate(leaving, 0.1, 0.5), rate(leaving, 2.2, 2.8)];
    const env = levelEnvelope(leaving, 0.5);
    const [near, far] = [Math.max(env[1]!, env[2]!), env[env.length - 1]!];
    assert.ok(start <= 40 && away >= 70, `seed ${seed}: leaving fires ${start.toFixed(0)}/s, then ${away.toFixed(0)}/s`);
    assert.ok(far < near / 3, `seed ${seed}: leaving's level ${near.toFixed(3)} near, ${far.toFixed(3)} at the end`);
  }
});

test('hand_clap: as many claps as asked (3 by default), ~0.4 s apart, each a cupped burst at 0.8–2.5 kHz', () => {
  for (const seed of SEEDS) {
    for (const [count, expected] of [[undefined, 3], [2, 2], [4, 4]] as const) {
      const out = render('hand_clap', 2, seed, count === undefined ? {} : { count });
      const claps = onsets(out, 12);
      const gaps = claps.slice(1).map((t, i) => t - claps[i]!);
      assert.equal(claps.length, expected, `seed ${seed}, count ${count}: claps at ${claps.map((t) => t.toFixed(2)).join(' ')}`);
      assert.ok(gaps.every((g) => g > 0.3 && g < 0.5), `seed ${seed}: gaps ${gaps.map((g) => g.toFixed(2)).join(' ')}`);
    }
    const f = peakFrequency(render('hand_clap', 1.2, seed), 0, 1.2, 300, 6000);
    assert.ok(f >= 800 && f <= 2500, `seed ${seed}: the cupped palms ring at ${f.toFixed(0)} Hz`);
  }
});

test('finger_snap: as many snaps as asked (1 by default), ~0.5 s apart, each a click over within 50 ms, ringing at 1.5–3.5 kHz (higher and shorter than a clap)', () => {
  for (const seed of SEEDS) {
    for (const [count, expected] of [[undefined, 1], [2, 2], [3, 3]] as const) {
      // (heard after 0.1 s of silence: onsets looks back 40 ms, and a snap is over before then)
      const out = new Float32Array(2.1 * SR);
      out.set(render('finger_snap', 2, seed, count === undefined ? {} : { count }), 0.1 * SR);
      const snaps = onsets(out, 12);
      assert.equal(snaps.length, expected, `seed ${seed}, count ${count}: snaps at ${snaps.map((t) => t.toFixed(2)).join(' ')}`);
      const gaps = snaps.slice(1).map((t, i) => t - snaps[i]!);
      assert.ok(gaps.every((g) => g > 0.4 && g < 0.6), `seed ${seed}: gaps ${gaps.map((g) => g.toFixed(2)).join(' ')}`);
    }
    const out = render('finger_snap', 0.5, seed);
    // its power is in the first 30 ms of the snap (a clap's cupped burst rings four times as long)
    let early = 0, all = 0;
    for (let i = 0; i < out.length; i++) { all += out[i]! ** 2; if (i < 0.05 * SR) early += out[i]! ** 2; }
    assert.ok(early / all > 0.97, `seed ${seed}: ${(100 * early / all).toFixed(1)} % of the power within 50 ms of the start`);
    const f = peakFrequency(out, 0, 0.5, 300, 8000);
    assert.ok(f >= 1500 && f <= 3500, `seed ${seed}: the snap rings at ${f.toFixed(0)} Hz`);
  }
});

test('whistling: a near-pure tone at 0.9–3 kHz moving through several notes', () => {
  for (const seed of SEEDS) {
    const out = render('whistling', 4, seed, { length: 4 });
    assert.ok(tonality(out, 0, 4, SR, 500, 8000) > 0.5, `seed ${seed}: tonality ${tonality(out, 0, 4, SR, 500, 8000).toFixed(2)}`);
    // the tune: the loudest pitch of each quarter second, at least four different notes
    const pitches = new Set<number>();
    for (let t = 0; t + 0.25 <= 4; t += 0.25) {
      const f = peakFrequency(out, t, t + 0.25, 600, 4000);
      if (f > 0) pitches.add(Math.round(12 * Math.log2(f / 440)));
      assert.ok(f === 0 || (f >= 900 && f <= 3000), `seed ${seed}: a note at ${f.toFixed(0)} Hz`);
    }
    assert.ok(pitches.size >= 4, `seed ${seed}: ${pitches.size} notes`);
  }
});

test('alarm: bursts of four beeps every second on a 2.3–3.5 kHz tone', () => {
  for (const seed of SEEDS) {
    const out = render('alarm', 4, seed);
    const beeps = burstSpans(out);
    assert.ok(beeps.length >= 14 && beeps.length <= 16, `seed ${seed}: ${beeps.length} beeps in 4 s`);
    const { period, strength } = envelopePeriod(out, 0.6, 1.5);
    assert.ok(Math.abs(period - 1) < 0.03 && strength > 0.5, `seed ${seed}: bursts every ${period.toFixed(2)} s (${strength.toFixed(2)})`);
    const f = peakFrequency(out, 0, 4, 1000, 6000);
    assert.ok(f >= 2300 && f <= 3500, `seed ${seed}: beeps at ${f.toFixed(0)} Hz`);
  }
});

test('snore: a breath every 2.5–5 s, its snore fluttering 20–45 times a second', () => {
  for (const seed of SEEDS) {
    const out = render('snore', 10, seed);
    const { period, strength } = envelopePeriod(out, 2.5, 5);
    assert.ok(strength > 0.3, `seed ${seed}: breaths every ${period.toFixed(1)} s with strength ${strength.toFixed(2)}`);
    // the loudest breath's flutter
    const spans = burstSpans(out), [a, b] = spans.reduce((w, s) => (s[1] - s[0] > w[1] - w[0] ? s : w), spans[0]!);
    const flutter = pulseRate(out.subarray(Math.round(a * SR), Math.round(b * SR)), 15, 60);
    assert.ok(flutter.rate >= 20 && flutter.rate <= 45 && flutter.depth > 0.3, `seed ${seed}: flutter ${flutter.rate.toFixed(0)}/s, depth ${flutter.depth.toFixed(2)}`);
  }
});

test('booing: many low voices, most of the power under 1 kHz, held with no gap', () => {
  for (const seed of SEEDS) {
    const out = render('booing', 3, seed);
    assert.ok(powerWithin(out, 0, 1000) > 0.8, `seed ${seed}: ${(powerWithin(out, 0, 1000) * 100).toFixed(0)} % under 1 kHz`);
    const env = levelEnvelope(out, 0.1), loud = Math.max(...env);
    assert.ok(env.slice(3, 26).every((v) => v > loud / 5), `seed ${seed}: a gap in the boo (${Math.min(...env.slice(3, 26)).toFixed(3)} of ${loud.toFixed(3)})`);
  }
});
