/**
 * camera_control through the HTTP API: Kling's shape is validated with a message naming the rule
 * (exactly one non-zero axis, each in [-10, 10], or a preset), and a valid one becomes the plan's
 * camera in place of the prompt's camera words.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api, MODEL_PATH, startTestService, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';

let svc: TestService;
before(async () => { svc = await startTestService({ MOVIOLA_WORKERS: '1' }); });
after(async () => { await svc.close(); });

const image = readFileSync(fixture('cat-closeup.png')).toString('base64');
const submit = (camera_control: unknown, over: Record<string, unknown> = {}) =>
  api(svc.url, svc.key, 'POST', MODEL_PATH, { prompt: 'slow push-in on the cat', image, seed: 5, sound: false, camera_control, ...over });

test('camera_control that breaks Kling\'s rules is a 400 naming the rule', async () => {
  const rule = /^camera_control: must be \{"type": "simple", "config": \{…\}\} with exactly one non-zero value among horizontal, vertical, pan, tilt, roll, zoom \(each -10 to 10\), or \{"type": "down_back" \| "forward_up" \| "right_turn_forward" \| "left_turn_forward"\} \(got /;
  for (const bad of [
    { type: 'simple', config: { pan: 3, tilt: 2 } },
    { type: 'simple', config: { zoom: 11 } },
    { type: 'simple', config: {} },
    { type: 'simple', config: { spin: 2 } },
    { type: 'sideways' },
    'forward_up',
  ]) {
    const r = await submit(bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
    assert.match(r.body.message, rule, JSON.stringify(bad));
  }
});

test('a valid camera_control is the plan\'s camera, in place of the prompt\'s camera words', { timeout: 300_000 }, async () => {
  const r = await submit({ type: 'simple', config: { horizontal: -7 } }, { enable_sync_mode: true });
  assert.equal(r.status, 200, r.body.message);
  assert.equal(r.body.data.status, 'completed', r.body.data.error);
  const plan = r.body.data.plan as { shots: Array<{ camera: { moves: string[] } }>; notes: string[] };
  assert.deepEqual(plan.shots[0]!.camera.moves, ['truck_left']);
  assert.ok(plan.notes.some((n) => n.includes('camera_control replaces')), plan.notes.join(' | '));
  assert.deepEqual(r.body.data.input.camera_control, { type: 'simple', config: { horizontal: -7 } });
});
