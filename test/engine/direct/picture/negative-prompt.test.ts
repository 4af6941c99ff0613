import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { lastKey, shotFor } from './shot.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { makeInput } from '../../../helpers/direct-input.js';

const portrait = () => makeScene({ depth: 'subject', tags: ['portrait'] });

test('negative_prompt removes the effects it names, even when the prompt asks for them', () => {
  const { shot, notes } = shotFor('heavy rain and thick fog, snow', { negativePrompt: 'rain, fog', cfgScale: 1 });
  assert.deepEqual(shot.effects.map((e) => e.type), ['snow']);
  assert.ok(notes.some((n) => /'heavy rain'|'rain'/.test(n) && /negative_prompt/.test(n)), notes.join(' | '));
  // and image-implied ones too
  const implied = shotFor('', { cfgScale: 0, negativePrompt: 'clouds, ripples' }).shot.effects.map((e) => e.type);
  assert.deepEqual(implied, ['foliage_sway']);
});

test('negative_prompt "camera shake" removes handheld shake', () => {
  const { shot, notes } = shotFor('handheld documentary shot, slow push in', { negativePrompt: 'camera shake' });
  assert.equal(shot.camera.shake.amplitude, 0);
  assert.ok(!shot.camera.moves.includes('handheld'));
  assert.ok(shot.camera.moves.includes('push_in'));
  assert.ok(notes.some((n) => /handheld/.test(n) && /negative_prompt/.test(n)), notes.join(' | '));
  assert.equal(shotFor('shaky cam', { negativePrompt: 'shaky' }).shot.camera.shake.amplitude, 0);
});

test('negative_prompt about camera movement in general makes the camera static', () => {
  for (const negativePrompt of ['camera movement', 'camera motion', 'moving camera', 'motion']) {
    for (const prompt of ['', 'slow pan left', 'drone shot over the hills']) {
      const { shot } = shotFor(prompt, { negativePrompt });
      assert.deepEqual(shot.camera.moves, ['static'], `${negativePrompt} / ${prompt}`);
      for (const k of shot.camera.keys) assert.ok(k.zoom === 1 && k.pan === 0 && k.truck === 0 && k.dolly === 0 && k.tilt === 0 && k.pedestal === 0);
    }
  }
  // the prompt saying so works too
  assert.deepEqual(shotFor('no camera movement, rain').shot.camera.moves, ['static']);
});

test('negative_prompt "zoom" removes push-ins and zooms; the default camera avoids them too', () => {
  assert.ok(!shotFor('slow zoom in', { negativePrompt: 'zoom' }).shot.camera.moves.includes('push_in'));
  assert.ok(!shotFor('dolly zoom', { negativePrompt: 'zoom' }).shot.camera.moves.includes('dolly_zoom'));
  // a portrait would get a push-in by default
  assert.deepEqual(shotFor('', { scene: portrait() }).shot.camera.moves, ['push_in']);
  const noZoom = shotFor('', { scene: portrait(), negativePrompt: 'zoom' }).shot;
  assert.ok(!noZoom.camera.moves.includes('push_in'));
  assert.equal(lastKey(noZoom).zoom, 1);
});

test('negative_prompt "flicker" and "blur" switch those off', () => {
  const flicker = shotFor('neon signs and candlelight by the fire', { negativePrompt: 'flicker', cfgScale: 1 }).shot;
  assert.deepEqual(flicker.effects.map((e) => e.type), ['fire_glow']);
  assert.equal(flicker.effects[0]!.params.flicker, 0);
  const blur = shotFor('whip pan left, rack focus', { negativePrompt: 'blur' }).shot.camera;
  assert.equal(blur.motion_blur, 0);
  assert.ok(!blur.moves.includes('rack_focus'));
  assert.ok(blur.keys.every((k) => k.aperture === 0));
  assert.ok(shotFor('rack focus', { negativePrompt: 'motion blur' }).shot.camera.keys.every((k) => k.aperture === 0));
});

test('negative_prompt: junk words are ignored with one short note; unknown items are noted one by one', () => {
  const { notes } = shotFor('slow push in', { negativePrompt: 'blurry, low quality, worst quality, watermark, text, deformed, jpeg artifacts, blurry faces, extra people' });
  const junk = notes.filter((n) => /generic quality terms/.test(n));
  assert.equal(junk.length, 1);
  assert.match(junk[0]!, /blurry, low quality, worst quality, watermark, text, deformed, jpeg artifacts/);
  assert.ok(notes.includes('negative_prompt: "blurry faces" — not understood, ignored'), notes.join(' | '));
  assert.ok(notes.includes('negative_prompt: "extra people" — not understood, ignored'), notes.join(' | '));
  // audio words belong to the sound half: not noted here
  const audio = shotFor('', { negativePrompt: 'music, voices, background noise of traffic' }).notes;
  assert.ok(!audio.some((n) => /music|voices/.test(n)), audio.join(' | '));
});

test('prompt negations remove moves and effects ("no zoom", "without rain")', () => {
  const { shot } = shotFor('a portrait, no zoom, without rain', { scene: portrait(), cfgScale: 1 });
  assert.ok(!shot.camera.moves.includes('push_in'));
  assert.deepEqual(shot.effects, []);
  assert.ok(!shotFor('pan right, no handheld shake').shot.camera.moves.includes('handheld'));
  assert.equal(shotFor('pan right, no handheld shake').shot.camera.shake.amplitude, 0);
});

test('looks in negative_prompt are left out of the grade', () => {
  assert.equal(shotFor('black and white film noir').shot.grade.saturation, 0);
  assert.equal(shotFor('black and white film noir', { negativePrompt: 'black and white, noir' }).shot.grade.saturation, 1);
});

test('negative_prompt about a sound ("rain sounds") removes what is heard, not what is seen; the picture keeps its own air', () => {
  const plan = direct(makeInput({ prompt: 'slow push in, rain outside', negativePrompt: 'rain sounds' }), makeScene({ tags: ['outdoor', 'sky', 'portrait'] }));
  assert.ok(plan.shots[0]!.effects.some((e) => e.type === 'rain'), 'the rain still falls');
  assert.ok(!plan.audio.beds.some((b) => b.type === 'rain'), 'its sound is gone');
  assert.ok(plan.audio.beds.some((b) => b.type === 'wind'), 'the outdoor air is heard instead of silence');
  assert.ok(!plan.notes.some((n) => /silent/.test(n)), plan.notes.join(' | '));
  // the item without a sound word still removes the effect
  assert.ok(!direct(makeInput({ prompt: 'rain outside', negativePrompt: 'rain' }), makeScene({ tags: ['outdoor'] })).shots[0]!.effects.some((e) => e.type === 'rain'));
});
