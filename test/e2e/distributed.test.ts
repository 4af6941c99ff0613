/**
 * The distributed mode, all real and on loopback: PostgreSQL (a private cluster), an S3 server
 * (s3rver), two API processes (`moviola serve`, MOVIOLA_WORKERS=0) and two worker processes
 * (`moviola worker`), each with its own scratch dir, so they share only the database and the bucket.
 * - the official SDK: upload() through a presigned PUT into the bucket, run() on one API, the
 *   result, MP4 and poster read through the other; a webhook that fails twice arrives once more
 *   under the same webhook-id; run() in sync mode;
 * - a cancel sent to either API stops the render on whichever worker runs it;
 * - a worker SIGKILLed mid-render: its lease expires and the other completes the task, once;
 * - PostgreSQL restarted mid-run: APIs and workers reconnect and every task completes;
 * - 200 submits spread over both APIs: each completes exactly once, each webhook arrives once,
 *   and the balance moves by exactly the sum of the charges.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'wavespeed';
import { Webhook } from 'standardwebhooks';
import { api, MODEL_PATH, STD_MODEL_PATH, waitFor } from '../helpers/service.js';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { fixture } from '../helpers/fixtures.js';
import { probe } from '../helpers/decode-video.js';

let cluster: TestCluster;
let hooks: Server;
let hookUrl: string;
let scratch: string;
/** the webhook receiver's log; a path containing "flaky" answers 503 to its first two deliveries */
const received: Array<{ path: string; body: string; headers: Record<string, string>; answered: number }> = [];
const image = readFileSync(fixture('nature-butterfly.jpg')).toString('base64');

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'moviola-distributed-'));
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '';
      const earlier = received.filter((r) => r.path === path).length;
      const answered = path.includes('flaky') && earlier < 2 ? 503 : 204;
      received.push({ path, body, headers: req.headers as Record<string, string>, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  // 640×360 renders: small, yet long enough (10 s clips) to be cancelled or killed mid-render
  cluster = await startCluster({ apis: 2, workers: 2, env: { MOVIOLA_RENDER_AREA: String(640 * 360) } });
});

after(async () => {
  hooks?.close();
  await cluster?.stop();
  await rm(scratch, { recursive: true, force: true });
});

const [A, B] = [0, 1];
const url = (i: number) => cluster.apis[i]!.url;
const balance = async () => (await api(url(A), cluster.key, 'GET', '/api/v3/balance')).body.data.balance as number;
const terminal = (d: { status: string }) => ['completed', 'failed', 'cancelled'].includes(d.status);

async function submit(i: number, body: Record<string, unknown>, path = MODEL_PATH): Promise<string> {
  const r = await api(url(i), cluster.key, 'POST', path, { image, prompt: 'slow push-in', ...body });
  assert.equal(r.status, 200, r.body.message);
  return r.body.data.id;
}

test('SDK: upload into the bucket, run() on one API, everything readable through the other; webhook retries keep their id', { timeout: 240_000 }, async () => {
  const accounts = await cluster.query(`SELECT count(*)::int AS n FROM accounts`);
  assert.equal(accounts[0].n, 1, 'APIs started together with one MOVIOLA_API_KEY made one account');
  const client = new Client(cluster.key, { baseUrl: url(A) });
  const imageUrl = await client.upload(fixture('street-old-town.jpg'));
  assert.match(imageUrl, /\/files\/uploads\/[0-9a-f]{32}\/street-old-town\.jpg$/);
  const viaB = imageUrl.replace(url(A), url(B));
  assert.deepEqual(Buffer.from(await (await fetch(viaB)).arrayBuffer()), readFileSync(fixture('street-old-town.jpg')), 'the other API streams the upload from the bucket');

  const result = await client.run('kwaivgi/kling-v2.6-pro/image-to-video', { image: imageUrl, prompt: 'slow push-in, rain', seed: 11, webhook_url: `${hookUrl}/flaky` }, { pollInterval: 0.2, timeout: 200 });
  const id = /\/outputs\/([0-9a-f]{32})\//.exec(String(result.outputs[0]))![1]!;
  const data = (await api(url(B), cluster.key, 'GET', `/api/v3/predictions/${id}/result`)).body.data;
  assert.equal(data.status, 'completed');
  const mp4 = join(scratch, 'sdk.mp4');
  await writeFile(mp4, Buffer.from(await (await fetch(data.outputs[0].replace(url(A), url(B)))).arrayBuffer()));
  const info = await probe(mp4);
  assert.equal(info.streams.find((s) => s.codec_type === 'video')?.codec_name, 'h264');
  assert.equal(Number(info.streams.find((s) => s.codec_type === 'video')?.nb_frames), 5 * 24);
  assert.ok(Number(info.streams.find((s) => s.codec_type === 'video')?.width) <= 640, 'rendered at the test size');
  assert.ok(info.streams.some((s) => s.codec_type === 'audio'));
  const range = await fetch(data.outputs[0], { headers: { range: 'bytes=0-99' } });
  assert.equal(range.status, 206);
  assert.equal((await range.arrayBuffer()).byteLength, 100);
  const poster = await fetch(data.poster);
  assert.equal(poster.headers.get('content-type'), 'image/jpeg');

  const deadline = Date.now() + 20_000;
  while (!received.some((r) => r.path === '/flaky' && r.answered === 204) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const flaky = received.filter((r) => r.path === '/flaky');
  assert.deepEqual(flaky.map((r) => r.answered), [503, 503, 204]);
  assert.equal(new Set(flaky.map((r) => r.headers['webhook-id'])).size, 1, 'retries keep the message id');
  const secret = (await api(url(B), cluster.key, 'GET', '/api/v3/webhook/secret')).body.data.secret;
  const verified = new Webhook(secret).verify(flaky[2]!.body, flaky[2]!.headers) as { id: string; status: string };
  assert.deepEqual([verified.id, verified.status], [id, 'completed']);
});

test('SDK run() in sync mode on the other API: the request returns with the finished clip', { timeout: 120_000 }, async () => {
  const client = new Client(cluster.key, { baseUrl: url(B) });
  const result = await client.run('kwaivgi/kling-v2.6-std/image-to-video', { image: `data:image/jpeg;base64,${image}`, prompt: 'slow pan left', sound: false, seed: 5 }, { enableSyncMode: true, timeout: 100 });
  const mp4 = join(scratch, 'sync.mp4');
  await writeFile(mp4, Buffer.from(await (await fetch(String(result.outputs[0]))).arrayBuffer()));
  const info = await probe(mp4);
  assert.equal(info.streams.find((s) => s.codec_type === 'video')?.codec_name, 'h264');
  assert.equal(info.streams.filter((s) => s.codec_type === 'audio').length, 0, 'sound: false, no audio stream');
});

test('a cancel sent to either API stops the render on whichever worker runs it', { timeout: 180_000 }, async () => {
  // two long renders (10 s) keep both workers busy; a small one waits behind them
  const long = [await submit(A, { seed: 1, duration: 10 }), await submit(B, { seed: 2, duration: 10 })];
  for (const id of long) await waitFor(url(A), cluster.key, id, (d) => d.status === 'processing' && d.progress > 0, 60_000);
  const waiting = await submit(A, { seed: 3, sound: false });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await api(url(B), cluster.key, 'GET', `/api/v3/predictions/${waiting}/result`)).body.data.status, 'created', 'both workers are busy');
  // API A streams the events of a task a worker renders and API B cancels
  // cancelled as soon as the stream has shown its progress (a fixed wait let a fast render finish first)
  const seen: Array<{ status: string; progress: number }> = [];
  const stream = collectEvents(`${url(A)}/api/v3/predictions/${long[0]}/events`, seen);
  const shown = Date.now() + 30_000;
  while (!seen.some((e) => e.status === 'processing' && e.progress > 0) && Date.now() < shown) await new Promise((r) => setTimeout(r, 20));
  const cancelledAt = Date.now();
  assert.equal((await api(url(B), cluster.key, 'POST', `/api/v3/predictions/${long[0]}/cancel`)).body.data.status, 'cancelled');
  assert.equal((await api(url(A), cluster.key, 'POST', `/api/v3/predictions/${long[1]}/cancel`)).body.data.status, 'cancelled');
  await waitFor(url(B), cluster.key, waiting, (d) => d.status !== 'created', 10_000);
  assert.ok(Date.now() - cancelledAt < 10_000, 'a worker was free again at once');
  const rows = await cluster.query(`SELECT status, lease_owner, charge_state FROM predictions WHERE id = ANY($1)`, [long]);
  assert.deepEqual(rows.map((r) => [r.status, r.lease_owner, r.charge_state]), [['cancelled', null, 'refunded'], ['cancelled', null, 'refunded']]);
  await waitFor(url(A), cluster.key, waiting, terminal, 60_000);
  await stream;
  assert.ok(seen.some((e) => e.status === 'processing' && e.progress > 0), `progress crosses processes: ${JSON.stringify(seen)}`);
  assert.equal(seen.at(-1)?.status, 'cancelled', 'the stream ends with the cancel made on the other API');
});

/** the `status` events of one SSE stream until it ends, pushed to `seen` as they arrive */
async function collectEvents(streamUrl: string, seen: Array<{ status: string; progress: number }> = []): Promise<Array<{ status: string; progress: number }>> {
  const response = await fetch(streamUrl, { headers: { authorization: `Bearer ${cluster.key}`, accept: 'text/event-stream' } });
  assert.equal(response.status, 200);
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += Buffer.from(chunk).toString();
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      if (data) seen.push(JSON.parse(data));
    }
  }
  return seen;
}

test('a worker SIGKILLed mid-render: its lease expires and the other worker completes the task, once', { timeout: 180_000 }, async () => {
  const before = await balance();
  const id = await submit(B, { seed: 4, duration: 10, webhook_url: `${hookUrl}/killed` });
  await waitFor(url(A), cluster.key, id, (d) => d.status === 'processing' && d.progress >= 10, 60_000);
  const [{ lease_owner: owner }] = await cluster.query(`SELECT lease_owner FROM predictions WHERE id = $1`, [id]);
  const pid = Number(String(owner).split(':')[1]);
  const victim = cluster.workers.find((w) => w.child.pid === pid);
  assert.ok(victim, `the lease names a worker process (${owner})`);
  victim!.child.kill('SIGKILL');
  await victim!.exited;
  const done = await waitFor(url(B), cluster.key, id, terminal, 120_000);
  assert.equal(done.status, 'completed', done.error);
  const [row] = await cluster.query(`SELECT attempts, lease_owner, charge_state FROM predictions WHERE id = $1`, [id]);
  assert.equal(row.attempts, 2, 'leased twice: the dead worker, then the survivor');
  assert.equal(row.charge_state, 'settled');
  assert.equal(Math.round((before - (await balance())) * 100), 140, 'charged once (10 s with sound: $1.40)');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(received.filter((r) => r.path === '/killed').length, 1, 'one webhook for the one terminal state');
  cluster.workers.splice(cluster.workers.indexOf(victim!), 1);
});

test('PostgreSQL restarted mid-run: APIs and workers reconnect, nothing is lost', { timeout: 240_000 }, async () => {
  // from here on tiny renders: stop the workers gracefully, start tiny ones
  for (const w of cluster.workers.splice(0)) {
    w.child.kill('SIGTERM');
    assert.equal(await w.exited, 0, 'a worker shuts down cleanly on SIGTERM');
  }
  await Promise.all([cluster.addWorker({ MOVIOLA_RENDER_AREA: '19200' }), cluster.addWorker({ MOVIOLA_RENDER_AREA: '19200' })]);
  const before = await balance();
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await submit(i % 2, { seed: 100 + i, sound: false }, STD_MODEL_PATH));
  await waitFor(url(A), cluster.key, ids[0]!, (d) => d.status !== 'created', 60_000);
  await cluster.pg.restart(1000);
  // both APIs answer again, and accept work
  for (let i = 0; i < 2; i++) ids.push(await submitWhenBack(i, { seed: 200 + i, sound: false }));
  for (const id of ids) {
    const d = await waitFor(url(B), cluster.key, id, terminal, 120_000);
    assert.equal(d.status, 'completed', `${id}: ${d.error}`);
  }
  for (const p of [...cluster.apis, ...cluster.workers]) assert.equal(p.child.exitCode ?? p.child.signalCode, null, 'every process rode out the restart');
  const charges = await cluster.query(`SELECT sum(charge_micros)::bigint AS micros, count(*)::int AS n FROM predictions WHERE id = ANY($1) AND charge_state = 'settled'`, [ids]);
  assert.equal(charges[0].n, ids.length);
  assert.equal(Math.round((before - (await balance())) * 1e6), Number(charges[0].micros), 'the balance moved by exactly the settled charges');
});

async function submitWhenBack(i: number, body: Record<string, unknown>): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await api(url(i), cluster.key, 'POST', STD_MODEL_PATH, { image, prompt: 'slow push-in', ...body }).catch((e) => ({ status: 0, body: { message: String(e), data: null } }));
    if (r.status === 200) return r.body.data.id;
    if (Date.now() > deadline) assert.fail(`API ${i} did not recover: ${r.status} ${r.body.message}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('200 submits over two APIs: each completes exactly once, one webhook each, the balance is exact', { timeout: 300_000 }, async () => {
  const before = await balance();
  const ids: string[] = [];
  let next = 0;
  // 8 clients at a time, alternating APIs. One seed for all: each is still its own prediction (no
  // idempotency key), leased, rendered, charged and announced once, which is what this checks; and
  // with the same picture, size and seed a worker's setup cache keeps the picture's layers and
  // margin, so each render costs its frames, not a new background synthesis (half the time)
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < 200) {
      const n = next++;
      ids.push(await submit(n % 2, { seed: 1000, sound: false, webhook_url: `${hookUrl}/bulk` }, STD_MODEL_PATH));
    }
  }));
  assert.equal(new Set(ids).size, 200);
  const deadline = Date.now() + 240_000;
  for (;;) {
    const [{ n }] = await cluster.query(`SELECT count(*)::int AS n FROM predictions WHERE id = ANY($1) AND status IN ('completed', 'failed', 'cancelled')`, [ids]);
    if (n === 200) break;
    assert.ok(Date.now() < deadline, `only ${n} of 200 finished`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const rows = await cluster.query(`SELECT status, attempts, charge_state, charge_micros FROM predictions WHERE id = ANY($1)`, [ids]);
  assert.deepEqual([...new Set(rows.map((r) => `${r.status}/${r.charge_state}/${r.attempts}`))], ['completed/settled/1'], 'each leased once and completed');
  const charged = rows.reduce((sum, r) => sum + Number(r.charge_micros), 0);
  assert.equal(charged, 200 * 350_000);
  assert.equal(Math.round((before - (await balance())) * 1e6), charged, 'the balance moved by exactly the charges');
  const hookDeadline = Date.now() + 20_000;
  while (received.filter((r) => r.path === '/bulk').length < 200 && Date.now() < hookDeadline) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 1000));
  const bulk = received.filter((r) => r.path === '/bulk');
  assert.equal(bulk.length, 200, 'one delivery per prediction, none doubled');
  assert.deepEqual(new Set(bulk.map((r) => (JSON.parse(r.body) as { id: string }).id)), new Set(ids));
  assert.equal(new Set(bulk.map((r) => r.headers['webhook-id'])).size, 200);
});
