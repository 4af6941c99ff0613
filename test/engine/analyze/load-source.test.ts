import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { loadImageSource } from '../../../src/engine/analyze/load-source.js';
import { fixture } from '../../helpers/fixtures.js';

const catPath = fixture('cat-closeup.png');
let cat: Buffer;
let server: Server;
let base: string;
const timers = new Set<NodeJS.Timeout>();

before(async () => {
  cat = await readFile(catPath);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hop = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/cat.png':
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': cat.length });
        res.end(cat);
        return;
      case '/missing.png':
        res.writeHead(404);
        res.end('not here');
        return;
      case '/hop': // redirects `n` times (relative Location), then serves the cat
        if (hop > 0) res.writeHead(302, { location: `/hop?n=${hop - 1}` }).end();
        else res.writeHead(200, { 'content-type': 'image/png' }).end(cat);
        return;
      case '/loop':
        res.writeHead(301, { location: '/loop' }).end();
        return;
      case '/slow': // headers now, the body never
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(cat.subarray(0, 100));
        timers.add(setTimeout(() => res.end(), 5000));
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-length': 50 * 1024 * 1024 });
        res.write(Buffer.alloc(1024));
        return;
      case '/big-chunked': { // no length: streams 64 KB chunks until the client gives up
        res.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(64 * 1024, 7);
        let sent = 0;
        const pump = () => {
          while (sent < 400 && res.write(chunk)) sent++;
          if (sent < 400) res.once('drain', pump);
          else res.end();
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      default:
        res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('a URL downloads the bytes', async () => {
  assert.deepEqual(await loadImageSource(`${base}/cat.png`), cat);
});

test('up to 5 redirects are followed (relative Location resolved)', async () => {
  assert.deepEqual(await loadImageSource(`${base}/hop?n=5`), cat);
});

test('a 6th redirect is refused: IMAGE_URL_REDIRECTS', async () => {
  await assert.rejects(loadImageSource(`${base}/hop?n=6`), { code: 'IMAGE_URL_REDIRECTS', message: /redirected too many times/ });
});

test('a redirect loop is refused: IMAGE_URL_REDIRECTS', async () => {
  await assert.rejects(loadImageSource(`${base}/loop`), { code: 'IMAGE_URL_REDIRECTS', message: /\/loop redirected too many times/ });
});

test('a 404 is IMAGE_URL_STATUS naming the status', async () => {
  await assert.rejects(loadImageSource(`${base}/missing.png`), { code: 'IMAGE_URL_STATUS', message: /answered HTTP 404/ });
});

test('a server that stalls is IMAGE_URL_TIMEOUT after timeoutMs', async () => {
  const t = performance.now();
  await assert.rejects(loadImageSource(`${base}/slow`, { timeoutMs: 300 }), { code: 'IMAGE_URL_TIMEOUT', message: /timed out after 0\.3 s/ });
  const took = performance.now() - t;
  assert.ok(took >= 280 && took < 3000, `gave up after ${took.toFixed(0)} ms`);
});

test('a declared oversize body is refused before reading it: IMAGE_TOO_LARGE_BYTES', async () => {
  await assert.rejects(loadImageSource(`${base}/big-declared`), { code: 'IMAGE_TOO_LARGE_BYTES', message: /over the 10 MB limit/ });
});

test('an undeclared oversize body stops at maxBytes: IMAGE_TOO_LARGE_BYTES', async () => {
  const maxBytes = 1024 * 1024;
  await assert.rejects(loadImageSource(`${base}/big-chunked`, { maxBytes }), (error: { code: string; message: string }) => {
    assert.equal(error.code, 'IMAGE_TOO_LARGE_BYTES');
    // it stopped within a chunk or two of the limit, not after the whole 25 MB
    const mb = Number(/([\d.]+) MB/.exec(error.message)?.[1]);
    assert.ok(mb >= 1 && mb < 1.3, error.message);
    return true;
  });
});

test('an unreachable host is IMAGE_URL_UNREACHABLE', async () => {
  // a port that was just free: nothing listens there
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  await assert.rejects(loadImageSource(`http://127.0.0.1:${port}/x.png`), { code: 'IMAGE_URL_UNREACHABLE', message: /could not download/ });
});

test('a data URI decodes', async () => {
  assert.deepEqual(await loadImageSource(`data:image/png;base64,${cat.toString('base64')}`), cat);
});

test('raw base64 decodes', async () => {
  assert.deepEqual(await loadImageSource(cat.toString('base64')), cat);
});

test('a file path reads the file', async () => {
  assert.deepEqual(await loadImageSource(catPath), cat);
});

test('a missing file is IMAGE_NOT_FOUND naming the path', async () => {
  await assert.rejects(loadImageSource('/no/such/dir/picture.png'), { code: 'IMAGE_NOT_FOUND', message: /no such file: \/no\/such\/dir\/picture\.png/ });
});

test('a data URI over maxBytes is IMAGE_TOO_LARGE_BYTES', async () => {
  await assert.rejects(loadImageSource(`data:image/png;base64,${cat.toString('base64')}`, { maxBytes: 1000 }), { code: 'IMAGE_TOO_LARGE_BYTES' });
});
