/**
 * One burst (a child process of bench/burst.ts): starts `moviola serve` of the source tree given as
 * argv[2] (this worktree, or a baseline worktree of main) in its own process, fires 500
 * concurrent submits with 500 new images from `accounts` accounts while /healthz is pinged every
 * 20 ms, and prints one JSON line: accepted, 429s, other answers, /healthz and submit latencies,
 * and whether every accepted prediction is in the store (none lost). Loopback only; bounded.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { fixture } from '../test/helpers/fixtures.js';

const run = promisify(execFile);

const root = resolve(process.argv[2] ?? '.');
const accounts = Number(process.argv[3] ?? 1);
const SUBMITS = Number(process.env.BENCH_BURST_SUBMITS ?? 500);
const MODEL_PATH = '/api/v3/kwaivgi/kling-v2.6-pro/image-to-video';
const PHOTO = fixture('street-old-town.jpg');

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

const BIN = join(root, 'bin/moviola.js');
const dataDir = await mkdtemp(join(tmpdir(), 'moviola-burst-'));
const bodies = await images(SUBMITS);
// the server in its own process (the tree's `moviola serve`), so this process's load generation
// does not sit on the server's event loop; keys made first with the tree's own `keys create`
const env = { ...process.env, MOVIOLA_DATA_DIR: dataDir, MOVIOLA_WORKERS: '0', MOVIOLA_NSFW: 'off', LOG_LEVEL: 'error', PORT: '0', HOST: '127.0.0.1' };
const keys: string[] = [];
for (let i = 0; i < accounts; i++) {
  const { stdout } = await run(process.execPath, [BIN, 'keys', 'create', '--name', `burst-${i}`, '--balance', '100000'], { env });
  keys.push(stdout.trim());
}
const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolveUrl, reject) => {
  let out = '';
  server.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolveUrl(m[1]!);
  });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});
const service = { url };

// /healthz is pinged from its own process over one kept-alive connection, so neither the load
// generator's event loop nor a full accept backlog (500 connections arriving at once: a new
// connection's SYN may be dropped and retried seconds later) shows up as the server's latency
const PINGER = `
  const http = require('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let stop = false;
  process.stdin.on('data', () => { stop = true; });
  (async () => {
    while (!stop) {
      const t0 = performance.now();
      await new Promise((resolve) => http.get(process.argv[1], { agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', resolve));
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    process.stdout.write(JSON.stringify(times));
    process.exit(0);
  })();`;
const pinger = spawn(process.execPath, ['-e', PINGER, `${url}/healthz`], { stdio: ['pipe', 'pipe', 'inherit'] });
let pingOut = '';
pinger.stdout!.on('data', (c: Buffer) => (pingOut += c.toString()));
const pinged = new Promise<number[]>((done) => pinger.on('exit', () => done(JSON.parse(pingOut || '[]'))));
await new Promise((r) => setTimeout(r, 500));
// the clients of a real service are other machines: here they share its two cores, so the load
// generator yields the CPU to the server and the pinger (a lower priority for this process only)
setPriority(19);

/** which limit a 429 names: the setting in its message, e.g. MOVIOLA_MAX_PENDING_IMAGES */
const limitOf = (message = '') => /\((?:\d+ × )?(MOVIOLA_[A-Z_]+)\)/.exec(message)?.[1] ?? 'other';

const t0 = performance.now();
const answers = await Promise.all(bodies.map(async (image, i) => {
  const start = performance.now();
  try {
    const r = await fetch(service.url + MODEL_PATH, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys[i % keys.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'slow push-in', image, seed: i }),
      signal: AbortSignal.timeout(1_200_000),
    });
    const body = (await r.json()) as { data?: { id?: string }; message?: string };
    return { status: r.status, id: body.data?.id, ms: performance.now() - start, reason: r.status === 429 ? limitOf(body.message) : undefined };
  } catch {
    return { status: 0, id: undefined, ms: performance.now() - start, reason: undefined };
  }
}));
const wall = performance.now() - t0;
pinger.stdin!.write('stop');
const health = await pinged;

const accepted = answers.filter((a) => a.status === 200);
// none lost: every accepted id is in its account's history, and the histories hold nothing else
let listed = 0;
const ids = new Set<string>();
for (const key of keys) {
  for (let page = 1; ; page++) {
    const r = await fetch(`${url}/api/v3/predictions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ page, page_size: 100 }) });
    const items = ((await r.json()) as { data: { items: Array<{ id: string }> } }).data.items;
    for (const item of items) ids.add(item.id);
    listed += items.length;
    if (items.length < 100) break;
  }
}
const missing = accepted.filter((a) => !a.id || !ids.has(a.id)).length;
const lost = missing + Math.abs(listed - accepted.length);
health.sort((a, b) => a - b);
const submitMs = answers.map((a) => a.ms).sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({
  accepted: accepted.length,
  limited: answers.filter((a) => a.status === 429).length,
  limitedBy: Object.fromEntries([...new Set(answers.map((a) => a.reason).filter(Boolean))].map((r) => [r, answers.filter((a) => a.reason === r).length])),
  other: answers.filter((a) => a.status !== 200 && a.status !== 429).length,
  lost,
  healthP50: percentile(health, 50), healthP99: percentile(health, 99), healthMax: health.at(-1),
  submitP50: percentile(submitMs, 50), submitP99: percentile(submitMs, 99), wall,
})}\n`);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
await rm(dataDir, { recursive: true, force: true });
process.exit(0);
