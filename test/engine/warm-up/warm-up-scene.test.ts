/**
 * The engine's warm-up clip (src/engine/warm-up-scene.ts) runs the paths it is there to compile:
 * the director reads a face's, a head's and an arm's action and a spoken line (which the
 * soundtrack then speaks). If the director stopped reading its prompt so (a line dropped for want
 * of time, an arm not found in its pose), the warm-up would quietly warm less.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmUpClip } from '../../../src/engine/warm-up-scene.js';

test('the warm-up clip acts: a face, a head and an arm action and a line', () => {
  const { scene, plan } = warmUpClip();
  const character = plan.shots[0]!.characters[0];
  assert.ok(character, `a face character (notes: ${plan.notes.join('; ')})`);
  const actions = character.actions.map((a) => a.type);
  assert.ok(actions.includes('laugh') && actions.includes('nod') && actions.includes('raise_hand'), `a face's, a head's and an arm's action: ${actions}`);
  assert.deepEqual(character.speaks, [0], 'it says its line');
  assert.equal(scene.faces.length, 1);
  assert.ok(plan.audio.enabled && plan.audio.dialogue.length === 1, 'the soundtrack has the line to speak');
});
