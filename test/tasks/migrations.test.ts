/**
 * Migrations: a data dir made by the release before migrations existed (fixtures/data-dir-0.1.0.sql,
 * dumped from a store that release's code filled: an account and key, a completed prediction with
 * its webhook, a queued one, an upload; made by make-data-dir-0.1.0.mts.txt) opens, migrates forward
 * and works — through the store and through the real API with the old key — and keeps its
 * upload-signing key. On PostgreSQL, processes that migrate at the same moment migrate once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { configFromEnv } from '../../src/api/config.js';
import { startService } from '../../src/api/start-service.js';
import { hashKey } from '../../src/tasks/api-keys.js';
import { MIGRATIONS } from '../../src/tasks/migrations/index.js';
import { openPostgresStore } from '../../src/tasks/postgres-store.js';
import { SqliteStore } from '../../src/tasks/sqlite-store.js';
import { TaskEvents } from '../../src/tasks/task-events.js';
import { api, MODEL_PATH } from '../helpers/service.js';
import { startPostgres } from '../helpers/postgres.js';
import { fixture } from '../helpers/fixtures.js';

const LEGACY_KEY = 'mvl_legacy_key_0123456789';
const LEGACY_SIGNING_KEY = Buffer.alloc(32, 7).toString('base64');
const DONE = 'a'.repeat(32);
const QUEUED = 'b'.repeat(32);
const BIN = fileURLToPath(new URL('../../bin/moviola.js', import.meta.url));

async function legacyDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-legacy-'));
  const db = new Database(join(dir, 'moviola.db'));
  db.exec(readFileSync(new URL('./fixtures/data-dir-0.1.0.sql', import.meta.url), 'utf8'));
  db.close();
  await writeFile(join(dir, 'signing.key'), LEGACY_SIGNING_KEY);
  return dir;
}

test('a data dir from before migrations migrates forward; its data works through the store', async () => {
  const dir = await legacyDataDir();
  try {
    const store = new SqliteStore({ file: join(dir, 'moviola.db') });
    assert.deepEqual(await store.migrate(), Object.keys(MIGRATIONS), 'every migration runs (0001 finds its tables already there)');
    assert.deepEqual(await store.migrate(), [], 'a second start has nothing to do');
    const account = await store.accountByKeyHash(hashKey(LEGACY_KEY));
    assert.equal(account?.balanceMicros, 100_000_000 - 1_400_000);
    const done = await store.get(DONE);
    assert.equal(done?.status, 'completed');
    assert.deepEqual(done?.outputKeys, ['outputs/aaaa/t/output.mp4']);
    assert.equal(done?.chargeState, 'settled');
    assert.equal((await store.byIdempotencyKey(account!.id, 'key:order-1'))?.id, DONE);
    assert.equal((await store.dueDeliveries(new Date(), 10))[0]?.predictionId, DONE, 'the old outbox is still delivered');
    assert.equal((await store.upload('c'.repeat(32)))?.filename, 'cat.png');
    const leased = await store.lease('new-worker', 30_000);
    assert.equal(leased?.id, QUEUED, 'the queued task runs after the upgrade');
    assert.equal(await store.fail(QUEUED, 'new-worker', 'render failed: test'), true);
    assert.equal((await store.account(account!.id))?.balanceMicros, 100_000_000 - 700_000, 'and its refund lands on the old balance');
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the real API on an upgraded data dir: the old key, the old predictions, the old signing key', { timeout: 120_000 }, async () => {
  const dir = await legacyDataDir();
  const service = await startService(configFromEnv({ PORT: '0', HOST: '127.0.0.1', MOVIOLA_DATA_DIR: dir, MOVIOLA_WORKERS: '0', LOG_LEVEL: 'error' }), { print: () => {}, logger: false });
  try {
    assert.equal(service.createdKey, undefined, 'the old key counts: no new key is made');
    assert.deepEqual(service.ctx.signingKey, Buffer.from(LEGACY_SIGNING_KEY, 'base64'), 'upload URLs signed before the upgrade stay valid');
    const done = await api(service.url, LEGACY_KEY, 'GET', `/api/v3/predictions/${DONE}/result`);
    assert.equal(done.status, 200, done.body.message);
    assert.equal(done.body.data.status, 'completed');
    assert.match(done.body.data.outputs[0], /\/files\/outputs\/aaaa\/t\/output\.mp4$/);
    assert.equal((await api(service.url, LEGACY_KEY, 'GET', '/api/v3/balance')).body.data.balance, 98.6);
    const image = readFileSync(fixture('nature-butterfly.jpg')).toString('base64');
    // the key used before the upgrade is still known: reusing it with other inputs is refused
    const twin = await api(service.url, LEGACY_KEY, 'POST', MODEL_PATH, { image, prompt: 'a different prompt' }, { 'idempotency-key': 'order-1' });
    assert.equal(twin.status, 409, twin.body.message);
    assert.match(twin.body.message, /idempotency-key: "order-1" was already used/);
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('moviola migrate: prints what it applied, then nothing', { timeout: 60_000 }, async () => {
  const dir = await legacyDataDir();
  try {
    const run = () => promisify(execFile)(process.execPath, [BIN, 'migrate', '--data-dir', dir]);
    const first = await run();
    assert.equal(first.stdout, Object.keys(MIGRATIONS).map((m) => `applied ${m}\n`).join(''));
    assert.match(first.stderr, /latest schema/);
    assert.equal((await run()).stdout, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: four processes migrating at once migrate once', { timeout: 60_000 }, async () => {
  const pg = await startPostgres();
  try {
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(pg.url, new TaskEvents())));
    const applied = await Promise.all(stores.map((s) => s.migrate()));
    assert.deepEqual(applied.flat().sort(), Object.keys(MIGRATIONS).sort(), 'each migration applied by exactly one of them');
    const account = await stores[0]!.createAccount('a', 5);
    assert.equal((await stores[3]!.account(account.id))?.balanceMicros, 5);
    for (const s of stores) await s.close();
  } finally {
    await pg.stop();
  }
});
