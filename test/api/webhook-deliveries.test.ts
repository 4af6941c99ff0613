/**
 * Webhook deliveries are visible and replayable (issue #12): a finished prediction whose webhook
 * endpoint keeps failing shows its delivery as dead with its attempts and last error at
 * `GET /api/v3/predictions/{id}/webhooks`; `POST …/webhooks/redeliver` sends it again, and once the
 * endpoint answers the new delivery is done. And the outbound guard applies when a delivery is sent:
 * with the strict default policy the dispatcher never reaches a loopback listener of the test's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { LocalStorage } from '../../src/storage/local-storage.js';
import { SqliteStore } from '../../src/tasks/sqlite-store.js';
import { WebhookDispatcher } from '../../src/worker/webhook-dispatcher.js';
import { guardedFetch } from '../../src/api/outbound/guarded-fetch.js';
import { STRICT_POLICY } from '../../src/api/outbound/address-policy.js';
import { createAccountWithKey, toMicros } from '../../src/tasks/api-keys.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, MODEL_PATH, startTestService, waitFor } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';

async function listen(handler: (status: { answer: number; hits: number }) => number) {
  const state = { answer: 500, hits: 0 };
  const server = createServer((req, res) => {
    state.hits++;
    req.resume();
    req.on('end', () => res.writeHead(handler(state)).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

test('a dead delivery is listed with its attempts and error; redeliver sends it again', { timeout: 240_000 }, async () => {
  const hook = await listen((s) => s.answer);
  // one retry 50 ms after the first try, then the delivery is dead
  const svc = await startTestService({ MOVIOLA_WORKERS: '1', MOVIOLA_NSFW: 'off', MOVIOLA_WEBHOOK_BACKOFF_MS: '50' });
  try {
    const image = readFileSync(fixture('nature-butterfly.jpg')).toString('base64');
    const made = await api(svc.url, svc.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image, sound: false, webhook_url: hook.url });
    assert.equal(made.status, 200, made.body.message);
    const id = made.body.data.id;
    await waitFor(svc.url, svc.key, id, (d) => d.status === 'completed', 180_000);
    let items: any[] = [];
    for (let i = 0; i < 100 && items[0]?.status !== 'dead'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      items = (await api(svc.url, svc.key, 'GET', `/api/v3/predictions/${id}/webhooks`)).body.data.items;
    }
    assert.equal(items.length, 1);
    assert.equal(items[0].status, 'dead');
    assert.equal(items[0].attempts, 2);
    assert.equal(items[0].last_error, 'HTTP 500');
    assert.equal(items[0].url, hook.url);
    assert.equal(hook.state.hits, 2);

    // someone else cannot see or replay it
    const other = await svc.addAccount('other', 5);
    assert.equal((await api(svc.url, other, 'GET', `/api/v3/predictions/${id}/webhooks`)).status, 404);
    assert.equal((await api(svc.url, other, 'POST', `/api/v3/predictions/${id}/webhooks/redeliver`, '')).status, 404);

    hook.state.answer = 204;
    const again = await api(svc.url, svc.key, 'POST', `/api/v3/predictions/${id}/webhooks/redeliver`, '');
    assert.equal(again.status, 200, again.body.message);
    assert.equal(again.body.data.status, 'pending');
    assert.match(again.body.data.id, /^msg_/);
    for (let i = 0; i < 100 && items.at(-1)?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      items = (await api(svc.url, svc.key, 'GET', `/api/v3/predictions/${id}/webhooks`)).body.data.items;
    }
    assert.deepEqual(items.map((d) => [d.status, d.attempts]), [['dead', 2], ['done', 1]]);
    assert.equal(hook.state.hits, 3);
  } finally {
    await svc.close();
    hook.server.close();
  }
});

test('the outbound guard applies when a delivery is sent: a loopback endpoint is never reached', { timeout: 60_000 }, async () => {
  const hook = await listen(() => 204);
  const dir = await mkdtemp(join(tmpdir(), 'moviola-hook-guard-'));
  const store = new SqliteStore({ file: join(dir, 'db.sqlite') });
  await store.migrate();
  try {
    const { account } = await createAccountWithKey(store, 'a', 10);
    // a prediction whose webhook URL was allowed when it was submitted (e.g. DNS answered a public
    // address then, a loopback one now): the delivery is checked again when it is sent
    await store.submit({
      id: 'p1'.padEnd(32, '0'), accountId: account.id, model: 'm', input: { prompt: 'p', negative_prompt: '', image: 'x', cfg_scale: 0.5, sound: false, duration: 5, voice_list: [], seed: 1 },
      imageKey: 'k', resolution: '720p', chargeMicros: toMicros(0.35), webhookUrl: hook.url, idempotencyKey: null, inputHash: 'h', baseUrl: 'http://x',
    });
    await store.cancel('p1'.padEnd(32, '0'), account.id);
    const dispatcher = new WebhookDispatcher({ store, storage: new LocalStorage(dir), backoffMs: [], pollMs: 20, fetch: guardedFetch(STRICT_POLICY) });
    dispatcher.start();
    let items: Awaited<ReturnType<typeof store.listDeliveries>> = [];
    for (let i = 0; i < 100 && items[0]?.state !== 'dead'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      items = await store.listDeliveries('p1'.padEnd(32, '0'));
    }
    await dispatcher.stop();
    assert.equal(items[0]?.state, 'dead');
    assert.equal(items[0]?.lastError, 'refused: the URL is not an http(s) URL of a public address');
    assert.equal(hook.state.hits, 0, 'the listener was never reached');
  } finally {
    await store.close();
    hook.server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
