/**
 * multi_prompt's cuts in the soundtrack (issue #15: "a whoosh … when asked"): a shot whose prompt
 * asks for a whoosh on the cut gets one that swells into the cut and peaks on it, at each cut it
 * follows; a one-shot clip asked the same keeps riding its camera's key changes (nothing lands on
 * a cut it does not have).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { direct } from '../../../src/engine/direct/index.js';
import { directShots } from '../../../src/engine/direct/multi-shot.js';
import { makeInput } from '../../helpers/direct-input.js';
import { makeScene } from '../../helpers/synthetic-scene.js';

const whooshes = (events: Array<{ type: string; t: number }>) => events.filter((e) => e.type === 'whoosh').map((e) => e.t);

test('a whoosh asked on the cut swells into each cut the shot follows', () => {
  const scene = makeScene();
  const plan = directShots(makeInput({ duration: 10 }), scene, [
    { prompt: 'wide shot, slow push in', duration: 3 },
    { prompt: 'close up, a whoosh on the cut', duration: 3 },
    { prompt: 'detail, whoosh transition', duration: 4 },
  ]);
  const at = whooshes(plan.audio.events);
  assert.deepEqual(at.map((t) => Math.round(t * 10) / 10), [2.7, 5.7], `whooshes at ${at}`);
  assert.ok(!plan.notes.some((n) => n.includes('no cuts')), plan.notes.join(' | '));
});

test('a one-shot clip asked for whooshes on cuts has none on a cut (it has none) and says so', () => {
  const plan = direct(makeInput({ prompt: 'static shot, whooshes on cuts', duration: 5 }), makeScene());
  assert.equal(whooshes(plan.audio.events).length, 1);
  assert.ok(plan.notes.some((n) => n.includes('no cuts')), plan.notes.join(' | '));
});
