/**
 * Accounts, idempotency and the read routes: key B cannot read, list, cancel or delete key A's
 * predictions or use A's uploads; a retried submit (Idempotency-Key or external_task_id) returns the
 * same prediction with one charge; history, delete, cancel, pricing, models, health and metrics.
 * No workers run here: predictions stay queued.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api, MODEL_PATH, startTestService, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';

let svc: TestService;
let keyB: string;
const image = readFileSync(fixture('cat-closeup.png')).toString('base64');
const submit = (key: string, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  api(svc.url, key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image, ...over }, headers);
/** in cents, so sums compare exactly */
const balance = async (key: string) => Math.round((await api(svc.url, key, 'GET', '/api/v3/balance')).body.data.balance * 100);

before(async () => {
  svc = await startTestService();
  keyB = await svc.addAccount('b', 100);
});
after(() => svc.close());

test('submit answers the WaveSpeed shape and reserves the price', async () => {
  const r = await submit(svc.key, { duration: '10' });
  assert.equal(r.status, 200);
  assert.equal(r.body.code, 200);
  assert.equal(r.body.message, 'success');
  const d = r.body.data;
  assert.match(d.id, /^[0-9a-f]{32}$/);
  assert.equal(d.model, 'kwaivgi/kling-v2.6-pro/image-to-video');
  assert.deepEqual(d.outputs, []);
  assert.deepEqual(d.has_nsfw_contents, []);
  assert.equal(d.status, 'created');
  assert.equal(d.error, '');
  assert.deepEqual(d.timings, { inference: 0 });
  assert.equal(d.urls.get, `${svc.url}/api/v3/predictions/${d.id}/result`);
  assert.ok(!Number.isNaN(Date.parse(d.created_at)));
  assert.equal(d.input.duration, 10);
  assert.match(d.input.image, /\/files\/inputs\/[0-9a-f]{32}\/[0-9a-f]{32}\.png$/, 'inline images are stored and referenced by URL');
  assert.equal(await balance(svc.key), 10000 - 140);
});

test('isolation: key B cannot read, list, cancel or delete key A\'s predictions or use A\'s uploads', async () => {
  const a = (await submit(svc.key)).body.data;
  const notFound = `prediction "${a.id}" not found`;
  for (const [method, path, body] of [
    ['GET', `/api/v3/predictions/${a.id}/result`, undefined],
    ['GET', `/api/v3/predictions/${a.id}`, undefined],
    ['GET', `/api/v3/predictions/${a.id}/events`, undefined],
    ['POST', `/api/v3/predictions/${a.id}/cancel`, undefined],
  ] as const) {
    const r = await api(svc.url, keyB, method, path, body);
    assert.equal(r.status, 404, `${method} ${path}`);
    assert.equal(r.body.message, notFound);
  }
  const listB = await api(svc.url, keyB, 'POST', '/api/v3/predictions', {});
  assert.equal(listB.body.data.total, 0);
  const del = await api(svc.url, keyB, 'POST', '/api/v3/predictions/delete', { ids: [a.id] });
  assert.deepEqual(del.body.data.ids, []);
  assert.equal((await api(svc.url, svc.key, 'GET', `/api/v3/predictions/${a.id}`)).body.data.status, 'created', 'still there for A');

  // A's upload cannot be B's image
  const up = await fetch(`${svc.url}/api/v3/media/upload/binary`, {
    method: 'POST', headers: { authorization: `Bearer ${svc.key}` }, body: formWith(readFileSync(fixture('cat-closeup.png')), 'cat.png'),
  });
  const upload = (await up.json()).data;
  const stolen = await submit(keyB, { image: upload.download_url });
  assert.equal(stolen.status, 400);
  assert.equal(stolen.body.message, `image: must be a finished upload of this account (got ${JSON.stringify(upload.download_url)})`);
  const mine = await submit(svc.key, { image: upload.download_url });
  assert.equal(mine.status, 200, mine.body.message);
});

test('idempotency: the same Idempotency-Key or external_task_id returns the same prediction and charges once', async () => {
  const start = await balance(keyB);
  const headers = { 'idempotency-key': 'order-42' };
  const results = await Promise.all([1, 2, 3].map(() => submit(keyB, { sound: false }, headers)));
  const ids = new Set(results.map((r) => r.body.data.id));
  assert.equal(ids.size, 1, 'concurrent retries share one prediction');
  assert.equal(start - (await balance(keyB)), 35, 'charged once');
  const again = await submit(keyB, { sound: false }, headers);
  assert.equal(again.body.data.id, [...ids][0]);
  const changed = await submit(keyB, { sound: true }, headers);
  assert.equal(changed.status, 409);
  assert.equal(changed.body.message, 'idempotency-key: "order-42" was already used with different inputs');

  const e1 = await submit(keyB, { external_task_id: 'kling-7' });
  const e2 = await submit(keyB, { external_task_id: 'kling-7' });
  assert.equal(e1.body.data.id, e2.body.data.id);
  assert.equal(e2.body.data.input.external_task_id, 'kling-7');
  // the same key in another account is another request
  const other = await submit(svc.key, { sound: false }, headers);
  assert.notEqual(other.body.data.id, [...ids][0]);
});

test('cancel refunds; history pages and filters; delete removes', async () => {
  const key = await svc.addAccount('c', 10);
  const p1 = (await submit(key, { sound: false })).body.data;
  const p2 = (await submit(key)).body.data;
  assert.equal(await balance(key), 1000 - 35 - 70);
  const cancelled = await api(svc.url, key, 'POST', `/api/v3/predictions/${p2.id}/cancel`);
  assert.equal(cancelled.body.data.status, 'cancelled');
  assert.equal(await balance(key), 1000 - 35);
  const again = await api(svc.url, key, 'POST', `/api/v3/predictions/${p2.id}/cancel`);
  assert.equal(again.status, 409);
  assert.equal(again.body.message, `prediction "${p2.id}" is already cancelled and cannot be cancelled`);

  const page1 = await api(svc.url, key, 'POST', '/api/v3/predictions', { page: 1, page_size: 1 });
  assert.equal(page1.body.data.total, 2);
  assert.equal(page1.body.data.items.length, 1);
  assert.equal(page1.body.data.items[0].id, p2.id, 'newest first');
  assert.equal(page1.body.data.items[0].input, undefined, 'inputs only on request');
  const page2 = await api(svc.url, key, 'POST', '/api/v3/predictions', { page: 2, page_size: 1, include_inputs: true });
  assert.equal(page2.body.data.items[0].id, p1.id);
  assert.equal(page2.body.data.items[0].input.prompt, 'slow push-in');
  const future = await api(svc.url, key, 'POST', '/api/v3/predictions', { created_after: new Date(Date.now() + 60_000).toISOString() });
  assert.equal(future.body.data.total, 0);

  const del = await api(svc.url, key, 'POST', '/api/v3/predictions/delete', { ids: [p1.id, p2.id] });
  assert.deepEqual(new Set(del.body.data.ids), new Set([p1.id, p2.id]));
  assert.equal(await balance(key), 1000, 'deleting a queued prediction cancels and refunds it');
  assert.equal((await api(svc.url, key, 'GET', `/api/v3/predictions/${p1.id}`)).status, 404);
});

test('pricing, models, voices, health, metrics, OpenAPI and docs', async () => {
  const price = async (inputs: Record<string, unknown>) =>
    (await api(svc.url, svc.key, 'POST', '/api/v3/model/pricing', { model_id: 'kwaivgi/kling-v2.6-pro/image-to-video', inputs })).body.data.unit_price;
  assert.equal(await price({ duration: 5, sound: false }), 0.35);
  assert.equal(await price({ duration: 10, sound: false }), 0.7);
  assert.equal(await price({ duration: 5 }), 0.7);
  assert.equal(await price({ duration: '10', sound: true }), 1.4);

  const models = (await api(svc.url, null, 'GET', '/api/v3/models')).body.data;
  assert.deepEqual(models.map((m: { id: string }) => m.id), ['kwaivgi/kling-v2.6-pro/image-to-video', 'kwaivgi/kling-v2.6-std/image-to-video']);
  assert.equal(models[0].input_schema.properties.prompt.maxLength, 2500);
  assert.deepEqual(models[1].input_schema.required.sort(), ['image', 'prompt']);
  assert.equal(models[0].pricing.length, 4);
  const voices = (await api(svc.url, null, 'GET', '/api/v3/voices')).body.data as Array<{ id: string }>;
  assert.ok(voices.some((v) => v.id === 'en-female-1'));
  const withVoice = await submit(svc.key, { voice_list: [{ voice_id: voices[0]!.id }] });
  assert.equal(withVoice.status, 200, withVoice.body.message);

  const health = await api(svc.url, null, 'GET', '/healthz');
  assert.equal(health.body.data.status, 'ok');
  const metrics = await (await fetch(`${svc.url}/metrics`)).text();
  assert.match(metrics, /moviola_queue_depth\{status="created"\} \d+/);
  assert.match(metrics, /moviola_predictions_submitted_total\{model="kwaivgi\/kling-v2.6-pro\/image-to-video"\} \d+/);

  const openapi = await (await fetch(`${svc.url}/openapi.json`)).json();
  const op = openapi.paths['/api/v3/kwaivgi/kling-v2.6-pro/image-to-video'].post;
  assert.equal(op.requestBody.content['application/json'].schema.properties.duration.default, 5);
  assert.ok(openapi.paths['/api/v3/predictions/{id}/result']);
  const docs = await fetch(`${svc.url}/docs/`);
  assert.equal(docs.status, 200);
  assert.match(await docs.text(), /swagger/i);
});

function formWith(bytes: Buffer, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  return form;
}

test('MOVIOLA_PUBLIC_URL is the base of every absolute URL', async () => {
  const other = await startTestService({ MOVIOLA_PUBLIC_URL: 'https://moviola.example/' });
  try {
    const r = await api(other.url, other.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image });
    assert.equal(r.body.data.urls.get, `https://moviola.example/api/v3/predictions/${r.body.data.id}/result`);
    assert.match(r.body.data.input.image, /^https:\/\/moviola\.example\/files\/inputs\//);
  } finally {
    await other.close();
  }
});
