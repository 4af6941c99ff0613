import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { VOICE_BY_ID } from '../../../../src/engine/sound/speech/voices.js';
import type { Face, Scene } from '../../../../src/engine/scene.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { faceCollage } from '../../../helpers/face-collage.js';
import { fixture } from '../../../helpers/fixtures.js';

let astronaut: Promise<Scene> | null = null;
let collage: Promise<Scene> | null = null;
const portrait = () => (astronaut ??= readFile(fixture('portrait-astronaut.png')).then(analyzed));
const twoFaces = () => (collage ??= faceCollage().then(analyzed));

test('every face becomes a blinking character; the woman speaks her line in a female voice', async () => {
  const scene = await portrait();
  assert.equal(scene.faces.length, 1);
  assert.equal(scene.faces[0]!.gender, 'female');
  const plan = direct(makeInput({ prompt: 'a portrait, she says "I have been waiting for you all day"' }), scene);
  const shot = plan.shots[0]!;
  assert.deepEqual(shot.characters.map((c) => ({ face: c.face, blink: c.blink, speaks: c.speaks })), [{ face: 0, blink: true, speaks: [0] }]);
  assert.equal(plan.audio.dialogue[0]!.face, 0);
  // unnamed voice, unstated gender ('someone says'): the face decides
  const unnamed = direct(makeInput({ prompt: 'someone says "Hello there, how are you"' }), scene);
  assert.equal(unnamed.audio.dialogue[0]!.face, 0);
  assert.equal(VOICE_BY_ID.get(unnamed.audio.dialogue[0]!.voice)!.gender, 'female');
  assert.deepEqual(unnamed.shots[0]!.characters[0]!.speaks, [0]);
});

test('face actions from the prompt are bound to the face they describe and laid out in order', async () => {
  const scene = await portrait();
  const plan = direct(makeInput({ prompt: 'the woman smiles, then she winks and nods; she raises her eyebrows. the man laughs' }), scene);
  const actions = plan.shots[0]!.characters[0]!.actions;
  assert.deepEqual(actions.map((a) => a.type), ['smile', 'wink', 'nod', 'raise_eyebrows']);
  // the one face is the woman's: the man the prompt also names is not in the picture, and the note says so
  assert.ok(plan.notes.some((n) => n.startsWith("'the man laughs': no person")), plan.notes.join(' | '));
  for (let i = 1; i < actions.length; i++) assert.ok(actions[i]!.start >= actions[i - 1]!.start, 'actions follow prompt order');
  for (const a of actions) assert.ok(a.end > a.start && a.end <= 5);
  assert.ok(!plan.notes.some((n) => /nod/.test(n)), `no 'not supported' note for a nod a face performs: ${plan.notes.join(' | ')}`);
  const talk = direct(makeInput({ prompt: 'she is talking and turns her head left' }), scene).shots[0]!.characters[0]!.actions;
  assert.deepEqual(talk.map((a) => a.type).sort(), ['talk', 'turn_left']);
  assert.equal(talk.find((a) => a.type === 'talk')!.end, 5);
  const none = direct(makeInput({ prompt: 'she does not smile' }), scene).shots[0]!.characters[0]!.actions;
  assert.deepEqual(none, []);
});

test('two faces: "the man says … the woman replies …" binds the lines to different faces', async () => {
  const scene = await twoFaces();
  assert.equal(scene.faces.length, 2);
  const plan = direct(makeInput({ prompt: 'the man says "Where have you been?" and the woman replies "Right here, all along."', duration: 5 }), scene);
  const lines = plan.audio.dialogue;
  assert.equal(lines.length, 2);
  assert.notEqual(lines[0]!.face, null);
  assert.notEqual(lines[1]!.face, null);
  assert.notEqual(lines[0]!.face, lines[1]!.face);
  assert.equal(VOICE_BY_ID.get(lines[0]!.voice)!.gender, 'male');
  assert.equal(VOICE_BY_ID.get(lines[1]!.voice)!.gender, 'female');
  const chars = plan.shots[0]!.characters;
  assert.equal(chars.length, 2);
  assert.deepEqual(chars.find((c) => c.face === lines[0]!.face)!.speaks, [0]);
  assert.deepEqual(chars.find((c) => c.face === lines[1]!.face)!.speaks, [1]);
});

test('two faces: a head turned to the other person turns their way, one to the camera keeps its own side', () => {
  // a man on the left, a woman on the right
  const face = (gender: Face['gender'], x: number): Face => ({ box: { x, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, age: 35, gender,
    landmarks: Array.from({ length: 68 }, (_, i) => [x + (i % 10) * 0.02, 0.2 + Math.floor(i / 10) * 0.04] as [number, number]) });
  const scene = makeScene({ faces: [face('male', 0.1), face('female', 0.6)], tags: ['portrait'] });
  const turns = (prompt: string) => direct(makeInput({ prompt }), scene).shots[0]!.characters.map((c) => c.actions.map((a) => a.type).join(','));
  assert.deepEqual(turns('the man turns to the woman'), ['turn_right', '']);
  assert.deepEqual(turns('she turns toward him and smiles'), ['', 'turn_left,smile']);
  assert.deepEqual(turns('they turn to each other'), ['turn_right', 'turn_left']);
  assert.deepEqual(turns('the man turns to the camera'), ['turn_head', '']);
});

test('an old face gets an old voice when the prompt does not say', async () => {
  const scene = await portrait();
  const old: Scene = { ...scene, faces: [{ ...scene.faces[0]!, age: 74, gender: 'male' }] };
  const plan = direct(makeInput({ prompt: 'he says "Those were the days"' }), old);
  assert.equal(VOICE_BY_ID.get(plan.audio.dialogue[0]!.voice)!.age, 'old');
  const child: Scene = { ...scene, faces: [{ ...scene.faces[0]!, age: 8, gender: 'female' }] };
  assert.equal(VOICE_BY_ID.get(direct(makeInput({ prompt: 'she says "Look at that"' }), child).audio.dialogue[0]!.voice)!.age, 'child');
  // the old man whispers: bound to the older of two faces
  const two: Scene = { ...scene, faces: [{ ...scene.faces[0]!, age: 30, gender: 'male' }, { ...scene.faces[0]!, age: 70, gender: 'male' }] };
  const whisper = direct(makeInput({ prompt: 'the old man whispers "Listen"' }), two).audio.dialogue[0]!;
  assert.equal(whisper.face, 1);
  assert.equal(whisper.style, 'whisper');
});

test('no face: the line is a voice-over with a note, no characters', async () => {
  const scene = await readFile(fixture('street-old-town.jpg')).then(analyzed);
  assert.equal(scene.faces.length, 0);
  const plan = direct(makeInput({ prompt: 'a woman says "Meet me by the fountain" and smiles' }), scene);
  assert.deepEqual(plan.shots[0]!.characters, []);
  assert.equal(plan.audio.dialogue[0]!.face, null);
  assert.ok(plan.notes.some((n) => /voice-over/.test(n) && /no face/.test(n)), plan.notes.join(' | '));
  assert.ok(plan.notes.some((n) => /'a woman smiles'.*no face/.test(n)), plan.notes.join(' | '));
});

test('"the subject" of a camera phrase names whatever the picture shows: no idle life for a launch pad; the cat (named, or found by analysis) is given it', async () => {
  // "orbit left around the subject" gave the launch pad's gantry a person's idle life (breathing,
  // a wandering head), and under the orbit the gantry's straight edge bowed by 0.8–1 px
  const pad = await analyzed(await readFile(fixture('night-launchpad.jpg')));
  for (const prompt of ['orbit left around the subject', 'orbit right around the subject', 'slow push in on the subjects']) {
    const plan = direct(makeInput({ prompt }), pad);
    assert.equal(plan.shots[0]!.subjects, undefined, `${prompt}: ${JSON.stringify(plan.shots[0]!.subjects)}`);
  }
  const cat = await analyzed(await readFile(fixture('cat-closeup.png')));
  // the cat is alive all the same: analysis found an animal in its picture (scene.animals)
  assert.deepEqual(direct(makeInput({ prompt: 'orbit left around the subject' }), cat).shots[0]!.subjects?.map((s) => ({ kind: s.kind, lively: s.idle > 0 })), [{ kind: 'animal', lively: true }]);
  const named = direct(makeInput({ prompt: 'orbit left around the cat' }), cat).shots[0]!.subjects;
  assert.deepEqual(named?.map((s) => ({ kind: s.kind, lively: s.idle > 0 })), [{ kind: 'animal', lively: true }]);
});
