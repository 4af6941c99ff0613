/**
 * Music from a device in the scene (plan.audio.music.source) is heard through it: the same cue
 * from a radio is mono and squeezed into a small speaker's band; from a record player, narrowed,
 * its lows and highs rolled off, with surface crackle; the score keeps its full range. The level
 * stays the same, so the plan's gain_db means the same for every source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMusic } from '../../../src/engine/sound/music/render-music.js';
import { hearThrough } from '../../../src/engine/sound/music/music-source.js';
import type { MusicSource } from '../../../src/engine/plan.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { rms } from '../../../src/engine/sound/dsp/buffer.js';
import { biquad } from '../../../src/engine/sound/dsp/biquad.js';
import { powerAbove, powerWithin } from '../../helpers/sound-measures.js';

const SR = 48000, FRAMES = 3 * SR;
const heard = async (source: MusicSource) => {
  const [left, right] = await renderMusic({ mood: 'calm', style: 'jazz', bpm: 100, key: 'C major', gain_db: -8 }, FRAMES, createRandom(3), SR);
  hearThrough(source, left, right, createRandom(4), SR);
  const mono = new Float32Array(FRAMES);
  let side = 0;
  for (let i = 0; i < FRAMES; i++) { mono[i] = 0.5 * (left[i]! + right[i]!); side += (left[i]! - right[i]!) ** 2; }
  return { left, right, mono, width: Math.sqrt(side / FRAMES) / Math.max(1e-9, rms(mono)) };
};
/**
 * Clicks: 1 ms stretches of the signal above 5 kHz whose peak stands 10× over the mean level of
 * the 20 ms around it — a record's crackle; a brushed drum's noise swells over tens of ms, not 1.
 */
function clicks(mono: Float32Array): number {
  const high = biquad(biquad(mono.slice(), 'highpass', 5000, 0.7, SR), 'highpass', 5000, 0.7, SR);
  const ms = SR / 1000;
  let count = 0;
  for (let w = 10; w < high.length / ms - 10; w++) {
    let peak = 0, around = 0;
    for (let i = w * ms; i < (w + 1) * ms; i++) peak = Math.max(peak, Math.abs(high[i]!));
    for (let i = (w - 10) * ms; i < (w + 10) * ms; i++) around += Math.abs(high[i]!);
    if (peak > 10 * (around / (20 * ms))) count++;
  }
  return count;
}

test('music from a radio is mono and in a small speaker\'s band; from a record, narrowed, rolled off and crackling; the score keeps its range; all at one level', async () => {
  const score = await heard('score'), radio = await heard('radio'), record = await heard('record');
  const level = (s: typeof score) => Math.hypot(rms(s.left), rms(s.right));
  for (const [name, s] of [['radio', radio], ['record', record]] as const) assert.ok(Math.abs(level(s) / level(score) - 1) < 0.01, `${name} level ${level(s)} vs the score's ${level(score)}`);
  const band = (s: typeof score) => powerWithin(s.mono, 250, 4000, SR);
  // the radio: one speaker, its band (the score's jazz has brushes and bass well outside it)
  assert.ok(radio.width < 0.01, `radio stereo width ${radio.width}`);
  assert.ok(band(radio) >= 0.9 && band(score) < 0.5, `power in 250 Hz – 4 kHz: radio ${band(radio)}, score ${band(score)}`);
  assert.ok(powerWithin(radio.mono, 0, 250, SR) < 0.03, `radio power under 250 Hz ${powerWithin(radio.mono, 0, 250, SR)}`);
  // the record: narrower than the score, no air above 8 kHz, and crackle the score has none of
  assert.ok(record.width > 0.02 && record.width < 0.6 * score.width, `record width ${record.width}, score ${score.width}`);
  assert.ok(powerAbove(record.mono, 8000, SR) < 0.1 * powerAbove(score.mono, 8000, SR), `power above 8 kHz: record ${powerAbove(record.mono, 8000, SR)}, score ${powerAbove(score.mono, 8000, SR)}`);
  assert.ok(clicks(record.mono) >= 10 && clicks(score.mono) <= 2 && clicks(radio.mono) <= 2, `clicks: record ${clicks(record.mono)}, score ${clicks(score.mono)}, radio ${clicks(radio.mono)}`);
});
