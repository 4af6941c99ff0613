/**
 * One burst (a child process of bench/burst.ts, so each code tree runs alone): starts the service of
 * the source tree given as argv[2] (this worktree, or a baseline worktree of main), fires 500
 * concurrent submits with 500 new images from `accounts` accounts while /healthz is pinged every
 * 20 ms, and prints one JSON line: accepted, 429s, other answers, /healthz and submit latencies,
 * and whether every accepted prediction is in the store (none lost). Loopback only; bounded.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';

const root = resolve(process.argv[2] ?? '.');
const accounts = Number(process.argv[3] ?? 1);
const SUBMITS = Number(process.env.BENCH_BURST_SUBMITS ?? 500);
const MODEL_PATH = '/api/v3/kwaivgi/kling-v2.6-pro/image-to-video';
const PHOTO = fileURLToPath(new URL('../../shared/fixtures/images/street-old-town.jpg', import.meta.url));

const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** 500 different JPEGs (~1024 px wide) from one photo: a different crop offset and tint each */
async function images(n: number): Promise<string[]> {
  const base = sharp(readFileSync(PHOTO)).resize(1100);
  const meta = await base.clone().toBuffer({ resolveWithObject: true });
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = await sharp(meta.data).extract({ left: i % 60, top: (i * 7) % 40, width: 1024, height: Math.min(700, meta.info.height - 40) })
      .tint({ r: 200 + (i % 55), g: 200 + ((i * 3) % 55), b: 200 + ((i * 7) % 55) }).jpeg({ quality: 85 }).toBuffer();
    out.push(`data:image/jpeg;base64,${bytes.toString('base64')}`);
  }
  return out;
}

const { configFromEnv } = await import(pathToFileURL(join(root, 'src/api/config.ts')).href);
const { startService } = await import(pathToFileURL(join(root, 'src/api/start-service.ts')).href);
const { createAccountWithKey } = await import(pathToFileURL(join(root, 'src/tasks/api-keys.ts')).href);

const dataDir = await mkdtemp(join(tmpdir(), 'moviola-burst-'));
const bodies = await images(SUBMITS);
const service = await startService(configFromEnv({
  PORT: '0', HOST: '127.0.0.1', MOVIOLA_DATA_DIR: dataDir, MOVIOLA_API_KEY: 'mvl_burst_key_0', MOVIOLA_START_BALANCE: '100000',
  MOVIOLA_WORKERS: '0', MOVIOLA_NSFW: 'off', LOG_LEVEL: 'error',
}), { print: () => {}, logger: false });
const keys = ['mvl_burst_key_0'];
for (let i = 1; i < accounts; i++) keys.push((await createAccountWithKey(service.ctx.store, `burst-${i}`, 100000)).key);

let bursting = true;
const health: number[] = [];
const pinger = (async () => {
  while (bursting) {
    const t0 = performance.now();
    await fetch(`${service.url}/healthz`).then((r) => r.arrayBuffer()).catch(() => undefined);
    health.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
})();

const t0 = performance.now();
const answers = await Promise.all(bodies.map(async (image, i) => {
  const start = performance.now();
  try {
    const r = await fetch(service.url + MODEL_PATH, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys[i % keys.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'slow push-in', image, seed: i }),
      signal: AbortSignal.timeout(300_000),
    });
    const body = (await r.json()) as { data?: { id?: string } };
    return { status: r.status, id: body.data?.id, ms: performance.now() - start };
  } catch {
    return { status: 0, id: undefined, ms: performance.now() - start };
  }
}));
const wall = performance.now() - t0;
bursting = false;
await pinger;

const accepted = answers.filter((a) => a.status === 200);
let found = 0;
for (const a of accepted) if (a.id && (await service.ctx.store.get(a.id))) found++;
const stored = Object.values(await service.ctx.store.countByStatus() as Record<string, number>).reduce((s, n) => s + n, 0);
health.sort((a, b) => a - b);
const submitMs = answers.map((a) => a.ms).sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({
  accepted: accepted.length,
  limited: answers.filter((a) => a.status === 429).length,
  other: answers.filter((a) => a.status !== 200 && a.status !== 429).length,
  lost: accepted.length - found + Math.abs(stored - accepted.length),
  healthP50: percentile(health, 50), healthP99: percentile(health, 99), healthMax: health.at(-1),
  submitP50: percentile(submitMs, 50), submitP99: percentile(submitMs, 99), wall,
})}\n`);
await service.close();
await rm(dataDir, { recursive: true, force: true });
process.exit(0);
