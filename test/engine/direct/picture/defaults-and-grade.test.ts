import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { lastKey, scaleAt, shotFor } from './shot.js';

const travel = (prompt: string, options: Parameters<typeof shotFor>[1]) => {
  const k = lastKey(shotFor(prompt, options).shot);
  return Math.abs(k.pan) + Math.abs(k.tilt) + Math.abs(k.truck) + Math.abs(k.pedestal) + Math.abs(scaleAt(k, 0.5) - 1);
};

test('default camera follows the picture: portraits push in, landscapes truck, wide skies pan, flat pictures barely move', () => {
  const portrait = makeScene({ depth: 'subject', tags: ['portrait'] });
  const product = makeScene({ depth: 'subject', tags: ['product'] });
  const landscape = makeScene({ sky: 0.3, foliage: true, tags: ['landscape'] });
  const street = makeScene({ tags: ['street', 'outdoor'] });
  const sky = makeScene({ sky: 0.7, tags: ['outdoor'] });
  const flat = makeScene({ depth: 'flat' });
  const space = makeScene({ depth: 'gradient', tags: ['space'] });
  assert.deepEqual(shotFor('', { scene: portrait }).shot.camera.moves, ['push_in']);
  assert.deepEqual(shotFor('', { scene: product }).shot.camera.moves, ['push_in']);
  assert.match(shotFor('', { scene: landscape }).shot.camera.moves[0]!, /^truck_/);
  assert.match(shotFor('', { scene: street }).shot.camera.moves[0]!, /^truck_/);
  assert.match(shotFor('', { scene: sky }).shot.camera.moves[0]!, /^pan_/);
  for (const scene of [flat, space]) {
    const { shot } = shotFor('', { scene });
    assert.equal(shot.camera.speed, 'subtle');
    assert.ok(scaleAt(lastKey(shot), 0.5) < 1.05, 'near-static');
  }
  // a default push-in is gentle, and heads for the subject
  const k = lastKey(shotFor('', { scene: portrait }).shot);
  assert.ok(scaleAt(k, 0.85) > 1.03 && scaleAt(k, 0.85) < 1.2, `${scaleAt(k, 0.85)}`);
  // the side of a default truck or pan comes from the seed
  const sides = new Set(Array.from({ length: 12 }, (_, seed) => shotFor('', { scene: landscape, seed }).shot.camera.moves[0]));
  assert.deepEqual([...sides].sort(), ['truck_left', 'truck_right']);
});

test('default camera: low cfg moves more (image-led), high cfg barely (literal: nothing was asked)', () => {
  const scene = makeScene({ depth: 'subject', tags: ['portrait'] });
  const low = travel('', { scene, cfgScale: 0 }), mid = travel('', { scene, cfgScale: 0.5 }), high = travel('', { scene, cfgScale: 1 });
  assert.ok(low > mid && mid > high && high > 0, `${low} > ${mid} > ${high}`);
  assert.equal(shotFor('', { scene, cfgScale: 1 }).shot.camera.speed, 'subtle');
  // asked moves go the other way: cfg makes them stronger
  assert.ok(travel('pan left', { scene, cfgScale: 1 }) > travel('pan left', { scene, cfgScale: 0 }));
});

test('a rack focus or handheld alone keeps a steady path under it', () => {
  const { shot } = shotFor('rack focus');
  assert.deepEqual(shot.camera.moves, ['rack_focus']);
  assert.equal(lastKey(shot).pan + lastKey(shot).truck + lastKey(shot).dolly, 0);
});

test('grade: identity when nothing asks, looks from the prompt otherwise, always eased in', () => {
  const identity = shotFor('slow push in').shot.grade;
  assert.deepEqual({ ...identity, fade_in: 0 }, { exposure: 0, contrast: 1, saturation: 1, warmth: 0, vignette: 0, fade_in: 0 });
  assert.ok(identity.fade_in > 0);
  const g = (prompt: string, cfgScale = 0.5) => shotFor(prompt, { cfgScale }).shot.grade;
  assert.ok(g('warm tones').warmth > 0);
  assert.ok(g('golden hour').warmth > 0 && g('golden hour').vignette > 0);
  assert.ok(g('cold winter morning').warmth < 0);
  assert.ok(g('moody').exposure < 0 && g('moody').contrast > 1);
  assert.equal(g('film noir').saturation, 0);
  assert.equal(g('black and white').saturation, 0);
  assert.ok(g('vintage').saturation < 1 && g('vintage').vignette > 0);
  assert.ok(g('high contrast').contrast > 1.2);
  // subtle: nothing extreme
  for (const look of ['warm', 'golden hour', 'moody', 'vintage', 'high contrast']) {
    const grade = g(look, 1);
    assert.ok(Math.abs(grade.exposure) <= 0.5 && grade.contrast <= 1.5 && Math.abs(grade.warmth) <= 0.6 && grade.vignette <= 0.5, look);
  }
  // cfg strengthens a look; an already-warm picture is pushed less
  assert.ok(g('warm', 1).warmth > g('warm', 0).warmth);
  const warmScene = makeScene({ stats: { warmth: 0.5 } });
  assert.ok(shotFor('warm', { scene: warmScene }).shot.grade.warmth < g('warm').warmth);
});

test('a locked-off camera with a rack focus keeps both', () => {
  const { shot, notes } = shotFor('static shot, rack focus to the background');
  assert.deepEqual(shot.camera.moves, ['static', 'rack_focus']);
  assert.ok(shot.camera.keys.some((k) => k.aperture > 0));
  assert.deepEqual(notes, []);
});
