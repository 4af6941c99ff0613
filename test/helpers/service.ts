/**
 * The real service for tests: started in this process on an ephemeral port with a temporary data
 * dir (or, for restart tests, as a child process running `node bin/moviola.js serve`), plus a small
 * JSON client that returns the status and the parsed envelope.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../../src/api/config.js';
import { startService, type Service } from '../../src/api/start-service.js';
import { createAccountWithKey } from '../../src/tasks/api-keys.js';

export const TEST_KEY = 'mvl_test_key_a_0123456789';
/** small renders for logic tests (DESIGN.md §7): about 320×240 */
export const TEST_AREA = '76800';

export interface TestService {
  url: string;
  key: string;
  dataDir: string;
  service: Service;
  /** another account with its own key */
  addAccount(name: string, balance: number): Promise<string>;
  close(): Promise<void>;
}

export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-api-'));
  const config = configFromEnv({
    PORT: '0', HOST: '127.0.0.1', MOVIOLA_DATA_DIR: dataDir, MOVIOLA_API_KEY: TEST_KEY, MOVIOLA_RENDER_AREA: TEST_AREA,
    MOVIOLA_WORKERS: '0', LOG_LEVEL: 'error',
    // the suite's image and webhook servers listen on loopback, which the outbound guard refuses by
    // default; security tests pass MOVIOLA_ALLOW_PRIVATE_URLS: '' to get the strict default back
    MOVIOLA_ALLOW_PRIVATE_URLS: '127.0.0.0/8',
    // tests end at once (running renders go back to the queue), as before graceful shutdown existed
    MOVIOLA_SHUTDOWN_GRACE_MS: '0',
    // the run's scene cache (npm test sets one for all files); else the service's own, in its data dir
    ...(process.env.MOVIOLA_CACHE_DIR ? { MOVIOLA_CACHE_DIR: process.env.MOVIOLA_CACHE_DIR } : {}),
    ...env,
  });
  const service = await startService(config, { print: () => {}, logger: env.LOG_LEVEL !== undefined });
  return {
    url: service.url, key: TEST_KEY, dataDir, service,
    async addAccount(name, balance) {
      return (await createAccountWithKey(service.ctx.store, name, balance)).key;
    },
    async close() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: { code: number; message: string; data: T };
  headers: Headers;
}

/** one JSON request; `body` may be a string to send raw */
export async function api<T = any>(url: string, key: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const response = await fetch(url + path, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: ApiResponse<T>['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** polls a prediction until `done(status)` or the timeout */
export async function waitFor(url: string, key: string, id: string, done: (data: any) => boolean, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await api(url, key, 'GET', `/api/v3/predictions/${id}/result`);
    if (r.status === 200 && done(r.body.data)) return r.body.data;
    if (Date.now() > deadline) throw new Error(`prediction ${id} still ${r.body.data?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const MODEL_PATH = '/api/v3/kwaivgi/kling-v2.6-pro/image-to-video';
export const STD_MODEL_PATH = '/api/v3/kwaivgi/kling-v2.6-std/image-to-video';

const BIN = fileURLToPath(new URL('../../bin/moviola.js', import.meta.url));

export interface ChildService {
  child: ChildProcess;
  url: string;
  /** every stdout line so far */
  lines: string[];
  exited: Promise<number | null>;
}

/** `node bin/moviola.js serve` as a child process; resolves once it prints its address */
export async function spawnServe(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildService> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', MOVIOLA_ALLOW_PRIVATE_URLS: '127.0.0.0/8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    let buffer = '';
    child.stdout!.on('data', (c: Buffer) => {
      buffer += c.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        const m = /listening on (http:\/\/\S+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  return { child, url, lines, exited };
}
