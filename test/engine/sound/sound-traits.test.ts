/**
 * Each new sound's defining trait, measured on what it renders (test/helpers/sound-measures.ts):
 * - a pass-by (car, motorbike): the engine's spectrum is higher while it approaches than after it
 *   passes, by the Doppler factor of its speed ((c + v) / (c − v): 20 m/s → up to 1.12);
 * - birdsong: syllables — many onsets, at 3–25 a second within a phrase;
 * - a dog's bark: bursts repeating at a steady period (~0.4 s), each short (most of the time silent);
 * - a referee's whistle: a narrow band near 3 kHz holding most of the power.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOUNDS } from '../../../src/engine/sound/sounds/table.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { bandFraction, envelopePeriod, levelEnvelope, onsets, peakFrequency, spectralShift } from '../../helpers/sound-measures.js';

const SR = 48000;
const render = (id: string, seconds: number, seed: number) => SOUNDS.get(id)!.render(Math.round(seconds * SR), { rng: createRandom(seed), sampleRate: SR, intensity: 0.5, params: {} });

for (const id of ['car_pass_by', 'motorbike_pass_by']) {
  test(`${id}: the Doppler shift — higher approaching than receding, by a physical factor`, () => {
    for (const seed of [1, 2]) {
      const out = render(id, 4, seed);
      const s = spectralShift(out, [0.3, 1.3], [2.7, 3.7], 30, 600);
      assert.ok(s >= 1.05 && s <= 1.2, `seed ${seed}: approach/recede spectrum ratio ${s.toFixed(3)}`);
    }
  });
}

test('forest_birds: song has syllable structure — many onsets, 3–25 a second within phrases', () => {
  for (const seed of [3, 4]) {
    const out = render('forest_birds', 6, seed);
    const found = onsets(out, 10);
    assert.ok(found.length >= 10, `seed ${seed}: ${found.length} syllable onsets in 6 s`);
    const gaps = found.slice(1).map((t, i) => t - found[i]!).filter((g) => g < 0.5).sort((a, b) => a - b);
    const median = gaps[gaps.length >> 1]!;
    assert.ok(median >= 0.04 && median <= 0.33, `seed ${seed}: median gap within phrases ${median} s`);
  }
});

test('dog_bark: bursts at a steady ~0.4 s period, each short', () => {
  for (const seed of [5, 6]) {
    const out = render('dog_bark', 1.6, seed);
    const { period, strength } = envelopePeriod(out, 0.25, 0.7);
    assert.ok(period >= 0.34 && period <= 0.46 && strength > 0.4, `seed ${seed}: period ${period} s, strength ${strength.toFixed(2)}`);
    const env = levelEnvelope(out, 0.005);
    const loud = Math.max(...env);
    const active = env.filter((v) => v > loud * 0.1).length / env.length;
    assert.ok(active < 0.5, `seed ${seed}: sounding ${(active * 100).toFixed(0)} % of the time`);
  }
});

test("referee_whistle: a narrow band near 3 kHz holds most of the power", () => {
  for (const seed of [7, 8]) {
    const out = render('referee_whistle', 1.4, seed);
    const f = peakFrequency(out, 0, 1.4, 1000, 8000);
    assert.ok(f >= 2500 && f <= 3500, `seed ${seed}: pitch ${f.toFixed(0)} Hz`);
    assert.ok(bandFraction(out, f, 0.08) > 0.8, `seed ${seed}: ${bandFraction(out, f, 0.08).toFixed(2)} of the power within ±8 %`);
  }
});
