import { test } from 'node:test';
import assert from 'node:assert/strict';
import { direct } from '../../../../src/engine/direct/index.js';
import { validatePlan } from '../../../../src/engine/plan-validate.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';

test('a plan handed back: subjects and their actions pass; an action that is not a row of the table is refused, naming where', () => {
  const plan = direct(makeInput({ prompt: 'the cat turns its head, then yawns' }), makeScene({}));
  assert.equal(plan.shots[0]!.subjects![0]!.actions.length, 2);
  const copy = JSON.parse(JSON.stringify(plan));
  assert.equal(validatePlan(copy), copy);
  const bad = JSON.parse(JSON.stringify(plan));
  bad.shots[0].subjects[0].actions[1].type = 'moonwalk';
  assert.throws(() => validatePlan(bad), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'PLAN_INVALID');
    assert.match(err.message, /\/shots\/0\/subjects\/0\/actions\/1\/type: 'moonwalk' is not an action \(one of smile, laugh/);
    return true;
  });
});
