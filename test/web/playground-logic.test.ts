/**
 * The Playground's pure logic in Node: the image rules it checks before sending, the widgets it
 * builds from the API's real model schema (so a new parameter gets a widget with no UI code), how
 * an API message is routed to its field, and how an SSE event becomes a progress update.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import { MODELS } from '../../src/api/models/index.js';
import { imageRuleBroken } from '../../web/src/image-rules.js';
import { kindOf, literalsOf } from '../../web/src/schema-form.js';
import { fieldOf } from '../../web/src/api.js';
import { updateFrom } from '../../web/src/events.js';
import type { JsonSchema } from '../../web/src/types.js';

test('image rules: type, size, each side ≥ 300 px, aspect 1:2.5 – 2.5:1, each named', () => {
  const ok = { type: 'image/png', bytes: 1000, width: 800, height: 600 };
  assert.equal(imageRuleBroken(ok), null);
  assert.match(imageRuleBroken({ ...ok, type: 'image/gif' })!, /JPEG, PNG or WebP; this is image\/gif/);
  assert.match(imageRuleBroken({ ...ok, bytes: 11 * 1024 * 1024 })!, /at most 10 MB; this one is 11\.0 MB/);
  assert.match(imageRuleBroken({ ...ok, width: 200, height: 200 })!, /at least 300 px; this image is 200 × 200 px/);
  assert.match(imageRuleBroken({ ...ok, width: 300, height: 299 })!, /at least 300 px/);
  assert.match(imageRuleBroken({ ...ok, width: 1000, height: 300 })!, /aspect ratio must be between 1:2\.5 and 2\.5:1.*3\.33:1/);
  assert.equal(imageRuleBroken({ ...ok, width: 750, height: 300 }), null, '2.5:1 exactly passes');
  assert.equal(imageRuleBroken({ ...ok, width: 300, height: 750 }), null, '1:2.5 exactly passes');
  assert.equal(imageRuleBroken({ type: '', bytes: null, width: 640, height: 480 }), null, 'a URL: type and size unknown');
});

test('the form is built from the real model schema: each field gets the widget its schema implies', () => {
  for (const model of MODELS) {
    const schema = JSON.parse(JSON.stringify(model.schema)) as JsonSchema;
    const kinds = Object.fromEntries(Object.entries(schema.properties!).map(([name, s]) => [name, kindOf(s, name)]));
    assert.deepEqual(kinds, {
      image: 'line', last_image: 'image', prompt: 'text', negative_prompt: 'text', cfg_scale: 'slider', sound: 'switch', duration: 'choice',
      voice_list: 'list', seed: 'integer', enable_sync_mode: 'switch', webhook_url: 'line', external_task_id: 'line',
      enable_base64_output: 'switch', webhook_events_filter: 'list', camera_control: 'json', aspect_ratio: 'choice',
      multi_shot: 'switch', shot_type: 'choice', multi_prompt: 'json',
    }, model.id);
    assert.deepEqual(literalsOf(schema.properties!.duration!), [5, 10], '"5" and 5 are one choice');
  }
});

test('a parameter the API gains gets a widget with no UI code', () => {
  const added = JSON.parse(JSON.stringify(Type.Object({
    aspect: Type.Union([Type.Literal('16:9'), Type.Literal('9:16')]),
    motion_amount: Type.Number({ minimum: 0, maximum: 2 }),
    loop: Type.Boolean(),
    style_notes: Type.String({ maxLength: 1000 }),
    tags: Type.Array(Type.String()),
  }))) as JsonSchema;
  const kinds = Object.entries(added.properties!).map(([name, s]) => kindOf(s, name));
  assert.deepEqual(kinds, ['choice', 'slider', 'switch', 'text', 'list']);
});

test('an API message is shown at the field it names', () => {
  assert.equal(fieldOf('prompt: must be a non-empty text of at most 2500 characters (got "   ")'), 'prompt');
  assert.equal(fieldOf('cfg_scale: must be a number from 0 to 1 (got 3)'), 'cfg_scale');
  assert.equal(fieldOf('authorization: invalid API key'), 'authorization');
  assert.equal(fieldOf('balance: $0.20 is less than the $0.70 this prediction costs'), 'balance');
  assert.equal(fieldOf('internal error; the server log has the details'), null);
});

test('an SSE status event becomes a progress update', () => {
  assert.deepEqual(updateFrom('status', '{"id":"a","status":"processing","progress":42,"error":""}'), { status: 'processing', progress: 42, error: '' });
  assert.deepEqual(updateFrom('message', '{"code":200,"message":"success","data":{"status":"completed","progress":100}}'), { status: 'completed', progress: 100, error: undefined });
  assert.deepEqual(updateFrom('deleted', '{"id":"a"}'), { status: 'deleted', progress: undefined, error: undefined });
});
