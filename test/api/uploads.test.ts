/**
 * Uploads: the ticket + PUT flow (signed, single-use, size-limited URL) and the multipart binary
 * flow; downloads at unguessable URLs with Range support.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';

let svc: TestService;
const png = readFileSync(fixture('cat-closeup.png'));

before(async () => {
  svc = await startTestService();
});
after(() => svc.close());

const ticket = (body: unknown) => api(svc.url, svc.key, 'POST', '/api/v3/media/uploads', body);

test('ticket + PUT: the bytes land at the download URL; the PUT URL is single-use and size-limited', async () => {
  const t = await ticket({ filename: 'my cat.png', size: png.length, content_type: 'image/png' });
  assert.equal(t.status, 200);
  const { download_url: downloadUrl, upload } = t.body.data;
  assert.equal(upload.method, 'PUT');
  assert.equal(upload.headers['Content-Type'], 'image/png');
  assert.match(downloadUrl, /\/files\/uploads\/[0-9a-f]{32}\/my_cat\.png$/);
  assert.equal((await fetch(downloadUrl)).status, 404, 'nothing there before the PUT');

  const short = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: png.subarray(0, 100) });
  assert.equal(short.status, 400);
  assert.equal((await short.json()).message, `upload: expected ${png.length} bytes as declared, got 100`);

  const forged = await fetch(upload.url.replace(/signature=[^&]+/, 'signature=AAAA'), { method: 'PUT', headers: upload.headers, body: png });
  assert.equal(forged.status, 403);
  assert.equal((await forged.json()).message, 'upload: the URL is invalid or has expired; ask POST /api/v3/media/uploads for a new one');

  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: png });
  assert.equal(put.status, 200, await put.clone().text());
  const again = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: png });
  assert.equal(again.status, 409);
  assert.equal((await again.json()).message, 'upload: this upload URL has already been used');

  const got = await fetch(downloadUrl);
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), png);
  const range = await fetch(downloadUrl, { headers: { range: 'bytes=10-19' } });
  assert.equal(range.status, 206);
  assert.deepEqual(Buffer.from(await range.arrayBuffer()), png.subarray(10, 20));
  const guessed = await fetch(downloadUrl.replace(/[0-9a-f]{32}/, '0'.repeat(32)));
  assert.equal(guessed.status, 404);
});

test('binary upload: multipart field "file" → { type, download_url, filename, size }', async () => {
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'cat.png');
  const r = await fetch(`${svc.url}/api/v3/media/upload/binary`, { method: 'POST', headers: { authorization: `Bearer ${svc.key}` }, body: form });
  const body = await r.json();
  assert.equal(r.status, 200);
  assert.equal(body.code, 200);
  assert.equal(body.data.type, 'image');
  assert.equal(body.data.filename, 'cat.png');
  assert.equal(body.data.size, png.length);
  assert.deepEqual(Buffer.from(await (await fetch(body.data.download_url)).arrayBuffer()), png);

  const empty = await fetch(`${svc.url}/api/v3/media/upload/binary`, { method: 'POST', headers: { authorization: `Bearer ${svc.key}` }, body: new FormData() });
  assert.equal(empty.status, 400);
  assert.equal((await empty.json()).message, 'file: required, a multipart file field named "file"');
  const anonymous = await fetch(`${svc.url}/api/v3/media/upload/binary`, { method: 'POST', body: form });
  assert.equal(anonymous.status, 401);
});
