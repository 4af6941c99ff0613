/**
 * "then" orders events in time: the prompt's steps (sequence-steps.ts) and the plan's timing
 * (order-steps.ts). For each prompt, the event of the later step starts after the event of the
 * earlier step has ended — actions, spoken lines and sound effects alike — and a prompt without
 * sequence words is planned as before. On rendered, AAC-decoded sound: after "then" the voice is
 * heard only once the bark has died away (with "and" they overlap).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { direct } from '../../../src/engine/direct/index.js';
import { promptSteps } from '../../../src/engine/direct/sequence-steps.js';
import type { ShotPlan } from '../../../src/engine/plan.js';
import { renderSound } from '../../../src/engine/sound/index.js';
import { SOUNDS } from '../../../src/engine/sound/sounds/table.js';
import type { Face } from '../../../src/engine/scene.js';
import { channel, toAac, writeWavFile } from '../../helpers/audio.js';
import { decodeAudio } from '../../helpers/decode-video.js';
import { makeInput } from '../../helpers/direct-input.js';
import { levelEnvelope } from '../../helpers/sound-measures.js';
import { makeScene } from '../../helpers/synthetic-scene.js';

const face = (gender: Face['gender'], x: number): Face => ({
  box: { x, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, age: 35, gender,
  landmarks: Array.from({ length: 68 }, (_, i) => [x + (i % 10) * 0.02, 0.2 + Math.floor(i / 10) * 0.04] as [number, number]),
});
const MAN = makeScene({ faces: [face('male', 0.4)], tags: ['portrait'] });

/** The step of each word: "the dog barks, then …" → barks 0, then 1. */
const ranks = (prompt: string, words: string[]) => { const s = promptSteps(prompt); return words.map((w) => s.rankAt(prompt.toLowerCase().indexOf(w.toLowerCase()))); };

test('sequence words cut a prompt into steps in the order they happen', () => {
  assert.deepEqual(ranks('the dog barks, then the man says "hello"', ['barks', 'hello']), [0, 1]);
  assert.deepEqual(ranks('he nods, and then he smiles, and finally he waves', ['nods', 'smiles', 'waves']), [0, 1, 2]);
  assert.deepEqual(ranks('he nods. After that he smiles; afterwards he laughs', ['nods', 'smiles', 'laughs']), [0, 1, 2]);
  assert.deepEqual(ranks('he nods before he smiles', ['nods', 'smiles']), [0, 1]);
  assert.deepEqual(ranks('she smiles after he waves', ['smiles', 'waves']), [1, 0]);
  const [leaves, nods, smiles] = ranks('Before he leaves, he nods. Then he smiles.', ['leaves', 'nods', 'smiles']);
  assert.ok(nods! < leaves! && leaves! < smiles!, `nods ${nods} < leaves ${leaves} < smiles ${smiles}`);
  assert.deepEqual(ranks('After he nods, he smiles', ['nods', 'smiles']), [0, 1]);
  // no order: a time, a spoken "then", "now and then", no sequence word at all
  for (const p of ['a door slams after 2 seconds', 'she says "and then we left"', 'every now and then he nods', 'he nods and smiles']) assert.equal(promptSteps(p).count, 1, p);
});

type Event = { start: number; end: number };
/** An event of the plan: 'action:<id>', 'line' (the first), 'sound:<id>' (its sound table length). */
function eventOf(plan: ShotPlan, what: string): Event {
  const [kind, id] = what.split(':');
  if (kind === 'line') { const l = plan.audio.dialogue[0]!; return { start: l.start, end: l.end }; }
  if (kind === 'sound') { const e = plan.audio.events.find((x) => x.type === id)!; return { start: e.t, end: e.t + (typeof e.params.length === 'number' ? e.params.length : SOUNDS.get(e.type)!.length) }; }
  const a = [...plan.shots[0]!.characters.flatMap((c) => c.actions), ...(plan.shots[0]!.subjects ?? []).flatMap((s) => s.actions)].find((x) => x.type === id)!;
  return { start: a.start, end: a.end };
}

const ORDERED: Array<{ prompt: string; first: string; then: string }> = [
  { prompt: 'the dog barks, then the man says "hello"', first: 'sound:dog_bark', then: 'line' },
  { prompt: 'he nods, then smiles', first: 'action:nod', then: 'action:smile' },
  { prompt: 'he smiles after he nods', first: 'action:nod', then: 'action:smile' },
  { prompt: 'he says "good morning", then he laughs', first: 'line', then: 'action:laugh' },
  { prompt: 'he shakes his head, after that the dog barks', first: 'action:shake_head', then: 'sound:dog_bark' },
  { prompt: 'a doorbell rings, then he turns his head to the left', first: 'sound:doorbell', then: 'action:turn_left' },
  { prompt: 'he talks, then nods', first: 'action:talk', then: 'action:nod' },
  { prompt: 'Before he says "bye", he winks.', first: 'action:wink', then: 'line' },
];

test('an event of a later step starts after the event of the earlier step has ended', () => {
  for (const row of ORDERED) {
    const plan = direct(makeInput({ prompt: row.prompt, duration: 5 }), MAN);
    const a = eventOf(plan, row.first), b = eventOf(plan, row.then);
    assert.ok(b.start >= a.end, `${row.prompt}: ${row.then} at ${b.start}–${b.end} starts after ${row.first} at ${a.start}–${a.end} (notes: ${plan.notes.join(' | ')})`);
    assert.ok(b.start < 5 && a.start >= 0, row.prompt);
  }
});

test('timed sections ("0-2s: …", "2 to 4 seconds: …") start at their second; the action before ends there', () => {
  const plan = direct(makeInput({ prompt: '0-2s: he looks at the camera. 2-4s: he smiles. 4-5s: he nods.', duration: 5 }), MAN);
  const actions = plan.shots[0]!.characters[0]!.actions;
  const smile = actions.find((a) => a.type === 'smile')!, nod = actions.find((a) => a.type === 'nod')!;
  assert.equal(smile.start, 2, JSON.stringify(actions));
  assert.ok(smile.end <= 4 && nod.start === 4, JSON.stringify(actions));
  const later = direct(makeInput({ prompt: 'he blinks. At 3 seconds: he laughs', duration: 5 }), MAN).shots[0]!.characters[0]!.actions;
  assert.equal(later.find((a) => a.type === 'laugh')!.start, 3, JSON.stringify(later));
  const [nods, smiles] = ranks('0-2s: he nods. 2 to 4 s: he smiles', ['nods', 'smiles']);
  assert.ok(smiles! > nods!, `${nods} then ${smiles}`);
});

test('steps that take longer than the clip play their actions faster (and say so) rather than drop the last ones', () => {
  const plan = direct(makeInput({ prompt: 'he looks up, then down, then turns his head to the left', duration: 5 }), MAN);
  const actions = plan.shots[0]!.characters[0]!.actions;
  assert.deepEqual(actions.map((a) => a.type), ['look_up', 'look_down', 'turn_left'], `${JSON.stringify(actions)} | ${plan.notes.join(' | ')}`);
  // each in order, all within the clip, none cut short by its end
  for (let k = 1; k < actions.length; k++) assert.ok(actions[k]!.start >= actions[k - 1]!.end, JSON.stringify(actions));
  const lengths = actions.map((a) => a.end - a.start);
  assert.ok(Math.max(...lengths) - Math.min(...lengths) < 0.01 && lengths[0]! < 2, JSON.stringify(actions));
  assert.ok(plan.notes.some((n) => /faster/.test(n) && /5 s/.test(n)), plan.notes.join(' | '));
  assert.ok(!plan.notes.some((n) => /dropped/.test(n)), plan.notes.join(' | '));
  // what fits as it is plays at its own pace, with no note
  const fits = direct(makeInput({ prompt: 'he looks up, then nods', duration: 5 }), MAN);
  assert.equal(eventOf(fits, 'action:look_up').end - eventOf(fits, 'action:look_up').start, 2);
  assert.ok(!fits.notes.some((n) => /faster/.test(n)), fits.notes.join(' | '));
});

test('a mouthed line is talked for as long as it takes to say, so the next step follows it', () => {
  const woman = makeScene({ faces: [face('female', 0.4)], tags: ['portrait'] });
  const short = direct(makeInput({ prompt: 'she mouths "thank you", then smiles', duration: 5 }), woman);
  const talk = eventOf(short, 'action:talk'), smile = eventOf(short, 'action:smile');
  assert.ok(talk.end - talk.start >= 0.8 && talk.end - talk.start < 2, JSON.stringify(short.shots[0]!.characters[0]!.actions));
  assert.ok(smile.start >= talk.end && smile.start < 2.5, JSON.stringify(short.shots[0]!.characters[0]!.actions));
  assert.equal(short.audio.dialogue.length, 0);
  // with no step after it, the talk still ends with the line, not with the clip
  const alone = eventOf(direct(makeInput({ prompt: 'she mouths "thank you"', duration: 5 }), woman), 'action:talk');
  assert.ok(alone.end - alone.start === talk.end - talk.start && alone.end < 2.5, `${alone.start}–${alone.end}`);
  // a longer line is mouthed for longer; a talk with no line of its own still lasts the clip
  const long = eventOf(direct(makeInput({ prompt: 'she mouths "I will always remember the summer we spent by the sea"', duration: 10 }), woman), 'action:talk');
  assert.ok(long.end - long.start > talk.end - talk.start + 1.5 && long.end < 8, `${long.start}–${long.end}`);
  const open = eventOf(direct(makeInput({ prompt: 'she talks to the camera', duration: 5 }), woman), 'action:talk');
  assert.equal(open.end, 5);
});

test('without sequence words a bark and a line may overlap as before; with "then" the sound of a laugh starts with the laugh', () => {
  const together = direct(makeInput({ prompt: 'the dog barks and the man says "hello"' }), MAN);
  assert.equal(together.audio.dialogue[0]!.start, 0.4);
  const laugh = direct(makeInput({ prompt: 'he nods, then laughs' }), MAN);
  assert.equal(laugh.audio.events.find((e) => e.type === 'laughter')!.t, eventOf(laugh, 'action:laugh').start);
});

/** The times (s) a source is heard, on its own, AAC-decoded: first and last 10 ms above a thirtieth of its peak level (−30 dB). */
async function heardSpan(plan: ShotPlan, keep: 'events' | 'dialogue'): Promise<{ from: number; to: number }> {
  const audio = { ...plan.audio, beds: [], music: null, events: keep === 'events' ? plan.audio.events : [], dialogue: keep === 'dialogue' ? plan.audio.dialogue : [] };
  const { samples } = await renderSound({ ...plan, audio }, MAN);
  const env = levelEnvelope(channel(await decodeAudio(await toAac(await writeWavFile(samples, 2))), 'mono'));
  const floor = Math.max(...env) / 31.6;
  const loud = [...env.keys()].filter((i) => env[i]! > floor);
  return { from: loud[0]! * 0.01, to: (loud[loud.length - 1]! + 1) * 0.01 };
}

test('heard: after "the dog barks, then …" the line starts once the bark has died away; with "and" they overlap', { timeout: 60_000 }, async () => {
  for (const [word, ordered] of [['then', true], ['and', false]] as const) {
    const plan = direct(makeInput({ prompt: `the dog barks, ${word} the man says "hello there"`, duration: 4 }), MAN);
    const bark = await heardSpan(plan, 'events'), voice = await heardSpan(plan, 'dialogue');
    const msg = `${word}: bark heard ${bark.from.toFixed(2)}–${bark.to.toFixed(2)} s, voice from ${voice.from.toFixed(2)} s`;
    assert.ok(ordered ? voice.from >= bark.to : voice.from < bark.to, msg);
  }
});

test('the lights go out in their step and in the prompt\'s order within it: after what the prompt asks first, before what it asks next; a person\'s verb that puts them out is performed by the picture and says so', () => {
  const plan = direct(makeInput({ prompt: "he says 'Goodnight, everyone.', then the lights go out, then he gasps" }), MAN);
  const line = plan.audio.dialogue[0]!, out = plan.shots[0]!.effects.find((e) => e.type === 'lights_out');
  const gasp = plan.audio.events.find((e) => e.type === 'gasp');
  assert.ok(out && gasp, `planned: ${plan.shots[0]!.effects.map((e) => e.type)}; ${plan.audio.events.map((e) => e.type)}`);
  assert.ok(out.events[0]! >= line.end && gasp.t > out.events[0]!, `line ends ${line.end}, lights out at ${out.events[0]}, gasp at ${gasp.t}`);
  // with "and", the prompt's order within the step: the lights go out after the snap, the scream after the lights
  const snap = direct(makeInput({ prompt: 'he snaps his fingers and the lights go out' }), MAN);
  const snapAt = snap.audio.events.find((e) => e.type === 'finger_snap')!.t, outAt = snap.shots[0]!.effects.find((e) => e.type === 'lights_out')!.events[0]!;
  assert.ok(outAt > snapAt && outAt - snapAt < 0.5, `snap at ${snapAt}, lights out at ${outAt}`);
  const scream = direct(makeInput({ prompt: 'the lights go out and a woman screams' }), MAN);
  const darkAt = scream.shots[0]!.effects.find((e) => e.type === 'lights_out')!.events[0]!, screamAt = scream.audio.events.find((e) => e.type === 'scream')!.t;
  assert.ok(screamAt > darkAt, `lights out at ${darkAt}, scream at ${screamAt}`);
  const lamp = direct(makeInput({ prompt: 'the man turns off the lamp' }), MAN);
  assert.ok(lamp.shots[0]!.effects.some((e) => e.type === 'lights_out'), 'turning off the lamp puts the lights out');
  assert.ok(lamp.notes.some((n) => n.includes('the man turns off the lamp') && n.includes('the lights go out')), lamp.notes.join(' | '));
});
