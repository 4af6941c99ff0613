/**
 * Prompts in Chinese, as Kling users often write them: the director reads their words through
 * English (the actions, camera moves, weather and sounds its tables know), says how it read them,
 * and names what it could not read instead of dropping it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { direct } from '../../../src/engine/direct/index.js';
import { englishPrompt } from '../../../src/engine/direct/english-prompt.js';
import type { Face } from '../../../src/engine/scene.js';
import { makeInput } from '../../helpers/direct-input.js';
import { makeScene } from '../../helpers/synthetic-scene.js';

const face = (gender: Face['gender']): Face => ({
  box: { x: 0.4, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, age: 35, gender,
  landmarks: Array.from({ length: 68 }, (_, i) => [0.4 + (i % 10) * 0.02, 0.2 + Math.floor(i / 10) * 0.04] as [number, number]),
});
const woman = makeScene({ faces: [face('female')], tags: ['portrait'] });

test('Chinese words become clauses the reader knows; quoted lines stay as written; English is untouched', () => {
  assert.equal(englishPrompt('男人转头看向镜头，微笑').text, 'the man turns head and looks at the camera, smiles');
  assert.equal(englishPrompt('女孩眨眼，然后挥手').text, 'the girl blinks, then waves');
  // the lights going out, a finger snap, a radio playing
  assert.equal(englishPrompt('他打了个响指，然后灯突然灭了').text, 'he snaps fingers, then the lights suddenly go out');
  assert.equal(englishPrompt('收音机里播放着爵士乐').text, 'a radio plays jazz');
  assert.equal(englishPrompt('她说“你好，欢迎回来”然后点头').text, 'she says “你好，欢迎回来”, then nods');
  const english = 'slow push-in, rain on the window, a narrator says "It was the last night of summer"';
  assert.deepEqual(englishPrompt(english), { text: english, unread: [] });
  // words no table knows, in any script, are returned as unread
  assert.deepEqual(englishPrompt('女孩在图书馆里微笑').unread, ['在图书馆']);
  assert.deepEqual(englishPrompt('Девушка улыбается and waves').unread, ['Девушка улыбается']);
});

test('a Chinese prompt is performed as its English would be, and the plan says how it was read and what was not', () => {
  const plan = direct(makeInput({ prompt: '镜头缓缓推进，女孩在窗边微笑，然后点头，窗外下着大雨，低沉的钢琴音乐，她身后有一幅油画' }), woman);
  const shot = plan.shots[0]!;
  assert.ok(shot.camera.moves.includes('push_in'), `${shot.camera.moves}`);
  assert.deepEqual(shot.characters[0]!.actions.map((a) => a.type), ['smile', 'nod']);
  assert.ok(shot.effects.some((e) => e.type === 'rain' && e.intensity >= 0.8), JSON.stringify(shot.effects));
  assert.ok(plan.audio.beds.some((b) => b.type === 'rain'));
  assert.equal(plan.audio.music?.style, 'piano');
  assert.ok(plan.notes.some((n) => n.startsWith('the prompt was read as: "slowly push in, the girl by the window smiles, then nods')), plan.notes.join(' | '));
  // "she has an oil painting behind her": not in the tables, so named as not read
  assert.ok(plan.notes.some((n) => n.includes("'身后有一幅油画': not read")), plan.notes.join(' | '));
  // an English prompt gets neither note
  const english = direct(makeInput({ prompt: 'the girl smiles and nods' }), woman);
  assert.ok(!english.notes.some((n) => n.includes('read as') || n.includes('not read')), english.notes.join(' | '));
});

test('a Chinese negative prompt removes what it names', () => {
  const plan = direct(makeInput({ prompt: 'rain on the window, soft piano music', negativePrompt: '音乐' }), woman);
  assert.equal(plan.audio.music, null);
  assert.ok(plan.notes.some((n) => n === 'the negative prompt was read as: "music"'), plan.notes.join(' | '));
});

test('a line written without quotes is spoken: after a label or a speech verb and a colon, or a greeting after a speech verb', () => {
  const lines = (prompt: string) => direct(makeInput({ prompt }), woman).audio.dialogue.map((d) => d.text);
  assert.deepEqual(lines('Narrator: It was the last night of summer. Slow push in.'), ['It was the last night of summer.']);
  assert.deepEqual(lines('[Dialogue: Hello there, my friend] [Camera: push in]'), ['Hello there, my friend']);
  assert.deepEqual(lines('the narrator says: welcome to the show'), ['welcome to the show']);
  assert.deepEqual(lines('she smiles and says hello to the camera'), ['hello']);
  // quoted lines and labels of other sections are left as they are
  assert.deepEqual(lines('she says: "already quoted"'), ['already quoted']);
  assert.deepEqual(lines('Camera: slow push in. Sound: rain on the window'), []);
  // an indirect one is not made up: her lips move and the note says no words are heard
  const indirect = direct(makeInput({ prompt: 'she says that she loves him' }), woman);
  assert.deepEqual(indirect.audio.dialogue, []);
  assert.ok(indirect.shots[0]!.characters[0]!.actions.some((a) => a.type === 'talk'));
  assert.ok(indirect.notes.some((n) => n.includes("'she says that she loves him': no words are quoted")), indirect.notes.join(' | '));
});
