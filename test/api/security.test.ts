/**
 * Security, table-driven against the real server with its default (strict) outbound policy: every
 * case asserts the status and the message, and that nothing was fetched (a listener of this test's
 * own, on loopback, counts every request it gets), charged (the balance) or lost (the account's
 * predictions). Covers issue #12: outbound guard for images and webhooks (loopback in all its
 * spellings, private, link-local/metadata, CGNAT, multicast, IPv4-mapped, the server's own
 * /metrics), no port scanning through error texts, uploads sniffed and served inert, request
 * parsing, backpressure, failed-auth rate limiting, forwarded headers, expiry, webhook deliveries.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { Client, WavespeedSyncTimeoutException } from 'wavespeed';
import { api, MODEL_PATH, startTestService, type ApiResponse, type TestService } from '../helpers/service.js';

let svc: TestService;
let listener: Server;
let port: number;
let hits = 0;
let closedPort: number;
let queued: string;

/** a small valid photo-like PNG, different for every seed (so no analysis cache hides work) */
async function png(seed: number, width = 400, height = 300): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761 >>> 0;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = ((i % (width * 3)) / 5 + (x >>> 24) / 4) & 255;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

const dataUri = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

before(async () => {
  // the test's own listener: if the server ever fetched from it, `hits` would say so (and it would
  // get a valid image, so the submit would succeed)
  const image = await png(1);
  listener = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'image/png' }).end(image);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as AddressInfo).port;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  // the defaults, except the strict outbound policy (the helper allows loopback for other tests)
  svc = await startTestService({ MOVIOLA_ALLOW_PRIVATE_URLS: '' });
  const made = await api(svc.url, svc.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(await png(2)) });
  assert.equal(made.status, 200, made.body.message);
  queued = made.body.data.id;
});

after(async () => {
  await svc?.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

const submit = (body: Record<string, unknown>, query = '') => api(svc.url, svc.key, 'POST', MODEL_PATH + query, { prompt: 'slow push-in', ...body });
const imageAt = (url: string) => submit({ image: url });

async function upload(bytes: Buffer | string, filename: string, type: string): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${svc.url}/api/v3/media/upload/binary`, { method: 'POST', headers: { authorization: `Bearer ${svc.key}` }, body: form });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function ticketPut(bytes: Buffer | string, filename: string): Promise<ApiResponse> {
  const size = Buffer.byteLength(bytes);
  const ticket = await api(svc.url, svc.key, 'POST', '/api/v3/media/uploads', { filename, size, content_type: 'image/png' });
  assert.equal(ticket.status, 200, ticket.body.message);
  const response = await fetch(ticket.body.data.upload.url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const REFUSED_IMAGE = (url: string) => `image: could not download ${url}: unreachable, or not a public address (loopback, private and link-local addresses are refused)`;
const NOT_PUBLIC = (field: string, url: string) => `${field}: "${url}" is not an http(s) URL of a public address; this server does not connect to loopback, private or link-local addresses`;

interface Case {
  name: string;
  request: () => Promise<ApiResponse>;
  status: number;
  message: string | RegExp;
  /** extra checks on the answer */
  check?: (r: ApiResponse) => void | Promise<void>;
}

const loopbackImages = () => [
  `http://127.0.0.1:${port}/a.png`, `http://localhost:${port}/a.png`, `http://[::1]:${port}/a.png`, `http://127.1:${port}/a.png`,
  `http://2130706433:${port}/a.png`, `http://0x7f000001:${port}/a.png`, `http://[::ffff:127.0.0.1]:${port}/a.png`, `http://0.0.0.0:${port}/a.png`,
  `http://[::ffff:7f00:1]:${port}/a.png`, `http://017700000001:${port}/a.png`,
];

/** built once the server and the listener are up (the cases name their ports) */
const cases = (): Case[] => [
  // ── outbound guard: image URLs (every spelling of loopback reaches the test's listener if fetched) ──
  ...loopbackImages().map((url): Case => ({
    name: `image URL on loopback: ${url.replace(String(port), 'PORT')}`,
    request: () => imageAt(url),
    status: 400,
    // the URL parser normalises the spelling; the message quotes what the user sent
    message: REFUSED_IMAGE(url),
  })),
  { name: 'image URL: cloud metadata (169.254.169.254)', request: () => imageAt('http://169.254.169.254/latest/meta-data/'), status: 400, message: REFUSED_IMAGE('http://169.254.169.254/latest/meta-data/') },
  { name: 'image URL: RFC 1918 10/8', request: () => imageAt('http://10.0.0.1/a.png'), status: 400, message: REFUSED_IMAGE('http://10.0.0.1/a.png') },
  { name: 'image URL: RFC 1918 192.168/16', request: () => imageAt('https://192.168.1.1/a.png'), status: 400, message: REFUSED_IMAGE('https://192.168.1.1/a.png') },
  { name: 'image URL: RFC 1918 172.16/12', request: () => imageAt('http://172.16.5.4/a.png'), status: 400, message: REFUSED_IMAGE('http://172.16.5.4/a.png') },
  { name: 'image URL: CGNAT 100.64/10', request: () => imageAt('http://100.64.0.1/a.png'), status: 400, message: REFUSED_IMAGE('http://100.64.0.1/a.png') },
  { name: 'image URL: unique local fc00::/7', request: () => imageAt('http://[fd00::1]/a.png'), status: 400, message: REFUSED_IMAGE('http://[fd00::1]/a.png') },
  { name: 'image URL: link-local fe80::/10', request: () => imageAt('http://[fe80::1]/a.png'), status: 400, message: REFUSED_IMAGE('http://[fe80::1]/a.png') },
  { name: 'image URL: multicast', request: () => imageAt('http://224.0.0.1/a.png'), status: 400, message: REFUSED_IMAGE('http://224.0.0.1/a.png') },
  { name: "image URL: the server's own /metrics", request: () => imageAt(`${svc.url}/metrics`), status: 400, message: REFUSED_IMAGE(`${svc.url}/metrics`) },
  {
    name: 'no port scanning: a closed port and an open one give the same answer',
    request: () => imageAt(`http://127.0.0.1:${closedPort}/a.png`),
    status: 400,
    message: REFUSED_IMAGE(`http://127.0.0.1:${closedPort}/a.png`),
    check: async (closed) => {
      const open = await imageAt(`http://127.0.0.1:${port}/a.png`);
      assert.equal(open.status, closed.status);
      assert.equal(open.body.message.replace(String(port), 'P'), closed.body.message.replace(String(closedPort), 'P'));
    },
  },
  // ── outbound guard: webhooks, refused at submit (body field and query) ──
  { name: 'webhook_url on loopback', request: () => submit({ image: dataUri(Buffer.alloc(0)), webhook_url: `http://127.0.0.1:${port}/hook` }), status: 400, message: NOT_PUBLIC('webhook_url', `http://127.0.0.1:${port}/hook`) },
  { name: 'webhook query at cloud metadata', request: () => submit({ image: 'x' }, `?webhook=${encodeURIComponent('http://169.254.169.254/')}`), status: 400, message: NOT_PUBLIC('webhook_url', 'http://169.254.169.254/') },
  { name: 'webhook_url as decimal loopback', request: () => submit({ image: 'x', webhook_url: `http://2130706433:${port}/` }), status: 400, message: NOT_PUBLIC('webhook_url', `http://2130706433:${port}/`) },
  // ── uploads: sniffed from their bytes ──
  { name: 'binary upload of HTML', request: () => upload('<html><script>alert(localStorage.key)</script></html>', 'x.html', 'text/html'), status: 400, message: /^file: must be a JPEG, PNG or WebP image/ },
  { name: 'binary upload of SVG with script', request: () => upload('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'x.svg', 'image/svg+xml'), status: 400, message: /^file: must be a JPEG, PNG or WebP image/ },
  { name: 'binary upload: HTML behind a PNG signature', request: () => upload(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('<html><script>alert(1)</script>')]), 'x.png', 'image/png'), status: 400, message: /^file: must be a JPEG, PNG or WebP image/ },
  { name: 'ticket + PUT of HTML named .png', request: () => ticketPut('<!doctype html><script>fetch("/api/v3/balance")</script>', 'photo.png'), status: 400, message: /^file: must be a JPEG, PNG or WebP image; the bytes are not one/ },
  {
    name: 'a real PNG named evil.html is served as image/png, nosniff, with a no-script CSP',
    request: async () => upload(await png(3), 'evil.html', 'text/html'),
    status: 200,
    message: 'success',
    check: async (r) => {
      assert.match(r.body.data.download_url, /\/evil\.html$/);
      const served = await fetch(r.body.data.download_url);
      assert.equal(served.headers.get('content-type'), 'image/png');
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(served.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    },
  },
  // ── request parsing ──
  { name: 'cancel with Content-Type: application/json and no body', request: () => api(svc.url, svc.key, 'POST', '/api/v3/predictions/0123456789abcdef0123456789abcdef/cancel', ''), status: 404, message: 'prediction "0123456789abcdef0123456789abcdef" not found' },
  { name: 'upload ticket with an empty JSON body names the field', request: () => api(svc.url, svc.key, 'POST', '/api/v3/media/uploads', ''), status: 400, message: 'filename: required' },
  { name: 'JSON nested 5,000 deep', request: () => api(svc.url, svc.key, 'POST', MODEL_PATH, '['.repeat(5000) + ']'.repeat(5000)), status: 400, message: 'body: JSON nested deeper than 32 levels' },
  { name: 'JSON nested 5,000 deep inside a string-heavy body', request: () => api(svc.url, svc.key, 'POST', MODEL_PATH, `{"prompt":"a \\" [[[ {{{","x":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`), status: 400, message: 'body: JSON nested deeper than 32 levels' },
  { name: '__proto__ key', request: () => api(svc.url, svc.key, 'POST', MODEL_PATH, '{"prompt":"x","image":"y","__proto__":{"admin":true}}'), status: 400, message: 'body: the keys "__proto__" and "constructor" (with "prototype") are not allowed (prototype poisoning)' },
  { name: 'constructor.prototype key', request: () => api(svc.url, svc.key, 'POST', MODEL_PATH, '{"prompt":"x","constructor":{"prototype":{"admin":true}}}'), status: 400, message: 'body: the keys "__proto__" and "constructor" (with "prototype") are not allowed (prototype poisoning)' },
  // ── proxies: forwarded headers are not trusted by default ──
  {
    name: 'X-Forwarded-Host / Host do not reach urls.get',
    request: () => api(svc.url, svc.key, 'GET', `/api/v3/predictions/${queued}/result`, undefined, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }),
    status: 200,
    message: 'success',
    check: (r) => assert.equal(r.body.data.urls.get, `${svc.url}/api/v3/predictions/${queued}/result`),
  },
  // ── webhooks: deliveries visible; a live prediction cannot be redelivered ──
  { name: 'webhooks of another id', request: () => api(svc.url, svc.key, 'GET', '/api/v3/predictions/ffffffffffffffffffffffffffffffff/webhooks'), status: 404, message: 'prediction "ffffffffffffffffffffffffffffffff" not found' },
  {
    name: 'redeliver a prediction without a webhook',
    request: async () => api(svc.url, svc.key, 'POST', `/api/v3/predictions/${queued}/webhooks/redeliver`, ''),
    status: 409,
    message: new RegExp(`^prediction "${queued}" has no webhook_url; nothing to redeliver$`),
  },
  {
    name: 'webhook deliveries of a prediction without a webhook: an empty list',
    request: async () => api(svc.url, svc.key, 'GET', `/api/v3/predictions/${queued}/webhooks`),
    status: 200,
    message: 'success',
    check: (r) => assert.deepEqual(r.body.data.items, []),
  },
  // ── authentication ──
  { name: 'no key', request: () => api(svc.url, null, 'GET', '/api/v3/balance'), status: 401, message: 'authorization: missing API key; send the header "Authorization: Bearer <key>"' },
];

test('security table: each case with its status and message, nothing fetched, charged or lost', { timeout: 180_000 }, async (t) => {
  const table = cases();
  assert.ok(table.length >= 30, `${table.length} cases`);
  t.diagnostic(`${table.length} cases`);
  for (const c of table) {
    const balance = (await api(svc.url, svc.key, 'GET', '/api/v3/balance')).body.data.balance;
    const count = (await api(svc.url, svc.key, 'POST', '/api/v3/predictions', { page_size: 100 })).body.data.items.length;
    const r = await c.request();
    assert.equal(r.status, c.status, `${c.name}: ${r.body.message}`);
    if (typeof c.message === 'string') assert.equal(r.body.message, c.message, c.name);
    else assert.match(r.body.message, c.message, c.name);
    await c.check?.(r);
    assert.equal(hits, 0, `${c.name}: the listener was reached`);
    assert.equal((await api(svc.url, svc.key, 'GET', '/api/v3/balance')).body.data.balance, balance, `${c.name}: the balance moved`);
    assert.equal((await api(svc.url, svc.key, 'POST', '/api/v3/predictions', { page_size: 100 })).body.data.items.length, count, `${c.name}: predictions were created or lost`);
  }
});

test('failed authentication is rate-limited per address: 429 with Retry-After, even for a right key, and no more lookups', { timeout: 60_000 }, async () => {
  const limited = await startTestService({ MOVIOLA_AUTH_FAILURES_PER_MINUTE: '3' });
  try {
    for (let i = 0; i < 3; i++) assert.equal((await api(limited.url, 'mvl_wrong', 'GET', '/api/v3/balance')).status, 401);
    const fourth = await api(limited.url, 'mvl_wrong', 'GET', '/api/v3/balance');
    assert.equal(fourth.status, 429);
    assert.match(fourth.body.message, /^authorization: more than 3 failed authentications from this address in a minute \(MOVIOLA_AUTH_FAILURES_PER_MINUTE\); retry after \d+ s$/);
    assert.ok(Number(fourth.headers.get('retry-after')) >= 1);
    const right = await api(limited.url, limited.key, 'GET', '/api/v3/balance');
    assert.equal(right.status, 429, 'guessing stops: the address is refused before its key is looked at');
    // unauthenticated routes are not limited
    assert.equal((await fetch(`${limited.url}/healthz`)).status, 200);
  } finally {
    await limited.close();
  }
});

test('MOVIOLA_TRUST_PROXY=1: forwarded headers count', { timeout: 60_000 }, async () => {
  const proxied = await startTestService({ MOVIOLA_TRUST_PROXY: '1' });
  try {
    const r = await api(proxied.url, proxied.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(await png(5)) }, { 'x-forwarded-host': 'videos.example.com', 'x-forwarded-proto': 'https' });
    assert.equal(r.status, 200, r.body.message);
    assert.equal(r.body.data.urls.get, `https://videos.example.com/api/v3/predictions/${r.body.data.id}/result`);
  } finally {
    await proxied.close();
  }
});

test('a CIDR allow-list: an allowed loopback address is fetched, a redirect from it to another loopback address is refused', { timeout: 60_000 }, async () => {
  let reachedOther = 0;
  const image = await png(6);
  const other = createServer((_req, res) => {
    reachedOther++;
    res.writeHead(200, { 'content-type': 'image/png' }).end(image);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const otherPort = (other.address() as AddressInfo).port;
  const allowed = createServer((req, res) => {
    if (req.url === '/direct.png') res.writeHead(200, { 'content-type': 'image/png' }).end(image);
    else res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/a.png` }).end();
  });
  await new Promise<void>((resolve) => allowed.listen(0, '127.0.0.2', resolve));
  const allowedPort = (allowed.address() as AddressInfo).port;
  const svc2 = await startTestService({ MOVIOLA_ALLOW_PRIVATE_URLS: '127.0.0.2/32' });
  try {
    const direct = await api(svc2.url, svc2.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: `http://127.0.0.2:${allowedPort}/direct.png` });
    assert.equal(direct.status, 200, direct.body.message);
    const redirected = `http://127.0.0.2:${allowedPort}/moved.png`;
    const r = await api(svc2.url, svc2.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: redirected });
    assert.equal(r.status, 400);
    assert.equal(r.body.message, REFUSED_IMAGE(redirected));
    assert.equal(reachedOther, 0, 'the redirect target was not fetched');
  } finally {
    await svc2.close();
    await new Promise<void>((resolve) => other.close(() => resolve()));
    await new Promise<void>((resolve) => allowed.close(() => resolve()));
  }
});

test('sync mode that ends before the prediction does: the official SDK raises its sync-timeout error; charged once', { timeout: 60_000 }, async () => {
  const quick = await startTestService({ MOVIOLA_SYNC_TIMEOUT_MS: '300' });
  try {
    const client = new Client(quick.key, { baseUrl: quick.url, maxRetries: 0 });
    const image = dataUri(await png(7));
    await assert.rejects(client.run('kwaivgi/kling-v2.6-pro/image-to-video', { prompt: 'slow push-in', image }, { enableSyncMode: true, timeout: 30 }), (error: unknown) => {
      assert.ok(error instanceof WavespeedSyncTimeoutException, String(error));
      assert.match((error as Error).message, /Sync mode timed out/);
      assert.match((error as WavespeedSyncTimeoutException).resultUrl ?? '', /\/api\/v3\/predictions\/[0-9a-f]{32}\/result$/);
      return true;
    });
    const history = (await api(quick.url, quick.key, 'POST', '/api/v3/predictions', { page_size: 10 })).body.data.items;
    assert.equal(history.length, 1);
    assert.equal(history[0].status, 'created', 'it goes on');
    assert.equal((await api(quick.url, quick.key, 'GET', '/api/v3/balance')).body.data.balance, 100 - 0.7);
  } finally {
    await quick.close();
  }
});

test('fairness: one account at its limit does not block another; the global cap answers 429 too', { timeout: 60_000 }, async () => {
  const capped = await startTestService({ MOVIOLA_MAX_QUEUED_PER_ACCOUNT: '1', MOVIOLA_MAX_QUEUED: '2' });
  try {
    const b = await capped.addAccount('b', 10);
    const c = await capped.addAccount('c', 10);
    const go = async (key: string, seed: number) => api(capped.url, key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(await png(seed)) });
    assert.equal((await go(capped.key, 10)).status, 200);
    const over = await go(capped.key, 11);
    assert.equal(over.status, 429);
    assert.equal(over.body.message, 'rate limit: this account already has 1 predictions waiting or rendering (MOVIOLA_MAX_QUEUED_PER_ACCOUNT); retry after 10 s');
    assert.equal(over.headers.get('retry-after'), '10');
    assert.equal((await go(b, 12)).status, 200, 'another account still gets in');
    const full = await go(c, 13);
    assert.equal(full.status, 429);
    assert.equal(full.body.message, "rate limit: the server's queue is full with 2 predictions (MOVIOLA_MAX_QUEUED); retry after 10 s");
    assert.equal((await api(capped.url, c, 'GET', '/api/v3/balance')).body.data.balance, 10, 'a refused submit is not charged');
  } finally {
    await capped.close();
  }
});

test('a burst from one account cannot slip past its limit between the count and the insert', { timeout: 60_000 }, async () => {
  const tight = await startTestService({ MOVIOLA_MAX_QUEUED_PER_ACCOUNT: '3', MOVIOLA_MAX_PENDING_IMAGES: '20' });
  try {
    const images = await Promise.all(Array.from({ length: 12 }, (_, i) => png(40 + i)));
    const answers = await Promise.all(images.map((image) => api(tight.url, tight.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(image) })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, ...Array(9).fill(429)]);
    assert.equal((await api(tight.url, tight.key, 'POST', '/api/v3/predictions', { page_size: 100 })).body.data.items.length, 3);
    assert.equal((await api(tight.url, tight.key, 'GET', '/api/v3/balance')).body.data.balance, 100 - 3 * 0.7);
  } finally {
    await tight.close();
  }
});

test('past 4 × MOVIOLA_MAX_PENDING_IMAGES submits being received, the next is refused before its body is read', { timeout: 60_000 }, async () => {
  const narrow = await startTestService({ MOVIOLA_MAX_PENDING_IMAGES: '1' });
  const { request } = await import('node:http');
  const open: Array<ReturnType<typeof request>> = [];
  try {
    // four submits whose bodies are still arriving hold the four places
    for (let i = 0; i < 4; i++) {
      const req = request(`${narrow.url}${MODEL_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${narrow.key}`, 'content-type': 'application/json', 'content-length': '1000000' } });
      req.on('error', () => {});
      req.write('{"prompt":"slow push-in","image":"');
      open.push(req);
    }
    await new Promise((r) => setTimeout(r, 500));
    const refused = await api(narrow.url, narrow.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(await png(60)) });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.message, 'rate limit: 4 submits are being received and checked already (4 × MOVIOLA_MAX_PENDING_IMAGES); retry after 1 s');
    assert.equal(refused.headers.get('retry-after'), '1');
    for (const req of open) req.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const next = await api(narrow.url, narrow.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(await png(61)) });
    assert.equal(next.status, 200, `the places are free again when those clients go: ${next.body.message}`);
  } finally {
    for (const req of open) req.destroy();
    await narrow.close();
  }
});

test('identical images arriving together are analysed once; metric names have one prefix', { timeout: 60_000 }, async () => {
  const busy = await startTestService({ MOVIOLA_MAX_QUEUED_PER_ACCOUNT: '100' });
  try {
    const image = dataUri(await png(20, 1600, 1200));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, seed) => api(busy.url, busy.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image, seed })));
    for (const a of answers) assert.equal(a.status, 200, a.body.message);
    const metrics = await (await fetch(`${busy.url}/metrics`)).text();
    // the warm-up analyses one image at start; the 12 submits add one
    assert.match(metrics, /^moviola_image_analyses_total 1$/m);
    // metric names carry one prefix (was moviola_process_process_*)
    assert.match(metrics, /^moviola_process_cpu_seconds_total \d/m);
    assert.doesNotMatch(metrics, /process_process_|nodejs_nodejs_/);
  } finally {
    await busy.close();
  }
});

test('expiry: a prediction past MOVIOLA_RETENTION_DAYS answers 410 and its files are gone; unused upload tickets expire after an hour', { timeout: 60_000 }, async () => {
  const kept = await startTestService({ MOVIOLA_RETENTION_DAYS: '7' });
  try {
    const made = await api(kept.url, kept.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: dataUri(await png(30)) });
    const id = made.body.data.id;
    const cancelled = await api(kept.url, kept.key, 'POST', `/api/v3/predictions/${id}/cancel`, '');
    assert.equal(cancelled.status, 200, cancelled.body.message);
    assert.equal((await fetch(cancelled.body.data.input.image)).status, 404, "a cancelled prediction's input is deleted at once");
    const ticket = await api(kept.url, kept.key, 'POST', '/api/v3/media/uploads', { filename: 'later.png', size: 10 });
    const done = await upload(await png(31), 'kept.png', 'image/png');
    assert.equal(done.status, 200);

    // an hour later: only the unused ticket goes
    assert.deepEqual(await kept.service.sweepRetention(Date.now() + 61 * 60 * 1000), { predictions: 0, uploads: 1 });
    const put = await fetch(ticket.body.data.upload.url, { method: 'PUT', body: 'x'.repeat(10) });
    assert.equal(put.status, 403);
    assert.equal((await fetch(done.body.data.download_url)).status, 200);

    // eight days later: the prediction and the finished upload too
    assert.deepEqual(await kept.service.sweepRetention(Date.now() + 8 * 86_400_000), { predictions: 1, uploads: 1 });
    const gone = await api(kept.url, kept.key, 'GET', `/api/v3/predictions/${id}/result`);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.message, `prediction "${id}": expired; its inputs and outputs were deleted after the 7-day retention period (MOVIOLA_RETENTION_DAYS)`);
    assert.equal((await fetch(done.body.data.download_url)).status, 404);
  } finally {
    await kept.close();
  }

  async function upload(bytes: Buffer, filename: string, type: string) {
    const form = new FormData();
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), filename);
    const response = await fetch(`${kept.url}/api/v3/media/upload/binary`, { method: 'POST', headers: { authorization: `Bearer ${kept.key}` }, body: form });
    return { status: response.status, body: await response.json() };
  }
});
