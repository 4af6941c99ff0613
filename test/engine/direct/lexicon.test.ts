import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes, findMentions, mentionedIds, withoutQuotes } from '../../../src/engine/direct/lexicon.js';

const ENTRIES = [
  { id: 'push', phrases: ['push in'] },
  { id: 'pan', phrases: ['pan left'] },
  { id: 'truck', phrases: ['camera move left'] },
  { id: 'rain', phrases: ['rain', 'drizzle'] },
  { id: 'dolly_zoom', phrases: ['dolly zoom'] },
  { id: 'zoom', phrases: ['zoom'] },
  { id: 'eye', phrases: ["bird's eye"] },
];

const ids = (text: string) => findMentions(text, ENTRIES).map((m) => m.id);

test('hyphenated, spaced and joined forms match alike', () => {
  for (const t of ['push in', 'push-in', 'pushin', 'PUSH IN', 'push–in']) assert.deepEqual(ids(t), ['push'], t);
  assert.deepEqual(ids("a bird's-eye view"), ['eye']);
});

test('inflections on every word: -s, -es, -ing, -ed, dropped e, doubled consonant', () => {
  for (const t of ['the camera pushes in', 'pushing in', 'pushed in']) assert.deepEqual(ids(t), ['push'], t);
  for (const t of ['panning left', 'pans left', 'panned left']) assert.deepEqual(ids(t), ['pan'], t);
  for (const t of ['the camera moves left', 'camera moving left', 'camera moved left']) assert.deepEqual(ids(t), ['truck'], t);
  for (const t of ['rains', 'raining', 'rained', 'drizzling', 'drizzles']) assert.deepEqual(ids(t), ['rain'], t);
  // whole words only
  assert.deepEqual(ids('a terrain of brainy trains'), []);
  assert.deepEqual(ids('expanse left'), []);
});

test('the longest phrase wins where phrases overlap', () => {
  assert.deepEqual(ids('a dolly zoom'), ['dolly_zoom']);
  assert.deepEqual(ids('a zoom'), ['zoom']);
});

test('across: a sound\'s source and its verb may be parted by a place, an adverb or a verb of beginning, never by punctuation', () => {
  const SOUNDS = [{ id: 'phone_ring', phrases: ['phone rings'] }, { id: 'kettle_whistle', phrases: ['kettle whistles'] }, { id: 'gulls', phrases: ['gulls cry'] }];
  const heard = (text: string) => findMentions(text, SOUNDS, { across: true }).map((m) => m.id);
  assert.deepEqual(heard('the phone on the desk starts to ring'), ['phone_ring']);
  assert.deepEqual(heard('the phone on his old desk rings twice'), ['phone_ring']);
  assert.deepEqual(heard('a kettle begins to whistle'), ['kettle_whistle']);
  assert.deepEqual(heard('the kettle suddenly whistles'), ['kettle_whistle']);
  assert.deepEqual(heard('the kettle keeps whistling'), ['kettle_whistle']);
  assert.deepEqual(heard('gulls over the harbour cry'), ['gulls']);
  // the mention spans the source to the verb, so it is timed where the source is named
  assert.equal(findMentions('a kettle on the stove starts to whistle', SOUNDS, { across: true })[0]!.length, 'kettle on the stove starts to whistle'.length);
  assert.deepEqual(heard('the phone, the desk, the rings of coffee'), []);
  assert.deepEqual(heard('a phone on the table and a ring on her finger'), []);
  // without the option a phrase's words stand together, as the other tables need
  assert.deepEqual(findMentions('the phone on the desk rings', SOUNDS).map((m) => m.id), []);
});

test('negation: "no", "without", "don\'t" shortly before, within the clause', () => {
  const m = findMentions('slow push-in, no rain', ENTRIES);
  assert.deepEqual(m.map((x) => [x.id, x.negated]), [['push', false], ['rain', true]]);
  assert.equal(findMentions("don't pan left", ENTRIES)[0]!.negated, true);
  assert.equal(findMentions('no people, but rain', ENTRIES)[0]!.negated, false);
  assert.deepEqual([...mentionedIds('without rain, push in', ENTRIES)], ['push']);
});

test('quoted lines are found and blanked so they never trigger vocabulary', () => {
  const prompt = `a narrator says "the rain will push in" and she says 'don't pan left' — it's late`;
  assert.deepEqual(extractQuotes(prompt).map((q) => q.text), ['the rain will push in', "don't pan left"]);
  const blanked = withoutQuotes(prompt);
  assert.equal(blanked.length, prompt.length);
  assert.deepEqual(ids(blanked), []);
  assert.match(blanked, /it's late/);
});

test('words with accents or symbols still match, with a plural on the last word', () => {
  const entries = [{ id: 'cafe', phrases: ['café'] }, { id: 'bw', phrases: ['b&w'] }];
  assert.deepEqual(findMentions('two cafés and a b&w photo', entries).map((m) => m.id), ['cafe', 'bw']);
});
