/**
 * How a prediction is delivered, on the real server with a real render (small): outputs as base64
 * (`enable_base64_output`) that decode to the MP4, refused with a webhook; the webhook events a
 * client asks for (`webhook_events_filter`: start, progress, completed), signed; and the
 * `Cancel-After` header: a prediction not started by its deadline is cancelled and not charged.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { api, MODEL_PATH, startTestService, waitFor, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';
import { probe } from '../helpers/decode-video.js';
import { cancelIfLate } from '../../src/worker/deadline.js';

let svc: TestService;
let idle: TestService;
let hooks: Server;
let hookUrl: string;
const received: Array<{ headers: Record<string, string>; body: string }> = [];

const image = readFileSync(fixture('cat-closeup.png')).toString('base64');
const body = (over: Record<string, unknown> = {}) => ({ prompt: 'slow push-in', image, seed: 3, sound: false, ...over });

before(async () => {
  svc = await startTestService({ MOVIOLA_WORKERS: '1' });
  // no workers: nothing starts, so deadlines pass while queued
  idle = await startTestService({ MOVIOLA_WORKERS: '0' });
  hooks = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body: text });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
});

after(async () => {
  hooks.closeAllConnections();
  hooks.close();
  await svc.close();
  await idle.close();
});

test('enable_base64_output: the sync response and the result carry the MP4 itself, as base64', { timeout: 300_000 }, async () => {
  const r = await api(svc.url, svc.key, 'POST', MODEL_PATH, body({ enable_base64_output: true, enable_sync_mode: true }));
  assert.equal(r.status, 200, r.body.message);
  assert.equal(r.body.data.status, 'completed', r.body.data.error);
  const outputs = r.body.data.outputs as string[];
  assert.equal(outputs.length, 1);
  assert.doesNotMatch(outputs[0]!, /^https?:/);
  const bytes = Buffer.from(outputs[0]!, 'base64');
  assert.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp', 'an MP4 file');
  const dir = await mkdtemp(join(tmpdir(), 'moviola-base64-'));
  await writeFile(join(dir, 'out.mp4'), bytes);
  const video = (await probe(join(dir, 'out.mp4'))).streams.find((s) => s.codec_type === 'video')!;
  assert.equal(video.codec_name, 'h264');
  assert.equal(video.nb_frames, '120');
  const again = await api(svc.url, svc.key, 'GET', `/api/v3/predictions/${r.body.data.id}/result`);
  assert.equal(again.body.data.outputs[0], outputs[0], 'the result route answers the same base64');
});

test('enable_base64_output with a webhook is a 400 naming the rule (body field or ?webhook)', async () => {
  const rule = 'enable_base64_output: cannot be used with a webhook (webhook_url or ?webhook) (got true)';
  const a = await api(svc.url, svc.key, 'POST', MODEL_PATH, body({ enable_base64_output: true, webhook_url: hookUrl }));
  assert.equal(a.status, 400);
  assert.equal(a.body.message, rule);
  const b = await api(svc.url, svc.key, 'POST', `${MODEL_PATH}?webhook=${encodeURIComponent(hookUrl)}`, body({ enable_base64_output: true }));
  assert.equal(b.status, 400);
  assert.equal(b.body.message, rule);
});

test('webhook_events_filter: start, progress and completed arrive, signed, in order', { timeout: 300_000 }, async () => {
  received.length = 0;
  const r = await api(svc.url, svc.key, 'POST', MODEL_PATH, body({ webhook_url: hookUrl, webhook_events_filter: ['start', 'progress', 'completed'] }));
  assert.equal(r.status, 200, r.body.message);
  await waitFor(svc.url, svc.key, r.body.data.id, (d) => d.status === 'completed', 240_000);
  const deadline = Date.now() + 30_000;
  while (!received.some((h) => JSON.parse(h.body).status === 'completed') && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
  const secret = (await api(svc.url, svc.key, 'GET', '/api/v3/webhook/secret')).body.data.secret as string;
  const events = received.map((h) => new Webhook(secret).verify(h.body, h.headers) as { id: string; status: string; progress: number });
  assert.ok(events.every((e) => e.id === r.body.data.id));
  const statuses = events.map((e) => `${e.status}:${e.progress}`);
  assert.equal(statuses[0], 'processing:0', `start first: ${statuses}`);
  assert.deepEqual(statuses.slice(1, -1), ['processing:25', 'processing:50', 'processing:75'], `${statuses}`);
  assert.equal(events.at(-1)!.status, 'completed');
});

test('webhook_events_filter without completed: no completed event; a bad filter is a 400', async () => {
  const bad = await api(idle.url, idle.key, 'POST', MODEL_PATH, body({ webhook_url: hookUrl, webhook_events_filter: ['output'] }));
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, 'webhook_events_filter: must be a list of one or more of start, progress, completed (got ["output"])');
  received.length = 0;
  const r = await api(idle.url, idle.key, 'POST', MODEL_PATH, body({ webhook_url: hookUrl, webhook_events_filter: ['start'] }));
  assert.equal(r.status, 200);
  await api(idle.url, idle.key, 'POST', `/api/v3/predictions/${r.body.data.id}/cancel`);
  await new Promise((res) => setTimeout(res, 1500));
  assert.equal(received.length, 0, 'a cancelled prediction sends no completed event when the filter leaves it out');
});

test('Cancel-After: a prediction not started by its deadline is cancelled and refunded', { timeout: 60_000 }, async () => {
  const before = (await api(idle.url, idle.key, 'GET', '/api/v3/balance')).body.data.balance as number;
  const r = await api(idle.url, idle.key, 'POST', MODEL_PATH, body(), { 'cancel-after': '1s' });
  assert.equal(r.status, 200, r.body.message);
  assert.equal((await api(idle.url, idle.key, 'GET', '/api/v3/balance')).body.data.balance, before - 0.35, 'reserved at submit');
  const done = await waitFor(idle.url, idle.key, r.body.data.id, (d) => d.status !== 'created', 20_000);
  assert.equal(done.status, 'cancelled');
  assert.equal((await api(idle.url, idle.key, 'GET', '/api/v3/balance')).body.data.balance, before, 'not charged');

  // a worker that leases a task after its deadline does not start it
  const late = await api(idle.url, idle.key, 'POST', MODEL_PATH, body({ seed: 4 }), { 'cancel-after': '1h' });
  const task = (await idle.service.ctx.store.get(late.body.data.id))!;
  assert.equal(await cancelIfLate(idle.service.ctx.store, task, Date.now() + 30 * 60_000), false, 'before the deadline it runs');
  assert.equal(await cancelIfLate(idle.service.ctx.store, task, Date.now() + 2 * 3_600_000), true);
  assert.equal((await idle.service.ctx.store.get(task.id))!.status, 'cancelled');
  assert.equal((await api(idle.url, idle.key, 'GET', '/api/v3/balance')).body.data.balance, before);

  const bad = await api(idle.url, idle.key, 'POST', MODEL_PATH, body(), { 'cancel-after': 'soon' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, 'cancel-after: must be a duration like 30s, 5m or 1h30m (got "soon")');
});
