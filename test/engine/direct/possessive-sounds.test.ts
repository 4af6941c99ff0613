import { test } from 'node:test';
import assert from 'node:assert/strict';
import { possessiveSounds } from '../../../src/engine/direct/possessive-sounds.js';

test('a sound named as its maker\'s noun is read as the maker\'s verb, where the maker can make it', () => {
  const read: Array<[string, string]> = [
    // (a verb after the sound noun is the maker's next clause: "…, echoes", not one run-on verb)
    ["the dog's bark echoes", 'the dog barks, echoes'],
    ['the roar of the engine fills the street', 'the engine roars, fills the street'],
    ["a dog's bark in the distance", 'a dog barks in the distance'],
    ["the dogs' barking", 'the dogs barking'],
    ["a squirrel's chatter", 'a squirrel chatters'],
    ["Max's bark", 'Max barks'],
    ["the baby's cry", 'the baby cries'],
    ["the kettle's whistle", 'the kettle whistles'],
    ['the roar of the engine', 'the engine roars'],
    ['the crash of waves', 'waves crash'],
    ['the hoot of an owl', 'an owl hoots'],
    ['the ring of the phone', 'the phone rings'],
  ];
  for (const [prompt, expected] of read) assert.equal(possessiveSounds(prompt), expected, prompt);
  // a thing a maker has, a maker that cannot make the sound, a shape, a quoted line: as written
  for (const prompt of ["the tree's bark", "the bride's ring", "the man's bark", 'the ring of fire', 'a ring of light', 'the call of the ocean', 'a glass of water', 'she says "the dog\'s bark"']) {
    assert.equal(possessiveSounds(prompt), prompt, prompt);
  }
});
