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
/** the URL of the most recent fresh PostgreSQL database */
let currentUrl: string | undefined;
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
  currentUrl = cluster.url.replace(/\/moviola$/, `/${name}`);
  const store = await openPostgresStore(currentUrl, events);
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

  test(`${backend}: fairness: an account at its cap of live leases waits while another account's task runs`, async () => {
    const { store, task } = await fresh(backend);
    const other = await store.createAccount('b', 10_000_000);
    const mine = [task(), task(), task()];
    for (const t of mine) { await store.submit(t); await sleep(2); }
    const theirs = task({ accountId: other.id });
    await store.submit(theirs);
    const cap = { maxRunningPerAccount: 2 };
    const leased = [await store.lease('w1', 30_000, cap), await store.lease('w2', 30_000, cap), await store.lease('w3', 30_000, cap)];
    assert.deepEqual(leased.map((p) => p?.id), [mine[0]!.id, mine[1]!.id, theirs.id], 'the third worker takes the other account\'s task, not a third of mine');
    assert.equal(await store.lease('w4', 30_000, cap), undefined, 'my third task waits while two of mine run');
    assert.equal((await store.lease('w4', 30_000))?.id, mine[2]!.id, 'without a cap it runs');
  });

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
    // leases go oldest first: b must not share a's millisecond (ties go by random id)
    await sleep(2);
    await store.submit(b);
    assert.equal((await store.lease('w', 30_000))?.id, a.id);
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

/** two stores on one fresh PostgreSQL database: as two processes would have */
async function twoProcesses() {
  const first = await fresh('postgres');
  const events = new TaskEvents();
  let reconnected = () => {};
  const secondReconnected = new Promise<void>((resolve) => (reconnected = resolve));
  const second = await openPostgresStore(currentUrl!, events, { onReconnect: () => reconnected() });
  stores.push(second);
  return { ...first, second, secondEvents: events, secondReconnected };
}

test('postgres: eight workers in four processes lease at once: every task exactly once', async () => {
  const { store, task, second } = await twoProcesses();
  const third = await openPostgresStore(currentUrl!, new TaskEvents());
  const fourth = await openPostgresStore(currentUrl!, new TaskEvents());
  stores.push(third, fourth);
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const t = task({ chargeMicros: 1000 });
    ids.push(t.id);
    await store.submit(t);
  }
  const processes = [store, second, third, fourth];
  const got: string[] = [];
  await Promise.all(Array.from({ length: 8 }, async (_, w) => {
    for (;;) {
      const p = await processes[w % 4]!.lease(`w${w}`, 30_000);
      if (!p) return;
      got.push(p.id);
    }
  }));
  assert.equal(got.length, 40, 'no task leased twice, none missed');
  assert.deepEqual(new Set(got), new Set(ids));
});

test('postgres: racing submits from two processes never overdraw; a raced idempotency key makes one prediction', async () => {
  const { store, task, second, account, balance } = await twoProcesses();
  // the balance covers exactly 10 of 30 submits
  await store.db.updateTable('accounts').set({ balance_micros: 7_000_000 }).where('id', '=', account.id).execute();
  const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? second : store).submit(task())));
  assert.equal(outcomes.filter((o) => o.kind === 'created').length, 10);
  assert.equal(outcomes.filter((o) => o.kind === 'insufficient').length, 20);
  assert.equal(await balance(), 0);
  await store.db.updateTable('accounts').set({ balance_micros: 7_000_000 }).where('id', '=', account.id).execute();
  const twins = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? second : store).submit(task({ idempotencyKey: 'key:race' }))));
  assert.equal(new Set(twins.map((o) => (o.kind === 'insufficient' ? 'x' : o.prediction.id))).size, 1, 'one prediction for the key');
  assert.equal(twins.filter((o) => o.kind === 'created').length, 1);
  assert.equal(await balance(), 7_000_000 - 700_000, 'charged once');
});

test('postgres: changes reach the other process (NOTIFY), also after the database restarts', async () => {
  const { store, task, second, secondEvents, secondReconnected } = await twoProcesses();
  const heard: string[] = [];
  secondEvents.onAny((id, status) => heard.push(`${id}:${status}`));
  const a = task();
  await store.submit(a);
  await store.lease('w', 30_000);
  const waitFor = async (entry: string) => {
    const deadline = Date.now() + 15_000;
    while (!heard.includes(entry)) {
      assert.ok(Date.now() < deadline, `never heard ${entry}: ${heard.join(', ')}`);
      await sleep(20);
    }
  };
  await waitFor(`${a.id}:created`);
  await waitFor(`${a.id}:processing`);
  await cluster.restart(500);
  await secondReconnected;
  // the pools open new connections on demand; a query that ran into the restart fails once at most
  const retry = async <T>(f: () => Promise<T>) => { try { return await f(); } catch { await sleep(200); return f(); } };
  assert.equal((await retry(() => second.cancel(a.id, a.accountId)))?.cancelled, true);
  const b = task();
  await retry(() => store.submit(b));
  await waitFor(`${b.id}:created`);
  assert.equal(await retry(() => store.renew(a.id, 'w', 30_000, 50)), false, 'the cancel from the other process reached the worker');
});
