/**
 * The distributed mode for tests, all real and on loopback: a private PostgreSQL cluster, an
 * S3-protocol server (s3rver), API processes (`moviola serve` with MOVIOLA_WORKERS=0) and worker
 * processes (`moviola worker`) as children, each with its own scratch data dir — so nothing is
 * shared except through PostgreSQL and S3.
 *
 * @example
 *   const c = await startCluster({ apis: 2, workers: 2 });
 *   await api(c.apis[0].url, c.key, 'POST', MODEL_PATH, body); … await c.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { spawnServe, TEST_AREA, TEST_KEY, type ChildService } from './service.js';
import { startPostgres, type TestPostgres } from './postgres.js';
import { startS3, type TestS3 } from './s3.js';

const BIN = fileURLToPath(new URL('../../bin/moviola.js', import.meta.url));

export interface WorkerChild {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr(): string;
}

/** `node bin/moviola.js worker` as a child process; resolves once it prints that it is ready */
export async function spawnWorker(env: Record<string, string>, timeoutMs = 90_000): Promise<WorkerChild> {
  const child = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('moviola worker: ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${stderr}`));
    });
  });
  return { child, exited, stderr: () => stderr };
}

export interface TestCluster {
  pg: TestPostgres;
  s3: TestS3;
  key: string;
  apis: ChildService[];
  workers: WorkerChild[];
  /** the environment every process gets (plus its own MOVIOLA_DATA_DIR) */
  env: Record<string, string>;
  /** a direct connection to the cluster's database, for assertions on the ledger */
  query<T = any>(text: string, values?: unknown[]): Promise<T[]>;
  /** one more `moviola worker` (MOVIOLA_WORKERS=1), with `env` over the cluster's */
  addWorker(env?: Record<string, string>): Promise<WorkerChild>;
  stop(): Promise<void>;
}

export async function startCluster(options: { apis: number; workers: number; env?: Record<string, string> }): Promise<TestCluster> {
  const [pgCluster, s3] = await Promise.all([startPostgres(), startS3()]);
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'moviola-node-'));
    dirs.push(dir);
    return dir;
  };
  const env: Record<string, string> = {
    DATABASE_URL: pgCluster.url,
    MOVIOLA_STORAGE_URL: s3.storageUrl('clips'),
    ...s3.credentials,
    MOVIOLA_API_KEY: TEST_KEY,
    MOVIOLA_START_BALANCE: '1000',
    MOVIOLA_RENDER_AREA: TEST_AREA,
    MOVIOLA_NSFW: 'off',
    MOVIOLA_LEASE_MS: '3000',
    MOVIOLA_WEBHOOK_BACKOFF_MS: '200,300,400',
    // the tests' webhook listeners are on loopback; the burst tests send one account's 200 submits at once
    MOVIOLA_ALLOW_PRIVATE_URLS: '127.0.0.0/8',
    MOVIOLA_MAX_QUEUED_PER_ACCOUNT: '1000',
    MOVIOLA_MAX_PENDING_IMAGES: '64',
    MOVIOLA_SHUTDOWN_GRACE_MS: '0',
    ...options.env,
  };
  const client = new pg.Pool({ connectionString: pgCluster.url, max: 2 });
  client.on('error', () => {});
  const cluster: TestCluster = {
    pg: pgCluster, s3, key: TEST_KEY, apis: [], workers: [], env,
    async query(text, values) {
      return (await client.query(text, values as unknown[])).rows;
    },
    async addWorker(extra = {}) {
      const worker = await spawnWorker({ ...env, MOVIOLA_WORKERS: '1', MOVIOLA_DATA_DIR: await dataDir(), ...extra });
      cluster.workers.push(worker);
      return worker;
    },
    async stop() {
      for (const p of [...cluster.apis, ...cluster.workers]) {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      }
      await Promise.all([...cluster.apis, ...cluster.workers].map((p) => p.exited));
      await client.end().catch(() => {});
      await Promise.all([pgCluster.stop(), s3.stop()]);
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    },
  };
  // the first API migrates alone; the rest start together (the Migrator's lock would serialise them anyway)
  cluster.apis.push(await spawnServe({ ...env, MOVIOLA_WORKERS: '0', MOVIOLA_DATA_DIR: await dataDir() }, 90_000));
  const rest = await Promise.all([
    ...Array.from({ length: options.apis - 1 }, async () => spawnServe({ ...env, MOVIOLA_WORKERS: '0', MOVIOLA_DATA_DIR: await dataDir() }, 90_000)),
    ...Array.from({ length: options.workers }, () => cluster.addWorker()),
  ]);
  for (const r of rest) if ('url' in r) cluster.apis.push(r);
  return cluster;
}
