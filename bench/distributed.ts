/**
 * Distributed-mode benchmark rows: clips per minute (720p, 5 s, with sound) with 1, 2 and 3 render
 * processes, and submit → processing latency with an idle worker, in both modes side by side:
 * embedded (one `moviola serve` with MOVIOLA_WORKERS = n) and distributed (one API process, n
 * `moviola worker` processes, PostgreSQL and s3rver on loopback). Prints nothing itself.
 *
 *   npm run bench -- distributed        (BENCH_CLIPS=6 clips per configuration)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, spawnServe, TEST_KEY, MODEL_PATH, STD_MODEL_PATH, type ChildService } from '../test/helpers/service.js';
import { startCluster } from '../test/helpers/cluster.js';
import type { Row } from './table.js';
import { fixture } from '../test/helpers/fixtures.js';

const IMAGE = readFileSync(fixture('nature-butterfly.jpg')).toString('base64');
const CLIPS = Number(process.env.BENCH_CLIPS ?? 6);

async function waitAll(url: string, ids: string[], done: (status: string) => boolean, pollMs: number): Promise<void> {
  const pending = new Set(ids);
  while (pending.size) {
    for (const id of [...pending]) {
      const r = await api(url, TEST_KEY, 'GET', `/api/v3/predictions/${id}/result`);
      if (done(r.body.data.status)) pending.delete(id);
    }
    if (pending.size) await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** clips per minute: CLIPS 720p 5 s clips submitted at once, until the last completes */
async function throughput(url: string): Promise<number> {
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < CLIPS; i++) {
    const r = await api(url, TEST_KEY, 'POST', STD_MODEL_PATH, { image: IMAGE, prompt: 'slow push-in, birdsong', seed: i + 1 });
    ids.push(r.body.data.id);
  }
  await waitAll(url, ids, (s) => s === 'completed' || s === 'failed', 200);
  return CLIPS / ((performance.now() - started) / 60_000);
}

/** median submit → processing with an idle worker (5 submits, each after the last finished) */
async function latency(url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await api(url, TEST_KEY, 'POST', MODEL_PATH, { image: IMAGE, prompt: 'slow push-in', seed: 50 + i, sound: false });
    const id = r.body.data.id;
    const submitted = performance.now();
    await waitAll(url, [id], (s) => s !== 'created', 2);
    samples.push(performance.now() - submitted);
    void t0;
    await waitAll(url, [id], (s) => s === 'completed' || s === 'failed', 100);
  }
  samples.sort((a, b) => a - b);
  return samples[2]!;
}

const env = { MOVIOLA_API_KEY: TEST_KEY, MOVIOLA_NSFW: 'off', MOVIOLA_START_BALANCE: '1000', LOG_LEVEL: 'warn' };

export async function benchDistributed(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [1, 2, 3]) {
    const dataDir = await mkdtemp(join(tmpdir(), 'moviola-bench-'));
    let serve: ChildService | undefined;
    try {
      serve = await spawnServe({ ...env, MOVIOLA_DATA_DIR: dataDir, MOVIOLA_WORKERS: String(n) }, 120_000);
      const clipsPerMin = await throughput(serve.url);
      rows.push({ mode: 'embedded (SQLite, files)', 'render processes': `1 (${n} renders)`, 'clips/min 720p 5 s': clipsPerMin.toFixed(1), 'submit → processing ms': n === 1 ? (await latency(serve.url)).toFixed(0) : '' });
    } finally {
      serve?.child.kill('SIGTERM');
      await serve?.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
    const cluster = await startCluster({ apis: 1, workers: n, env: { ...env, MOVIOLA_RENDER_AREA: '' } });
    try {
      const url = cluster.apis[0]!.url;
      const clipsPerMin = await throughput(url);
      rows.push({ mode: 'distributed (PostgreSQL, S3)', 'render processes': `${n} workers`, 'clips/min 720p 5 s': clipsPerMin.toFixed(1), 'submit → processing ms': n === 1 ? (await latency(url)).toFixed(0) : '' });
    } finally {
      await cluster.stop();
    }
  }
  return rows;
}
