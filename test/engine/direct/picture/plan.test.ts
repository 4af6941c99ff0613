import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import { ShotSchema } from '../../../../src/engine/plan.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { everything, shotFor } from './shot.js';

const PROMPTS = [
  '',
  "slow push-in, rain on the window, a low calm narrator says 'It was the last night of summer'",
  'dramatic orbit around the lighthouse in a thunderstorm, heavy rain, lightning, moody',
  'whip pan right then rack focus, neon signs, fog, black and white',
  'handheld documentary, dust motes in sunbeams, embers and steam, vintage',
  'drone flyover of the coast at golden hour, gentle waves, swaying palm trees, drifting clouds',
  'dolly zoom on her face, cherry blossom petals, lens flare',
  'crane up over the city at night, twinkling stars, snow',
];

test('every shot matches ShotSchema, for every kind of picture and both durations', () => {
  const scenes = [everything(), makeScene({ depth: 'subject', tags: ['portrait'] }), makeScene({ depth: 'flat' }), makeScene({ tags: ['indoor'], lights: [{ x: 0.5, y: 0.3 }] })];
  for (const scene of scenes) {
    for (const prompt of PROMPTS) {
      for (const duration of [5, 10]) {
        for (const cfgScale of [0, 0.5, 1]) {
          const { shot } = shotFor(prompt, { scene, duration, cfgScale, negativePrompt: 'blurry, low quality' });
          const errors = [...Value.Errors(ShotSchema, shot)].map((e) => `${e.path}: ${e.message}`);
          assert.deepEqual(errors, [], prompt);
          assert.equal(shot.end, duration);
          assert.deepEqual(shot.characters, []);
          for (const e of shot.effects) assert.ok(e.fade_in > 0 && e.end === duration, `${e.type} eases in`);
        }
      }
    }
  }
});

test('a realistic prompt: slow push-in and rain; the spoken line triggers nothing', () => {
  const { shot, notes } = shotFor("slow push-in, rain on the window, a low calm narrator says 'It was the last night of summer'", { cfgScale: 0.8 });
  assert.deepEqual(shot.camera.moves, ['push_in']);
  assert.equal(shot.camera.speed, 'slow');
  assert.deepEqual(shot.effects.map((e) => e.type), ['rain']);
  // audio words are the sound half's business
  assert.ok(!notes.some((n) => /narrator|calm|low/.test(n)), notes.join(' | '));
});

test('deterministic: the same input gives the same shot; another seed changes seeded choices', () => {
  const prompt = 'orbit around the tower, thunderstorm, lightning';
  assert.deepEqual(shotFor(prompt, { seed: 42 }), shotFor(prompt, { seed: 42 }));
  const flashes = new Set(Array.from({ length: 8 }, (_, seed) => JSON.stringify(shotFor(prompt, { seed }).shot.effects.find((e) => e.type === 'lightning')!.events)));
  assert.ok(flashes.size >= 6, `lightning times vary with the seed (${flashes.size} distinct)`);
});

test('unsupported actions are noted in plain sentences; camera and effect words are not actions', () => {
  const { notes } = shotFor('a woman dancing in the rain while a dog runs past; the car explodes and a bird flies away');
  assert.ok(notes.includes("'dancing' is not supported yet: no body animation"), notes.join(' | '));
  assert.ok(notes.some((n) => /^'runs' is not supported yet/.test(n)));
  assert.ok(notes.some((n) => /^'explodes' is not supported yet/.test(n)));
  assert.ok(notes.some((n) => /^'flies' is not supported yet/.test(n)));
  for (const prompt of ['running water under a bridge', 'drone fly-over of the hills', 'falling snow', 'not walking, just standing', 'a slow pan across the valley']) {
    const found = shotFor(prompt).notes.filter((n) => /not supported/.test(n));
    assert.deepEqual(found, [], prompt);
  }
  // audio words are not noted
  assert.deepEqual(shotFor('soft piano music and a narrator voice, birds chirping').notes.filter((n) => /not supported/.test(n)), []);
  // quoted speech is never an action
  assert.deepEqual(shotFor('he says "I could dance all night"').notes, []);
});
