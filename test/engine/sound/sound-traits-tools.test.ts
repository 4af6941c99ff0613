/**
 * The defining trait of each tool and workshop sound, measured on what it renders
 * (test/helpers/sound-measures.ts):
 * - a vacuum cleaner: a fan whine that climbs over its first second to 0.8–1.8 kHz, then holds with
 *   no gap over the air's roar;
 * - a power drill: two or three trigger pulls, each a harmonic whine at 140–350 Hz;
 * - a jackhammer: bursts of blows at 18–30 a second, with pauses between;
 * - a lawn mower: an engine firing 20–30 times a second, all its power under 2 kHz;
 * - a leaf blower: mostly the air jet's hiss (above 1 kHz), surging every 1–2 s;
 * - a circular saw: a tooth scream at 1.5–3.5 kHz that sags 8–25 % while it cuts and recovers;
 * - hammering: blows every 0.35–0.65 s, the nail's ring climbing as it goes in;
 * - swords: strikes ringing with a bar's inharmonic second mode (2.76× the first) for ≥ 0.3 s;
 * - an axe: a chop every 0.9–1.6 s, each a sharp onset over a low knock (most power under 1.5 kHz).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSound, SOUND_RATE } from '../../helpers/render-sound.js';
import { burstSpans, envelopePeriod, levelEnvelope, onsets, peakFrequency, powerWithin, pulseRate, tonality } from '../../helpers/sound-measures.js';

const SR = SOUND_RATE;
const SEEDS = [61, 62, 63];
const render = renderSound;

test('vacuum_cleaner: a fan whine climbing over the first second to 0.8–1.8 kHz, held with no gap', () => {
  for (const seed of SEEDS) {
    const out = render('vacuum_cleaner', 4, seed);
    const start = peakFrequency(out, 0.05, 0.3, 150, 2500), run = peakFrequency(out, 2, 3.5, 600, 2500);
    assert.ok(run >= 800 && run <= 1800 && start < 0.7 * run, `seed ${seed}: whine ${start.toFixed(0)} → ${run.toFixed(0)} Hz`);
    assert.ok(tonality(out, 2, 3.5, SR, 500, 3000) > 0.5, `seed ${seed}: the whine is a tone`);
    const env = levelEnvelope(out, 0.1), loud = Math.max(...env);
    assert.ok(env.slice(3, 36).every((v) => v > loud / 3), `seed ${seed}: a gap (${(Math.min(...env.slice(3, 36)) / loud).toFixed(2)} of the loudest)`);
  }
});

test('drill: two or three trigger pulls, each a harmonic whine at 140–350 Hz', () => {
  for (const seed of SEEDS) {
    const out = render('drill', 3, seed);
    const pulls = burstSpans(out).filter(([a, b]) => b - a > 0.4);
    assert.ok(pulls.length >= 2 && pulls.length <= 3, `seed ${seed}: ${pulls.length} pulls`);
    for (const [a, b] of pulls) {
      const f = peakFrequency(out, a + 0.2, b - 0.1, 120, 450);
      assert.ok(f >= 140 && f <= 350, `seed ${seed}: whine at ${f.toFixed(0)} Hz`);
    }
  }
});

test('jackhammer: bursts of blows at 18–30 a second, with pauses between', () => {
  for (const seed of SEEDS) {
    const out = render('jackhammer', 4, seed);
    const spans = burstSpans(out).filter(([a, b]) => b - a > 0.5);
    assert.ok(spans.length >= 2, `seed ${seed}: ${spans.length} bursts`);
    for (const [a, b] of spans) {
      const { rate } = pulseRate(out.subarray(Math.round(a * SR), Math.round(b * SR)), 12, 40);
      assert.ok(rate >= 18 && rate <= 30, `seed ${seed}: ${rate.toFixed(1)} blows a second`);
    }
  }
});

test('lawn_mower: an engine firing 20–30 times a second, all its power under 2 kHz', () => {
  for (const seed of SEEDS) {
    const out = render('lawn_mower', 5, seed);
    const { rate, strength } = pulseRate(out.subarray(SR, 4 * SR), 15, 40);
    assert.ok(rate >= 20 && rate <= 30 && strength > 0.5, `seed ${seed}: firing ${rate.toFixed(1)}/s (${strength.toFixed(2)})`);
    assert.ok(powerWithin(out, 0, 2000) > 0.9, `seed ${seed}: ${(powerWithin(out, 0, 2000) * 100).toFixed(0)} % under 2 kHz`);
  }
});

test('leaf_blower: mostly the air jet (above 1 kHz), surging every 1–2 s', () => {
  for (const seed of SEEDS) {
    const out = render('leaf_blower', 6, seed);
    assert.ok(powerWithin(out, 1000, Infinity) > 0.75, `seed ${seed}: ${(powerWithin(out, 1000, Infinity) * 100).toFixed(0)} % above 1 kHz`);
    const { period, strength } = envelopePeriod(out, 0.9, 2.2);
    assert.ok(strength > 0.25, `seed ${seed}: surges every ${period.toFixed(2)} s with strength ${strength.toFixed(2)}`);
  }
});

test('power_saw: a tooth scream at 1.5–3.5 kHz that sags 8–25 % while it cuts, then recovers', () => {
  for (const seed of SEEDS) {
    const out = render('power_saw', 3.5, seed);
    const free = peakFrequency(out, 0.4, 0.6, 1200, 4000), cutting = peakFrequency(out, 1.2, 1.8, 1200, 4000), after = peakFrequency(out, 3.1, 3.4, 1200, 4000);
    const sag = 1 - cutting / free;
    assert.ok(free >= 1500 && free <= 3500 && sag >= 0.08 && sag <= 0.25 && Math.abs(after / free - 1) < 0.03,
      `seed ${seed}: ${free.toFixed(0)} → ${cutting.toFixed(0)} → ${after.toFixed(0)} Hz`);
  }
});

test('hammering: blows every 0.35–0.65 s, the nail ringing higher as it goes in', () => {
  for (const seed of SEEDS) {
    const out = render('hammering', 3, seed);
    const blows = onsets(out, 12);
    assert.ok(blows.length >= 4, `seed ${seed}: ${blows.length} blows`);
    const { period, strength } = envelopePeriod(out, 0.3, 0.7);
    assert.ok(period >= 0.35 && period <= 0.65 && strength > 0.2, `seed ${seed}: a blow every ${period.toFixed(2)} s (${strength.toFixed(2)})`);
    const rings = blows.map((t) => peakFrequency(out, t, t + 0.25, 1800, 6000));
    assert.ok(rings[blows.length - 2]! > 1.1 * rings[0]!, `seed ${seed}: rings ${rings.map((f) => f.toFixed(0)).join(' ')} Hz`);
  }
});

test('sword_clash: strikes ringing with a bar\'s inharmonic second mode (2.76×) for at least 0.3 s', () => {
  for (const seed of SEEDS) {
    const out = render('sword_clash', 2.5, seed);
    const strikes = onsets(out, 12);
    assert.ok(strikes.length >= 2 && strikes.length <= 4, `seed ${seed}: ${strikes.length} strikes`);
    for (const t of strikes) {
      const first = peakFrequency(out, t + 0.02, t + 0.3, 1000, 2600), second = peakFrequency(out, t + 0.02, t + 0.3, 2700, 7500);
      assert.ok(Math.abs(second / first - 2.76) < 0.1, `seed ${seed}: modes ${first.toFixed(0)} and ${second.toFixed(0)} Hz`);
    }
    // a strike still rings 0.3 s on: a fifth of its peak level or more
    const env = levelEnvelope(out, 0.05), at = (s: number) => env[Math.round(s / 0.05)] ?? 0;
    assert.ok(at(strikes[0]! + 0.3) > at(strikes[0]! + 0.05) / 5, `seed ${seed}: the ring dies within 0.3 s`);
  }
});

test('axe_chop: a chop every 0.9–1.6 s, each a sharp onset over a low knock', () => {
  for (const seed of SEEDS) {
    const out = render('axe_chop', 5, seed);
    // (a split's crackle right after a chop is that chop's)
    const chops = onsets(out, 12).reduce<number[]>((kept, t) => (kept.length && t - kept[kept.length - 1]! < 0.4 ? kept : [...kept, t]), []);
    assert.ok(chops.length >= 3 && chops.length <= 6, `seed ${seed}: ${chops.length} chops`);
    const gaps = chops.slice(1).map((t, i) => t - chops[i]!);
    assert.ok(gaps.every((g) => g >= 0.8 && g <= 1.75), `seed ${seed}: gaps ${gaps.map((g) => g.toFixed(2)).join(' ')}`);
    assert.ok(powerWithin(out, 0, 1500) > 0.6, `seed ${seed}: ${(powerWithin(out, 0, 1500) * 100).toFixed(0)} % under 1.5 kHz`);
  }
});
