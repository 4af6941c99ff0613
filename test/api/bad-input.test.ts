/**
 * Every way a client can get a request wrong answers a 4xx whose message names the field and the
 * rule — never a 500 (DESIGN.md §8). The real server, no workers (nothing here should render).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { api, MODEL_PATH, startTestService, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';
import sharp from 'sharp';

const solidPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 160 } } }).png().toBuffer();
const gif = () => sharp({ create: { width: 400, height: 400, channels: 3, background: '#808080' } }).gif().toBuffer();
const truncatedPng = (fraction: number) => {
  const bytes = readFileSync(fixture('cat-closeup.png'));
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
};

let svc: TestService;
let images: Server;
let imagesUrl: string;
let keyB: string;
let poorKey: string;
let otherId: string;

const good = () => readFileSync(fixture('cat-closeup.png')).toString('base64');
const body = (over: Record<string, unknown> = {}) => ({ prompt: 'slow push-in', image: good(), ...over });

before(async () => {
  svc = await startTestService({ MOVIOLA_IMAGE_TIMEOUT_MS: '1500' });
  keyB = await svc.addAccount('b', 100);
  poorKey = await svc.addAccount('poor', 0.5);
  images = createServer((req, res) => {
    if (req.url === '/missing.png') { res.writeHead(404).end('no'); return; }
    if (req.url === '/slow.png') { res.writeHead(200, { 'content-type': 'image/png' }); res.write('\x89PNG'); return; /* never ends */ }
    if (req.url?.startsWith('/loop')) { res.writeHead(302, { location: `/loop${Math.random()}` }).end(); return; }
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  const b = await api(svc.url, keyB, 'POST', MODEL_PATH, body());
  assert.equal(b.status, 200, b.body.message);
  otherId = b.body.data.id;
});

after(async () => {
  images.closeAllConnections();
  images.close();
  await svc.close();
});

interface Case {
  name: string;
  request: () => Promise<{ status: number; body: { code: number; message: string } }>;
  status: number;
  message: string | RegExp | (() => string);
}

const submit = (b: unknown, key: string | null = svc.key, query = '') => api(svc.url, key, 'POST', MODEL_PATH + query, b);

const cases: Case[] = [
  { name: 'no key', request: () => submit(body(), null), status: 401, message: 'authorization: missing API key; send the header "Authorization: Bearer <key>"' },
  { name: 'wrong key', request: () => submit(body(), 'mvl_not_a_key'), status: 401, message: 'authorization: invalid API key' },
  { name: 'malformed JSON', request: () => submit('{"prompt": "x",'), status: 400, message: /^body: malformed JSON \(/ },
  { name: 'empty JSON body (names the first missing field)', request: () => submit(''), status: 400, message: 'image: required' },
  { name: 'body is an array', request: () => submit([1, 2]), status: 400, message: 'body: must be a JSON object' },
  { name: 'huge body', request: () => submit(JSON.stringify({ prompt: 'x', image: 'A'.repeat(17 * 1024 * 1024) })), status: 413, message: 'body: larger than the 16 MB limit' },
  {
    name: 'form-encoded body', status: 415, message: 'content-type: "application/x-www-form-urlencoded" is not supported; send application/json',
    request: () => api(svc.url, svc.key, 'POST', MODEL_PATH, 'prompt=x', { 'content-type': 'application/x-www-form-urlencoded' }),
  },
  {
    name: 'plain text body', status: 400, message: 'body: must be a JSON object',
    request: () => api(svc.url, svc.key, 'POST', MODEL_PATH, 'prompt=x', { 'content-type': 'text/plain' }),
  },
  { name: 'unknown model', request: () => api(svc.url, svc.key, 'POST', '/api/v3/kwaivgi/kling-v9/image-to-video', body()), status: 404, message: 'model "kwaivgi/kling-v9/image-to-video" not found (see GET /api/v3/models)' },
  { name: 'unknown route', request: () => api(svc.url, svc.key, 'GET', '/api/v3/nothing-here'), status: 404, message: 'route GET /api/v3/nothing-here not found' },
  { name: 'prompt missing', request: () => submit({ image: good() }), status: 400, message: 'prompt: required' },
  { name: 'prompt empty', request: () => submit(body({ prompt: '' })), status: 400, message: 'prompt: must be a non-empty text of at most 2500 characters (got "")' },
  { name: 'prompt only spaces', request: () => submit(body({ prompt: '   ' })), status: 400, message: 'prompt: must be a non-empty text of at most 2500 characters (got "   ")' },
  { name: 'prompt too long', request: () => submit(body({ prompt: 'a'.repeat(2501) })), status: 400, message: 'prompt: must be a non-empty text of at most 2500 characters (got a text of 2501 characters)' },
  { name: 'prompt not text', request: () => submit(body({ prompt: 42 })), status: 400, message: 'prompt: must be a non-empty text of at most 2500 characters (got 42)' },
  { name: 'negative_prompt too long', request: () => submit(body({ negative_prompt: 'b'.repeat(2600) })), status: 400, message: 'negative_prompt: must be a text of at most 2500 characters (got a text of 2600 characters)' },
  { name: 'image missing', request: () => submit({ prompt: 'x' }), status: 400, message: 'image: required' },
  { name: 'image not text', request: () => submit(body({ image: 7 })), status: 400, message: 'image: must be an http(s) URL, a data URI or base64 of a JPEG, PNG or WebP image (got 7)' },
  { name: 'image a local path', request: () => submit(body({ image: '/etc/passwd' })), status: 400, message: 'image: must be an http(s) URL, a data URI or base64 of a JPEG, PNG or WebP image (got "/etc/passwd")' },
  { name: 'cfg_scale above 1', request: () => submit(body({ cfg_scale: 1.5 })), status: 400, message: 'cfg_scale: must be a number from 0 to 1 (got 1.5)' },
  { name: 'cfg_scale text', request: () => submit(body({ cfg_scale: 'high' })), status: 400, message: 'cfg_scale: must be a number from 0 to 1 (got "high")' },
  { name: 'sound not boolean', request: () => submit(body({ sound: 'yes' })), status: 400, message: 'sound: must be true or false (got "yes")' },
  { name: 'duration 7', request: () => submit(body({ duration: 7 })), status: 400, message: 'duration: must be 5 or 10 (got 7)' },
  { name: 'duration "1"', request: () => submit(body({ duration: '1' })), status: 400, message: 'duration: must be 5 or 10 (got "1")' },
  {
    name: 'voice_list too long', status: 400, message: /^voice_list: must be a list of at most 2 objects like \{"voice_id": "…"\} \(got \[/,
    request: () => submit(body({ voice_list: [{ voice_id: 'a' }, { voice_id: 'b' }, { voice_id: 'c' }] })),
  },
  { name: 'voice_list item without voice_id', request: () => submit(body({ voice_list: [{}] })), status: 400, message: 'voice_list: must be a list of at most 2 objects like {"voice_id": "…"} (got [{}])' },
  { name: 'voice_list with an unknown voice', request: () => submit(body({ voice_list: [{ voice_id: 'robot-9' }] })), status: 400, message: 'voice_list: unknown voice id "robot-9" (see GET /api/v3/voices)' },
  { name: 'seed fractional', request: () => submit(body({ seed: 1.5 })), status: 400, message: 'seed: must be an integer from -1 to 4294967295 (got 1.5)' },
  { name: 'seed below -1', request: () => submit(body({ seed: -2 })), status: 400, message: 'seed: must be an integer from -1 to 4294967295 (got -2)' },
  { name: 'enable_sync_mode not boolean', request: () => submit(body({ enable_sync_mode: 'true' })), status: 400, message: 'enable_sync_mode: must be true or false (got "true")' },
  { name: 'webhook_url not http', request: () => submit(body({ webhook_url: 'ftp://example.com/hook' })), status: 400, message: 'webhook_url: must be an http(s) URL (got "ftp://example.com/hook")' },
  { name: 'webhook query not a URL', request: () => submit(body(), svc.key, '?webhook=nope'), status: 400, message: 'webhook: must be an http(s) URL (got "nope")' },
  { name: 'image too small', request: async () => submit(body({ image: (await solidPng(200, 200)).toString('base64') })), status: 400, message: 'image: 200×200 is too small; each side must be at least 300 px' },
  { name: 'image too wide', request: async () => submit(body({ image: (await solidPng(1000, 300)).toString('base64') })), status: 400, message: 'image: aspect ratio 1000×300 is outside 1:2.5 – 2.5:1' },
  { name: 'image corrupt', request: () => submit(body({ image: truncatedPng(0.5).toString('base64') })), status: 400, message: /^image: the file is corrupt or truncated \(/ },
  { name: 'image is a GIF', request: async () => submit(body({ image: `data:image/gif;base64,${(await gif()).toString('base64')}` })), status: 400, message: 'image: not a JPEG, PNG or WebP file' },
  { name: 'image is text', request: () => submit(body({ image: Buffer.from('hello, this is not an image at all').toString('base64') })), status: 400, message: 'image: not a JPEG, PNG or WebP file' },
  { name: 'image over 10 MB', request: () => submit(body({ image: `data:image/png;base64,${Buffer.alloc(11 * 1024 * 1024, 1).toString('base64')}` })), status: 400, message: 'image: 11.0 MB is over the 10 MB limit' },
  { name: 'image URL 404', request: () => submit(body({ image: `${imagesUrl}/missing.png` })), status: 400, message: () => `image: ${imagesUrl}/missing.png answered HTTP 404` },
  { name: 'image URL times out', request: () => submit(body({ image: `${imagesUrl}/slow.png` })), status: 400, message: () => `image: download of ${imagesUrl}/slow.png timed out after 1.5 s` },
  { name: 'image URL redirects forever', request: () => submit(body({ image: `${imagesUrl}/loop` })), status: 400, message: () => `image: ${imagesUrl}/loop redirected too many times` },
  { name: 'image URL unreachable', request: () => submit(body({ image: 'http://127.0.0.1:1/cat.png' })), status: 400, message: /^image: could not download http:\/\/127\.0\.0\.1:1\/cat\.png: \S/ },
  { name: 'too little balance', request: () => submit(body(), poorKey), status: 402, message: 'balance: $0.50 is less than the $0.70 this prediction costs' },
  { name: "another account's prediction", request: () => api(svc.url, svc.key, 'GET', `/api/v3/predictions/${otherId}/result`), status: 404, message: () => `prediction "${otherId}" not found` },
  { name: 'unknown prediction', request: () => api(svc.url, svc.key, 'GET', '/api/v3/predictions/0123456789abcdef0123456789abcdef/result'), status: 404, message: 'prediction "0123456789abcdef0123456789abcdef" not found' },
  { name: 'history page_size too big', request: () => api(svc.url, svc.key, 'POST', '/api/v3/predictions', { page_size: 1000 }), status: 400, message: 'page_size: must be an integer from 1 to 100 (got 1000)' },
  { name: 'history date not a date', request: () => api(svc.url, svc.key, 'POST', '/api/v3/predictions', { created_after: 'yesterday' }), status: 400, message: 'created_after: must be an ISO 8601 date-time (got "yesterday")' },
  { name: 'delete without ids', request: () => api(svc.url, svc.key, 'POST', '/api/v3/predictions/delete', {}), status: 400, message: 'ids: required' },
  { name: 'pricing for an unknown model', request: () => api(svc.url, svc.key, 'POST', '/api/v3/model/pricing', { model_id: 'x/y' }), status: 404, message: 'model "x/y" not found (see GET /api/v3/models)' },
  { name: 'pricing with a bad duration', request: () => api(svc.url, svc.key, 'POST', '/api/v3/model/pricing', { model_id: 'kwaivgi/kling-v2.6-pro/image-to-video', inputs: { duration: 3 } }), status: 400, message: 'duration: must be 5 or 10 (got 3)' },
  { name: 'upload ticket without size', request: () => api(svc.url, svc.key, 'POST', '/api/v3/media/uploads', { filename: 'a.png' }), status: 400, message: 'size: required' },
  { name: 'upload ticket too large', request: () => api(svc.url, svc.key, 'POST', '/api/v3/media/uploads', { filename: 'a.png', size: 1e9 }), status: 413, message: 'size: 1000000000 bytes is over the 32 MB upload limit' },
];

test(`bad inputs: ${cases.length} cases, each a 4xx naming the field and the rule`, async (t) => {
  assert.ok(cases.length >= 25);
  for (const c of cases) {
    await t.test(c.name, async () => {
      const r = await c.request();
      assert.equal(r.status, c.status, `${c.name}: ${r.body.message}`);
      assert.equal(r.body.code, c.status);
      if (typeof c.message === 'function') assert.equal(r.body.message, c.message());
      else if (typeof c.message === 'string') assert.equal(r.body.message, c.message);
      else assert.match(r.body.message, c.message);
    });
  }
});

test('no bad input created a prediction or moved money', async () => {
  const history = await api(svc.url, svc.key, 'POST', '/api/v3/predictions', {});
  assert.equal(history.body.data.total, 0);
  const balance = await api(svc.url, svc.key, 'GET', '/api/v3/balance');
  assert.equal(balance.body.data.balance, 100);
  const poor = await api(svc.url, poorKey, 'GET', '/api/v3/balance');
  assert.equal(poor.body.data.balance, 0.5);
});
