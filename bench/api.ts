/**
 * API benchmark rows (autocannon): GET result and POST submit throughput and latency next to a bare
 * Fastify route serving the same JSON in the same run, and the time from submit to `processing`
 * with an idle worker. Prints nothing itself; bench/index.ts prints the rows.
 *
 * @example
 *   printTable('API', await benchApi());
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { configFromEnv } from '../src/api/config.js';
import { startService, type Service } from '../src/api/start-service.js';
import { fixture } from '../test/helpers/fixtures.js';

const require = createRequire(import.meta.url);

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<CannonResult>;

const KEY = 'mvl_bench_key_0123456789abcdef';
const MODEL_PATH = '/api/v3/kwaivgi/kling-v2.6-pro/image-to-video';
const IMAGE = readFileSync(fixture('cat-closeup.png')).toString('base64');
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 5);

async function cannon(name: string, opts: Record<string, unknown>): Promise<Record<string, string | number>> {
  const r = await autocannon({ connections: 10, duration: SECONDS, ...opts });
  return {
    case: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p97.5 ms': r.latency.p97_5,
    'p99 ms': r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

async function start(dataDir: string, env: Record<string, string>): Promise<Service> {
  const config = configFromEnv({
    PORT: '0', HOST: '127.0.0.1', MOVIOLA_DATA_DIR: dataDir, MOVIOLA_API_KEY: KEY, MOVIOLA_START_BALANCE: '1000000000',
    LOG_LEVEL: 'error', MOVIOLA_RENDER_AREA: '76800', MOVIOLA_NSFW: 'off',
    // throughput rows measure the route, not the queue limits (the burst table measures those)
    MOVIOLA_MAX_QUEUED_PER_ACCOUNT: '1000000', MOVIOLA_MAX_QUEUED: '1000000', ...env,
  });
  return startService(config, { print: () => {}, logger: false });
}

async function post(url: string, body: unknown): Promise<any> {
  const r = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
}

/** submit → first `processing` seen on the prediction's event stream, with an idle worker */
async function submitToProcessing(service: Service, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const submitted = await post(service.url + MODEL_PATH, { prompt: 'slow push-in', image: IMAGE, seed: i });
    const id = submitted.data.id as string;
    await new Promise<void>((resolve) => {
      const off = service.ctx.events.on(id, (status) => {
        if (status !== 'processing') return;
        off();
        resolve();
      });
      void service.ctx.store.get(id).then((p) => p?.status === 'processing' && (off(), resolve()));
    });
    times.push(performance.now() - t0);
    await post(`${service.url}/api/v3/predictions/${id}/cancel`, {});
    await new Promise((r) => setTimeout(r, 300));
  }
  return times.sort((a, b) => a - b);
}

export async function benchApi(): Promise<Array<Record<string, string | number>>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-bench-api-'));
  const rows: Array<Record<string, string | number>> = [];
  // API only (no workers), so renders do not compete with the load
  const service = await start(join(dataDir, 'a'), { MOVIOLA_WORKERS: '0' });
  const bare = Fastify({ logger: false });
  try {
    const auth = { authorization: `Bearer ${KEY}` };
    const submitted = await post(service.url + MODEL_PATH, { prompt: 'slow push-in', image: IMAGE, seed: 1 });
    const resultPath = `/api/v3/predictions/${submitted.data.id}/result`;
    const sameJson = await (await fetch(service.url + resultPath, { headers: auth })).json();
    const submitAnswer = submitted;
    bare.get('/same', async () => sameJson);
    bare.post('/same', async () => submitAnswer);
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/same`;

    rows.push(await cannon('bare Fastify GET (same JSON)', { url: bareUrl }));
    rows.push(await cannon('GET /api/v3/predictions/{id}/result', { url: service.url + resultPath, headers: auth }));
    const body = JSON.stringify({ prompt: 'slow push-in', image: IMAGE });
    rows.push(await cannon('bare Fastify POST (same body, same answer)', { url: bareUrl, method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    rows.push(await cannon('POST submit (validate, check image, persist, reserve)', {
      url: service.url + MODEL_PATH, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body,
    }));
  } finally {
    await bare.close();
    await service.close();
  }

  const worker = await start(join(dataDir, 'b'), { MOVIOLA_WORKERS: '1' });
  try {
    const times = await submitToProcessing(worker, 5);
    rows.push({
      case: 'submit → processing, idle worker (5 runs)', 'req/s': '',
      'p50 ms': Math.round(times[2]! * 10) / 10, 'p97.5 ms': '', 'p99 ms': Math.round(times[4]! * 10) / 10, errors: 0,
    });
  } finally {
    await worker.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return rows;
}

// run alone: node --import tsx bench/api.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printTable } = await import('./table.js');
  printTable('API (autocannon, 10 connections)', await benchApi());
}
