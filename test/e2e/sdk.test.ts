/**
 * The official `wavespeed` SDK, unmodified, against the real server: upload() (ticket + PUT) whose
 * URL is accepted as `image`, run() polling and run() in sync mode, each returning an MP4 URL that
 * downloads and plays (ffprobe). The same run carries a webhook whose receiver fails twice: the
 * third delivery arrives and verifies with the `standardwebhooks` package.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'wavespeed';
import { Webhook } from 'standardwebhooks';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';
import { probe } from '../helpers/decode-video.js';

const MODEL = 'kwaivgi/kling-v2.6-pro/image-to-video';
let svc: TestService;
let hooks: Server;
let hookUrl: string;
let scratch: string;
const received: Array<{ body: string; headers: Record<string, string>; answered: number }> = [];

before(async () => {
  svc = await startTestService({ MOVIOLA_WORKERS: '1', MOVIOLA_WEBHOOK_BACKOFF_MS: '200,300,400' });
  scratch = await mkdtemp(join(tmpdir(), 'moviola-sdk-'));
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answered = received.length < 2 ? 503 : 204;
      received.push({ body, headers: req.headers as Record<string, string>, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
});

after(async () => {
  hooks.close();
  await svc.close();
  await rm(scratch, { recursive: true, force: true });
});

async function download(url: string, name: string): Promise<string> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  const path = join(scratch, name);
  await writeFile(path, Buffer.from(await response.arrayBuffer()));
  return path;
}

test('upload() then run(): an MP4 with sound that plays, and a webhook that arrives on the third try', async () => {
  const client = new Client(svc.key, { baseUrl: svc.url });
  const imageUrl = await client.upload(fixture('street-old-town.jpg'));
  assert.match(imageUrl, /^http:\/\/127\.0\.0\.1:\d+\/files\/uploads\/[0-9a-f]{32}\/street-old-town\.jpg$/);
  const uploaded = Buffer.from(await (await fetch(imageUrl)).arrayBuffer());
  assert.deepEqual(uploaded, readFileSync(fixture('street-old-town.jpg')), 'the upload round-trips byte for byte');

  const result = await client.run(MODEL, { image: imageUrl, prompt: 'slow push-in, rain on the street', seed: 11, webhook_url: hookUrl }, { pollInterval: 0.2, timeout: 240 });
  assert.equal(result.outputs.length, 1);
  const mp4 = await download(String(result.outputs[0]), 'run.mp4');
  const info = await probe(mp4);
  const video = info.streams.find((s) => s.codec_type === 'video');
  assert.equal(video?.codec_name, 'h264');
  assert.equal(Number(video?.nb_frames), 5 * 24);
  assert.ok(info.streams.some((s) => s.codec_type === 'audio'), 'sound defaults to on');

  // the prediction object behind it: WaveSpeed's fields plus ours
  const id = /\/outputs\/([0-9a-f]{32})\//.exec(String(result.outputs[0]))![1]!;
  const got = await api(svc.url, svc.key, 'GET', `/api/v3/predictions/${id}/result`);
  const data = got.body.data;
  assert.equal(data.status, 'completed');
  assert.deepEqual(data.has_nsfw_contents, [false]);
  assert.ok(data.timings.inference > 0);
  assert.equal(data.progress, 100);
  assert.equal(data.plan.seed, 11);
  assert.equal(data.input.image, imageUrl);
  const poster = await fetch(data.poster);
  assert.equal(poster.headers.get('content-type'), 'image/jpeg');

  // Range requests on the output
  const range = await fetch(data.outputs[0], { headers: { range: 'bytes=0-99' } });
  assert.equal(range.status, 206);
  assert.equal((await range.arrayBuffer()).byteLength, 100);
  assert.match(range.headers.get('content-range') ?? '', /^bytes 0-99\/\d+$/);

  // webhook: two failures, then delivered and verifiable
  const deadline = Date.now() + 15_000;
  while (!received.some((r) => r.answered === 204) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(received.map((r) => r.answered), [503, 503, 204]);
  const secret = (await api(svc.url, svc.key, 'GET', '/api/v3/webhook/secret')).body.data.secret;
  assert.match(secret, /^whsec_/);
  const last = received[2]!;
  const verified = new Webhook(secret).verify(last.body, last.headers) as { id: string; status: string; outputs: string[] };
  assert.equal(verified.id, id);
  assert.equal(verified.status, 'completed');
  assert.deepEqual(verified.outputs, data.outputs);
  assert.equal(received[0]!.headers['webhook-id'], last.headers['webhook-id'], 'retries keep the message id');
  assert.throws(() => new Webhook(secret).verify(last.body.replace('completed', 'failed'), last.headers), 'a tampered body does not verify');
});

test('run() in sync mode: one request, the finished MP4 (no audio stream when sound is false)', async () => {
  const client = new Client(svc.key, { baseUrl: svc.url });
  const image = `data:image/png;base64,${readFileSync(fixture('cat-closeup.png')).toString('base64')}`;
  const before = (await api(svc.url, svc.key, 'GET', '/api/v3/balance')).body.data.balance;
  const result = await client.run('kwaivgi/kling-v2.6-std/image-to-video', { image, prompt: 'the cat slowly blinks', sound: false, seed: 5 }, { enableSyncMode: true, timeout: 240 });
  const mp4 = await download(String(result.outputs[0]), 'sync.mp4');
  const info = await probe(mp4);
  assert.equal(info.streams.find((s) => s.codec_type === 'video')?.codec_name, 'h264');
  assert.equal(info.streams.filter((s) => s.codec_type === 'audio').length, 0);
  const after = (await api(svc.url, svc.key, 'GET', '/api/v3/balance')).body.data.balance;
  assert.equal(Math.round((before - after) * 100), 35, '5 s without sound costs $0.35');
});
