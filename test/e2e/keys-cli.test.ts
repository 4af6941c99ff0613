/** `moviola keys create --name N --balance B` prints a new key once; the store keeps only its hash. */
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
    assert.match(bad.stderr, /--balance must be a non-negative number of dollars \(got "lots"\)/);

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
