/**
 * Every sound in the table renders non-silent, finite audio whose spectrum is plausible for what
 * it is. Spectral centroid (the "brightness", power-weighted mean frequency) and flatness (0 for
 * pure tones, 1 for white noise) are measured on 3 s of each bed, or one event at its natural
 * length. The ranges come from the physics of each source, grouped:
 *
 * - rumbles (underwater, space, traffic, thunder, explosion, heartbeat, door, engine, bass):
 *   their energy lives under ~1 kHz, so the centroid is below 800 Hz;
 * - broadband water and noise (rain, stream, waterfall, storm, applause, a hand clap, typing, shutter, whoosh,
 *   splash): noise-like (flatness ≥ 0.01, far from a tone) with a mid/high centroid, 400–6000 Hz;
 * - creatures and small bright things (birds 2–8 kHz songs, crickets 4–5 kHz, glass, sparkle,
 *   clock ticks): a centroid of 2–6 kHz;
 * - tonal music (pad, piano, chime, bass): pitched, so flatness < 0.05;
 * - voices in a crowd: the speech band, centroid 300–3000 Hz;
 * - voices and animal calls (bark, meow, laughter, sigh, crowds cheering or roaring): a glottal
 *   source through formants, centroid 200–3000 Hz (a cow's moo lower, 80–600 Hz);
 * - vehicles and engines passing, hovering or launching (car, motorbike, helicopter, rocket):
 *   rumbles under 800 Hz; a jet's broadband roar is noisier and brighter (300–3000 Hz);
 * - whistles and bells (referee whistle ~3 kHz, doorbell, owl hoot ~400 Hz): tonal, flatness < 0.05;
 * - a gasp: unvoiced turbulence through formants, noise-like (flatness ≥ 0.005), 400–3000 Hz;
 * - calls, alarms and household sounds: a gull's harsh call (700–3000 Hz), tonal alarms and
 *   whistles (siren, horn, phone, kettle, a wolf's howl), low booms and buzzes (foghorn,
 *   fireworks, purr, growl), breath (breathing, coughing) and a sizzle's bright noise.
 * Each new sound's defining trait (Doppler, syllable rate, bark period, whistle band, a meow's pitch
 * contour, a rotor's throb, a roar's octave spread, ding-dong …) is
 * checked in ./sound-traits.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOUND_LIST, SOUND_ROWS, SOUNDS } from '../../../src/engine/sound/sounds/table.js';
import { SOUND_IDS } from '../../../src/engine/plan.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { spectrumStats } from '../../helpers/audio.js';

interface Expect { centroid: [number, number]; flatness?: [number, number] }

const RUMBLE: Expect = { centroid: [20, 800] };
const NOISY: Expect = { centroid: [400, 6000], flatness: [0.01, 1] };
const BRIGHT: Expect = { centroid: [2000, 6000] };
const TONAL = (lo: number, hi: number): Expect => ({ centroid: [lo, hi], flatness: [0, 0.05] });
const VOICED: Expect = { centroid: [200, 3000] };

const EXPECTED: Record<string, Expect> = {
  rain: NOISY, thunderstorm: NOISY, stream: NOISY, waterfall: NOISY,
  wind: { centroid: [200, 1500] }, // a resonant band that wanders 250–1000 Hz
  ocean_waves: { centroid: [200, 2000] }, // surf: low swell, bright crest
  forest_birds: BRIGHT, night_insects: BRIGHT, squirrel_chatter: BRIGHT, hawk_screech: BRIGHT,
  city_traffic: RUMBLE, underwater: RUMBLE, space_drone: RUMBLE, room_tone: RUMBLE, office_hum: RUMBLE, electric_buzz: RUMBLE,
  crowd_murmur: { centroid: [300, 3000] },
  fire: { centroid: [200, 3000], flatness: [0.01, 1] }, // roar plus broadband crackles
  whoosh: NOISY, applause: NOISY, hand_clap: NOISY, finger_snap: BRIGHT, typing: NOISY, camera_shutter: NOISY, splash: NOISY,
  footsteps: RUMBLE, door: RUMBLE, knock: RUMBLE, thunder: RUMBLE, explosion: RUMBLE, heartbeat: RUMBLE, engine: RUMBLE,
  clock_tick: BRIGHT, glass_clink: BRIGHT, sparkle: BRIGHT,
  chime: TONAL(600, 3000), // an 880 Hz bell and its partials
  music_pad: TONAL(150, 1500), music_piano: TONAL(200, 2000), music_bass: TONAL(40, 400),
  music_pluck: { centroid: [300, 3000], flatness: [0, 0.1] },
  music_drums: { centroid: [100, 3000] }, // kick, snare and hats together
  crowd_roar: VOICED, cheering: VOICED, dog_bark: VOICED, cat_meow: VOICED, laughter: VOICED, sigh: VOICED,
  cow_moo: { centroid: [80, 600] },
  car_pass_by: RUMBLE, motorbike_pass_by: RUMBLE, helicopter: RUMBLE, rocket: RUMBLE,
  jet: { centroid: [300, 3000], flatness: [0.01, 1] },
  referee_whistle: TONAL(2500, 3600), doorbell: TONAL(450, 2000), owl_hoot: TONAL(300, 600),
  gasp: { centroid: [400, 3000], flatness: [0.005, 1] },
  // calls, alarms and household sounds
  seagull: { centroid: [700, 3000] }, // harsh calls at ~800 Hz with high formants, over sea air
  siren: TONAL(600, 2000), horn: TONAL(350, 1500), phone_ring: TONAL(800, 2500), kettle_whistle: TONAL(1500, 3000),
  wolf: TONAL(300, 700), foghorn: RUMBLE, purr: RUMBLE,
  fireworks: { centroid: [80, 1500] }, // booms under crackle
  growl: { centroid: [80, 600] }, coughing: VOICED, insect_buzz: { centroid: [150, 1500] },
  breathing: { centroid: [300, 3000], flatness: [0.002, 1] }, // breath: turbulence through an open vowel
  sizzle: NOISY,
  sob: VOICED, baby_cry: VOICED, rooster: VOICED, horse: VOICED, whine: TONAL(600, 1800),
  lion: { centroid: [80, 600] }, // a deep roar, like a moo
  hiss: { centroid: [2000, 9000], flatness: [0.05, 1] }, rustle: { centroid: [1000, 8000], flatness: [0.05, 1] },
  hum: RUMBLE,
  radio_static: { centroid: [500, 3000] }, // band-limited noise: its flatness over the whole spectrum is low
  glass_break: BRIGHT, gunshot: RUMBLE, sheep: VOICED, hooves: RUMBLE, scream: VOICED,
  sneeze: { centroid: [400, 6000] }, bass_hit: RUMBLE,
  // animals, machines and a crowd
  frogs: { centroid: [300, 1500] }, // pulsed croaks on a 400–900 Hz voice over a quiet pond
  train: RUMBLE, whale_song: TONAL(100, 700), crow: VOICED, duck: VOICED, pigeon_coo: TONAL(250, 700), parrot: { centroid: [1000, 5000] }, elephant: VOICED, pig: { centroid: [80, 600] },
  chicken: VOICED, monkey: VOICED, donkey: VOICED, booing: { centroid: [100, 600] }, snore: RUMBLE,
  tire_screech: TONAL(800, 3000), alarm: TONAL(2300, 4500), whistling: TONAL(900, 3000),
  chainsaw: { centroid: [200, 2000] }, // a buzzy engine note and its chain's hiss
  dolphin: { centroid: [4000, 14000] }, // whistles at 5–14 kHz and clicks
  vacuum_cleaner: { centroid: [800, 2500] }, // a fan whine over the air's roar
  drill: { centroid: [300, 1500], flatness: [0, 0.05] }, // a buzzy motor whine, harmonics up to ~2 kHz
  jackhammer: { centroid: [800, 3000] }, // steel strikes over concrete crunch and exhaust hiss
  lawn_mower: RUMBLE, // a muffled single-cylinder engine
  leaf_blower: { centroid: [3000, 8000], flatness: [0.3, 1] }, // mostly the air jet's hiss
  power_saw: { centroid: [1500, 5000] }, // the teeth's scream, sawdust while it cuts
  hammering: { centroid: [600, 3500] }, // a wooden knock and the nail's ring
  sword_clash: TONAL(1500, 6000), // long steel rings
  axe_chop: { centroid: [150, 2000] }, // a log's dull knock under the blade's crack
  creak: { centroid: [600, 2000] }, // slips ringing a wooden body's bands (~450, ~1100, ~2400 Hz)
  pots_clatter: TONAL(600, 2500), // metal plates' inharmonic rings
};

test('the table has at least 30 sounds across ambience, effects and music, each with an expectation here', () => {
  assert.ok(SOUND_LIST.length >= 30, `${SOUND_LIST.length} sounds`);
  for (const family of ['ambience', 'effect', 'music'] as const) assert.ok(SOUND_LIST.some((s) => s.family === family), family);
  for (const s of SOUND_LIST) assert.ok(EXPECTED[s.id], `no spectral expectation for ${s.id}`);
  assert.equal(SOUNDS.size, SOUND_LIST.length, 'ids are unique');
});

test('the table has exactly the plan\'s sound ids, each row under its own id', () => {
  assert.deepEqual([...SOUNDS.keys()].sort(), [...SOUND_IDS].sort());
  for (const [key, row] of Object.entries(SOUND_ROWS)) assert.equal(row.id, key);
});

for (const sound of SOUND_LIST) {
  test(`${sound.family} "${sound.id}" renders non-silent audio with a plausible spectrum`, () => {
    const frames = Math.round((sound.kind === 'event' ? sound.length : 3) * 48000);
    const out = sound.render(frames, { rng: createRandom(11), sampleRate: 48000, intensity: 0.5, params: {} });
    assert.equal(out.length, frames);
    assert.ok(out.every(Number.isFinite), 'finite samples');
    const stats = spectrumStats(out);
    assert.ok(stats.rms > 0.005, `rms ${stats.rms}`);
    const { centroid, flatness } = EXPECTED[sound.id]!;
    assert.ok(stats.centroid >= centroid[0] && stats.centroid <= centroid[1], `centroid ${stats.centroid.toFixed(0)} Hz outside ${centroid}`);
    if (flatness) assert.ok(stats.flatness >= flatness[0] && stats.flatness <= flatness[1], `flatness ${stats.flatness.toFixed(3)} outside ${flatness}`);
    // the same seed gives the same samples
    const again = sound.render(frames, { rng: createRandom(11), sampleRate: 48000, intensity: 0.5, params: {} });
    assert.deepEqual(again.subarray(0, 4800), out.subarray(0, 4800));
  });
}
