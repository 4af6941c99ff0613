/**
 * `moviola keys create --name N --balance B` prints a new key once; the store keeps only its hash.
 * `keys list | revoke | top-up | rotate` manage them against a running server: a revoked or rotated
 * key gets 401 at once; balances are bounded (0 … 1,000,000 dollars with cents).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { api, spawnServe } from '../helpers/service.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/moviola.js', import.meta.url));

test('keys create: prints a working key with its balance; stored hashed', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-keys-'));
  try {
    const { stdout } = await run(process.execPath, [BIN, 'keys', 'create', '--name', 'alice', '--balance', '7.5'], { env: { ...process.env, MOVIOLA_DATA_DIR: dataDir } });
    const key = stdout.trim();
    assert.match(key, /^mvl_[A-Za-z0-9_-]{32}$/);
    const db = await readFile(join(dataDir, 'moviola.db'));
    const wal = await readFile(join(dataDir, 'moviola.db-wal')).catch(() => Buffer.alloc(0));
    assert.ok(!db.includes(key) && !wal.includes(key), 'the key is not stored in clear');

    const bad = await run(process.execPath, [BIN, 'keys', 'create', '--name', 'x', '--balance', 'lots'], { env: { ...process.env, MOVIOLA_DATA_DIR: dataDir } }).catch((e) => e);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--balance: must be dollars from 0 to 1000000 with at most 2 decimals \(got "lots"\)/);

    const server = await spawnServe({ MOVIOLA_DATA_DIR: dataDir, MOVIOLA_WORKERS: '0' });
    try {
      assert.ok(!server.lines.some((l) => l.includes('created API key')), 'a key exists, so none is created');
      const balance = await api(server.url, key, 'GET', '/api/v3/balance');
      assert.equal(balance.body.data.balance, 7.5);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('keys list | top-up | rotate | revoke: bounded balances, and a revoked key gets 401 at once', { timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-keys-'));
  const env = { ...process.env, MOVIOLA_DATA_DIR: dataDir };
  const keys = (...args: string[]) => run(process.execPath, [BIN, 'keys', ...args], { env });
  const refused = (...args: string[]) => keys(...args).then(() => assert.fail(`keys ${args.join(' ')} was accepted`), (e) => e as { code: number; stderr: string });
  try {
    // six refusals, independent of each other: run together (each is a process start)
    const balances = ['1e300', '1000000.01', '-1', '0.001', 'Infinity', '0x10'];
    const bads = await Promise.all(balances.map((balance) => refused('create', '--name', 'x', '--balance', balance)));
    balances.forEach((balance, i) => {
      assert.equal(bads[i]!.code, 2, balance);
      assert.match(bads[i]!.stderr, /--balance: must be dollars from 0 to 1000000 with at most 2 decimals/);
    });
    const alice = (await keys('create', '--name', 'alice', '--balance', '999999.50')).stdout.trim();
    const bob = (await keys('create', '--name', 'bob', '--balance', '3')).stdout.trim();
    const listed = JSON.parse((await keys('list', '--json')).stdout) as Array<{ key_id: string; account: string; balance: number }>;
    assert.deepEqual(listed.map((k) => [k.account, k.balance]), [['alice', 999999.5], ['bob', 3]]);
    assert.ok(!JSON.stringify(listed).includes(alice), 'list never shows a key');
    const aliceId = listed[0]!.key_id;
    const bobId = listed[1]!.key_id;
    assert.match(aliceId, /^[0-9a-f]{12}$/);

    const over = await refused('top-up', aliceId, '--amount', '1');
    assert.equal(over.code, 2);
    assert.match(over.stderr, /--amount: \$1\.00 would take the balance of \$999999\.50 over \$1000000\.00/);
    assert.equal((await keys('top-up', bobId, '--amount', '2.25')).stdout.trim(), '5.25');
    assert.match((await refused('revoke', 'feedbeef')).stderr, /no key with id "feedbeef"/);

    const server = await spawnServe({ MOVIOLA_DATA_DIR: dataDir, MOVIOLA_WORKERS: '0' });
    try {
      assert.equal((await api(server.url, bob, 'GET', '/api/v3/balance')).body.data.balance, 5.25);
      const rotated = (await keys('rotate', bobId)).stdout.trim();
      assert.match(rotated, /^mvl_/);
      const old = await api(server.url, bob, 'GET', '/api/v3/balance');
      assert.equal(old.status, 401, 'the rotated-out key is refused at once');
      assert.equal(old.body.message, 'authorization: invalid API key');
      assert.equal((await api(server.url, rotated, 'GET', '/api/v3/balance')).body.data.balance, 5.25, 'same account, same balance');

      assert.equal((await api(server.url, alice, 'GET', '/api/v3/balance')).status, 200);
      await keys('revoke', alice);
      assert.equal((await api(server.url, alice, 'GET', '/api/v3/balance')).status, 401, 'a revoked key gets 401 at once');
      assert.deepEqual(JSON.parse((await keys('list', '--json')).stdout).map((k: { account: string }) => k.account), ['bob']);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
