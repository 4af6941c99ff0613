/**
 * Each new sound's defining trait, measured on what it renders (test/helpers/sound-measures.ts):
 * - a pass-by (car, motorbike): the engine's spectrum is higher while it approaches than after it
 *   passes, by the Doppler factor of its speed ((c + v) / (c − v): 20 m/s → up to 1.12);
 * - birdsong: syllables — many onsets, at 3–25 a second within a phrase;
 * - a dog's bark: bursts repeating at a steady period (~0.4 s), each short (most of the time silent);
 * - a referee's whistle: a narrow band near 3 kHz holding most of the power;
 * - a cat's meow: a voiced call whose pitch (400–800 Hz) rises to a peak mid-call and falls below
 *   where it started ("mi-aa-ow");
 * - a cow's moo: a long (≥ 1 s) voiced call on a low fundamental, ~100–150 Hz;
 * - an owl's hoots: several separate tonal hoots at 300–500 Hz with silent gaps between them;
 * - a helicopter: its level throbs at the main rotor's blade-pass rate, 10–25 Hz;
 * - a rocket and a jet: a roar — the power spread over many octaves (≥ 5 each holding ≥ 1 %),
 *   weighted to the lows (a rocket more than half under 250 Hz; a jet a third or more); a jet's
 *   turbine adds a whine — spectral peaks in 1.5–5 kHz that a rocket's pure roar lacks;
 * - a doorbell: two struck tones, the second lower ("ding-dong", a falling interval of a
 *   major third or so), each decaying after its strike;
 * - laughter: voiced syllables ("ha") repeating at 4–6 a second;
 * - a sigh: breath (unvoiced, no steady pitch) whose level falls away after an early peak;
 * - a gasp: breath that starts abruptly and is over within half a second;
 * - cheering: many voiced shouts ("woo!", "yeah!") whose pitch rises far more often than it falls;
 * - a crowd's roar: voices, not flat noise (harmonic peaks hold a good share of 100 Hz–2 kHz),
 *   merged into a continuous wall with no gaps.
 * The medians and shares below absorb the pitch tracker's occasional octave slips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSound, SOUND_RATE } from '../../helpers/render-sound.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { bandFraction, envelopePeriod, levelEnvelope, median, octaveFractions, onsets, peakFrequency, pitchTrack, spectralShift, tonality, voiced } from '../../helpers/sound-measures.js';

const SR = SOUND_RATE;
const render = renderSound;

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


test("cat_meow: a voiced call at 400–800 Hz whose pitch rises to a mid-call peak, then falls", () => {
  for (const seed of [9, 10]) {
    const track = pitchTrack(render('cat_meow', 1, seed), 250, 1200, 0.02);
    const v = voiced(track);
    assert.ok(v.length >= 20, `seed ${seed}: ${v.length} voiced frames`);
    // the contour smoothed over 5 frames (100 ms): its start, its peak and where, its end
    const smooth = v.map((_, i) => median(v.slice(Math.max(0, i - 2), i + 3)));
    const start = smooth[2]!, end = smooth[smooth.length - 3]!, top = Math.max(...smooth), topAt = smooth.indexOf(top) / smooth.length;
    assert.ok(start >= 400 && top <= 800 && end >= 350, `seed ${seed}: ${start} → ${top} → ${end} Hz`);
    assert.ok(topAt > 0.15 && topAt < 0.7 && top > start * 1.15 && top > end * 1.25, `seed ${seed}: pitch ${start} → ${top} (at ${(topAt * 100).toFixed(0)} %) → ${end} Hzis not a rise then a fall`);
  }
});

test('cow_moo: a long voiced call on a low fundamental (100–150 Hz)', () => {
  for (const seed of [11, 12]) {
    const track = pitchTrack(render('cow_moo', 2, seed), 60, 400, 0.02);
    const v = voiced(track);
    const f0 = median(v);
    assert.ok(f0 >= 95 && f0 <= 150, `seed ${seed}: median f0 ${f0} Hz`);
    assert.ok(v.length * 0.02 >= 1, `seed ${seed}: voiced for ${(v.length * 0.02).toFixed(2)} s`);
  }
});

test('owl_hoot: separate tonal hoots at 300–500 Hz with gaps between them', () => {
  for (const seed of [13, 14]) {
    const track = pitchTrack(render('owl_hoot', 2, seed), 150, 1000, 0.02);
    // hoots: runs of voiced frames; a gap: at least 0.1 s unvoiced between two runs
    const runs: number[][] = [];
    let gap = Infinity;
    for (const f of track) {
      if (f > 0) { if (gap >= 5) runs.push([]); runs[runs.length - 1]!.push(f); gap = 0; } else gap++;
    }
    const hoots = runs.filter((r) => r.length >= 5);
    assert.ok(hoots.length >= 2, `seed ${seed}: ${hoots.length} hoots`);
    for (const h of hoots) assert.ok(median(h) >= 300 && median(h) <= 500, `seed ${seed}: a hoot at ${median(h)} Hz`);
  }
});

test('helicopter: the level throbs at the blade-pass rate, 10–25 Hz', () => {
  for (const seed of [15, 16]) {
    const { period, strength } = envelopePeriod(render('helicopter', 3, seed), 0.035, 0.11);
    assert.ok(period >= 0.04 && period <= 0.1 && strength > 0.5, `seed ${seed}: ${(1 / period).toFixed(1)} Hz, strength ${strength.toFixed(2)}`);
  }
});

for (const [id, lowShare] of [['rocket', 0.5], ['jet', 0.33]] as const) {
  test(`${id}: a roar — power spread over ≥ 5 octaves, weighted to the lows`, () => {
    for (const seed of [17, 18]) {
      const bands = octaveFractions(render(id, 5, seed));
      const spread = bands.filter((b) => b >= 0.01).length;
      const low = bands[0]! + bands[1]! + bands[2]!; // 31–250 Hz
      assert.ok(spread >= 5, `seed ${seed}: ${spread} octaves hold ≥ 1 % (${bands.map((b) => b.toFixed(3)).join(' ')})`);
      assert.ok(low >= lowShare, `seed ${seed}: ${(low * 100).toFixed(0)} % under 250 Hz`);
    }
  });
}

test('doorbell: ding-dong — a second, lower tone after the first, each decaying', () => {
  for (const seed of [19, 20]) {
    const out = render('doorbell', 2, seed);
    const ding = peakFrequency(out, 0, 0.45, 300, 1200), dong = peakFrequency(out, 0.5, 1.3, 300, 1200);
    const interval = ding / dong;
    assert.ok(interval >= 1.1 && interval <= 1.5, `seed ${seed}: ${ding.toFixed(0)} → ${dong.toFixed(0)} Hz`);
    const env = levelEnvelope(out, 0.05);
    const db = (t: number) => 20 * Math.log10(env[Math.round(t / 0.05)]! + 1e-9);
    assert.ok(db(0.05) - db(0.45) >= 3, `seed ${seed}: the ding does not decay (${db(0.05).toFixed(1)} → ${db(0.45).toFixed(1)} dB)`);
    assert.ok(db(0.55) - db(1.5) >= 6, `seed ${seed}: the dong does not decay (${db(0.55).toFixed(1)} → ${db(1.5).toFixed(1)} dB)`);
  }
});

test('laughter: voiced "ha" syllables at 4–6 a second', () => {
  for (const seed of [21, 22]) {
    const out = render('laughter', 2, seed);
    const { period, strength } = envelopePeriod(out, 0.14, 0.3);
    assert.ok(1 / period >= 4 && 1 / period <= 6 && strength > 0.4, `seed ${seed}: ${(1 / period).toFixed(1)} a second, strength ${strength.toFixed(2)}`);
    const track = pitchTrack(out, 80, 500, 0.02), env = levelEnvelope(out, 0.02), loud = Math.max(...env);
    const sounding = track.filter((_, h) => env[h]! > loud * 0.3);
    assert.ok(voiced(sounding).length >= 0.6 * sounding.length, `seed ${seed}: ${voiced(sounding).length} of ${sounding.length} loud frames voiced`);
  }
});

test('sigh: breath (no steady pitch) whose level falls away after an early peak', () => {
  for (const seed of [23, 24]) {
    const out = render('sigh', 1.5, seed);
    const v = voiced(pitchTrack(out, 60, 500, 0.02));
    const env = Array.from(levelEnvelope(out, 0.05), (x) => 20 * Math.log10(x + 1e-9));
    const peakAt = env.indexOf(Math.max(...env)) * 0.05;
    assert.ok(v.length <= 5, `seed ${seed}: ${v.length} voiced frames`);
    assert.ok(peakAt <= 0.45, `seed ${seed}: peak at ${peakAt} s`);
    assert.ok(Math.max(...env) - env[Math.round(1.0 / 0.05)]! >= 12, `seed ${seed}: only ${(Math.max(...env) - env[20]!).toFixed(1)} dB down at 1 s`);
  }
});

test('gasp: breath that starts abruptly and is over within half a second', () => {
  for (const seed of [25, 26]) {
    const out = render('gasp', 0.6, seed);
    const v = voiced(pitchTrack(out, 60, 500, 0.02));
    assert.ok(v.length <= 3, `seed ${seed}: ${v.length} voiced frames`);
    const env = Array.from(levelEnvelope(out, 0.01), (x) => 20 * Math.log10(x + 1e-9)), top = Math.max(...env);
    const first = env.findIndex((d) => d > top - 6), last = env.length - 1 - [...env].reverse().findIndex((d) => d > top - 20);
    assert.ok(first * 0.01 <= 0.06, `seed ${seed}: reaches full level at ${first * 0.01} s`);
    assert.ok(last * 0.01 <= 0.5, `seed ${seed}: still sounding at ${last * 0.01} s`);
  }
});

test("jet: the turbine's whine — spectral peaks in 1.5–5 kHz over the roar, which a rocket lacks", () => {
  for (const seed of [27, 28]) {
    const jet = tonality(render('jet', 5, seed), 1.5, 3, SR, 1500, 5000), rocketRoar = tonality(render('rocket', 5, seed), 1.5, 3, SR, 1500, 5000);
    assert.ok(jet >= 0.2, `seed ${seed}: jet ${jet.toFixed(3)} of 1.5–5 kHz in peaks`);
    assert.ok(rocketRoar < 0.1, `seed ${seed}: rocket ${rocketRoar.toFixed(3)} of 1.5–5 kHz in peaks`);
  }
});

/** stretches of the pitch track that are voiced and glide (no jump > 8 % between 20 ms frames), ≥ 100 ms long */
function glides(track: number[]): number[][] {
  const runs: number[][] = [];
  let cur: number[] = [];
  for (const f of [...track, 0]) {
    if (f > 0 && (cur.length === 0 || Math.abs(f / cur[cur.length - 1]! - 1) < 0.08)) cur.push(f);
    else { if (cur.length >= 5) runs.push(cur); cur = f > 0 ? [f] : []; }
  }
  return runs;
}

test('cheering: many voiced shouts whose pitch rises ("woo!") far more often than it falls', () => {
  for (const seed of [29, 30]) {
    const shouts = glides(pitchTrack(render('cheering', 3, seed), 80, 800, 0.02, 0.5));
    const up = shouts.filter((r) => r[r.length - 1]! > r[0]! * 1.03).length, down = shouts.filter((r) => r[r.length - 1]! < r[0]! / 1.03).length;
    assert.ok(shouts.length >= 5, `seed ${seed}: ${shouts.length} voiced shouts in 3 s`);
    assert.ok(up >= 3 && up >= 3 * down, `seed ${seed}: ${up} rising, ${down} falling`);
  }
});

test('crowd_roar: voices, not flat noise — harmonic peaks in the voice band — merged into a wall with no gaps', () => {
  for (const seed of [31, 32]) {
    const out = render('crowd_roar', 3, seed);
    const voices = tonality(out, 0, 3, SR, 100, 2000);
    assert.ok(voices >= 0.3, `seed ${seed}: ${voices.toFixed(3)} of 100 Hz–2 kHz in peaks`);
    const db = Array.from(levelEnvelope(out, 0.1), (v) => 20 * Math.log10(v + 1e-9)).slice(2);
    const mid = median(db);
    assert.ok(Math.min(...db) >= mid - 10, `seed ${seed}: the level dips to ${(Math.min(...db) - mid).toFixed(1)} dB under its median`);
  }
});
